#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_team
short_description: Add system accounts to and remove them from Konnect teams
version_added: 0.1.0
description:
  - Make sure a system account is a member of a team of the Konnect organization, or is not. As a member, the account
    gets the roles of the team.
  - The membership is found by the account's id among the team's system accounts, so a task that changes nothing only reads.
  - A membership has nothing to update; it exists or it does not.
  - Teams and system accounts are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  system_account:
    description:
      - The system account, by name or id. Required with O(state=present).
      - With O(state=absent), an account that does not exist is not a member either, so nothing changes.
    type: str
  id:
    description:
      - The member's system account id, to find the membership without O(system_account).
      - Konnect has no way to read one membership, so the member is looked for among the team's members.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.team
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.system_account_team_info
  - module: konnect.konnect.system_account
  - module: konnect.konnect.team
  - module: konnect.konnect.team_role
'''

EXAMPLES = r'''
- name: Give the CI account the roles of the platform team
  konnect.konnect.system_account_team:
    team: API Platform
    system_account: ci-deployer

- name: Put an account in a predefined team, both given by id (no lookups)
  konnect.konnect.system_account_team:
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    system_account: 497f6eca-6276-4993-bfeb-53cbbbba6f08

- name: Take it out of the team again (the account itself stays)
  konnect.konnect.system_account_team:
    team: API Platform
    system_account: ci-deployer
    state: absent
'''

RETURN = r'''
system_account_team:
  description:
    - The member as the team lists it (a system account).
    - Konnect answers an addition without a body, so the module reads the new member back; in check mode this is just the
      account's C(id). It is an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    name: ci-deployer
    description: Deploys gateway configuration from GitHub Actions
    konnect_managed: false
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the membership (the member's id as C(system_account)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('system_account_team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
