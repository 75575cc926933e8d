#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_private_dns_info
short_description: List private DNS of a Konnect cloud gateway network
version_added: 0.1.0
description:
  - "Read the private DNS attachments of a network, by id, by name, or with filters. Always returns a list."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  network:
    description:
      - The cloud gateway network, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  name:
    description:
      - Return only the private DNS attachment with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_private_dns
'''

EXAMPLES = r'''
- name: Private DNS of a network
  konnect.konnect.cloud_gateway_private_dns_info:
    network: prod-us
'''

RETURN = r'''
cloud_gateway_private_dns:
  description: The private DNS attachments found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - name: internal-zone
      state: ready
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_private_dns')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
