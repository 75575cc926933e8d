#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: audit_log_destination
short_description: Manage where Konnect sends the organization's audit logs
version_added: 0.1.0
description:
  - Create, update or delete an audit log destination of a Konnect region, the endpoint (a SIEM, a log collector) that the
    audit log webhook and the portals' webhooks deliver to.
  - A destination is found by O(id) or by its O(name). Konnect does not make names unique; if several destinations carry
    the name, the task fails and names their ids.
  - O(authorization) is write-only. Konnect never returns it, so it is sent when the destination is created and, with
    O(update_secrets=always), on later runs; it is never compared and never shown.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The destination's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  endpoint:
    description:
      - The URL that receives the audit log messages, such as V(https://siem.example.com/konnect). Required to create a
        destination; it must be an absolute http(s) URL, checked before anything is sent.
    type: str
  authorization:
    description:
      - The value Konnect sends in the C(Authorization) header with every delivery, such as V(Bearer s3cr3t). Required to
        create a destination. Write-only, see O(update_secrets).
    type: str
  log_format:
    description:
      - The format of each log message. Required to create a destination.
    type: str
    choices: [cef, json, cps]
  skip_ssl_verification:
    description:
      - Deliver without verifying the endpoint's TLS certificate. Konnect advises against it outside non-production
        endpoints with self-signed certificates. Konnect's default is V(false).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.secrets
  - konnect.konnect.attributes
notes:
  - Audit log destinations are regional; the task works in O(konnect_region).
  - A destination that a webhook points to cannot be deleted; Konnect answers 409 and the task fails with its message.
    Disable or repoint the webhook (M(konnect.konnect.audit_log_webhook), M(konnect.konnect.portal_audit_log_webhook)) first.
seealso:
  - module: konnect.konnect.audit_log_destination_info
  - module: konnect.konnect.audit_log_webhook
  - module: konnect.konnect.audit_log_replay_job
'''

EXAMPLES = r'''
- name: Send the audit logs to the SIEM as JSON
  konnect.konnect.audit_log_destination:
    name: siem
    endpoint: https://siem.example.com/konnect
    authorization: "Bearer {{ siem_token }}"
    log_format: json
    skip_ssl_verification: false

- name: Switch to CEF (the authorization header is left as it is)
  konnect.konnect.audit_log_destination:
    name: siem
    log_format: cef

- name: Rotate the authorization header
  konnect.konnect.audit_log_destination:
    name: siem
    authorization: "Bearer {{ new_siem_token }}"
    update_secrets: always

- name: A test collector with a self-signed certificate
  konnect.konnect.audit_log_destination:
    name: lab-collector
    endpoint: https://collector.lab.example.com/ingest
    authorization: Basic dXNlcjpwYXNz
    log_format: cps
    skip_ssl_verification: true

- name: Rename a destination found by id
  konnect.konnect.audit_log_destination:
    id: 07ec3858-066b-4629-bdc5-d4aa893b424d
    name: siem-eu

- name: Delete a destination
  konnect.konnect.audit_log_destination:
    name: lab-collector
    state: absent
'''

RETURN = r'''
audit_log_destination:
  description: The destination as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 07ec3858-066b-4629-bdc5-d4aa893b424d
    name: siem
    endpoint: https://siem.example.com/konnect
    log_format: json
    skip_ssl_verification: false
    created_at: "2026-03-20T09:29:14.52Z"
    updated_at: "2026-03-21T09:29:14.52Z"
action:
  description: What the task did, in one word.
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets, with O(authorization) masked, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('audit_log_destination')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
