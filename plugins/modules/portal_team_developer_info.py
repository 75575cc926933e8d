#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_developer_info
short_description: List the members of a team of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the developers who belong to a team of a developer portal, optionally filtered; every page is read.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - A member's developer id.
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
      - Mutually exclusive with O(filters).
    type: str
  filters:
    description:
      - Conditions on the members' fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(email) and
        C(full_name) and C(filter[active]=<bool>), and applied to the listed members for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.team
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_team_developer
'''

EXAMPLES = r'''
- name: Everyone in a team
  konnect.konnect.portal_team_developer_info:
    portal: Partner Portal
    team: Acme Corp
  register: members

- name: Their email addresses
  ansible.builtin.debug:
    msg: "{{ members.portal_team_developers | map(attribute='email') | list }}"

- name: Members who may not log in (not approved)
  konnect.konnect.portal_team_developer_info:
    portal: Partner Portal
    team: Acme Corp
    filters:
      active: false
'''

RETURN = r'''
portal_team_developers:
  description: The members found, as the team lists them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22
      email: jane.doe@example.com
      full_name: Jane Doe
      active: true
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_team_developer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
