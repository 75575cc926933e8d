#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: control_plane_membership
short_description: Manage the members of a Konnect control plane group
version_added: 0.1.0
description:
  - Add control planes to a control plane group, remove them, or make the group's member list exactly the one given.
  - A control plane group has no configuration of its own; its data planes run the combined configuration of its members,
    which are standard control planes (C(cluster_type) V(CLUSTER_TYPE_CONTROL_PLANE), see M(konnect.konnect.control_plane)).
  - The current members are read first (every page); only the control planes that have to be added or removed are sent,
    so a task that changes nothing makes no write.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  group:
    description:
      - The control plane group, by name or id, in O(konnect_region). The task fails if it is not a control plane group
        (C(cluster_type) V(CLUSTER_TYPE_CONTROL_PLANE_GROUP)).
    type: str
    required: true
  members:
    description:
      - Control planes, by name or id, in the same region as the group. Names are looked up; ids are used as given.
      - With O(state=present) every control plane named must exist; with O(state=absent) one that does not exist is simply
        not a member.
    type: list
    elements: str
    default: []
  state:
    description:
      - V(present) adds the O(members) that are not in the group yet; other members stay, unless O(exclusive=true).
      - V(absent) removes the O(members) that are in the group; the others stay. O(exclusive) plays no part then.
    type: str
    choices: [present, absent]
    default: present
  exclusive:
    description:
      - With O(state=present), also remove every member that is not in O(members), so that the group has exactly those.
      - An empty O(members) with O(exclusive=true) empties the group.
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - The diff lists the ids of the members before and after.
seealso:
  - module: konnect.konnect.control_plane
  - module: konnect.konnect.control_plane_info
'''

EXAMPLES = r'''
- name: A control plane group
  konnect.konnect.control_plane:
    name: prod-group
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    konnect_region: eu

- name: Add the teams' control planes (other members stay)
  konnect.konnect.control_plane_membership:
    group: prod-group
    konnect_region: eu
    members:
      - team-orders
      - team-payments

- name: Make the member list exactly this one (members not listed are removed)
  konnect.konnect.control_plane_membership:
    group: prod-group
    konnect_region: eu
    members:
      - team-orders
      - team-payments
      - platform-global
    exclusive: true
  register: membership

- name: Report what changed
  ansible.builtin.debug:
    msg: "added {{ membership.control_plane_membership.added }}, removed {{ membership.control_plane_membership.removed }}"

- name: Take one control plane out, with the group and member given by id
  konnect.konnect.control_plane_membership:
    group: 2f6b1f0c-1c55-4f6a-a3de-5b0b9c3e2d11
    members:
      - 774f2a35-509d-4b94-97e9-1ed49563bcb1
    state: absent

- name: Empty the group
  konnect.konnect.control_plane_membership:
    group: prod-group
    konnect_region: eu
    members: []
    exclusive: true
'''

RETURN = r'''
control_plane_membership:
  description: The group's membership after the task (the predicted one in check mode).
  returned: always
  type: dict
  contains:
    group:
      description: The id of the control plane group.
      type: str
      returned: always
    members:
      description: The ids of the group's members after the task.
      type: list
      elements: str
      returned: always
    added:
      description: The ids of the control planes this task added (or would add, in check mode).
      type: list
      elements: str
      returned: always
    removed:
      description: The ids of the control planes this task removed (or would remove, in check mode).
      type: list
      elements: str
      returned: always
  sample:
    group: 2f6b1f0c-1c55-4f6a-a3de-5b0b9c3e2d11
    members:
      - 774f2a35-509d-4b94-97e9-1ed49563bcb1
      - 0c4e8a52-9f1d-4c3b-8a7e-6d5f4e3c2b1a
    added:
      - 0c4e8a52-9f1d-4c3b-8a7e-6d5f4e3c2b1a
    removed: []
diff:
  description: The sorted ids of the members before and after, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import GroupMembershipTask

TASK = GroupMembershipTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
