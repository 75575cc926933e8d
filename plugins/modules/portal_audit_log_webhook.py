#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_audit_log_webhook
short_description: Send the audit logs of a Konnect developer portal to an audit log destination
version_added: 0.1.0
description:
  - Read, update and reset the audit-log webhook of a developer portal, which sends the portal's audit log entries to an
    audit log destination of the organization.
  - Only the settings the task gives are compared and updated.
  - The destination, with its endpoint and its C(Authorization) header, is configured in Konnect's audit-log settings;
    this module only points the portal at it, by id, and holds no secret.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  enabled:
    description:
      - Whether the portal's audit logs are sent. Enabling needs a destination, given now or set before.
    type: bool
  audit_log_destination_id:
    description:
      - The id (a UUID) of the audit log destination that receives the logs. Checked to be a UUID before anything is sent.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.portal_settings.settings
  - konnect.konnect.attributes
notes:
  - O(state=absent) disables the webhook and clears its destination, as Konnect's DELETE does.
seealso:
  - module: konnect.konnect.portal
'''

EXAMPLES = r'''
- name: Send the portal's audit logs to the SIEM destination
  konnect.konnect.portal_audit_log_webhook:
    portal: developer-portal
    enabled: true
    audit_log_destination_id: 9cb77dc2-ff99-4d47-84ab-7c5c1b3ef939

- name: Pause sending (keeps the destination)
  konnect.konnect.portal_audit_log_webhook:
    portal: developer-portal
    enabled: false

- name: Disable and clear the destination
  konnect.konnect.portal_audit_log_webhook:
    portal: developer-portal
    state: absent
'''

RETURN = r'''
portal_audit_log_webhook:
  description: The webhook settings as Konnect returns them after the task (the predicted ones in check mode).
  returned: always
  type: dict
  sample:
    enabled: true
    audit_log_destination_id: 9cb77dc2-ff99-4d47-84ab-7c5c1b3ef939
diff:
  description: Before and after of the settings the task gives (or resets), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_audit_log_webhook')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
