# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""identity_provider, identity_provider_team_group_mapping and their _info twins against the in-process emulator: the
engine's decisions (requests sent, predictions, the client secret sent but never shown, update_secrets, one enabled
provider, filters, refusals). Every task runs with konnect_region eu: providers are global, so every request must go to
the global host.

Moved from the integration target identity_provider (issue 13), which keeps one thin run through real playbooks. The
secret at -vvvv with --diff, in check mode and not, in-process and on a target: test_secret_search.py.
"""

from __future__ import annotations

import re

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, shown, writes

GHOST = '00000000-0000-4000-8000-000000000000'
ISSUER = 'https://acme.okta.example/oauth2/default'
SECRET = 'first-client-secret-4b1d0c'
NEW_SECRET = 'second-client-secret-9e7f2a'
PROVIDERS = '/v3/identity-providers'
OIDC = dict(type='oidc', enabled=False, login_path='acme',
            config=dict(issuer_url=ISSUER, client_id='acme-konnect', client_secret=SECRET, scopes=['openid', 'email', 'profile']))


def identity(emulator, name):
    module = Module(emulator, name)
    module.connection_args = lambda: dict(connection(emulator), konnect_region='eu')
    return module


def test_identity_provider_refusals_before_any_request(emulator):
    provider = identity(emulator, 'identity_provider')
    for args, pattern in ((dict(type='ldap'), 'value of type must be one of: oidc, saml'),
                          (dict(type='oidc', config=dict(issuer_url=ISSUER, client_id='acme', tenant='nope')), 'config.tenant'),
                          (dict(enabled=True), '^one of the following is required: type, id$')):
        refused = assert_refused(provider, args)
        assert re.search(pattern, refused['msg']), refused['msg']
        assert emulator.requests() == []


def test_identity_provider_life(emulator):
    provider, info = identity(emulator, 'identity_provider'), identity(emulator, 'identity_provider_info')
    predicted, sent = provider.counted(check_mode=True, diff=True, **OIDC)
    assert predicted['changed'] and predicted['identity_provider']['id'] is None and predicted['diff']['before'] == {}
    after = predicted['diff']['after']
    assert (after['type'], after['config']['client_id'], after['config']['client_secret']) == ('oidc', 'acme-konnect', '********')
    assert SECRET not in shown(predicted) and not writes(sent)

    created, sent = provider.counted(diff=True, **OIDC)
    made = created['identity_provider']
    assert created['changed'] and len(made['id']) == 36 and (made['type'], made['login_path']) == ('oidc', 'acme')
    assert made['config']['client_id'] == 'acme-konnect' and 'client_secret' not in made['config']
    assert created['diff']['after']['config']['client_secret'] == '********' and SECRET not in shown(created)
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', PROVIDERS)
    assert post['body']['config']['client_secret'] == SECRET and post['body']['config']['scopes'] == ['openid', 'email', 'profile']

    again, sent = provider.counted(**OIDC)
    assert not again['changed'] and again['identity_provider']['id'] == made['id']
    assert [(r['path'], r['query']['filter[type][eq]']) for r in sent] == [(PROVIDERS, ['oidc'])]
    by_id, sent = provider.counted(id=made['id'], type='oidc', login_path='acme',
                                   config=dict(issuer_url=ISSUER, client_id='acme-konnect', client_secret=SECRET))
    assert not by_id['changed'] and [r['path'] for r in sent] == ['%s/%s' % (PROVIDERS, made['id'])]

    sso = dict(type='oidc', login_path='acme-sso', config=dict(issuer_url=ISSUER, client_id='acme-konnect', client_secret=SECRET))
    planned, sent = provider.counted(check_mode=True, diff=True, **sso)
    assert planned['changed'] and planned['identity_provider']['login_path'] == 'acme-sso' and not writes(sent)
    assert (planned['diff']['before']['login_path'], planned['diff']['after']['login_path']) == ('acme', 'acme-sso')
    changed, sent = provider.counted(diff=True, **sso)
    assert changed['changed'] and changed['identity_provider']['login_path'] == 'acme-sso'
    assert (changed['diff']['before']['login_path'], changed['diff']['after']['login_path']) == ('acme', 'acme-sso')
    assert changed['diff']['before']['config']['client_secret'] == changed['diff']['after']['config']['client_secret'] == '********'
    assert SECRET not in shown(changed)
    assert [(w['method'], w['body']) for w in writes(sent)] == [('PATCH', {'login_path': 'acme-sso'})]  # the secret stays out

    enabled, sent = provider.counted(type='oidc', enabled=True)
    assert enabled['changed'] and enabled['identity_provider']['enabled'] and [w['body'] for w in writes(sent)] == [{'enabled': True}]

    rotated, sent = provider.counted(diff=True, type='oidc', update_secrets='always',
                                     config=dict(issuer_url=ISSUER, client_id='acme-konnect', client_secret=NEW_SECRET))
    [patch] = writes(sent)
    assert rotated['changed'] and (patch['method'], patch['status']) == ('PATCH', 200)
    assert (patch['body']['config']['client_secret'], patch['body']['config']['issuer_url'], patch['body']['config']['client_id']) == (
        NEW_SECRET, ISSUER, 'acme-konnect')
    assert NEW_SECRET not in shown(rotated) and rotated['diff']['after']['config']['client_secret'] == '********'

    v2 = dict(issuer_url=ISSUER, client_id='acme-konnect-v2', client_secret=NEW_SECRET, scopes=['openid', 'email', 'profile', 'groups'])
    client, sent = provider.counted(diff=True, id=made['id'], config=v2)
    assert client['changed'] and client['identity_provider']['config']['client_id'] == 'acme-konnect-v2'
    assert client['identity_provider']['config']['scopes'] == v2['scopes'] and NEW_SECRET not in shown(client)
    assert (client['diff']['before']['config']['client_id'], client['diff']['after']['config']['client_id']) == ('acme-konnect', 'acme-konnect-v2')
    [patch] = writes(sent)
    assert patch['method'] == 'PATCH' and list(patch['body']) == ['config'] and patch['body']['config'] == v2  # the secret with it

    # a SAML provider next to it: each found by its type; one provider can be enabled at a time
    saml = provider(type='saml', enabled=False, login_path='acme-saml', config=dict(idp_metadata_url='https://idp.example.com/saml/metadata'))
    assert saml['changed'] and saml['identity_provider']['id'] != made['id'] and isinstance(saml['identity_provider']['config']['sp_entity_id'], str)
    emulator.clear_requests()
    among_two = provider(type='oidc', enabled=True, login_path='acme-sso')
    assert not among_two['changed'] and among_two['identity_provider']['id'] == made['id']
    second = provider(type='saml', enabled=True)
    assert second['failed'] and second['status'] == 409
    assert not [w for w in writes(emulator.requests()) if w['status'] == 200]

    emulator.clear_requests()
    every = info()
    assert not every['changed'] and sorted(p['type'] for p in every['identity_providers']) == ['oidc', 'saml']
    assert SECRET not in shown(every) and NEW_SECRET not in shown(every)
    [oidc] = info(type='oidc')['identity_providers']
    assert oidc['id'] == made['id'] and oidc['config']['client_id'] == 'acme-konnect-v2' and 'client_secret' not in oidc['config']
    assert [p['type'] for p in info(id=saml['identity_provider']['id'])['identity_providers']] == ['saml']
    assert [p['type'] for p in info(filters={'enabled': True})['identity_providers']] == ['oidc']  # filtered after listing
    assert info(id=GHOST)['identity_providers'] == []
    sent = emulator.requests()
    assert len(sent) == 5 and sent[1]['query']['filter[type][eq]'] == ['oidc']
    refused = assert_refused(info, dict(type='oidc', id=made['id']), 'type')
    assert re.search('mutually exclusive: .*id', refused['msg']) and emulator.requests() == []

    planned, sent = provider.counted(check_mode=True, diff=True, type='oidc', state='absent')
    assert planned['changed'] and planned['diff']['before']['type'] == 'oidc' and planned['diff']['after'] == {} and not writes(sent)
    emulator.clear_requests()
    deleted = provider(type='oidc', state='absent')
    assert deleted['changed'] and deleted['identity_provider'] == {}
    assert not provider(type='oidc', state='absent')['changed']
    assert provider(id=saml['identity_provider']['id'], state='absent')['changed']
    assert not provider(id=saml['identity_provider']['id'], state='absent')['changed']
    assert [(w['method'], w['path']) for w in writes(emulator.requests())] == [
        ('DELETE', '%s/%s' % (PROVIDERS, made['id'])), ('DELETE', '%s/%s' % (PROVIDERS, saml['identity_provider']['id']))]
    assert set(r['base'] for r in emulator.requests()) == {'global'}


def test_identity_provider_team_group_mapping(emulator):
    provider = identity(emulator, 'identity_provider')
    idp = provider(**OIDC)['identity_provider']['id']
    provider(type='saml', enabled=False, config=dict(idp_metadata_url='https://idp.example.com/saml/metadata'))
    team = identity(emulator, 'team')(name='Platform')['team']['id']
    mapping, info = identity(emulator, 'identity_provider_team_group_mapping'), identity(emulator, 'identity_provider_team_group_mapping_info')
    mappings = '%s/%s/team-group-mappings' % (PROVIDERS, idp)
    engineers = dict(identity_provider='oidc', team='Platform', group='platform-engineers')

    assert assert_refused(info, {})['msg'] == 'missing required arguments: identity_provider'
    assert emulator.requests() == []
    refused = assert_refused(info, dict(identity_provider=idp, filters={'group': {'like': 'platform'}}))
    assert re.search("^filters.group: unknown operator 'like'", refused['msg']) and emulator.requests() == []
    for args, pattern in ((dict(engineers, team='Nobody'), '^team: no team .Nobody. was found'),
                          (dict(engineers, team=GHOST), '^team: no team with id %s was found' % GHOST),
                          (dict(engineers, identity_provider=GHOST), '^identity_provider: no identity provider with id %s was found' % GHOST),
                          (dict(identity_provider='oidc', team='Platform'), '^state is present but all of the following are missing: group$'),
                          (dict(identity_provider='oidc', group='platform-engineers'), '^state is present but all of the following are missing: team$')):
        refused = assert_refused(mapping, args)
        assert re.search(pattern, refused['msg']), refused['msg']

    named = 'Platform (%s)' % team  # the name the task gave, beside the id
    predicted, sent = mapping.counted(check_mode=True, diff=True, **engineers)
    assert predicted['changed'] and predicted['identity_provider_team_group_mapping']['id'] is None and predicted['diff']['before'] == {}
    assert (predicted['diff']['after']['group'], predicted['diff']['after']['team']) == ('platform-engineers', named) and not writes(sent)
    created, sent = mapping.counted(diff=True, **engineers)
    made = created['identity_provider_team_group_mapping']
    assert created['changed'] and len(made['id']) == 36 and (made['team_id'], made['group']) == (team, 'platform-engineers')
    assert created['diff']['before'] == {} and (created['diff']['after']['team'], created['diff']['after']['group']) == (named, 'platform-engineers')
    assert [(w['path'], w['body']) for w in writes(sent)] == [(mappings, {'team_id': team, 'group': 'platform-engineers'})]
    again, sent = mapping.counted(**engineers)
    assert not again['changed'] and again['identity_provider_team_group_mapping']['id'] == made['id'] and not writes(sent)
    again, sent = mapping.counted(identity_provider=idp, team=team, group='platform-engineers')
    assert not again['changed'] and [r['path'] for r in sent] == [mappings]
    assert (sent[0]['query']['filter[team_id][eq]'], sent[0]['query']['filter[group][eq]']) == ([team], ['platform-engineers'])

    auditors = mapping(identity_provider='oidc', team=team, group='auditors')
    two = auditors['identity_provider_team_group_mapping']
    assert auditors['changed'] and two['group'] == 'auditors'
    refused = assert_refused(mapping, dict(identity_provider='oidc', id=two['id'], team='Platform', group='contractors'))
    assert re.search('^group: a team group mapping cannot be changed', refused['msg']), refused['msg']

    emulator.clear_requests()
    listed = info(identity_provider='oidc')
    assert not listed['changed']
    assert sorted(m['group'] for m in listed['identity_provider_team_group_mappings']) == ['auditors', 'platform-engineers']
    assert [m['id'] for m in info(identity_provider=idp, filters={'group': 'auditors'})['identity_provider_team_group_mappings']] == [two['id']]
    assert len(info(identity_provider=idp, filters={'team_id': team})['identity_provider_team_group_mappings']) == 2
    assert [m['group'] for m in info(identity_provider=idp, id=made['id'])['identity_provider_team_group_mappings']] == ['platform-engineers']
    assert info(identity_provider='saml')['identity_provider_team_group_mappings'] == []
    sent = emulator.requests()
    assert len(sent) == 7 and sent[2]['query']['filter[group][eq]'] == ['auditors'] and sent[3]['query']['filter[team_id][eq]'] == [team]
    assert sent[4]['path'].endswith(made['id'])

    planned, sent = mapping.counted(check_mode=True, diff=True, state='absent', **engineers)
    assert planned['changed'] and planned['diff']['before']['group'] == 'platform-engineers' and planned['diff']['after'] == {}
    assert not writes(sent)
    emulator.clear_requests()
    removed = mapping(state='absent', **engineers)
    assert removed['changed'] and removed['identity_provider_team_group_mapping'] == {}
    assert not mapping(identity_provider=idp, team=team, group='platform-engineers', state='absent')['changed']
    assert mapping(identity_provider='oidc', id=two['id'], state='absent')['changed']
    assert not mapping(identity_provider='oidc', id=two['id'], state='absent')['changed']
    deletes = writes(emulator.requests())
    assert [w['method'] for w in deletes] == ['DELETE', 'DELETE']
    assert deletes[0]['path'].endswith(made['id']) and deletes[1]['path'].endswith(two['id'])

    # the mappings of a provider that is gone are gone too: nothing to do
    assert provider(type='oidc', state='absent')['changed']
    emulator.clear_requests()
    assert not mapping(state='absent', **engineers)['changed']
    assert not mapping(identity_provider=idp, team='Platform', group='platform-engineers', state='absent')['changed']
    assert not writes(emulator.requests()) and set(r['base'] for r in emulator.requests()) == {'global'}
