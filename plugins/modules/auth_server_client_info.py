#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_client_info
short_description: List the clients of an auth server
version_added: 0.1.0
description:
  - Read the clients of an auth server by id, by name, or with filters; every page is read.
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
      - Return only the client with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.auth_server_client
'''

EXAMPLES = r'''
- name: Every client of an auth server (never their secrets)
  konnect.konnect.auth_server_client_info:
    auth_server: payments

- name: One client by name
  konnect.konnect.auth_server_client_info:
    auth_server: payments
    name: billing-job

- name: Clients that may use the client-credentials grant (filtered after listing)
  konnect.konnect.auth_server_client_info:
    auth_server: payments
    filters:
      grant_types: {contains: client_credentials}
'''

RETURN = r'''
auth_server_clients:
  description: The the clients of an auth server found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: a0a7461f-9f69-42a6-8be9-7c384d5e4d49
      name: billing-job
      grant_types: [client_credentials]
      response_types: [token]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('auth_server_client')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
