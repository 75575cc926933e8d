#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: config_store_secret
short_description: Manage secrets in a Konnect config store
version_added: 0.1.0
description:
  - Create, replace and delete the secrets of a config store in a Konnect control plane. Data planes read them through a
    gateway vault of the C(konnect) kind, and plugin configuration refers to one as C({vault://<vault prefix>/<key>}).
  - A secret is found by its O(key) in the store.
  - Konnect never returns a secret's value, so it cannot be compared. It is sent when the secret is created and, to
    change it, with O(update_secrets=always), which replaces the value under the same key.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - The secret's name in the store, 1 to 512 characters; what vault references use after the vault prefix.
      - Required unless O(id) is given.
    type: str
  id:
    description:
      - Konnect gives config store secrets no id of their own; a value given here is looked up as a key, as O(key) is.
    type: str
  value:
    description:
      - The secret value, 1 to 5120 characters. Required to create a secret.
      - Write-only; Konnect never returns it. Sent on create, and afterwards only with O(update_secrets=always).
      - Hidden in Ansible's output and logs (C(no_log)); the diff shows it as C(********).
    type: str
  state:
    description:
      - V(present) creates the secret, or replaces its value with O(update_secrets=always).
      - V(absent) deletes it; configuration that still refers to it can no longer resolve it. Deleting a secret that does not
        exist reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.config_store
  - konnect.konnect.entity
  - konnect.konnect.entity.secrets
  - konnect.konnect.credentials.write_only
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.config_store_secret_info
  - module: konnect.konnect.config_store
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: Store a database password (sent on the first run only)
  konnect.konnect.config_store_secret:
    control_plane: prod-eu
    konnect_region: eu
    config_store: prod-eu-secrets
    key: orders-db-password
    value: "{{ vault_orders_db_password }}"

- name: Replace the value (reports a change on every run while update_secrets is always)
  konnect.konnect.config_store_secret:
    control_plane: prod-eu
    config_store: prod-eu-secrets
    key: orders-db-password
    value: "{{ vault_orders_db_password_next }}"
    update_secrets: always

- name: With the control plane and the store given by id (fewer lookups)
  konnect.konnect.config_store_secret:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    config_store: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
    key: partner-acme-api-token
    value: "{{ vault_partner_acme_api_token }}"

- name: Delete a secret found through id (Konnect's secrets are named by their key)
  konnect.konnect.config_store_secret:
    control_plane: prod-eu
    config_store: prod-eu-secrets
    id: partner-acme-api-token
    state: absent

- name: Delete a secret by key
  konnect.konnect.config_store_secret:
    control_plane: prod-eu
    config_store: prod-eu-secrets
    key: orders-db-password
    state: absent
'''

RETURN = r'''
config_store_secret:
  description:
    - The secret as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
    - Never contains the value.
  returned: always
  type: dict
  sample:
    key: orders-db-password
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the key and the fields the task sets, when run with C(--diff); the value shows as
    C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('config_store_secret')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
