#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_claim
short_description: Manage the claims of a Kong Identity auth server
version_added: 0.1.0
description:
  - Create, update or delete a claim that an auth server puts into its tokens.
  - A claim is found by O(id) or by its O(name) within O(auth_server).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  auth_server:
    description:
      - The auth server, by name or id. Giving the id saves a lookup, so a task that changes nothing makes a single request.
    type: str
    required: true
  name:
    description:
      - The claim's name as it appears in the token (case-sensitive). Required unless O(id) is given.
    type: str
  value:
    description:
      - The claim's value, static or templated (such as V(${ uuidv4 })); static JSON becomes a JSON value. Required to create a claim.
    type: str
  include_in_token:
    description:
      - Put the claim in the access token (otherwise it is served by C(/userinfo) only). Konnect's default is V(false).
    type: bool
  include_in_all_scopes:
    description:
      - Include the claim in every scope. Konnect's default is V(false).
    type: bool
  include_in_scopes:
    description:
      - The scopes of the auth server the claim is included in, by name or id, compared as a set.
    type: list
    elements: str
  enabled:
    description:
      - Whether the claim is used. Konnect's default is V(true).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.auth_server_claim_info
  - module: konnect.konnect.auth_server
  - module: konnect.konnect.auth_server_scope
'''

EXAMPLES = r'''
- name: The caller's tenant in every token that has the payments scope
  konnect.konnect.auth_server_claim:
    auth_server: payments
    name: tenant
    value: acme
    include_in_token: true
    include_in_scopes: [payments.read]

- name: A fresh id in every token
  konnect.konnect.auth_server_claim:
    auth_server: payments
    name: jti
    value: "${ uuidv4 }"
    include_in_token: true
    include_in_all_scopes: true

- name: Turn a claim off
  konnect.konnect.auth_server_claim:
    auth_server: payments
    name: tenant
    enabled: false

- name: Delete it
  konnect.konnect.auth_server_claim:
    auth_server: payments
    name: tenant
    state: absent
'''

RETURN = r'''
auth_server_claim:
  description: The claim as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: b44c1aa2-e34e-46a2-b628-ebb12da769a8
    name: tenant
    value: acme
    include_in_token: true
    include_in_all_scopes: false
    include_in_scopes: [07db04a7-32a2-407f-88e6-8e7fde762ff5]
    enabled: true

action:
  description: What the task did, in one word.
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets (secrets masked), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('auth_server_claim')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
