#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dcr_provider
short_description: Manage the DCR providers that create developers' OAuth clients at an identity provider
version_added: 0.1.0
description:
  - Create, update and delete dynamic client registration (DCR) providers. With one, an V(openid_connect) application
    auth strategy (M(konnect.konnect.application_auth_strategy)) lets Konnect create each developer application's client
    at the identity provider (RFC 7591).
  - A provider is found by O(id) or by its O(name).
  - Only the fields the task sets are compared and updated; within O(dcr_config), only the keys the task gives.
  - The secrets of O(dcr_config) are write-only. Konnect never returns them, so they cannot be compared; they are sent
    when the provider is created and, with O(update_secrets=always), on every run.
  - With O(verify=true) the module asks Konnect, after converging, whether the provider works, and fails if it does not.
  - A provider that application auth strategies still use is not deleted; the module fails and names them.
  - DCR providers are regional; set O(konnect_region) to the region of the strategies that use them.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The provider's name in Konnect (1 to 256 characters). Required unless O(id) is given; with O(id), a different
        name renames it.
    type: str
  display_name:
    description:
      - The name developers see in the portal (1 to 256 characters).
    type: str
  provider_type:
    description:
      - The identity provider's kind. Required to create a provider; it decides which keys O(dcr_config) takes.
      - Can only be set when the provider is created (see O(recreate)).
    type: str
    choices: [auth0, azureAd, curity, http, kongIdentity, okta]
  issuer:
    description:
      - The issuer URL of the identity provider (at most 256 characters), for example
        V(https://acme.okta.com/oauth2/default). Required to create a provider.
    type: str
  dcr_config:
    description:
      - How Konnect talks to the identity provider. The keys depend on O(provider_type) (each key says which kinds take
        it); the module refuses the keys of another kind. A V(kongIdentity) provider takes none.
      - Required to create any other kind of provider, with the keys marked required for it.
      - Keys the task leaves out are not compared and are kept as they are.
    type: dict
    suboptions:
      initial_client_id:
        description:
          - V(auth0), V(azureAd), V(curity) (required). The id of the client created at the identity provider for Konnect
            to manage DCR clients with (at most 256 characters).
        type: str
      initial_client_secret:
        description:
          - V(auth0), V(azureAd), V(curity) (required). That client's secret (at most 256 characters).
          - Write-only. Sent only when the provider is created, unless O(update_secrets=always); shown as C(********) in diffs.
        type: str
      initial_client_audience:
        description:
          - V(auth0). The audience of the initial client; with a custom Auth0 domain, the Auth0 Management API audience.
            The issuer is used when it is not set.
        type: str
      use_developer_managed_scopes:
        description:
          - V(auth0). Whether developers choose the scopes of their applications' clients.
        type: bool
      dcr_token:
        description:
          - V(okta) (required). The API token Konnect uses to register clients at Okta (at most 256 characters).
          - Write-only. Sent only when the provider is created, unless O(update_secrets=always); shown as C(********) in diffs.
        type: str
      dcr_base_url:
        description:
          - V(http) (required). The base URL of your DCR server; Konnect must be able to reach it.
        type: str
      api_key:
        description:
          - V(http) (required). The key Konnect sends with each request to your DCR server, so that it can tell them from
            others. 12 to 256 letters, digits and underscores.
          - Write-only. Sent only when the provider is created, unless O(update_secrets=always); shown as C(********) in diffs.
        type: str
      disable_event_hooks:
        description:
          - V(http). Turn off the event hooks of the application flow.
        type: bool
      disable_refresh_secret:
        description:
          - V(http). Turn off the refresh-secret endpoint of the application flow.
        type: bool
      allow_multiple_credentials:
        description:
          - V(http). Whether your DCR server can create and manage several credentials per application.
        type: bool
  verify:
    description:
      - After converging, run Konnect's verification of the provider (C(POST /v2/dcr-providers/{id}/verify)) and fail,
        with the errors Konnect gives, if it does not pass. The result then has C(verification).
      - Verification changes nothing, so it runs also when the provider is unchanged; not in check mode, and not with
        O(state=absent).
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
notes:
  - A change of O(provider_type) needs O(recreate=true), which deletes the provider and creates a new one (with a new id);
    the module refuses while application auth strategies use the provider.
seealso:
  - module: konnect.konnect.dcr_provider_info
  - module: konnect.konnect.application_auth_strategy
'''

EXAMPLES = r'''
- name: Okta, verified once converged
  konnect.konnect.dcr_provider:
    name: okta-dcr
    display_name: Okta
    provider_type: okta
    issuer: https://acme.okta.com/oauth2/default
    dcr_config:
      dcr_token: "{{ vault_okta_dcr_token }}"
    labels:
      team: platform
    verify: true
  register: okta

- name: Show the verification
  ansible.builtin.debug:
    var: okta.verification

- name: Auth0, with a custom domain
  konnect.konnect.dcr_provider:
    name: auth0-dcr
    provider_type: auth0
    issuer: https://acme.eu.auth0.com/
    dcr_config:
      initial_client_id: Xk2dGkR2a3v0aQmS
      initial_client_secret: "{{ vault_auth0_client_secret }}"
      initial_client_audience: https://login.acme.com/api/v2/
      use_developer_managed_scopes: true

- name: Azure AD
  konnect.konnect.dcr_provider:
    name: azure-dcr
    provider_type: azureAd
    issuer: https://sts.windows.net/0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e/
    dcr_config:
      initial_client_id: 9a1b2c3d-4e5f-6789-abcd-ef0123456789
      initial_client_secret: "{{ vault_azure_client_secret }}"

- name: Curity
  konnect.konnect.dcr_provider:
    name: curity-dcr
    provider_type: curity
    issuer: https://idsvr.acme.com/oauth/v2/oauth-anonymous
    dcr_config:
      initial_client_id: konnect-dcr
      initial_client_secret: "{{ vault_curity_client_secret }}"

- name: Your own DCR server
  konnect.konnect.dcr_provider:
    name: http-dcr
    provider_type: http
    issuer: https://idp.acme.com
    dcr_config:
      dcr_base_url: https://dcr.acme.com/v1
      api_key: "{{ vault_dcr_api_key }}"
      disable_event_hooks: false
      disable_refresh_secret: true
      allow_multiple_credentials: true

- name: Kong Identity (no dcr_config)
  konnect.konnect.dcr_provider:
    name: kong-identity-dcr
    provider_type: kongIdentity
    issuer: https://a1b2c3d4e5.us.identity.konghq.com/auth

- name: Keep only the labels given
  konnect.konnect.dcr_provider:
    name: okta-dcr
    labels:
      team: identity
    purge_labels: true

- name: Rotate the Okta token (reports a change on every run; switch back to on_create afterwards)
  konnect.konnect.dcr_provider:
    name: okta-dcr
    provider_type: okta
    dcr_config:
      dcr_token: "{{ vault_okta_dcr_token_new }}"
    update_secrets: always

- name: Make an Auth0 provider found by id a Curity one (deletes and re-creates it)
  konnect.konnect.dcr_provider:
    id: 93f8380e-7798-4566-99e3-2edf2b57d289
    provider_type: curity
    issuer: https://idsvr.acme.com/oauth/v2/oauth-anonymous
    dcr_config:
      initial_client_id: konnect-dcr
      initial_client_secret: "{{ vault_curity_client_secret }}"
    recreate: true

- name: Remove a provider (fails, naming them, while strategies use it)
  konnect.konnect.dcr_provider:
    name: auth0-dcr
    state: absent
'''

RETURN = r'''
dcr_provider:
  description:
    - The provider as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create);
      an empty dict after a deletion.
    - Never contains the secrets of C(dcr_config). C(active) is true while an active strategy uses the provider.
  returned: always
  type: dict
  sample:
    id: 93f8380e-7798-4566-99e3-2edf2b57d289
    name: okta-dcr
    display_name: Okta
    provider_type: okta
    issuer: https://acme.okta.com/oauth2/default
    active: false
    dcr_config: {}
    labels: {team: platform}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
verification:
  description: Konnect's verdict on the provider, with O(verify=true).
  returned: when O(verify=true), not in check mode
  type: dict
  sample:
    status: success
    errors: []
used_by:
  description: The strategies that still use the provider, when a deletion was refused because of them.
  returned: on failure, when the provider is in use
  type: list
  elements: str
  sample: ["'okta-client-credentials'"]
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff); secrets as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('dcr_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
