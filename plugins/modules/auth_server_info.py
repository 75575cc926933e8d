#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_info
short_description: List Kong Identity auth servers
version_added: 0.1.0
description:
  - Read Kong Identity auth servers by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the auth server with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.auth_server
'''

EXAMPLES = r'''
- name: Every auth server of the region
  konnect.konnect.auth_server_info:

- name: One by name
  konnect.konnect.auth_server_info:
    name: payments

- name: Those for one audience (Konnect filters on it)
  konnect.konnect.auth_server_info:
    filters:
      audience: https://api.example.com/payments
'''

RETURN = r'''
auth_servers:
  description: The Kong Identity auth servers found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9ca01bc2-6fe3-4c01-a5ea-0bd3256645ab
      name: payments
      audience: https://api.example.com/payments
      issuer: https://a1b2c3d4e5f6.us.identity.konghq.com/auth
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('auth_server')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
