#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_route
short_description: Manage gateway routes of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway routes in a Konnect control plane, optionally attached to a service.
  - A route is found by O(id) or by its O(name) within the control plane.
  - Lists such as O(paths), O(hosts) and O(methods) are compared as sets.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The gateway service the route sends traffic to, by name or id, in the same control plane.
    type: str
  name:
    description:
      - The route's name, unique in the control plane (case sensitive). Required unless O(id) is given.
    type: str
  protocols:
    description:
      - Protocols the route accepts, for example V([https]) or V([http, https]). When not set, Konnect applies its default.
    type: list
    elements: str
  methods:
    description:
      - HTTP methods that match this route, in upper case.
    type: list
    elements: str
  hosts:
    description:
      - Host names that match this route; wildcards such as V(*.example.com) are allowed.
    type: list
    elements: str
  paths:
    description:
      - Paths that match this route; a path starting with V(~) is a regular expression.
    type: list
    elements: str
  headers:
    description:
      - Request headers that must be present, as a map of header name to a list of accepted values.
    type: dict
  snis:
    description:
      - SNIs that match this route when using stream routing.
    type: list
    elements: str
  sources:
    description:
      - For stream routes (V(tcp), V(tls), V(udp)), the client addresses that match, each an C(ip) (or CIDR range) and/or a
        C(port). Compared as a set.
    type: list
    elements: dict
    suboptions:
      ip:
        description: An IP address or CIDR range.
        type: str
      port:
        description: A port.
        type: int
  destinations:
    description:
      - For stream routes, the destination addresses that match, each an C(ip) (or CIDR range) and/or a C(port). Compared as a set.
    type: list
    elements: dict
    suboptions:
      ip:
        description: An IP address or CIDR range.
        type: str
      port:
        description: A port.
        type: int
  https_redirect_status_code:
    description:
      - Status code returned when a request over HTTP should use HTTPS. Konnect's default is V(426).
    type: int
    choices: [301, 302, 307, 308, 426]
  regex_priority:
    description:
      - Priority among routes with regular-expression paths.
    type: int
  strip_path:
    description:
      - Whether to strip the matched path prefix from the upstream request. Konnect's default is V(true).
    type: bool
  preserve_host:
    description:
      - Whether to send the client's Host header upstream. Konnect's default is V(false).
    type: bool
  request_buffering:
    description:
      - Whether to buffer request bodies. Konnect's default is V(true).
    type: bool
  response_buffering:
    description:
      - Whether to buffer response bodies. Konnect's default is V(true).
    type: bool
  path_handling:
    description:
      - How the service path and the route path are combined. Konnect's default is V(v0).
    type: str
    choices: [v0, v1]
  expression:
    description:
      - A route expression, for control planes that use the expressions router (instead of O(paths), O(hosts) and the like).
    type: str
  priority:
    description:
      - Priority of an expression route.
    type: int
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_route_info
  - module: konnect.konnect.gateway_service
'''

EXAMPLES = r'''
- name: Route /orders to the orders service
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    konnect_region: eu
    service: orders
    name: orders-public
    paths: [/orders]
    methods: [GET, POST]
    protocols: [https]
    strip_path: false

- name: Route by host and header
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    service: orders
    name: orders-beta
    hosts: [beta.example.com]
    headers:
      x-canary: ["true"]
    https_redirect_status_code: 308
    preserve_host: true

- name: An expression route (expressions router), with everything given by id
  konnect.konnect.gateway_route:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    service: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9
    name: orders-expr
    expression: 'http.path ^= "/orders" && http.method == "GET"'
    priority: 100

- name: Regex paths with an explicit priority, and tags
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    service: orders
    name: orders-by-id
    paths: ['~/orders/\d+$']
    regex_priority: 10
    path_handling: v1
    request_buffering: true
    response_buffering: false
    tags: [team-orders]

- name: A TLS passthrough route matched by SNI
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    service: tls-backend
    name: tls-in
    protocols: [tls_passthrough]
    snis: [secure.example.com]

- name: A TCP route for clients of one network
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    service: ledger
    name: ledger-tcp
    protocols: [tcp]
    sources:
      - {ip: 10.0.0.0/8}
    destinations:
      - {port: 5432}

- name: Delete a route
  konnect.konnect.gateway_route:
    control_plane: prod-eu
    name: orders-beta
    state: absent
'''

RETURN = r'''
gateway_route:
  description:
    - The route as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 9c1e0a77-35f3-4a59-9f0a-0f7c2d2b0e6b
    name: orders-public
    service: {id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9}
    paths: [/orders]
    methods: [GET, POST]
    protocols: [https]
    strip_path: false
    preserve_host: false
    https_redirect_status_code: 426
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_route')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
