#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: application_auth_strategy
short_description: Manage how developers' applications authenticate to APIs published in Konnect developer portals
version_added: 0.1.0
description:
  - Create, update and delete application auth strategies, the credentials developers' applications use for the APIs
    they register for in a developer portal.
  - A V(key_auth) strategy lets developers generate API keys; an V(openid_connect) strategy uses credentials issued by an
    identity provider, created by Konnect through a DCR provider (M(konnect.konnect.dcr_provider)) when one is given.
  - A strategy is found by O(id) or by its O(name).
  - Changes are made in place (with a PATCH). A new O(display_name), other O(configs), O(labels) or O(dcr_provider) never
    replace the strategy, so the portals, publications and applications that use it keep it.
  - Only the fields the task sets are compared and updated; within O(configs), only the settings the task gives.
  - A strategy that a portal (as its default), an API publication or an application still uses cannot be deleted; the
    module fails before deleting and names what uses it.
  - Application auth strategies are regional; set O(konnect_region) to the region of the portals that use them.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The strategy's name in Konnect (1 to 256 characters). Required unless O(id) is given; with O(id), a different name
        renames it.
    type: str
  display_name:
    description:
      - The name developers see in the portal (at most 256 characters). Required to create a strategy.
    type: str
  strategy_type:
    description:
      - V(key_auth) (API keys) or V(openid_connect) (credentials from an identity provider). Required to create a strategy.
      - Can only be set when the strategy is created (see O(recreate)).
    type: str
    choices: [key_auth, openid_connect]
  configs:
    description:
      - The settings of the strategy, under the key of its O(strategy_type). Required to create a strategy.
      - Keys the task leaves out are not compared and are kept as they are.
    type: dict
    suboptions:
      key_auth:
        description:
          - The settings of a V(key_auth) strategy.
        type: dict
        suboptions:
          key_names:
            description:
              - The names of the headers (or query parameters) that carry the API key, 1 to 10 of them. Compared in order.
            type: list
            elements: str
          ttl:
            description:
              - How long the keys developers create stay valid, at most.
              - Once set, a TTL can be changed but this module does not remove it.
            type: dict
            suboptions:
              value:
                description: The number of O(configs.key_auth.ttl.unit)s, at least 1.
                type: int
                required: true
              unit:
                description: The unit of O(configs.key_auth.ttl.value).
                type: str
                required: true
                choices: [days, weeks, years]
      openid_connect:
        description:
          - The settings of an V(openid_connect) strategy. O(configs.openid_connect.issuer),
            O(configs.openid_connect.credential_claim), O(configs.openid_connect.scopes) and
            O(configs.openid_connect.auth_methods) are required to create one.
        type: dict
        suboptions:
          issuer:
            description:
              - The issuer URL of the identity provider, for example V(https://acme.okta.com/oauth2/default).
            type: str
          credential_claim:
            description:
              - The claims of the token that identify the application (at most 10), for example V(client_id).
            type: list
            elements: str
          scopes:
            description:
              - The scopes the gateway requires (at most 50). Compared in order.
            type: list
            elements: str
          auth_methods:
            description:
              - How applications present their credentials (at most 10), for example V(client_credentials), V(bearer),
                V(session). Compared in order.
            type: list
            elements: str
          additional_properties:
            description:
              - More settings of Kong's OpenID Connect plugin that Konnect accepts in the strategy, by their plugin names
                (for example C(audience_required)). They are sent beside the settings above and compared the same way.
            type: dict
  principals:
    description:
      - Application principals of the strategy (used by V3 API Catalog portals and applications).
    type: dict
    suboptions:
      enabled:
        description: Whether application principals are enabled for this strategy.
        type: bool
        required: true
  dcr_provider:
    description:
      - The DCR provider, by name or id, that creates the applications' clients at the identity provider. Only an
        V(openid_connect) strategy can have one.
      - Giving the id saves a lookup.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
notes:
  - A change of O(strategy_type) needs O(recreate=true), which deletes the strategy and creates a new one (with a new id).
    Konnect refuses to delete a strategy in use, so the module then fails before deleting, naming what uses it.
  - Konnect does not say whether strategy names are unique; when two strategies have the task's name, the module fails
    and asks for the O(id).
seealso:
  - module: konnect.konnect.application_auth_strategy_info
  - module: konnect.konnect.dcr_provider
'''

EXAMPLES = r'''
- name: API keys, sent in the apikey or x-api-key header, valid for 90 days at most
  konnect.konnect.application_auth_strategy:
    name: key-auth
    display_name: API key
    strategy_type: key_auth
    configs:
      key_auth:
        key_names: [apikey, x-api-key]
        ttl:
          value: 90
          unit: days
    labels:
      team: platform

- name: OAuth2 client credentials from Okta, clients created by a DCR provider
  konnect.konnect.application_auth_strategy:
    name: okta-client-credentials
    display_name: Client credentials
    strategy_type: openid_connect
    configs:
      openid_connect:
        issuer: https://acme.okta.com/oauth2/default
        credential_claim: [client_id]
        scopes: [openid, pets.read]
        auth_methods: [client_credentials, bearer]
        additional_properties:
          audience_required: [api://pets]
    dcr_provider: okta-dcr
    principals:
      enabled: false

- name: Rename what developers see; the strategy stays the same object, so nothing that uses it notices
  konnect.konnect.application_auth_strategy:
    name: key-auth
    display_name: API key (header)

- name: Rename a strategy found by id, and keep only the labels given
  konnect.konnect.application_auth_strategy:
    id: 22f8380e-7798-4566-99e3-2edf2b57d289
    name: api-key
    labels:
      team: api-platform
    purge_labels: true

- name: Turn a key-auth strategy into an OpenID Connect one (deletes it and creates a new one)
  konnect.konnect.application_auth_strategy:
    name: key-auth
    display_name: API access
    strategy_type: openid_connect
    configs:
      openid_connect:
        issuer: https://acme.okta.com/oauth2/default
        credential_claim: [client_id]
        scopes: [openid]
        auth_methods: [bearer]
    recreate: true

- name: Remove a strategy (fails, naming them, while a portal, publication or application uses it)
  konnect.konnect.application_auth_strategy:
    name: okta-client-credentials
    state: absent
'''

RETURN = r'''
application_auth_strategy:
  description:
    - The strategy as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create);
      an empty dict after a deletion.
    - C(configs) uses Konnect's keys, C(key-auth) or C(openid-connect); C(dcr_provider) names the DCR provider;
      C(active) is true while a published API uses the strategy.
  returned: always
  type: dict
  sample:
    id: 22f8380e-7798-4566-99e3-2edf2b57d289
    name: okta-client-credentials
    display_name: Client credentials
    strategy_type: openid_connect
    configs:
      openid-connect:
        issuer: https://acme.okta.com/oauth2/default
        credential_claim: [client_id]
        scopes: [openid, pets.read]
        auth_methods: [client_credentials, bearer]
    dcr_provider:
      id: 33f8380e-7798-4566-99e3-2edf2b57d289
      name: okta-dcr
      provider_type: okta
    active: false
    labels: {}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
used_by:
  description: What still uses the strategy, when a deletion was refused because of it.
  returned: on failure, when the strategy is in use
  type: list
  elements: str
  sample: ["portal 'developers' (its default application auth strategy)"]
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff); the DCR provider reads C(name (id)).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('application_auth_strategy')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
