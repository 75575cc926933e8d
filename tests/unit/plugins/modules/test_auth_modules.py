# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Application auth strategies and DCR providers: the modules' life cycle, their refusals, and the emulator's answers."""

from __future__ import annotations

import uuid

import pytest
import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    writes,
)

STRATEGIES = '/v2/application-auth-strategies'
PROVIDERS = '/v2/dcr-providers'
OIDC = dict(issuer='https://acme.okta.com/oauth2/default', credential_claim=['client_id'], scopes=['openid', 'pets.read'],
            auth_methods=['client_credentials', 'bearer'])
KONNECT_OIDC = dict(OIDC)

# Every provider kind with what creates it, the secrets the task gives and a change of a non-secret setting.
PROVIDER_KINDS = {
    'auth0': (dict(issuer='https://acme.eu.auth0.com/', dcr_config=dict(initial_client_id='abc123', initial_client_secret='auth0-secret-1',
                                                                        initial_client_audience='https://login.acme.com/api/v2/')),
              ('auth0-secret-1',), dict(dcr_config=dict(initial_client_id='abc124', use_developer_managed_scopes=True))),
    'azureAd': (dict(issuer='https://sts.windows.net/acme/', dcr_config=dict(initial_client_id='azure-1', initial_client_secret='azure-secret-1')),
                ('azure-secret-1',), dict(display_name='Azure')),
    'curity': (dict(issuer='https://idsvr.acme.com/oauth/v2/oauth-anonymous',
                    dcr_config=dict(initial_client_id='cur', initial_client_secret='curity-secret-1')),
               ('curity-secret-1',), dict(issuer='https://idsvr2.acme.com/oauth/v2/oauth-anonymous')),
    'okta': (dict(issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='okta-token-123')),
             ('okta-token-123',), dict(labels={'env': 'prod'})),
    'http': (dict(issuer='https://idp.acme.com', dcr_config=dict(dcr_base_url='https://dcr.acme.com/v1', api_key='gYmrbDfu_7PTsZWH')),
             ('gYmrbDfu_7PTsZWH',), dict(dcr_config=dict(dcr_base_url='https://dcr.acme.com/v2', disable_refresh_secret=True))),
    'kongIdentity': (dict(issuer='https://a1b2c3.us.identity.konghq.com/auth'), (), dict(display_name='Kong Identity')),
}


def raw(emulator, method, path, body=None):
    """A request straight to the emulator's us region, whatever its answer."""
    return requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)


def okta_provider(emulator, name='okta-dcr', issuer='https://acme.okta.com/oauth2/default'):
    return konnect(emulator, 'POST', PROVIDERS, dict(name=name, provider_type='okta', issuer=issuer, dcr_config=dict(dcr_token='t0k3n')))


def key_auth_strategy(emulator, name='key-auth'):
    return konnect(emulator, 'POST', STRATEGIES, dict(name=name, display_name='API key', strategy_type='key_auth',
                                                      configs={'key-auth': {'key_names': ['apikey']}}))


def oidc_strategy(emulator, provider_id, name='oidc'):
    return konnect(emulator, 'POST', STRATEGIES, dict(name=name, display_name='OIDC', strategy_type='openid_connect', dcr_provider_id=provider_id,
                                                      configs={'openid-connect': KONNECT_OIDC}))


def without(args, name):
    return dict((key, value) for key, value in args.items() if key != name)


def assert_refused_unwritten(module, args, *words):
    """Refused with every word in the message, and Konnect still holds what it held (a write it refused is no write)."""
    result, sent = module.counted(**args)
    assert result.get('failed'), 'not refused: %s' % result
    assert not [request for request in writes(sent) if request['status'] < 300], 'refused after writing: %s' % writes(sent)
    for word in words:
        assert word.lower() in result['msg'].lower(), '%r not in %r' % (word, result['msg'])
    return result


# == dcr_provider ====================================================================================================


@pytest.mark.parametrize('kind', sorted(PROVIDER_KINDS))
def test_dcr_provider_lifecycle_of_each_kind(emulator, kind):
    create, secrets, update = PROVIDER_KINDS[kind]
    provider = Module(emulator, 'dcr_provider')
    created = assert_lifecycle(provider, create=dict(create, name='dcr-' + kind, provider_type=kind), update=update, secrets=secrets)
    assert created['provider_type'] == kind
    assert not any(key in created.get('dcr_config', {}) for key in ('initial_client_secret', 'dcr_token', 'api_key'))


def test_dcr_provider_diff_masks_the_secrets_it_sends(emulator):
    provider = Module(emulator, 'dcr_provider')
    args = dict(name='okta-dcr', provider_type='okta', issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='first-t0ken'))
    created, sent = provider.counted(diff=True, **args)
    assert sent[-1]['body']['dcr_config'] == {'dcr_token': 'first-t0ken'}
    assert created['diff']['after']['dcr_config'] == {'dcr_token': '********'}
    new_token = dict(args)
    new_token['dcr_config'] = dict(dcr_token='second-t0ken')
    again, sent = provider.counted(**new_token)
    assert not again['changed'] and not writes(sent), 'a secret Konnect cannot show was compared'
    rotated, sent = provider.counted(diff=True, update_secrets='always', **new_token)
    assert rotated['changed'] and [w['body'] for w in writes(sent)] == [{'dcr_config': {'dcr_token': 'second-t0ken'}}]
    assert 'second-t0ken' not in str(rotated)


def test_dcr_provider_verify_passes_after_converging(emulator):
    provider = Module(emulator, 'dcr_provider')
    args = dict(name='okta-dcr', provider_type='okta', issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='t0k3n'), verify=True)
    created, sent = provider.counted(**args)
    assert created['changed'] and created['verification'] == {'status': 'success', 'errors': []}
    assert [(r['method'], r['path'].rsplit('/', 1)[-1]) for r in writes(sent)] == [('POST', 'dcr-providers'), ('POST', 'verify')]
    again, sent = provider.counted(**args)
    assert not again['changed'] and again['verification']['status'] == 'success'
    checked, sent = provider.counted(check_mode=True, **args)
    assert 'verification' not in checked and not writes(sent)


def test_dcr_provider_verify_fails_clearly(emulator):
    provider = Module(emulator, 'dcr_provider')
    result = provider(name='plain', provider_type='kongIdentity', issuer='http://id.acme.com/auth', verify=True)
    assert result['failed'] and result['changed'], 'the provider was created; the failure must say so'
    assert "DCR provider 'plain' did not pass Konnect's verification (status failed)" in result['msg']
    assert 'not an https URL' in result['msg'] and result['dcr_provider']['id']
    result = provider(name='http-dcr', provider_type='http', issuer='https://idp.acme.com', verify=True,
                      dcr_config=dict(dcr_base_url='https://dcr.acme.invalid/v1', api_key='gYmrbDfu_7PTsZWH'))
    assert result['failed'] and 'host dcr.acme.invalid does not resolve' in result['msg']
    assert result['verification']['status'] == 'failed'


def test_dcr_provider_refuses_bad_input_before_writing(emulator):
    provider = Module(emulator, 'dcr_provider')
    okta = dict(name='okta-dcr', provider_type='okta', issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='t0k3n'))
    assert_refused(provider, dict(okta, dcr_config=dict(initial_client_id='x', initial_client_secret='y')),
                   'dcr_config', 'provider of type okta takes dcr_token', 'initial_client_id')
    assert_refused(provider, dict(okta, dcr_config={}), 'dcr_config.dcr_token', 'required')
    assert_refused(provider, dict(okta, provider_type='http', dcr_config=dict(dcr_base_url='https://dcr.acme.com', api_key='short')),
                   'dcr_config.api_key', '12 to 256')
    assert_refused(provider, dict(okta, issuer='acme.okta.com'), 'issuer', 'not an absolute URL')
    assert_refused(provider, dict(okta, provider_type='github'), 'provider_type', 'auth0, azureAd')
    assert_refused(provider, without(okta, 'provider_type'), 'provider_type', 'required to create')
    assert_refused(provider, dict(okta, provider_type='kongIdentity'), 'provider of type kongIdentity takes no dcr_config')
    assert provider(**okta)['changed']
    assert_refused(provider, dict(okta, provider_type='curity', dcr_config=dict(initial_client_id='c', initial_client_secret='s')),
                   'provider_type', 'cannot be changed', 'recreate')
    assert_refused(provider, dict(name='okta-dcr', dcr_config=dict(dcr_base_url='https://dcr.acme.com')),
                   'provider of type okta takes dcr_token', 'dcr_base_url')


def test_dcr_provider_type_changes_only_with_recreate(emulator):
    provider = Module(emulator, 'dcr_provider')
    first = provider(name='idp', provider_type='okta', issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='t0k3n'))
    curity = dict(name='idp', provider_type='curity', issuer='https://idsvr.acme.com/oauth/v2/oauth-anonymous',
                  dcr_config=dict(initial_client_id='c', initial_client_secret='curity-s3cret'), recreate=True)
    planned, sent = provider.counted(check_mode=True, **curity)
    assert planned['changed'] and not writes(sent)
    second, sent = provider.counted(diff=True, **curity)
    assert [r['method'] for r in writes(sent)] == ['DELETE', 'POST']
    assert second['dcr_provider']['provider_type'] == 'curity' and second['dcr_provider']['id'] != first['dcr_provider']['id']
    assert 'curity-s3cret' not in str(second)


def test_dcr_provider_in_use_is_not_deleted(emulator):
    provider_id = okta_provider(emulator)['id']
    oidc_strategy(emulator, provider_id, name='okta-oidc')
    result = assert_refused(Module(emulator, 'dcr_provider'), dict(name='okta-dcr', state='absent'), "DCR provider 'okta-dcr'",
                            "strategies 'okta-oidc'")
    assert result['used_by'] == ["'okta-oidc'"]
    assert_refused(Module(emulator, 'dcr_provider'), dict(name='okta-dcr', state='absent'), 'okta-oidc', check_mode=True)


def test_dcr_provider_info(emulator):
    okta = okta_provider(emulator)
    okta_provider(emulator, name='okta-eu', issuer='https://acme-eu.okta.com/oauth2/default')
    konnect(emulator, 'POST', PROVIDERS, dict(name='kong', provider_type='kongIdentity', issuer='https://a1b2.us.identity.konghq.com/auth'))
    oidc_strategy(emulator, okta['id'])
    info = Module(emulator, 'dcr_provider_info')
    assert [p['id'] for p in info(name='okta-dcr')['dcr_providers']] == [okta['id']]
    assert [p['name'] for p in info(id=okta['id'])['dcr_providers']] == ['okta-dcr']
    assert sorted(p['name'] for p in info()['dcr_providers']) == ['kong', 'okta-dcr', 'okta-eu']
    assert sorted(p['name'] for p in info(filters=dict(provider_type='okta'))['dcr_providers']) == ['okta-dcr', 'okta-eu']
    result, sent = info.counted(filters=dict(issuer={'contains': 'acme-eu'}))
    assert [p['name'] for p in result['dcr_providers']] == ['okta-eu'] and sent[0]['query']['filter[issuer][contains]'] == ['acme-eu']
    assert info(name='nope')['dcr_providers'] == []
    assert 'dcr_token' not in str(info()), 'a secret was listed'


# == application_auth_strategy =======================================================================================


def test_key_auth_strategy_lifecycle(emulator):
    strategy = Module(emulator, 'application_auth_strategy')
    created = assert_lifecycle(
        strategy,
        create=dict(name='key-auth', display_name='API key', strategy_type='key_auth', labels={'team': 'platform'},
                    configs=dict(key_auth=dict(key_names=['apikey', 'x-api-key'], ttl=dict(value=90, unit='days')))),
        update=dict(display_name='API key (header)', configs=dict(key_auth=dict(key_names=['x-api-key']))))
    assert created['configs'] == {'key-auth': {'key_names': ['apikey', 'x-api-key'], 'ttl': {'value': 90, 'unit': 'days'}}}


def test_openid_connect_strategy_lifecycle_with_a_dcr_provider_by_id(emulator):
    provider_id = okta_provider(emulator)['id']
    strategy = Module(emulator, 'application_auth_strategy')
    created = assert_lifecycle(
        strategy,
        create=dict(name='oidc', display_name='Client credentials', strategy_type='openid_connect', dcr_provider=provider_id,
                    principals=dict(enabled=False), configs=dict(openid_connect=dict(OIDC, additional_properties={'audience_required': ['api://pets']}))),
        update=dict(configs=dict(openid_connect=dict(scopes=['openid', 'pets.write']))))
    assert created['dcr_provider']['id'] == provider_id and created['dcr_provider']['name'] == 'okta-dcr'
    assert created['configs']['openid-connect']['audience_required'] == ['api://pets']


def test_strategy_updates_in_place(emulator):
    """Terraform's first gotcha: a new display name or other configs replaced the strategy. Here they are a PATCH."""
    provider_id = okta_provider(emulator)['id']
    strategy = Module(emulator, 'application_auth_strategy')
    args = dict(name='oidc', display_name='OIDC', strategy_type='openid_connect', configs=dict(openid_connect=OIDC))
    first = strategy(**args)['application_auth_strategy']
    other = okta_provider(emulator, name='okta-2')['id']
    for change in (dict(display_name='Enterprise'), dict(configs=dict(openid_connect=dict(OIDC, issuer='https://acme2.okta.com'))),
                   dict(dcr_provider='okta-dcr'), dict(dcr_provider=other), dict(labels={'env': 'prod'})):
        result, sent = strategy.counted(diff=True, **dict(args, **change))
        assert result['changed'] and [r['method'] for r in writes(sent)] == ['PATCH'], change
        assert result['application_auth_strategy']['id'] == first['id']
        if change.get('dcr_provider') == other:
            assert result['diff']['before']['dcr_provider'] == 'okta-dcr (%s)' % provider_id
            assert result['diff']['after']['dcr_provider'] == other  # given by id: the engine does not look its name up
    assert strategy(**dict(args, dcr_provider=other))['changed'] is False


def test_strategy_refuses_bad_input_before_writing(emulator):
    strategy = Module(emulator, 'application_auth_strategy')
    key_auth = dict(name='key-auth', display_name='API key', strategy_type='key_auth', configs=dict(key_auth=dict(key_names=['apikey'])))
    oidc = dict(name='oidc', display_name='OIDC', strategy_type='openid_connect', configs=dict(openid_connect=OIDC))
    assert_refused(strategy, dict(oidc, dcr_provider='nope'), 'dcr_provider', "no DCR provider 'nope'")
    assert_refused(strategy, dict(key_auth, configs=dict(key_auth=dict(key_names=['k%d' % i for i in range(11)]))),
                   'configs.key_auth.key_names', '1 to 10', 'gives 11')
    assert_refused(strategy, dict(key_auth, configs=dict(key_auth=dict(key_names=[]))), 'configs.key_auth.key_names', '1 to 10')
    assert_refused(strategy, dict(key_auth, configs=dict(openid_connect=OIDC)), 'key_auth strategy takes configs.key_auth')
    assert_refused(strategy, dict(oidc, configs=dict(openid_connect=dict(issuer=OIDC['issuer']))),
                   'configs.openid_connect.credential_claim', 'configs.openid_connect.scopes', 'required to create')
    assert_refused(strategy, dict(oidc, configs=dict(openid_connect=dict(OIDC, issuer='acme.okta.com'))), 'configs.openid_connect.issuer', 'URL')
    assert_refused(strategy, dict(oidc, configs=dict(openid_connect=dict(OIDC, scopes=['s%d' % i for i in range(51)]))), 'scopes', '0 to 50')
    assert_refused(strategy, without(key_auth, 'display_name'), 'display_name', 'required to create')
    assert_refused(strategy, dict(key_auth, configs=dict(key_auth=dict(ttl=dict(value=1, unit='months')))), 'unit', 'days, weeks, years')
    assert_refused(strategy, dict(key_auth, dcr_provider=okta_provider(emulator)['id']), 'dcr_provider', 'only an openid_connect strategy')
    assert strategy(**key_auth)['changed']
    assert_refused(strategy, dict(oidc, name='key-auth'), 'strategy_type', 'cannot be changed', 'recreate')
    assert_refused(strategy, dict(name='key-auth', configs=dict(openid_connect=dict(scopes=['x']))), 'key_auth strategy takes configs.key_auth')
    assert_refused(strategy, dict(name='key-auth', strategy_type='openid_connect', recreate=True),
                   'an openid_connect strategy takes configs.openid_connect, not configs.key_auth')


def test_strategy_type_changes_only_with_recreate(emulator):
    strategy = Module(emulator, 'application_auth_strategy')
    first = strategy(name='auth', display_name='API key', strategy_type='key_auth', labels={'team': 'a'},
                     configs=dict(key_auth=dict(key_names=['apikey'])))['application_auth_strategy']
    oidc = dict(name='auth', display_name='OIDC', strategy_type='openid_connect', configs=dict(openid_connect=OIDC), recreate=True)
    result, sent = strategy.counted(diff=True, **oidc)
    assert [r['method'] for r in writes(sent)] == ['DELETE', 'POST']
    created = result['application_auth_strategy']
    assert created['strategy_type'] == 'openid_connect' and created['id'] != first['id'] and created['labels'] == {'team': 'a'}
    assert 'key-auth' not in created['configs']


def portal_using(emulator, strategy_id, name='developers'):
    return konnect(emulator, 'POST', '/v3/portals', dict(name=name, default_application_auth_strategy_id=strategy_id))


def test_strategy_in_use_as_a_portal_default_is_not_deleted(emulator):
    strategy_id = key_auth_strategy(emulator)['id']
    portal_using(emulator, strategy_id)
    strategy = Module(emulator, 'application_auth_strategy')
    result = assert_refused(strategy, dict(name='key-auth', state='absent'), "application auth strategy 'key-auth'", "portal 'developers'",
                            'default application auth strategy', '409')
    assert result['used_by'] == ["portal 'developers' (its default application auth strategy)"]
    assert_refused(strategy, dict(name='key-auth', state='absent'), "portal 'developers'", check_mode=True)
    recreate = dict(name='key-auth', display_name='OIDC', strategy_type='openid_connect', configs=dict(openid_connect=OIDC), recreate=True)
    assert_refused(strategy, recreate, "portal 'developers'")


def test_strategy_in_use_by_an_api_publication_is_not_deleted(emulator):
    strategy_id = key_auth_strategy(emulator)['id']
    portal = konnect(emulator, 'POST', '/v3/portals', dict(name='developers'))
    api = konnect(emulator, 'POST', '/v3/apis', dict(name='pets'))
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api['id'], portal['id']), dict(auth_strategy_ids=[strategy_id]))
    assert konnect(emulator, 'GET', STRATEGIES + '/' + strategy_id)['active'] is True
    assert_refused_unwritten(Module(emulator, 'application_auth_strategy'), dict(name='key-auth', state='absent'),
                             "publication of API 'pets' to portal 'developers'")
    assert konnect(emulator, 'GET', STRATEGIES + '/' + strategy_id)['id'] == strategy_id


def test_strategy_in_use_by_an_application_is_not_deleted(emulator):
    strategy_id = key_auth_strategy(emulator)['id']
    portal = konnect(emulator, 'POST', '/v3/portals', dict(name='developers'))
    # An application as the Portal Management spec answers it (Application.auth_strategy), stored as its family's
    # emulator keeps it; the generic POST does not set auth_strategy from auth_strategy_id.
    applications = emulator.server.emulator.state.partition('us').records('/v3/portals/{}/applications', (portal['id'],))
    application_id = str(uuid.uuid4())
    applications[application_id] = dict(id=application_id, name='pet-shop', auth_strategy={'id': strategy_id, 'name': 'key-auth'},
                                        portal={'id': portal['id']})
    strategy = Module(emulator, 'application_auth_strategy')
    assert_refused(strategy, dict(name='key-auth', state='absent'), "application 'pet-shop' of portal 'developers'")
    response = raw(emulator, 'DELETE', STRATEGIES + '/' + strategy_id)
    assert response.status_code == 409 and "application 'pet-shop'" in response.json()['detail']


def test_strategy_info(emulator):
    provider = okta_provider(emulator)
    key_auth_strategy(emulator)
    oidc = oidc_strategy(emulator, provider['id'])
    portal = konnect(emulator, 'POST', '/v3/portals', dict(name='developers'))
    api = konnect(emulator, 'POST', '/v3/apis', dict(name='pets'))
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api['id'], portal['id']), dict(auth_strategy_ids=[oidc['id']]))
    info = Module(emulator, 'application_auth_strategy_info')
    assert [s['id'] for s in info(name='oidc')['application_auth_strategies']] == [oidc['id']]
    assert [s['name'] for s in info(id=oidc['id'])['application_auth_strategies']] == ['oidc']
    assert sorted(s['name'] for s in info()['application_auth_strategies']) == ['key-auth', 'oidc']
    result, sent = info.counted(filters=dict(dcr_provider_name='okta-dcr'))
    assert [s['name'] for s in result['application_auth_strategies']] == ['oidc']
    assert sent[0]['query']['filter[dcr_provider_name][eq]'] == ['okta-dcr']
    assert [s['name'] for s in info(filters=dict(strategy_type={'neq': 'openid_connect'}))['application_auth_strategies']] == ['key-auth']
    assert [s['name'] for s in info(filters=dict(active=True))['application_auth_strategies']] == ['oidc']
    assert info(id=str(uuid.uuid4()))['application_auth_strategies'] == []


# == the emulator's answers ==========================================================================================


def test_emulator_refuses_deleting_a_strategy_in_use_with_409(emulator):
    strategy_id = key_auth_strategy(emulator)['id']
    portal_using(emulator, strategy_id)
    response = raw(emulator, 'DELETE', STRATEGIES + '/' + strategy_id)
    assert response.status_code == 409 and response.headers['Content-Type'] == 'application/problem+json'
    assert response.json()['detail'] == ("The application auth strategy is in use and cannot be deleted: it is used by portal 'developers' "
                                         "(its default_application_auth_strategy_id).")
    assert raw(emulator, 'DELETE', STRATEGIES + '/' + str(uuid.uuid4())).status_code == 404


def test_emulator_validates_strategies_by_their_kind(emulator):
    body = dict(name='s', display_name='S', strategy_type='key_auth', configs={'openid-connect': KONNECT_OIDC})
    rules = dict((i['field'], i['rule']) for i in raw(emulator, 'POST', STRATEGIES, body).json()['invalid_parameters'])
    assert rules == {'configs.openid-connect': 'unknown_property', 'configs.key-auth': 'required'}
    body = dict(body, strategy_type='openid_connect', dcr_provider_id=str(uuid.uuid4()))
    assert raw(emulator, 'POST', STRATEGIES, body).json()['invalid_parameters'][0]['rule'] == 'missing_reference'
    body = dict(body, dcr_provider_id=None, configs={'openid-connect': dict(KONNECT_OIDC, issuer='not a url')})
    assert raw(emulator, 'POST', STRATEGIES, body).json()['invalid_parameters'][0]['field'] == 'configs.openid-connect.issuer'
    key_auth = key_auth_strategy(emulator)
    response = raw(emulator, 'PATCH', STRATEGIES + '/' + key_auth['id'], dict(configs={'openid-connect': {'scopes': ['x']}}))
    assert response.status_code == 400 and response.json()['invalid_parameters'][0]['reason'] == 'a key_auth strategy takes configs.key-auth'
    provider_id = okta_provider(emulator)['id']
    assert raw(emulator, 'PATCH', STRATEGIES + '/' + key_auth['id'], dict(dcr_provider_id=provider_id)).status_code == 400


def test_emulator_merges_partial_configs_and_unsets_a_null_ttl(emulator):
    strategy = konnect(emulator, 'POST', STRATEGIES, dict(name='k', display_name='K', strategy_type='key_auth',
                                                          configs={'key-auth': {'key_names': ['apikey'], 'ttl': {'value': 3, 'unit': 'days'}}}))
    path = STRATEGIES + '/' + strategy['id']
    assert konnect(emulator, 'PATCH', path, dict(configs={'key-auth': {'key_names': ['x']}}))['configs'] == {
        'key-auth': {'key_names': ['x'], 'ttl': {'value': 3, 'unit': 'days'}}}
    assert konnect(emulator, 'PATCH', path, dict(configs={'key-auth': {'ttl': None}}))['configs'] == {'key-auth': {'key_names': ['x']}}


def test_emulator_dcr_providers_never_answer_their_secrets(emulator):
    created = konnect(emulator, 'POST', PROVIDERS, dict(name='a', provider_type='auth0', issuer='https://acme.auth0.com/',
                                                        dcr_config=dict(initial_client_id='c', initial_client_secret='s3cret')))
    assert created['dcr_config'] == {'initial_client_id': 'c', 'initial_client_audience': None, 'use_developer_managed_scopes': False}
    path = PROVIDERS + '/' + created['id']
    assert 's3cret' not in raw(emulator, 'GET', path).text and 's3cret' not in raw(emulator, 'GET', PROVIDERS).text
    response = raw(emulator, 'PATCH', path, dict(dcr_config=dict(dcr_token='x')))
    assert response.status_code == 400 and response.json()['invalid_parameters'][0] == {
        'field': 'dcr_config.dcr_token', 'rule': 'unknown_property', 'reason': 'unknown field', 'source': 'body'}
    konnect(emulator, 'PATCH', path, dict(dcr_config=dict(initial_client_id='d')))
    state = emulator.server.emulator.state.partition('us').records(PROVIDERS, ())[created['id']]
    assert state['dcr_config']['initial_client_secret'] == 's3cret', 'a PATCH of other dcr_config keys lost the secret'
    response = raw(emulator, 'POST', PROVIDERS, dict(name='b', provider_type='okta', issuer='https://acme.okta.com', dcr_config={}))
    assert [(i['field'], i['rule']) for i in response.json()['invalid_parameters']] == [('dcr_config.dcr_token', 'required')]


def test_emulator_verify_and_active(emulator):
    good = okta_provider(emulator)
    plain = okta_provider(emulator, name='plain', issuer='http://acme.okta.com')
    assert konnect(emulator, 'POST', PROVIDERS + '/%s/verify' % good['id']) == {'status': 'success', 'errors': []}
    failed = konnect(emulator, 'POST', PROVIDERS + '/%s/verify' % plain['id'])
    assert failed['status'] == 'failed' and 'not an https URL' in failed['errors'][0]
    assert raw(emulator, 'POST', PROVIDERS + '/%s/verify' % uuid.uuid4()).status_code == 404
    strategy = oidc_strategy(emulator, good['id'])
    assert konnect(emulator, 'GET', PROVIDERS + '/' + good['id'])['active'] is False
    portal = konnect(emulator, 'POST', '/v3/portals', dict(name='developers'))
    api = konnect(emulator, 'POST', '/v3/apis', dict(name='pets'))
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api['id'], portal['id']), dict(auth_strategy_ids=[strategy['id']]))
    assert konnect(emulator, 'GET', PROVIDERS + '/' + good['id'])['active'] is True
    listed = konnect(emulator, 'GET', STRATEGIES + '?filter[dcr_provider_type][eq]=okta')['data']
    assert [s['dcr_provider'] for s in listed] == [{'id': good['id'], 'name': 'okta-dcr', 'provider_type': 'okta'}]
