#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key_set_info
short_description: List key sets of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway key sets of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one key set.
  - The keys of a set are listed by M(konnect.konnect.gateway_key_info) with a filter on C(set.id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the key set with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_key_set
  - module: konnect.konnect.gateway_key_info
'''

EXAMPLES = r'''
- name: All key sets of a control plane
  konnect.konnect.gateway_key_set_info:
    control_plane: prod-eu
    konnect_region: eu
  register: key_sets

- name: A key set by name
  konnect.konnect.gateway_key_set_info:
    control_plane: prod-eu
    name: jwe-decryption

- name: Key sets whose name contains "jwe" (filtered after listing)
  konnect.konnect.gateway_key_set_info:
    control_plane: prod-eu
    filters:
      name:
        contains: jwe

- name: A key set by id
  konnect.konnect.gateway_key_set_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
'''

RETURN = r'''
gateway_key_sets:
  description: The key sets found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
      name: jwe-decryption
      tags: [idp-keys]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_key_set')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
