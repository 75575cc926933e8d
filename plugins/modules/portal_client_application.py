#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_application
short_description: Manage a developer's own application on a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update and delete an application of the developer the task logs in as (O(portal_email)), through the
    portal's own host. Applications are registered to APIs (M(konnect.konnect.portal_client_application_registration))
    and get credentials (M(konnect.konnect.portal_client_credential)).
  - An administrator sees the same application with M(konnect.konnect.portal_application).
  - The application is found by O(id) or by O(name) among the developer's applications.
  - The auth strategy is fixed when the application is created; a task that asks for another one fails before anything
    is written.
  - An application whose strategy issues client credentials gets its client secret when it is created. It is returned
    once, as RV(client_secret); the task's result is then hidden from Ansible's output and logs, but the registered
    variable keeps it.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The application's name. Required unless O(id) is given; with O(id), a different name renames the application.
    type: str
  description:
    description:
      - Free-text description (up to 255 characters).
    type: str
  auth_strategy:
    description:
      - The application auth strategy, by name or id, from those the portal offers (its default strategy and those of
        its publications), named as the portal shows them (a strategy's C(display_name) in
        M(konnect.konnect.application_auth_strategy)). Without it, the portal's default strategy.
      - Can only be set when the application is created.
    type: str
  client_id:
    description:
      - The OAuth client id of the application, for a strategy with self-managed client credentials (DCR).
    type: str
  redirect_uri:
    description:
      - Where an OIDC flow redirects to, for a strategy that uses one.
    type: str
  scopes:
    description:
      - The OAuth scopes the application asks for, compared as a set.
    type: list
    elements: str
  state:
    description:
      - V(present) creates the application or updates the fields the task sets.
      - V(absent) deletes it, with its registrations and credentials. Deleting one that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The id of an existing application, to find it by id instead of by name (which lets the task rename it).
    type: str
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.attributes
seealso:
  - module: konnect.konnect.portal_client_application_registration
  - module: konnect.konnect.portal_client_credential
  - module: konnect.konnect.portal_application
'''

EXAMPLES = r'''
- name: Set the portal and the developer once for every portal_client task
  module_defaults:
    group/konnect.konnect.portal_client:
      portal_url: https://developer.example.com
      portal_email: payments-ci@example.com
      portal_password: "{{ vault_portal_password }}"
  block:
    - name: The payments service's application, with key auth
      konnect.konnect.portal_client_application:
        name: payments-service
        description: Calls the orders API
        auth_strategy: key-auth

    - name: An application whose client id comes from our own IdP (self-managed client credentials)
      konnect.konnect.portal_client_application:
        name: payments-batch
        auth_strategy: okta-client-credentials
        client_id: 0oa1b2c3d4e5f6g7h8i9
        scopes: [orders.read]
        redirect_uri: https://payments.example.com/callback

    - name: Delete an application
      konnect.konnect.portal_client_application:
        name: payments-old
        state: absent
'''

RETURN = r'''
portal_client_application:
  description:
    - The application as the portal returns it after the task (predicted in check mode, with a null C(id) when it
      would be created); an empty dict after a deletion. Never contains the client secret.
  returned: always
  type: dict
  sample:
    id: 5f9c1d3e-8a2b-4c6d-9e0f-1a2b3c4d5e6f
    name: payments-service
    description: Calls the orders API
    auth_strategy: {id: 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, name: key-auth, credential_type: key_auth}
    client_id: null
    created_at: "2026-12-06T10:00:00Z"
    updated_at: "2026-12-06T10:00:00Z"
client_secret:
  description:
    - The client secret Konnect issued with a new application whose strategy uses client credentials. Shown only once.
  returned: when an application with client credentials was created
  type: str
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalEntityTask

TASK = PortalEntityTask('portal_client_application')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
