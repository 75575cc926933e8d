#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_consume_policy
short_description: Manage the consume policies of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update, move and delete the policies that apply to records consumed from a virtual cluster, in chain order.
  - A policy is found by O(id) or by its O(name) in its chain; Konnect lists the chain in one request.
  - 'One module covers every type (V(decrypt), V(decrypt_fields), V(modify_headers), V(schema_validation), V(skip_record)): O(config) is checked against
    the spec''s schema of the O(type) before any request.'
  - 'O(position) is compared: a policy elsewhere in the chain is moved there.'
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  type:
    description:
      - The policy type. Required to create a policy.
    type: str
    choices: [decrypt, decrypt_fields, modify_headers, schema_validation, skip_record]
  condition:
    description:
      - An expression that limits the records (or requests) the policy applies to; empty applies it to all.
    type: str
  parent_policy:
    description:
      - The policy this one is nested in (same chain), by name or id. Some types need one
      - (C(decrypt_fields), C(encrypt_fields)); C(modify_headers) and C(skip_record) may have one.
    type: str
  labels:
    description:
      - Labels (string keys and values) of the policy; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.event_gateway.virtual_cluster
  - konnect.konnect.entity
  - konnect.konnect.event_gateway.policy
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_consume_policy_info
'''

EXAMPLES = r'''
- name: Drop records without a tenant header
  konnect.konnect.event_gateway_consume_policy:
    event_gateway: orders
    virtual_cluster: partners
    name: need-tenant
    type: skip_record
    description: Records of no tenant are not for partners
    condition: "!record.headers['tenant']"
    enabled: true
    position: 0

- name: Remove an internal header, after a parent policy
  konnect.konnect.event_gateway_consume_policy:
    event_gateway: orders
    virtual_cluster: partners
    name: strip-internal
    type: modify_headers
    parent_policy: validate-orders
    config:
      actions:
        - op: remove
          key: x-internal
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_consume_policy:
    event_gateway: orders
    virtual_cluster: partners
    name: need-tenant
    state: absent
'''

RETURN = r'''
event_gateway_consume_policy:
  description:
  - The policy as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty dict
    after a deletion.
  - C(position) is its place in the chain, from 0.
  returned: always
  type: dict
  sample:
    id: 240a5c0c-fcb4-4040-ba0d-5e54e1bd504c
    name: example
    type: decrypt
    enabled: true
    position: 0
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_consume_policy')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
