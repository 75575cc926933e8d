#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_identity_provider_team_group_mapping_info
short_description: List the group to team mappings of an identity provider of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the mappings of identity provider groups to portal teams of one identity provider of a portal, by id or with
    filters; every page is read.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  identity_provider:
    description:
      - The portal's identity provider, by type (V(oidc) or V(saml)) or by id.
    type: str
    required: true
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[team_id][eq]=<value>) and C(filter[group][eq]=<value>), and
        applied to the listed mappings for any other operator or field.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_identity_provider_team_group_mapping
'''

EXAMPLES = r'''
- name: Every mapping of the portal's OIDC provider
  konnect.konnect.portal_identity_provider_team_group_mapping_info:
    portal: Partner Portal
    identity_provider: oidc
  register: mappings

- name: The groups mapped to one team
  konnect.konnect.portal_identity_provider_team_group_mapping_info:
    portal: Partner Portal
    identity_provider: oidc
    filters:
      team_id: d32d905a-ed33-46a3-a093-d8f536af9a8a
'''

RETURN = r'''
portal_identity_provider_team_group_mappings:
  description: The mappings found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 2e8baade-0d26-476a-b384-71543af9a055
      team_id: d32d905a-ed33-46a3-a093-d8f536af9a8a
      group: acme-developers
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_identity_provider_team_group_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
