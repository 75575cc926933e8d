#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_info
short_description: List Konnect event gateways
version_added: 0.1.0
description:
  - Read event gateways, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the event gateway with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_info:
  register: found

- name: One by name
  konnect.konnect.event_gateway_info:
    name: orders

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_info:
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_info:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
'''

RETURN = r'''
event_gatewaies:
  description: The event gatewaies found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: orders
    description: Kafka access for the orders services
    min_runtime_version: '1.0'
    labels:
      team: orders
    nodes_total: 0
    virtual_clusters_total: 0
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
