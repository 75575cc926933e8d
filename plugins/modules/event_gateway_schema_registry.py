#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_schema_registry
short_description: Manage the schema registries of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete the schema registries that schema-validation policies of an event gateway use.
  - A schema registry is found by O(id) or by its O(name) in the event gateway.
  - 'C(config.authentication) is write-only: sent on create (or with O(update_secrets=always)), never compared, shown as C(********).'
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The schema registry's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the schema registry (up to 512 characters).
    type: str
  type:
    description:
      - The kind of registry. Required to create one.
    type: str
    choices: [confluent]
  config:
    description:
      - 'Where and how: C(schema_type) (V(avro) or V(json)), C(endpoint), C(timeout_seconds), C(authentication) (write-only).'
      - Required to create a schema registry.
    type: dict
  labels:
    description:
      - Labels (string keys and values) of the schema registry; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_schema_registry_info
'''

EXAMPLES = r'''
- name: The Confluent registry of the orders team
  konnect.konnect.event_gateway_schema_registry:
    event_gateway: orders
    name: orders-registry
    description: Avro schemas of the orders topics
    type: confluent
    config:
      schema_type: avro
      endpoint: https://registry.example.com
      timeout_seconds: 5
      authentication:
        type: basic
        username: gateway
        password: "{{ vault_registry_password }}"
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_schema_registry:
    event_gateway: orders
    name: orders-registry
    state: absent
'''

RETURN = r'''
event_gateway_schema_registry:
  description:
  - The schema registry as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty
    dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 5a3e7d4c-6a4b-4bb8-8a59-5ad6c2b0f5b1
    name: orders-registry
    type: confluent
    config:
      schema_type: avro
      endpoint: https://registry.example.com
      timeout_seconds: 5
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_schema_registry')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
