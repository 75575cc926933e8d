#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: audit_log_replay_job
short_description: Re-send the audit logs of a time window to the audit log webhook
version_added: 0.1.0
description:
  - Start Konnect's audit log replay job for a window of the last 7 days, which sends the entries of that window to the
    organization's audit log webhook again, and report its status.
  - Konnect has one replay job per region. The task starts it when the job's window is another one, or when the replay of
    the same window failed; a replay of the same window that is running or completed is left alone, so a re-run does not
    send the logs twice.
  - Konnect runs one replay at a time. A task that asks for another window while a replay is running fails before
    anything is sent; wait for the running one first.
  - With O(wait=true) the task polls the job, with the collection's backoff, until it completes. A replay that fails,
    or that is still running after O(wait_timeout) seconds, fails the task with a message naming its window and status.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  start_at:
    description:
      - The start of the window, as an RFC 3339 date-time such as V(2026-05-04T10:00:00Z). It must be within the last 7
        days and before O(end_at); both are checked before anything is sent.
    type: str
    required: true
  end_at:
    description:
      - The end of the window, as an RFC 3339 date-time such as V(2026-05-04T12:00:00Z), not in the future.
    type: str
    required: true
  wait:
    description:
      - Wait until the replay of the window has completed. Also waits for a replay of the same window that an earlier run started.
    type: bool
    default: false
  wait_timeout:
    description:
      - How many seconds O(wait=true) waits before it fails the task. The replay goes on in Konnect; run the task again to
        keep waiting for it.
    type: int
    default: 600
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - The replay job is regional; the task works in O(konnect_region).
  - In check mode nothing is started and nothing is waited for; the result is the job as it would be accepted.
seealso:
  - module: konnect.konnect.audit_log_webhook
  - module: konnect.konnect.audit_log_destination
'''

EXAMPLES = r'''
- name: Re-send the logs of an incident window and wait until they are delivered
  konnect.konnect.audit_log_replay_job:
    start_at: "2026-05-04T10:00:00Z"
    end_at: "2026-05-04T12:00:00Z"
    wait: true
    wait_timeout: 900
  register: replay

- name: Show how it went
  ansible.builtin.debug:
    msg: "Replay {{ replay.audit_log_replay_job.status }}"

- name: Start the replay of the last 24 hours without waiting
  konnect.konnect.audit_log_replay_job:
    start_at: "{{ '%Y-%m-%dT%H:%M:%SZ' | strftime(now().timestamp() | int - 86400, utc=true) }}"
    end_at: "{{ '%Y-%m-%dT%H:%M:%SZ' | strftime(now().timestamp() | int - 60, utc=true) }}"
'''

RETURN = r'''
audit_log_replay_job:
  description:
    - The replay job as Konnect reports it after the task; with O(wait=true), as it was when it completed. Its C(status)
      is one of C(unconfigured), C(accepted), C(pending), C(running), C(completed), C(failed).
  returned: always
  type: dict
  sample:
    start_at: "2026-05-04T10:00:00Z"
    end_at: "2026-05-04T12:00:00Z"
    status: completed
    updated_at: "2026-05-05T08:00:03Z"
action:
  description: What the task did, in one word (C(updated) when a replay was started).
  returned: always
  type: str
  sample: updated
diff:
  description: Before and after of the window, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('audit_log_replay_job')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
