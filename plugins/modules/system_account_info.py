#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_info
short_description: List Konnect system accounts
version_added: 0.1.0
description:
  - Read the system accounts of the Konnect organization, by id, by name, or with filters; every page is read.
  - System accounts are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list, also when looking up one system account.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the system account with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(name), C(description) and
        C(konnect_managed), and applied to the listed accounts for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
      - All pages are read.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.system_account
'''

EXAMPLES = r'''
- name: All system accounts
  konnect.konnect.system_account_info:
  register: accounts

- name: Their names
  ansible.builtin.debug:
    msg: "{{ accounts.system_accounts | map(attribute='name') | list }}"

- name: One system account by name
  konnect.konnect.system_account_info:
    name: ci-deployer

- name: One system account by id
  konnect.konnect.system_account_info:
    id: 497f6eca-6276-4993-bfeb-53cbbbba6f08

- name: The accounts you manage yourself, whose name contains "ci"
  konnect.konnect.system_account_info:
    filters:
      konnect_managed: false
      name: {contains: ci}
'''

RETURN = r'''
system_accounts:
  description: The system accounts found, as Konnect returns them.
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

TASK = InfoTask('system_account')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
