#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_role_info
short_description: List the roles assigned to a Konnect system account
version_added: 0.1.0
description:
  - Read the roles assigned directly to a system account, by id or with filters.
  - Roles the account has through its teams are not included; read those with M(konnect.konnect.team_role_info).
  - System accounts and roles are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - Return only the assignment with this id (an empty list if the account has none with it).
      - Mutually exclusive with O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.role_assignment_info
  - konnect.konnect.identity.system_account
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.system_account_role
  - module: konnect.konnect.role_info
'''

EXAMPLES = r'''
- name: Everything the CI account may do
  konnect.konnect.system_account_role_info:
    system_account: ci-deployer
  register: ci_roles

- name: Fail if the CI account is an admin anywhere
  ansible.builtin.assert:
    that: ci_roles.system_account_roles | selectattr('role_name', 'equalto', 'Admin') | list | length == 0

- name: Its control plane roles only
  konnect.konnect.system_account_role_info:
    system_account: ci-deployer
    filters:
      entity_type_name: Control Planes

- name: Roles in the EU or everywhere (filtered after listing)
  konnect.konnect.system_account_role_info:
    system_account: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    filters:
      entity_region: {oeq: [eu, "*"]}

- name: One assignment by id
  konnect.konnect.system_account_role_info:
    system_account: ci-deployer
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
'''

RETURN = r'''
system_account_roles:
  description: The assignments found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
      role_name: Deployer
      entity_type_name: Control Planes
      entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      entity_region: eu
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('system_account_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
