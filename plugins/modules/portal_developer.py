#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_developer
short_description: Manage the developers of a Konnect developer portal
version_added: 0.1.0
description:
  - Create developer accounts of a developer portal as an administrator, approve, reject or revoke them, and delete them.
  - A developer is found by O(id) or by O(email), compared without regard to case; the module sends and looks up the
    lower-case form of the address.
  - Only the status can change once the developer exists; the email address and the full name are fixed at creation.
  - Deleting a developer also deletes the applications the developer owns, with their registrations and credentials.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  email:
    description:
      - The developer's email address, unique in the portal. Required unless O(id) is given.
      - Can only be set when the developer is created (see O(recreate)).
    type: str
  full_name:
    description:
      - The developer's full name. Required to create a developer.
      - Can only be set when the developer is created (see O(recreate)); Konnect has no way to change it.
    type: str
  status:
    description:
      - Whether the developer may log in to the portal. Only V(approved) developers can.
      - When a developer is created without it, the portal's C(auto_approve_developers) decides (V(approved) or V(pending)).
      - Changes follow the status machine in the notes; another change fails before anything is written.
      - Credentials issued while the developer was approved keep working until their registrations are revoked or deleted.
    type: str
    choices: [approved, pending, revoked, rejected]
  send_invitation_email:
    description:
      - Have Konnect email the developer an invitation when the account is created. Not sent otherwise.
      - Only used on creation; Konnect does not return it, so it is never compared.
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.status
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_developer_info
  - module: konnect.konnect.portal_team_developer
  - module: konnect.konnect.portal_application
'''

EXAMPLES = r'''
- name: Create a developer, approved at once, and invite them by email
  konnect.konnect.portal_developer:
    portal: Partner Portal
    email: jane.doe@example.com
    full_name: Jane Doe
    status: approved
    send_invitation_email: true

- name: Create a developer; the portal's auto_approve_developers decides whether they are approved
  konnect.konnect.portal_developer:
    portal: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    email: john.smith@example.com
    full_name: John Smith

- name: Approve a developer who registered on the portal
  konnect.konnect.portal_developer:
    portal: Partner Portal
    email: John.Smith@Example.com
    status: approved

- name: Revoke a developer's access (approve again later with status approved)
  konnect.konnect.portal_developer:
    portal: Partner Portal
    email: jane.doe@example.com
    status: revoked

- name: Delete a developer and the applications they own
  konnect.konnect.portal_developer:
    portal: Partner Portal
    email: jane.doe@example.com
    state: absent
'''

RETURN = r'''
portal_developer:
  description:
    - The developer as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7cd9feff-b4da-4a9f-ba49-cbe83c75ff22
    email: jane.doe@example.com
    full_name: Jane Doe
    status: approved
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the email address, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_developer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
