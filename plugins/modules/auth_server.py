#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server
short_description: Manage Kong Identity auth servers
version_added: 0.1.0
description:
  - Create, update or delete an auth server of Kong Identity, an OAuth 2.0 authorization server that Konnect hosts.
    Konnect gives each one a public issuer URL (C(issuer) in RV(auth_server)).
  - An auth server is found by O(id) or by its O(name), which Konnect keeps unique.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The auth server's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the auth server.
    type: str
  audience:
    description:
      - The recipients the tokens are intended for (their C(aud) claim). Required to create an auth server.
    type: str
  signing_algorithm:
    description:
      - The algorithm the tokens are signed with. Konnect's default is V(RS256).
    type: str
    choices: [RS256, RS384, RS512, PS256, PS384, PS512]
  trusted_origins:
    description:
      - Origins the auth server answers CORS requests from, such as V(https://app.example.com), compared as a set.
    type: list
    elements: str
  force:
    description:
      - With O(state=absent), delete the auth server with its claims, scopes and clients. Without it Konnect refuses to
        delete an auth server that has any, and the task fails with its message.
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.auth_server_info
  - module: konnect.konnect.auth_server_scope
  - module: konnect.konnect.auth_server_claim
  - module: konnect.konnect.auth_server_client
'''

EXAMPLES = r'''
- name: An auth server for the payments APIs
  konnect.konnect.auth_server:
    name: payments
    description: Tokens for the payments APIs
    audience: https://api.example.com/payments
    signing_algorithm: RS256
    trusted_origins: [https://app.example.com]
    labels:
      team: payments

- name: Stronger signatures
  konnect.konnect.auth_server:
    name: payments
    signing_algorithm: PS512

- name: Delete it with everything it holds
  konnect.konnect.auth_server:
    name: payments
    force: true
    state: absent
'''

RETURN = r'''
auth_server:
  description: The auth server as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 9ca01bc2-6fe3-4c01-a5ea-0bd3256645ab
    name: payments
    audience: https://api.example.com/payments
    signing_algorithm: RS256
    issuer: https://a1b2c3d4e5f6.us.identity.konghq.com/auth
    metadata_uri: https://a1b2c3d4e5f6.us.identity.konghq.com/auth/.well-known/openid-configuration
    labels: {team: payments}

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

TASK = EntityTask('auth_server')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
