#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: identity_provider_team_group_mapping_info
short_description: List how identity provider groups map to Konnect teams
version_added: 0.1.0
description:
  - Read the group-to-team mappings of a single sign-on identity provider, by id or with filters; every page is read.
  - Identity providers and teams are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  identity_provider:
    description:
      - The identity provider, by type (V(oidc) or V(saml)) or by id.
    type: str
    required: true
  id:
    description:
      - Return only the mapping with this id (an empty list if there is none).
      - Mutually exclusive with O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][eq]=<value>) for C(team_id) and C(group) (Konnect accepts
        only C(eq) for those), and applied to the listed mappings for any other field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
      - All pages are read.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.identity_provider_team_group_mapping
'''

EXAMPLES = r'''
- name: Every mapping of the OIDC provider
  konnect.konnect.identity_provider_team_group_mapping_info:
    identity_provider: oidc
  register: mappings

- name: The groups that lead into any team
  ansible.builtin.debug:
    msg: "{{ mappings.identity_provider_team_group_mappings | map(attribute='group') | unique | list }}"

- name: Which teams does one group lead into?
  konnect.konnect.identity_provider_team_group_mapping_info:
    identity_provider: oidc
    filters:
      group: platform-engineers

- name: Which groups lead into one team?
  konnect.konnect.identity_provider_team_group_mapping_info:
    identity_provider: saml
    filters:
      team_id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e

- name: One mapping by id
  konnect.konnect.identity_provider_team_group_mapping_info:
    identity_provider: d32d905a-ed33-46a3-a093-d8f536af9a8a
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
'''

RETURN = r'''
identity_provider_team_group_mappings:
  description: The mappings found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      team_id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
      group: platform-engineers
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('identity_provider_team_group_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
