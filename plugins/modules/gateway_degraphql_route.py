#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_degraphql_route
short_description: Manage the DeGraphQL routes of a gateway service in a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete a route of the DeGraphQL plugin, which turns a REST request (O(uri), O(methods)) into a
    GraphQL O(query) to the service's upstream.
  - A DeGraphQL route is found by its O(uri) under its O(service).
  - The task does not write into a control plane group or a control plane the Kong Ingress Controller manages.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The gateway service, by name or id, whose DeGraphQL route this is.
    type: str
    required: true
  uri:
    description:
      - The REST path the route answers, for example C(/users/:id). Required unless O(id) is given.
    type: str
  query:
    description:
      - The GraphQL query sent upstream, with C(<name>) placeholders filled from the URI and query arguments. Required to create it.
    type: str
  methods:
    description:
      - The HTTP methods the route answers (Kong's default is C(GET)). Compared as a set.
    type: list
    elements: str
  id:
    description:
      - The route's id, instead of O(uri), to find it.
    type: str
  state:
    description:
      - V(present) creates or updates the route, V(absent) deletes it (no change when it does not exist).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_degraphql_route_info
  - module: konnect.konnect.gateway_service
'''

EXAMPLES = r'''
- name: A REST route in front of a GraphQL service
  konnect.konnect.gateway_degraphql_route:
    control_plane: prod-eu
    konnect_region: eu
    service: users-graphql
    uri: /users/:id
    methods: [GET]
    query: 'query ($id: ID!) { user(id: $id) { name email } }'

- name: Delete it, found by id
  konnect.konnect.gateway_degraphql_route:
    control_plane: prod-eu
    service: users-graphql
    id: 0b4a2d6e-3c1f-4e8a-9b7d-5f2c1a3e4d6b
    state: absent
'''

RETURN = r'''
gateway_degraphql_route:
  description: The route as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 0b4a2d6e-3c1f-4e8a-9b7d-5f2c1a3e4d6b
    uri: /users/:id
    methods: [GET]
    query: 'query ($id: ID!) { user(id: $id) { name email } }'
    service: {id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e}
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_degraphql_route')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
