#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_team_info
short_description: List the system accounts in a Konnect team
version_added: 0.1.0
description:
  - Read the system accounts that belong to a team of the Konnect organization, optionally filtered; every page is read.
  - Teams and system accounts are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - A member's system account id.
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
      - Mutually exclusive with O(filters).
    type: str
  filters:
    description:
      - Conditions on the members' fields, sent as Konnect's C(filter[name][<op>]=<value>) for C(name) (Konnect accepts
        C(eq) and C(contains)), and applied to the listed accounts for any other field (such as C(id)).
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
  - module: konnect.konnect.system_account_team
  - module: konnect.konnect.team_user_info
'''

EXAMPLES = r'''
- name: The system accounts in a team
  konnect.konnect.system_account_team_info:
    team: API Platform
  register: robots

- name: Their names
  ansible.builtin.debug:
    msg: "{{ robots.system_account_teams | map(attribute='name') | list }}"

- name: Is the CI account in the team?
  konnect.konnect.system_account_team_info:
    team: API Platform
    filters:
      name: ci-deployer

- name: Members of a team given by id, found by account id (filtered after listing)
  konnect.konnect.system_account_team_info:
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    filters:
      id: 497f6eca-6276-4993-bfeb-53cbbbba6f08
'''

RETURN = r'''
system_account_teams:
  description: The member system accounts found, as Konnect lists them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 497f6eca-6276-4993-bfeb-53cbbbba6f08
      name: ci-deployer
      description: Deploys gateway configuration from GitHub Actions
      konnect_managed: false
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('system_account_team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
