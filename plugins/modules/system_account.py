#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account
short_description: Manage Konnect system accounts
version_added: 0.1.0
description:
  - Create, update and delete system accounts, the identities that automation (CI pipelines, operators, scripts) uses
    instead of a person. A system account acts through its access tokens (C(spat_...)) and gets its permissions from
    roles and teams.
  - A system account is found by O(id) or by its unique O(name).
  - System accounts are global; the calls go to the global API whatever O(konnect_region) says.
  - Deleting a system account also ends its access tokens.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The system account's name, unique in the organization. Required unless O(id) is given; with O(id), a different
        name renames it.
    type: str
  description:
    description:
      - What the account is for. Konnect requires it when the account is created.
    type: str
  konnect_managed:
    description:
      - Whether the account is managed by Konnect itself rather than by people of the organization.
      - Can only be set when the account is created (see O(recreate)). Leave it out for accounts of your own.
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.system_account_info
  - module: konnect.konnect.system_account_access_token
  - module: konnect.konnect.system_account_role
  - module: konnect.konnect.system_account_team
'''

EXAMPLES = r'''
- name: A system account for the deployment pipeline
  konnect.konnect.system_account:
    name: ci-deployer
    description: Deploys gateway configuration from GitHub Actions
  register: ci

- name: Let it deploy to the EU production control plane
  konnect.konnect.system_account_role:
    system_account: "{{ ci.system_account.id }}"
    role_name: Deployer
    entity_type_name: Control Planes
    entity: prod-eu
    entity_region: eu

- name: Rename it, found by id
  konnect.konnect.system_account:
    id: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    name: gha-deployer

- name: Change only its description
  konnect.konnect.system_account:
    name: gha-deployer
    description: Deploys from GitHub Actions (prod and staging)

- name: Create an account explicitly not managed by Konnect
  konnect.konnect.system_account:
    name: monitoring
    description: Reads analytics for the NOC dashboard
    konnect_managed: false

- name: Delete a system account (its tokens stop working)
  konnect.konnect.system_account:
    name: old-robot
    state: absent
'''

RETURN = r'''
system_account:
  description:
    - The system account as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
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
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('system_account')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
