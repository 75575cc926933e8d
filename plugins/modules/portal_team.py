#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team
short_description: Manage the developer teams of a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update and delete the teams of a developer portal. A team groups developers
    (M(konnect.konnect.portal_team_developer)) and gives them roles on APIs (M(konnect.konnect.portal_team_role)).
  - A team is found by O(id) or by O(name). Konnect does not require team names to be unique; when several teams share
    the name, the task fails and asks for the id.
  - Deleting a team deletes its role assignments, its memberships and the identity provider group mappings to it. Its
    members stay developers of the portal.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The team's name (1 to 250 characters). Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - Free-text description (1 to 250 characters).
    type: str
  can_own_applications:
    description:
      - Whether applications may belong to the team rather than to one developer (M(konnect.konnect.portal_application)
        with O(konnect.konnect.portal_application#module:team)). Konnect's default is V(false).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_team_info
  - module: konnect.konnect.portal_team_developer
  - module: konnect.konnect.portal_team_role
'''

EXAMPLES = r'''
- name: A team of partner developers that may own applications
  konnect.konnect.portal_team:
    portal: Partner Portal
    name: Acme Corp
    description: Developers of our partner Acme
    can_own_applications: true

- name: Rename a team by id
  konnect.konnect.portal_team:
    portal: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: d32d905a-ed33-46a3-a093-d8f536af9a8a
    name: Acme Corporation

- name: Delete a team (its members stay developers of the portal)
  konnect.konnect.portal_team:
    portal: Partner Portal
    name: Acme Corp
    state: absent
'''

RETURN = r'''
portal_team:
  description:
    - The team as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: d32d905a-ed33-46a3-a093-d8f536af9a8a
    name: Acme Corp
    description: Developers of our partner Acme
    can_own_applications: true
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
