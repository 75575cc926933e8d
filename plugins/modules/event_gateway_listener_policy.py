#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_listener_policy
short_description: Manage the listener policies of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update, move and delete the policies that apply to a listener, in chain order.
  - A policy is found by O(id) or by its O(name) in its chain; Konnect lists the chain in one request.
  - 'One module covers every type (V(tls_server), V(forward_to_virtual_cluster)): O(config) is checked against the spec''s schema of the O(type) before
    any request.'
  - 'O(position) is compared: a policy elsewhere in the chain is moved there.'
  - 'C(config.certificates) (a C(tls_server) policy''s certificate and key) is write-only: sent on create or with O(update_secrets=always), never
    compared, shown as C(********).'
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  type:
    description:
      - The policy type. Required to create a policy.
    type: str
    choices: [tls_server, forward_to_virtual_cluster]
  labels:
    description:
      - Labels (string keys and values) of the policy; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.event_gateway.listener
  - konnect.konnect.entity
  - konnect.konnect.event_gateway.policy
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_listener_policy_info
'''

EXAMPLES = r'''
- name: Forward by SNI to the virtual clusters, first in the chain
  konnect.konnect.event_gateway_listener_policy:
    event_gateway: orders
    listener: public
    name: route-by-sni
    type: forward_to_virtual_cluster
    description: One host name per virtual cluster
    enabled: true
    config:
      type: sni
      sni_suffix: .kafka.example.com
    position: 0
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_listener_policy:
    event_gateway: orders
    listener: public
    name: route-by-sni
    state: absent
'''

RETURN = r'''
event_gateway_listener_policy:
  description:
  - The policy as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty dict
    after a deletion.
  - C(position) is its place in the chain, from 0.
  returned: always
  type: dict
  sample:
    id: 240a5c0c-fcb4-4040-ba0d-5e54e1bd504c
    name: example
    type: tls_server
    enabled: true
    position: 0
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_listener_policy')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
