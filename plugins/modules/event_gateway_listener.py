#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_listener
short_description: Manage the listeners of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete listeners, the addresses and ports an event gateway accepts Kafka clients on.
  - A listener is found by O(id) or by its O(name) in the event gateway. Konnect replaces a listener whole on update; the fields the task does not set
    keep their values.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The listener's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the listener (up to 512 characters).
    type: str
  addresses:
    description:
      - The addresses it listens on (for example C(0.0.0.0)). Required to create a listener.
    type: list
    elements: str
  ports:
    description:
      - 'The ports it listens on: port numbers or ranges such as C(9092-9095). Required to create a listener.'
    type: list
    elements: raw
  labels:
    description:
      - Labels (string keys and values) of the listener; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_listener_info
'''

EXAMPLES = r'''
- name: Kafka clients connect on 9092 to 9095
  konnect.konnect.event_gateway_listener:
    event_gateway: orders
    name: public
    description: The listener of the orders clients
    addresses: [0.0.0.0]
    ports: ["9092-9095"]
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_listener:
    event_gateway: orders
    name: public
    state: absent
'''

RETURN = r'''
event_gateway_listener:
  description:
  - The listener as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty dict
    after a deletion.
  returned: always
  type: dict
  sample:
    id: 9e9c1a1c-49c5-4a7f-9a7e-c7b1f6c36f2e
    name: public
    addresses:
    - 0.0.0.0
    ports:
    - 9092-9095
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_listener')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
