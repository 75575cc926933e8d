#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: identity_provider
short_description: Configure single sign-on (OIDC or SAML) for a Konnect organization
version_added: 0.1.0
description:
  - Create, update and delete the identity provider people of the organization sign in with, over OpenID Connect or SAML.
  - An identity provider is found by O(id) or by its O(type), so the module handles one OIDC and one SAML provider per
    organization.
  - Only the fields the task sets are compared and updated; within O(config), only the keys the task gives.
  - The OIDC client secret is write-only. Konnect never returns it, so it cannot be compared; it is sent when the provider
    is created and, with O(update_secrets=always), on every run.
  - Whether people may sign in with OIDC, SAML or a password, and whether provider groups decide their teams, is set with
    M(konnect.konnect.authentication_settings). Groups are mapped to teams with
    M(konnect.konnect.identity_provider_team_group_mapping).
  - Identity providers are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  enabled:
    description:
      - Whether Konnect uses this identity provider.
    type: bool
  login_path:
    description:
      - The organization's own sign-in path; people sign in at C(https://cloud.konghq.com/login/<login_path>).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity_provider
  - konnect.konnect.entity
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.identity_provider_info
  - module: konnect.konnect.authentication_settings
  - module: konnect.konnect.identity_provider_team_group_mapping
'''

EXAMPLES = r'''
- name: Sign in with Okta over OIDC
  konnect.konnect.identity_provider:
    type: oidc
    enabled: true
    login_path: acme
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      client_secret: "{{ vault_okta_client_secret }}"
      scopes: [openid, email, profile, groups]
      claim_mappings:
        name: name
        email: email
        groups: groups
  register: oidc

- name: Then allow OIDC sign-in and let provider groups decide teams
  konnect.konnect.authentication_settings:
    oidc_auth_enabled: true
    idp_mapping_enabled: true

- name: Rotate the client secret (reports a change on every run; switch back to on_create afterwards)
  konnect.konnect.identity_provider:
    type: oidc
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      client_secret: "{{ vault_okta_client_secret_new }}"
    update_secrets: always

- name: SAML with a metadata URL
  konnect.konnect.identity_provider:
    type: saml
    enabled: true
    login_path: acme-saml
    config:
      idp_metadata_url: https://login.microsoftonline.com/0f3e4a4b/federationmetadata/2007-06/federationmetadata.xml
  register: saml

- name: What to register at the SAML provider
  ansible.builtin.debug:
    msg: "Entity id {{ saml.identity_provider.config.sp_entity_id }}, reply URL {{ saml.identity_provider.config.callback_url }}"

- name: SAML with the metadata document itself
  konnect.konnect.identity_provider:
    type: saml
    config:
      idp_metadata_xml: "{{ lookup('ansible.builtin.file', 'files/idp-metadata.xml') }}"

- name: Turn an OIDC provider found by id into a SAML one (deletes and re-creates it)
  konnect.konnect.identity_provider:
    id: d32d905a-ed33-46a3-a093-d8f536af9a8a
    type: saml
    config:
      idp_metadata_url: https://idp.example.com/saml/metadata
    recreate: true

- name: Remove the OIDC provider
  konnect.konnect.identity_provider:
    type: oidc
    state: absent
'''

RETURN = r'''
identity_provider:
  description:
    - The identity provider as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
    - Never contains the client secret. A SAML provider's C(config) also holds the values to register Konnect with at the
      provider (C(sp_entity_id), C(sp_metadata_url), C(callback_url), C(login_url)).
  returned: always
  type: dict
  sample:
    id: d32d905a-ed33-46a3-a093-d8f536af9a8a
    type: oidc
    enabled: true
    login_path: acme
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      scopes: [openid, email, profile, groups]
      claim_mappings: {name: name, email: email, groups: groups}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the type, the id and the fields the task sets, when run with C(--diff); the client secret as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('identity_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
