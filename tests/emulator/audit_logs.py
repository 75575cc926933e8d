# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Audit Logs v3: where the organization's audit logs go (destinations, the webhook, replay jobs) (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

- Destinations: ``endpoint`` must be a URL (the spec's example 400 "must be a valid URL"); a destination the
  organization's webhook or a portal's webhook points to cannot be deleted (the DELETE declares a 409; the cause is the
  emulator's choice, README).
- The webhook always exists: ``audit_log_destination_id`` "" and ``enabled`` false until changed; DELETE resets it. It is
  enabled only with a destination (the spec's 400 "cannot be blank"), which must exist (400, README).
- The replay job: one document, ``unconfigured`` with zero times until the first PUT. A PUT takes a window within the
  last 7 days (the request schema's descriptions; 400 otherwise) and answers 202 ``accepted``; the job then moves on with
  time, one status per step (``accepted``, ``pending``, ``running``, then ``completed``; ``failed`` instead when the
  ``provisioning`` fault knob names ``audit_log_replay_job``). A PUT while it runs is 409 "A replay job is currently
  running" (the spec's example).
"""

import time
from urllib.parse import urlsplit

from .crud import create_entity, delete_entity, get_singleton, patch_entity, resolve_path, singleton_key, validated_body, write_singleton
from .errors import ApiError, Issue, Response
from .schemas import rfc3339

DESTINATIONS = '/v3/audit-log-destinations'
DESTINATION = DESTINATIONS + '/{auditLogDestinationId}'
WEBHOOK = '/v3/audit-log-webhook'
WEBHOOK_STATUS = WEBHOOK + '/status'
REPLAY_JOB = '/v3/audit-log-replay-job'
PORTAL_WEBHOOK = '/v3/portals/{portalId}/audit-log-webhook'

ZERO_TIME = '0001-01-01T00:00:00Z'
REPLAY_WINDOW_SECONDS = 7 * 86400
REPLAY_STEPS = ('accepted', 'pending', 'running')
RUNNING = frozenset(REPLAY_STEPS)
# Seconds the replay job spends in each of REPLAY_STEPS, unless the ``provisioning`` fault knob sets ``step_seconds``.
DEFAULT_STEP_SECONDS = 1.0
REPLAY_KIND = 'audit_log_replay_job'

FACTS = {}
SINGLETON_DEFAULTS = {
    # The webhook response requires both fields; DELETE "sets the destination ID to empty".
    WEBHOOK: {'audit_log_destination_id': '', 'enabled': False},
}


def parse_time(text):
    try:
        from datetime import datetime  # pylint: disable=import-outside-toplevel
        return datetime.fromisoformat(str(text).replace('Z', '+00:00')).timestamp()
    except ValueError:
        return None


def checked_endpoint(handler):
    def handle(call):
        body = validated_body(call)
        endpoint = body.get('endpoint') if isinstance(body, dict) else None
        if endpoint is not None:
            parts = urlsplit(endpoint)
            if not endpoint:
                raise ApiError(400, 'Required field missing', issues=[Issue('endpoint', 'required', 'cannot be blank')])
            if parts.scheme not in ('http', 'https') or not parts.hostname:
                raise ApiError(400, 'Invalid endpoint', issues=[Issue('endpoint', 'invalid', 'must be a valid URL')])
        if isinstance(body, dict) and body.get('authorization') == '':
            raise ApiError(400, 'Required field missing', issues=[Issue('authorization', 'required', 'cannot be blank')])
        return handler(call)
    return handle


def delete_destination(call):
    """A destination a webhook points to is in use: 409 (the organization's or any portal's webhook)."""
    destination_id = call.params['auditLogDestinationId']
    users = []
    for (template, scope), document in call.partition.singletons.items():
        if template in (WEBHOOK, PORTAL_WEBHOOK) and (document or {}).get('audit_log_destination_id') == destination_id:
            users.append('the audit log webhook' if template == WEBHOOK else "the audit log webhook of portal %s" % scope[0])
    if users:
        raise ApiError(409, 'The audit log destination is in use by %s.' % ', '.join(users))
    return delete_entity(call)


def update_webhook(call):
    body = validated_body(call)
    path = resolve_path(call)
    current = call.partition.singletons.get(singleton_key(call, path)) or {}
    destination = body.get('audit_log_destination_id', current.get('audit_log_destination_id'))
    if 'audit_log_destination_id' in body and body['audit_log_destination_id'] and \
            body['audit_log_destination_id'] not in call.partition.records(DESTINATIONS, ()):
        raise ApiError(400, 'Invalid destination', issues=[Issue('audit_log_destination_id', 'missing_reference', 'destination does not exist')])
    if body.get('enabled') and not destination:
        raise ApiError(400, 'Required field missing', issues=[Issue('audit_log_destination_id', 'required', 'cannot be blank')])
    return write_singleton(call)


def webhook_status(call):
    """No delivery is attempted here, so an enabled webhook stays ``active`` with no attempts to report."""
    document = call.partition.singletons.get((WEBHOOK, ())) or SINGLETON_DEFAULTS[WEBHOOK]
    return Response(200, {'webhook_enabled': bool(document.get('enabled')), 'webhook_status': 'active'})


# ---- replay job ----------------------------------------------------------------------------


def replay_view(job, now=None):
    """The job as Konnect shows it, its status moved on by the time passed since it was accepted."""
    if job is None:
        return {'start_at': ZERO_TIME, 'end_at': ZERO_TIME, 'status': 'unconfigured', 'updated_at': ZERO_TIME}
    elapsed = (now or time.time()) - job['_accepted']
    step = int(elapsed / job['_step']) if job['_step'] > 0 else len(REPLAY_STEPS)
    if step < len(REPLAY_STEPS):
        status, changed = REPLAY_STEPS[step], job['_accepted'] + step * job['_step']
    else:
        status, changed = ('failed' if job['_fails'] else 'completed'), job['_accepted'] + len(REPLAY_STEPS) * job['_step']
    return {'start_at': job['start_at'], 'end_at': job['end_at'], 'status': status, 'updated_at': rfc3339(changed)}


def get_replay_job(call):
    return Response(200, replay_view(call.partition.singletons.get((REPLAY_JOB, ()))))


def start_replay_job(call):
    body = validated_body(call)
    current = call.partition.singletons.get((REPLAY_JOB, ()))
    if current is not None and replay_view(current)['status'] in RUNNING:
        raise ApiError(409, 'A replay job is currently running', title='Resource Conflict')
    now = time.time()
    issues = []
    times = {}
    for name in ('start_at', 'end_at'):
        times[name] = parse_time(body[name])
        if times[name] is None:
            issues.append(Issue(name, 'is_date_time', 'must be an RFC 3339 date-time'))
        elif not now - REPLAY_WINDOW_SECONDS <= times[name] <= now:
            issues.append(Issue(name, 'invalid', 'must be within the last 7 days'))
    if not issues and times['start_at'] >= times['end_at']:
        issues.append(Issue('start_at', 'invalid', 'must be before end_at'))
    if issues:
        raise ApiError(400, 'Invalid parameters', issues=issues)
    knob = getattr(call, 'faults', {}).get('provisioning') or {}
    job = {'start_at': body['start_at'], 'end_at': body['end_at'], '_accepted': now,
           '_step': knob.get('step_seconds', DEFAULT_STEP_SECONDS), '_fails': REPLAY_KIND in knob.get('fail', ())}
    call.partition.singletons[(REPLAY_JOB, ())] = job
    return Response(202, replay_view(job, now))


SPECIALS = {
    ('POST', DESTINATIONS): checked_endpoint(create_entity),
    ('PATCH', DESTINATION): checked_endpoint(patch_entity),
    ('DELETE', DESTINATION): delete_destination,
    ('GET', WEBHOOK): get_singleton,
    ('PATCH', WEBHOOK): update_webhook,
    ('GET', WEBHOOK_STATUS): webhook_status,
    ('GET', REPLAY_JOB): get_replay_job,
    ('PUT', REPLAY_JOB): start_replay_job,
}
