# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator refuses what Kong and Konnect refuse on core entities (tests/emulator/kong_fields.py), with Konnect's
bodies: 400 ``validation error`` naming the field, ``data constraint error`` for taken values (notes §1)."""

import pytest

from emulator.testing import JsonClient  # pylint: disable=import-error

DETAIL = 'type.googleapis.com/kong.admin.model.v1.ErrorDetail'
MISSING_ID = '00000000-0000-4000-8000-000000000000'


@pytest.fixture
def core(fresh_emulator):
    api = JsonClient(fresh_emulator.url)
    control_plane = api.post('/v2/control-planes', {'name': 'strict'}).json()
    return api, '/v2/control-planes/%s/core-entities' % control_plane['id']


def field_error(field, message):
    return {'code': 3, 'message': 'validation error',
            'details': [{'@type': DETAIL, 'type': 'ERROR_TYPE_FIELD', 'field': field, 'messages': [message]}]}


def refused(response):
    assert response.status_code == 400, response.text
    return response.json()


# ---- the examples, each with Konnect's whole body ----------------------------------------------------------


def test_service_name_with_spaces_is_refused(core):
    api, prefix = core
    assert refused(api.post(prefix + '/services', {'name': 'my service', 'host': 'example.com'})) == field_error(
        'name', "invalid value 'my service': the only accepted ascii characters are alphanumerics or ., -, _, and ~")
    assert api.post(prefix + '/services', {'name': 'my-service.v2_~ü', 'host': 'example.com'}).status_code == 201


def test_host_with_a_space_is_refused(core):
    api, prefix = core
    assert refused(api.post(prefix + '/services', {'name': 'svc', 'host': 'exa mple.com'})) == field_error(
        'host', 'invalid value: exa mple.com')
    assert refused(api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com:8080'})) == field_error(
        'host', 'must not have a port')
    assert api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com'}).status_code == 201


def test_twenty_one_tags_are_refused(core):
    api, prefix = core
    tags = ['tag-%d' % index for index in range(21)]
    assert refused(api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com', 'tags': tags})) == field_error(
        'tags', 'maximum 20 items required, but found 21 items')
    assert api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com', 'tags': tags[:20]}).status_code == 201


def test_a_tag_of_129_characters_is_refused(core):
    api, prefix = core
    body = {'name': 'svc', 'host': 'example.com', 'tags': ['ok', 'x' * 129]}
    assert refused(api.post(prefix + '/services', body)) == field_error('tags[1]', 'length must be <= 128, but got 129')
    body['tags'] = ['ok', 'x' * 128, 'with space', 'k8s-uid:0f2e', 'ü']
    assert api.post(prefix + '/services', body).status_code == 201


def test_a_second_plugin_of_a_name_in_one_scope_is_refused(core):
    api, prefix = core
    service = api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com'}).json()
    scoped = {'name': 'cors', 'service': {'id': service['id']}}
    assert api.post(prefix + '/plugins', scoped).status_code == 201
    assert refused(api.post(prefix + '/plugins', scoped)) == {'code': 3, 'message': 'data constraint error', 'details': [{
        '@type': DETAIL, 'type': 'ERROR_TYPE_REFERENCE',
        'messages': ["unique-plugin-per-entity (type: unique) constraint failed for value 'cors.%s...': " % service['id']]}]}
    assert api.post(prefix + '/services/%s/plugins' % service['id'], {'name': 'cors'}).status_code == 400  # the same scope
    assert api.post(prefix + '/plugins', {'name': 'cors'}).status_code == 201  # global scope is another one


def test_a_taken_name_is_a_400_data_constraint_error_not_a_409(core):
    api, prefix = core
    assert api.post(prefix + '/upstreams', {'name': 'backend.internal'}).status_code == 201
    assert refused(api.post(prefix + '/upstreams', {'name': 'backend.internal'})) == {
        'code': 3, 'message': 'data constraint error', 'details': [{
            '@type': DETAIL, 'type': 'ERROR_TYPE_REFERENCE', 'field': 'name', 'messages': ['name (type: unique) constraint failed']}]}


# ---- every other rule: (collection, body, field, message) ---------------------------------------------------------

RULES = [
    ('services', {'host': 'bad_host-.example.com'}, 'host', 'invalid value: bad_host-.example.com'),
    ('services', {'host': 'example.com', 'path': 'no-slash'}, 'path', 'should start with: /'),
    ('services', {'host': 'example.com', 'path': '/a//b'}, 'path', 'must not have empty segments'),
    ('services', {'host': 'example.com', 'path': '/a b'}, 'path',
     "invalid path: '/a b' (characters outside of the reserved list of RFC 3986 found)"),
    ('services', {'host': 'example.com', 'tags': ['a,b']}, 'tags[0]',
     "invalid tag 'a,b': expected printable ascii (except `,` and `/`) or valid utf-8 sequences"),
    ('services', {'host': 'example.com', 'tags': ['']}, 'tags[0]', 'length must be >= 1, but got 0'),
    ('routes', {'name': 'r 1', 'paths': ['/']}, 'name',
     "invalid value 'r 1': the only accepted ascii characters are alphanumerics or ., -, _, and ~"),
    ('routes', {'paths': ['api']}, 'paths[0]', 'should start with: / (fixed path) or ~/ (regex path)'),
    ('routes', {'paths': ['/a//b']}, 'paths[0]', 'must not have empty segments'),
    ('routes', {'paths': ['/a/../b']}, 'paths[0]', "non-normalized path, consider use '/b' instead"),
    ('routes', {'paths': ['/%7euser']}, 'paths[0]', "non-normalized path, consider use '/~user' instead"),
    ('routes', {'paths': ['/50%']}, 'paths[0]', "invalid url-encoded value: '%'"),
    ('routes', {'paths': ['~/items/(']}, 'paths[0]',
     "invalid regex: '/items/(' (PCRE returned: missing ), unterminated subpattern at position 7)"),
    ('routes', {'paths': ['/'], 'methods': ['get']}, 'methods[0]', 'invalid value: get'),
    ('routes', {'hosts': ['a.*.example.com']}, 'hosts[0]', 'invalid wildcard: must be placed at leftmost or rightmost label'),
    ('routes', {'hosts': ['exa mple.com']}, 'hosts[0]', 'invalid hostname: exa mple.com'),
    ('routes', {'paths': ['/'], 'protocols': ['http', 'tcp']}, 'protocols',
     "these sets are mutually exclusive: ('http', 'https'), ('tcp', 'tls', 'udp')"),
    ('upstreams', {'name': '10.0.0.1'}, 'name', "Invalid name ('10.0.0.1'); no ip addresses allowed"),
    ('upstreams', {'name': 'backend:8000'}, 'name', "Invalid name ('backend:8000'); no port allowed"),
    ('consumers', {'username': 'two  spaces'}, 'username',
     "must match pattern '^[\\p{L}\\p{N}.\\-_~+@/\\[\\]]+(?: [\\p{L}\\p{N}.\\-_~+@/\\[\\]]+)*$'"),
    ('consumers', {'custom_id': 'ü'}, 'custom_id',
     "must match pattern '^[0-9a-zA-Z.\\-_~\\(\\)#%@|+\\[\\]]+(?: [0-9a-zA-Z.\\-_~\\(\\)#%@|+\\[\\]]+)*$'"),
    ('consumers', {'username': 'u' * 129}, 'username', 'length must be <= 128, but got 129'),
    ('consumer_groups', {'name': 'gold members'}, 'name', "must match pattern '^[\\p{N}\\p{L}.\\-_~]*$'"),
    ('vaults', {'name': 'env', 'prefix': 'aws'}, 'prefix', 'must not be one of: env, aws, gcp, hcv, azure, conjur, konnect'),
    ('snis', {'name': '10.0.0.1', 'certificate': {'id': MISSING_ID}}, 'name', 'must not be an IP'),
    ('snis', {'name': 'a.*.example.com', 'certificate': {'id': MISSING_ID}}, 'name', 'wildcard must be leftmost or rightmost character'),
    ('plugins', {'name': 'cors', 'instance_name': 'my cors'}, 'instance_name',
     "invalid value 'my cors': the only accepted ascii characters are alphanumerics or ., -, _, and ~"),
]


@pytest.mark.parametrize('collection, body, field, message', RULES, ids=['%s-%s-%d' % (r[0], r[2], i) for i, r in enumerate(RULES)])
def test_kong_field_rule(core, collection, body, field, message):
    api, prefix = core
    body = dict(body)
    if collection in ('services', 'routes') and 'name' not in body:
        body['name'] = 'named'
    assert refused(api.post(prefix + '/' + collection, body)) == field_error(field, message)


ACCEPTED = [
    ('services', {'name': 'ok', 'host': '10.0.0.1', 'path': "/v1/a:b@c!$&'()*+,;=%20"}),
    ('services', {'name': 'ok', 'host': '::1'}),
    ('services', {'name': 'ok', 'host': 'trailing.dot.example.com.'}),
    ('routes', {'paths': ['~/items/(?<id>\\d+)$', '/a b', '/%2F'], 'methods': ['GET', 'PURGE'], 'hosts': ['*.example.com', 'example.*', 'a.com:8443']}),
    ('routes', {'protocols': ['grpc'], 'paths': ['/svc.Echo']}),
    ('routes', {'protocols': ['tcp'], 'destinations': [{'port': 5432}]}),
    ('upstreams', {'name': 'backend.internal'}),
    ('targets', None),
    ('consumers', {'username': 'Jürgen Müller+ops@example.com', 'custom_id': 'A-1 (ext)#2'}),
    ('consumer_groups', {'name': 'gold.tier-1_ß'}),
    ('vaults', {'name': 'env', 'prefix': 'my-env'}),
    ('snis', {'name': '*.example.com', 'certificate': {'id': MISSING_ID}}),
]


@pytest.mark.parametrize('collection, body', ACCEPTED, ids=['%s-%d' % (r[0], i) for i, r in enumerate(ACCEPTED)])
def test_kong_field_rule_accepts(core, collection, body):
    api, prefix = core
    if collection == 'targets':
        upstream = api.post(prefix + '/upstreams', {'name': 'up'}).json()
        for value in ('10.0.0.1:80', 'backend.internal', '[::1]:8000'):
            assert api.post(prefix + '/upstreams/%s/targets' % upstream['id'], {'target': value}).status_code == 201
        assert refused(api.post(prefix + '/upstreams/%s/targets' % upstream['id'], {'target': 'bad host'})) == field_error(
            'target', "Invalid target ('bad host'); not a valid hostname or ip address")
        return
    response = api.post(prefix + '/' + collection, body)
    if collection == 'snis':  # the name passed Kong's rules: what is left is the missing certificate
        assert refused(response)['details'][0]['field'] == 'certificate'
        return
    assert response.status_code == 201, response.text


def test_route_protocols_need_their_matching_criteria(core):
    api, prefix = core
    assert refused(api.post(prefix + '/routes', {'protocols': ['http']})) == {'code': 3, 'message': 'validation error', 'details': [{
        '@type': DETAIL, 'type': 'ERROR_TYPE_ENTITY',
        'messages': ["must set one of 'methods', 'hosts', 'headers', 'paths' when 'protocols' is 'http'"]}]}
    body = refused(api.post(prefix + '/routes', {'protocols': ['tcp'], 'paths': ['/']}))
    assert body['details'][0]['messages'] == [
        "cannot set 'paths' when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'",
        "must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'"]
    body = refused(api.post(prefix + '/routes', {'protocols': ['grpc'], 'paths': ['/'], 'methods': ['GET']}))
    assert body['details'][0]['messages'] == ["cannot set 'methods' when 'protocols' is 'grpc' or 'grpcs'"]


def test_updates_are_held_to_the_same_rules(core):
    api, prefix = core
    service = api.post(prefix + '/services', {'name': 'svc', 'host': 'example.com', 'tags': ['a']}).json()
    path = prefix + '/services/' + service['id']
    assert refused(api.put(path, {'name': 'svc', 'host': 'exa mple.com'})) == field_error('host', 'invalid value: exa mple.com')
    assert refused(api.put(path, {'name': 'svc', 'host': 'example.com', 'tags': ['t'] * 21})) == field_error(
        'tags', 'maximum 20 items required, but found 21 items')
    route = api.post(prefix + '/routes', {'name': 'r', 'paths': ['/r']}).json()
    assert refused(api.put(prefix + '/routes/' + route['id'], {'name': 'r', 'protocols': ['http']}))['details'][0]['type'] == 'ERROR_TYPE_ENTITY'
    assert api.get(prefix + '/routes/' + route['id']).json()['paths'] == ['/r']
    assert api.get(path).json()['host'] == 'example.com'
