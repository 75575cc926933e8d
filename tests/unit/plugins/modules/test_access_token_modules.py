# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""system_account_access_token, personal_access_token and their _info twins against the in-process emulator: the
engine's decisions (requests sent, predictions, the secret returned once, idempotence, rename, rotation and
rotate_before_days, minted tokens as real credentials, refusals). Every task runs with konnect_region eu: tokens are
global, so every request must go to the global host.

Moved from the integration target access_tokens (issue 13), which keeps one thin run through real playbooks. That the
minted secrets never show in the output of a run at -vvvv with --diff (in check mode and not, in-process and on a
target) is the secret search's: tests/unit/plugins/modules/test_secret_search.py.
"""

from __future__ import annotations

import datetime
import json
import re

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, writes

GHOST = '00000000-0000-4000-8000-000000000000'
SPAT = 'spat_thinIdNotAPersonalToken000000000000000000000'


def in_days(days):
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)).strftime('%Y-%m-%dT%H:%M:%SZ')


def identity(emulator, name):
    module = Module(emulator, name)
    module.connection_args = lambda: dict(connection(emulator), konnect_region='eu')
    return module


def reads_teams(emulator, token):
    """team_info with ``token`` as the credential: the result (a 401 when the token is gone)."""
    return identity(emulator, 'team_info')(name='Readers', konnect_token=token)


def test_system_account_access_token(emulator):
    days20, days200 = in_days(20), in_days(200)
    robot = identity(emulator, 'system_account')(name='ci-robot', description='Runs the pipelines')['system_account']['id']
    readers = identity(emulator, 'team')(name='Readers')['team']['id']
    token, info = identity(emulator, 'system_account_access_token'), identity(emulator, 'system_account_access_token_info')
    tokens = '/v3/system-accounts/%s/access-tokens' % robot
    ci = dict(system_account='ci-robot', name='ci', expires_at=days20)
    ci_by_id = dict(system_account=robot, name='ci', expires_at=days20)
    scheduled = dict(system_account='ci-robot', name='ci', expires_at=days200)  # another expiry

    assert_refused(token, dict(system_account='ci-robot', name='ci'), 'expires_at: required to create a system account access token')
    refused = assert_refused(token, dict(ci, system_account='nobody'))
    assert re.search('^system_account: no system account .nobody. was found', refused['msg']), refused['msg']
    assert_refused(token, dict(name='ci', expires_at=days20), 'system_account')
    refused = assert_refused(token, dict(ci, system_account=GHOST))
    assert re.search('^system_account: no system account with id %s was found' % GHOST, refused['msg']), refused['msg']

    predicted, sent = token.counted(check_mode=True, diff=True, **ci)
    assert predicted['changed'] and 'token' not in predicted and predicted['system_account_access_token']['id'] is None
    assert predicted['system_account_access_token']['name'] == 'ci' and predicted['diff']['before'] == {}
    assert predicted['diff']['after']['name'] == 'ci' and not writes(sent)

    minted, sent = token.counted(diff=True, **ci)
    secret, made = minted['token'], minted['system_account_access_token']
    assert minted['changed'] and re.match('^spat_[A-Za-z0-9]{20,}$', secret) and len(made['id']) == 36 and made['name'] == 'ci'
    assert 'token' not in made and secret not in json.dumps(made) and secret not in json.dumps(minted['diff'])
    assert minted['diff']['after']['id'] == made['id']
    assert [(w['method'], w['path'], w['body']) for w in writes(sent)] == [('POST', tokens, {'name': 'ci', 'expires_at': days20})]
    emulator.clear_requests()
    assert [t['id'] for t in reads_teams(emulator, secret)['teams']] == [readers]  # a real credential
    assert [r['status'] for r in emulator.requests()] == [200]

    again, sent = token.counted(**ci)
    assert not again['changed'] and 'warnings' not in again and 'token' not in again and not writes(sent)
    assert again['system_account_access_token']['id'] == made['id'] and not token.warnings
    again, sent = token.counted(**ci_by_id)
    assert not again['changed'] and 'token' not in again and [r['path'] for r in sent] == [tokens] and not token.warnings
    other, sent = token.counted(**scheduled)
    assert not other['changed'] and 'token' not in other and not writes(sent)
    assert len([w for w in token.warnings if 'rotate: true' in w]) == 1

    renamed, sent = token.counted(diff=True, system_account=robot, id=made['id'], name='ci-renamed')
    assert renamed['changed'] and 'token' not in renamed and renamed['system_account_access_token']['id'] == made['id']
    assert (renamed['diff']['before']['name'], renamed['diff']['after']['name']) == ('ci', 'ci-renamed')
    assert [(w['method'], w['body']) for w in writes(sent)] == [('PATCH', {'name': 'ci-renamed'})]
    assert token(system_account='ci-robot', id=made['id'], name='ci')['changed']
    assert not reads_teams(emulator, secret).get('failed')  # the same secret after the renames

    rotating, sent = token.counted(check_mode=True, rotate=True, **ci)
    assert rotating['changed'] and 'token' not in rotating and not writes(sent)
    rotated, sent = token.counted(rotate=True, **ci)
    new = rotated['system_account_access_token']
    assert rotated['changed'] and rotated['token'].startswith('spat_') and rotated['token'] != secret
    assert new['id'] != made['id'] and new['name'] == 'ci'
    # minted first under a temporary name, then the old one deleted, then the new one renamed
    assert [(w['method'], w['status']) for w in writes(sent)] == [('POST', 201), ('DELETE', 204), ('PATCH', 200)]
    post, delete, patch = writes(sent)
    assert post['body']['name'] == 'ci-rotating' and delete['path'].endswith(made['id']) and patch['path'].endswith(new['id'])
    assert patch['body'] == {'name': 'ci'}
    old = reads_teams(emulator, secret)
    assert old['failed'] and old['status'] == 401 and len(reads_teams(emulator, rotated['token'])['teams']) == 1
    token.warnings[:] = []
    after, sent = token.counted(**ci)
    assert not after['changed'] and 'token' not in after and after['system_account_access_token']['id'] == new['id'] and not token.warnings
    assert [t['id'] for t in info(system_account='ci-robot')['system_account_access_tokens']] == [new['id']] and not writes(sent)

    # rotate_before_days: the token expires in 20 days
    not_due, sent = token.counted(rotate_before_days=10, **scheduled)
    assert not not_due['changed'] and 'token' not in not_due and not writes(sent)
    due_check, sent = token.counted(check_mode=True, rotate_before_days=30, **scheduled)
    assert due_check['changed'] and 'token' not in due_check and not writes(sent)
    due = token(rotate_before_days=30, **scheduled)
    assert due['changed'] and due['token'].startswith('spat_') and due['token'] not in (secret, rotated['token'])
    assert due['system_account_access_token']['expires_at'][:19] == days200[:19]
    due_again = token(rotate_before_days=30, **scheduled)
    assert not due_again['changed'] and 'token' not in due_again
    assert reads_teams(emulator, rotated['token'])['status'] == 401

    nested = token(system_account=robot, name='nested', expires_at=in_days(300))['system_account_access_token']
    emulator.clear_requests()
    every = info(system_account='ci-robot')
    assert not every['changed'] and sorted(t['name'] for t in every['system_account_access_tokens']) == ['ci', 'nested']
    assert not re.search('spat_', json.dumps(every))
    assert [t['name'] for t in info(system_account=robot, name='nested')['system_account_access_tokens']] == ['nested']
    assert [t['id'] for t in info(system_account=robot, id=due['system_account_access_token']['id'])['system_account_access_tokens']] == [
        due['system_account_access_token']['id']]
    assert [t['name'] for t in info(system_account=robot, filters={'name': {'contains': 'nest'}})['system_account_access_tokens']] == ['nested']
    sent = emulator.requests()
    assert len(sent) == 5 and sent[4]['query']['filter[name][contains]'] == ['nest']
    assert assert_refused(info, {})['msg'] == 'missing required arguments: system_account' and emulator.requests() == []
    refused = assert_refused(info, dict(system_account='ci-robot', name='ci', id=nested['id']), 'name')
    assert re.search('mutually exclusive: .*id', refused['msg']) and emulator.requests() == []

    planned, sent = token.counted(check_mode=True, diff=True, system_account='ci-robot', name='ci', state='absent')
    assert planned['changed'] and planned['diff']['before']['name'] == 'ci' and planned['diff']['after'] == {} and not writes(sent)
    emulator.clear_requests()
    deleted = token(system_account='ci-robot', name='ci', state='absent')
    assert deleted['changed'] and deleted['system_account_access_token'] == {}
    assert not token(system_account=robot, name='ci', state='absent')['changed']
    [delete] = writes(emulator.requests())
    assert delete['method'] == 'DELETE' and delete['path'].endswith(due['system_account_access_token']['id'])
    assert reads_teams(emulator, due['token'])['status'] == 401
    assert token(system_account='ci-robot', id=nested['id'], state='absent')['changed']


def test_personal_access_token(emulator):
    identity(emulator, 'team')(name='Readers')
    pat, info = identity(emulator, 'personal_access_token'), identity(emulator, 'personal_access_token_info')

    # a system account token cannot manage personal access tokens: no request at all
    refused = assert_refused(pat, dict(name='laptop', ttl_seconds=86400, konnect_token=SPAT))
    assert re.search('^konnect_token: personal access tokens can only be managed with a personal access token', refused['msg'])
    assert 'spat_' in refused['msg'] and SPAT not in json.dumps(refused) and emulator.requests() == []
    refused = assert_refused(info, dict(konnect_token=SPAT))
    assert refused['msg'].startswith('konnect_token: ') and emulator.requests() == []
    assert_refused(pat, dict(name='laptop'), 'expires_at, ttl_seconds')
    assert_refused(pat, dict(name='laptop', ttl_seconds=86400, expires_at=in_days(20)), 'expires_at, ttl_seconds')

    laptop = dict(name='laptop', ttl_seconds=2592000)
    predicted, sent = pat.counted(check_mode=True, diff=True, **laptop)
    assert predicted['changed'] and 'token' not in predicted and predicted['personal_access_token']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'laptop' and not writes(sent)

    minted, sent = pat.counted(**laptop)
    secret, made = minted['token'], minted['personal_access_token']
    assert minted['changed'] and re.match('^kpat_[A-Za-z0-9]{20,}$', secret) and (made['name'], made['state']) == ('laptop', 'ACTIVE')
    assert 'konnect_token' not in made and secret not in json.dumps(made)
    mine = '/v3/users/%s/access-tokens' % made['user_id']
    assert sent[0]['path'] == '/v3/users/me'
    assert [(w['path'], w['body']) for w in writes(sent)] == [(mine, {'name': 'laptop', 'ttl_seconds': 2592000})]

    again, sent = pat.counted(**laptop)
    assert not again['changed'] and 'token' not in again and again['personal_access_token']['id'] == made['id']
    assert [r['path'] for r in sent] == ['/v3/users/me', mine]
    used = info(name='laptop', konnect_token=secret)  # a real credential of the same user
    assert [t['id'] for t in used['personal_access_tokens']] == [made['id']]

    renamed, sent = pat.counted(diff=True, id=made['id'], name='old-laptop')
    assert renamed['changed'] and 'token' not in renamed
    assert (renamed['diff']['before']['name'], renamed['diff']['after']['name']) == ('laptop', 'old-laptop')
    assert [(w['method'], w['body']) for w in writes(sent)] == [('PATCH', {'name': 'old-laptop'})]

    old_laptop = dict(name='old-laptop', ttl_seconds=2592000)
    rotating, sent = pat.counted(check_mode=True, rotate=True, **old_laptop)
    assert rotating['changed'] and 'token' not in rotating and not writes(sent)
    rotated = pat(rotate=True, **old_laptop)
    assert rotated['changed'] and rotated['token'].startswith('kpat_') and rotated['token'] != secret
    assert rotated['personal_access_token']['name'] == 'old-laptop' and rotated['personal_access_token']['id'] != made['id']
    after = pat(**old_laptop)
    assert not after['changed'] and 'token' not in after
    assert reads_teams(emulator, secret)['status'] == 401 and not reads_teams(emulator, rotated['token']).get('failed')

    workshop = pat(name='workshop', expires_at=in_days(20))
    assert workshop['changed'] and 'kpat_' in workshop['token']
    emulator.clear_requests()
    every = info()
    assert not every['changed'] and sorted(t['name'] for t in every['personal_access_tokens']) == ['old-laptop', 'workshop']
    assert 'kpat_' not in json.dumps(every)
    assert [t['name'] for t in info(id=workshop['personal_access_token']['id'])['personal_access_tokens']] == ['workshop']
    assert [t['name'] for t in info(filters={'state': 'ACTIVE', 'name': {'contains': 'work'}})['personal_access_tokens']] == ['workshop']
    assert not writes(emulator.requests())
    refused = assert_refused(info, dict(filters={'state': {'gt': 'ACTIVE'}}))
    assert re.search("^filters.state: unknown operator 'gt'", refused['msg'])
    refused = assert_refused(info, dict(name='workshop', id=workshop['personal_access_token']['id']), 'name')
    assert re.search('mutually exclusive: .*id', refused['msg'])

    planned, sent = pat.counted(check_mode=True, name='old-laptop', state='absent')
    assert planned['changed'] and not writes(sent)
    emulator.clear_requests()
    deleted = pat(name='old-laptop', state='absent')
    assert deleted['changed'] and deleted['personal_access_token'] == {}
    assert not pat(name='old-laptop', state='absent')['changed']
    assert pat(id=workshop['personal_access_token']['id'], state='absent')['changed']
    sent = emulator.requests()
    assert [w['method'] for w in writes(sent)] == ['DELETE', 'DELETE'] and set(r['base'] for r in sent) == {'global'}
