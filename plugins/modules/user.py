#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: user
short_description: Invite, update and remove users of a Konnect organization
version_added: 0.1.0
description:
  - Make sure a person is a user of the Konnect organization, set their names, or remove them.
  - A user is found by O(id) or by O(email) (exact match).
  - A user that does not exist yet is B(invited) - Konnect emails an invitation to O(email) - and then shows up in the
    organization as pending until the person accepts. The invitation is sent once; later runs find the pending user by
    email and send nothing.
  - O(full_name) and O(preferred_name) are set right after the invitation and compared on later runs; names the task
    does not set are left alone.
  - Users are global; the calls go to the global API whatever O(konnect_region) says.
  - Teams and roles are given with M(konnect.konnect.team_user) and M(konnect.konnect.user_role).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  email:
    description:
      - The user's email address, which identifies them in the organization and receives the invitation.
      - Required unless O(id) is given. The address of an existing user cannot be changed through Konnect's API.
    type: str
  full_name:
    description:
      - The user's full name, as shown in Konnect (up to 250 characters).
    type: str
  preferred_name:
    description:
      - The name Konnect uses to address the user, for example a first name or nickname (up to 250 characters).
    type: str
  state:
    description:
      - V(present) invites the user if they are not in the organization yet and sets the names the task gives.
      - V(absent) deletes the user from the organization, pending or not. Deleting a user who is not there reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.user_info
  - module: konnect.konnect.team_user
  - module: konnect.konnect.user_role
'''

EXAMPLES = r'''
- name: Invite a user (the invitation email is sent on the first run only)
  konnect.konnect.user:
    email: jane.doe@example.com
    full_name: Jane Doe
    preferred_name: Jane
  register: jane

- name: Tell whether Jane has accepted yet
  ansible.builtin.debug:
    msg: "{{ 'invitation pending' if jane.pending else 'active' }}"

- name: Change only the preferred name (the full name stays as it is)
  konnect.konnect.user:
    email: jane.doe@example.com
    preferred_name: JD

- name: Update a user found by id
  konnect.konnect.user:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    full_name: Jane Q. Doe

- name: Invite everyone on a list
  konnect.konnect.user:
    email: "{{ item }}"
  loop: "{{ platform_engineers }}"

- name: And put them in a team
  konnect.konnect.team_user:
    team: API Platform
    user: "{{ item }}"
  loop: "{{ platform_engineers }}"

- name: Remove a user who left
  konnect.konnect.user:
    email: john.smith@example.com
    state: absent
'''

RETURN = r'''
user:
  description:
    - The user as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null for an invitation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    email: jane.doe@example.com
    full_name: Jane Doe
    preferred_name: Jane
    active: false
    inferred_region: us
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
pending:
  description:
    - V(true) while the user has not accepted the invitation yet (Konnect reports them as not C(active)), V(false) once
      they have.
  returned: when the user exists after the task
  type: bool
  sample: true
diff:
  description: Before and after of the email, the id and the names the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('user')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
