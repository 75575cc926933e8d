#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_developer_info
short_description: List the developers of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the developers of a developer portal, by id, by email address, or with filters; every page is read.
  - Always returns a list, also when looking up one developer.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  email:
    description:
      - Return only the developer with this email address (an empty list if there is none). Konnect is asked for exactly
        this address; give it as the developer registered it (the collection's modules register the lower-case form).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(email), C(status) and C(name) (the
        full name), and applied to the listed developers for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_developer
'''

EXAMPLES = r'''
- name: Every developer of a portal
  konnect.konnect.portal_developer_info:
    portal: Partner Portal
  register: developers

- name: Developers waiting for approval
  konnect.konnect.portal_developer_info:
    portal: Partner Portal
    filters:
      status: pending
  register: waiting

- name: Approve them all
  konnect.konnect.portal_developer:
    portal: Partner Portal
    id: "{{ item.id }}"
    status: approved
  loop: "{{ waiting.portal_developers }}"
  loop_control:
    label: "{{ item.email }}"

- name: One developer by email
  konnect.konnect.portal_developer_info:
    portal: Partner Portal
    email: jane.doe@example.com
'''

RETURN = r'''
portal_developers:
  description: The developers found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22
      email: jane.doe@example.com
      full_name: Jane Doe
      status: approved
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_developer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
