#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer_group_info
short_description: List consumer groups of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway consumer groups of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one consumer group.
  - The members of a group are listed by M(konnect.konnect.gateway_consumer_group_member_info).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the consumer group with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_consumer_group
  - module: konnect.konnect.gateway_consumer_group_member_info
'''

EXAMPLES = r'''
- name: All consumer groups of a control plane
  konnect.konnect.gateway_consumer_group_info:
    control_plane: prod-eu
    konnect_region: eu
  register: groups

- name: A consumer group by name
  konnect.konnect.gateway_consumer_group_info:
    control_plane: prod-eu
    name: gold

- name: The tier groups, by any of these names (filtered after listing)
  konnect.konnect.gateway_consumer_group_info:
    control_plane: prod-eu
    filters:
      name:
        oeq: [gold, silver, bronze]

- name: A consumer group by id
  konnect.konnect.gateway_consumer_group_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
'''

RETURN = r'''
gateway_consumer_groups:
  description: The consumer groups found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
      name: gold
      tags: [tier]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_consumer_group')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
