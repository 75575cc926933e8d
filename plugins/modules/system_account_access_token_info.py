#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_access_token_info
short_description: List the access tokens of a Konnect system account
version_added: 0.1.0
description:
  - Read the access tokens of a system account, by id, by name, or with filters; every page is read.
  - Only the tokens' details are returned, such as when they expire and were last used. Konnect never returns the secrets.
  - System accounts are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list, also when looking up one token.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the tokens with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[name][<op>]=<value>) for C(name) (Konnect accepts C(eq) and
        C(contains)), and applied to the listed tokens for any other field (such as C(expires_at)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
      - All pages are read.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.system_account
  - konnect.konnect.entity.info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.system_account_access_token
'''

EXAMPLES = r'''
- name: All tokens of the CI account
  konnect.konnect.system_account_access_token_info:
    system_account: ci-deployer
  register: tokens

- name: Tokens that expire within 30 days
  ansible.builtin.debug:
    msg: >-
      {{ tokens.system_account_access_tokens
         | selectattr('expires_at', 'lt', '%Y-%m-%dT%H:%M:%SZ' | strftime(now().timestamp() | int + 30 * 86400, utc=true))
         | map(attribute='name') | list }}

- name: One token by name
  konnect.konnect.system_account_access_token_info:
    system_account: ci-deployer
    name: github-actions

- name: One token by id, with the account given by id
  konnect.konnect.system_account_access_token_info:
    system_account: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    id: 80085d3a-6e96-49b4-af14-242b5bc1d0cb

- name: Tokens whose name contains "github"
  konnect.konnect.system_account_access_token_info:
    system_account: ci-deployer
    filters:
      name: {contains: github}
'''

RETURN = r'''
system_account_access_tokens:
  description: The tokens found, as Konnect returns them (without their secrets).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 80085d3a-6e96-49b4-af14-242b5bc1d0cb
      name: github-actions
      expires_at: "2027-06-30T00:00:00Z"
      last_used_at: "2026-12-01T08:15:00Z"
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('system_account_access_token')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
