#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_info
short_description: List the developer teams of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the teams of a developer portal, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one team.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the teams with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[name][<op>]=<value>) and C(filter[can_own_applications]=<bool>),
        and applied to the listed teams for any other field (such as C(description)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_team
'''

EXAMPLES = r'''
- name: Every team of a portal
  konnect.konnect.portal_team_info:
    portal: Partner Portal
  register: teams

- name: Teams that may own applications
  konnect.konnect.portal_team_info:
    portal: Partner Portal
    filters:
      can_own_applications: true

- name: One team by name
  konnect.konnect.portal_team_info:
    portal: Partner Portal
    name: Acme Corp
'''

RETURN = r'''
portal_teams:
  description: The teams found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: d32d905a-ed33-46a3-a093-d8f536af9a8a
      name: Acme Corp
      description: Developers of our partner Acme
      can_own_applications: true
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
