#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_group_mappings
short_description: Set which identity provider groups join which teams of a Konnect developer portal
version_added: 0.1.0
description:
  - Read and change the portal's team group mapping document, which says for each portal team which groups of the
    portal's single sign-on identity provider its developers come from.
  - For each team the task lists, its groups become exactly O(mappings[].groups) (in any order); teams the task does not
    list keep theirs unless O(exclusive=true). Without O(mappings) the task only reads the document.
  - Konnect answers with an error until the portal has an identity provider (M(konnect.konnect.portal_identity_provider)).
  - Konnect calls this endpoint a pre-release. M(konnect.konnect.portal_identity_provider_team_group_mapping) manages one
    group of one team of a given provider.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  mappings:
    description:
      - The teams and their groups.
    type: list
    elements: dict
    suboptions:
      team:
        description:
          - The portal team, by name or id.
        type: str
        required: true
      groups:
        description:
          - The groups whose developers join the team, exactly as the identity provider sends them (case sensitive).
          - An empty list removes every group of the team. With O(state=absent), the groups to take away; all of the
            team's groups when not given.
        type: list
        elements: str
  exclusive:
    description:
      - With V(true), teams that O(mappings) does not list lose all their groups, so the document holds exactly what the
        task lists. Not set means V(false).
    type: bool
  state:
    description:
      - V(present) (also when not set) gives each listed team the groups listed.
      - V(absent) takes the listed groups away from each listed team.
    type: str
    choices: [present, absent]
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_identity_provider
  - module: konnect.konnect.portal_identity_provider_team_group_mapping
  - module: konnect.konnect.portal_team
'''

EXAMPLES = r'''
- name: Two teams and their groups; other teams keep theirs
  konnect.konnect.portal_team_group_mappings:
    portal: Partner Portal
    mappings:
      - team: Acme Corp
        groups: [acme-developers, acme-admins]
      - team: d32d905a-ed33-46a3-a093-d8f536af9a8a
        groups: [globex-developers]

- name: Exactly these mappings; every other team loses its groups
  konnect.konnect.portal_team_group_mappings:
    portal: Partner Portal
    mappings:
      - team: Acme Corp
        groups: [acme-developers]
    exclusive: true

- name: Take one group away from a team
  konnect.konnect.portal_team_group_mappings:
    portal: Partner Portal
    mappings:
      - team: Acme Corp
        groups: [acme-admins]
    state: absent

- name: Read the document
  konnect.konnect.portal_team_group_mappings:
    portal: Partner Portal
  register: document
'''

RETURN = r'''
portal_team_group_mappings:
  description:
    - The document after the task (predicted in check mode), under C(mappings), one entry per team that has groups.
  returned: always
  type: dict
  sample:
    mappings:
      - team_id: d32d905a-ed33-46a3-a093-d8f536af9a8a
        groups: [acme-developers, acme-admins]
diff:
  description: Before and after of the groups of each team the task lists or changes, by team name where known, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_team_group_mappings')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
