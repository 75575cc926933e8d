#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key_auth_info
short_description: List API keys (key-auth credentials) of a gateway consumer in Konnect
version_added: 0.1.0
description:
  - Read the key-auth credentials (API keys) of a Kong gateway consumer in a Konnect control plane, by id, by key, or with filters; every
    page is read.
  - Always returns a list, also when looking up one key-auth credential.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - Return only the credential with this API key (an empty list if the consumer has none).
      - Hidden in Ansible's output and logs (C(no_log)).
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
  - module: konnect.konnect.gateway_key_auth
  - module: konnect.konnect.gateway_consumer_info
'''

EXAMPLES = r'''
- name: All key-auth credentials (API keys) of a consumer
  konnect.konnect.gateway_key_auth_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer: mobile-app
  register: found

- name: One by key
  konnect.konnect.gateway_key_auth_info:
    control_plane: prod-eu
    consumer: mobile-app
    key: "{{ vault_mobile_app_api_key }}"

- name: Keys that expire (filtered after listing)
  konnect.konnect.gateway_key_auth_info:
    control_plane: prod-eu
    consumer: mobile-app
    filters:
      ttl: {neq: null}

- name: One by id, with the control plane and consumer given by id
  konnect.konnect.gateway_key_auth_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: b2f34145-0343-41a4-9602-4c69dec2f269
'''

RETURN = r'''
gateway_key_auths:
  description:
    - The key-auth credentials (API keys) found, as Konnect returns them.
    - The keys themselves are never returned; C(key) shows C(********). Look a key up with O(key) to find its credential.
  returned: always
  type: list
  elements: dict
  sample:
    - id: b2f34145-0343-41a4-9602-4c69dec2f269
      consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
      key: '********'
      ttl: null
      tags: [team-mobile]
      created_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_key_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
