#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_jwt_info
short_description: List JWT credentials of a gateway consumer in Konnect
version_added: 0.1.0
description:
  - Read the JWT credentials of a Kong gateway consumer in a Konnect control plane, by id, by key, or with filters; every
    page is read.
  - Always returns a list, also when looking up one JWT credential.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - Return only the credential with this key (the value of the token claim that selects it; an empty list if the
        consumer has none).
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
  - module: konnect.konnect.gateway_jwt
  - module: konnect.konnect.gateway_consumer_info
'''

EXAMPLES = r'''
- name: All JWT credentials of a consumer
  konnect.konnect.gateway_jwt_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer: partner-acme
  register: found

- name: One by key
  konnect.konnect.gateway_jwt_info:
    control_plane: prod-eu
    consumer: partner-acme
    key: https://login.acme.example/

- name: Credentials for RS256 tokens (filtered after listing)
  konnect.konnect.gateway_jwt_info:
    control_plane: prod-eu
    consumer: partner-acme
    filters:
      algorithm: RS256

- name: One by id, with the control plane and consumer given by id
  konnect.konnect.gateway_jwt_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: 75695322-e8a0-4109-aed4-5416b0308d85
'''

RETURN = r'''
gateway_jwts:
  description:
    - The JWT credentials found, as Konnect returns them.
    - Shared secrets are never returned; C(secret) shows C(********).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 75695322-e8a0-4109-aed4-5416b0308d85
      consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
      key: https://login.acme.example/
      algorithm: RS256
      rsa_public_key: "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END PUBLIC KEY-----"
      secret: '********'
      tags: [partner]
      created_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_jwt')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
