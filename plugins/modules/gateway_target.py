#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_target
short_description: Manage the targets of an upstream in a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete the targets of a Kong Gateway upstream; each target is a host or IP address with a port
    that the upstream balances requests over.
  - A target is found by O(id) or by its O(target) address within the upstream (Konnect reads it by address directly).
    An address without a port means port 8000, as Kong stores it, so C(api.internal) and C(api.internal:8000) are the
    same target.
  - Only the fields the task sets are compared.
  - Creating, changing or deleting a target in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  target:
    description:
      - The target's address, a host name or IP address and a port, for example V(10.0.12.4:8080) or
        V(orders-1.internal:443); unique in the upstream. Required unless O(id) is given.
      - When the host name resolves to a DNS SRV record, the port (and weight) from the record are used instead.
    type: str
  weight:
    description:
      - The target's share of the traffic relative to the other targets, from 0 to 65535. V(0) takes the target out of
        rotation without deleting it. Konnect's default is V(100).
    type: int
  failover:
    description:
      - Use this target only as a backup, when the other targets are unhealthy. Konnect's default is V(false).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.gateway.upstream
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_target_info
  - module: konnect.konnect.gateway_upstream
'''

EXAMPLES = r'''
- name: Add two targets to an upstream
  konnect.konnect.gateway_target:
    control_plane: prod-eu
    konnect_region: eu
    upstream: orders.upstream
    target: "{{ item }}"
    weight: 100
    tags: [team-orders]
  loop:
    - 10.0.12.4:8080
    - 10.0.12.5:8080

- name: A backup target, used only when the others are unhealthy
  konnect.konnect.gateway_target:
    control_plane: prod-eu
    upstream: orders.upstream
    target: orders-dr.internal:8080
    failover: true

- name: Drain a target (no new requests) without deleting it, with control plane and upstream by id
  konnect.konnect.gateway_target:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    upstream: 6eed5e9c-5398-4026-9a4c-d48f18a2431e
    target: 10.0.12.5:8080
    weight: 0

- name: Keep exactly these tags
  konnect.konnect.gateway_target:
    control_plane: prod-eu
    upstream: orders.upstream
    target: 10.0.12.4:8080
    tags: [team-orders, zone-a]
    purge_tags: true

- name: Remove a target by id
  konnect.konnect.gateway_target:
    control_plane: prod-eu
    upstream: orders.upstream
    id: 089292a7-ba3d-4d88-acf0-97b4b2e2621a
    state: absent
'''

RETURN = r'''
gateway_target:
  description:
    - The target as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 089292a7-ba3d-4d88-acf0-97b4b2e2621a
    target: 10.0.12.4:8080
    upstream: {id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e}
    weight: 100
    failover: false
    tags: [team-orders]
    created_at: 1763892000.123
    updated_at: 1763892000.123
diff:
  description: Before and after of the address, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_target')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
