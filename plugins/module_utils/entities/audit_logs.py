# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Audit Logs v3: audit-log destinations, the webhook and replay jobs (regional).

Facts from ``audit-logs-v3.yaml``: a destination's ``authorization`` is write-only and required on create, with
``name``, ``endpoint`` and ``log_format``; the organization's webhook always exists (PATCH, and a DELETE that "sets the
destination ID to empty" and disables it); the replay job is one document (PUT ``start_at``/``end_at``, both "within
the last 7 days", answered 202; 409 "A replay job is currently running") whose read-only ``status`` goes
``accepted``/``pending``/``running`` to ``completed`` or ``failed``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import SingletonEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import Entity, Field, IdReference, ResettableSingleton, Singleton, parse_time
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError

LOG_FORMATS = ['cef', 'json', 'cps']
REPLAY_WINDOW_DAYS = 7
RUNNING = ('accepted', 'pending', 'running')
COMPLETED = 'completed'
FAILED = 'failed'


def check_destination(engine, current=None):
    """Konnect's 400s, before anything is sent: the endpoint must be an absolute URL."""
    endpoint = engine.desired.get('endpoint')
    if engine.params.get('state') != 'absent' and endpoint is not None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ('http', 'https') or not parts.hostname:
            raise KonnectParameterError('endpoint: %r is not a valid URL; give one such as https://siem.example.com/audit-logs.' % endpoint)


def check_webhook(engine, current=None):
    """Konnect enables the webhook only with a destination (its 400 "cannot be blank") that exists."""
    if engine.params.get('state') == 'absent':
        return
    if engine.desired.get('audit_log_destination_id') not in (None, (current or {}).get('audit_log_destination_id')):
        engine.verify_references()  # a destination given by id must exist (Konnect's 400 would come after the request)
    if engine.desired.get('enabled') and not engine.desired.get('audit_log_destination_id') and not (current or {}).get('audit_log_destination_id'):
        raise KonnectParameterError('enabled: the audit log webhook can only be enabled with a destination; give audit_log_destination.')


def check_window(params, now):
    """The replay window Konnect takes: two RFC 3339 times, start before end, both within the last 7 days."""
    start, end = parse_time(params.get('start_at')), parse_time(params.get('end_at'))
    for name, value in (('start_at', start), ('end_at', end)):
        if value is None:
            raise KonnectParameterError('%s: %r is not an RFC 3339 date-time such as 2026-05-04T10:00:00Z.' % (name, params.get(name)))
    if start >= end:
        raise KonnectParameterError('start_at: the window must start before it ends (start_at %s, end_at %s).' % (params['start_at'], params['end_at']))
    if start < now - REPLAY_WINDOW_DAYS * 86400 or end > now:
        raise KonnectParameterError('start_at, end_at: Konnect replays only the last %d days; %s to %s is not within them.' % (
            REPLAY_WINDOW_DAYS, params['start_at'], params['end_at']))


class ReplayJobEngine(SingletonEngine):
    """Starts a replay of a window (a PUT) unless the job for that window is running or done; waits on request.

    A job that failed for the same window is started again; a job running for another window is refused before the PUT
    Konnect would answer with 409.
    """

    def ensure_present(self, current, desired):
        check_window(self.params, self.now())
        result = super(ReplayJobEngine, self).ensure_present(current, desired)
        if self.params.get('wait') and not self.check_mode:
            result[self.entity.name] = self.wait_until_done(result)
        return result

    def decide(self, current, desired):
        decision = super(ReplayJobEngine, self).decide(current, desired)
        status = current.get('status')
        if not decision.writes and status == FAILED:
            body = dict((name, desired[name]) for name in ('start_at', 'end_at'))
            decision = decide.Decision(decide.UPDATE, body, body, dict(current, **body))
        if decision.writes:
            if status in RUNNING:
                raise KonnectParameterError('start_at, end_at: the replay of %s to %s is %s; Konnect runs one replay at a time. Wait for it '
                                            '(wait: true with its window) before starting another.' % (current.get('start_at'), current.get('end_at'), status))
            decision.predicted = dict(decision.predicted, status='accepted')
        return decision

    def wait_until_done(self, result):
        """Poll the job until it completes (returned), fails or ``wait_timeout`` passes (both raise, saying so)."""
        def timed_out(job):
            return KonnectError('Timed out after %ss waiting for the audit log replay of %s to %s: it is still %s. Run the task again '
                                '(it waits for the same window) or raise wait_timeout.' % (
                                    self.params.get('wait_timeout'), job.get('start_at'), job.get('end_at'), job.get('status')),
                                changed=result['changed'], audit_log_replay_job=job)

        def read():
            return self.client.get(self.entity.item_path(self.scope), what=self.entity.title).body or {}
        job = self.poll(result[self.entity.name], read, lambda job: job.get('status') not in RUNNING, self.params.get('wait_timeout', 600),
                        timed_out, state=lambda job: job.get('status'))
        if job.get('status') == FAILED:
            raise KonnectError('The audit log replay of %s to %s failed: Konnect reports its status as %s. Run the task again to retry it.' % (
                job.get('start_at'), job.get('end_at'), job.get('status')), changed=result['changed'], audit_log_replay_job=job)
        return job


class ReplayJob(Singleton):
    engine_class = ReplayJobEngine
    extra_options = dict(
        wait=dict(type='bool', default=False),
        wait_timeout=dict(type='int', default=600),
    )


AUDIT_LOG_DESTINATION = Entity(
    'audit_log_destination', 'audit log destination', '/v3/audit-log-destinations',
    fields=[Field('name'), Field('endpoint', create_required=True), Field('authorization', secret=True, create_required=True),
            Field('log_format', choices=LOG_FORMATS, create_required=True), Field('skip_ssl_verification', type='bool')],
    pagination='cursor', filterable={'name': ('eq', 'contains')}, writable=check_destination,
)

AUDIT_LOG_WEBHOOK = ResettableSingleton(
    'audit_log_webhook', 'audit log webhook', '/v3/audit-log-webhook',
    # DELETE: "The destination ID is set to empty, and the webhook enabled field is set to false".
    defaults={'enabled': False, 'audit_log_destination_id': ''},
    fields=[Field('enabled', type='bool')],
    references=[IdReference('audit_log_destination', 'audit_log_destination', body_field='audit_log_destination_id')],
    writable=check_webhook,
)

AUDIT_LOG_REPLAY_JOB = ReplayJob(
    'audit_log_replay_job', 'audit log replay job', '/v3/audit-log-replay-job', create_method='PUT',
    fields=[Field('start_at', required=True, normalize=parse_time), Field('end_at', required=True, normalize=parse_time)],
    update_method='PUT', update_fields=('start_at', 'end_at'), read_only=('status', 'updated_at'),
)

ENTITIES = (AUDIT_LOG_DESTINATION, AUDIT_LOG_WEBHOOK, AUDIT_LOG_REPLAY_JOB)
