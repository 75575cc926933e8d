#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_graphql_cost_decoration
short_description: Manage the GraphQL cost decorations of a gateway service in a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete a cost decoration of the GraphQL Rate Limiting Advanced plugin, which says how much a query that
    reaches O(type_path) costs.
  - A decoration is found by its O(type_path) under its O(service).
  - The task does not write into a control plane group or a control plane the Kong Ingress Controller manages.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The gateway service, by name or id, whose cost decoration this is.
    type: str
    required: true
  type_path:
    description:
      - The path of the GraphQL type or field the cost applies to, for example C(Query.allPeople). Required unless O(id) is given.
    type: str
  add_constant:
    description:
      - A constant added to the cost of the node.
    type: float
  add_arguments:
    description:
      - Arguments of the node whose values are added to its cost.
    type: list
    elements: str
  mul_constant:
    description:
      - A constant the cost of the node's children is multiplied by.
    type: float
  mul_arguments:
    description:
      - Arguments of the node whose values multiply the cost of its children.
    type: list
    elements: str
  id:
    description:
      - The decoration's id, instead of O(type_path), to find it.
    type: str
  state:
    description:
      - V(present) creates or updates the decoration, V(absent) deletes it (no change when it does not exist).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_graphql_cost_decoration_info
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Listing people costs one per person asked for
  konnect.konnect.gateway_graphql_cost_decoration:
    control_plane: prod-eu
    konnect_region: eu
    service: people-graphql
    type_path: Query.allPeople
    mul_arguments: [first]
    add_constant: 1

- name: Delete it, found by id
  konnect.konnect.gateway_graphql_cost_decoration:
    control_plane: prod-eu
    service: people-graphql
    id: 5d1c3b2a-7e6f-4a8b-9c0d-1e2f3a4b5c6d
    state: absent
'''

RETURN = r'''
gateway_graphql_cost_decoration:
  description: The decoration as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 5d1c3b2a-7e6f-4a8b-9c0d-1e2f3a4b5c6d
    type_path: Query.allPeople
    add_constant: 1
    mul_arguments: [first]
    service: {id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e}
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_graphql_cost_decoration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
