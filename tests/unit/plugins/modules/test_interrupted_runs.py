# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes whose answer was lost (the emulator applies them, then drops the connection): a create is read back by its
natural key, never sent twice; an update or a delete is sent again; a token is never minted twice, and the task says
how to replace one whose secret was lost. The same for apply, and for the data-plane key pairs the collection generates."""

from __future__ import annotations

import copy
import datetime
import os

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, konnect, writes

CP = 'lost-cp'
SERVICES = '/v2/control-planes/%s/core-entities/services'
TOKENS = '/v3/system-accounts/%s/access-tokens'


def in_days(days):
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return moment.strftime('%Y-%m-%dT%H:%M:%SZ')


def listed(emulator, path):
    return konnect(emulator, 'GET', path, region='global' if path.startswith(('/v3/teams', '/v3/system-accounts')) else 'us')['data']


def control_plane(emulator):
    return Module(emulator, 'control_plane')(name=CP)['control_plane']['id']


CREATES = {
    'team': (lambda emulator: {'name': 'ops'}, '/v3/teams', lambda emulator: '/v3/teams'),
    'control_plane': (lambda emulator: {'name': 'orders'}, '/v2/control-planes$', lambda emulator: '/v2/control-planes'),
    'gateway_service': (lambda emulator: {'control_plane': control_plane(emulator), 'name': 'orders', 'host': 'orders.internal'},
                        '/services$', lambda emulator: SERVICES % control_plane(emulator)),
}


@pytest.mark.parametrize('name', sorted(CREATES))
def test_a_create_whose_answer_was_lost_is_read_back_not_sent_again(emulator, name):
    args, path_regex, collection = CREATES[name]
    module, arguments = Module(emulator, name), args(emulator)
    emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': path_regex}})
    result, sent = module.counted(**arguments)
    assert result['changed'] and result['action'] == 'created' and result[name]['id'], result
    assert [request['method'] for request in writes(sent)] == ['POST'], 'sent once'
    assert any('was not created again' in warning for warning in module.warnings)
    assert len([item for item in listed(emulator, collection(emulator)) if item['name'] == arguments['name']]) == 1
    again, sent = module.counted(**arguments)
    assert not again['changed'] and writes(sent) == [] and again[name]['id'] == result[name]['id']


def test_a_create_that_never_arrived_is_sent_again_once(emulator):
    module = Module(emulator, 'team')
    emulator.set_faults({'drop': {'count': 1, 'methods': ['POST']}})
    result, sent = module.counted(name='ops')
    assert result['changed'] and [request['method'] for request in writes(sent)] == ['POST', 'POST']
    assert [team['name'] for team in listed(emulator, '/v3/teams')] == ['ops']


def test_an_update_whose_answer_was_lost_is_sent_again(emulator):
    module = Module(emulator, 'team')
    module(name='ops', description='before')
    emulator.set_faults({'drop_after_write': {'method': 'PATCH'}})
    result, sent = module.counted(name='ops', description='after')
    assert result['changed'] and result['team']['description'] == 'after'
    assert [request['method'] for request in writes(sent)] == ['PATCH', 'PATCH']
    assert not module.counted(name='ops', description='after')[0]['changed']


def test_a_delete_whose_answer_was_lost_is_sent_again_and_its_404_is_the_answer(emulator):
    module = Module(emulator, 'team')
    module(name='ops')
    emulator.set_faults({'drop_after_write': {'method': 'DELETE'}})
    result, sent = module.counted(name='ops', state='absent')
    assert result['changed'] and result['action'] == 'deleted'
    assert [(request['method'], request['status']) for request in writes(sent)] == [('DELETE', None), ('DELETE', 404)]
    assert listed(emulator, '/v3/teams') == []


def system_account(emulator):
    return Module(emulator, 'system_account')(name='ci', description='ci')['system_account']['id']


def test_a_token_minted_by_a_lost_answer_is_not_minted_twice_and_the_task_says_how_to_replace_it(emulator):
    account_id = system_account(emulator)
    module = Module(emulator, 'system_account_access_token')
    args = dict(system_account='ci', name='deploy', expires_at=in_days(30))
    emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': '/access-tokens$'}})
    failed, sent = module.counted(**args)
    assert failed['failed'] and 'not minted a second time' in failed['msg'] and 'rotate: true' in failed['msg']
    assert [request['method'] for request in writes(sent)] == ['POST']
    lost = listed(emulator, TOKENS % account_id)
    assert [token['name'] for token in lost] == ['deploy'] and lost[0]['id'] in failed['msg']
    again, sent = module.counted(**args)
    assert not again['changed'] and 'token' not in again and writes(sent) == [], 'a re-run mints nothing behind the user'
    rotated, sent = module.counted(rotate=True, **args)
    assert rotated['changed'] and rotated['token'].startswith('spat_')
    tokens = listed(emulator, TOKENS % account_id)
    assert [token['name'] for token in tokens] == ['deploy'] and tokens[0]['id'] != lost[0]['id']


def test_a_personal_token_minted_by_a_lost_answer_is_not_minted_twice(emulator):
    module = Module(emulator, 'personal_access_token')
    emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': '/access-tokens$'}})
    failed, sent = module.counted(name='laptop', expires_at=in_days(30))
    assert failed['failed'] and 'not minted a second time' in failed['msg']
    assert [request['method'] for request in writes(sent)] == ['POST']
    again, sent = module.counted(name='laptop', expires_at=in_days(30))
    assert not again['changed'] and writes(sent) == []


def test_a_rotation_whose_mint_answer_was_lost_fails_then_a_new_rotation_converges(emulator):
    account_id = system_account(emulator)
    module = Module(emulator, 'system_account_access_token')
    args = dict(system_account='ci', name='deploy', expires_at=in_days(30))
    first = module(**args)
    emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': '/access-tokens$'}})
    failed = module(rotate=True, **args)
    assert failed['failed'] and 'deploy-rotating' in failed['msg']
    assert sorted(token['name'] for token in listed(emulator, TOKENS % account_id)) == ['deploy', 'deploy-rotating']
    rotated = module(rotate=True, **args)
    assert rotated['changed'] and rotated['token']
    tokens = listed(emulator, TOKENS % account_id)
    assert [token['name'] for token in tokens] == ['deploy'] and tokens[0]['id'] != first['system_account_access_token']['id']


def test_a_key_written_without_its_certificate_is_kept_not_generated_again(emulator, tmp_path):
    pytest.importorskip('cryptography')
    from cryptography import x509  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives import serialization  # pylint: disable=import-outside-toplevel
    control_plane(emulator)
    module = Module(emulator, 'dp_client_certificate')
    args = dict(control_plane=CP, generate=True, cert_path=str(tmp_path / 'dp.crt'), key_path=str(tmp_path / 'dp.key'))
    first = module(**args)
    key_before = (tmp_path / 'dp.key').read_text()
    os.remove(args['cert_path'])  # as a run killed between writing the key and its certificate leaves them
    Module(emulator, 'dp_client_certificate')(control_plane=CP, cert=first['cert'], state='absent')
    second = module(**args)
    assert second['changed'] and (tmp_path / 'dp.key').read_text() == key_before, 'the key is not generated twice'
    certificate = x509.load_pem_x509_certificate((tmp_path / 'dp.crt').read_bytes())
    key = serialization.load_pem_private_key(key_before.encode(), password=None)
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    assert certificate.public_key().public_bytes(serialization.Encoding.PEM, public) == key.public_key().public_bytes(serialization.Encoding.PEM, public)
    assert sorted(os.listdir(tmp_path)) == ['dp.crt', 'dp.key'], 'no temporary file is left'


TOKEN_DOCUMENT = {
    'managed_by': 'tests',
    'system_accounts': [{'name': 'ci', 'description': 'ci', 'tokens': [{'name': 'deploy', 'expires_at': None, 'token_file': None}]}],
    'teams': [{'name': 'ops'}],
}


def token_document(tmp_path):
    document = copy.deepcopy(TOKEN_DOCUMENT)
    document['system_accounts'][0]['tokens'][0].update(expires_at=in_days(30), token_file=str(tmp_path / 'deploy.token'))
    return document


def apply(emulator, document):
    warnings = []
    params = dict(connection(emulator), prune=False, parallelism=4, document=copy.deepcopy(document))
    emulator.clear_requests()
    result = ApplyTask().execute(params, warn=warnings.append)
    return result, writes(emulator.requests()), warnings


def test_apply_never_mints_a_token_twice_when_the_answer_was_lost(emulator, tmp_path):
    document = token_document(tmp_path)
    emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': '/access-tokens$'}})
    with pytest.raises(KonnectError, match='not minted a second time'):
        apply(emulator, document)
    emulator.set_faults({})
    result, sent, warnings = apply(emulator, document)
    assert not result['changed'] and sent == [], 'nothing minted behind the user'
    assert any('token_file %s does not exist' % (tmp_path / 'deploy.token') in warning and 'state: absent' in warning for warning in warnings)
    account_id = listed(emulator, '/v3/system-accounts')[0]['id']
    assert len(listed(emulator, TOKENS % account_id)) == 1


def test_apply_writes_the_token_file_once_and_warns_only_when_it_is_missing(emulator, tmp_path):
    document = token_document(tmp_path)
    result, _sent, warnings = apply(emulator, document)
    token = (tmp_path / 'deploy.token').read_text()
    assert result['changed'] and token.startswith('spat_') and warnings == []
    assert sorted(os.listdir(tmp_path)) == ['deploy.token'] and oct(os.stat(tmp_path / 'deploy.token').st_mode & 0o777) == '0o600'
    result, sent, warnings = apply(emulator, document)
    assert not result['changed'] and sent == [] and warnings == [] and (tmp_path / 'deploy.token').read_text() == token
