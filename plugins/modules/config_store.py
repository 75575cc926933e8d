#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: config_store
short_description: Manage config stores of a Konnect control plane
version_added: 0.1.0
description:
  - Create, rename and delete config stores in a Konnect control plane. A config store keeps secrets in Konnect itself (see
    M(konnect.konnect.config_store_secret)); data planes read them through a gateway vault of the C(konnect) kind whose
    C(config_store_id) is the store's id, and plugin configuration refers to them as C({vault://<vault prefix>/<key>}).
  - A config store is found by O(id) or by its O(name) among the control plane's config stores (every page is read).
    If several stores share the name, the task fails and lists their ids; give O(id) then.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The store's name, 1 to 100 characters. Required unless O(id) is given; with O(id), a different name renames the store.
    type: str
  state:
    description:
      - V(present) creates the store, or renames it when it is found by O(id).
      - V(absent) deletes it. Konnect refuses to delete a store that still holds secrets, so delete them first with
        M(konnect.konnect.config_store_secret). Deleting a store that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.config_store_info
  - module: konnect.konnect.config_store_secret
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: A config store for the control plane's secrets
  konnect.konnect.config_store:
    control_plane: prod-eu
    konnect_region: eu
    name: prod-eu-secrets
  register: store

- name: A secret in it
  konnect.konnect.config_store_secret:
    control_plane: prod-eu
    konnect_region: eu
    config_store: "{{ store.config_store.id }}"
    key: orders-db-password
    value: "{{ vault_orders_db_password }}"

- name: Let the data planes read the store as {vault://prod-secrets/<key>}
  konnect.konnect.gateway_vault:
    control_plane: prod-eu
    konnect_region: eu
    prefix: prod-secrets
    name: konnect
    config:
      config_store_id: "{{ store.config_store.id }}"

- name: Rename a store found by id, with the control plane given by id
  konnect.konnect.config_store:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
    name: prod-eu-secrets-2027

- name: Delete a store (its secrets must be deleted first)
  konnect.konnect.config_store:
    control_plane: prod-eu
    konnect_region: eu
    name: staging-secrets
    state: absent
'''

RETURN = r'''
config_store:
  description:
    - The config store as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
    name: prod-eu-secrets
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the name and the id, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('config_store')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
