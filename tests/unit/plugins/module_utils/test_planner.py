# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""``apply`` against the emulator served in this process: order, bulk reads, updates, prune, check-mode plans, faults."""

from __future__ import annotations

import copy
import multiprocessing
import os
import signal
import time

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.planner import KINDS
from ansible_collections.konnect.konnect.plugins.module_utils.runner import SECRET_VALUES

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection

from emulator.testing import JsonClient  # pylint: disable=import-error,wrong-import-order

SERVICES = '/v2/control-planes/%s/core-entities/services'

DOCUMENT = {
    'managed_by': 'tests',
    'teams': [{'name': 'Platform', 'users': ['ana@example.com'], 'roles': [{'role_name': 'Admin', 'entity': 'orders', 'entity_region': 'eu'}]}],
    'users': [{'email': 'ana@example.com', 'full_name': 'Ana'}],
    'control_planes': [{
        'name': 'orders', 'region': 'eu',
        'upstreams': [{'name': 'orders.upstream', 'targets': [{'target': 'o1.internal:8443'}, {'target': 'o2.internal'}]}],
        'services': [{'name': 'orders', 'url': 'https://orders.upstream:8443/v1'}, {'name': 'legacy', 'host': 'legacy.internal'}],
        'routes': [{'name': 'orders-read', 'service': 'orders', 'paths': ['/orders']}],
        'consumers': [{'username': 'app', 'keyauth_credentials': [{'key': 'app-secret-key'}], 'acls': [{'group': 'readers'}]}],
        'consumer_groups': [{'name': 'gold', 'members': ['app']}],
        'plugins': [{'name': 'rate-limiting', 'instance_name': 'orders-rl', 'service': 'orders', 'config': {'minute': 10, 'policy': 'local'}}],
    }],
}


def apply(emulator, document, check_mode=False, diff_mode=False, **options):  # pylint: disable=redefined-outer-name
    params = dict(connection(emulator), prune=False, parallelism=4, document=copy.deepcopy(document))
    params.update(options)
    emulator.clear_requests()
    lines = []
    result = ApplyTask().execute(params, check_mode=check_mode, diff_mode=diff_mode, warn=lambda message: None, progress=lines.append)
    result['progress'] = lines
    result['requests'] = emulator.requests()
    return result


def writes(result):
    return [request for request in result['requests'] if request['method'] != 'GET']


def counts(result, action):
    return dict((row['type'], row[action]) for row in result['summary'] if row[action])


def test_creates_in_dependency_order_then_changes_nothing(emulator):  # pylint: disable=redefined-outer-name
    first = apply(emulator, DOCUMENT)
    order = [change['type'] for change in first['changes']]
    kinds = [kind.name for kind in KINDS]
    assert order == sorted(order, key=kinds.index)
    assert counts(first, 'created')['gateway_target'] == 2 and counts(first, 'created')['team_role'] == 1
    second = apply(emulator, DOCUMENT)
    assert not second['changed'] and writes(second) == [] and second['changes'] == []
    assert all(row['created'] == row['updated'] == row['deleted'] == 0 for row in second['summary'])


def test_a_no_op_reads_each_collection_once(emulator):  # pylint: disable=redefined-outer-name
    apply(emulator, DOCUMENT)
    result = apply(emulator, DOCUMENT)
    paths = [request['path'] for request in result['requests']]
    assert len(paths) == len(set(paths)), 'a collection was read twice'
    assert not any('/key-auth' in path and '/consumers/' in path for path in paths), 'credentials are read for the whole control plane'
    assert len(paths) <= 16


def test_only_differing_fields_are_sent(emulator):  # pylint: disable=redefined-outer-name
    apply(emulator, DOCUMENT)
    changed = copy.deepcopy(DOCUMENT)
    changed['control_planes'][0]['services'][0]['url'] = 'https://orders.upstream:9443/v2'
    result = apply(emulator, changed, diff_mode=True)
    assert [(change['type'], change['action'], change['fields']) for change in result['changes']] == [
        ('gateway_service', 'updated', ['path', 'port'])]
    [put] = writes(result)
    assert put['method'] == 'PUT' and put['body']['port'] == 9443 and put['body']['host'] == 'orders.upstream'
    [diff] = result['diff']
    assert diff['before']['port'] == 8443 and diff['after']['port'] == 9443 and diff['after']['path'] == '/v2'


def test_check_mode_plans_children_of_new_parents_and_writes_nothing(emulator):  # pylint: disable=redefined-outer-name
    result = apply(emulator, DOCUMENT, check_mode=True, diff_mode=True)
    assert writes(result) == []
    planned = counts(result, 'created')
    assert planned['gateway_route'] == 1 and planned['gateway_key_auth'] == 1 and planned['gateway_consumer_group_member'] == 1
    assert result['ids']['gateway_service']['eu/orders/orders'].startswith('new:')
    route = [diff for diff in result['diff'] if diff['before_header'] == 'gateway_route eu/orders/orders-read'][0]
    assert route['after']['service'].startswith('orders (new:')
    key = [diff for diff in result['diff'] if diff['before_header'].startswith('gateway_key_auth')][0]
    assert 'app-secret-key' not in str(result['diff']) and key['after'] != {}
    assert any(line.startswith('gateway entities eu/orders: 0 read, ') for line in result['progress'])


def test_prune_deletes_owned_unlisted_only_and_keeps_protected(emulator):  # pylint: disable=redefined-outer-name
    document = copy.deepcopy(DOCUMENT)
    document['control_planes'][0]['services'].append({'name': 'kept', 'host': 'kept.internal', 'protected': True})
    first = apply(emulator, document)
    cp = first['ids']['control_plane']['eu/orders']
    client_post = {'name': 'foreign', 'host': 'foreign.internal'}
    emulator_client(emulator).post('/eu' + SERVICES % cp, client_post)
    smaller = copy.deepcopy(DOCUMENT)
    smaller['control_planes'][0]['services'] = [service for service in smaller['control_planes'][0]['services'] if service['name'] != 'legacy']
    plan = apply(emulator, smaller, check_mode=True, prune=True)
    assert writes(plan) == []
    assert [(change['type'], change['key']) for change in plan['changes'] if change['action'] == 'deleted'] == [('gateway_service', 'legacy')]
    result = apply(emulator, smaller, prune=True)
    assert [(request['method'], request['path'].rsplit('/', 1)[0]) for request in writes(result)] == [('DELETE', SERVICES % cp)]
    names = sorted(item['name'] for item in emulator_client(emulator).get('/eu' + SERVICES % cp).json()['data'])
    assert names == ['foreign', 'kept', 'orders']


def test_invalid_document_fails_before_any_request(emulator):  # pylint: disable=redefined-outer-name
    document = copy.deepcopy(DOCUMENT)
    document['control_planes'][0]['region'] = 'xx'
    document['teams'].append({'name': 'Platform'})
    emulator.clear_requests()
    with pytest.raises(KonnectParameterError) as raised:
        apply(emulator, document)
    assert "konnect_org.control_planes[0].region: 'xx' is not one of" in raised.value.msg
    assert emulator.requests() == []


def test_secrets_are_masked_values(emulator):  # pylint: disable=redefined-outer-name
    result = apply(emulator, DOCUMENT, check_mode=True)
    assert 'app-secret-key' in result[SECRET_VALUES]


@pytest.mark.parametrize('faults', [
    {'rate_limit': {'requests_per_second': 12, 'retry_after': 1, 'methods': ['POST']}},
    {'fail': {'count': 3, 'status': 503}},
    {'drop': {'count': 3}},
    {'drop': {'count': 3, 'methods': ['POST'], 'after_processing': True}},
], ids=['429 with Retry-After', '503', 'dropped before the write', 'dropped after the write'])
def test_converges_under_faults_without_duplicates(emulator, faults):  # pylint: disable=redefined-outer-name
    emulator.set_faults(faults)
    first = apply(emulator, DOCUMENT)
    assert emulator.faults().get('drop', {}).get('count') is None, 'the fault was not used up'
    emulator.set_faults({})
    again = apply(emulator, DOCUMENT)
    assert writes(again) == []
    created = sum(row['created'] for row in first['summary'])
    posts = [request for request in again['requests'] if request['method'] == 'GET' and request['path'].endswith('/services')]
    assert created == sum(row['unchanged'] for row in again['summary']) and posts
    services = emulator_client(emulator).get('/eu' + SERVICES % first['ids']['control_plane']['eu/orders']).json()['data']
    assert sorted(service['name'] for service in services) == ['legacy', 'orders'], 'no service was created twice'


def test_an_apply_that_fails_half_way_converges_on_the_next_run(emulator):  # pylint: disable=redefined-outer-name
    emulator.set_faults({'fail': {'count': 1, 'status': 503, 'methods': ['POST'], 'path_regex': '/routes$'}})
    with pytest.raises(KonnectError, match='1 of 1 writes failed'):
        apply(emulator, DOCUMENT, max_retries=0)
    emulator.set_faults({})
    resumed = apply(emulator, DOCUMENT)
    assert counts(resumed, 'created') == {'gateway_route': 1, 'gateway_consumer': 1, 'gateway_key_auth': 1, 'gateway_acl': 1,
                                          'gateway_consumer_group': 1, 'gateway_consumer_group_member': 1, 'gateway_plugin': 1, 'team_role': 1}
    assert writes(apply(emulator, DOCUMENT)) == []


def emulator_client(emulator):  # pylint: disable=redefined-outer-name
    return JsonClient(emulator.url)


DECK = '''\
_format_version: "3.0"
_info:
  select_tags: [team-payments]
  defaults:
    service: {retries: 3}
    route: {strip_path: false}
certificates:
  - id: 6f1f3c4e-0d1a-4a53-9c1e-3b8f0d2a1c01
    cert: ${{ env "DECK_TLS_CERT" }}
    key: ${{ env "DECK_TLS_KEY" }}
    snis: [{name: api.payments.example.com}]
ca_certificates:
  - id: 0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02
    cert: ${{ env "DECK_TLS_CERT" }}
vaults:
  - {name: env, prefix: payments-env, config: {prefix: PAYMENTS_}}
key_sets:
  - name: payments-jwks
keys:
  - name: payments-signing
    kid: payments-1
    set: {name: payments-jwks}
    jwk: '{"kty":"oct","kid":"payments-1","k":"c2VjcmV0LXNpZ25pbmcta2V5"}'
upstreams:
  - name: payments.upstream
    targets: [{target: "10.0.0.11:8443", weight: 100}, {target: "10.0.0.12"}]
services:
  - name: payments
    url: https://payments.upstream:8443/v1
    plugins:
      - {name: rate-limiting, config: {minute: 100, policy: local}}
    routes:
      - name: payments-api
        paths: ["/payments"]
        plugins:
          - {name: key-auth, config: {key_names: [apikey]}}
routes:
  - {name: payments-health, service: {name: payments}, paths: ["/health"]}
consumer_groups:
  - name: gold
    consumers: [{custom_id: cust-0002}]
    plugins:
      - {name: rate-limiting, config: {minute: 1000, policy: local}}
consumers:
  - username: alice
    custom_id: cust-0001
    groups: [{name: gold}]
    keyauth_credentials: [{key: '${{ env "DECK_ALICE_API_KEY" }}'}]
    basicauth_credentials: [{username: alice, password: '${{ env "DECK_ALICE_PASSWORD" }}'}]
    hmacauth_credentials: [{username: alice-hmac, secret: hmac-secret}]
    jwt_secrets: [{key: alice-issuer, algorithm: HS256, secret: jwt-secret}]
    acls: [{group: payments-admins}]
    mtls_auth_credentials:
      - {subject_name: alice@payments.example.com, ca_certificate: {id: 0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02}}
plugins:
  - {name: correlation-id, config: {header_name: X-Request-ID}}
  - {name: rate-limiting, route: payments-api, consumer: alice, config: {minute: 20, policy: local}}
'''


@pytest.fixture
def deck_file(tmp_path, monkeypatch):
    from ansible_collections.konnect.konnect.plugins.module_utils.special import generate_certificate  # pylint: disable=import-outside-toplevel
    cert, key = generate_certificate('api.payments.example.com', 30)
    monkeypatch.setenv('DECK_TLS_CERT', cert.strip().replace('\n', '\\n'))
    monkeypatch.setenv('DECK_TLS_KEY', key.strip().replace('\n', '\\n'))
    monkeypatch.setenv('DECK_ALICE_API_KEY', 'alice-api-key')
    monkeypatch.setenv('DECK_ALICE_PASSWORD', 'alice-password')
    path = tmp_path / 'payments.yaml'
    path.write_text(DECK.replace('${{ env "DECK_TLS_CERT" }}', '"${{ env "DECK_TLS_CERT" }}"').replace(
        '${{ env "DECK_TLS_KEY" }}', '"${{ env "DECK_TLS_KEY" }}"'))
    return str(path)


def deck_document(path):
    return {'managed_by': 'tests', 'control_planes': [{'name': 'payments', 'region': 'us', 'gateway_file': path}]}


def test_a_deck_file_converges_then_changes_nothing(emulator, deck_file):  # pylint: disable=redefined-outer-name
    first = apply(emulator, deck_document(deck_file))
    created = counts(first, 'created')
    assert created['gateway_plugin'] == 5 and created['gateway_mtls_auth'] == 1 and created['gateway_key'] == 1
    assert first['ids']['gateway_certificate']['us/payments/certificates[0]'] == '6f1f3c4e-0d1a-4a53-9c1e-3b8f0d2a1c01'
    assert 'alice-api-key' in first[SECRET_VALUES] and 'alice-password' in first[SECRET_VALUES]
    again = apply(emulator, deck_document(deck_file))
    assert writes(again) == [] and not again['changed']
    cp = first['ids']['control_plane']['us/payments']
    service = emulator_client(emulator).get('/us' + SERVICES % cp + '/payments').json()
    assert service['retries'] == 3 and 'team-payments' in service['tags']
    route = emulator_client(emulator).get('/us/v2/control-planes/%s/core-entities/routes/payments-api' % cp).json()
    assert route['strip_path'] is False
    assert created['gateway_consumer'] == 2 and created['gateway_consumer_group_member'] == 2


def test_prune_of_a_deck_section_touches_select_tags_only(emulator, deck_file):  # pylint: disable=redefined-outer-name
    first = apply(emulator, deck_document(deck_file))
    cp = first['ids']['control_plane']['us/payments']
    api = emulator_client(emulator)
    api.post('/us' + SERVICES % cp, {'name': 'other-team', 'host': 'other.internal', 'tags': ['team-other']})
    api.post('/us' + SERVICES % cp, {'name': 'stale', 'host': 'stale.internal', 'tags': ['team-payments']})
    result = apply(emulator, deck_document(deck_file), prune=True)
    assert [(change['type'], change['key']) for change in result['changes']] == [('gateway_service', 'stale')]
    names = sorted(item['name'] for item in api.get('/us' + SERVICES % cp).json()['data'])
    assert names == ['other-team', 'payments']


def test_a_wrong_deck_format_version_fails_before_any_request(emulator, tmp_path):  # pylint: disable=redefined-outer-name
    path = tmp_path / 'old.yaml'
    path.write_text('_format_version: "1.1"\nservices: [{name: a, host: a.internal, foo: 1}]\n')
    emulator.clear_requests()
    with pytest.raises(KonnectParameterError) as raised:
        apply(emulator, deck_document(str(path)))
    assert 'konnect_org.control_planes[0].gateway_file' in raised.value.msg and '3.0' in raised.value.msg
    assert 'services[0]' in raised.value.msg
    assert emulator.requests() == []


def test_secrets_of_an_invalid_document_are_masked_too(emulator):  # pylint: disable=redefined-outer-name
    document = copy.deepcopy(DOCUMENT)
    document['control_planes'][0]['region'] = 'xx'
    with pytest.raises(KonnectParameterError) as raised:
        apply(emulator, document)
    assert 'app-secret-key' in raised.value.details[SECRET_VALUES]
    assert 'app-secret-key' not in raised.value.msg


def test_an_apply_killed_half_way_converges_on_the_next_run(emulator):  # pylint: disable=redefined-outer-name
    emulator.set_faults({'latency_ms': 15})
    child = multiprocessing.get_context('fork').Process(target=apply, args=(emulator, DOCUMENT))
    child.start()
    deadline = time.time() + 20
    while time.time() < deadline and len([r for r in emulator.requests() if r['method'] == 'POST']) < 8:
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    emulator.set_faults({})
    done_before = len([request for request in emulator.requests() if request['method'] == 'POST'])
    resumed = apply(emulator, DOCUMENT)
    assert 8 <= done_before and sum(row['created'] for row in resumed['summary']) > 0
    assert writes(apply(emulator, DOCUMENT)) == []
    services = emulator_client(emulator).get('/eu' + SERVICES % resumed['ids']['control_plane']['eu/orders']).json()['data']
    assert sorted(service['name'] for service in services) == ['legacy', 'orders']
