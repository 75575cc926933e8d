#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_developer
short_description: Add developers to and remove them from the teams of a Konnect developer portal
version_added: 0.1.0
description:
  - Make sure a developer of a portal is a member of one of its teams, or is not. A member gets the roles of the team.
  - The membership is found by the developer's id among the team's members, so a task that changes nothing only reads.
  - A membership has nothing to update; it exists or it does not.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  developer:
    description:
      - The developer, by email address (any case) or id. Required with O(state=present).
      - With O(state=absent), a developer who does not exist is not a member either, so nothing changes.
    type: str
  id:
    description:
      - The member's developer id, to find the membership without O(developer).
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.team
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_team_developer_info
  - module: konnect.konnect.portal_team
  - module: konnect.konnect.portal_developer
'''

EXAMPLES = r'''
- name: Put a developer in a team
  konnect.konnect.portal_team_developer:
    portal: Partner Portal
    team: Acme Corp
    developer: jane.doe@example.com

- name: The same with ids (no lookups)
  konnect.konnect.portal_team_developer:
    portal: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    team: d32d905a-ed33-46a3-a093-d8f536af9a8a
    developer: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22

- name: Take a developer out of a team (they stay a developer of the portal)
  konnect.konnect.portal_team_developer:
    portal: Partner Portal
    team: Acme Corp
    developer: jane.doe@example.com
    state: absent
'''

RETURN = r'''
portal_team_developer:
  description:
    - The member as the team lists it. Konnect answers an addition without a body, so the module reads the new member back;
      in check mode this is just the developer's C(id). It is an empty dict after a removal.
    - C(active) says whether the developer may log in (is approved).
  returned: always
  type: dict
  sample:
    id: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22
    email: jane.doe@example.com
    full_name: Jane Doe
    active: true
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the membership (the developer as C(developer)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_team_developer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
