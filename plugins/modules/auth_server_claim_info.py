#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_claim_info
short_description: List the claims of an auth server
version_added: 0.1.0
description:
  - Read the claims of an auth server by id, by name, or with filters; every page is read.
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
      - Return only the claims with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.auth_server_claim
'''

EXAMPLES = r'''
- name: Every claim of an auth server
  konnect.konnect.auth_server_claim_info:
    auth_server: payments

- name: One claim by name
  konnect.konnect.auth_server_claim_info:
    auth_server: payments
    name: tenant

- name: Claims put into tokens (filtered after listing)
  konnect.konnect.auth_server_claim_info:
    auth_server: payments
    filters:
      include_in_token: true
'''

RETURN = r'''
auth_server_claims:
  description: The the claims of an auth server found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: b44c1aa2-e34e-46a2-b628-ebb12da769a8
      name: tenant
      value: acme
      include_in_token: true
      enabled: true
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('auth_server_claim')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
