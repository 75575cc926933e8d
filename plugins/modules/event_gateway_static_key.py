#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_static_key
short_description: Manage the static encryption keys of a Konnect event gateway
version_added: 0.1.0
description:
  - Create and delete the static keys that encrypt and decrypt policies of an event gateway use.
  - A static key is found by O(id) or by its O(name) in the event gateway.
  - 'Konnect cannot update a static key: O(value) is write-only and sent only when the key is created; a new O(value) (O(update_secrets=always)),
    O(description) or O(labels) needs O(recreate=true), which deletes the key and creates it again.'
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The static key's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the static key (up to 512 characters).
    type: str
  value:
    description:
      - The key material (write-only). Required to create a static key.
    type: str
  labels:
    description:
      - Labels (string keys and values) of the static key; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_static_key_info
'''

EXAMPLES = r'''
- name: The key the orders policies encrypt with
  konnect.konnect.event_gateway_static_key:
    event_gateway: orders
    name: orders-key
    description: AES key of the orders payloads
    value: "{{ vault_orders_key }}"
    labels:
      team: orders

- name: Rotate it (a new key under the same name)
  konnect.konnect.event_gateway_static_key:
    event_gateway: orders
    name: orders-key
    value: "{{ vault_orders_key_2 }}"
    update_secrets: always
    recreate: true

- name: Delete it
  konnect.konnect.event_gateway_static_key:
    event_gateway: orders
    name: orders-key
    state: absent
'''

RETURN = r'''
event_gateway_static_key:
  description:
  - The static key as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty dict
    after a deletion.
  returned: always
  type: dict
  sample:
    id: 019ada5b-9003-43c4-8493-75e7bc018d34
    name: orders-key
    description: AES key of the orders payloads
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_static_key')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
