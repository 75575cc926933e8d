#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_degraphql_route_info
short_description: List the DeGraphQL routes of a gateway service in a Konnect control plane
version_added: 0.1.0
description:
  - Read the DeGraphQL routes of a gateway service, by id, by URI, or with filters; every page is read.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The gateway service, by name or id.
    type: str
    required: true
  uri:
    description:
      - Return only the route with this URI (an empty list if there is none). Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_degraphql_route
'''

EXAMPLES = r'''
- name: All DeGraphQL routes of a service
  konnect.konnect.gateway_degraphql_route_info:
    control_plane: prod-eu
    service: users-graphql
  register: routes

- name: One by URI
  konnect.konnect.gateway_degraphql_route_info:
    control_plane: prod-eu
    service: users-graphql
    uri: /users/:id
'''

RETURN = r'''
gateway_degraphql_routes:
  description: The routes found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0b4a2d6e-3c1f-4e8a-9b7d-5f2c1a3e4d6b
      uri: /users/:id
      methods: [GET]
      query: 'query ($id: ID!) { user(id: $id) { name } }'
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_degraphql_route')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
