#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: team_user
short_description: Add users to and remove them from Konnect teams
version_added: 0.1.0
description:
  - Make sure a user is a member of a team of the Konnect organization, or is not.
  - The membership is found by the user's id among the team's members, so a task that changes nothing only reads.
  - A membership has nothing to update; it exists or it does not.
  - Teams and users are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  user:
    description:
      - The user, by email address or id. Required with O(state=present).
      - With O(state=absent), a user who does not exist is not a member either, so nothing changes.
    type: str
  id:
    description:
      - The member's user id, to find the membership without O(user).
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.team
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.team_user_info
  - module: konnect.konnect.team
  - module: konnect.konnect.user
'''

EXAMPLES = r'''
- name: Add a user to a team
  konnect.konnect.team_user:
    team: API Platform
    user: jane.doe@example.com

- name: Add a user to a predefined team, with both given by id (no lookups)
  konnect.konnect.team_user:
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    user: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7

- name: Put every platform engineer in the team
  konnect.konnect.team_user:
    team: API Platform
    user: "{{ item }}"
  loop:
    - jane.doe@example.com
    - john.smith@example.com

- name: Take a user out of a team (the user stays in the organization)
  konnect.konnect.team_user:
    team: API Platform
    user: john.smith@example.com
    state: absent
'''

RETURN = r'''
team_user:
  description:
    - The member as the team lists it (a user).
    - Konnect answers an addition without a body, so the module reads the new member back; in check mode this is just the
      user's C(id). It is an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    email: jane.doe@example.com
    full_name: Jane Doe
    preferred_name: Jane
    active: true
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the membership (the member's id as C(user)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('team_user')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
