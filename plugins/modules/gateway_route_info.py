#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_route_info
short_description: List Konnect gateway routes
version_added: 0.1.0
description:
  - Read gateway routes of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one gateway route.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the route with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_route
'''

EXAMPLES = r'''
- name: All routes of a control plane
  konnect.konnect.gateway_route_info:
    control_plane: prod-eu
    konnect_region: eu
  register: routes

- name: A route by name
  konnect.konnect.gateway_route_info:
    control_plane: prod-eu
    name: orders-public

- name: Routes whose name contains "orders"
  konnect.konnect.gateway_route_info:
    control_plane: prod-eu
    filters:
      name: {contains: orders}

- name: Routes that still use the v0 path handling (filtered after listing)
  konnect.konnect.gateway_route_info:
    control_plane: prod-eu
    filters:
      path_handling: v0
'''

RETURN = r'''
gateway_routes:
  description: The gateway routes found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9c1e0a77-35f3-4a59-9f0a-0f7c2d2b0e6b
      name: orders-public
      service: {id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9}
      paths: [/orders]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_route')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
