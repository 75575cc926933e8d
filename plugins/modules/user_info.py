#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: user_info
short_description: List users of a Konnect organization
version_added: 0.1.0
description:
  - Read the users of the Konnect organization, by id, by email, or with filters; every page is read.
  - Invited users who have not accepted yet are listed too, with C(active) V(false).
  - Users are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list, also when looking up one user.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  email:
    description:
      - Return only the user with exactly this email address (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(id), C(email), C(full_name) and
        C(active), and applied to the listed users for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains). Konnect itself accepts C(eq) and C(contains) for C(email) and C(full_name).
      - All pages are read.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.user
  - module: konnect.konnect.team_user_info
'''

EXAMPLES = r'''
- name: All users of the organization
  konnect.konnect.user_info:
  register: users

- name: Email addresses of everyone who has not accepted the invitation yet
  ansible.builtin.debug:
    msg: "{{ users.users | rejectattr('active') | map(attribute='email') | list }}"

- name: One user by email
  konnect.konnect.user_info:
    email: jane.doe@example.com
  register: jane

- name: One user by id
  konnect.konnect.user_info:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7

- name: Everyone with an address at example.com
  konnect.konnect.user_info:
    filters:
      email: {contains: "@example.com"}

- name: Pending invitations only
  konnect.konnect.user_info:
    filters:
      active: false

- name: Users Konnect placed in the EU region (filtered after listing)
  konnect.konnect.user_info:
    filters:
      inferred_region: eu
'''

RETURN = r'''
users:
  description: The users found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      email: jane.doe@example.com
      full_name: Jane Doe
      preferred_name: Jane
      active: true
      inferred_region: us
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('user')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
