#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: audit_log_webhook
short_description: Turn the delivery of the organization's audit logs on or off
version_added: 0.1.0
description:
  - Read, update and reset the audit log webhook of a Konnect region, which sends the organization's audit log entries to
    one audit log destination.
  - The webhook always exists. Only the settings the task gives are compared and updated.
  - The destination, with its endpoint and its C(Authorization) header, is managed with
    M(konnect.konnect.audit_log_destination); this module points the webhook at it, by name or id, and holds no secret.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  enabled:
    description:
      - Whether the audit logs are sent. Enabling needs a destination, given now or set before; a task that enables the
        webhook without one fails before anything is sent.
    type: bool
  audit_log_destination:
    description:
      - The audit log destination that receives the logs, by name or id. Giving the id saves a lookup.
    type: str
  state:
    description:
      - V(present) sets what the task gives.
      - V(absent) disables the webhook and clears its destination, as Konnect's DELETE does; a webhook already disabled
        and without a destination reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - The webhook is regional; the task works in O(konnect_region).
seealso:
  - module: konnect.konnect.audit_log_destination
  - module: konnect.konnect.audit_log_replay_job
  - module: konnect.konnect.portal_audit_log_webhook
'''

EXAMPLES = r'''
- name: Send the audit logs to the SIEM destination
  konnect.konnect.audit_log_webhook:
    enabled: true
    audit_log_destination: siem

- name: Pause sending (keeps the destination)
  konnect.konnect.audit_log_webhook:
    enabled: false

- name: Point the webhook at a destination by id
  konnect.konnect.audit_log_webhook:
    audit_log_destination: 07ec3858-066b-4629-bdc5-d4aa893b424d

- name: Disable and clear the destination
  konnect.konnect.audit_log_webhook:
    state: absent
'''

RETURN = r'''
audit_log_webhook:
  description: The webhook settings as Konnect returns them after the task (the predicted ones in check mode).
  returned: always
  type: dict
  sample:
    enabled: true
    audit_log_destination_id: 07ec3858-066b-4629-bdc5-d4aa893b424d
action:
  description: What the task did, in one word.
  returned: always
  type: str
  sample: updated
diff:
  description: Before and after of the settings the task gives (or resets), the destination as C(name (id)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('audit_log_webhook')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
