#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_integration_instance
short_description: Manage integration instances of the Konnect Service Catalog, with their auth config and credential
version_added: 0.1.0
description:
  - Create, update and delete the integration instances of a Konnect region's Service Catalog (a PagerDuty account, a
    GitHub organization, ...), and set the auth config and auth credential that connect them.
  - An instance is found by O(id) or by its unique machine O(name).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  integration_name:
    description:
      - The integration this is an instance of, for example C(pagerduty), C(github) or C(aws-lambda)
        (see C(GET /v1/integrations)). Required to create an instance; it cannot change afterwards (see O(recreate)).
    type: str
  name:
    description:
      - The machine name that identifies the instance in the catalog (1 to 120 lower-case letters, digits, dots and dashes).
        Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  display_name:
    description:
      - The name shown in the catalog. Required to create an instance.
    type: str
  description:
    description:
      - Free-text description (up to 2048 characters).
    type: str
  config:
    description:
      - The settings of the instance, whose schema the integration defines, for example C(account_region).
      - Sent as C({}) on creation when not given. The keys given are compared; others are left as they are.
    type: dict
  auth_config:
    description:
      - The OAuth client the instance authorizes with (for integrations that use OAuth). Compared without its secret.
    type: dict
    suboptions:
      type:
        description: The kind of auth config; only C(oauth) exists.
        type: str
        choices: [oauth]
        default: oauth
      client_id:
        description: The OAuth client identifier.
        type: str
        required: true
      client_secret:
        description:
          - The OAuth client secret; write-only. Required whenever the config is written (Konnect takes it whole).
        type: str
      authorization_endpoint:
        description: The URL users are sent to for authorization.
        type: str
        required: true
      token_endpoint:
        description: The URL access tokens are fetched from.
        type: str
        required: true
  auth_credential:
    description:
      - The credential the instance uses with the integration's API; write-only, never compared and never shown.
      - Created when the instance has none; with O(update_secrets=always) the existing one is deleted and this one created.
    type: dict
    suboptions:
      type:
        description: The kind of credential.
        type: str
        required: true
        choices: [oauth, github_app_installation, multi_key_auth, aws_role_delegation]
      config:
        description:
          - Its settings, as Konnect takes them for the type, for example a list of C(headers), each with a C(name) and a C(key),
            for C(multi_key_auth), or a C(role_arn) for C(aws_role_delegation).
        type: dict
        required: true
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.catalog_integration_instance_info
  - module: konnect.konnect.catalog_resource_mapping
'''

EXAMPLES = r'''
- name: A PagerDuty instance with its API key
  konnect.konnect.catalog_integration_instance:
    integration_name: pagerduty
    name: pagerduty-prod
    display_name: PagerDuty (prod)
    config:
      account_region: eu
    auth_credential:
      type: multi_key_auth
      config:
        headers:
          - name: authorization
            key: "{{ vault_pagerduty_key }}"

- name: Rotate that key
  konnect.konnect.catalog_integration_instance:
    name: pagerduty-prod
    auth_credential:
      type: multi_key_auth
      config:
        headers:
          - name: authorization
            key: "{{ vault_pagerduty_new_key }}"
    update_secrets: always

- name: A GitLab instance with its OAuth client
  konnect.konnect.catalog_integration_instance:
    integration_name: gitlab
    name: gitlab
    display_name: GitLab
    auth_config:
      client_id: 0f1e2d3c
      client_secret: "{{ vault_gitlab_client_secret }}"
      authorization_endpoint: https://gitlab.example.com/oauth/authorize
      token_endpoint: https://gitlab.example.com/oauth/token

- name: Remove an instance
  konnect.konnect.catalog_integration_instance:
    name: gitlab
    state: absent
'''

RETURN = r'''
catalog_integration_instance:
  description:
    - The instance as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3f51fa25-310a-421d-bd1a-007f859021a3
    name: pagerduty-prod
    display_name: PagerDuty (prod)
    integration: {name: pagerduty, display_name: PagerDuty}
    authorized: true
    config: {account_region: eu}
auth_config:
  description: The auth config after the task, without its client secret.
  returned: when O(auth_config) is given
  type: dict
auth_credential:
  description: What Konnect tells about the credential (id, type, expiry, missing permissions), never its secrets.
  returned: when O(auth_credential) is given
  type: dict
diff:
  description: Before and after of the fields the task sets, the auth config and the credential's type, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('catalog_integration_instance')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
