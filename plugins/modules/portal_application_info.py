#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_application_info
short_description: List the applications of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the applications of a developer portal, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one application.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the applications with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(name), C(developer_id) and C(team_id)
        (the owner's id), and applied to the listed applications for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_application
'''

EXAMPLES = r'''
- name: Every application of a portal
  konnect.konnect.portal_application_info:
    portal: Partner Portal
  register: applications

- name: The applications of one developer
  konnect.konnect.portal_application_info:
    portal: Partner Portal
    filters:
      developer_id: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22

- name: One application by name
  konnect.konnect.portal_application_info:
    portal: Partner Portal
    name: Acme Billing
'''

RETURN = r'''
portal_applications:
  description: The applications found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 2be1735c-653e-45be-b614-c763a2dee98a
      name: Acme Billing
      description: Billing integration of Acme
      owner: {type: team, id: d32d905a-ed33-46a3-a093-d8f536af9a8a}
      auth_strategy: {id: 4c51d69a-06e8-4d53-88ef-663763cbc2cf, name: key-auth, credential_type: key_auth, key_names: [apikey]}
      portal: {id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7}
      registration_count: 1
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_application')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
