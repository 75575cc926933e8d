#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_config
short_description: Set who the emails of a Konnect developer portal come from
version_added: 0.1.0
description:
  - Create, update and delete the email config of a developer portal - the domain, sender name and addresses of the emails
    it sends to developers. A portal has at most one; without it, the portal sends from Konnect's defaults.
  - Only the settings the task gives are compared and updated. A task that gives none creates nothing and returns the
    config if there is one.
  - Email addresses and the domain are checked before anything is sent.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  domain_name:
    description:
      - The domain the emails are sent from, for example V(mail.example.com). It must be one of the organization's email
        domains (see M(konnect.konnect.portal_email_domain)), which Konnect can send from once its DNS is verified.
      - Without it, Konnect's own domain is used.
    type: str
  from_name:
    description:
      - The name shown as the sender, for example V(Acme Developer Portal).
    type: str
  from_email:
    description:
      - The sender's address, for example V(developers@mail.example.com).
    type: str
  reply_to_email:
    description:
      - Where replies go, for example V(support@example.com). Without it, the emails have no C(Reply-To) header.
    type: str
  state:
    description:
      - V(present) creates the email config or updates the settings the task gives.
      - V(absent) deletes it, so the portal sends from Konnect's defaults again; deleting a config that does not exist
        reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_email_domain
  - module: konnect.konnect.portal_email_template
'''

EXAMPLES = r'''
- name: Send from our own domain
  konnect.konnect.portal_email_config:
    portal: developer-portal
    domain_name: mail.example.com
    from_name: Acme Developer Portal
    from_email: developers@mail.example.com
    reply_to_email: support@example.com

- name: Change only the sender's name (portal given by id - one request when nothing changes)
  konnect.konnect.portal_email_config:
    portal: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    from_name: Acme APIs

- name: Read the config (changes nothing)
  konnect.konnect.portal_email_config:
    portal: developer-portal
  register: email_config

- name: Back to Konnect's defaults
  konnect.konnect.portal_email_config:
    portal: developer-portal
    state: absent
'''

RETURN = r'''
portal_email_config:
  description:
    - The email config as Konnect returns it after the task (the predicted one in check mode); an empty dict when the portal
      has none.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    domain_name: mail.example.com
    from_name: Acme Developer Portal
    from_email: developers@mail.example.com
    reply_to_email: support@example.com
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the settings the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_email_config')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
