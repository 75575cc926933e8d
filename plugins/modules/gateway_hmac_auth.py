#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_hmac_auth
short_description: Manage HMAC credentials of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Create, update and delete the HMAC credentials of a Kong gateway consumer in a Konnect control plane. With the
    C(hmac-auth) plugin, a client signs each request with the shared O(secret) and names the credential by its O(username)
    in the signature header; Kong checks the signature and lets the request through as that consumer.
  - An HMAC credential is found by O(id), or by its O(username) among the consumer's HMAC credentials.
  - The secret is never compared. It is sent when the credential is created and, to change it, with
    O(update_secrets=always), which updates the credential in place (same id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  username:
    description:
      - The name clients put in the signature header. Kong allows each HMAC user name only once in a control plane,
        whichever consumer holds it.
      - Required unless O(id) is given; with O(id), a different name renames the credential.
    type: str
  secret:
    description:
      - The shared secret clients sign requests with. When a credential is created without it, Kong generates one; as the
        module never returns secrets, give it yourself when the client has to be told (see the examples).
      - Write-only for this module; sent on create, and afterwards only with O(update_secrets=always).
      - Hidden in Ansible's output and logs (C(no_log)); the diff shows it as C(********).
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
  - module: konnect.konnect.gateway_hmac_auth_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: An HMAC credential with a secret kept in Ansible Vault
  konnect.konnect.gateway_hmac_auth:
    control_plane: prod-eu
    konnect_region: eu
    consumer: ledger-sync
    username: ledger-sync
    secret: "{{ vault_ledger_sync_hmac_secret }}"
    tags: [team-ledger]

- name: A random secret, created once in a local file that the client's deployment reads as well
  konnect.konnect.gateway_hmac_auth:
    control_plane: prod-eu
    consumer: ledger-sync
    username: ledger-sync-eu
    secret: "{{ lookup('ansible.builtin.password', 'credentials/ledger-sync-eu.hmac', length=40, chars=['ascii_letters', 'digits']) }}"

- name: Replace the secret in place (reports a change on every run while update_secrets is always)
  konnect.konnect.gateway_hmac_auth:
    control_plane: prod-eu
    consumer: ledger-sync
    username: ledger-sync
    secret: "{{ vault_ledger_sync_hmac_secret_next }}"
    update_secrets: always

- name: Rename a credential found by id, with the control plane and consumer given by id
  konnect.konnect.gateway_hmac_auth:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: 75695322-e8a0-4109-aed4-5416b0308d85
    username: ledger-sync-legacy

- name: Keep exactly these tags
  konnect.konnect.gateway_hmac_auth:
    control_plane: prod-eu
    consumer: ledger-sync
    username: ledger-sync
    tags: [team-ledger]
    purge_tags: true

- name: Revoke the credential
  konnect.konnect.gateway_hmac_auth:
    control_plane: prod-eu
    consumer: ledger-sync
    username: ledger-sync-legacy
    state: absent
'''

RETURN = r'''
gateway_hmac_auth:
  description:
    - The HMAC credential as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
    - The secret is never returned; C(secret) shows C(********).
  returned: always
  type: dict
  sample:
    id: 75695322-e8a0-4109-aed4-5416b0308d85
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    username: ledger-sync
    secret: '********'
    tags: [team-ledger]
    created_at: 1763892000
diff:
  description: Before and after of the user name, the id and the fields the task sets, when run with C(--diff); the secret
    shows as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_hmac_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
