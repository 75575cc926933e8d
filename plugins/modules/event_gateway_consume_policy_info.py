#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_consume_policy_info
short_description: List the consume policies of a Konnect event gateway
version_added: 0.1.0
description:
  - Read the consume policies of a event gateway, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
  - Policies are listed in chain order, each with its C(position).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the policy with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.event_gateway.virtual_cluster
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway_consume_policy
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_consume_policy_info:
    event_gateway: orders
    virtual_cluster: partners
  register: found

- name: One by name
  konnect.konnect.event_gateway_consume_policy_info:
    event_gateway: orders
    virtual_cluster: partners
    name: example

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_consume_policy_info:
    event_gateway: orders
    virtual_cluster: partners
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_consume_policy_info:
    event_gateway: orders
    virtual_cluster: partners
    id: 240a5c0c-fcb4-4040-ba0d-5e54e1bd504c
'''

RETURN = r'''
event_gateway_consume_policies:
  description: The policies found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: 240a5c0c-fcb4-4040-ba0d-5e54e1bd504c
    name: example
    type: decrypt
    enabled: true
    position: 0
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway_consume_policy')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
