#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_transit_gateway_info
short_description: List transit gateways of a Konnect cloud gateway network
version_added: 0.1.0
description:
  - "Read the transit gateways of a network, by id, by name, or with filters. Always returns a list."
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
      - Return only the transit gateway with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_transit_gateway
'''

EXAMPLES = r'''
- name: Transit gateways of a network
  konnect.konnect.cloud_gateway_transit_gateway_info:
    network: prod-us

- name: One by name
  konnect.konnect.cloud_gateway_transit_gateway_info:
    network: prod-us
    name: corp-tgw
'''

RETURN = r'''
cloud_gateway_transit_gateways:
  description: The transit gateways found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - name: corp-tgw
      state: ready
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_transit_gateway')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
