#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: organization_info
short_description: Read the Konnect organization the credentials belong to
version_added: 0.1.0
description:
  - Read the Konnect organization that O(konnect_token) (or the O(konnect_email) login) belongs to, for example to check
    that a playbook talks to the intended organization before it changes anything.
  - The organization is global; the call goes to the global API whatever O(konnect_region) says.
  - Returns a list with that one organization, like the other C(_info) modules.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.organization
'''

EXAMPLES = r'''
- name: Which organization is this?
  konnect.konnect.organization_info:
  register: org

- name: Refuse to go on against the wrong organization
  ansible.builtin.assert:
    that: org.organizations[0].name == 'Acme'
    fail_msg: "KONNECT_TOKEN belongs to {{ org.organizations[0].name }}, not Acme"
'''

RETURN = r'''
organizations:
  description: The organization, as the only element of a list.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 6f1d4a5e-2b7c-4c3e-9a8f-0e1d2c3b4a59
      name: Acme
      owner_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      login_path: acme
      state: active
      retention_period_days: 90
      created_at: "2024-01-01T00:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('organization')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
