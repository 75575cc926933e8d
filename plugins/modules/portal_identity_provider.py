#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_identity_provider
short_description: Configure single sign-on (OIDC or SAML) for the developers of a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update and delete the identity provider the developers of a portal sign in with, over OpenID Connect or SAML.
  - An identity provider is found by O(id) or by its O(type), so the module handles one OIDC and one SAML provider per portal.
  - A portal can have only one enabled identity provider. Enabling a second one fails before anything is written and
    names the one that is enabled.
  - Only the fields the task sets are compared and updated; within O(config), only the keys the task gives.
  - The OIDC client secret is write-only. Konnect never returns it, so it cannot be compared; it is sent when the provider
    is created and, with O(update_secrets=always), on every run.
  - Groups of the provider are mapped to portal teams with M(konnect.konnect.portal_identity_provider_team_group_mapping)
    or M(konnect.konnect.portal_team_group_mappings).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  enabled:
    description:
      - Whether developers sign in with this identity provider. Konnect's default is V(false).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.identity_provider
  - konnect.konnect.entity
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_identity_provider_info
  - module: konnect.konnect.portal_identity_provider_team_group_mapping
  - module: konnect.konnect.portal_team_group_mappings
'''

EXAMPLES = r'''
- name: Developers sign in with Okta over OIDC
  konnect.konnect.portal_identity_provider:
    portal: Partner Portal
    type: oidc
    enabled: true
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      client_secret: "{{ vault_okta_client_secret }}"
      scopes: [openid, email, profile, groups]

- name: Rotate the client secret (reports a change on every run; switch back to on_create afterwards)
  konnect.konnect.portal_identity_provider:
    portal: Partner Portal
    type: oidc
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      client_secret: "{{ vault_okta_client_secret_new }}"
    update_secrets: always

- name: A SAML provider, not enabled yet
  konnect.konnect.portal_identity_provider:
    portal: Partner Portal
    type: saml
    config:
      idp_metadata_url: https://login.example.com/federationmetadata.xml
  register: saml

- name: What to register at the SAML provider
  ansible.builtin.debug:
    msg: "Entity id {{ saml.portal_identity_provider.config.sp_entity_id }}"

- name: Remove the OIDC provider
  konnect.konnect.portal_identity_provider:
    portal: Partner Portal
    type: oidc
    state: absent
'''

RETURN = r'''
portal_identity_provider:
  description:
    - The identity provider as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      creation); an empty dict after a deletion.
    - Never contains the client secret. A SAML provider's C(config) also holds what to register at the provider
      (C(sp_entity_id), C(sp_metadata_url), C(callback_url)).
  returned: always
  type: dict
  sample:
    id: cf23ab30-70de-4b8a-932d-54e03a436722
    type: oidc
    enabled: true
    config:
      issuer_url: https://acme.okta.com/oauth2/default
      client_id: 0oa1b2c3d4e5f6g7h8i9
      scopes: [openid, email, profile, groups]
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the type, the id and the fields the task sets, when run with C(--diff); the client secret as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_identity_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
