#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_scope_info
short_description: List the scopes of an auth server
version_added: 0.1.0
description:
  - Read the scopes of an auth server by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
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
      - Return only the scope with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.auth_server_scope
'''

EXAMPLES = r'''
- name: Every scope of an auth server
  konnect.konnect.auth_server_scope_info:
    auth_server: payments

- name: One scope by name
  konnect.konnect.auth_server_scope_info:
    auth_server: payments
    name: payments.read

- name: Scopes whose name contains "payments" (Konnect filters by name)
  konnect.konnect.auth_server_scope_info:
    auth_server: payments
    filters:
      name: {contains: payments}
'''

RETURN = r'''
auth_server_scopes:
  description: The the scopes of an auth server found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 07db04a7-32a2-407f-88e6-8e7fde762ff5
      name: payments.read
      default: true
      enabled: true
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('auth_server_scope')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
