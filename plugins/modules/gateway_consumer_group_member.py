#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer_group_member
short_description: Add consumers to and remove them from consumer groups of a Konnect control plane
version_added: 0.1.0
description:
  - Make sure a Kong Gateway consumer is a member of a consumer group, or is not.
  - The membership is found by the consumer's id among the members of the group.
  - A membership has nothing to update; it exists or it does not. A consumer can be a member of several groups.
  - Adding or removing a member in a control plane group or in a control plane managed by the Kong Ingress Controller
    fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  consumer:
    description:
      - The consumer, by username or id, in the same control plane. Required with O(state=present).
      - With O(state=absent), a consumer that does not exist is not a member either, so nothing changes.
    type: str
  id:
    description:
      - The member consumer's id, to find the membership without O(consumer).
      - With O(state=present) the consumer must already be a member; leave O(id) out and give O(consumer) to add one.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.gateway.consumer_group
  - konnect.konnect.entity
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_consumer_group_member_info
  - module: konnect.konnect.gateway_consumer_group
  - module: konnect.konnect.gateway_consumer
'''

EXAMPLES = r'''
- name: Put a consumer in a group
  konnect.konnect.gateway_consumer_group_member:
    control_plane: prod-eu
    konnect_region: eu
    consumer_group: gold
    consumer: acme-mobile

- name: The same with everything given by id (fewer lookups)
  konnect.konnect.gateway_consumer_group_member:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer_group: 3f2a1c9e-4b7d-4e0a-9d61-6c1b7f0e2a55
    consumer: 8a388226-80e8-4027-a486-25e4f7db5d21

- name: Put several consumers in a group
  konnect.konnect.gateway_consumer_group_member:
    control_plane: prod-eu
    consumer_group: gold
    consumer: "{{ item }}"
  loop: [acme-mobile, acme-web, globex]

- name: Take a consumer out of a group (the consumer itself stays)
  konnect.konnect.gateway_consumer_group_member:
    control_plane: prod-eu
    consumer_group: gold
    consumer: globex
    state: absent

- name: Take a consumer out of a group, by the consumer's id
  konnect.konnect.gateway_consumer_group_member:
    control_plane: prod-eu
    consumer_group: gold
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
    state: absent
'''

RETURN = r'''
gateway_consumer_group_member:
  description:
    - The member consumer as the group lists it; in check mode, after an addition, just the consumer's id.
    - An empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
    username: acme-mobile
    custom_id: "4711"
    tags: [partner]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the membership, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_consumer_group_member')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
