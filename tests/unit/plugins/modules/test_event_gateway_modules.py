# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Event gateways and what is configured in them, against the emulator: every module's life cycle, policy chains in
order, configs checked against the spec before any request, and the emulator's answers they rely on."""

from __future__ import annotations

import pytest
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
PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUB0\n-----END CERTIFICATE-----'
SNI = dict(type='sni', sni_suffix='.kafka.example.com')


def new_gateway(emulator, name='orders'):
    return konnect(emulator, 'POST', '/v1/event-gateways', dict(name=name))['id']


def new_backend_cluster(emulator, gateway, name='kafka'):
    return konnect(emulator, 'POST', '/v1/event-gateways/%s/backend-clusters' % gateway,
                   dict(name=name, bootstrap_servers=['kafka:9092'], authentication=dict(type='anonymous'), tls=dict(enabled=False)))['id']


def new_listener(emulator, gateway, name='public'):
    return konnect(emulator, 'POST', '/v1/event-gateways/%s/listeners' % gateway, dict(name=name, addresses=['0.0.0.0'], ports=[9092]))['id']


def new_virtual_cluster(emulator, gateway, name='partners'):
    new_backend_cluster(emulator, gateway)
    return konnect(emulator, 'POST', '/v1/event-gateways/%s/virtual-clusters' % gateway,
                   dict(name=name, destination=dict(name='kafka'), authentication=[dict(type='anonymous')], dns_label=name,
                        acl_mode='passthrough'))['id']


def answer(emulator, method, path, body=None):
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


# -- event gateway -------------------------------------------------------------------------------------------------------

def test_event_gateway_lifecycle(emulator):
    gateway = Module(emulator, 'event_gateway')
    created = assert_lifecycle(gateway, create=dict(name='orders', description='Kafka access', labels=dict(team='orders')),
                               update=dict(description='Kafka access for partners', min_runtime_version='1.1'), noop_requests=1)
    assert created['id'] and created['labels'] == dict(team='orders')


def test_event_gateway_is_found_by_its_exact_name_among_similar_ones(emulator):
    new_gateway(emulator, 'orders-eu')
    gateway = Module(emulator, 'event_gateway')
    result = gateway(name='orders', description='x')
    assert result['action'] == 'created'
    again, sent = gateway.counted(name='orders', description='x')
    assert not again['changed'] and sent[0]['query'].get('filter[name][contains]') == ['orders']


def test_event_gateway_info_by_name_id_and_filters(emulator):
    first = new_gateway(emulator, 'orders')
    new_gateway(emulator, 'orders-eu')
    info = Module(emulator, 'event_gateway_info')
    assert [item['id'] for item in info(name='orders')['event_gateways']] == [first]
    assert [item['name'] for item in info(id=first)['event_gateways']] == ['orders']
    assert sorted(item['name'] for item in info()['event_gateways']) == ['orders', 'orders-eu']
    assert [item['name'] for item in info(filters=dict(name='orders-eu'))['event_gateways']] == ['orders-eu']
    assert len(info(filters=dict(name=dict(contains='orders')))['event_gateways']) == 2


def test_event_gateway_refuses_a_runtime_version_konnect_refuses(emulator):
    gateway = Module(emulator, 'event_gateway')
    gateway(name='orders')
    result, sent = gateway.counted(name='orders', min_runtime_version='one')
    assert result['failed'] and 'min_runtime_version' in result['msg']


# -- things in a gateway -------------------------------------------------------------------------------------------------

def test_listener_lifecycle_and_unknown_gateway(emulator):
    gateway = new_gateway(emulator)
    listener = Module(emulator, 'event_gateway_listener')
    assert_lifecycle(listener, create=dict(event_gateway=gateway, name='public', addresses=['0.0.0.0'], ports=['9092-9095']),
                     update=dict(description='partners', ports=[9092]))
    assert_refused(listener, dict(event_gateway='nope', name='public', addresses=['0.0.0.0'], ports=[9092]), 'event_gateway', 'nope')
    assert_refused(listener, dict(event_gateway=MISSING, name='public', addresses=['0.0.0.0'], ports=[9092]), 'event_gateway', MISSING)
    assert_refused(listener, dict(event_gateway=gateway, name='public'), 'addresses', 'required')


def test_backend_cluster_secrets_are_write_only(emulator):
    gateway = new_gateway(emulator)
    cluster = Module(emulator, 'event_gateway_backend_cluster')
    args = dict(event_gateway=gateway, name='kafka', bootstrap_servers=['kafka-1:9092'], tls=dict(enabled=True),
                authentication=dict(type='sasl_plain', username='gateway', password='s3cret-pw'))
    assert_lifecycle(cluster, create=args, update=dict(bootstrap_servers=['kafka-1:9092', 'kafka-2:9092'], metadata_update_interval_seconds=30),
                     secrets=('s3cret-pw',), deletable=False)
    rotated, sent = cluster.counted(diff=True, **{**args, 'update_secrets': 'always', 'authentication': dict(args['authentication'], password='n3w-pw')})
    assert rotated['changed'] and writes(sent)[0]['body']['authentication']['password'] == 'n3w-pw'
    assert 'n3w-pw' not in str(rotated) and rotated['diff']['after']['authentication']['password'] == '********'
    assert_refused(cluster, dict(args, authentication=dict(type='kerberos')), 'authentication')


def test_virtual_cluster_points_to_a_backend_cluster_by_name(emulator):
    gateway = new_gateway(emulator)
    backend = new_backend_cluster(emulator, gateway)
    new_backend_cluster(emulator, gateway, 'kafka-2')
    virtual = Module(emulator, 'event_gateway_virtual_cluster')
    created = assert_lifecycle(virtual, create=dict(event_gateway=gateway, name='partners', backend_cluster=backend, dns_label='partners',
                                                    authentication=[dict(type='anonymous')], acl_mode='passthrough'),
                               update=dict(backend_cluster='kafka-2', acl_mode='enforce_on_gateway'))
    assert created['destination'] == dict(id=backend, name='kafka')
    assert_refused(virtual, dict(event_gateway=gateway, name='other', backend_cluster='nope', dns_label='o', authentication=[dict(type='anonymous')],
                                 acl_mode='passthrough'), 'backend_cluster', 'nope')


def test_schema_registry_lifecycle(emulator):
    gateway = new_gateway(emulator)
    registry = Module(emulator, 'event_gateway_schema_registry')
    config = dict(schema_type='avro', endpoint='https://registry.example.com',
                  authentication=dict(type='basic', username='gateway', password='reg-s3cret'))
    assert_lifecycle(registry, create=dict(event_gateway=gateway, name='registry', type='confluent', config=config),
                     update=dict(config=dict(config, timeout_seconds=5)), secrets=('reg-s3cret',))


def test_dp_certificate_lifecycle(emulator):
    gateway = new_gateway(emulator)
    certificate = Module(emulator, 'event_gateway_dp_certificate')
    assert_lifecycle(certificate, create=dict(event_gateway=gateway, name='dp', certificate=PEM), update=dict(description='data planes'))


def test_tls_trust_bundle_lifecycle(emulator):
    gateway = new_gateway(emulator)
    bundle = Module(emulator, 'event_gateway_tls_trust_bundle')
    assert_lifecycle(bundle, create=dict(event_gateway=gateway, name='partners-ca', config=dict(trusted_ca=PEM)),
                     update=dict(description='Partner CA', labels=dict(team='orders')))


def test_static_key_is_created_never_updated_and_recreated_on_request(emulator):
    gateway = new_gateway(emulator)
    key = Module(emulator, 'event_gateway_static_key')
    args = dict(event_gateway=gateway, name='orders-key', value='k3y-material', description='AES')
    created = assert_lifecycle(key, create=args, update=dict(description='AES 256', recreate=True), secrets=('k3y-material',))
    assert created['id']
    key(**args)
    assert_refused(key, dict(args, description='other'), 'description', 'recreate')
    assert_refused(key, dict(args, value='n3w', update_secrets='always'), 'value', 'recreate: true')
    first = returned(key, key(**args))['id']
    rotated, sent = key.counted(diff=True, **{**args, 'value': 'n3w-k3y', 'update_secrets': 'always', 'recreate': True})
    assert rotated['changed'] and [request['method'] for request in writes(sent)] == ['DELETE', 'POST']
    assert returned(key, rotated)['id'] != first and 'n3w-k3y' not in str(rotated)


# -- policies --------------------------------------------------------------------------------------------------------------

def chain(emulator, path):
    return [item['name'] for item in konnect(emulator, 'GET', path)]


def test_listener_policy_lifecycle(emulator):
    gateway = new_gateway(emulator)
    listener = new_listener(emulator, gateway)
    policy = Module(emulator, 'event_gateway_listener_policy')
    created = assert_lifecycle(policy, create=dict(event_gateway=gateway, listener=listener, name='route', type='forward_to_virtual_cluster',
                                                   config=SNI),
                               update=dict(enabled=False, description='by SNI'))
    assert created['position'] == 0


def test_listener_policies_are_placed_compared_and_moved(emulator):
    gateway = new_gateway(emulator)
    listener = new_listener(emulator, gateway)
    path = '/v1/event-gateways/%s/listeners/%s/policies' % (gateway, listener)
    policy = Module(emulator, 'event_gateway_listener_policy')
    base = dict(event_gateway=gateway, listener=listener, type='forward_to_virtual_cluster', config=SNI)
    for name in ('a', 'b', 'c'):
        policy(name=name, **base)
    assert chain(emulator, path) == ['a', 'b', 'c']
    inserted, sent = policy.counted(name='first', position=0, **base)
    assert returned(policy, inserted)['position'] == 0 and len(writes(sent)) == 1 and writes(sent)[0]['query'].get('before')
    assert chain(emulator, path) == ['first', 'a', 'b', 'c']
    unchanged, sent = policy.counted(name='b', position=2, **base)
    assert not unchanged['changed'] and len(sent) == 1
    planned, sent = policy.counted(check_mode=True, diff=True, name='b', position=0, **base)
    assert planned['changed'] and not writes(sent) and planned['diff']['before']['position'] == 2 and planned['diff']['after']['position'] == 0
    moved, sent = policy.counted(name='b', position=0, **base)
    assert moved['changed'] and [request['path'].rsplit('/', 1)[-1] for request in writes(sent)] == ['move']
    assert chain(emulator, path) == ['b', 'first', 'a', 'c']
    by_name_only, sent = policy.counted(event_gateway=gateway, listener=listener, name='c', position=3)
    assert not by_name_only['changed'] and not writes(sent)
    assert_refused(policy, dict(base, name='c', position=4), 'position', 'past the end')
    assert_refused(policy, dict(base, name='new', position=9), 'position', 'past the end')
    assert_refused(policy, dict(base, name='c', position=-1), 'position')


def test_policy_config_is_checked_against_the_type_schema_before_any_request(emulator):
    gateway = new_gateway(emulator)
    new_listener(emulator, gateway)
    policy = Module(emulator, 'event_gateway_listener_policy')
    base = dict(event_gateway='orders', listener='public', name='route', type='forward_to_virtual_cluster')
    for config, words in ((dict(type='sni', sni_suffix='.x', extra=1), ('config.extra', 'unknown')),
                          (dict(type='sni', advertised_port=0), ('advertised_port',)),
                          (dict(type='nope'), ('config.type',)),
                          (dict(type='port_mapping'), ('required',))):
        result, sent = policy.counted(config=config, **base)
        assert result['failed'] and not sent, (config, result)
        for word in words:
            assert word in result['msg'], (word, result['msg'])
    assert_refused(policy, {**base, 'type': 'tls_server'}, 'config: required to create a tls_server policy')


def test_tls_server_certificates_are_write_only(emulator):
    gateway = new_gateway(emulator)
    listener = new_listener(emulator, gateway)
    policy = Module(emulator, 'event_gateway_listener_policy')
    config = dict(certificates=[dict(certificate=PEM, key='-----BEGIN PRIVATE KEY-----tls-s3cret')])
    assert_lifecycle(policy, create=dict(event_gateway=gateway, listener=listener, name='tls', type='tls_server', config=config),
                     update=dict(config=dict(config, allow_plaintext=True)), secrets=('tls-s3cret',))


def test_consume_policy_lifecycle_with_a_parent_policy(emulator):
    gateway = new_gateway(emulator)
    virtual = new_virtual_cluster(emulator, gateway)
    policy = Module(emulator, 'event_gateway_consume_policy')
    base = dict(event_gateway=gateway, virtual_cluster=virtual)
    assert_lifecycle(policy, create=dict(base, name='skip', type='skip_record', condition="record.value == ''"),
                     update=dict(condition="record.value == 'x'", position=0))
    parent = returned(policy, policy(name='headers', type='modify_headers', config=dict(actions=[dict(op='remove', key='x-internal')]), **base))
    child = returned(policy, policy(name='child', type='skip_record', parent_policy='headers', **base))
    assert child['parent_policy_id'] == parent['id']
    assert_refused(policy, dict(base, name='x', type='skip_record', config=dict(a=1)), 'takes no config')
    decrypt = dict(failure_mode='error', key_sources=[dict(type='static')], decrypt_fields=dict(paths=[dict(match='card.number')]))
    assert_refused(policy, dict(base, name='x', type='decrypt_fields', config=decrypt), 'parent_policy', 'required')
    assert_refused(policy, dict(base, name='x', type='decrypt_fields', config=dict(decrypt, failure_mode='explode')), 'failure_mode', 'explode')
    assert_refused(policy, dict(base, name='x', type='encrypt'), 'type', 'decrypt')


def test_produce_and_cluster_policy_lifecycles(emulator):
    gateway = new_gateway(emulator)
    virtual = new_virtual_cluster(emulator, gateway)
    base = dict(event_gateway=gateway, virtual_cluster=virtual)
    produce = Module(emulator, 'event_gateway_produce_policy')
    assert_lifecycle(produce, create=dict(base, name='headers', type='modify_headers', config=dict(actions=[dict(op='remove', key='x-a')])),
                     update=dict(config=dict(actions=[dict(op='remove', key='x-b')]), labels=dict(team='orders')))
    cluster = Module(emulator, 'event_gateway_cluster_policy')
    rules = [dict(action='allow', resource_type='topic', operations=[dict(name='read')], resource_names=[dict(match='orders*')])]
    assert_lifecycle(cluster, create=dict(base, name='read', type='acls', config=dict(rules=rules)),
                     update=dict(description='read orders', enabled=False))


@pytest.mark.parametrize('info_name', ['event_gateway_listener_info', 'event_gateway_backend_cluster_info', 'event_gateway_virtual_cluster_info',
                                       'event_gateway_schema_registry_info', 'event_gateway_dp_certificate_info', 'event_gateway_static_key_info',
                                       'event_gateway_tls_trust_bundle_info'])
def test_info_modules_list_and_find_by_name(emulator, info_name):
    name = info_name[:-len('_info')]
    gateway = new_gateway(emulator)
    virtual = new_virtual_cluster(emulator, gateway)
    new_listener(emulator, gateway)
    bodies = {
        'event_gateway_listener': ('listeners', dict(name='public-2', addresses=['0.0.0.0'], ports=[9093])),
        'event_gateway_backend_cluster': ('backend-clusters', dict(name='kafka-3', bootstrap_servers=['k:1'], authentication=dict(type='anonymous'),
                                                                   tls=dict(enabled=False))),
        'event_gateway_virtual_cluster': ('virtual-clusters', dict(name='partners-2', destination=dict(name='kafka'),
                                                                   authentication=[dict(type='anonymous')], dns_label='p2', acl_mode='passthrough')),
        'event_gateway_schema_registry': ('schema-registries', dict(name='registry', type='confluent',
                                                                    config=dict(schema_type='json', endpoint='https://r.example.com'))),
        'event_gateway_dp_certificate': ('data-plane-certificates', dict(name='dp', certificate=PEM)),
        'event_gateway_static_key': ('static-keys', dict(name='key', value='v')),
        'event_gateway_tls_trust_bundle': ('tls-trust-bundles', dict(name='ca', config=dict(trusted_ca=PEM))),
    }
    collection, body = bodies[name]
    made = konnect(emulator, 'POST', '/v1/event-gateways/%s/%s' % (gateway, collection), body)
    info = Module(emulator, info_name)
    plural = info.task.entity.plural
    assert [item['id'] for item in info(event_gateway='orders', name=body['name'])[plural]] == [made['id']]
    assert [item['id'] for item in info(event_gateway=gateway, id=made['id'])[plural]] == [made['id']]
    assert made['id'] in [item['id'] for item in info(event_gateway=gateway)[plural]]
    assert virtual


def test_policy_info_lists_the_chain_in_order(emulator):
    gateway = new_gateway(emulator)
    virtual = new_virtual_cluster(emulator, gateway)
    policy = Module(emulator, 'event_gateway_cluster_policy')
    rules = [dict(action='allow', resource_type='topic', operations=[dict(name='read')], resource_names=[dict(match='*')])]
    for name in ('second', 'first'):
        policy(event_gateway=gateway, virtual_cluster=virtual, name=name, type='acls', config=dict(rules=rules), position=0)
    info = Module(emulator, 'event_gateway_cluster_policy_info')
    assert [item['name'] for item in info(event_gateway=gateway, virtual_cluster='partners')['event_gateway_cluster_policies']] == ['first', 'second']
    assert [item['name'] for item in info(event_gateway=gateway, virtual_cluster=virtual, name='second')['event_gateway_cluster_policies']] == ['second']


@pytest.mark.parametrize('info_name', ['event_gateway_listener_policy_info', 'event_gateway_consume_policy_info',
                                       'event_gateway_produce_policy_info'])
def test_other_policy_info_modules_find_a_policy_by_name(emulator, info_name):
    gateway = new_gateway(emulator)
    if info_name == 'event_gateway_listener_policy_info':
        place = dict(event_gateway=gateway, listener=new_listener(emulator, gateway))
        wanted = dict(type='forward_to_virtual_cluster', config=SNI)
    else:
        place = dict(event_gateway=gateway, virtual_cluster=new_virtual_cluster(emulator, gateway))
        wanted = dict(type='modify_headers', config=dict(actions=[dict(op='remove', key='x-a')]))
    policy = Module(emulator, info_name[:-len('_info')])
    made = returned(policy, policy(name='one', **dict(place, **wanted)))
    info = Module(emulator, info_name)
    plural = info.task.entity.plural
    assert [item['id'] for item in info(name='one', **place)[plural]] == [made['id']]
    assert [item['name'] for item in info(**place)[plural]] == ['one']


# -- the emulator's policy chains -------------------------------------------------------------------------------------------

def test_emulator_policy_chain_order_move_and_errors(emulator):
    gateway = new_gateway(emulator)
    listener = new_listener(emulator, gateway)
    path = '/v1/event-gateways/%s/listeners/%s/policies' % (gateway, listener)
    ids = [konnect(emulator, 'POST', path, dict(name=name, type='forward_to_virtual_cluster', config=SNI))['id'] for name in ('a', 'b')]
    after = konnect(emulator, 'POST', path + '?after=' + ids[0], dict(name='c', type='forward_to_virtual_cluster', config=SNI))['id']
    assert chain(emulator, path) == ['a', 'c', 'b']
    assert answer(emulator, 'POST', path + '?before=' + MISSING, dict(name='d', type='forward_to_virtual_cluster', config=SNI))[0] == 400
    assert answer(emulator, 'POST', '%s/%s/move' % (path, after), dict(index=3))[0] == 400
    assert answer(emulator, 'POST', '%s/%s/move' % (path, MISSING), dict(index=0))[0] == 404
    assert answer(emulator, 'POST', '%s/%s/move' % (path, after), dict(index=0))[0] == 204
    chain_path = '/v1/event-gateways/%s/listeners/%s/policy-chain' % (gateway, listener)
    assert konnect(emulator, 'GET', chain_path)['policies'] == [after] + ids
    assert answer(emulator, 'PUT', chain_path, dict(policies=ids))[0] == 400
    assert konnect(emulator, 'PUT', chain_path, dict(policies=ids + [after]))['policies'] == ids + [after]
    assert chain(emulator, path) == ['a', 'b', 'c']
