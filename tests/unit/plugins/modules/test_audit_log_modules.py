# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Audit logs: destinations, the webhook and the replay job; the modules' life cycle, their refusals, and the emulator's answers."""

from __future__ import annotations

import datetime
import time
import uuid

import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    writes,
)

DESTINATIONS = '/v3/audit-log-destinations'
WEBHOOK = '/v3/audit-log-webhook'
REPLAY_JOB = '/v3/audit-log-replay-job'
SIEM = dict(name='siem', endpoint='https://siem.example.com/konnect', authorization='Bearer siem-s3cret', log_format='json')


def raw(emulator, method, path, body=None):
    return requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)


def hours_ago(hours):
    moment = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=hours)
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')


def destination(emulator, name='siem'):
    return konnect(emulator, 'POST', DESTINATIONS, dict(SIEM, name=name))


def fast_replays(emulator, step_seconds=0.01, fail=()):
    emulator.set_faults({'provisioning': {'step_seconds': step_seconds, 'fail': list(fail)}})


# == audit_log_destination ===========================================================================================


def test_destination_lifecycle(emulator):
    created = assert_lifecycle(Module(emulator, 'audit_log_destination'), create=dict(SIEM, skip_ssl_verification=False),
                               update=dict(log_format='cef', endpoint='https://siem.example.com/v2'), secrets=('siem-s3cret',))
    assert created['log_format'] == 'json' and 'authorization' not in created


def test_destination_diff_masks_the_authorization_and_rotates_it_on_request(emulator):
    module = Module(emulator, 'audit_log_destination')
    created, sent = module.counted(diff=True, **SIEM)
    assert writes(sent)[0]['body']['authorization'] == 'Bearer siem-s3cret'
    assert created['diff']['after']['authorization'] == '********'
    rotated = dict(SIEM)
    rotated['authorization'] = 'Bearer n3w'
    again, sent = module.counted(**rotated)
    assert not again['changed'] and not writes(sent)
    again, sent = module.counted(diff=True, update_secrets='always', **rotated)
    assert again['changed'] and [w['body'] for w in writes(sent)] == [{'authorization': 'Bearer n3w'}]
    assert 'n3w' not in str(again)


def test_destination_refuses_bad_input_before_writing(emulator):
    module = Module(emulator, 'audit_log_destination')
    assert_refused(module, dict(SIEM, endpoint='siem.example.com'), 'endpoint', 'not a valid URL')
    assert_refused(module, dict(SIEM, authorization=None), 'authorization', 'required to create')
    assert_refused(module, dict(SIEM, log_format='xml'), 'log_format', 'cef, json, cps')
    destination(emulator)
    destination(emulator)
    assert_refused(module, SIEM, 'Found 2', 'give the id')


def test_destination_in_use_is_not_deleted(emulator):
    siem = destination(emulator)
    konnect(emulator, 'PATCH', WEBHOOK, dict(enabled=True, audit_log_destination_id=siem['id']))
    result = Module(emulator, 'audit_log_destination')(name='siem', state='absent')
    assert result['failed'] and 'in use by the audit log webhook' in result['msg']


def test_destination_info(emulator):
    siem = destination(emulator)
    destination(emulator, 'lab')
    info = Module(emulator, 'audit_log_destination_info')
    assert [d['id'] for d in info(name='siem')['audit_log_destinations']] == [siem['id']]
    assert [d['name'] for d in info(id=siem['id'])['audit_log_destinations']] == ['siem']
    assert sorted(d['name'] for d in info()['audit_log_destinations']) == ['lab', 'siem']
    result, sent = info.counted(filters=dict(name={'contains': 'la'}))
    assert [d['name'] for d in result['audit_log_destinations']] == ['lab'] and sent[0]['query']['filter[name][contains]'] == ['la']
    assert 'siem-s3cret' not in str(info())


# == audit_log_webhook ===============================================================================================


def test_webhook_lifecycle_with_the_destination_by_name(emulator):
    destination(emulator)
    other = destination(emulator, 'lab')
    webhook = Module(emulator, 'audit_log_webhook')
    assert_lifecycle(webhook, create=dict(enabled=True, audit_log_destination='siem'), update=dict(audit_log_destination=other['id']),
                     noop_requests=2)
    assert konnect(emulator, 'GET', WEBHOOK) == {'enabled': False, 'audit_log_destination_id': ''}


def test_webhook_rerun_by_id_costs_one_request(emulator):
    siem = destination(emulator)
    webhook = Module(emulator, 'audit_log_webhook')
    assert webhook(enabled=True, audit_log_destination=siem['id'])['changed']
    again, sent = webhook.counted(enabled=True, audit_log_destination=siem['id'])
    assert not again['changed'] and len(sent) == 1


def test_webhook_diff_names_the_destination(emulator):
    siem = destination(emulator)
    result = Module(emulator, 'audit_log_webhook')(diff=True, enabled=True, audit_log_destination='siem')
    assert result['diff']['before'] == {'enabled': False, 'audit_log_destination': ''}
    assert result['diff']['after'] == {'enabled': True, 'audit_log_destination': 'siem (%s)' % siem['id']}


def test_webhook_refuses_bad_input_before_writing(emulator):
    webhook = Module(emulator, 'audit_log_webhook')
    assert_refused(webhook, dict(enabled=True), 'enabled', 'only be enabled with a destination')
    assert_refused(webhook, dict(enabled=True, audit_log_destination='nope'), 'audit_log_destination', "no audit log destination 'nope'")
    assert_refused(webhook, dict(enabled=True, audit_log_destination=str(uuid.uuid4())), 'audit_log_destination', 'no audit log destination')


# == audit_log_replay_job ============================================================================================


def test_replay_job_lifecycle(emulator):
    fast_replays(emulator)
    job = Module(emulator, 'audit_log_replay_job')
    first = dict(start_at=hours_ago(30), end_at=hours_ago(20))
    created = assert_lifecycle(job, create=dict(first, wait=True), update=dict(start_at=hours_ago(10), end_at=hours_ago(5)), deletable=False)
    assert created['status'] == 'completed'


def test_replay_job_waits_until_completed(emulator):
    fast_replays(emulator, step_seconds=0.2)
    window = dict(start_at=hours_ago(3), end_at=hours_ago(2))
    started = time.time()
    replay = Module(emulator, 'audit_log_replay_job')
    result, sent = replay.counted(wait=True, **window)
    assert result['changed'] and result['audit_log_replay_job']['status'] == 'completed'
    assert time.time() - started >= 0.6 and [r['method'] for r in writes(sent)] == ['PUT']
    assert len(sent) > 3, 'it did not poll'
    assert replay.progress[-1].startswith('audit log replay job: completed after '), replay.progress


def test_replay_job_wait_times_out_clearly(emulator):
    fast_replays(emulator, step_seconds=60)
    window = dict(start_at=hours_ago(3), end_at=hours_ago(2))
    result = Module(emulator, 'audit_log_replay_job')(wait=True, wait_timeout=1, **window)
    assert result['failed'] and result['changed']
    assert 'Timed out after 1s waiting for the audit log replay of %s to %s: it is still' % (window['start_at'], window['end_at']) in result['msg']
    again = Module(emulator, 'audit_log_replay_job')(**window)
    assert not again['changed'] and again['audit_log_replay_job']['status'] in ('accepted', 'pending', 'running')


def test_replay_job_failure_is_reported_and_retried(emulator):
    fast_replays(emulator, fail=['audit_log_replay_job'])
    window = dict(start_at=hours_ago(3), end_at=hours_ago(2))
    job = Module(emulator, 'audit_log_replay_job')
    result = job(wait=True, **window)
    assert result['failed'] and 'failed: Konnect reports its status as failed' in result['msg']
    assert result['audit_log_replay_job']['status'] == 'failed'
    fast_replays(emulator)
    retried, sent = job.counted(wait=True, **window)
    assert retried['changed'] and retried['audit_log_replay_job']['status'] == 'completed' and len(writes(sent)) == 1


def test_replay_job_refuses_bad_input_before_writing(emulator):
    fast_replays(emulator, step_seconds=60)
    job = Module(emulator, 'audit_log_replay_job')
    assert_refused(job, dict(start_at='yesterday', end_at=hours_ago(1)), 'start_at', 'RFC 3339')
    assert_refused(job, dict(start_at=hours_ago(1), end_at=hours_ago(2)), 'start before it ends')
    assert_refused(job, dict(start_at=hours_ago(24 * 8), end_at=hours_ago(1)), 'last 7 days')
    assert job(start_at=hours_ago(3), end_at=hours_ago(2))['changed']
    assert_refused(job, dict(start_at=hours_ago(5), end_at=hours_ago(4)), 'is accepted', 'one replay at a time')


def test_replay_job_check_mode_predicts_an_accepted_job(emulator):
    window = dict(start_at=hours_ago(3), end_at=hours_ago(2))
    result, sent = Module(emulator, 'audit_log_replay_job').counted(check_mode=True, wait=True, **window)
    assert result['changed'] and not writes(sent) and result['audit_log_replay_job']['status'] == 'accepted'
    assert konnect(emulator, 'GET', REPLAY_JOB)['status'] == 'unconfigured'


# == the emulator's answers ==========================================================================================


def test_emulator_replay_job_moves_on_with_time_and_refuses_a_second_one(emulator):
    fast_replays(emulator, step_seconds=0.2)
    window = dict(start_at=hours_ago(3), end_at=hours_ago(2))
    assert konnect(emulator, 'GET', REPLAY_JOB) == {'start_at': '0001-01-01T00:00:00Z', 'end_at': '0001-01-01T00:00:00Z',
                                                    'status': 'unconfigured', 'updated_at': '0001-01-01T00:00:00Z'}
    response = raw(emulator, 'PUT', REPLAY_JOB, window)
    assert response.status_code == 202 and response.json()['status'] == 'accepted'
    again = raw(emulator, 'PUT', REPLAY_JOB, window)
    assert again.status_code == 409 and again.json()['detail'] == 'A replay job is currently running'
    seen = set()
    deadline = time.time() + 3
    while time.time() < deadline and 'completed' not in seen:
        seen.add(konnect(emulator, 'GET', REPLAY_JOB)['status'])
        time.sleep(0.05)
    assert {'accepted', 'pending', 'running', 'completed'} <= seen
    old = raw(emulator, 'PUT', REPLAY_JOB, dict(start_at=hours_ago(24 * 8), end_at=hours_ago(1)))
    assert old.status_code == 400 and old.json()['invalid_parameters'][0]['reason'] == 'must be within the last 7 days'


def test_emulator_refuses_bad_provisioning_knobs(emulator):
    for knob in ({'step_seconds': -1}, {'fail': 'x'}, {'other': 1}):
        try:
            emulator.set_faults({'provisioning': knob})
        except Exception as exc:  # pylint: disable=broad-except
            assert 'provisioning' in str(exc)
        else:
            raise AssertionError('accepted %r' % knob)


def test_emulator_destinations_and_webhook(emulator):
    response = raw(emulator, 'POST', DESTINATIONS, dict(SIEM, endpoint='not a url'))
    assert response.status_code == 400 and response.json()['invalid_parameters'][0]['reason'] == 'must be a valid URL'
    siem = destination(emulator)
    assert 'authorization' not in raw(emulator, 'GET', DESTINATIONS + '/' + siem['id']).json()
    response = raw(emulator, 'PATCH', WEBHOOK, dict(enabled=True))
    assert response.status_code == 400 and response.json()['invalid_parameters'][0]['reason'] == 'cannot be blank'
    response = raw(emulator, 'PATCH', WEBHOOK, dict(audit_log_destination_id=str(uuid.uuid4())))
    assert response.status_code == 400
    konnect(emulator, 'PATCH', WEBHOOK, dict(enabled=True, audit_log_destination_id=siem['id']))
    assert konnect(emulator, 'GET', WEBHOOK + '/status') == {'webhook_enabled': True, 'webhook_status': 'active'}
    assert raw(emulator, 'DELETE', DESTINATIONS + '/' + siem['id']).status_code == 409
    assert raw(emulator, 'DELETE', WEBHOOK).status_code == 204
    assert raw(emulator, 'DELETE', DESTINATIONS + '/' + siem['id']).status_code == 204
