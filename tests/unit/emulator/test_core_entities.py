# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Control Planes v2 and Control Plane Configuration v2 in the emulator, over real HTTP (see conftest.py):
control-plane groups, DP certificates, nodes, config stores, custom plugin schemas and core entities."""

import hashlib
import re

import pytest

from emulator import DEMO_TOKEN  # pylint: disable=import-error
from emulator.testing import JsonClient as Client, EmulatorError  # pylint: disable=import-error

AUTH = {'Authorization': 'Bearer ' + DEMO_TOKEN}
MISSING_ID = '00000000-0000-4000-8000-000000000000'
GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'
KIC = 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER'

# A throwaway self-signed CA certificate and its key, generated for these tests only.
CERT = '''-----BEGIN CERTIFICATE-----
MIIBhzCCAS2gAwIBAgIUFYK3ZrJKRbpYde+EqjWQ00vWPbYwCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNZW11bGF0b3ItdGVzdDAgFw0yNjExMjMxODEyNDdaGA8yMTI2
MTAzMDE4MTI0N1owGDEWMBQGA1UEAwwNZW11bGF0b3ItdGVzdDBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABHE0IHS6T7VdX/mrkRWxRJ3XKMCmbKGxQPBByhM2g0pO
c2LK/Gvte1oVlnTMOAnM7J9E1XqiWdXtLH0Cy4zZorWjUzBRMB0GA1UdDgQWBBRE
EdW9BMlly3kt4b6ylrY2lUFaITAfBgNVHSMEGDAWgBREEdW9BMlly3kt4b6ylrY2
lUFaITAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIQCvOu/ssz2I
GOmRlFW0Pwp6k3EMmkcJ16A3RL/ftVg0/gIgEgQHDpI297cMscCdHLZKL1WupZC8
8gCZderUdepCz1s=
-----END CERTIFICATE-----
'''
KEY = '''-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzmyv6ZQ2Tn7Kwt6l
lb55JnKfYmTLXD2wLfI2WA/1rOGhRANCAARxNCB0uk+1XV/5q5EVsUSd1yjApmyh
sUDwQcoTNoNKTnNiyvxr7XtaFZZ0zDgJzOyfRNV6olnV7Sx9AsuM2aK1
-----END PRIVATE KEY-----
'''
# sha256 of the certificate's DER, as `openssl x509 -outform der | sha256sum` prints it
CERT_DIGEST = 'fb1ffb623144c625deabbb07cdc06c71cfc71c5d9967578a475804ba6a832160'


@pytest.fixture
def api(fresh_emulator):
    return Client(fresh_emulator.url)


def created(response, status=201):
    assert response.status_code == status, response.text
    return response.json()


def make_cp(api, name, cluster_type=None):
    body = {'name': name}
    if cluster_type:
        body['cluster_type'] = cluster_type
    return created(api.post('/v2/control-planes', body))


@pytest.fixture
def core(api):
    """(client, core-entities prefix) of a fresh plain control plane."""
    return api, '/v2/control-planes/%s/core-entities' % make_cp(api, 'core')['id']


def problem(response, status):
    assert response.status_code == status, response.text
    assert response.headers['Content-Type'] == 'application/problem+json'
    return response.json()


def kong_error(response, status=400):
    assert response.status_code == status, response.text
    body = response.json()
    assert 'code' in body and 'message' in body, body
    return body


def detail_types(body):
    return [detail['type'] for detail in body.get('details', [])]


def rules(body):
    return dict((item['field'], item['rule']) for item in body['invalid_parameters'])


# ---- 1. control-plane groups ----------------------------------------------------------------


def test_group_memberships_accept_only_plain_control_planes_of_the_region(api, fresh_emulator):
    group = make_cp(api, 'group', GROUP)
    plain_a, plain_b = make_cp(api, 'plain-a'), make_cp(api, 'plain-b')
    kic = make_cp(api, 'kic', KIC)
    other_group = make_cp(api, 'other-group', GROUP)
    european = make_cp(Client(fresh_emulator.url + '/eu'), 'european')
    members = '/v2/control-planes/%s/group-memberships' % group['id']

    refused = problem(api.put(members, {'members': [{'id': plain_a['id']}, {'id': other_group['id']}, {'id': kic['id']},
                                                    {'id': european['id']}, {'id': MISSING_ID}]}), 400)
    assert rules(refused) == {'members[1].id': 'invalid', 'members[2].id': 'invalid',
                              'members[3].id': 'missing_reference', 'members[4].id': 'missing_reference'}
    assert rules(problem(api.put(members, {}), 400)) == {'members': 'required'}
    assert api.get(members).json()['data'] == []

    assert api.put(members, {'members': [{'id': plain_a['id']}]}).status_code == 204
    assert api.post(members + '/add', {'members': [{'id': plain_b['id']}, {'id': plain_a['id']}]}).status_code == 204
    listed = api.get(members).json()
    assert [cp['name'] for cp in listed['data']] == ['plain-a', 'plain-b']
    assert listed['meta']['page'] == {'size': 10, 'next': None, 'total': 2}
    first = api.get(members, params={'page[size]': 1}).json()
    assert [cp['name'] for cp in first['data']] == ['plain-a'] and first['meta']['page']['total'] == 2
    second = api.get(first['meta']['page']['next']).json()
    assert [cp['name'] for cp in second['data']] == ['plain-b'] and 'total' not in second['meta']['page']

    assert api.put(members, {'members': [{'id': plain_b['id']}]}).status_code == 204  # PUT replaces the list
    assert [cp['name'] for cp in api.get(members).json()['data']] == ['plain-b']
    assert api.post(members + '/remove', {'members': [{'id': plain_b['id']}, {'id': plain_a['id']}]}).status_code == 204
    assert api.get(members).json()['data'] == []

    not_a_group = '/v2/control-planes/%s/group-memberships' % plain_a['id']
    assert rules(problem(api.get(not_a_group), 400)) == {'controlPlaneId': 'invalid'}
    assert rules(problem(api.post(not_a_group + '/add', {'members': [{'id': plain_b['id']}]}), 400)) == {'controlPlaneId': 'invalid'}
    problem(api.get('/v2/control-planes/%s/group-memberships' % MISSING_ID), 404)


def test_group_status_member_status_and_member_deletion(api):
    group = make_cp(api, 'group', GROUP)
    plain_a, plain_b = make_cp(api, 'plain-a'), make_cp(api, 'plain-b')
    group_path = '/v2/control-planes/%s' % group['id']
    assert api.put(group_path + '/group-memberships', {'members': [{'id': plain_a['id']}, {'id': plain_b['id']}]}).status_code == 204
    status = api.get(group_path + '/group-status').json()['item']
    assert status == {'id': group['id'], 'state': 'OK', 'conflicts': [], 'created_at': group['created_at'], 'updated_at': group['updated_at']}

    services = [created(api.post('/v2/control-planes/%s/core-entities/services' % cp['id'], {'name': 'svc1', 'host': 'h'}))
                for cp in (plain_a, plain_b)]
    status = api.get(group_path + '/group-status').json()['item']
    assert status['state'] == 'CONFLICT'
    assert sorted((c['cluster_id'], c['resource']['id'], c['resource']['type']) for c in status['conflicts']) == sorted(
        [(plain_a['id'], services[0]['id'], 'service'), (plain_b['id'], services[1]['id'], 'service')])
    assert 'Name=svc1' in status['conflicts'][0]['description']

    member_status = '/v2/control-planes/%s/group-member-status'
    assert api.get(member_status % plain_a['id']).json() == {'is_member': True}
    assert api.get(member_status % group['id']).json() == {'is_member': False}
    assert rules(problem(api.get('/v2/control-planes/%s/group-status' % plain_a['id']), 400)) == {'controlPlaneId': 'invalid'}

    assert api.delete('/v2/control-planes/' + plain_b['id']).status_code == 204
    assert [cp['id'] for cp in api.get(group_path + '/group-memberships').json()['data']] == [plain_a['id']]
    assert api.get(group_path + '/group-status').json()['item']['state'] == 'OK'


# ---- 2. DP client certificates -----------------------------------------------------------------


def test_dp_client_certificates_need_a_pem_certificate_and_use_legacy_bodies(api):
    cp_path = '/v2/control-planes/%s/dp-client-certificates' % make_cp(api, 'hybrid')['id']
    not_pem = api.post(cp_path, {'cert': 'not a certificate'})
    assert not_pem.status_code == 400 and set(not_pem.json()) == {'message'}
    bad_base64 = CERT.replace('MIIBhzCC', 'MIIB!zCC')
    assert api.post(cp_path, {'cert': bad_base64}).status_code == 400
    assert api.post(cp_path, {'cert': KEY}).status_code == 400
    assert api.post(cp_path, {'cert': CERT + CERT}).status_code == 400
    assert api.post(cp_path, {'title': 'no cert'}).json() == {'message': 'Invalid parameters'}

    item = created(api.post(cp_path, {'cert': CERT, 'title': 'dp'}))['item']
    assert set(item) == {'id', 'cert', 'title', 'created_at', 'updated_at'}
    assert item['cert'] == CERT and isinstance(item['created_at'], int)
    assert api.get(cp_path).json() == {'items': [item], 'page': {'total_count': 1}}
    assert api.get(cp_path + '/' + item['id']).json() == {'item': item}
    updated = api.put(cp_path + '/' + item['id'], {'cert': CERT, 'title': 'renamed'}).json()['item']
    assert updated['title'] == 'renamed' and updated['id'] == item['id']
    assert api.delete(cp_path + '/' + item['id']).status_code == 204
    gone = api.get(cp_path + '/' + item['id'])
    assert gone.status_code == 404 and gone.json() == {'message': 'Not Found'}
    assert api.delete(cp_path + '/' + item['id']).json() == {'message': 'Not Found'}


# ---- 3. data-plane nodes --------------------------------------------------------------------------


def test_nodes_registered_through_the_control_endpoint(api, fresh_emulator):
    control_plane = make_cp(api, 'hybrid')
    nodes = '/v2/control-planes/%s/nodes' % control_plane['id']
    assert api.get(nodes).json() == {'items': [], 'page': {'total_count': 0, 'next': None}}

    first = fresh_emulator.register_node(control_plane['id'], 'dp-1', '3.9.1.0', last_ping=1700000000)
    second = fresh_emulator.register_node(control_plane['id'], 'dp-2', '3.4.0.0', eol_message='Upgrade to 3.4 LTS or later.')
    assert (first['hostname'], first['version'], first['last_ping']) == ('dp-1', '3.9.1.0', 1700000000)
    assert isinstance(second['last_ping'], int) and 'eol_message' not in second

    page = api.get(nodes, params={'page[size]': 1}).json()
    assert [n['hostname'] for n in page['items']] == ['dp-1'] and page['page']['total_count'] == 2
    assert [n['hostname'] for n in api.get(page['page']['next']).json()['items']] == ['dp-2']
    assert api.get(nodes + '/' + first['id']).json() == {'item': first}
    eol = api.get(nodes + '/eol').json()
    assert eol['items'] == [{'node_id': second['id'], 'node_version': '3.4.0.0', 'message': 'Upgrade to 3.4 LTS or later.'}]

    assert api.delete(nodes + '/' + second['id']).status_code == 204
    assert api.get(nodes + '/eol').json()['items'] == []
    missing = api.get(nodes + '/' + second['id'])
    assert missing.status_code == 404 and missing.json() == {'message': 'Not Found'}

    with pytest.raises(EmulatorError, match='404'):
        fresh_emulator.register_node(MISSING_ID, 'dp', '3.9')
    with pytest.raises(EmulatorError, match='400'):
        fresh_emulator.control('POST', 'control-planes/%s/nodes' % control_plane['id'], {'hostname': 'dp'})
    european = make_cp(Client(fresh_emulator.url + '/eu'), 'european')
    fresh_emulator.register_node(european['id'], 'dp-eu', '3.9')
    assert [n['hostname'] for n in Client(fresh_emulator.url + '/eu').get('/v2/control-planes/%s/nodes' % european['id']).json()['items']] == ['dp-eu']
    assert all(not entry['path'].startswith('/_emulator') for entry in fresh_emulator.requests())


def test_the_expected_config_hash_changes_with_the_configuration_only(api, fresh_emulator):
    control_plane = make_cp(api, 'hashed')
    path = '/v2/control-planes/%s/expected-config-hash' % control_plane['id']
    empty = api.get(path).json()
    assert sorted(empty) == ['created_at', 'expected_hash', 'updated_at'] and len(empty['expected_hash']) == 32
    assert isinstance(empty['created_at'], int) and empty['updated_at'] >= empty['created_at']
    fresh_emulator.register_node(control_plane['id'], 'dp-1', '3.9.1.0')  # a data plane is not configuration
    assert api.get(path).json()['expected_hash'] == empty['expected_hash']
    created(api.post('/v2/control-planes/%s/core-entities/services' % control_plane['id'], {'name': 'svc1', 'host': 'h'}))
    configured = api.get(path).json()['expected_hash']
    assert configured != empty['expected_hash'] and api.get(path).json()['expected_hash'] == configured
    other = make_cp(api, 'unconfigured')
    assert api.get('/v2/control-planes/%s/expected-config-hash' % other['id']).json()['expected_hash'] == empty['expected_hash']
    assert api.get('/v2/control-planes/%s/expected-config-hash' % MISSING_ID).status_code == 404


# ---- 4. config stores and secrets --------------------------------------------------------------


def test_config_store_secrets_never_return_their_value(api):
    stores = '/v2/control-planes/%s/config-stores' % make_cp(api, 'hybrid')['id']
    store = created(api.post(stores, {'name': 'vault-a'}))
    assert set(store) == {'id', 'name', 'created_at', 'updated_at'} and re.match(r'^\d{4}-\d\d-\d\dT', store['created_at'])
    assert rules(problem(api.post(stores, {'name': ''}), 400)) == {'name': 'min_length'}
    assert rules(problem(api.get(stores, params={'filter[name][eq]': 'vault-a'}), 400)) == {'filter[name][eq]': 'unknown_property'}
    renamed = api.put(stores + '/' + store['id'], {'name': 'vault-b'}).json()
    assert renamed['name'] == 'vault-b' and renamed['created_at'] == store['created_at']
    assert api.get(stores).json()['meta']['page'] == {'size': 10, 'next': None, 'previous': None}

    secrets = '%s/%s/secrets' % (stores, store['id'])
    secret = created(api.post(secrets, {'key': 'db-password', 'value': 's3cret'}))
    assert set(secret) == {'key', 'created_at', 'updated_at'}
    assert rules(problem(api.post(secrets, {'key': 'db-password', 'value': 'again'}), 400)) == {'key': 'invalid'}
    assert rules(problem(api.post(secrets, {'key': 'k'}), 400)) == {'value': 'required'}
    updated = api.put(secrets + '/db-password', {'value': 'n3w'}).json()
    assert set(updated) == {'key', 'created_at', 'updated_at'} and updated['key'] == 'db-password'
    problem(api.put(secrets + '/unknown', {'value': 'x'}), 404)
    assert 's3cret' not in api.get(secrets).text and 'n3w' not in api.get(secrets + '/db-password').text
    assert [s['key'] for s in api.get(secrets).json()['data']] == ['db-password']

    blocked = problem(api.delete(stores + '/' + store['id']), 400)
    assert blocked['invalid_parameters'][0]['field'] == 'force' and blocked['invalid_parameters'][0]['source'] == 'query'
    assert rules(problem(api.delete(stores + '/' + store['id'], params={'force': 'maybe'}), 400)) == {'force': 'enum'}
    assert api.delete(stores + '/' + store['id'], params={'force': 'true'}).status_code == 204
    problem(api.get(secrets), 404)
    empty = created(api.post(stores, {'name': 'empty'}))
    assert api.delete(stores + '/' + empty['id']).status_code == 204


# ---- 5. custom plugin schemas --------------------------------------------------------------------


def test_plugin_schema_name_comes_from_the_lua_schema(api):
    schemas = '/v2/control-planes/%s/core-entities/plugin-schemas' % make_cp(api, 'hybrid')['id']
    lua = ('local typedefs = require "kong.db.schema.typedefs"\n'
           'return {\n  name = "my-plugin",\n  fields = { { config = { type = "record", fields = {} } } },\n}\n')
    item = created(api.post(schemas, {'lua_schema': lua}))['item']
    assert item['name'] == 'my-plugin' and item['lua_schema'] == lua and isinstance(item['created_at'], int)
    duplicate = api.post(schemas, {'lua_schema': lua})
    assert duplicate.status_code == 409 and set(duplicate.json()) == {'message'}
    for invalid in ('return { fields = {} }', 'return { name = "", fields = {} }', 'return { name = "two words" }'):
        response = api.post(schemas, {'lua_schema': invalid})
        assert response.status_code == 400 and set(response.json()) == {'message'}, invalid
    assert api.post(schemas, {}).status_code == 400

    assert api.get(schemas + '/my-plugin').json() == {'item': item}
    assert api.get(schemas).json() == {'items': [item], 'page': {'total_count': 1, 'next': None}}
    assert api.put(schemas + '/other', {'lua_schema': lua}).status_code == 400
    updated = api.put(schemas + '/my-plugin', {'lua_schema': lua.replace('fields = {}', 'fields = { }')}).json()['item']
    assert updated['name'] == 'my-plugin' and updated['created_at'] == item['created_at']
    upserted = api.put(schemas + '/second', {'lua_schema': "return { name = 'second', fields = {} }"})
    assert upserted.status_code == 200 and upserted.json()['item']['name'] == 'second'
    assert api.delete(schemas + '/my-plugin').status_code == 204
    assert api.get(schemas + '/my-plugin').json() == {'message': 'Not Found'}
    assert api.delete(schemas + '/my-plugin').status_code == 404


# ---- 6. core entities ------------------------------------------------------------------------------


def test_plugins_one_per_name_and_scope(core):
    api, prefix = core
    service = created(api.post(prefix + '/services', {'name': 'svc', 'host': 'svc.internal'}))
    route = created(api.post(prefix + '/routes', {'name': 'rt', 'paths': ['/rt'], 'service': {'id': service['id']}}))
    consumer = created(api.post(prefix + '/consumers', {'username': 'alice'}))
    group = created(api.post(prefix + '/consumer_groups', {'name': 'gold'}))

    global_plugin = created(api.post(prefix + '/plugins', {'name': 'rate-limiting', 'config': {'minute': 5}}))
    assert global_plugin['config'] == {'minute': 5} and global_plugin['enabled'] is True
    duplicate = kong_error(api.post(prefix + '/plugins', {'name': 'rate-limiting'}))
    assert duplicate['message'] == 'data constraint error' and detail_types(duplicate) == ['ERROR_TYPE_REFERENCE']
    assert 'unique-plugin-per-entity' in duplicate['details'][0]['messages'][0]

    scoped = [
        created(api.post(prefix + '/services/svc/plugins', {'name': 'rate-limiting'})),
        created(api.post(prefix + '/routes/%s/plugins' % route['id'], {'name': 'rate-limiting'})),
        created(api.post(prefix + '/consumers/alice/plugins', {'name': 'rate-limiting'})),
        created(api.post(prefix + '/consumer_groups/%s/plugins' % group['id'], {'name': 'rate-limiting'})),
        created(api.post(prefix + '/plugins', {'name': 'rate-limiting', 'service': {'id': service['id']}, 'route': {'id': route['id']}})),
    ]
    assert scoped[0]['service'] == {'id': service['id']} and scoped[2]['consumer'] == {'id': consumer['id']}
    kong_error(api.post(prefix + '/plugins', {'name': 'rate-limiting', 'service': {'id': service['id']}}))
    kong_error(api.post(prefix + '/consumers/%s/plugins' % consumer['id'], {'name': 'rate-limiting'}))
    # a plugin that may be limited to a consumer and to a consumer group, though not to both at once
    both = kong_error(api.post(prefix + '/plugins', {'name': 'request-termination', 'consumer': {'id': consumer['id']}, 'consumer_group': {'id': group['id']}}))
    assert detail_types(both) == ['ERROR_TYPE_ENTITY']
    missing = kong_error(api.post(prefix + '/plugins', {'name': 'cors', 'route': {'id': MISSING_ID}}))
    assert missing['details'][0]['type'] == 'ERROR_TYPE_REFERENCE' and missing['details'][0]['field'] == 'route'
    assert kong_error(api.post(prefix + '/plugins', {'name': 'cors', 'config': 'x'}))['message'] == 'validation error'

    assert created(api.post(prefix + '/plugins', {'name': 'cors', 'instance_name': 'cors-1'}))['instance_name'] == 'cors-1'
    kong_error(api.post(prefix + '/services/svc/plugins', {'name': 'cors', 'instance_name': 'cors-1'}))
    assert len(api.get(prefix + '/plugins', params={'filter[name][eq]': 'rate-limiting'}).json()['data']) == 6
    assert [p['id'] for p in api.get(prefix + '/services/svc/plugins').json()['data']] == [scoped[0]['id'], scoped[4]['id']]

    # PUT replaces a plugin in place; its own scope does not conflict with itself
    replaced = api.put(prefix + '/plugins/' + global_plugin['id'], {'name': 'rate-limiting', 'config': {'hour': 9}})
    assert replaced.status_code == 200 and replaced.json()['config'] == {'hour': 9}


def test_consumer_group_membership(core):
    api, prefix = core
    alice = created(api.post(prefix + '/consumers', {'username': 'alice'}))
    bob = created(api.post(prefix + '/consumers', {'username': 'bob', 'custom_id': 'b-1'}))
    gold = created(api.post(prefix + '/consumer_groups', {'name': 'gold'}))
    created(api.post(prefix + '/consumer_groups', {'name': 'silver'}))

    added = created(api.post(prefix + '/consumer_groups/gold/consumers', {'consumer': 'alice'}))
    assert added == {'consumer_group': gold, 'consumers': [alice]}
    conflict = kong_error(api.post(prefix + '/consumer_groups/gold/consumers', {'consumer': alice['id']}), 409)
    assert conflict['code'] == 6
    assert kong_error(api.post(prefix + '/consumer_groups/gold/consumers', {'consumer': 'nobody'}), 404)['code'] == 5
    assert kong_error(api.post(prefix + '/consumer_groups/gold/consumers', {}))['code'] == 3
    assert created(api.post(prefix + '/consumers/bob/consumer_groups', {'group': 'gold'})) == {'consumer': bob, 'consumer_groups': [gold]}
    created(api.post(prefix + '/consumers/bob/consumer_groups', {'group': 'silver'}))
    kong_error(api.post(prefix + '/consumers/bob/consumer_groups', {'group': 'bronze'}), 404)

    assert [c['username'] for c in api.get(prefix + '/consumer_groups/gold/consumers').json()['data']] == ['alice', 'bob']
    assert [g['name'] for g in api.get(prefix + '/consumers/%s/consumer_groups' % bob['id']).json()['data']] == ['gold', 'silver']
    assert api.get(prefix + '/consumer_groups/gold').json() == {'consumer_group': gold}
    listed = api.get(prefix + '/consumer_groups/' + gold['id'], params={'list_consumers': 'true'}).json()
    assert [c['username'] for c in listed['consumers']] == ['alice', 'bob']

    assert api.delete(prefix + '/consumer_groups/gold/consumers/bob').status_code == 204
    assert api.delete(prefix + '/consumer_groups/gold/consumers/bob').status_code == 204
    kong_error(api.delete(prefix + '/consumer_groups/gold/consumers/nobody'), 404)
    assert api.delete(prefix + '/consumers/bob/consumer_groups/silver').status_code == 204
    assert api.get(prefix + '/consumers/bob/consumer_groups').json()['data'] == []
    assert api.delete(prefix + '/consumer_groups/gold/consumers').status_code == 204
    kong_error(api.delete(prefix + '/consumer_groups/gold/consumers'), 404)

    created(api.post(prefix + '/consumer_groups/silver/consumers', {'consumer': 'alice'}))
    assert api.delete(prefix + '/consumers/alice/consumer_groups').status_code == 204
    assert api.get(prefix + '/consumer_groups/silver/consumers').json()['data'] == []


def test_targets_belong_to_their_upstream_and_go_with_it(core):
    api, prefix = core
    created(api.post(prefix + '/upstreams', {'name': 'up-a'}))
    up_b = created(api.post(prefix + '/upstreams', {'name': 'up-b'}))
    target = created(api.post(prefix + '/upstreams/up-a/targets', {'target': '10.0.0.1:8000', 'weight': 50}))
    created(api.post(prefix + '/upstreams/up-b/targets', {'target': '10.0.0.1:8000'}))
    kong_error(api.post(prefix + '/upstreams/up-a/targets', {'target': '10.0.0.1:8000'}))
    assert api.get(prefix + '/upstreams/up-a/targets/10.0.0.1:8000').json() == target
    assert api.get(prefix + '/upstreams/up-b/targets/' + target['id']).status_code == 404
    assert [t['target'] for t in api.get(prefix + '/upstreams/up-a/targets').json()['data']] == ['10.0.0.1:8000']
    assert len(api.get(prefix + '/targets').json()['data']) == 2
    assert api.delete(prefix + '/upstreams/up-a').status_code == 204
    assert [t['upstream']['id'] for t in api.get(prefix + '/targets').json()['data']] == [up_b['id']]


def test_certificates_ca_digest_and_snis(core):
    api, prefix = core
    ca = created(api.post(prefix + '/ca_certificates', {'cert': CERT}))
    assert ca['cert_digest'] == CERT_DIGEST
    duplicate = kong_error(api.post(prefix + '/ca_certificates', {'cert': CERT}))
    assert duplicate['details'][0]['field'] == 'cert_digest'
    assert kong_error(api.post(prefix + '/ca_certificates', {'cert': 'garbage'}))['details'][0]['field'] == 'cert'

    certificate = created(api.post(prefix + '/certificates', {'cert': CERT, 'key': KEY, 'snis': ['b.example.com', 'a.example.com']}))
    assert certificate['key'] == KEY and certificate['snis'] == ['a.example.com', 'b.example.com']
    assert kong_error(api.post(prefix + '/certificates', {'cert': CERT, 'key': 'nope'}))['details'][0]['field'] == 'key'
    alt = kong_error(api.post(prefix + '/certificates', {'cert': CERT, 'key': KEY, 'cert_alt': CERT}))
    assert detail_types(alt) == ['ERROR_TYPE_ENTITY']
    with_alt = created(api.post(prefix + '/certificates', {'cert': CERT, 'key': KEY, 'cert_alt': CERT, 'key_alt': KEY}))
    assert with_alt['key_alt'] == KEY and with_alt['snis'] == []
    kong_error(api.post(prefix + '/certificates', {'cert': CERT, 'key': KEY, 'snis': ['a.example.com']}))

    assert kong_error(api.post(prefix + '/snis', {'name': 'c.example.com'}))['details'][0]['field'] == 'certificate'
    missing = kong_error(api.post(prefix + '/snis', {'name': 'c.example.com', 'certificate': {'id': MISSING_ID}}))
    assert detail_types(missing) == ['ERROR_TYPE_REFERENCE']
    sni = created(api.post(prefix + '/certificates/%s/snis' % certificate['id'], {'name': 'c.example.com'}))
    assert sni['certificate'] == {'id': certificate['id']}
    kong_error(api.post(prefix + '/snis', {'name': 'c.example.com', 'certificate': {'id': with_alt['id']}}))
    assert api.get(prefix + '/snis/c.example.com').json() == sni
    assert api.get(prefix + '/certificates/' + certificate['id']).json()['snis'] == ['a.example.com', 'b.example.com', 'c.example.com']

    kept = api.put(prefix + '/certificates/' + certificate['id'], {'cert': CERT, 'key': KEY}).json()
    assert kept['snis'] == ['a.example.com', 'b.example.com', 'c.example.com']
    replaced = api.put(prefix + '/certificates/' + certificate['id'], {'cert': CERT, 'key': KEY, 'snis': ['a.example.com']}).json()
    assert replaced['snis'] == ['a.example.com'] and len(api.get(prefix + '/snis').json()['data']) == 1

    service = created(api.post(prefix + '/services', {'name': 'mtls', 'host': 'h', 'client_certificate': {'id': with_alt['id']}}))
    blocked = kong_error(api.delete(prefix + '/certificates/' + with_alt['id']))
    assert blocked['name'] == 'foreign key violation'
    assert api.delete(prefix + '/services/' + service['id']).status_code == 204
    assert api.delete(prefix + '/certificates/' + certificate['id']).status_code == 204
    assert api.get(prefix + '/snis').json()['data'] == []


def test_vaults_keys_key_sets_and_partials(core):
    api, prefix = core
    vault = created(api.post(prefix + '/vaults', {'name': 'env', 'prefix': 'my-env', 'config': {'prefix': 'SECRET_'}}))
    assert api.get(prefix + '/vaults/my-env').json() == vault
    kong_error(api.post(prefix + '/vaults', {'name': 'env', 'prefix': 'my-env'}))
    assert kong_error(api.post(prefix + '/vaults', {'name': 'env', 'prefix': 'Bad_Prefix'}))['details'][0]['field'] == 'prefix'

    key_set = created(api.post(prefix + '/key-sets', {'name': 'signing'}))
    assert api.get(prefix + '/key-sets/signing').json() == key_set
    jwk = '{"kid": "k1", "kty": "oct", "k": "c2VjcmV0"}'
    key = created(api.post(prefix + '/key-sets/signing/keys', {'name': 'k1', 'kid': 'k1', 'jwk': jwk}))
    assert key['set'] == {'id': key_set['id']} and key['jwk'] == jwk
    assert detail_types(kong_error(api.post(prefix + '/keys', {'name': 'none', 'kid': 'k9'}))) == ['ERROR_TYPE_ENTITY']
    both = kong_error(api.post(prefix + '/keys', {'name': 'both', 'kid': 'k1', 'jwk': jwk, 'pem': {'private_key': KEY}}))
    assert detail_types(both) == ['ERROR_TYPE_ENTITY']
    assert kong_error(api.post(prefix + '/keys', {'name': 'other-kid', 'kid': 'k2', 'jwk': jwk}))['details'][0]['field'] == 'jwk'
    kong_error(api.post(prefix + '/keys', {'name': 'same-kid', 'kid': 'k1', 'jwk': jwk, 'set': {'id': key_set['id']}}))
    pem_key = created(api.post(prefix + '/keys', {'name': 'pem', 'kid': 'k1', 'pem': {'private_key': KEY}}))
    assert pem_key['pem'] == {'private_key': KEY} and api.get(prefix + '/keys/pem').json() == pem_key
    assert kong_error(api.post(prefix + '/keys', {'name': 'bad-pem', 'kid': 'k3', 'pem': {'public_key': KEY}}))['details'][0]['field'] == 'pem.public_key'
    kong_error(api.post(prefix + '/keys', {'kid': 'k4', 'jwk': '{"kid": "k4"}', 'set': {'id': MISSING_ID}}))
    assert api.delete(prefix + '/key-sets/signing').status_code == 204
    assert [k['name'] for k in api.get(prefix + '/keys').json()['data']] == ['pem']

    partial = created(api.post(prefix + '/partials', {'name': 'redis', 'type': 'redis-ce', 'config': {'host': 'redis.internal'}}))
    assert partial['type'] == 'redis-ce' and partial['config']['host'] == 'redis.internal' and partial['config']['port'] == 6379
    assert kong_error(api.post(prefix + '/partials', {'name': 'bad', 'type': 'nope', 'config': {}}))['message'] == 'validation error'
    plugin = created(api.post(prefix + '/plugins', {'name': 'rate-limiting', 'partials': [{'id': partial['id']}]}))
    missing = kong_error(api.post(prefix + '/plugins', {'name': 'cors', 'partials': [{'id': MISSING_ID}]}))
    assert missing['details'][0]['field'] == 'partials'
    links = api.get(prefix + '/partials/%s/links' % partial['id']).json()
    assert links['data'] == [{'id': plugin['id'], 'name': 'rate-limiting'}] and links['count'] == 1


def test_credentials_generated_hashed_and_unique(core):
    api, prefix = core
    alice = created(api.post(prefix + '/consumers', {'username': 'alice'}))
    created(api.post(prefix + '/consumers', {'username': 'bob'}))
    assert detail_types(kong_error(api.post(prefix + '/consumers', {'tags': ['x']}))) == ['ERROR_TYPE_ENTITY']
    assert kong_error(api.post(prefix + '/consumers', {'username': 'alice'}))['details'][0]['field'] == 'username'
    created(api.post(prefix + '/consumers', {'custom_id': 'c-1'}))
    assert kong_error(api.post(prefix + '/consumers', {'custom_id': 'c-1'}))['details'][0]['field'] == 'custom_id'

    generated = created(api.post(prefix + '/consumers/alice/key-auth', {}))
    assert re.match(r'^[0-9a-f]{32}$', generated['key']) and generated['consumer'] == {'id': alice['id']}
    created(api.post(prefix + '/consumers/alice/key-auth', {'key': 'my-key'}))
    assert kong_error(api.post(prefix + '/consumers/bob/key-auth', {'key': 'my-key'}))['details'][0]['field'] == 'key'

    basic = created(api.post(prefix + '/consumers/alice/basic-auth', {'username': 'alice-basic', 'password': 'pw'}))
    assert basic['password'] == hashlib.sha1(('pw' + alice['id']).encode()).hexdigest()
    assert api.get(prefix + '/basic-auths/' + basic['id']).json()['password'] == basic['password']
    kong_error(api.post(prefix + '/consumers/bob/basic-auth', {'username': 'alice-basic', 'password': 'pw'}))

    hmac = created(api.post(prefix + '/consumers/alice/hmac-auth', {'username': 'alice-hmac'}))
    assert re.match(r'^[0-9a-f]{32}$', hmac['secret'])
    assert created(api.post(prefix + '/consumers/bob/hmac-auth', {'username': 'bob-hmac', 'secret': 'given'}))['secret'] == 'given'
    kong_error(api.post(prefix + '/consumers/bob/hmac-auth', {'username': 'alice-hmac'}))

    jwt = created(api.post(prefix + '/consumers/alice/jwt', {}))
    assert jwt['algorithm'] == 'HS256' and jwt['key'] and jwt['secret'] and jwt['key'] != jwt['secret']
    kong_error(api.post(prefix + '/consumers/bob/jwt', {'key': jwt['key']}))
    assert detail_types(kong_error(api.post(prefix + '/consumers/bob/jwt', {'algorithm': 'RS256'}))) == ['ERROR_TYPE_ENTITY']

    acl = created(api.post(prefix + '/consumers/alice/acls', {'group': 'admins'}))
    assert detail_types(kong_error(api.post(prefix + '/consumers/alice/acls', {'group': 'admins'}))) == ['ERROR_TYPE_REFERENCE']
    created(api.post(prefix + '/consumers/bob/acls', {'group': 'admins'}))

    ca = created(api.post(prefix + '/ca_certificates', {'cert': CERT}))
    mtls = created(api.post(prefix + '/consumers/alice/mtls-auth', {'subject_name': 'alice@example.com', 'ca_certificate': {'id': ca['id']}}))
    kong_error(api.post(prefix + '/consumers/bob/mtls-auth', {'subject_name': 'alice@example.com', 'ca_certificate': {'id': ca['id']}}))
    missing_ca = kong_error(api.post(prefix + '/consumers/bob/mtls-auth', {'subject_name': 'bob', 'ca_certificate': {'id': MISSING_ID}}))
    assert missing_ca['details'][0]['field'] == 'ca_certificate'
    kong_error(api.post(prefix + '/consumers/%s/acls' % MISSING_ID, {'group': 'x'}), 404)

    flat = {'acls': [acl], 'mtls-auths': [mtls], 'hmac-auths': [hmac], 'jwts': [jwt]}
    for path, expected in flat.items():
        assert [c['id'] for c in api.get(prefix + '/' + path).json()['data'] if c['consumer']['id'] == alice['id']] == [e['id'] for e in expected]
    assert [c['group'] for c in api.get(prefix + '/consumers/alice/acls').json()['data']] == ['admins']
    assert len(api.get(prefix + '/key-auths').json()['data']) == 2
    assert api.get(prefix + '/consumers/bob/key-auth/' + generated['id']).status_code == 404


def test_consumer_delete_cascades_and_ca_delete_cascades_mtls(core):
    api, prefix = core
    alice = created(api.post(prefix + '/consumers', {'username': 'alice'}))
    created(api.post(prefix + '/consumers', {'username': 'bob'}))
    created(api.post(prefix + '/consumer_groups', {'name': 'gold'}))
    ca = created(api.post(prefix + '/ca_certificates', {'cert': CERT}))
    for path, body in (('key-auth', {}), ('basic-auth', {'username': 'a', 'password': 'p'}), ('hmac-auth', {'username': 'a'}),
                       ('jwt', {}), ('acls', {'group': 'g'}), ('mtls-auth', {'subject_name': 'a', 'ca_certificate': {'id': ca['id']}}),
                       ('plugins', {'name': 'request-termination'})):  # cors cannot be limited to a consumer
        created(api.post(prefix + '/consumers/alice/' + path, body))
    created(api.post(prefix + '/consumers/bob/key-auth', {}))
    created(api.post(prefix + '/consumers/bob/mtls-auth', {'subject_name': 'b', 'ca_certificate': {'id': ca['id']}}))
    created(api.post(prefix + '/consumer_groups/gold/consumers', {'consumer': 'alice'}))

    assert api.delete(prefix + '/consumers/' + alice['id']).status_code == 204
    for path in ('acls', 'basic-auths', 'hmac-auths', 'jwts', 'plugins'):
        assert api.get(prefix + '/' + path).json()['data'] == [], path
    assert len(api.get(prefix + '/key-auths').json()['data']) == 1
    assert api.get(prefix + '/consumer_groups/gold/consumers').json()['data'] == []
    assert api.delete(prefix + '/ca_certificates/' + ca['id']).status_code == 204
    assert api.get(prefix + '/mtls-auths').json()['data'] == []


def test_service_deletes_its_plugins_but_is_blocked_by_routes(core):
    api, prefix = core
    created(api.post(prefix + '/services', {'name': 'svc', 'host': 'h'}))
    plugin = created(api.post(prefix + '/services/svc/plugins', {'name': 'cors'}))
    route = created(api.post(prefix + '/services/svc/routes', {'name': 'rt', 'paths': ['/']}))
    created(api.post(prefix + '/routes/rt/plugins', {'name': 'cors'}))
    assert kong_error(api.delete(prefix + '/services/svc'))['name'] == 'foreign key violation'
    assert api.delete(prefix + '/routes/' + route['id']).status_code == 204
    assert [p['id'] for p in api.get(prefix + '/plugins').json()['data']] == [plugin['id']]
    assert api.delete(prefix + '/services/svc').status_code == 204
    assert api.get(prefix + '/plugins').json()['data'] == []


# ---- 7. KIC and control-plane group refusals ----------------------------------------------------


WRITES = (
    ('POST', '/services', {'name': 's', 'host': 'h'}),
    ('POST', '/consumers', {'username': 'u'}),
    ('POST', '/plugins', {'name': 'cors'}),
    ('POST', '/consumer_groups', {'name': 'g'}),
    ('POST', '/upstreams', {'name': 'u'}),
    ('POST', '/ca_certificates', {'cert': CERT}),
    ('POST', '/certificates', {'cert': CERT, 'key': KEY}),
    ('POST', '/vaults', {'name': 'env', 'prefix': 'env-vault'}),
    ('POST', '/key-sets', {'name': 'ks'}),
    ('POST', '/partials', {'type': 'redis-ce', 'config': {}}),
    ('PUT', '/services/s', {'host': 'h'}),
    ('PUT', '/consumers/u', {}),
    ('DELETE', '/services/' + MISSING_ID, None),
)


@pytest.mark.parametrize('cluster_type, status, body', [
    (KIC, 403, {'code': 7, 'message': 'operation not permitted on KIC cluster'}),
    (GROUP, 400, {'code': 3, 'message': 'core entities cannot be written in a control plane group', 'details': []}),
])
def test_core_writes_refused_in_kic_and_group_control_planes(api, cluster_type, status, body):
    control_plane = make_cp(api, 'read-only', cluster_type)
    prefix = '/v2/control-planes/%s/core-entities' % control_plane['id']
    for method, path, payload in WRITES:
        response = api.call(method, prefix + path, payload)
        assert (response.status_code, response.json()) == (status, body), (method, path)
    assert api.get(prefix + '/services').json()['data'] == []

    # a property of the control plane: nested writes (credentials, scoped plugins, memberships) are refused
    # before their parents are looked up
    for method, path, payload in (('POST', '/consumers/u/key-auth', {}), ('PUT', '/consumers/u/basic-auth/' + MISSING_ID, {}),
                                  ('DELETE', '/consumers/u/acls/' + MISSING_ID, None), ('POST', '/services/s/plugins', {'name': 'cors'}),
                                  ('POST', '/consumer_groups/g/consumers', {'consumer': 'u'}), ('DELETE', '/consumers/u/consumer_groups', None),
                                  ('POST', '/upstreams/u/targets', {'target': 'h:80'}), ('POST', '/key-sets/ks/keys', {'kid': 'k'})):
        response = api.call(method, prefix + path, payload)
        assert (response.status_code, response.json()) == (status, body), (method, path)
    assert api.get(prefix + '/consumers/u/key-auth').status_code == 404
