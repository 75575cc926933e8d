#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway
short_description: Manage Konnect event gateways
version_added: 0.1.0
description:
  - Create, update and delete event gateways, the control planes of Kong Event Gateway (Kafka proxies).
  - An event gateway is found by O(id) or by its O(name), unique in the region.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The event gateway's name, unique in the region. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the event gateway (up to 512 characters).
    type: str
  min_runtime_version:
    description:
      - The oldest data-plane version (C(major.minor)) the gateway's configuration must work with.
    type: str
  labels:
    description:
      - Labels (string keys and values) of the event gateway; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_info
'''

EXAMPLES = r'''
- name: An event gateway for the orders team
  konnect.konnect.event_gateway:
    name: orders
    description: Kafka access for the orders services
    min_runtime_version: "1.0"
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway:
    name: orders
    state: absent
'''

RETURN = r'''
event_gateway:
  description:
  - The event gateway as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty
    dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: orders
    description: Kafka access for the orders services
    min_runtime_version: '1.0'
    labels:
      team: orders
    nodes_total: 0
    virtual_clusters_total: 0
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
