# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API Builder v3 modules against the emulator: APIs, versions, specifications, documents, implementations, publications
and API packages with their documents, operations, current specification and publications; and the emulator's answers
they rely on.

Portals, auth strategies, control planes and services are set up over HTTP with ``konnect()`` (their modules belong to
other families)."""

from __future__ import annotations

import json

import pytest
import requests

from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN, connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    assert_refused_after_checks,
    konnect,
    writes,
)

VALIDATE = '/v3/apis/validate-specification'
UNKNOWN_ID = '99999999-9999-4999-8999-999999999999'
SPEC_JSON = json.dumps({'openapi': '3.0.3', 'info': {'title': 'Orders', 'version': '1.0.0'},
                        'paths': {'/orders': {'get': {'responses': {'200': {'description': 'ok'}}}}}})
# The same specification as YAML: other key order, an integer response key, unquoted scalars.
SPEC_YAML = '''openapi: 3.0.3
paths:
  /orders:
    get:
      responses:
        200:
          description: ok
info:
  version: 1.0.0
  title: Orders
'''
SPEC_V2 = SPEC_JSON.replace('"ok"', '"the orders"')
SPEC_WITHOUT_TITLE = json.dumps({'openapi': '3.0.3', 'info': {'version': '1'}, 'paths': {}})


# -- set-up over HTTP ------------------------------------------------------------------------------


def answer(emulator, method, path, body=None):
    """Konnect's status and body, whatever the status (``konnect()`` insists on success)."""
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


def an_api(emulator, name='Orders', version='v1', **fields):
    return konnect(emulator, 'POST', '/v3/apis', dict({'name': name, 'version': version}, **fields))['id']


def a_service(emulator, name='orders'):
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'cp-' + name})['id']
    service = konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/services' % control_plane, {'name': name, 'host': name + '.internal'})
    return control_plane, service['id']


def a_portal(emulator, name='developers', **fields):
    return konnect(emulator, 'POST', '/v3/portals', dict({'name': name}, **fields))['id']


def a_strategy(emulator, name='key-auth'):
    return konnect(emulator, 'POST', '/v2/application-auth-strategies', {
        'name': name, 'display_name': name, 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['apikey']}}})['id']


def a_package(emulator, name='Partners', **fields):
    return konnect(emulator, 'POST', '/v3/api-packages', dict({'name': name, 'version': 'v1'}, **fields))['id']


def an_enforcing_api(emulator, name='Orders'):
    """An API with operations: a specification, and a whole control plane implementing it (access control enforcement)."""
    api = an_api(emulator, name)
    konnect(emulator, 'POST', '/v3/apis/%s/versions' % api, {'spec': {'content': SPEC_JSON}})
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'ace-' + name})['id']
    konnect(emulator, 'POST', '/v3/apis/%s/implementations' % api, {'control_plane': {'control_plane_id': control_plane}})
    return api


def methods(sent):
    return [(request['method'], request['path']) for request in sent]


# -- APIs ------------------------------------------------------------------------------------------


def test_api(emulator):
    api = Module(emulator, 'api')
    created = assert_lifecycle(api, create=dict(name='Orders', version='v1', description='one', labels={'team': 'a'}, attributes={'env': ['prod']}),
                               update=dict(description='two', attributes={'env': ['prod', 'test']}))
    assert created['slug'] == 'orders-v1'  # slugify(name + version), as Konnect's example (myAPI v1 -> my-api-v1)
    assert_refused(api, dict(id=UNKNOWN_ID, name='x'), 'id', UNKNOWN_ID)


def test_api_attributes_are_set_as_a_whole(emulator):
    api = Module(emulator, 'api')
    api(name='Orders', attributes={'env': ['prod'], 'domains': ['web']})
    result = api(name='Orders', attributes={'env': ['prod']}, diff=True)
    assert result['changed'] and result['api']['attributes'] == {'env': ['prod']}
    assert not api(name='Orders', attributes={'env': ['prod']})['changed']


def test_server_computed_fields_never_make_a_change(emulator):
    """TF #262: publishing an API or giving it a version must not make the API's own task report a change."""
    api = Module(emulator, 'api')
    api_id = api(name='Orders', version='v1', description='d')['api']['id']
    konnect(emulator, 'POST', '/v3/apis/%s/versions' % api_id, {'spec': {'content': SPEC_JSON}})
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api_id, a_portal(emulator)), {'visibility': 'public'})
    control_plane, service = a_service(emulator)
    konnect(emulator, 'POST', '/v3/apis/%s/implementations' % api_id, {'service': {'control_plane_id': control_plane, 'id': service}})
    again, sent = api.counted(name='Orders', version='v1', description='d', diff=True)
    assert not again['changed'] and len(sent) == 1
    shown = again['api']
    assert shown['portals'][0]['name'] == 'developers' and shown['current_version_summary']['version'] == '1.0.0'
    assert shown['implementation_mode'] == 'gateway_entity_binding' and shown['api_spec_ids']


def test_an_api_without_version_is_another_api(emulator):
    api = Module(emulator, 'api')
    versioned = api(name='Orders', version='v1')['api']
    unversioned = api(name='Orders')['api']
    assert unversioned['id'] != versioned['id'] and unversioned['version'] is None
    assert not api(name='Orders')['changed']


def test_name_and_version_are_unique(emulator):
    an_api(emulator)
    status, body = answer(emulator, 'POST', '/v3/apis', {'name': 'Orders', 'version': 'v1'})
    assert status == 409 and 'name + version' in body['detail']
    other = an_api(emulator, version='v2')
    status, body = answer(emulator, 'PATCH', '/v3/apis/%s' % other, {'version': 'v1'})
    assert status == 409
    status, body = answer(emulator, 'POST', '/v3/apis', {'name': 'Other', 'slug': 'orders-v1'})
    assert status == 409 and 'slug' in body['detail']
    api = Module(emulator, 'api')
    assert_refused(api, dict(id=other, version='v1'), 'name and version', "'Orders' version 'v1'", 'unique')
    assert_refused(api, dict(name='Payments', slug='orders-v1'), 'slug', "API 'Orders'", 'unique')


def test_spec_content_on_create_makes_the_version(emulator):
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'Orders', 'spec_content': SPEC_YAML})
    assert api['current_version_summary']['version'] == '1.0.0' and 'spec_content' not in api
    status, body = answer(emulator, 'POST', '/v3/apis', {'name': 'Other', 'spec_content': SPEC_WITHOUT_TITLE})
    assert status == 400 and body['validation_errors'][0]['path'] == '#/info/title'
    assert [item['name'] for item in konnect(emulator, 'GET', '/v3/apis')['data']] == ['Orders']  # nothing half made


def test_api_info(emulator):
    first = an_api(emulator)
    an_api(emulator, version='v2')
    an_api(emulator, 'Payments')
    info = Module(emulator, 'api_info')
    assert sorted(item['version'] for item in info(name='Orders')['apis']) == ['v1', 'v2']
    assert [item['id'] for item in info(id=first)['apis']] == [first]
    assert len(info()['apis']) == 3
    assert [item['name'] for item in info(filters={'name': {'contains': 'Pay'}})['apis']] == ['Payments']


# -- the api option of children ---------------------------------------------------------------------


def test_an_api_is_named_with_its_version_when_names_repeat(emulator):
    v1 = an_api(emulator)
    v2 = an_api(emulator, version='v2')
    version = Module(emulator, 'api_version')
    refused = assert_refused(version, dict(api='Orders', content=SPEC_JSON), "2 APIs are named 'Orders'", v1, v2, 'api_version')
    assert "version 'v1'" in refused['msg'] and "version 'v2'" in refused['msg']
    created = version(api='Orders', api_version='v2', content=SPEC_JSON)
    assert not created.get('failed') and konnect(emulator, 'GET', '/v3/apis/%s/versions' % v2)['data']
    assert not konnect(emulator, 'GET', '/v3/apis/%s/versions' % v1)['data']
    assert_refused(version, dict(api='Orders', api_version='v3', content=SPEC_JSON), "no API named 'Orders' with version 'v3'")
    assert_refused(version, dict(api='Nope', content=SPEC_JSON), "no API named 'Nope'")
    assert_refused(version, dict(api=UNKNOWN_ID, content=SPEC_JSON), 'api', UNKNOWN_ID)


# -- versions and specifications ---------------------------------------------------------------------


def test_api_version(emulator):
    api = an_api(emulator)
    version = Module(emulator, 'api_version')
    # the list holds summaries without the content, which is read from the one version: 2 requests when nothing changes
    assert_lifecycle(version, create=dict(api=api, version='1.0.0', content=SPEC_JSON), update=dict(version='1.1.0', content=SPEC_V2),
                     noop_requests=2)


def test_a_new_version_string_updates_the_one_version(emulator):
    """kongctl's api_version_adapter planned a second version, which Konnect refuses ("At most one api specification")."""
    api = an_api(emulator)
    version = Module(emulator, 'api_version')
    first = version(api=api, version='1.0.0', content=SPEC_JSON)['api_version']
    result, sent = version.counted(api=api, version='2.0.0', content=SPEC_JSON)
    assert result['changed'] and result['api_version']['id'] == first['id'] and result['api_version']['version'] == '2.0.0'
    assert methods(writes(sent)) == [('PATCH', '/v3/apis/%s/versions/%s' % (api, first['id']))]
    status, body = answer(emulator, 'POST', '/v3/apis/%s/versions' % api, {'spec': {'content': SPEC_JSON}})
    assert status == 409 and body['detail'] == "Specification for API '%s' already exists" % api


def test_the_version_string_defaults_to_the_specification(emulator):
    api = an_api(emulator)
    assert Module(emulator, 'api_version')(api=api, content=SPEC_YAML)['api_version']['version'] == '1.0.0'
    other = an_api(emulator, 'Other')
    status, body = answer(emulator, 'POST', '/v3/apis/%s/versions' % other,
                          {'spec': {'content': json.dumps({'openapi': '3.0.3', 'info': {'title': 't'}, 'paths': {}})}})
    assert status == 400  # without info.version the spec's own title check fails first, as the validation endpoint says
    status, body = answer(emulator, 'POST', '/v3/apis/validate-specification', {'content': json.dumps({'asyncapi': '3.0.0', 'info': {'title': 't'}})})
    assert status == 400 and body['validation_errors'] == [{'path': '#/info/version', 'message': "Field 'version' is required."}]


def test_specifications_compare_as_data(emulator):
    api = an_api(emulator)
    specification = Module(emulator, 'api_specification')
    specification(api=api, content=SPEC_JSON)
    again, sent = specification.counted(api=api, content=SPEC_YAML)
    assert not again['changed'] and not writes(sent)
    changed = specification(api=api, content=SPEC_YAML.replace('description: ok', 'description: all orders'), diff=True)
    assert changed['changed'] and 'all orders' in changed['diff']['after']['content']
    assert changed['api_specification']['spec']['content'].startswith('openapi: 3.0.3')  # sent as given, YAML stays YAML


def test_api_specification(emulator):
    api = an_api(emulator)
    specification = Module(emulator, 'api_specification')
    assert_lifecycle(specification, create=dict(api=api, content=SPEC_JSON), update=dict(content=SPEC_V2), noop_requests=2)


def test_a_specification_from_a_file(emulator, tmp_path):
    api = an_api(emulator)
    path = tmp_path / 'orders.yaml'
    path.write_text(SPEC_YAML)
    specification = Module(emulator, 'api_specification')
    created = specification(api=api, src=str(path))
    assert created['changed'] and created['api_specification']['spec']['content'] == SPEC_YAML
    assert not specification(api=api, src=str(path))['changed']
    assert not specification(api=api, content=SPEC_JSON)['changed']
    assert_refused(specification, dict(api=api, src=str(tmp_path / 'missing.yaml')), 'src', 'missing.yaml')
    assert_refused(specification, dict(api=api, src=str(path), content=SPEC_JSON), 'content and src')


def test_a_specification_konnect_refuses_is_never_written(emulator):
    api = an_api(emulator)
    for name in ('api_version', 'api_specification'):
        module = Module(emulator, name)
        refused = assert_refused_after_checks(module, dict(api=api, content=SPEC_WITHOUT_TITLE), (VALIDATE,),
                                              'content', "#/info/title: Field 'title' is required")
        assert 'nothing was written' in refused['msg']
        assert_refused(module, dict(api=api, content='openapi: [not yaml'), 'content', 'JSON or YAML')  # no request at all
        assert_refused(module, dict(api=api, content='just words'), 'content', 'JSON or YAML')
    assert not konnect(emulator, 'GET', '/v3/apis/%s/versions' % api)['data']
    Module(emulator, 'api_version')(api=api, content=SPEC_JSON)
    bad_response = SPEC_JSON.replace('{"description": "ok"}', '{}')
    assert_refused_after_checks(Module(emulator, 'api_specification'), dict(api=api, content=bad_response), (VALIDATE,),
                                "#/paths/~1orders/get/responses/200: Response '200' requires a 'description'")


def test_check_mode_does_not_call_the_validation_endpoint(emulator):
    api = an_api(emulator)
    result, sent = Module(emulator, 'api_specification').counted(check_mode=True, api=api, content=SPEC_WITHOUT_TITLE)
    assert result['changed'] and not writes(sent)


def test_konnect_notes_on_a_specification_are_warnings(emulator):
    api = an_api(emulator)
    order = {'description': 'ok', 'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Order'}}}}
    dangling = SPEC_JSON.replace('{"description": "ok"}', json.dumps(order))
    warnings = []
    task = Module(emulator, 'api_specification').task
    params = dict(connection(emulator), api=api, api_version=None, content=dangling, src=None, id=None, state='present')
    result = task.execute(params, warn=warnings.append)
    assert result['changed'] and any("'#/components/schemas/Order' does not exist" in warning for warning in warnings)
    assert result['api_specification']['spec']['validation_messages']


def test_version_info_and_specification_info(emulator):
    api = an_api(emulator)
    version = Module(emulator, 'api_version')(api=api, content=SPEC_JSON)['api_version']
    listed = Module(emulator, 'api_version_info')(api=api)['api_versions']
    assert [item['id'] for item in listed] == [version['id']] and 'content' not in listed[0]['spec']
    assert Module(emulator, 'api_version_info')(api=api, id=version['id'])['api_versions'][0]['spec']['content'] == SPEC_JSON
    assert Module(emulator, 'api_version_info')(api=api, filters={'version': '9'})['api_versions'] == []
    specifications = Module(emulator, 'api_specification_info')(api=api)['api_specifications']
    assert [item['spec']['content'] for item in specifications] == [SPEC_JSON]
    assert Module(emulator, 'api_specification_info')(api=an_api(emulator, 'Bare'))['api_specifications'] == []
    by_id = Module(emulator, 'api_specification_info')(api='Orders', api_version='v1', id=version['id'])['api_specifications']
    assert [item['spec']['content'] for item in by_id] == [SPEC_JSON]


def test_the_deprecated_specifications_show_the_version(emulator):
    api = an_api(emulator)
    version = konnect(emulator, 'POST', '/v3/apis/%s/versions' % api, {'spec': {'content': SPEC_JSON}})
    listed = konnect(emulator, 'GET', '/v3/apis/%s/specifications' % api)['data']
    assert [item['id'] for item in listed] == [version['id']] and listed[0]['type'] == 'oas3'
    status, body = answer(emulator, 'POST', '/v3/apis/%s/specifications' % api, {'content': SPEC_JSON})
    assert status == 409


# -- documents -------------------------------------------------------------------------------------


def test_api_document(emulator):
    api = an_api(emulator)
    document = Module(emulator, 'api_document')
    parent = document(api=api, slug='guides', content='# Guides')['api_document']
    # found by slug in the tree and read in full for its content: 2 requests when nothing changes
    created = assert_lifecycle(document, create=dict(api=api, slug='start', title='Start', content='# Start', parent_document='guides', status='published'),
                               update=dict(content='# Start here', status='unpublished'), noop_requests=2)
    assert created['parent_document_id'] == parent['id']


def test_a_nested_document_is_never_created_again(emulator):
    """kongctl #36: an existing document was planned as a create and got 409."""
    api = an_api(emulator)
    document = Module(emulator, 'api_document')
    document(api=api, slug='guides', content='# Guides')
    document(api=api, slug='auth', content='# Auth', parent_document='guides')
    deep = document(api=api, slug='keys', content='# Keys', parent_document='auth')['api_document']
    again, sent = document.counted(api=api, slug='keys', content='# Keys', parent_document='auth')
    assert not again['changed'] and not writes(sent) and again['api_document']['id'] == deep['id']
    moved, sent = document.counted(api=api, slug='keys', parent_document='')
    assert moved['changed'] and moved['api_document']['parent_document_id'] is None
    assert methods(writes(sent)) == [('PATCH', '/v3/apis/%s/documents/%s' % (api, deep['id']))]
    tree = konnect(emulator, 'GET', '/v3/apis/%s/documents' % api)['data']
    assert sorted(item['slug'] for item in tree) == ['guides', 'keys']


def test_a_document_slug_that_collides_is_refused(emulator):
    api = an_api(emulator)
    document = Module(emulator, 'api_document')
    document(api=api, slug='guides', content='# Guides')
    other = document(api=api, slug='faq', content='# FAQ')['api_document']
    assert_refused(document, dict(api=api, id=other['id'], slug='guides'), 'slug', 'guides', 'unique')
    assert_refused(document, dict(api=api, slug='faq', parent_document='nope'), 'parent_document', 'nope')
    assert_refused(document, dict(api=api, slug='faq', parent_document='faq'), 'parent_document', 'itself')
    assert_refused(document, dict(api=api, slug='faq', parent_document=UNKNOWN_ID), 'parent_document', UNKNOWN_ID)
    assert_refused(document, dict(api=api, slug='new', title='New'), 'content', 'required')
    status, body = answer(emulator, 'POST', '/v3/apis/%s/documents' % api, {'slug': 'guides', 'content': 'x'})
    assert status == 409 and 'must be unique' in body['detail']
    status, body = answer(emulator, 'POST', '/v3/apis/%s/documents' % api, {'slug': 'bad slug', 'content': 'x'})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'slug'


def test_api_document_info(emulator):
    api = an_api(emulator)
    document = Module(emulator, 'api_document')
    guides = document(api=api, slug='guides', content='# Guides', status='published')['api_document']
    document(api=api, slug='auth', content='# Auth', parent_document='guides')
    info = Module(emulator, 'api_document_info')
    listed = info(api=api)['api_documents']
    assert [item['slug'] for item in listed] == ['guides', 'auth'] and 'content' not in listed[0]
    assert listed[1]['parent_document_id'] == guides['id']
    assert [item['content'] for item in info(api=api, slug='auth')['api_documents']] == ['# Auth']
    assert [item['slug'] for item in info(api=api, filters={'status': 'unpublished'})['api_documents']] == ['auth']
    assert info(api=api, id=guides['id'])['api_documents'][0]['content'] == '# Guides'
    assert info(api=api, slug='nope')['api_documents'] == []


def test_deleting_a_document_deletes_those_under_it(emulator):
    api = an_api(emulator)
    document = Module(emulator, 'api_document')
    document(api=api, slug='guides', content='# Guides')
    document(api=api, slug='auth', content='# Auth', parent_document='guides')
    assert document(api=api, slug='guides', state='absent')['changed']
    assert konnect(emulator, 'GET', '/v3/apis/%s/documents' % api)['data'] == []


# -- implementations -------------------------------------------------------------------------------


def test_api_implementation(emulator):
    api = an_api(emulator)
    control_plane, service = a_service(emulator)
    implementation = Module(emulator, 'api_implementation')
    assert_lifecycle(implementation, create=dict(api=api, control_plane=control_plane, service=service),
                     update=dict(service=None, recreate=True), absent=dict(api=api, state='absent'))


def test_an_implementation_is_never_changed_in_place(emulator):
    api = an_api(emulator)
    implementation = Module(emulator, 'api_implementation')
    a_service(emulator)
    billing_plane, billing = a_service(emulator, 'billing')
    first = implementation(api='Orders', control_plane='cp-orders', service='orders')['api_implementation']
    refused = assert_refused(implementation, dict(api=api, control_plane=billing_plane, service=billing), 'service', 'recreate: true', billing)
    assert first['service']['id'] in refused['msg']
    recreated, sent = implementation.counted(api=api, control_plane='cp-billing', service='billing', recreate=True)
    assert recreated['changed'] and recreated['api_implementation']['service']['id'] == billing
    assert [method for method, _path in methods(writes(sent))] == ['DELETE', 'POST']
    # absent with another target leaves the API's implementation alone
    assert not implementation(api=api, control_plane='cp-orders', service='orders', state='absent')['changed']


def test_a_service_implements_one_api_only(emulator):
    an_api(emulator)
    other = an_api(emulator, 'Other')
    control_plane, service = a_service(emulator)
    implementation = Module(emulator, 'api_implementation')
    orders = implementation(api='Orders', control_plane=control_plane, service=service)['api_implementation']
    assert_refused(implementation, dict(api=other, control_plane=control_plane, service=service), 'service', 'another API', orders['api_id'])
    assert_refused(implementation, dict(api=other, control_plane=control_plane, service='nope'), 'service', 'nope')
    assert_refused(implementation, dict(api=other, control_plane='nope'), 'control_plane', 'nope')
    assert_refused(implementation, dict(api=other, control_plane=UNKNOWN_ID), 'control_plane', UNKNOWN_ID)
    assert_refused(implementation, dict(control_plane=control_plane), 'api', 'required')
    status, body = answer(emulator, 'POST', '/v3/apis/%s/implementations' % other, {'service': {'control_plane_id': control_plane, 'id': service}})
    assert status == 409 and body['detail'] == 'This gateway service is already linked to another API'
    status, body = answer(emulator, 'POST', '/v3/apis/%s/implementations' % orders['api_id'], {'control_plane': {'control_plane_id': control_plane}})
    assert status == 409 and body['detail'] == 'An implementation already exists for this API'
    status, body = answer(emulator, 'POST', '/v3/apis/%s/implementations' % other, {'service': {'control_plane_id': control_plane, 'id': UNKNOWN_ID}})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'service.id'


def test_api_implementation_info(emulator):
    orders = an_api(emulator)
    control_plane, service = a_service(emulator)
    Module(emulator, 'api_implementation')(api=orders, control_plane=control_plane, service=service)
    enforcing = an_enforcing_api(emulator, 'Payments')
    info = Module(emulator, 'api_implementation_info')
    assert sorted(item['api_id'] for item in info()['api_implementations']) == sorted([orders, enforcing])
    assert [item['service']['id'] for item in info(api='Orders')['api_implementations']] == [service]
    assert [item['api_id'] for item in info(filters={'service_id': service})['api_implementations']] == [orders]
    assert info(api=enforcing)['api_implementations'][0]['control_plane']['access_control_enforcement_enabled'] is False
    first = info(api=orders)['api_implementations'][0]
    assert info(id=first['id'])['api_implementations'] == [first]


# -- publications ----------------------------------------------------------------------------------


def test_api_publication(emulator):
    api = an_api(emulator)
    portal = a_portal(emulator)
    strategy = a_strategy(emulator)
    publication = Module(emulator, 'api_publication')
    created = assert_lifecycle(publication, create=dict(api=api, portal=portal, visibility='public', auth_strategies=[strategy]),
                               update=dict(auto_approve_registrations=True))
    assert created['visibility'] == 'public' and created['auth_strategy_ids'] == [strategy] and created['api_id'] == api


def test_public_stays_public(emulator):
    """kongctl #112: a publication set public ended up private."""
    api = an_api(emulator)
    a_portal(emulator, default_api_visibility='private')
    publication = Module(emulator, 'api_publication')
    publication(api='Orders', portal='developers', visibility='public')
    changed, sent = publication.counted(api='Orders', portal='developers', auto_approve_registrations=True)
    assert changed['changed'] and changed['api_publication']['visibility'] == 'public'
    assert [request['body'] for request in writes(sent)][0]['visibility'] == 'public'  # PUT replaces: it always travels
    assert not publication(api='Orders', portal='developers', visibility='public')['changed']
    assert konnect(emulator, 'GET', '/v3/apis/%s' % api)['portals'][0]['name'] == 'developers'


def test_a_visibility_konnect_does_not_keep_fails_the_task(emulator, monkeypatch):
    api = an_api(emulator)
    portal = a_portal(emulator)
    request = KonnectClient.request

    def turns_private(self, method, path, **kwargs):
        response = request(self, method, path, **kwargs)
        if method == 'PUT':
            response.body['visibility'] = 'private'
        return response
    monkeypatch.setattr(KonnectClient, 'request', turns_private)
    result = Module(emulator, 'api_publication')(api=api, portal=portal, visibility='public')
    assert result['failed'] and "visibility 'private'" in result['msg'] and "'public' was sent" in result['msg']


def test_omitted_strategies_mean_the_portal_default_and_an_empty_list_none(emulator):
    api = an_api(emulator)
    strategy = a_strategy(emulator)
    portal = a_portal(emulator, default_application_auth_strategy_id=strategy)
    publication = Module(emulator, 'api_publication')
    assert publication(api=api, portal=portal)['api_publication']['auth_strategy_ids'] == [strategy]
    result = publication(api=api, portal=portal, visibility='public')  # left out later: kept, not reset to the default
    assert result['api_publication']['auth_strategy_ids'] == [strategy]
    none = publication(api=api, portal=portal, auth_strategies=[], diff=True)
    assert none['changed'] and none['api_publication']['auth_strategy_ids'] is None
    kept, sent = publication.counted(api=api, portal=portal, visibility='private')
    assert kept['api_publication']['auth_strategy_ids'] is None and writes(sent)[0]['body']['auth_strategy_ids'] is None
    assert not publication(api=api, portal=portal, auth_strategies=[])['changed']
    assert publication(api=api, portal=portal, auth_strategies=['key-auth'])['api_publication']['auth_strategy_ids'] == [strategy]


def test_bad_publications_are_refused_before_writing(emulator):
    api = an_api(emulator)
    portal = a_portal(emulator)
    a_strategy(emulator)
    publication = Module(emulator, 'api_publication')
    assert_refused(publication, dict(api=api, portal='nope'), 'portal', 'nope')
    assert_refused(publication, dict(api=api, portal=UNKNOWN_ID), 'portal', UNKNOWN_ID)
    assert_refused(publication, dict(api='Nope', portal=portal), 'api', 'Nope')
    assert_refused(publication, dict(api=api, portal=portal, auth_strategies=['nope']), 'auth_strategies', 'nope')
    assert_refused(publication, dict(api=api, portal=portal, auth_strategies=[UNKNOWN_ID]), 'auth_strategies', UNKNOWN_ID)
    assert_refused(publication, dict(api=api, portal=portal, auth_strategies=['key-auth', 'other']), 'at most one')
    assert_refused(publication, dict(api=api), 'portal', 'required')
    assert_refused(publication, dict(api=api, portal=portal, id=UNKNOWN_ID), 'id', 'no id')
    status, _body = answer(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, UNKNOWN_ID), {})
    assert status == 404
    status, body = answer(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, portal), {'auth_strategy_ids': [UNKNOWN_ID]})
    assert status == 400 and body['invalid_parameters'][0]['rule'] == 'missing_reference'


def test_api_publication_info(emulator):
    orders = an_api(emulator)
    payments = an_api(emulator, 'Payments')
    developers = a_portal(emulator)
    partners = a_portal(emulator, 'partners')
    publication = Module(emulator, 'api_publication')
    publication(api=orders, portal=developers, visibility='public')
    publication(api=orders, portal=partners)
    publication(api=payments, portal=partners)
    info = Module(emulator, 'api_publication_info')
    assert sorted(item['portal_id'] for item in info(api='Orders')['api_publications']) == sorted([developers, partners])
    assert sorted(item['api_id'] for item in info(portal='partners')['api_publications']) == sorted([orders, payments])
    assert [item['visibility'] for item in info(api=orders, portal=developers)['api_publications']] == ['public']
    assert len(info()['api_publications']) == 3
    assert [item['portal_id'] for item in info(filters={'visibility': 'public'})['api_publications']] == [developers]
    assert info(api=payments, portal=developers)['api_publications'] == []
    listed = konnect(emulator, 'GET', '/v3/portals/%s/api-publications' % partners)['data']
    assert sorted(item['api_id'] for item in listed) == sorted([orders, payments]) and listed[0]['portal_ids'] == [partners]


def test_deleting_an_api_deletes_what_belongs_to_it(emulator):
    api = an_api(emulator)
    konnect(emulator, 'POST', '/v3/apis/%s/versions' % api, {'spec': {'content': SPEC_JSON}})
    konnect(emulator, 'POST', '/v3/apis/%s/documents' % api, {'slug': 'a', 'content': 'a'})
    control_plane, service = a_service(emulator)
    konnect(emulator, 'POST', '/v3/apis/%s/implementations' % api, {'service': {'control_plane_id': control_plane, 'id': service}})
    portal = a_portal(emulator)
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, portal), {})
    Module(emulator, 'api')(name='Orders', version='v1', state='absent')
    assert konnect(emulator, 'GET', '/v3/api-publications')['data'] == []
    assert konnect(emulator, 'GET', '/v3/api-implementations')['data'] == []
    assert answer(emulator, 'GET', '/v3/apis/%s/versions' % api)[0] == 404
    other = an_api(emulator, 'Other')  # the service is free again
    assert answer(emulator, 'POST', '/v3/apis/%s/implementations' % other, {'service': {'control_plane_id': control_plane, 'id': service}})[0] == 201


# -- API packages ----------------------------------------------------------------------------------


def test_api_package(emulator):
    package = Module(emulator, 'api_package')
    created = assert_lifecycle(package, create=dict(name='Partners', version='v1', rate_limiting_config={'limit': 10, 'duration': 'seconds'},
                                                    labels={'team': 'p'}),
                               update=dict(description='for partners', rate_limiting_config={'limit': 20, 'duration': 'minutes'}))
    assert created['slug'] == 'partners-v1'
    an_api(emulator, 'Orders', 'v1')
    assert_refused(package, dict(name='Other', slug='orders-v1'), 'slug', "API 'Orders'")  # unique across APIs and packages
    again = package(name='Partners', version='v1')['api_package']
    info = Module(emulator, 'api_package_info')
    assert [item['name'] for item in info()['api_packages']] == ['Partners']
    assert info(name='Partners')['api_packages'][0]['id'] == again['id']
    assert info(id=again['id'])['api_packages'][0]['version'] == 'v1'


def test_api_package_document(emulator):
    package = a_package(emulator)
    document = Module(emulator, 'api_package_document')
    assert_lifecycle(document, create=dict(api_package=package, slug='terms', content='# Terms'), update=dict(title='Terms of use'),
                     noop_requests=2)
    document(api_package='Partners', slug='terms', content='# Terms')
    document(api_package='Partners', slug='faq', content='# FAQ', parent_document='terms')
    assert_refused(document, dict(api_package='Partners', slug='faq', parent_document='faq'), 'parent_document', 'itself')
    info = Module(emulator, 'api_package_document_info')
    assert [item['slug'] for item in info(api_package='Partners')['api_package_documents']] == ['terms', 'faq']
    assert [item['content'] for item in info(api_package='Partners', slug='faq')['api_package_documents']] == ['# FAQ']


def test_api_package_operation(emulator):
    package = a_package(emulator)
    api = an_enforcing_api(emulator)
    operation = Module(emulator, 'api_package_operation')
    created = assert_lifecycle(operation, create=dict(api_package=package, api=api, method='GET', path='/orders'),
                               update=dict(rate_limiting_config={'limit': 5, 'duration': 'seconds'}), noop_requests=2)
    assert created['api']['id'] == api and created['method'] == 'GET' and created['path'] == '/orders'
    # by the operation's id: one request when nothing changes
    operation_id = konnect(emulator, 'GET', '/v3/apis/%s/operations' % api)['data'][0]['id']
    assert_lifecycle(operation, create=dict(api_package=package, operation=operation_id),
                     update=dict(rate_limiting_config={'limit': 5, 'duration': 'seconds'}))


def test_api_package_operations_refused(emulator):
    package = a_package(emulator)
    plain = an_api(emulator, 'Plain')
    enforcing = an_enforcing_api(emulator)
    operation = Module(emulator, 'api_package_operation')
    assert_refused(operation, dict(api_package=package, api=plain, method='GET', path='/orders'), 'access control enforcement')
    assert_refused(operation, dict(api_package=package, api=enforcing, method='POST', path='/orders'), 'no operation POST /orders')
    assert_refused(operation, dict(api_package=package, api=enforcing), 'method and path')
    assert_refused(operation, dict(api_package=package, api=enforcing, operation=UNKNOWN_ID), 'not both')
    assert_refused(operation, dict(api_package='Nope', operation=UNKNOWN_ID), 'api_package', 'Nope')
    path = '/v3/api-packages/%s/operations' % package
    status, body = answer(emulator, 'PATCH', path, [{'op': 'add', 'path': 'operations/' + UNKNOWN_ID}])
    assert status == 400 and body['invalid_parameters'][0]['rule'] == 'missing_reference'
    operation_id = konnect(emulator, 'GET', '/v3/apis/%s/operations' % enforcing)['data'][0]['id']
    konnect(emulator, 'PATCH', path, [{'op': 'add', 'path': 'operations/' + operation_id}])
    status, body = answer(emulator, 'PATCH', path, [{'op': 'add', 'path': 'operations/' + operation_id}])
    assert status == 409
    info = Module(emulator, 'api_package_operation_info')
    assert [item['id'] for item in info(api_package=package)['api_package_operations']] == [operation_id]
    assert info(api_package=package, filters={'method': 'POST'})['api_package_operations'] == []
    assert info(api_package=package, id=operation_id)['api_package_operations'][0]['api']['name'] == 'Orders'
    Module(emulator, 'api')(name='Orders', version='v1', state='absent')  # an API's operations leave the packages with it
    assert info(api_package=package)['api_package_operations'] == []


def test_api_package_specification(emulator):
    package = a_package(emulator)
    specification = Module(emulator, 'api_package_specification')
    assert_lifecycle(specification, create=dict(api_package=package, content=SPEC_JSON), update=dict(content=SPEC_V2))
    assert not specification(api_package=package)['changed']  # nothing to read, nothing to write
    assert not specification(api_package=package, content=SPEC_YAML).get('failed')
    assert not specification(api_package=package, content=SPEC_JSON)['changed']
    assert_refused_after_checks(specification, dict(api_package=package, content=SPEC_WITHOUT_TITLE), (VALIDATE,), "Field 'title'")


def test_api_package_publication(emulator):
    package = a_package(emulator)
    portal = a_portal(emulator)
    publication = Module(emulator, 'api_package_publication')
    created = assert_lifecycle(publication, create=dict(api_package=package, portal=portal, visibility='private', auth_strategies=[]),
                               update=dict(visibility='public'))
    assert created['auth_strategy_ids'] is None and created['api_package_id'] == package
    publication(api_package=package, portal=portal, visibility='public')
    Module(emulator, 'api_publication')(api=an_api(emulator), portal=portal)
    info = Module(emulator, 'api_package_publication_info')
    listed = info(portal=portal)['api_package_publications']
    assert [item['api_package_id'] for item in listed] == [package]  # API publications are not listed here
    assert info(api_package='Partners', portal=portal)['api_package_publications'][0]['visibility'] == 'public'
    assert_refused(publication, dict(api_package=package, portal='nope'), 'portal', 'nope')


@pytest.mark.parametrize('content, found', [
    ('{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {}}', 'oas2'),
    ('{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "webhooks": {}}', 'oas3'),
    ('asyncapi: 3.0.0\ninfo: {title: t, version: "1"}\n', 'asyncapi'),
])
def test_the_validation_endpoint_knows_the_formats(emulator, content, found):
    api = an_api(emulator)
    assert konnect(emulator, 'POST', VALIDATE, {'content': content}) == {'validation_messages': []}
    assert konnect(emulator, 'POST', '/v3/apis/%s/versions' % api, {'spec': {'content': content}})['spec']['type'] == found


@pytest.mark.parametrize('content, path', [
    ('{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}', '#/paths'),
    ('{"swagger": "3.0", "info": {"title": "t", "version": "1"}, "paths": {}}', '#'),
    ('{"asyncapi": "2.6.0", "info": {"title": "t", "version": "1"}}', '#/channels'),
    ('not: [valid', '#'),
])
def test_the_validation_endpoint_refuses(emulator, content, path):
    status, body = answer(emulator, 'POST', VALIDATE, {'content': content})
    assert status == 400 and body['validation_errors'][0]['path'] == path and body['invalid_parameters'][0]['field'] == 'content'
