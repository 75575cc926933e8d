#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: auth_server_client
short_description: Manage the OAuth 2.0 clients of a Kong Identity auth server
version_added: 0.1.0
description:
  - Create, update or delete a client of an auth server.
  - A client is found by O(id) (its OAuth 2.0 client id) or by its O(name), unique within O(auth_server).
  - Konnect generates the client's secret and shows it once, when the client is created; the module returns it once, as
    RV(client_secret). A plain re-run finds the client and returns no secret.
  - O(client_secret) sets the secret instead. It is write-only, sent when the client is created (right after it) and,
    with O(update_secrets=always), on later runs.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  auth_server:
    description:
      - The auth server, by name or id. Giving the id saves a lookup, so a task that changes nothing makes a single request.
    type: str
    required: true
  name:
    description:
      - The client's name, unique within the auth server. Required unless O(id) is given.
    type: str
  grant_types:
    description:
      - The OAuth 2.0 grant types the client may use, compared as a set. Required to create a client.
    type: list
    elements: str
    choices: [implicit, client_credentials]
  response_types:
    description:
      - The OAuth 2.0 response types the client may ask for, compared as a set. Required to create a client.
    type: list
    elements: str
    choices: [none, token, code, id_token]
  redirect_uris:
    description:
      - Absolute https URIs the client may be sent back to in interactive flows.
    type: list
    elements: str
  login_uri:
    description:
      - The https URI of the login page of interactive flows.
    type: str
  access_token_duration:
    description:
      - Seconds an access token is valid, 60 to 2592000. Konnect's default is 300.
    type: int
  id_token_duration:
    description:
      - Seconds an ID token is valid, 60 to 2592000. Konnect's default is 300.
    type: int
  allow_all_scopes:
    description:
      - Let the client request every scope of the auth server. Konnect's default is V(false).
    type: bool
  allow_scopes:
    description:
      - The scopes the client may request, by name or id, compared as a set.
    type: list
    elements: str
  token_endpoint_auth_method:
    description:
      - How the client authenticates at the token endpoint. Konnect's default is V(client_secret_post).
    type: str
    choices: [client_secret_post, none]
  client_secret:
    description:
      - The client's secret, instead of the one Konnect generates. Write-only, see O(update_secrets).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.attributes
notes:
  - The result of a task that created a client (or set its secret) is marked as C(no_log), so Ansible does not print it,
    while the registered variable keeps RV(client_secret).
seealso:
  - module: konnect.konnect.auth_server_client_info
  - module: konnect.konnect.auth_server
  - module: konnect.konnect.auth_server_scope
'''

EXAMPLES = r'''
- name: A machine-to-machine client that may read payments
  konnect.konnect.auth_server_client:
    auth_server: payments
    name: billing-job
    grant_types: [client_credentials]
    response_types: [token]
    allow_scopes: [payments.read]
    access_token_duration: 600
    labels:
      owner: billing
  register: billing_client

- name: Keep its secret (returned on the run that created it only)
  ansible.builtin.copy:
    content: "{{ billing_client.client_secret }}"
    dest: /etc/billing/client-secret
    mode: '0600'
  no_log: true
  when: billing_client.client_secret is defined

- name: An interactive client
  konnect.konnect.auth_server_client:
    auth_server: payments
    name: portal-app
    grant_types: [implicit]
    response_types: [id_token, token]
    redirect_uris: [https://app.example.com/callback]
    login_uri: https://app.example.com/login
    id_token_duration: 900
    token_endpoint_auth_method: none
    allow_all_scopes: true

- name: Set a new secret
  konnect.konnect.auth_server_client:
    auth_server: payments
    name: billing-job
    client_secret: "{{ new_billing_secret }}"
    update_secrets: always

- name: Delete a client (its tokens go with it)
  konnect.konnect.auth_server_client:
    auth_server: payments
    name: portal-app
    state: absent
'''

RETURN = r'''
auth_server_client:
  description: The client as Konnect returns it after the task, without its secret; an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: a0a7461f-9f69-42a6-8be9-7c384d5e4d49
    name: billing-job
    grant_types: [client_credentials]
    response_types: [token]
    access_token_duration: 600
    allow_scopes: [07db04a7-32a2-407f-88e6-8e7fde762ff5]
client_secret:
  description:
    - The client's secret, on the run that created the client (or set O(client_secret)). Konnect shows a generated secret
      only once; the whole result is hidden from Ansible's output and logs, but the registered variable keeps it.
  returned: when the client was created or its secret set
  type: str
  sample: 2f8a0c6b1e4d4e2a9c7b5d3f1a0e8c6b

action:
  description: What the task did, in one word.
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets (secrets masked), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('auth_server_client')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
