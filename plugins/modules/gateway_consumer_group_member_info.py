#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer_group_member_info
short_description: List the members of a consumer group of a Konnect control plane
version_added: 0.1.0
description:
  - Read the consumers that are members of a Kong Gateway consumer group; every page is read.
  - Always returns a list, also when looking up one member.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - Return only the member consumer with this id (an empty list if that consumer is not a member).
      - Mutually exclusive with O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.gateway.consumer_group
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_consumer_group_member
  - module: konnect.konnect.gateway_consumer_group_info
'''

EXAMPLES = r'''
- name: Every member of a group
  konnect.konnect.gateway_consumer_group_member_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer_group: gold
  register: members

- name: Is a consumer a member? (an empty list means no)
  konnect.konnect.gateway_consumer_group_member_info:
    control_plane: prod-eu
    consumer_group: gold
    filters:
      username: acme-mobile
  register: membership

- name: A member by the consumer's id
  konnect.konnect.gateway_consumer_group_member_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer_group: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
'''

RETURN = r'''
gateway_consumer_group_members:
  description: The member consumers found, as the group lists them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 8a388226-80e8-4027-a486-25e4f7db5d21
      username: acme-mobile
      custom_id: "4711"
      tags: [partner]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_consumer_group_member')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
