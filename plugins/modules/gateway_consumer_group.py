#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer_group
short_description: Manage consumer groups of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway consumer groups in a Konnect control plane. A consumer group gathers consumers
    so that plugins (rate limiting tiers, for example) can be applied to all of them at once.
  - A consumer group is found by O(id) or by its O(name) within the control plane.
  - Members are managed with M(konnect.konnect.gateway_consumer_group_member); plugins scoped to the group with
    M(konnect.konnect.gateway_plugin) and its O(konnect.konnect.gateway_plugin#module:consumer_group) option.
  - Creating, changing or deleting a consumer group in a control plane group or in a control plane managed by the Kong
    Ingress Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The group's name, unique in the control plane. Required unless O(id) is given; with O(id), a different name renames
        the group.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_consumer_group_info
  - module: konnect.konnect.gateway_consumer_group_member
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Create a consumer group
  konnect.konnect.gateway_consumer_group:
    control_plane: prod-eu
    konnect_region: eu
    name: gold
    tags: [tier]

- name: Keep exactly these tags
  konnect.konnect.gateway_consumer_group:
    control_plane: prod-eu
    name: gold
    tags: [tier, paid]
    purge_tags: true

- name: Rename a group by id
  konnect.konnect.gateway_consumer_group:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
    name: platinum

- name: Delete a consumer group (the consumers stay, only the grouping goes)
  konnect.konnect.gateway_consumer_group:
    control_plane: prod-eu
    name: platinum
    state: absent
'''

RETURN = r'''
gateway_consumer_group:
  description:
    - The consumer group as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
    name: gold
    tags: [tier]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_consumer_group')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
