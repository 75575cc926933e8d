#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_service_info
short_description: List Konnect gateway services
version_added: 0.1.0
description:
  - Read gateway services of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one gateway service.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the service with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_service
'''

EXAMPLES = r'''
- name: All services of a control plane, every page
  konnect.konnect.gateway_service_info:
    control_plane: prod-eu
    konnect_region: eu
  register: services

- name: A service by name
  konnect.konnect.gateway_service_info:
    control_plane: prod-eu
    name: orders

- name: Services that talk HTTPS (filtered after listing; Konnect filters services only by name)
  konnect.konnect.gateway_service_info:
    control_plane: prod-eu
    filters:
      protocol: https

- name: A service by id
  konnect.konnect.gateway_service_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9
'''

RETURN = r'''
gateway_services:
  description: The gateway services found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9
      name: orders
      protocol: https
      host: orders.internal
      port: 8443
      path: /v1
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_service')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
