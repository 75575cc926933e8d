# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Consumer realms and Kong Identity auth servers: the modules' life cycle, their refusals, and the emulator's answers."""

from __future__ import annotations

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

REALMS = '/v1/realms'
AUTH_SERVERS = '/v1/auth-servers'


def raw(emulator, method, path, body=None):
    return requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)


def realm(emulator, name='partners'):
    return konnect(emulator, 'POST', REALMS, dict(name=name))


def consumer(emulator, realm_id, username='acme'):
    return konnect(emulator, 'POST', '%s/%s/consumers' % (REALMS, realm_id), dict(username=username))


def auth_server(emulator, name='payments'):
    return konnect(emulator, 'POST', AUTH_SERVERS, dict(name=name, audience='https://api.example.com'))


def scope(emulator, server_id, name):
    return konnect(emulator, 'POST', '%s/%s/scopes' % (AUTH_SERVERS, server_id), dict(name=name))


# == realm ===========================================================================================================


def test_realm_lifecycle_with_control_planes_by_name(emulator):
    prod = konnect(emulator, 'POST', '/v2/control-planes', dict(name='prod'))
    assert_lifecycle(Module(emulator, 'realm'), create=dict(name='partners', ttl=15, consumer_groups=['gold', 'silver'],
                                                            allowed_control_planes=[prod['id']]),
                     update=dict(negative_ttl=6, allowed_control_planes=[prod['id'], konnect(emulator, 'POST', '/v2/control-planes', dict(name='dev'))['id']]))
    module = Module(emulator, 'realm')
    by_name = module(name='staff', allowed_control_planes=['prod', '*'])
    assert sorted(by_name['realm']['allowed_control_planes']) == sorted([prod['id'], '*'])
    again, sent = module.counted(name='staff', allowed_control_planes=['*', 'prod'])
    assert not again['changed'] and len(sent) == 2


def test_realm_refuses_bad_input_before_writing(emulator):
    module = Module(emulator, 'realm')
    assert_refused(module, dict(name='partners', ttl=3), 'ttl', 'at least 5')
    assert_refused(module, dict(name='partners', allowed_control_planes=['nope']), 'allowed_control_planes', "no control plane 'nope'")
    assert module(name='staff')['changed']
    assert_refused(module, dict(name='staff', allowed_control_planes=['*']), 'allowed_control_planes', "only when a realm is created")
    realm(emulator)
    realm(emulator)
    assert_refused(module, dict(name='partners'), 'Found 2 realms')


def test_realm_with_consumers_needs_force(emulator):
    partners = realm(emulator)
    consumer(emulator, partners['id'])
    module = Module(emulator, 'realm')
    result = module(name='partners', state='absent')
    assert result['failed'] and 'force=true' in result['msg']
    result, sent = module.counted(name='partners', state='absent', force=True)
    assert result['changed'] and writes(sent)[0]['query'] == {'force': ['true']}
    assert konnect(emulator, 'GET', REALMS)['data'] == []


def test_realm_info(emulator):
    partners = realm(emulator)
    realm(emulator, 'staff')
    info = Module(emulator, 'realm_info')
    assert [r['id'] for r in info(name='partners')['realms']] == [partners['id']]
    assert [r['name'] for r in info(id=partners['id'])['realms']] == ['partners']
    assert sorted(r['name'] for r in info()['realms']) == ['partners', 'staff']
    assert [r['name'] for r in info(filters=dict(name={'contains': 'sta'}))['realms']] == ['staff']


# == realm_consumer ==================================================================================================


def test_realm_consumer_lifecycle(emulator):
    partners = realm(emulator)
    assert_lifecycle(Module(emulator, 'realm_consumer'), create=dict(realm=partners['id'], username='acme', custom_id='crm-1', tags=['a'],
                                                                     consumer_groups=['gold']),
                     update=dict(custom_id='crm-2', consumer_groups=['gold', 'silver']))


def test_realm_consumer_moves_between_realms_with_its_keys(emulator):
    partners, eu = realm(emulator), realm(emulator, 'partners-eu')
    acme = consumer(emulator, partners['id'])
    konnect(emulator, 'POST', '%s/%s/consumers/%s/keys' % (REALMS, partners['id'], acme['id']), dict(type='new', tags=['ci']))
    module = Module(emulator, 'realm_consumer')
    args = dict(realm='partners-eu', from_realm='partners', username='acme', custom_id='crm-9')
    planned, sent = module.counted(check_mode=True, diff=True, **args)
    assert planned['changed'] and not writes(sent)
    moved, sent = module.counted(diff=True, **args)
    assert moved['changed'] and [(r['method'], r['path'].rsplit('/', 1)[-1]) for r in writes(sent)] == [('POST', 'move'), ('PATCH', acme['id'])]
    assert moved['diff']['before']['realm'] == 'partners' and moved['diff']['after']['realm'] == 'partners-eu'
    assert moved['realm_consumer']['id'] == acme['id'] and moved['realm_consumer']['custom_id'] == 'crm-9'
    assert konnect(emulator, 'GET', '%s/%s/consumers' % (REALMS, partners['id']))['data'] == []
    keys = konnect(emulator, 'GET', '%s/%s/consumers/%s/keys' % (REALMS, eu['id'], acme['id']))['data']
    assert [k['tags'] for k in keys] == [['ci']]
    again, sent = module.counted(realm=eu['id'], from_realm='partners', username='acme', custom_id='crm-9')
    assert not again['changed'] and len(sent) == 1


def test_realm_consumer_refuses_bad_input_before_writing(emulator):
    partners = realm(emulator)
    module = Module(emulator, 'realm_consumer')
    assert_refused(module, dict(realm='nope', username='acme'), 'realm', "no realm 'nope'")
    assert_refused(module, dict(realm=partners['id'], username='acme', from_realm='nope'), 'from_realm', "no realm 'nope'")
    assert_refused(module, dict(realm=str(uuid.uuid4()), username='acme'), 'realm', 'no realm with id')


def test_realm_consumer_info(emulator):
    partners = realm(emulator)
    acme = consumer(emulator, partners['id'])
    consumer(emulator, partners['id'], 'globex')
    info = Module(emulator, 'realm_consumer_info')
    assert [c['id'] for c in info(realm='partners', username='acme')['realm_consumers']] == [acme['id']]
    assert sorted(c['username'] for c in info(realm='partners')['realm_consumers']) == ['acme', 'globex']
    assert info(realm='partners', id=acme['id'])['realm_consumers'][0]['username'] == 'acme'


# == realm_consumer_key ==============================================================================================


def test_realm_consumer_key_is_minted_once_and_found_by_its_tags(emulator):
    partners = realm(emulator)
    acme = consumer(emulator, partners['id'])
    module = Module(emulator, 'realm_consumer_key')
    args = dict(realm=partners['id'], consumer=acme['id'], tags=['ci', 'prod'])
    planned, sent = module.counted(check_mode=True, diff=True, **args)
    assert planned['changed'] and not writes(sent) and 'secret' not in planned
    created, sent = module.counted(diff=True, **args)
    assert created['changed'] and created['secret'].startswith('kcs_') and created['_ansible_no_log'] is True
    assert 'secret' not in created['realm_consumer_key']
    reordered = dict(args)
    reordered['tags'] = ['prod', 'ci']
    again, sent = module.counted(**reordered)
    assert not again['changed'] and 'secret' not in again and len(sent) == 1
    assert module.task.returns_secret(created) and not module.task.returns_secret(again)
    rotated, sent = module.counted(rotate=True, **args)
    assert rotated['changed'] and rotated['secret'] != created['secret'] and [r['method'] for r in writes(sent)] == ['POST', 'DELETE']
    assert rotated['realm_consumer_key']['id'] != created['realm_consumer_key']['id']
    gone, sent = module.counted(state='absent', **args)
    assert gone['changed'] and [r['method'] for r in writes(sent)] == ['DELETE']
    assert not module(state='absent', **args)['changed']


def test_realm_consumer_key_legacy_and_refusals(emulator):
    partners = realm(emulator)
    consumer(emulator, partners['id'])
    module = Module(emulator, 'realm_consumer_key')
    base = dict(realm='partners', consumer='acme', tags=['old'])
    assert_refused(module, dict(base, type='legacy'), 'secret', 'legacy key needs')
    assert_refused(module, dict(base, secret='x-legacy'), 'secret', 'only a legacy key')
    assert_refused(module, dict(base, consumer='nope'), 'consumer', "no realm consumer 'nope'")
    created = module(type='legacy', secret='legacy-s3cret', **base)
    assert created['changed'] and created['secret'] == 'legacy-s3cret' and 'legacy-s3cret' not in str(created['realm_consumer_key'])
    assert_refused(module, dict(base, type='new'), 'type', 'cannot be changed')
    assert_refused(module, dict(base, type='legacy', secret='other', update_secrets='always'), 'update_secrets', 'rotate: true')


def test_realm_consumer_key_info(emulator):
    partners = realm(emulator)
    acme = consumer(emulator, partners['id'])
    keys = '%s/%s/consumers/%s/keys' % (REALMS, partners['id'], acme['id'])
    ci = konnect(emulator, 'POST', keys, dict(type='new', tags=['ci']))
    konnect(emulator, 'POST', keys, dict(type='legacy', tags=['old'], secret='legacy-1'))
    info = Module(emulator, 'realm_consumer_key_info')
    assert [k['id'] for k in info(realm='partners', consumer='acme', tags=['ci'])['realm_consumer_keys']] == [ci['id']]
    assert sorted(k['type'] for k in info(realm='partners', consumer='acme')['realm_consumer_keys']) == ['legacy', 'new']
    assert [k['tags'] for k in info(realm='partners', consumer='acme', filters=dict(type='legacy'))['realm_consumer_keys']] == [['old']]
    assert 'legacy-1' not in str(info(realm='partners', consumer='acme')) and ci['secret'] not in str(info(realm='partners', consumer='acme'))


# == auth servers ====================================================================================================


def test_auth_server_lifecycle(emulator):
    created = assert_lifecycle(Module(emulator, 'auth_server'),
                               create=dict(name='payments', audience='https://api.example.com', labels={'team': 'pay'},
                                           trusted_origins=['https://app.example.com']),
                               update=dict(signing_algorithm='PS512', description='Payments'))
    assert created['issuer'].startswith('https://') and created['issuer'].endswith('.us.identity.konghq.com/auth')


def test_auth_server_refusals_and_force(emulator):
    module = Module(emulator, 'auth_server')
    assert_refused(module, dict(name='payments'), 'audience', 'required to create')
    server = auth_server(emulator)
    scope(emulator, server['id'], 'read')
    result = module(name='payments', state='absent')
    assert result['failed'] and 'force=true' in result['msg']
    assert module(name='payments', state='absent', force=True)['changed']


def test_auth_server_scope_and_claim_lifecycle(emulator):
    server = auth_server(emulator)
    assert_lifecycle(Module(emulator, 'auth_server_scope'), create=dict(auth_server=server['id'], name='read', description='Read'),
                     update=dict(default=True, include_in_metadata=True))
    read = scope(emulator, server['id'], 'read')
    write = scope(emulator, server['id'], 'write')
    assert_lifecycle(Module(emulator, 'auth_server_claim'),
                     create=dict(auth_server=server['id'], name='tenant', value='acme', include_in_token=True, include_in_scopes=[read['id']]),
                     update=dict(include_in_scopes=[read['id'], write['id']], enabled=False))
    claim = Module(emulator, 'auth_server_claim')
    by_name = claim(auth_server=server['id'], name='jti', value='${ uuidv4 }', include_in_scopes=['write', 'read'])
    assert sorted(by_name['auth_server_claim']['include_in_scopes']) == sorted([read['id'], write['id']])
    again, sent = claim.counted(auth_server=server['id'], name='jti', include_in_scopes=['read', 'write'])
    assert not again['changed'] and len(sent) == 2


def test_auth_server_children_refuse_bad_input(emulator):
    server = auth_server(emulator)
    claim = Module(emulator, 'auth_server_claim')
    assert_refused(claim, dict(auth_server='payments', name='tenant'), 'value', 'required to create')
    assert_refused(claim, dict(auth_server='payments', name='tenant', value='x', include_in_scopes=['nope']), 'include_in_scopes',
                   "no auth server scope 'nope'")
    assert_refused(claim, dict(auth_server='nope', name='tenant', value='x'), 'auth_server', "no auth server 'nope'")
    client = Module(emulator, 'auth_server_client')
    assert_refused(client, dict(auth_server=server['id'], name='c', grant_types=['client_credentials']), 'response_types', 'required to create')
    assert_refused(client, dict(auth_server=server['id'], name='c', grant_types=['password'], response_types=['token']), 'grant_types')


def test_auth_server_client_lifecycle_returns_its_secret_once(emulator):
    server = auth_server(emulator)
    read = scope(emulator, server['id'], 'read')
    module = Module(emulator, 'auth_server_client')
    args = dict(auth_server=server['id'], name='billing', grant_types=['client_credentials'], response_types=['token'], allow_scopes=[read['id']])
    created = assert_lifecycle(module, create=args, update=dict(access_token_duration=600, labels={'owner': 'billing'}))
    assert 'client_secret' not in created
    result = module(**dict(args, allow_scopes=['read']))
    assert result['changed'] and result['auth_server_client']['allow_scopes'] == [read['id']]
    assert len(result['client_secret']) > 20 and module.task.returns_secret(result)
    again = module(**args)
    assert 'client_secret' not in again and not module.task.returns_secret(again)
    updated, sent = module.counted(diff=True, client_secret='my-own-s3cret', update_secrets='always', **args)
    assert updated['changed'] and writes(sent)[0]['body'] == {'client_secret': 'my-own-s3cret'}
    assert 'my-own-s3cret' not in str(updated)


def test_auth_server_client_with_a_given_secret(emulator):
    server = auth_server(emulator)
    module = Module(emulator, 'auth_server_client')
    created, sent = module.counted(auth_server=server['id'], name='job', grant_types=['client_credentials'], response_types=['token'],
                                   client_secret='given-s3cret')
    assert [r['method'] for r in writes(sent)] == ['POST', 'PATCH'] and 'client_secret' not in writes(sent)[0]['body']
    assert created['client_secret'] == 'given-s3cret'


def test_auth_server_info_modules(emulator):
    server = auth_server(emulator)
    auth_server(emulator, 'other')
    read = scope(emulator, server['id'], 'read')
    konnect(emulator, 'POST', '%s/%s/claims' % (AUTH_SERVERS, server['id']), dict(name='tenant', value='acme'))
    created = konnect(emulator, 'POST', '%s/%s/clients' % (AUTH_SERVERS, server['id']),
                      dict(name='billing', grant_types=['client_credentials'], response_types=['token']))
    assert sorted(s['name'] for s in Module(emulator, 'auth_server_info')()['auth_servers']) == ['other', 'payments']
    result, sent = Module(emulator, 'auth_server_info').counted(name='payments')
    assert [s['id'] for s in result['auth_servers']] == [server['id']] and sent[0]['query']['filter[name][eq]'] == ['payments']
    assert [s['id'] for s in Module(emulator, 'auth_server_scope_info')(auth_server='payments', name='read')['auth_server_scopes']] == [read['id']]
    assert [c['name'] for c in Module(emulator, 'auth_server_claim_info')(auth_server='payments')['auth_server_claims']] == ['tenant']
    clients = Module(emulator, 'auth_server_client_info')(auth_server='payments')['auth_server_clients']
    assert [c['name'] for c in clients] == ['billing'] and created['client_secret'] not in str(clients)


# == the emulator's answers ==========================================================================================


def test_emulator_realm_rules(emulator):
    partners = realm(emulator)
    acme = consumer(emulator, partners['id'])
    duplicate = raw(emulator, 'POST', '%s/%s/consumers' % (REALMS, partners['id']), dict(username='acme'))
    assert duplicate.status_code == 400 and duplicate.json()['invalid_parameters'][0]['field'] == 'username'
    assert raw(emulator, 'DELETE', '%s/%s' % (REALMS, partners['id'])).status_code == 400
    move = raw(emulator, 'POST', '%s/%s/consumers/%s/move' % (REALMS, partners['id'], acme['id']), dict(target_realm_id=str(uuid.uuid4())))
    assert move.status_code == 404
    key = konnect(emulator, 'POST', '%s/%s/consumers/%s/keys' % (REALMS, partners['id'], acme['id']), dict(type='legacy', secret='s1'))
    assert key['secret'] == 's1'
    again = raw(emulator, 'POST', '%s/%s/consumers/%s/keys' % (REALMS, partners['id'], acme['id']), dict(type='legacy', secret='s1'))
    assert again.status_code == 400
    listed = raw(emulator, 'GET', '%s/%s/consumers/%s/keys/%s' % (REALMS, partners['id'], acme['id'], key['id'])).json()
    assert 'secret' not in listed and '_secret' not in listed
    assert raw(emulator, 'DELETE', '%s/%s?force=true' % (REALMS, partners['id'])).status_code == 204


def test_emulator_auth_server_rules(emulator):
    server = auth_server(emulator)
    assert raw(emulator, 'POST', AUTH_SERVERS, dict(name='payments', audience='x')).status_code == 409
    client = konnect(emulator, 'POST', '%s/%s/clients' % (AUTH_SERVERS, server['id']),
                     dict(name='c', grant_types=['client_credentials'], response_types=['token']))
    assert client['client_secret']
    path = '%s/%s/clients/%s' % (AUTH_SERVERS, server['id'], client['id'])
    assert 'client_secret' not in raw(emulator, 'GET', path).json()
    assert 'client_secret' not in konnect(emulator, 'PATCH', path, dict(client_secret='new'))
    assert raw(emulator, 'DELETE', '%s/%s' % (AUTH_SERVERS, server['id'])).status_code == 400
