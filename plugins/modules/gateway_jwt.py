#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_jwt
short_description: Manage JWT credentials of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Create, update and delete the JWT credentials of a Kong gateway consumer in a Konnect control plane. The C(jwt)
    plugin reads a claim of the incoming token (C(iss) unless the plugin is configured otherwise), picks the credential whose
    O(key) equals it, checks the token's signature with that credential's O(secret) or O(rsa_public_key) and lets the
    request through as the consumer.
  - A JWT credential is found by O(id), or by its O(key) among the consumer's JWT credentials.
  - The shared secret is never compared. It is sent when the credential is created and, to change it, with
    O(update_secrets=always), which updates the credential in place (same id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - The value of the token's C(iss) claim (or of the claim the plugin names) that selects this credential. Kong allows
        each key only once in a control plane.
      - Required unless O(id) is given; with O(id), a different key changes it in place.
      - Not a secret; it appears in every token.
    type: str
  algorithm:
    description:
      - The algorithm tokens are signed with. Kong uses V(HS256) when it is not set.
      - The C(HS) algorithms check the signature with O(secret); the others (C(RS), C(PS), C(ES), C(Ed)) with
        O(rsa_public_key), which Kong then requires.
    type: str
    choices: [ES256, ES256K, ES384, ES512, ESB256, ESB320, ESB384, ESB512, ESP256, ESP384, ESP512, Ed25519, Ed448, EdDSA,
              HS256, HS384, HS512, PS256, PS384, PS512, RS256, RS384, RS512]
  secret:
    description:
      - The shared secret of the C(HS) algorithms. When a credential is created without it, Kong generates one; as the
        module never returns secrets, give it yourself when the token issuer has to be told.
      - Write-only for this module; sent on create, and afterwards only with O(update_secrets=always).
      - Hidden in Ansible's output and logs (C(no_log)); the diff shows it as C(********).
    type: str
  rsa_public_key:
    description:
      - The PEM-encoded public key that verifies tokens signed with an asymmetric O(algorithm).
      - Compared as text with what Konnect holds, so give it exactly as it was stored (for example always from the same
        file).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.consumer
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.entity.secrets
  - konnect.konnect.credentials
  - konnect.konnect.credentials.write_only
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_jwt_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Accept tokens that the identity provider signs with RS256
  konnect.konnect.gateway_jwt:
    control_plane: prod-eu
    konnect_region: eu
    consumer: partner-acme
    key: https://login.acme.example/
    algorithm: RS256
    rsa_public_key: "{{ lookup('ansible.builtin.file', 'files/acme-jwt-signing.pub.pem') }}"
    tags: [partner]

- name: An HS256 credential with a shared secret from Ansible Vault
  konnect.konnect.gateway_jwt:
    control_plane: prod-eu
    consumer: mobile-app
    key: mobile-app-issuer
    algorithm: HS256
    secret: "{{ vault_mobile_app_jwt_secret }}"

- name: Replace the shared secret in place (reports a change on every run while update_secrets is always)
  konnect.konnect.gateway_jwt:
    control_plane: prod-eu
    consumer: mobile-app
    key: mobile-app-issuer
    secret: "{{ vault_mobile_app_jwt_secret_next }}"
    update_secrets: always

- name: Change the issuer of a credential found by id, with the control plane and consumer given by id
  konnect.konnect.gateway_jwt:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: 75695322-e8a0-4109-aed4-5416b0308d85
    key: https://login.acme.example/v2/

- name: Keep exactly these tags
  konnect.konnect.gateway_jwt:
    control_plane: prod-eu
    consumer: partner-acme
    key: https://login.acme.example/v2/
    tags: [partner, tier-gold]
    purge_tags: true

- name: Stop accepting the partner's tokens
  konnect.konnect.gateway_jwt:
    control_plane: prod-eu
    consumer: partner-acme
    key: https://login.acme.example/v2/
    state: absent
'''

RETURN = r'''
gateway_jwt:
  description:
    - The JWT credential as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
    - The shared secret is never returned; C(secret) shows C(********).
  returned: always
  type: dict
  sample:
    id: 75695322-e8a0-4109-aed4-5416b0308d85
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    key: https://login.acme.example/
    algorithm: RS256
    rsa_public_key: "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...\n-----END PUBLIC KEY-----"
    secret: '********'
    tags: [partner]
    created_at: 1763892000
diff:
  description: Before and after of the key, the id and the fields the task sets, when run with C(--diff); the secret shows as
    C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_jwt')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
