#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: user_role
short_description: Assign Konnect roles to individual users
version_added: 0.1.0
description:
  - Give one user of the Konnect organization a predefined role on some Konnect entities, or take it away.
  - Roles given to a team reach all of its members (see M(konnect.konnect.team_role)); this module is for roles that belong
    to one person.
  - An assignment is O(role_name) on O(entity) of type O(entity_type_name) in O(entity_region); these four values together
    identify it, so a task that changes nothing only reads.
  - An assignment cannot be changed. A task with other values makes another assignment and leaves the old one in place;
    remove that one with O(state=absent).
  - Users and roles are global; the calls go to the global API whatever O(konnect_region) says. Only a control plane given
    by name is looked up, in O(entity_region).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  user:
    description:
      - The user, by email address or id. Giving the id saves a lookup.
    type: str
    required: true
  id:
    description:
      - The id of an existing assignment of this user, to find it without the four values (for example to remove it).
      - With O(state=present) the assignment must exist and the four values, which are then required as well, must match it.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.role_assignment
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.user_role_info
  - module: konnect.konnect.role_info
  - module: konnect.konnect.user
  - module: konnect.konnect.team_role
'''

EXAMPLES = r'''
- name: Let one engineer administer a control plane (given by name, looked up in the US region)
  konnect.konnect.user_role:
    user: jane.doe@example.com
    role_name: Admin
    entity_type_name: Control Planes
    entity: prod-us
    entity_region: us

- name: View a dashboard, with the user and the dashboard given by id
  konnect.konnect.user_role:
    user: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    role_name: Viewer
    entity_type_name: Dashboards
    entity: 1d2e3f40-5162-4738-89ab-cdef01234567
    entity_region: eu

- name: Maintain one API product, given by id
  konnect.konnect.user_role:
    user: jane.doe@example.com
    role_name: Maintainer
    entity_type_name: API Products
    entity: 5b1e8c1a-3a2d-4a44-9b0e-6d1f2c3b4a5e
    entity_region: eu

- name: Take the role away again
  konnect.konnect.user_role:
    user: jane.doe@example.com
    role_name: Admin
    entity_type_name: Control Planes
    entity: prod-us
    entity_region: us
    state: absent

- name: Remove an assignment by its id
  konnect.konnect.user_role:
    user: jane.doe@example.com
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
    state: absent
'''

RETURN = r'''
user_role:
  description:
    - The assignment as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
    role_name: Admin
    entity_type_name: Control Planes
    entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    entity_region: us
diff:
  description: Before and after of the assignment (with the entity's id as C(entity)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('user_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
