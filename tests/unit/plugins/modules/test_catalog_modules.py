# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Service Catalog against the emulator: services, integration instances (with auth config and credential), resource
and API mappings, scorecards, and the emulator's answers they rely on."""

from __future__ import annotations

import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    returned,
    writes,
)

MISSING = '99999999-9999-4999-8999-999999999999'
KEY = 'pd-key-0123456789'
NEW_KEY = 'pd-key-9876543210'
CLIENT_SECRET = 's3cr3t-client-0123'
CRITERION = {'enabled': True, 'template_name': 'has_docs', 'template_parameters': None, 'section_name': None}
ALL_SERVICES = {'selector': 'all', 'selector_parameters': None}


def answer(emulator, method, path, body=None):
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body,
                                headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


def new_service(emulator, name='billing'):
    return konnect(emulator, 'POST', '/v1/catalog-services', {'name': name, 'display_name': name.title()})['id']


def new_instance(emulator, name='pd', integration='pagerduty'):
    return konnect(emulator, 'POST', '/v1/integration-instances', {'integration_name': integration, 'name': name, 'display_name': name, 'config': {}})['id']


# -- catalog_service ------------------------------------------------------------------------------------------------------


def test_catalog_service_lifecycle(emulator):
    module = Module(emulator, 'catalog_service')
    created = assert_lifecycle(module, create=dict(name='billing', display_name='Billing', labels={'team': 'pay'}, custom_fields={'owner': 'Jane'}),
                               update=dict(description='Invoices', labels={'team': 'payments'}))
    assert created['custom_fields'] == {'owner': 'Jane'}


def test_labels_are_purged_on_request(emulator):
    module = Module(emulator, 'catalog_service')
    module(name='billing', display_name='Billing', labels={'a': '1', 'b': '2'})
    purged = module(name='billing', labels={'a': '1'}, purge_labels=True)
    assert purged['changed'] and returned(module, purged)['labels'] == {'a': '1'}
    instances = Module(emulator, 'catalog_integration_instance')
    instances(integration_name='github', name='gh', display_name='GitHub', labels={'a': '1', 'b': '2'})
    purged = instances(name='gh', labels={'b': '2'}, purge_labels=True)
    assert purged['changed'] and returned(instances, purged)['labels'] == {'b': '2'}


def test_catalog_service_rename_by_id_is_one_request_when_unchanged(emulator):
    service = new_service(emulator)
    module = Module(emulator, 'catalog_service')
    result, sent = module.counted(id=service, name='billing')
    assert not result['changed'] and len(sent) == 1
    renamed = module(id=service, name='billing-v2', diff=True)
    assert renamed['changed'] and renamed['diff']['before']['name'] == 'billing' and renamed['diff']['after']['name'] == 'billing-v2'


def test_catalog_service_refuses_bad_input(emulator):
    new_service(emulator, 'taken')
    service = new_service(emulator)
    module = Module(emulator, 'catalog_service')
    assert_refused(module, dict(name='Billing Service', display_name='B'), 'name', 'lower-case')
    assert_refused(module, dict(name='new-one'), 'display_name', 'required')
    assert_refused(module, dict(id=MISSING, name='x'), 'id', MISSING)
    # a rename onto a taken name: Konnect's 409, nothing changed
    result = module(id=service, name='taken')
    assert result['failed'] and 'already exists' in result['msg']
    assert konnect(emulator, 'GET', '/v1/catalog-services/%s' % service)['name'] == 'billing'


def test_a_service_name_is_unique(emulator):
    new_service(emulator)
    status, body = answer(emulator, 'POST', '/v1/catalog-services', {'name': 'billing', 'display_name': 'Again'})
    assert status == 409 and 'already exists' in body['detail']


def test_catalog_service_info(emulator):
    service = new_service(emulator)
    new_service(emulator, 'payments')
    info = Module(emulator, 'catalog_service_info')
    assert [item['id'] for item in info(name='billing')['catalog_services']] == [service]
    assert [item['name'] for item in info(id=service)['catalog_services']] == ['billing']
    assert sorted(item['name'] for item in info()['catalog_services']) == ['billing', 'payments']
    assert [item['name'] for item in info(filters={'name': {'contains': 'pay'}})['catalog_services']] == ['payments']


# -- catalog_integration_instance -----------------------------------------------------------------------------------------


def test_integration_instance_lifecycle(emulator):
    module = Module(emulator, 'catalog_integration_instance')
    created = assert_lifecycle(module, create=dict(integration_name='pagerduty', name='pd', display_name='PagerDuty', config={'account_region': 'eu'}),
                               update=dict(display_name='PagerDuty (prod)', labels={'env': 'prod'}))
    assert created['integration']['name'] == 'pagerduty' and not created['authorized']


def test_integration_instance_credential_is_write_only(emulator):
    module = Module(emulator, 'catalog_integration_instance')
    credential = {'type': 'multi_key_auth', 'config': {'headers': [{'name': 'authorization', 'key': KEY}]}}
    base = dict(integration_name='pagerduty', name='pd', display_name='PagerDuty')
    predicted, sent = module.counted(check_mode=True, diff=True, auth_credential=credential, **base)
    assert predicted['changed'] and not writes(sent) and KEY not in str(predicted)
    created = module(diff=True, auth_credential=credential, **base)
    assert created['changed'] and KEY not in str(created)
    assert created['auth_credential']['type'] == 'multi_key_auth' and created['diff']['after']['auth_credential']['config'] == '********'
    assert konnect(emulator, 'GET', '/v1/integration-instances/%s' % returned(module, created)['id'])['authorized']
    again, sent = module.counted(auth_credential=credential, **base)
    assert not again['changed'] and len(sent) == 2, [(r['method'], r['path']) for r in sent]
    rotated = module(auth_credential={'type': 'multi_key_auth', 'config': {'headers': [{'name': 'authorization', 'key': NEW_KEY}]}},
                     update_secrets='always', **base)
    assert rotated['changed'] and NEW_KEY not in str(rotated)
    gone = module(name='pd', state='absent')
    assert gone['changed']


def test_integration_instance_auth_config_is_compared_without_its_secret(emulator):
    instance = new_instance(emulator, 'gitlab', 'gitlab')
    module = Module(emulator, 'catalog_integration_instance')
    config = dict(client_id='c1', client_secret=CLIENT_SECRET, authorization_endpoint='https://gitlab.example.com/oauth/authorize',
                  token_endpoint='https://gitlab.example.com/oauth/token')
    planned, sent = module.counted(check_mode=True, id=instance, auth_config=config)
    assert planned['changed'] and not writes(sent)
    done = module(id=instance, auth_config=config, diff=True)
    assert done['changed'] and CLIENT_SECRET not in str(done) and done['auth_config']['client_id'] == 'c1'
    again, sent = module.counted(id=instance, auth_config=config)
    assert not again['changed'] and len(sent) == 2
    changed = module(id=instance, auth_config=dict(config, client_id='c2'), diff=True)
    assert changed['changed'] and changed['diff']['before']['auth_config']['client_id'] == 'c1'
    assert changed['diff']['after']['auth_config']['client_id'] == 'c2'
    assert konnect(emulator, 'GET', '/v1/integration-instances/%s/auth-config' % instance)['client_id'] == 'c2'


def test_integration_instance_refuses_bad_input(emulator):
    new_instance(emulator)
    module = Module(emulator, 'catalog_integration_instance')
    assert_refused(module, dict(name='pd', integration_name='github', display_name='x'), 'integration_name', 'cannot be changed')
    assert_refused(module, dict(name='new', display_name='x'), 'integration_name', 'required')
    assert_refused(module, dict(name='Not Valid', integration_name='github', display_name='x'), 'name')
    assert_refused(module, dict(name='pd', auth_config=dict(client_id='c', authorization_endpoint='https://a', token_endpoint='https://t')),
                   'client_secret')
    assert_refused(module, dict(name='new', integration_name='no-such-integration', display_name='x'), 'integration_name', 'no-such-integration',
                   'pagerduty')
    assert_refused(module, dict(name='new', integration_name='no-such-integration', display_name='x'), 'integration_name', check_mode=True)


def test_integration_instance_info(emulator):
    instance = new_instance(emulator)
    new_instance(emulator, 'gh', 'github')
    info = Module(emulator, 'catalog_integration_instance_info')
    assert [item['id'] for item in info(name='pd')['catalog_integration_instances']] == [instance]
    assert [item['name'] for item in info(filters={'integration.name': 'github'})['catalog_integration_instances']] == ['gh']
    assert len(info()['catalog_integration_instances']) == 2


def test_the_auth_credential_answers(emulator):
    instance = new_instance(emulator)
    path = '/v1/integration-instances/%s/auth-credential' % instance
    assert answer(emulator, 'GET', path)[0] == 404
    body = {'type': 'multi_key_auth', 'config': {'headers': [{'name': 'x', 'key': KEY}]}}
    status, created = answer(emulator, 'POST', path, body)
    assert status == 201 and KEY not in str(created)
    assert answer(emulator, 'POST', path, body)[0] == 409
    assert answer(emulator, 'DELETE', path)[0] == 204
    assert not konnect(emulator, 'GET', '/v1/integration-instances/%s' % instance)['authorized']


# -- catalog_resource_mapping ---------------------------------------------------------------------------------------------


def test_resource_mapping_by_config_lifecycle(emulator):
    new_service(emulator)
    new_instance(emulator)
    module = Module(emulator, 'catalog_resource_mapping')
    args = dict(service='billing', integration_instance='pd', resource_type='pagerduty_service', resource_config={'id': 'P123'})
    predicted, sent = module.counted(check_mode=True, diff=True, **args)
    assert predicted['changed'] and not writes(sent)
    created = module(diff=True, **args)
    assert created['changed'] and returned(module, created)['resource']['config'] == {'id': 'P123'}
    again, sent = module.counted(**args)
    assert not again['changed'] and len(sent) == 2  # the service by name, then its mappings
    resource = returned(module, created)['resource']['id']
    by_id, sent = module.counted(service=returned(module, created)['service']['id'], resource=resource)
    assert not by_id['changed'] and len(sent) == 1
    planned, sent = module.counted(check_mode=True, state='absent', **args)
    assert planned['changed'] and not writes(sent)
    assert module(state='absent', **args)['changed']
    twice, sent = module.counted(state='absent', **args)
    assert not twice['changed'] and not writes(sent)


def test_resource_mapping_by_resource_id_and_its_info(emulator):
    service = new_service(emulator)
    new_service(emulator, 'payments')
    new_instance(emulator)
    module = Module(emulator, 'catalog_resource_mapping')
    first = returned(module, module(service='payments', integration_instance='pd', resource_type='pagerduty_service', resource_config={'id': 'P1'}))
    resource = first['resource']['id']
    created = assert_lifecycle_of_mapping(module, dict(service=service, resource=resource))
    assert created['resource']['id'] == resource
    info = Module(emulator, 'catalog_resource_mapping_info')
    assert [item['service']['name'] for item in info(filters={'service.name': 'payments'})['catalog_resource_mappings']] == ['payments']
    assert [item['id'] for item in info(id=first['id'])['catalog_resource_mappings']] == [first['id']]
    removed, sent = module.counted(id=first['id'], state='absent')
    assert removed['changed'] and [r['method'] for r in writes(sent)] == ['DELETE']
    assert info(id=first['id'])['catalog_resource_mappings'] == []


def assert_lifecycle_of_mapping(module, args):
    created = module(diff=True, **args)
    assert created['changed'] and created['diff']['after']['resource']
    again, sent = module.counted(**args)
    assert not again['changed'] and len(sent) == 1
    assert module(state='absent', **args)['changed']
    assert not module(state='absent', **args)['changed']
    return returned(module, created)


def test_resource_mapping_refuses_bad_input(emulator):
    new_service(emulator)
    new_instance(emulator)
    module = Module(emulator, 'catalog_resource_mapping')
    assert_refused(module, dict(service='nope', resource='AAAAAAAAAAAAAAAA'), 'service', 'nope')
    assert_refused(module, dict(service='billing', resource='AAAAAAAAAAAAAAAA', resource_type='x'), 'resource', 'once')
    assert_refused(module, dict(service='billing', integration_instance='pd'), 'resource_type', 'resource_config')
    assert_refused(module, dict(service='billing', resource='AAAAAAAAAAAAAAAA'), 'resource', 'AAAAAAAAAAAAAAAA')
    assert_refused(module, dict(service='billing', integration_instance='nope', resource_type='t', resource_config={'id': 1}), 'integration_instance', 'nope')
    assert_refused(module, dict(service='billing', integration_instance=MISSING, resource_type='t', resource_config={'id': 1}), 'integration_instance', MISSING)
    assert_refused(module, dict(service=MISSING, integration_instance='pd', resource_type='t', resource_config={'id': 1}), 'service', MISSING)
    assert konnect(emulator, 'GET', '/v1/resource-mappings')['data'] == []


def test_a_resource_maps_once_and_goes_with_its_service(emulator):
    service = new_service(emulator)
    new_instance(emulator)
    body = {'service': 'billing', 'resource': {'integration_instance': 'pd', 'type': 'pagerduty_service', 'config': {'id': 'P1'}}}
    assert answer(emulator, 'POST', '/v1/resource-mappings', body)[0] == 201
    assert answer(emulator, 'POST', '/v1/resource-mappings', body)[0] == 409
    assert answer(emulator, 'DELETE', '/v1/catalog-services/%s' % service)[0] == 204
    assert konnect(emulator, 'GET', '/v1/resource-mappings')['data'] == []


# -- catalog_api_mapping --------------------------------------------------------------------------------------------------


def test_api_mapping_lifecycle(emulator):
    service = new_service(emulator)
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'payments'})['id']
    module = Module(emulator, 'catalog_api_mapping')
    predicted, sent = module.counted(check_mode=True, catalog_service=service, api='payments')
    assert predicted['changed'] and not writes(sent)
    created = module(catalog_service=service, api='payments', diff=True)
    assert created['changed'] and returned(module, created)['api_id'] == api and returned(module, created)['service_id'] == service
    assert created['diff']['before'] == {} and created['diff']['after']['api'] == 'payments (%s)' % api
    again, sent = module.counted(catalog_service=service, api=api)
    assert not again['changed'] and len(sent) == 1
    assert module(catalog_service='billing', api='payments', state='absent')['changed']
    twice, sent = module.counted(catalog_service=service, api=api, state='absent')
    assert not twice['changed'] and not writes(sent)


def test_api_mapping_refuses_bad_input_and_its_info(emulator):
    service = new_service(emulator)
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'payments'})['id']
    module = Module(emulator, 'catalog_api_mapping')
    assert_refused(module, dict(catalog_service=service, api='nope'), 'api', 'nope')
    assert_refused(module, dict(catalog_service='nope', api=api), 'catalog_service', 'nope')
    assert_refused(module, dict(catalog_service=MISSING, api=api), 'catalog_service', MISSING)
    assert_refused(module, dict(catalog_service=service, api=MISSING), 'api', MISSING)
    module(catalog_service=service, api=api)
    info = Module(emulator, 'catalog_api_mapping_info')
    assert [item['api_id'] for item in info(catalog_service='billing')['catalog_api_mappings']] == [api]
    assert info(catalog_service='billing', filters={'api_id': MISSING})['catalog_api_mappings'] == []
    status, _body = answer(emulator, 'POST', '/v1/catalog-services/%s/api-mappings' % service, {'api_id': api})
    assert status == 409


# -- catalog_scorecard ----------------------------------------------------------------------------------------------------


def test_scorecard_lifecycle(emulator):
    module = Module(emulator, 'catalog_scorecard')
    created = assert_lifecycle(module, create=dict(name='Docs', entity_selector=ALL_SERVICES, criteria=[CRITERION]),
                               update=dict(description='Documented services', criteria=[CRITERION, dict(CRITERION, template_name='has_apis')]),
                               noop_requests=2)
    assert created['criteria'] == [CRITERION]


def test_scorecard_criteria_alone_are_compared(emulator):
    module = Module(emulator, 'catalog_scorecard')
    module(name='Docs', entity_selector=ALL_SERVICES, criteria=[CRITERION])
    changed = module(name='Docs', criteria=[dict(CRITERION, enabled=False)], diff=True)
    assert changed['changed'] and changed['diff']['after']['criteria'][0]['enabled'] is False
    scorecard = returned(module, changed)['id']
    stored = konnect(emulator, 'GET', '/v1/scorecards/%s/criteria' % scorecard)['data']
    assert [item['enabled'] for item in stored] == [False]
    assert not module(name='Docs', criteria=[dict(CRITERION, enabled=False)])['changed']


def test_scorecard_refuses_bad_input_and_its_info(emulator):
    module = Module(emulator, 'catalog_scorecard')
    assert_refused(module, dict(name='Docs', criteria=[CRITERION]), 'entity_selector', 'required')
    assert_refused(module, dict(name='Docs', entity_selector=ALL_SERVICES), 'criteria', 'required')
    assert_refused(module, dict(name='Docs', entity_selector=ALL_SERVICES, criteria=[CRITERION], scorecard_template='nope'), 'scorecard_template')
    assert_refused(module, dict(name='Docs', entity_selector={'selector': 'nope'}, criteria=[CRITERION]), 'selector', 'nope')
    assert_refused(module, dict(name='Docs', entity_selector=ALL_SERVICES, criteria=[{'enabled': True}]), 'template_name')
    assert konnect(emulator, 'GET', '/v1/scorecards')['data'] == []
    module(name='Docs', entity_selector=ALL_SERVICES, criteria=[CRITERION])
    info = Module(emulator, 'catalog_scorecard_info')
    assert [item['name'] for item in info(name='Docs')['catalog_scorecards']] == ['Docs']
    assert len(info()['catalog_scorecards']) == 1
