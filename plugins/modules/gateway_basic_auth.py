#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_basic_auth
short_description: Manage basic-auth credentials of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Create, update and delete the user name and password pairs of a Kong gateway consumer in a Konnect control plane. The
    C(basic-auth) plugin lets a request through as that consumer when its C(Authorization) header carries one of them.
  - A basic-auth credential is found by O(id), or by its O(username) among the consumer's basic-auth credentials.
  - Kong keeps only a hash of the password, so the password in the task cannot be compared with the stored one. It is
    sent when the credential is created and, to change it, with O(update_secrets=always), which updates the credential
    in place (same id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  username:
    description:
      - The user name clients send. Kong allows each basic-auth user name only once in a control plane, whichever
        consumer holds it.
      - Required unless O(id) is given; with O(id), a different name renames the credential.
    type: str
  password:
    description:
      - The password clients send with O(username). Required to create a credential.
      - Write-only; Konnect keeps only a hash and the module never returns it. Sent on create, and afterwards only with
        O(update_secrets=always).
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
  - module: konnect.konnect.gateway_basic_auth_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Give a consumer a user name and password (the password is sent on create only)
  konnect.konnect.gateway_basic_auth:
    control_plane: prod-eu
    konnect_region: eu
    consumer: billing-batch
    username: billing-batch
    password: "{{ vault_billing_batch_password }}"
    tags: [team-billing]

- name: Change the password - sent on every run while update_secrets is always
  konnect.konnect.gateway_basic_auth:
    control_plane: prod-eu
    consumer: billing-batch
    username: billing-batch
    password: "{{ vault_billing_batch_password_2027 }}"
    update_secrets: always

- name: Rename a credential found by id, with the control plane and consumer given by id
  konnect.konnect.gateway_basic_auth:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    username: billing-nightly

- name: Keep exactly these tags
  konnect.konnect.gateway_basic_auth:
    control_plane: prod-eu
    consumer: billing-batch
    username: billing-batch
    tags: [team-billing, legacy-client]
    purge_tags: true

- name: Revoke the credential
  konnect.konnect.gateway_basic_auth:
    control_plane: prod-eu
    consumer: billing-batch
    username: billing-batch
    state: absent
'''

RETURN = r'''
gateway_basic_auth:
  description:
    - The basic-auth credential as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
    - The password is never returned, not even the hash Kong stores; C(password) shows C(********).
  returned: always
  type: dict
  sample:
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    username: billing-batch
    password: '********'
    tags: [team-billing]
    created_at: 1763892000
diff:
  description: Before and after of the user name, the id and the fields the task sets, when run with C(--diff); the password
    shows as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_basic_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
