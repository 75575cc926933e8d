#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key_info
short_description: List asymmetric keys of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway keys of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one key.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the key with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect returns the private key material with the keys; the module never does. RV(gateway_keys) shows C(jwk) and
    C(pem.private_key) as C(********).
seealso:
  - module: konnect.konnect.gateway_key
  - module: konnect.konnect.gateway_key_set_info
'''

EXAMPLES = r'''
- name: All keys of a control plane
  konnect.konnect.gateway_key_info:
    control_plane: prod-eu
    konnect_region: eu
  register: keys
  no_log: true

- name: A key by name
  konnect.konnect.gateway_key_info:
    control_plane: prod-eu
    name: jwe-2026
  no_log: true

- name: The keys of one key set (filtered after listing)
  konnect.konnect.gateway_key_info:
    control_plane: prod-eu
    filters:
      set.id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
  no_log: true

- name: The keys with a given key identifier
  konnect.konnect.gateway_key_info:
    control_plane: prod-eu
    filters:
      kid: partner-2026-01
  no_log: true

- name: A key by id
  konnect.konnect.gateway_key_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: d958f66b-8e99-44d2-b0b4-edd5bbf24658
  no_log: true
'''

RETURN = r'''
gateway_keys:
  description: The keys found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: d958f66b-8e99-44d2-b0b4-edd5bbf24658
      name: jwe-2026
      kid: jwe-2026
      set: {id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e}
      jwk: null
      pem:
        public_key: |-
          -----BEGIN PUBLIC KEY-----
          MIIBIjANBgkqhkiG9w0BAQEF...
          -----END PUBLIC KEY-----
        private_key: '********'
      tags: [idp-keys]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_key')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
