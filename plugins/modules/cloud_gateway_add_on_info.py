#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_add_on_info
short_description: List add-ons of Konnect dedicated cloud gateways
version_added: 0.1.0
description:
  - "Read the add-ons of the organization, by id, by name, or with filters. Always returns a list."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the add-on with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_add_on
'''

EXAMPLES = r'''
- name: All add-ons
  konnect.konnect.cloud_gateway_add_on_info:

- name: Add-ons of one control plane
  konnect.konnect.cloud_gateway_add_on_info:
    filters:
      owner.control_plane_id: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
'''

RETURN = r'''
cloud_gateway_add_ons:
  description: The add-ons found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - name: payments-cache
      state: ready
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_add_on')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
