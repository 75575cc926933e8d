#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_scope
short_description: Manage the scopes of a Kong Identity auth server
version_added: 0.1.0
description:
  - Create, update or delete a scope that the clients of an auth server can request.
  - A scope is found by O(id) or by its O(name), unique within O(auth_server).
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
      - The scope's name, unique within the auth server. Required unless O(id) is given.
    type: str
  description:
    description:
      - A description of the scope.
    type: str
  default:
    description:
      - Grant the scope without the client asking for it (if the client is allowed it). Konnect's default is V(false).
    type: bool
  include_in_metadata:
    description:
      - List the scope in the auth server's metadata document. Konnect's default is V(false).
    type: bool
  enabled:
    description:
      - Whether clients can request the scope. Konnect's default is V(true).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.auth_server_scope_info
  - module: konnect.konnect.auth_server
  - module: konnect.konnect.auth_server_client
'''

EXAMPLES = r'''
- name: A read scope for the payments API
  konnect.konnect.auth_server_scope:
    auth_server: payments
    name: payments.read
    description: Read payments
    default: true
    include_in_metadata: true

- name: Disable it
  konnect.konnect.auth_server_scope:
    auth_server: payments
    name: payments.read
    enabled: false

- name: Delete it (clients that allow it lose it)
  konnect.konnect.auth_server_scope:
    auth_server: payments
    name: payments.read
    state: absent
'''

RETURN = r'''
auth_server_scope:
  description: The scope as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 07db04a7-32a2-407f-88e6-8e7fde762ff5
    name: payments.read
    description: Read payments
    default: true
    include_in_metadata: true
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

TASK = EntityTask('auth_server_scope')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
