#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_key_set
short_description: Manage key sets of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway key sets in a Konnect control plane. A key set groups keys (see
    M(konnect.konnect.gateway_key)) so that plugins can use them together, for example to decrypt JWE tokens with any
    key of the set.
  - A key set is found by O(id) or by its O(name) within the control plane (Konnect reads it by name directly).
  - Creating, changing or deleting a key set in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The key set's name, unique in the control plane. Required unless O(id) is given; with O(id), a different name
        renames the set.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_key_set_info
  - module: konnect.konnect.gateway_key
'''

EXAMPLES = r'''
- name: Create a key set
  konnect.konnect.gateway_key_set:
    control_plane: prod-eu
    konnect_region: eu
    name: jwe-decryption
    tags: [idp-keys]

- name: Keep exactly these tags
  konnect.konnect.gateway_key_set:
    control_plane: prod-eu
    name: jwe-decryption
    tags: [idp-keys, rotation-2026]
    purge_tags: true

- name: Rename a key set by id
  konnect.konnect.gateway_key_set:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
    name: jwe-keys

- name: Delete a key set (its keys are deleted with it)
  konnect.konnect.gateway_key_set:
    control_plane: prod-eu
    name: jwe-keys
    state: absent
'''

RETURN = r'''
gateway_key_set:
  description:
    - The key set as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: b58c7d9d-e54f-444c-b24d-cdfc4159f61e
    name: jwe-decryption
    tags: [idp-keys]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_key_set')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
