#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: personal_access_token_info
short_description: List your own Konnect personal access tokens
version_added: 0.1.0
description:
  - Read the personal access tokens of the calling user, by id, by name, or with filters.
  - The calling user is the person O(konnect_token) belongs to, which must then be a personal access token (C(kpat_...)),
    or the one logging in with O(konnect_email). A system account token (C(spat_...)) cannot read personal access tokens;
    the task then fails with a clear message.
  - Only the tokens' details are returned, such as their state and when they expire. Konnect never returns the secrets.
  - Personal access tokens are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list, also when looking up one token.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the tokens with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.personal_access_token
'''

EXAMPLES = r'''
- name: All my tokens
  konnect.konnect.personal_access_token_info:
  register: my_tokens

- name: Names of the tokens that no longer work
  ansible.builtin.debug:
    msg: "{{ my_tokens.personal_access_tokens | rejectattr('state', 'equalto', 'ACTIVE') | map(attribute='name') | list }}"

- name: One token by name
  konnect.konnect.personal_access_token_info:
    name: laptop

- name: One token by id
  konnect.konnect.personal_access_token_info:
    id: 83f8380e-7798-4566-99e3-2edf2b57d289

- name: Active tokens only
  konnect.konnect.personal_access_token_info:
    filters:
      state: ACTIVE
'''

RETURN = r'''
personal_access_tokens:
  description: The tokens found, as Konnect returns them (without their secrets).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 83f8380e-7798-4566-99e3-2edf2b57d289
      name: laptop
      state: ACTIVE
      user_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      expires_at: "2026-12-23T10:00:00Z"
      last_used_at: "2026-11-24T09:12:00Z"
      revoked_at: null
      revoked_by: null
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('personal_access_token')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
