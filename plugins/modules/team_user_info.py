#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: team_user_info
short_description: List the members of a Konnect team
version_added: 0.1.0
description:
  - Read the users who belong to a team of the Konnect organization, optionally filtered; every page is read.
  - Teams and users are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - A member's user id.
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
      - Mutually exclusive with O(filters).
    type: str
  filters:
    description:
      - Conditions on the members' fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(id) and C(email),
        and applied to the listed members for any other field (such as C(active) or C(full_name)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
      - All pages are read.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.team
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.team_user
  - module: konnect.konnect.user_info
'''

EXAMPLES = r'''
- name: Everyone in a team
  konnect.konnect.team_user_info:
    team: API Platform
  register: members

- name: Their email addresses
  ansible.builtin.debug:
    msg: "{{ members.team_users | map(attribute='email') | list }}"

- name: Is Jane in the team?
  konnect.konnect.team_user_info:
    team: API Platform
    filters:
      email: jane.doe@example.com
  register: jane_in_team

- name: Members of a predefined team given by id, with an address at example.com
  konnect.konnect.team_user_info:
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    filters:
      email: {contains: "@example.com"}

- name: Members who have not accepted their invitation yet (filtered after listing)
  konnect.konnect.team_user_info:
    team: API Platform
    filters:
      active: false
'''

RETURN = r'''
team_users:
  description: The members found, as users the way Konnect lists them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      email: jane.doe@example.com
      full_name: Jane Doe
      preferred_name: Jane
      active: true
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('team_user')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
