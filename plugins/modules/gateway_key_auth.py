#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key_auth
short_description: Manage API keys (key-auth credentials) of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Create, update and delete the API keys of a Kong gateway consumer in a Konnect control plane. The C(key-auth) plugin
    lets a request through as that consumer when it carries one of the consumer's keys.
  - A key-auth credential is found by O(id), or by its O(key) among the consumer's key-auth credentials. The key is both what
    names the credential and its secret.
  - To change the key of an existing credential, give its O(id), the new O(key) and O(update_secrets=always). The credential
    is updated in place (it keeps its id); clients that send the old key are refused from then on.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - The API key clients send. Kong allows each key only once in a control plane, so a key held by another consumer
        cannot be created here.
      - Required unless O(id) is given. The credential is looked up by it, so a plain re-run finds the key and changes nothing.
      - Hidden in Ansible's output and logs (C(no_log)); the diff shows it as C(********).
      - With O(id) and the default O(update_secrets=on_create), a different O(key) is not sent and the credential keeps its key.
    type: str
  ttl:
    description:
      - Lifetime of the credential in seconds; Kong deletes it when the time is up. Without it the key never expires.
      - Kong reports the seconds left rather than the value set, so a later run that gives O(ttl) again sees a difference
        and sets it again, which starts the countdown anew. Give it when the key is created and leave it out afterwards
        (or use a task that only runs once).
      - An expired key is gone; a later run with the same O(key) creates it again.
    type: int
  state:
    description:
      - V(present) creates the credential, or updates the fields the task sets (the key itself only with O(id) and
        O(update_secrets=always)).
      - V(absent) deletes it, which revokes the key at once. Deleting a credential that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
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
  - module: konnect.konnect.gateway_key_auth_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Give a consumer an API key kept in Ansible Vault
  konnect.konnect.gateway_key_auth:
    control_plane: prod-eu
    konnect_region: eu
    consumer: mobile-app
    key: "{{ vault_mobile_app_api_key }}"
    tags: [team-mobile]

- name: A key that expires after 30 days (only on the first run; see ttl)
  konnect.konnect.gateway_key_auth:
    control_plane: prod-eu
    consumer: partner-acme
    key: "{{ vault_acme_trial_key }}"
    ttl: 2592000
    tags: [trial]

- name: Find the credential that holds the current key
  konnect.konnect.gateway_key_auth_info:
    control_plane: prod-eu
    consumer: mobile-app
    key: "{{ vault_mobile_app_api_key }}"
  register: current_key

- name: Rotate the key in place - same credential, new key
  konnect.konnect.gateway_key_auth:
    control_plane: prod-eu
    consumer: mobile-app
    id: "{{ current_key.gateway_key_auths[0].id }}"
    key: "{{ vault_mobile_app_api_key_next }}"
    update_secrets: always

- name: Keep exactly these tags, with the control plane and consumer given by id (fewer lookups)
  konnect.konnect.gateway_key_auth:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    key: "{{ vault_mobile_app_api_key_next }}"
    tags: [team-mobile, rotated]
    purge_tags: true

- name: Revoke a key
  konnect.konnect.gateway_key_auth:
    control_plane: prod-eu
    consumer: mobile-app
    key: "{{ vault_mobile_app_api_key }}"
    state: absent
'''

RETURN = r'''
gateway_key_auth:
  description:
    - The key-auth credential as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
    - The key is never returned; C(key) shows C(********).
  returned: always
  type: dict
  sample:
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    key: '********'
    ttl: null
    tags: [team-mobile]
    created_at: 1763892000
diff:
  description: Before and after of the id and the fields the task sets, when run with C(--diff); the key shows as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_key_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
