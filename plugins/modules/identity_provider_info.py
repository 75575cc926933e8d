#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: identity_provider_info
short_description: List the single sign-on identity providers of a Konnect organization
version_added: 0.1.0
description:
  - Read the OIDC and SAML identity providers of the Konnect organization, by id, by type, or with filters.
  - Client secrets are never returned.
  - Identity providers are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list, also when looking up one provider.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[type][eq]=<value>) for C(type), and applied to the listed providers
        for any other field (such as C(enabled) or C(login_path)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity_provider.info
  - konnect.konnect.entity.info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.identity_provider
'''

EXAMPLES = r'''
- name: All identity providers
  konnect.konnect.identity_provider_info:
  register: idps

- name: The SAML provider, for the values to register at the provider
  konnect.konnect.identity_provider_info:
    type: saml
  register: saml

- name: Show them
  ansible.builtin.debug:
    msg: "Entity id {{ saml.identity_providers[0].config.sp_entity_id }}, reply URL {{ saml.identity_providers[0].config.callback_url }}"
  when: saml.identity_providers | length > 0

- name: One provider by id
  konnect.konnect.identity_provider_info:
    id: d32d905a-ed33-46a3-a093-d8f536af9a8a

- name: Enabled providers only (filtered after listing)
  konnect.konnect.identity_provider_info:
    filters:
      enabled: true
'''

RETURN = r'''
identity_providers:
  description: The identity providers found, as Konnect returns them (without client secrets).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5e2b8c1a-7f3d-4a44-9b0e-6d1f2c3b4a5e
      type: saml
      enabled: true
      login_path: acme-saml
      config:
        idp_metadata_url: https://idp.example.com/saml/metadata
        sp_entity_id: https://cloud.konghq.com/sp/6f1d4a5e-2b7c-4c3e-9a8f-0e1d2c3b4a59
        sp_metadata_url: https://cloud.konghq.com/v2/authenticate/acme-saml/saml/metadata
        callback_url: https://cloud.konghq.com/v2/authenticate/acme-saml/saml/acs
        login_url: https://cloud.konghq.com/login/acme-saml
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('identity_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
