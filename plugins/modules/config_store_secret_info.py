#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: config_store_secret_info
short_description: List the secrets of a Konnect config store
version_added: 0.1.0
description:
  - Read which secrets a config store of a Konnect control plane holds, by key or with filters; every page is read.
  - Konnect never returns a secret's value, only its key and timestamps.
  - Always returns a list, also when looking up one secret.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  key:
    description:
      - Return only the secret with this key (an empty list if the store has none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  id:
    description:
      - Konnect gives config store secrets no id of their own; a value given here is looked up as a key.
      - Mutually exclusive with O(key) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.config_store
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect filters config store secrets on no field, so every filter is applied after listing.
seealso:
  - module: konnect.konnect.config_store_secret
  - module: konnect.konnect.config_store_info
'''

EXAMPLES = r'''
- name: The keys of every secret in a store
  konnect.konnect.config_store_secret_info:
    control_plane: prod-eu
    konnect_region: eu
    config_store: prod-eu-secrets
  register: secrets

- name: Whether a secret exists
  konnect.konnect.config_store_secret_info:
    control_plane: prod-eu
    config_store: prod-eu-secrets
    key: orders-db-password
  register: found

- name: Secrets whose key contains a word (filtered after listing)
  konnect.konnect.config_store_secret_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    config_store: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
    filters:
      key: {contains: orders-}

- name: The same lookup as by key, through id
  konnect.konnect.config_store_secret_info:
    control_plane: prod-eu
    config_store: prod-eu-secrets
    id: orders-db-password
'''

RETURN = r'''
config_store_secrets:
  description: The secrets found, without their values.
  returned: always
  type: list
  elements: dict
  sample:
    - key: orders-db-password
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('config_store_secret')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
