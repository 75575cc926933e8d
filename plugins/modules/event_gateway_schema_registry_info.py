#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_schema_registry_info
short_description: List the schema registries of a Konnect event gateway
version_added: 0.1.0
description:
  - Read the schema registries of a event gateway, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the schema registry with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway_schema_registry
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_schema_registry_info:
    event_gateway: orders
  register: found

- name: One by name
  konnect.konnect.event_gateway_schema_registry_info:
    event_gateway: orders
    name: orders-registry

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_schema_registry_info:
    event_gateway: orders
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_schema_registry_info:
    event_gateway: orders
    id: 5a3e7d4c-6a4b-4bb8-8a59-5ad6c2b0f5b1
'''

RETURN = r'''
event_gateway_schema_registries:
  description: The schema registries found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: 5a3e7d4c-6a4b-4bb8-8a59-5ad6c2b0f5b1
    name: orders-registry
    type: confluent
    config:
      schema_type: avro
      endpoint: https://registry.example.com
      timeout_seconds: 5
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway_schema_registry')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
