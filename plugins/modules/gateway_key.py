#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key
short_description: Manage asymmetric keys of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway keys in a Konnect control plane. A key holds a public key, a private key or
    both, as a JSON Web Key (O(jwk)) or in PEM format (O(pem)), for plugins that sign, verify, encrypt or decrypt tokens.
  - A key is found by O(id) or by its O(name) within the control plane (Konnect reads it by name directly).
  - Give exactly one of O(jwk) and O(pem). O(jwk) and the private key in O(pem) are write-only for this module; see
    O(update_secrets). The public key in O(pem) is compared like any other field.
  - Creating, changing or deleting a key in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The key's name, unique in the control plane. Required unless O(id) is given; with O(id), a different name
        renames the key.
    type: str
  kid:
    description:
      - The key identifier that tokens name in their C(kid) header. Required to create a key.
      - With O(jwk), it must equal the C(kid) inside the JSON Web Key.
    type: str
  jwk:
    description:
      - The key as a JSON Web Key, a JSON document given as a string or as a dict, or a vault reference to one.
      - Write-only; sent when the key is created, or on every run with O(update_secrets=always).
    type: json
  pem:
    description:
      - The key pair in PEM format; give the public key, the private key or both.
    type: dict
    suboptions:
      public_key:
        description:
          - The PEM-encoded public key. Compared on every run.
        type: str
      private_key:
        description:
          - The PEM-encoded private key, or a vault reference to it.
          - Write-only; sent when the key is created, or on every run with O(update_secrets=always). When the key is
            updated for another change, the private key the task gives is sent along.
        type: str
  key_set:
    description:
      - The key set the key belongs to, by name or id. Deleting the set deletes the key.
      - Leave it out for a key outside any set; a task that leaves it out does not take the key out of its set.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.entity.secrets
  - konnect.konnect.gateway
  - konnect.konnect.attributes
notes:
  - Konnect returns the private key material with the key; the module never does. RV(gateway_key) shows O(jwk) and
    O(pem.private_key) as C(********).
seealso:
  - module: konnect.konnect.gateway_key_info
  - module: konnect.konnect.gateway_key_set
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: A key set for token decryption
  konnect.konnect.gateway_key_set:
    control_plane: prod-eu
    konnect_region: eu
    name: jwe-decryption

- name: A PEM key pair in that set
  konnect.konnect.gateway_key:
    control_plane: prod-eu
    konnect_region: eu
    name: jwe-2026
    kid: jwe-2026
    key_set: jwe-decryption
    pem:
      public_key: "{{ lookup('ansible.builtin.file', 'keys/jwe-2026.pub.pem') }}"
      private_key: "{{ lookup('ansible.builtin.file', 'keys/jwe-2026.pem') }}"
    tags: [idp-keys]

- name: A public key only, as a JSON Web Key, with the key set by id
  konnect.konnect.gateway_key:
    control_plane: prod-eu
    name: partner-signing
    kid: partner-2026-01
    key_set: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
    jwk: >-
      {"kty": "RSA", "kid": "partner-2026-01", "use": "sig", "alg": "RS256", "e": "AQAB",
      "n": "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tF"}

- name: Replace the private key in place
  konnect.konnect.gateway_key:
    control_plane: prod-eu
    name: jwe-2026
    kid: jwe-2026
    pem:
      public_key: "{{ lookup('ansible.builtin.file', 'keys/jwe-2026b.pub.pem') }}"
      private_key: "{{ lookup('ansible.builtin.file', 'keys/jwe-2026b.pem') }}"
    update_secrets: always

- name: Keep exactly these tags
  konnect.konnect.gateway_key:
    control_plane: prod-eu
    name: jwe-2026
    tags: [idp-keys, current]
    purge_tags: true

- name: Delete a key by id
  konnect.konnect.gateway_key:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: d958f66b-8e99-44d2-b0b4-edd5bbf24658
    state: absent
'''

RETURN = r'''
gateway_key:
  description:
    - The key as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: d958f66b-8e99-44d2-b0b4-edd5bbf24658
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
    x5t: null
    tags: [idp-keys]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id, the key set's id and the fields the task sets (write-only values as
    C(********)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_key')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
