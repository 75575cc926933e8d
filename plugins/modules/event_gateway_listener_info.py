#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_listener_info
short_description: List the listeners of a Konnect event gateway
version_added: 0.1.0
description:
  - Read the listeners of a event gateway, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the listener with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway_listener
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_listener_info:
    event_gateway: orders
  register: found

- name: One by name
  konnect.konnect.event_gateway_listener_info:
    event_gateway: orders
    name: public

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_listener_info:
    event_gateway: orders
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_listener_info:
    event_gateway: orders
    id: 9e9c1a1c-49c5-4a7f-9a7e-c7b1f6c36f2e
'''

RETURN = r'''
event_gateway_listeners:
  description: The listeners found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: 9e9c1a1c-49c5-4a7f-9a7e-c7b1f6c36f2e
    name: public
    addresses:
    - 0.0.0.0
    ports:
    - 9092-9095
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway_listener')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
