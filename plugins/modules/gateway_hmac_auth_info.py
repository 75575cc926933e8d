#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_hmac_auth_info
short_description: List HMAC credentials of a gateway consumer in Konnect
version_added: 0.1.0
description:
  - Read the HMAC credentials of a Kong gateway consumer in a Konnect control plane, by id, by username, or with filters; every
    page is read.
  - Always returns a list, also when looking up one HMAC credential.
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
  - module: konnect.konnect.gateway_hmac_auth
  - module: konnect.konnect.gateway_consumer_info
'''

EXAMPLES = r'''
- name: All HMAC credentials of a consumer
  konnect.konnect.gateway_hmac_auth_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer: ledger-sync
  register: found

- name: One by username
  konnect.konnect.gateway_hmac_auth_info:
    control_plane: prod-eu
    consumer: ledger-sync
    username: ledger-sync

- name: Credentials whose user name contains a word
  konnect.konnect.gateway_hmac_auth_info:
    control_plane: prod-eu
    consumer: ledger-sync
    filters:
      username: {contains: ledger}

- name: One by id, with the control plane and consumer given by id
  konnect.konnect.gateway_hmac_auth_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: 75695322-e8a0-4109-aed4-5416b0308d85
'''

RETURN = r'''
gateway_hmac_auths:
  description:
    - The HMAC credentials found, as Konnect returns them.
    - Secrets are never returned; C(secret) shows C(********).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 75695322-e8a0-4109-aed4-5416b0308d85
      consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
      username: ledger-sync
      secret: '********'
      tags: [team-ledger]
      created_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_hmac_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
