#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_graphql_cost_decoration_info
short_description: List the GraphQL cost decorations of a gateway service in a Konnect control plane
version_added: 0.1.0
description:
  - Read the GraphQL cost decorations of a gateway service, by id, by type path, or with filters; every page is read.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The gateway service, by name or id.
    type: str
    required: true
  type_path:
    description:
      - Return only the decoration of this type path (an empty list if there is none). Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_graphql_cost_decoration
'''

EXAMPLES = r'''
- name: All cost decorations of a service
  konnect.konnect.gateway_graphql_cost_decoration_info:
    control_plane: prod-eu
    service: people-graphql
  register: costs

- name: One by type path
  konnect.konnect.gateway_graphql_cost_decoration_info:
    control_plane: prod-eu
    service: people-graphql
    type_path: Query.allPeople
'''

RETURN = r'''
gateway_graphql_cost_decorations:
  description: The decorations found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5d1c3b2a-7e6f-4a8b-9c0d-1e2f3a4b5c6d
      type_path: Query.allPeople
      add_constant: 1
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_graphql_cost_decoration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
