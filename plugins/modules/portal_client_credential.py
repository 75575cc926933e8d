#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_credential
short_description: Mint, rotate and revoke the credentials of a developer's application on a Konnect developer portal
version_added: 0.1.0
description:
  - Make sure an application of the developer the task logs in as (O(portal_email)) has a credential with a given
    O(display_name), replace it, or delete it, through the portal's own host.
  - When a credential is minted, its secret (the API key of a key-auth application, or a client secret) is returned
    once, as RV(credential) or RV(client_secret). The portal never shows it again. The task's result is then hidden from
    Ansible's output and logs, while the registered variable keeps it; O(dest) writes it to a file only its owner can read.
  - A credential is found by O(id) or by its O(display_name). A re-run finds it and mints nothing, so the secret is only
    there on the run that minted it.
  - O(rotate) and O(rotate_before_days) replace a credential. The new one is minted first and the old one deleted only
    once the new one exists.
  - O(regenerate_secret) replaces the one client secret of an application whose strategy uses client credentials.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  application:
    description:
      - The developer's application (M(konnect.konnect.portal_client_application)), by name or id.
    type: str
    required: true
  display_name:
    description:
      - The credential's name, which finds it among the application's credentials. Required unless O(id) or
        O(regenerate_secret) is given; with O(id), a different name renames the credential (its secret stays the same).
    type: str
  dest:
    description:
      - A file to write a newly minted secret to, created with mode C(0600) (readable by its owner only), for example where
        the service's deployment reads its API key. Written only on the run that mints a secret, never in check mode.
      - When the file is missing and the credential already exists, the task warns (the secret cannot be read again);
        set O(rotate=true) to mint a new one.
    type: path
  rotate:
    description:
      - Replace the credential on this run. A new one is minted first and returned (and written to O(dest)); the old one is
        deleted only once the new one exists. Always reports a change.
    type: bool
    default: false
  rotate_before_days:
    description:
      - Replace the credential, as O(rotate=true) does, when it expires within this many days (or has already expired).
        Credentials expire when the application's auth strategy gives keys a time to live.
    type: int
  regenerate_secret:
    description:
      - Replace the client secret of an application whose auth strategy uses client credentials; the new secret is returned
        as RV(client_secret) (and written to O(dest)). The portal allows it only while the application has exactly one secret.
      - Always reports a change. Cannot be combined with O(rotate) or O(rotate_before_days).
    type: bool
  state:
    description:
      - V(present) mints the credential if it does not exist, renames it (when found by O(id)) or replaces it when O(rotate)
        or O(rotate_before_days) say so.
      - V(absent) deletes it, which revokes it at once. Deleting one that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The id of an existing credential, to find it by id instead of by its name (which lets the task rename it).
    type: str
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.attributes
notes:
  - Give C(no_log=true) to every task that uses the secret.
seealso:
  - module: konnect.konnect.portal_client_application
  - module: konnect.konnect.portal_client_application_registration
'''

EXAMPLES = r'''
- name: Mint the payments service's API key once, into the file its deployment reads
  konnect.konnect.portal_client_credential:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    display_name: production
    dest: /etc/payments/orders-api-key
  register: key

- name: Or hand it to a secret store on the run that minted it
  ansible.builtin.command:
    argv: [vault, kv, put, secret/payments/orders-api-key, value=-]
    stdin: "{{ key.credential }}"
  no_log: true
  when: key.credential is defined
  changed_when: true

- name: Replace the key when it expires within two weeks
  konnect.konnect.portal_client_credential:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    display_name: production
    rotate_before_days: 14
    dest: /etc/payments/orders-api-key

- name: A new client secret for a client-credentials application
  konnect.konnect.portal_client_credential:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-batch
    regenerate_secret: true
    dest: /etc/payments/client-secret

- name: Revoke a key
  konnect.konnect.portal_client_credential:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    display_name: staging
    state: absent
'''

RETURN = r'''
portal_client_credential:
  description:
    - The credential as the portal returns it after the task (predicted in check mode, with a null C(id) when one would be
      minted); an empty dict after a deletion. With O(regenerate_secret), the application. Never contains the secret.
  returned: always
  type: dict
  sample:
    id: 2c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f
    type: api_key
    display_name: production
    status: active
    expires_at: null
    created_at: "2026-12-06T10:05:00Z"
credential:
  description:
    - The API key minted by this run. The portal shows it only once; store it right away (or use O(dest)).
  returned: when an API key was minted (created or rotated)
  type: str
client_secret:
  description:
    - The client secret minted by this run (a credential of a client-credentials application, or O(regenerate_secret)).
  returned: when a client secret was minted
  type: str
client_id:
  description: The application's client id, with O(regenerate_secret).
  returned: when O(regenerate_secret) replaced the secret
  type: str
dest:
  description: The file O(dest) names.
  returned: when O(dest) is given
  type: str
diff:
  description: Before and after of the name and the id, when run with C(--diff). Never the secret.
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalCredentialTask

TASK = PortalCredentialTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
