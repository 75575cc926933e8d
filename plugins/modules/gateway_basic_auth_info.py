#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_basic_auth_info
short_description: List basic-auth credentials of a gateway consumer in Konnect
version_added: 0.1.0
description:
  - Read the basic-auth credentials of a Kong gateway consumer in a Konnect control plane, by id, by username, or with filters; every
    page is read.
  - Always returns a list, also when looking up one basic-auth credential.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  username:
    description:
      - Return only the credential with this user name (an empty list if the consumer has none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.consumer
  - konnect.konnect.credentials.info
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_basic_auth
  - module: konnect.konnect.gateway_consumer_info
'''

EXAMPLES = r'''
- name: All basic-auth credentials of a consumer
  konnect.konnect.gateway_basic_auth_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer: billing-batch
  register: found

- name: One by username
  konnect.konnect.gateway_basic_auth_info:
    control_plane: prod-eu
    consumer: billing-batch
    username: billing-batch

- name: Credentials whose user name contains a word
  konnect.konnect.gateway_basic_auth_info:
    control_plane: prod-eu
    consumer: billing-batch
    filters:
      username: {contains: batch}

- name: One by id, with the control plane and consumer given by id
  konnect.konnect.gateway_basic_auth_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: b2f34145-0343-41a4-9602-4c69dec2f269
'''

RETURN = r'''
gateway_basic_auths:
  description:
    - The basic-auth credentials found, as Konnect returns them.
    - Passwords are never returned, not even the hashes Kong stores; C(password) shows C(********).
  returned: always
  type: list
  elements: dict
  sample:
    - id: b2f34145-0343-41a4-9602-4c69dec2f269
      consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
      username: billing-batch
      password: '********'
      tags: [team-billing]
      created_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_basic_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
