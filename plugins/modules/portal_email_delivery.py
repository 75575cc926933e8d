#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_delivery
short_description: Set the email delivery of a Konnect developer portal (deprecated by Konnect)
version_added: 0.1.0
description:
  - Read, update and reset the email delivery settings of a developer portal.
  - B(Konnect has deprecated these settings) in favour of the portal's email config; prefer
    M(konnect.konnect.portal_email_config) for new work.
  - Only the settings the task gives are compared and updated.
  - Email addresses are checked before anything is sent.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  enabled:
    description:
      - Whether the portal sends its emails with these settings.
    type: bool
  from_email:
    description:
      - The sender's address, for example V(developers@example.com).
    type: str
  reply_to_email:
    description:
      - Where replies go, for example V(support@example.com).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.portal_settings.settings
  - konnect.konnect.attributes
notes:
  - Konnect's defaults, which O(state=absent) returns to, are O(enabled=false) and no addresses.
seealso:
  - module: konnect.konnect.portal_email_config
'''

EXAMPLES = r'''
- name: Deliver the portal's emails from our address
  konnect.konnect.portal_email_delivery:
    portal: developer-portal
    enabled: true
    from_email: developers@example.com
    reply_to_email: support@example.com

- name: Read the settings (changes nothing)
  konnect.konnect.portal_email_delivery:
    portal: developer-portal
  register: delivery

- name: Back to Konnect's defaults
  konnect.konnect.portal_email_delivery:
    portal: developer-portal
    state: absent
'''

RETURN = r'''
portal_email_delivery:
  description: The settings as Konnect returns them after the task (the predicted ones in check mode).
  returned: always
  type: dict
  sample:
    enabled: true
    from_email: developers@example.com
    reply_to_email: support@example.com
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the settings the task gives (or resets), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_email_delivery')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
