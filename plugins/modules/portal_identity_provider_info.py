#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_identity_provider_info
short_description: List the single sign-on identity providers of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the OIDC and SAML identity providers of a developer portal, by id, by type, or with filters.
  - Client secrets are never returned.
  - Always returns a list, also when looking up one provider.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[type][eq]=<value>) for C(type), and applied to the listed providers
        for any other field (such as C(enabled)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.identity_provider.info
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_identity_provider
'''

EXAMPLES = r'''
- name: The identity providers of a portal
  konnect.konnect.portal_identity_provider_info:
    portal: Partner Portal
  register: providers

- name: The enabled one
  konnect.konnect.portal_identity_provider_info:
    portal: Partner Portal
    filters:
      enabled: true
'''

RETURN = r'''
portal_identity_providers:
  description: The identity providers found, as Konnect returns them (without client secrets).
  returned: always
  type: list
  elements: dict
  sample:
    - id: cf23ab30-70de-4b8a-932d-54e03a436722
      type: oidc
      enabled: true
      config:
        issuer_url: https://acme.okta.com/oauth2/default
        client_id: 0oa1b2c3d4e5f6g7h8i9
        scopes: [openid, email, profile]
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_identity_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
