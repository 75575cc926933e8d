#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_network_info
short_description: List Konnect dedicated cloud gateway networks
version_added: 0.1.0
description:
  - "Read the cloud gateway networks of the organization (global API), by id, by name, or with filters; every page is read."
  - "Always returns a list."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the network with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_network
'''

EXAMPLES = r'''
- name: All networks
  konnect.konnect.cloud_gateway_network_info:
  register: networks

- name: A network by name
  konnect.konnect.cloud_gateway_network_info:
    name: prod-us

- name: Networks that are ready
  konnect.konnect.cloud_gateway_network_info:
    filters:
      state: ready

- name: A network by id
  konnect.konnect.cloud_gateway_network_info:
    id: 0bd180a4-9847-4613-90bf-f72e1acf1839
'''

RETURN = r'''
cloud_gateway_networks:
  description: The networks found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0bd180a4-9847-4613-90bf-f72e1acf1839
      name: prod-us
      state: ready
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_network')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
