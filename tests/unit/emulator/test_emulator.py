# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tests of the Konnect emulator over real HTTP (the emulator runs as a subprocess, see conftest.py)."""

import json
import os
import re
import time

import pytest
import requests

from emulator import DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER  # pylint: disable=import-error
from emulator.api import DERIVED_DIR, Api  # pylint: disable=import-error
from emulator.testing import READONLY_DEMO_TOKEN, EmulatorError, EmulatorProcess  # pylint: disable=import-error
from emulator.testing import JsonClient as Client, assert_problem, rules_by_field  # pylint: disable=import-error

AUTH = {'Authorization': 'Bearer ' + DEMO_TOKEN}
CORE = '/v2/control-planes/%s/core-entities'
PROSE = ('description', 'summary', 'example', 'examples', 'x-examples', 'title')


@pytest.fixture
def api(fresh_emulator):
    return Client(fresh_emulator.url)


def make_control_plane(client, name='cp', **fields):
    fields['name'] = name
    response = client.post('/v2/control-planes', fields)
    assert response.status_code == 201, response.text
    return response.json()


# ---- derived facts -----------------------------------------------------------


def schema_keyword_paths(node, path=''):
    """Yield paths of prose keywords used as schema keywords (not property names)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in PROSE and not path.endswith('/properties') and not path.endswith('/path_params'):
                yield path + '/' + key
            if key not in ('default', 'enum', 'const'):
                yield from schema_keyword_paths(value, path + '/' + key)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from schema_keyword_paths(item, '%s/%d' % (path, index))


def test_derived_routes_load_without_the_specs():
    api = Api()
    families = dict((route.template, route.family) for route in api.routes.values())
    assert families['/v3/teams'] == 'global'
    assert families['/v3/organizations/{organizationId}/ip-allow-list'] == 'global'
    assert families['/v2/control-planes'] == 'regional'
    assert families['/v3/portals'] == 'regional'
    assert families['/v2/application-auth-strategies'] == 'regional'
    assert api.routes['/v2/control-planes/{controlPlaneId}/core-entities/services/{ServiceId}'].kind == 'item'
    assert api.routes['/v2/control-planes/{controlPlaneId}/core-entities/routes'].store_key == 'Route'
    assert api.routes['/v2/control-planes/{controlPlaneId}/core-entities/services/{ServiceId}/routes'].store_key == 'Route'
    assert families['/api/v3/developer/me'] == 'portal'
    assert sum(len(route.ops) for route in api.routes.values()) == 923
    assert not any(name.startswith('..') or 'shared' in name for name in os.listdir(DERIVED_DIR))


def test_derived_files_hold_facts_without_prose():
    for name in sorted(os.listdir(DERIVED_DIR)):
        with open(os.path.join(DERIVED_DIR, name), encoding='utf-8') as handle:
            facts = json.load(handle)
        assert list(schema_keyword_paths(facts)) == [], name
    control_plane = Api().routes['/v2/control-planes'].ops['POST'].schemas.defs['ControlPlane']
    assert 'description' in control_plane['properties']


def test_derive_converts_openapi_schemas_to_json_schema():
    pytest.importorskip('yaml')
    from emulator.derive import SpecConverter  # pylint: disable=import-error,import-outside-toplevel
    thing = {
        'type': 'object', 'description': 'prose', 'required': ['id', 'name'], 'x-internal': True,
        'properties': {
            'id': {'type': 'string', 'readOnly': True},
            'name': {'type': 'string', 'example': 'prose'},
            'description': {'type': 'string', 'nullable': True, 'description': 'prose'},
            'kind': {'type': 'string', 'enum': ['a', 'b'], 'nullable': True},
            'child': {'$ref': '#/components/schemas/Child', 'nullable': True},
            'either': {'oneOf': [{'type': 'string'}, {'type': 'integer', 'minimum': 0, 'exclusiveMinimum': True}]},
            'secret': {'type': 'string', 'x-sensitive': True},
        },
    }
    problem = {'content': {'application/problem+json': {'schema': {'type': 'object'}}}}
    document = {
        'openapi': '3.0.3',
        'servers': [{'url': 'https://global.api.konghq.com/v9'}],
        'paths': {'/things': {
            'get': {'operationId': 'list-things', 'security': [{'personalAccessToken': []}, {'konnectAccessToken': []}],
                    'parameters': [{'name': 'page[size]', 'in': 'query', 'schema': {'type': 'integer', 'example': 5}}],
                    'responses': {'200': {'description': 'prose', 'content': {'application/json': {'schema': {
                        'type': 'object', 'properties': {'data': {'type': 'array', 'items': {'$ref': '#/components/schemas/Thing'}}}}}}}}},
            'post': {'operationId': 'create-thing', 'summary': 'prose',
                     'requestBody': {'required': True, 'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}},
                     'responses': {'201': {'content': {'application/json': {'schema': {'$ref': '#/components/schemas/Thing'}}}}, '401': problem}},
        }},
        'components': {'schemas': {'Thing': thing, 'Child': {'type': 'object', 'properties': {'n': {'type': 'integer', 'default': 1}}}}},
    }
    facts = SpecConverter('things-v9', document, 'global').derive()
    assert json.dumps(facts, sort_keys=True) == json.dumps(SpecConverter('things-v9', document, 'global').derive(), sort_keys=True)
    listing, create = facts['operations']
    assert (listing['method'], listing['path'], listing['schema_name']) == ('GET', '/v9/things', 'Thing')
    assert listing['query_params'] == [{'name': 'page[size]', 'required': False, 'schema': {'type': 'integer'}, 'style': 'form'}]
    assert (create['success_status'], create['error_statuses'], create['error_style']) == (201, [401], 'platform')
    assert (listing['security'], create['security']) == (['konnectAccessToken', 'personalAccessToken'], None)
    assert create['request']['schema'] == {'$ref': '#/$defs/Thing@request'}
    assert create['response']['schema'] == {'$ref': '#/$defs/Thing'}
    response_thing, request_thing = facts['$defs']['Thing'], facts['$defs']['Thing@request']
    assert response_thing['required'] == ['id', 'name'] and request_thing['required'] == ['name']
    assert 'description' not in response_thing and 'x-internal' not in response_thing
    properties = response_thing['properties']
    assert properties['description'] == {'type': ['string', 'null']}
    assert properties['name'] == {'type': 'string'}
    assert properties['kind'] == {'type': ['string', 'null'], 'enum': ['a', 'b', None]}
    assert properties['child'] == {'anyOf': [{'$ref': '#/$defs/Child'}, {'type': 'null'}]}
    assert properties['either'] == {'anyOf': [{'type': 'string'}, {'type': 'integer', 'exclusiveMinimum': 0}]}
    assert properties['secret'] == {'type': 'string', 'writeOnly': True}
    assert facts['$defs']['Child'] == {'type': 'object', 'properties': {'n': {'type': 'integer', 'default': 1}}}


# ---- control planes and teams (platform APIs) ----------------------------------


def test_control_plane_lifecycle(api):
    created = make_control_plane(api, 'prod', labels={'env': 'prod'}, description='Production')
    assert created['config']['cluster_type'] == 'CLUSTER_TYPE_CONTROL_PLANE'
    assert created['config']['auth_type'] == 'pinned_client_certs'
    assert created['config']['cloud_gateway'] is False
    assert created['config']['proxy_urls'] == []
    assert re.match(r'^https://[0-9a-f]{10}\.us\.cp\.konghq\.com$', created['config']['control_plane_endpoint'])
    assert re.match(r'^https://[0-9a-f]{10}\.us\.tp\.konghq\.com$', created['config']['telemetry_endpoint'])
    assert 'cluster_type' not in created and created['labels'] == {'env': 'prod'}
    assert re.match(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$', created['created_at'])

    cp_path = '/v2/control-planes/' + created['id']
    assert api.get(cp_path).json() == created
    patched = api.patch(cp_path, {'labels': {'team': 'a'}, 'auth_type': 'pki_client_certs'})
    assert patched.status_code == 200
    assert patched.json()['labels'] == {'team': 'a'}
    assert patched.json()['config']['auth_type'] == 'pki_client_certs'
    assert patched.json()['name'] == 'prod'

    body = assert_problem(api.patch(cp_path, {'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'}), 400)
    assert body['invalid_parameters'] == [{'field': 'cluster_type', 'rule': 'unknown_property', 'reason': 'unknown field', 'source': 'body'}]

    assert api.delete(cp_path).status_code == 204
    assert_problem(api.get(cp_path), 404)
    assert_problem(api.delete(cp_path), 404)


def test_control_plane_duplicate_name_conflicts(api):
    make_control_plane(api, 'dup')
    body = assert_problem(api.post('/v2/control-planes', {'name': 'dup'}), 409, 'Control Plane with provided name already exists.')
    assert body['title'] == 'Conflict'


def test_control_plane_filters_and_page_number_pagination(api):
    for index in range(15):
        make_control_plane(api, 'cp-%02d' % index, labels={'parity': 'even' if index % 2 == 0 else 'odd'})
    make_control_plane(api, 'group', cluster_type='CLUSTER_TYPE_CONTROL_PLANE_GROUP')

    first = api.get('/v2/control-planes').json()
    assert first['meta']['page'] == {'number': 1, 'size': 10, 'total': 16}
    second = api.get('/v2/control-planes', params={'page[size]': 10, 'page[number]': 2}).json()
    assert len(second['data']) == 6

    def names(params):
        response = api.get('/v2/control-planes', params=params)
        assert response.status_code == 200, response.text
        return sorted(cp['name'] for cp in response.json()['data'])

    assert names({'filter[name][eq]': 'cp-03'}) == ['cp-03']
    assert len(names({'filter[name][contains]': 'cp-1', 'page[size]': 100})) == 5
    assert names({'filter[cluster_type][eq]': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'}) == ['group']
    assert names({'filter[cloud_gateway]': 'true'}) == []
    by_name_desc = api.get('/v2/control-planes', params={'sort': 'name desc', 'page[size]': 3}).json()['data']
    assert [cp['name'] for cp in by_name_desc] == ['group', 'cp-14', 'cp-13']
    assert len(names({'labels': 'parity:odd', 'page[size]': 100})) == 7
    body = assert_problem(api.get('/v2/control-planes', params={'filter[bogus][eq]': 'x'}), 400)
    assert body['invalid_parameters'][0]['source'] == 'query'
    assert rules_by_field(assert_problem(api.get('/v2/control-planes', params={'page[size]': 'ten'}), 400)) == {'page[size]': 'is_integer'}


def test_team_lifecycle_labels_and_duplicate_names(api):
    created = api.post('/v3/teams', {'name': 'devs', 'labels': {'env': 'dev', 'tier': 'one'}})
    assert created.status_code == 201
    team = created.json()
    assert team['system_team'] is False and team['description'] is None
    # POST /v3/teams declares no 409, so a second team with the same name is created
    duplicate = api.post('/v3/teams', {'name': 'devs'})
    assert duplicate.status_code == 201
    assert api.delete('/v3/teams/' + duplicate.json()['id']).status_code == 204

    team_path = '/v3/teams/' + team['id']
    patched = api.patch(team_path, {'description': 'Developers', 'labels': {'tier': None, 'owner': 'me'}}).json()
    assert patched['labels'] == {'env': 'dev', 'owner': 'me'}
    assert patched['description'] == 'Developers'

    api.post('/v3/teams', {'name': 'ops'})
    listed = api.get('/v3/teams', params={'filter[name][contains]': 'dev'}).json()
    assert [t['name'] for t in listed['data']] == ['devs'] and listed['meta']['page']['total'] == 1
    assert_problem(api.get('/v3/teams', params={'filter[email][eq]': 'x'}), 400)
    assert rules_by_field(assert_problem(api.get('/v3/teams', params={'filter[name][like]': 'x'}), 400)) == {'filter[name][like]': 'unknown_property'}
    assert [t['name'] for t in api.get('/v3/teams', params={'filter[labels.env][eq]': 'dev'}).json()['data']] == ['devs']
    assert [t['name'] for t in api.get('/v3/teams', params={'filter[labels.env][exists]': 'false'}).json()['data']] == ['ops']
    assert api.delete(team_path).status_code == 204
    assert_problem(api.get(team_path), 404)


def test_body_validation_reports_invalid_parameters(api):
    body = assert_problem(api.post('/v2/control-planes', {'cluster_type': 'NOPE', 'extra': 1, 'labels': {'env': '-bad-'}}), 400)
    assert rules_by_field(body) == {'name': 'required', 'cluster_type': 'enum', 'extra': 'unknown_property', 'labels.env': 'is_label'}
    reserved = assert_problem(api.post('/v3/teams', {'name': 'reserved', 'labels': {'konnect-owner': 'x'}}), 400)
    assert rules_by_field(reserved) == {'labels.konnect-owner': 'is_label'}
    # the reserved prefixes are case-sensitive: kongctl's own label is accepted (notes §2.2)
    assert api.post('/v3/teams', {'name': 'kongctl', 'labels': {'KONGCTL-namespace': 'default'}}).status_code == 201
    assert all(item['source'] == 'body' for item in body['invalid_parameters'])
    malformed = api.call('POST', '/v3/teams', data='{not json', headers={'Content-Type': 'application/json'})
    assert_problem(malformed, 400)
    assert rules_by_field(assert_problem(api.get('/v3/teams/not-a-uuid'), 400)) == {'teamId': 'is_uuid'}


def test_static_organization_roles_and_users(api):
    organization = api.get('/v3/organizations/me').json()
    assert organization['state'] == 'active' and organization['id']
    me = api.get('/v3/users/me').json()
    assert me['email'] == DEMO_USER and organization['owner_id'] == me['id']
    roles = api.get('/v3/roles').json()
    assert roles['control_planes']['name'] == 'Control Planes'
    assert roles['control_planes']['roles']['admin']['name'] == 'Admin'
    assert_problem(api.get('/v3/organizations/%s/ip-allow-list' % organization['id']), 404)  # until a PUT creates it
    assert_problem(api.get('/v3/organizations/%s/ip-allow-list' % ('0' * 8 + '-0000-4000-8000-' + '0' * 12)), 404)


def test_other_identity_entities_follow_their_schemas(api):
    oidc = {'issuer_url': 'https://idp.example.com', 'client_id': 'konnect', 'client_secret': 's3cret'}
    created = api.post('/v3/identity-providers', {'type': 'oidc', 'login_path': 'acme', 'config': oidc})
    assert created.status_code == 201, created.text
    assert 'client_secret' not in created.json()['config'] and created.json()['config']['client_id'] == 'konnect'
    listed = api.get('/v3/identity-providers').json()
    assert isinstance(listed, list) and listed[0]['id'] == created.json()['id']
    assert api.post('/v3/system-accounts', {'name': 'ci', 'description': 'CI'}).status_code == 201
    assert_problem(api.post('/v3/system-accounts', {'name': 'ci', 'description': 'again'}), 409)
    me = api.get('/v3/users/me').json()
    bad_name = assert_problem(api.post('/v3/users/%s/access-tokens' % me['id'], {'name': '_x', 'ttl_seconds': 86400}), 400)
    assert rules_by_field(bad_name) == {'name': 'matches_regex'}


# ---- core entities -------------------------------------------------------------


@pytest.fixture
def core(api):
    control_plane = make_control_plane(api, 'core')
    return api, CORE % control_plane['id']


def test_service_defaults_url_shorthand_and_lookup_by_name(core):
    api, prefix = core
    response = api.post(prefix + '/services', {'name': 'billing', 'url': 'https://billing.internal:8443/v1'})
    assert response.status_code == 201, response.text
    service = response.json()
    assert (service['protocol'], service['host'], service['port'], service['path']) == ('https', 'billing.internal', 8443, '/v1')
    assert service['retries'] == 5 and service['connect_timeout'] == 60000 and service['enabled'] is True
    assert 'url' not in service
    assert isinstance(service['created_at'], int) and isinstance(service['updated_at'], int)
    assert api.get(prefix + '/services/billing').json() == service
    assert api.get(prefix + '/services/' + service['id']).json() == service
    plain = api.post(prefix + '/services', {'name': 'plain', 'host': 'plain.internal'}).json()
    assert (plain['protocol'], plain['port']) == ('http', 80)


def test_service_put_upserts_by_name_and_replaces(core):
    api, prefix = core
    created = api.put(prefix + '/services/upserted', {'host': 'a.internal', 'retries': 9})
    assert created.status_code == 200, created.text
    assert created.json()['name'] == 'upserted' and created.json()['retries'] == 9
    replaced = api.put(prefix + '/services/upserted', {'host': 'b.internal'}).json()
    assert replaced['id'] == created.json()['id'] and replaced['retries'] == 5 and replaced['host'] == 'b.internal'
    assert replaced['name'] == 'upserted'
    by_id = api.put(prefix + '/services/' + replaced['id'], {'name': 'renamed', 'host': 'c.internal'}).json()
    assert by_id['id'] == replaced['id'] and by_id['created_at'] == created.json()['created_at']
    assert api.get(prefix + '/services/upserted').status_code == 404
    new_id = '5b1b8a4e-4c33-4c57-9d2e-0c6a2b7f1c11'
    assert api.put(prefix + '/services/' + new_id, {'host': 'd.internal'}).json()['id'] == new_id


def test_unique_name_violation_is_a_kong_400(core):
    api, prefix = core
    api.post(prefix + '/services', {'name': 'dup', 'host': 'x.internal'})
    response = api.post(prefix + '/services', {'name': 'dup', 'host': 'y.internal'})
    assert response.status_code == 400
    assert response.json() == {'code': 3, 'message': 'data constraint error', 'details': [{
        '@type': 'type.googleapis.com/kong.admin.model.v1.ErrorDetail', 'type': 'ERROR_TYPE_REFERENCE', 'field': 'name',
        'messages': ['name (type: unique) constraint failed']}]}


def test_core_schema_violation_is_a_kong_validation_error(core):
    api, prefix = core
    body = api.post(prefix + '/services', {'name': 'bad', 'port': 'eighty', 'bogus': True}).json()
    assert body['code'] == 3 and body['message'] == 'validation error'
    fields = sorted(detail['field'] for detail in body['details'])
    assert fields == ['bogus', 'host', 'port']


def test_routes_reference_services_and_block_their_deletion(core):
    api, prefix = core
    service = api.post(prefix + '/services', {'name': 'svc', 'host': 'svc.internal'}).json()
    flat = api.post(prefix + '/routes', {'name': 'flat', 'paths': ['/flat'], 'service': {'id': service['id']}})
    assert flat.status_code == 201, flat.text
    assert flat.json()['protocols'] == ['http', 'https'] or flat.json()['protocols'] == ['https']
    nested = api.post(prefix + '/services/svc/routes', {'name': 'nested', 'paths': ['/nested']})
    assert nested.status_code == 201 and nested.json()['service'] == {'id': service['id']}
    listed = api.get(prefix + '/services/%s/routes' % service['id']).json()
    assert sorted(r['name'] for r in listed['data']) == ['flat', 'nested']
    assert api.get(prefix + '/routes/nested').json()['id'] == nested.json()['id']

    missing = api.post(prefix + '/routes', {'name': 'orphan', 'paths': ['/o'], 'service': {'id': '00000000-0000-4000-8000-000000000000'}})
    assert missing.status_code == 400 and missing.json()['details'][0]['type'] == 'ERROR_TYPE_REFERENCE'

    blocked = api.delete(prefix + '/services/svc')
    assert blocked.status_code == 400
    body = blocked.json()
    assert body['code'] == 3 and body['message'] == "an existing 'routes' entity references this 'services' entity"
    assert body['name'] == 'foreign key violation' and body['fields'] == {'@referenced_by': 'routes'}
    assert body['details'][0]['type'] == 'ERROR_TYPE_REFERENCE'

    assert api.delete(prefix + '/routes/flat').status_code == 204
    assert api.delete(prefix + '/services/svc/routes/nested').status_code == 204
    assert api.delete(prefix + '/services/svc').status_code == 204
    assert api.delete(prefix + '/services/svc').status_code == 204
    assert api.get(prefix + '/services/svc').status_code == 404


def test_offset_pagination_walks_every_page(core):
    api, prefix = core
    for index in range(250):
        response = api.post(prefix + '/services', {'name': 'svc-%03d' % index, 'host': 'h%d.internal' % index, 'tags': ['bulk']})
        assert response.status_code == 201
    seen, pages, offset = [], 0, None
    while True:
        params = {'size': 100}
        if offset:
            params['offset'] = offset
        page = api.get(prefix + '/services', params=params).json()
        pages += 1
        seen.extend(service['name'] for service in page['data'])
        offset = page.get('offset')
        if not offset:
            assert page['next'] is None
            break
        assert page['next'].startswith(prefix + '/services?offset=')
    assert pages == 3 and len(seen) == 250 and len(set(seen)) == 250
    assert len(api.get(prefix + '/services').json()['data']) == 100
    assert len(api.get(prefix + '/services', params={'filter[name][contains]': 'svc-24'}).json()['data']) == 10
    assert api.get(prefix + '/services', params={'size': 1001}).status_code == 400
    assert len(api.get(prefix + '/services', params={'tags': 'bulk,other', 'size': 1000}).json()['data']) == 0
    assert len(api.get(prefix + '/services', params={'tags': 'bulk/other', 'size': 1000}).json()['data']) == 250


def test_nested_entities_natural_keys_and_property_filters(core):
    api, prefix = core
    for name in ('up-a', 'up-b'):
        assert api.post(prefix + '/upstreams', {'name': name}).status_code == 201
        target = api.post(prefix + '/upstreams/%s/targets' % name, {'target': '10.0.0.1:80'})
        assert target.status_code == 201, target.text
        assert target.json()['weight'] == 100 and isinstance(target.json()['created_at'], float)
    duplicate = api.post(prefix + '/upstreams/up-a/targets', {'target': '10.0.0.1:80'})
    assert duplicate.status_code == 400 and duplicate.json()['details'][0]['field'] == 'target'
    found = api.get(prefix + '/upstreams/up-b/targets/10.0.0.1:80').json()
    assert found['upstream']['id'] == api.get(prefix + '/upstreams/up-b').json()['id']
    assert len(api.get(prefix + '/targets').json()['data']) == 2

    api.post(prefix + '/consumers', {'username': 'alice', 'custom_id': 'c-1'})
    api.post(prefix + '/consumers', {'username': 'bob'})
    assert [c['username'] for c in api.get(prefix + '/consumers', params={'custom_id': 'c-1'}).json()['data']] == ['alice']
    assert [c['username'] for c in api.get(prefix + '/consumers', params={'filter[name][eq]': 'bob'}).json()['data']] == ['bob']
    assert api.post(prefix + '/consumers/alice/acls', {'group': 'admins'}).status_code == 201
    assert api.delete(prefix + '/consumers/alice').status_code == 204
    assert api.get(prefix + '/acls').json()['data'] == []


def test_control_plane_types_that_refuse_core_writes(api):
    kic = make_control_plane(api, 'kic', cluster_type='CLUSTER_TYPE_K8S_INGRESS_CONTROLLER')
    group = make_control_plane(api, 'grp', cluster_type='CLUSTER_TYPE_CONTROL_PLANE_GROUP')
    refused = api.post(CORE % kic['id'] + '/services', {'name': 's', 'host': 'h'})
    assert refused.status_code == 403 and refused.json() == {'code': 7, 'message': 'operation not permitted on KIC cluster'}
    assert api.post(CORE % group['id'] + '/services', {'name': 's', 'host': 'h'}).status_code == 400
    assert api.get(CORE % kic['id'] + '/services').status_code == 200
    assert api.get(CORE % '00000000-0000-4000-8000-000000000000' + '/services').status_code == 404


# ---- auth ----------------------------------------------------------------------


def test_requests_without_valid_token_are_unauthorized(fresh_emulator, api):
    for headers in ({}, {'Authorization': 'Bearer kpat_wrong'}, {'Authorization': 'Basic abc'}):
        anonymous = Client(fresh_emulator.url, headers=headers)
        body = assert_problem(anonymous.get('/v2/control-planes'), 401, 'Invalid credentials')
        assert body['title'] == 'Unauthorized'
    control_plane = make_control_plane(api)
    core_response = Client(fresh_emulator.url, headers={}).get(CORE % control_plane['id'] + '/services')
    assert core_response.status_code == 401 and core_response.json() == {'message': 'Unauthorized', 'status': 401}


def test_readonly_token_can_only_read(fresh_emulator):
    reader = Client(fresh_emulator.url, headers={'Authorization': 'Bearer ' + READONLY_DEMO_TOKEN})
    assert reader.get('/v2/control-planes').status_code == 200
    body = assert_problem(reader.post('/v2/control-planes', {'name': 'nope'}), 403, 'You do not have permission to perform this action')
    assert body['title'] == 'Forbidden'
    assert fresh_emulator.requests()[-1]['status'] == 403


def test_legacy_login_sets_a_session_cookie(fresh_emulator):
    anonymous = Client(fresh_emulator.url, headers={})
    assert_problem(anonymous.post('/kauth/api/v1/authenticate', {'username': DEMO_USER, 'password': 'wrong'}), 401)
    login = anonymous.post('/global/kauth/api/v1/authenticate', {'username': DEMO_USER, 'password': DEMO_PASSWORD})
    assert login.status_code == 200 and login.json()['email'] == DEMO_USER
    assert re.match(r'^konnectaccesstoken=[^;]+; Path=/; HttpOnly$', login.headers['Set-Cookie'])
    assert anonymous.session.cookies.get('konnectaccesstoken')
    assert anonymous.get('/eu/v2/control-planes').status_code == 200
    assert anonymous.get('/global/v3/users/me').json()['email'] == DEMO_USER
    assert_problem(Client(fresh_emulator.url, headers={}).post('/eu/kauth/api/v1/authenticate', {}), 404)


def test_command_line_tokens_users_shutdown_and_lifetime():
    with EmulatorProcess(tokens=['spat_customToken'], users=['ops@example.com:s3cret']) as process:
        assert Client(process.url, headers={'Authorization': 'Bearer spat_customToken'}).get('/v3/teams').status_code == 200
        assert Client(process.url).get('/v3/teams').status_code == 401
        login = Client(process.url, headers={}).post('/kauth/api/v1/authenticate', {'username': 'ops@example.com', 'password': 's3cret'})
        assert login.status_code == 200 and login.json()['email'] == 'ops@example.com'
        process.shutdown()
        assert process.process.returncode == 0
    with EmulatorProcess(lifetime=0.3) as short_lived:
        assert short_lived.process.wait(10) == 0
    with pytest.raises(EmulatorError, match='kpat_ or spat_'):
        EmulatorProcess(tokens=['not-a-token']).start()


# ---- hosts and regions -----------------------------------------------------------


def test_regions_have_separate_state_and_hosts_serve_their_families(fresh_emulator):
    eu, us, default, global_host = (Client(fresh_emulator.url + base) for base in ('/eu', '/us', '', '/global'))
    created = make_control_plane(eu, 'european')
    assert '.eu.cp.konghq.com' in created['config']['control_plane_endpoint']
    assert eu.get('/v2/control-planes/' + created['id']).status_code == 200
    assert_problem(us.get('/v2/control-planes/' + created['id']), 404)
    assert default.get('/v2/control-planes').json()['data'] == []
    make_control_plane(us, 'american')
    assert [cp['name'] for cp in default.get('/v2/control-planes').json()['data']] == ['american']
    assert_problem(global_host.get('/v2/control-planes'), 404)
    assert_problem(eu.get('/v3/teams'), 404)
    assert global_host.post('/v3/teams', {'name': 'global-team'}).status_code == 201
    assert [t['name'] for t in default.get('/v3/teams').json()['data']] == ['global-team']


def test_unknown_route_and_wrong_method(api):
    assert_problem(api.get('/v2/nothing-here'), 404)
    response = api.put('/v2/control-planes', {})
    assert_problem(response, 405)
    assert 'POST' in response.headers['Allow']


# ---- faults, request log, reset ----------------------------------------------------


def test_rate_limit_answers_429_with_retry_after(fresh_emulator, api):
    fresh_emulator.set_faults({'rate_limit': {'requests_per_second': 2, 'retry_after': 7}})
    responses = [api.get('/v3/teams') for _index in range(8)]
    limited = [r for r in responses if r.status_code == 429]
    assert limited and len(limited) < len(responses)
    # Konnect's live 429 (notes §2.4): a plain message, retry-after and the ratelimit-* headers, not problem+json
    assert limited[0].headers['Content-Type'] == 'application/json; charset=utf-8'
    assert limited[0].json() == {'message': 'API rate limit exceeded'}
    assert limited[0].headers['Retry-After'] == '7'
    assert limited[0].headers['RateLimit-Remaining'] == '0' and limited[0].headers['RateLimit-Reset'] == '7'
    assert limited[0].headers['RateLimit-Limit'] == limited[0].headers['X-RateLimit-Limit-Minute'] == '3000'


def test_injected_failures_are_counted_and_filtered(fresh_emulator, api):
    fresh_emulator.set_faults({'fail': {'status': 503, 'count': 2, 'methods': ['GET'], 'path_regex': '^/v3/teams'}})
    assert api.post('/v3/teams', {'name': 'still-works'}).status_code == 201
    assert api.get('/v2/control-planes').status_code == 200
    assert_problem(api.get('/v3/teams'), 503)
    assert_problem(api.get('/v3/teams'), 503)
    assert api.get('/v3/teams').status_code == 200
    assert fresh_emulator.faults() == {}


def test_dropped_connection_after_processing_still_changes_state(fresh_emulator, api):
    fresh_emulator.set_faults({'drop': {'count': 1, 'methods': ['POST'], 'after_processing': True}})
    with pytest.raises(requests.exceptions.ConnectionError):
        api.post('/v2/control-planes', {'name': 'ghost'})
    names = [cp['name'] for cp in api.get('/v2/control-planes').json()['data']]
    assert names == ['ghost']
    assert [entry['status'] for entry in fresh_emulator.requests()] == [None, 200]


def test_dropped_connection_before_processing_changes_nothing(fresh_emulator, api):
    fresh_emulator.set_faults({'drop': {'count': 1}})
    with pytest.raises(requests.exceptions.ConnectionError):
        api.post('/v2/control-planes', {'name': 'never'})
    assert api.get('/v2/control-planes').json()['data'] == []


def test_latency_delays_answers(fresh_emulator, api):
    fresh_emulator.set_faults({'latency_ms': 300})
    started = time.time()
    assert api.get('/v3/teams').status_code == 200
    assert time.time() - started >= 0.29


def test_fault_configuration_is_validated(fresh_emulator):
    with pytest.raises(Exception, match='400'):
        fresh_emulator.set_faults({'fail': {'status': 200}})
    with pytest.raises(Exception, match='400'):
        fresh_emulator.set_faults({'explode': True})
    assert fresh_emulator.set_faults({'latency_ms': 1}) == {'latency_ms': 1}
    assert fresh_emulator.set_faults({}) == {}


def test_request_log_records_every_konnect_request(fresh_emulator):
    eu = Client(fresh_emulator.url + '/eu')
    make_control_plane(eu, 'logged')
    Client(fresh_emulator.url + '/global').get('/v3/teams', params={'page[size]': '5'})
    Client(fresh_emulator.url, headers={}).get('/v2/control-planes')
    entries = fresh_emulator.requests()
    assert [(e['method'], e['base'], e['host_family'], e['path'], e['status']) for e in entries] == [
        ('POST', 'eu', 'regional', '/v2/control-planes', 201),
        ('GET', 'global', 'global', '/v3/teams', 200),
        ('GET', 'default', 'regional', '/v2/control-planes', 401),
    ]
    assert entries[0]['body'] == {'name': 'logged'} and entries[1]['query'] == {'page[size]': ['5']}
    assert [e['seq'] for e in entries] == sorted(e['seq'] for e in entries)
    assert all(isinstance(e['time'], float) for e in entries)
    fresh_emulator.clear_requests()
    assert fresh_emulator.requests() == []


def test_reset_empties_state_log_and_faults(fresh_emulator, api):
    make_control_plane(api, 'temporary')
    fresh_emulator.set_faults({'latency_ms': 5})
    fresh_emulator.reset()
    assert fresh_emulator.faults() == {}
    assert api.get('/v2/control-planes').json()['data'] == []
    assert len(fresh_emulator.requests()) == 1
