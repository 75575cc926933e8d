#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_vault_info
short_description: List vaults (secret backends) of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway vaults of a Konnect control plane, by id, by prefix, or with filters; every page is read.
  - Always returns a list, also when looking up one vault.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  prefix:
    description:
      - Return only the vault with this prefix (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: All vaults of a control plane
  konnect.konnect.gateway_vault_info:
    control_plane: prod-eu
    konnect_region: eu
  register: vaults

- name: A vault by prefix
  konnect.konnect.gateway_vault_info:
    control_plane: prod-eu
    prefix: aws-prod

- name: Every HashiCorp Vault backend (filtered after listing)
  konnect.konnect.gateway_vault_info:
    control_plane: prod-eu
    filters:
      name: hcv

- name: A vault by id
  konnect.konnect.gateway_vault_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 2747d1e5-8246-4f65-a939-b392f1ee17f8
'''

RETURN = r'''
gateway_vaults:
  description: The vaults found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 2747d1e5-8246-4f65-a939-b392f1ee17f8
      prefix: aws-prod
      name: aws
      description: null
      config:
        region: eu-central-1
      tags: [platform]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_vault')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
