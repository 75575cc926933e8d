#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_service
short_description: Manage gateway services of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway services in a Konnect control plane.
  - A service is found by O(id) or by its O(name) within the control plane.
  - Only the fields the task sets are compared; Konnect's defaults for the others are kept.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The service's name, unique in the control plane. Required unless O(id) is given.
    type: str
  url:
    description:
      - Shorthand for O(protocol), O(host), O(port) and O(path) at once, for example V(https://api.internal:8443/v1).
      - Konnect does not return it; the parts are compared instead.
    type: str
  protocol:
    description:
      - Protocol used to talk to the upstream. Konnect's default is V(http).
    type: str
    choices: [grpc, grpcs, http, https, tcp, tls, tls_passthrough, udp, ws, wss]
  host:
    description:
      - Host of the upstream server. Required when creating a service, unless O(url) is given.
    type: str
  port:
    description:
      - Upstream server port. Konnect's default is V(80).
    type: int
  path:
    description:
      - Path to be used in requests to the upstream server.
    type: str
  retries:
    description:
      - Number of retries to execute upon failure to proxy. Konnect's default is V(5).
    type: int
  connect_timeout:
    description:
      - Milliseconds to wait for establishing a connection to the upstream. Konnect's default is V(60000).
    type: int
  write_timeout:
    description:
      - Milliseconds between two successive write operations to the upstream. Konnect's default is V(60000).
    type: int
  read_timeout:
    description:
      - Milliseconds between two successive read operations from the upstream. Konnect's default is V(60000).
    type: int
  enabled:
    description:
      - Whether the service is active. Konnect's default is V(true).
    type: bool
  tls_verify:
    description:
      - Whether to verify the upstream's TLS certificate.
    type: bool
  tls_verify_depth:
    description:
      - Maximum depth of the upstream certificate chain to verify.
    type: int
  ca_certificates:
    description:
      - Ids of CA certificates used to verify the upstream's certificate. Compared as a set.
    type: list
    elements: str
  tls_sans:
    description:
      - Additional names the upstream's certificate may carry besides O(host), checked when O(tls_verify) is on.
    type: dict
    suboptions:
      dnsnames:
        description: DNS names (subject alternative names of type DNS).
        type: list
        elements: str
      uris:
        description: URIs (subject alternative names of type URI).
        type: list
        elements: str
  client_certificate:
    description:
      - The certificate Kong presents as client certificate in the TLS handshake with the upstream (mutual TLS).
      - Given by id, or by the certificate's PEM text (the C(cert) of M(konnect.konnect.gateway_certificate)), which
        is looked up among all certificates of the control plane.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_service_info
  - module: konnect.konnect.gateway_route
  - module: konnect.konnect.control_plane
'''

EXAMPLES = r'''
- name: Create a service from a URL
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    konnect_region: eu
    name: orders
    url: https://orders.internal:8443/v1
    tags: [team-orders]

- name: The same by parts, with the control plane given by id (one request when nothing changes)
  konnect.konnect.gateway_service:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: orders
    protocol: https
    host: orders.internal
    port: 8443
    path: /v1
    retries: 3
    connect_timeout: 5000
    read_timeout: 30000
    write_timeout: 30000

- name: Verify the upstream certificate
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    name: orders
    tls_verify: true
    tls_verify_depth: 2
    ca_certificates:
      - 2b8f4c4e-6d0c-4d47-a0a7-7c0ab2e3e1f1
    client_certificate: b2f34145-0343-41a4-9602-4c69dec2f269
    tls_sans:
      dnsnames: [orders-internal.example.com]

- name: Disable a service without deleting it
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    name: orders
    enabled: false

- name: Keep exactly these tags
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    name: orders
    tags: [team-orders, tier-1]
    purge_tags: true

- name: Delete a service (its routes must be deleted first)
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    name: orders
    state: absent
'''

RETURN = r'''
gateway_service:
  description:
    - The service as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9
    name: orders
    protocol: https
    host: orders.internal
    port: 8443
    path: /v1
    retries: 5
    connect_timeout: 60000
    read_timeout: 60000
    write_timeout: 60000
    enabled: true
    tags: [team-orders]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_service')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
