#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: config_store_info
short_description: List config stores of a Konnect control plane
version_added: 0.1.0
description:
  - Read the config stores of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one config store.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the stores with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect filters config stores on no field, so every filter is applied after listing.
seealso:
  - module: konnect.konnect.config_store
  - module: konnect.konnect.config_store_secret_info
'''

EXAMPLES = r'''
- name: All config stores of a control plane
  konnect.konnect.config_store_info:
    control_plane: prod-eu
    konnect_region: eu
  register: stores

- name: A store by name
  konnect.konnect.config_store_info:
    control_plane: prod-eu
    name: prod-eu-secrets

- name: Stores whose name contains a word (filtered after listing)
  konnect.konnect.config_store_info:
    control_plane: prod-eu
    filters:
      name: {contains: staging}

- name: A store by id, with the control plane given by id
  konnect.konnect.config_store_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
'''

RETURN = r'''
config_stores:
  description: The config stores found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: b9e81174-b5bb-4638-a3c3-8afe61a0abf8
      name: prod-eu-secrets
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('config_store')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
