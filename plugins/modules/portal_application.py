#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_application
short_description: Manage the applications of a Konnect developer portal
version_added: 0.1.0
description:
  - Create applications of a developer portal as an administrator, hand them to another owner, and delete them.
    Applications are what developers register for APIs (M(konnect.konnect.portal_application_registration)) and get
    credentials for.
  - An application is found by O(id) or by O(name). Konnect does not require application names to be unique; when several
    applications share the name, the task fails and asks for the id.
  - Konnect changes only the owner of an existing application. Every other field is fixed at creation, so a task that
    asks for another value fails before anything is written, unless O(recreate=true) deletes and re-creates the
    application. An application is never replaced silently.
  - Deleting an application deletes its registrations and credentials.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The application's name. Required unless O(id) is given.
    type: str
  developer:
    description:
      - The developer who owns the application, by email address (any case) or id.
      - An application has one owner; give O(developer) or O(team), not both. One of them is required to create it.
      - The owner is the one field Konnect changes on an existing application.
    type: str
  team:
    description:
      - The portal team that owns the application, by name or id. The team must be allowed to own applications
        (O(konnect.konnect.portal_team#module:can_own_applications)); otherwise the task fails before writing.
      - An application has one owner; give O(developer) or O(team), not both.
    type: str
  auth_strategy:
    description:
      - The application auth strategy, by name or id, that the application's credentials follow
        (M(konnect.konnect.application_auth_strategy)). Without it, Konnect uses the portal's default strategy.
      - Can only be set when the application is created (see O(recreate)).
    type: str
  description:
    description:
      - Free-text description (up to 255 characters).
      - Can only be set when the application is created (see O(recreate)); adding one later counts as a change too.
    type: str
  labels:
    description:
      - Labels (string keys and values) to set on the application when it is created.
      - Konnect does not return an application's labels, so they cannot be compared and a later change is not detected.
    type: dict
  client_id:
    description:
      - The OAuth client id of the application, for an application whose strategy uses self-managed client credentials.
        Konnect refuses it when the strategy uses a DCR provider, which issues the client id itself.
      - Can only be set when the application is created (see O(recreate)).
    type: str
  dcr_client_id:
    description:
      - The id of an existing client at the DCR provider to link the application to, instead of having one created.
      - Only used on creation; Konnect does not return it, so it is never compared.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_application_info
  - module: konnect.konnect.portal_application_registration
  - module: konnect.konnect.portal_developer
  - module: konnect.konnect.portal_team
'''

EXAMPLES = r'''
- name: An application of a developer, with the key-auth strategy
  konnect.konnect.portal_application:
    portal: Partner Portal
    name: Acme Billing
    developer: jane.doe@example.com
    auth_strategy: key-auth
    description: Billing integration of Acme
    labels:
      partner: acme

- name: Hand the application to the developer's team
  konnect.konnect.portal_application:
    portal: Partner Portal
    name: Acme Billing
    team: Acme Corp

- name: A new description means a new application (its registrations and credentials go with the old one)
  konnect.konnect.portal_application:
    portal: Partner Portal
    name: Acme Billing
    team: Acme Corp
    description: Billing and invoicing integration of Acme
    recreate: true

- name: Delete the application
  konnect.konnect.portal_application:
    portal: Partner Portal
    name: Acme Billing
    state: absent
'''

RETURN = r'''
portal_application:
  description:
    - The application as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a deletion.
    - C(client_id) is there for applications of a client-credentials strategy only.
  returned: always
  type: dict
  sample:
    id: 2be1735c-653e-45be-b614-c763a2dee98a
    name: Acme Billing
    description: Billing integration of Acme
    owner: {type: team, id: d32d905a-ed33-46a3-a093-d8f536af9a8a}
    auth_strategy: {id: 4c51d69a-06e8-4d53-88ef-663763cbc2cf, name: key-auth, credential_type: key_auth, key_names: [apikey]}
    portal: {id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7}
    registration_count: 1
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the name, the id, the fields the task sets and the owner, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_application')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
