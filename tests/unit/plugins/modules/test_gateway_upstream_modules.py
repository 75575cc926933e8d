# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_upstream, gateway_target and their _info twins against the in-process emulator: the engine's decisions
(requests sent, predictions, comparisons, check mode, refusals).

Moved from the integration target gateway_upstreams (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, paths, writes

MISSING_CERTIFICATE = '00000000-0000-4000-8000-000000000003'
MISSING_UPSTREAM = '00000000-0000-4000-8000-000000000004'
HEALTHCHECKS = {'active': {'http_path': '/healthz', 'healthy': {'interval': 5, 'successes': 2}}, 'threshold': 50}
ORDERS = dict(name='orders.upstream', algorithm='least-connections', slots=1000, healthchecks=HEALTHCHECKS, tags=['team-orders'])


def a_control_plane(emulator):
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-upstreams-cp'})['id']
    return plane, '/v2/control-planes/%s/core-entities/upstreams' % plane


def with_upstream(args, upstream):
    """The same task arguments with another reference to the upstream."""
    changed = dict(args)
    changed['upstream'] = upstream
    return changed


def test_gateway_upstream_bad_input_is_refused_before_any_write(emulator):
    plane, _upstreams = a_control_plane(emulator)
    upstream = Module(emulator, 'gateway_upstream')
    assert_refused(upstream, dict(control_plane=plane, algorithm='round-robin'), 'name', 'id')
    assert_refused(upstream, dict(control_plane=plane, name='orders.upstream', algorithm='random'), 'algorithm', 'random')
    assert_refused(upstream, dict(control_plane=plane, name='orders.upstream', slots='many'), 'slots')
    assert_refused(upstream, dict(control_plane=plane, name='orders.upstream', client_certificate=MISSING_CERTIFICATE),
                   'client_certificate', MISSING_CERTIFICATE)
    assert_refused(upstream, dict(control_plane='it-nowhere', name='orders.upstream'), 'control_plane', 'it-nowhere')

    refused, sent = upstream.counted(control_plane=plane, name='orders.upstream', slots=5)
    assert refused['failed'] and refused['status'] == 400 and 'slots' in refused['msg']
    assert [request['status'] for request in writes(sent)] == [400]


def test_gateway_upstream_life(emulator):
    plane, upstreams = a_control_plane(emulator)
    upstream = Module(emulator, 'gateway_upstream')

    predicted, sent = upstream.counted(check_mode=True, diff=True, control_plane=plane, **ORDERS)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_upstream']['id'] is None and predicted['gateway_upstream']['name'] == 'orders.upstream'
    assert predicted['gateway_upstream']['slots'] == 1000
    assert predicted['diff']['before'] == {}
    assert predicted['diff']['after']['algorithm'] == 'least-connections' and predicted['diff']['after']['healthchecks']['threshold'] == 50

    created, sent = upstream.counted(control_plane=plane, **ORDERS)
    made = created['gateway_upstream']
    assert created['changed'] and len(made['id']) == 36
    assert (made['algorithm'], made['slots'], made['hash_on']) == ('least-connections', 1000, 'none')
    assert made['healthchecks']['active']['http_path'] == '/healthz' and made['healthchecks']['active']['healthy']['interval'] == 5
    assert made['healthchecks']['active']['unhealthy']['interval'] == 0 and made['healthchecks']['threshold'] == 50
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status']) == ('POST', upstreams, 201)
    assert post['body']['name'] == 'orders.upstream' and post['body']['healthchecks'] == HEALTHCHECKS

    again, sent = upstream.counted(control_plane=plane, **ORDERS)
    assert not again['changed'] and again['gateway_upstream']['id'] == made['id']
    subset, sent_subset = upstream.counted(control_plane=plane, name='orders.upstream', healthchecks={'active': {'healthy': {'successes': 2}}})
    assert not subset['changed']
    assert paths(sent + sent_subset) == [upstreams + '/orders.upstream'] * 2

    interval = {'active': {'healthy': {'interval': 10}}}
    planned, sent = upstream.counted(check_mode=True, control_plane=plane, name='orders.upstream', healthchecks=interval)
    assert planned['changed'] and not writes(sent)
    assert planned['gateway_upstream']['healthchecks']['active']['healthy'] == dict(planned['gateway_upstream']['healthchecks']['active']['healthy'],
                                                                                    interval=10, successes=2)

    updated, sent = upstream.counted(diff=True, control_plane=plane, name='orders.upstream', host_header='orders.internal', healthchecks=interval)
    assert updated['changed'] and updated['gateway_upstream']['id'] == made['id']
    assert updated['gateway_upstream']['host_header'] == 'orders.internal'
    assert updated['gateway_upstream']['healthchecks']['active']['healthy']['interval'] == 10
    assert updated['diff']['before']['healthchecks']['active']['healthy']['interval'] == 5
    assert updated['diff']['after']['healthchecks']['active']['healthy']['interval'] == 10
    assert updated['diff']['before']['host_header'] is None and updated['diff']['after']['host_header'] == 'orders.internal'
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (upstreams, made['id']))
    body = put['body']
    assert (body['name'], body['algorithm'], body['slots'], body['tags'], body['host_header']) == (
        'orders.upstream', 'least-connections', 1000, ['team-orders'], 'orders.internal')
    assert body['healthchecks']['active']['healthy'] == dict(body['healthchecks']['active']['healthy'], interval=10, successes=2)
    assert body['healthchecks']['active']['http_path'] == '/healthz' and body['healthchecks']['threshold'] == 50


def test_gateway_upstream_rename_by_id_and_info(emulator):
    plane, _upstreams = a_control_plane(emulator)
    upstream, info = Module(emulator, 'gateway_upstream'), Module(emulator, 'gateway_upstream_info')
    orders = upstream(control_plane=plane, **ORDERS)['gateway_upstream']
    carts = upstream(control_plane=plane, name='carts.upstream', algorithm='consistent-hashing', hash_on='header',
                     hash_on_header='X-Cart-ID', hash_fallback='ip')['gateway_upstream']
    assert carts['hash_on_header'] == 'X-Cart-ID'

    renamed = upstream(control_plane=plane, id=carts['id'], name='baskets.upstream')
    assert renamed['changed'] and renamed['gateway_upstream']['id'] == carts['id']
    assert renamed['gateway_upstream']['name'] == 'baskets.upstream' and renamed['gateway_upstream']['hash_on_header'] == 'X-Cart-ID'

    assert [found['id'] for found in info(control_plane='it-upstreams-cp', name='orders.upstream')['gateway_upstreams']] == [orders['id']]
    assert [found['name'] for found in info(control_plane=plane, id=carts['id'])['gateway_upstreams']] == ['baskets.upstream']
    hashing = info(control_plane=plane, filters={'algorithm': 'consistent-hashing'})['gateway_upstreams']
    assert [found['name'] for found in hashing] == ['baskets.upstream']
    assert sorted(found['name'] for found in info(control_plane=plane)['gateway_upstreams']) == ['baskets.upstream', 'orders.upstream']

    assert_refused(info, dict(control_plane=plane, name='orders.upstream', id=orders['id']), 'name', 'id')
    targets = Module(emulator, 'gateway_target_info')
    assert_refused(targets, dict(control_plane=plane), 'upstream')
    assert_refused(targets, dict(control_plane=plane, upstream='nowhere.upstream'), 'upstream', 'nowhere.upstream')


def test_gateway_target_life(emulator):
    plane, upstreams = a_control_plane(emulator)
    upstream_id = Module(emulator, 'gateway_upstream')(control_plane=plane, **ORDERS)['gateway_upstream']['id']
    targets_path = '%s/%s/targets' % (upstreams, upstream_id)
    target = Module(emulator, 'gateway_target')
    address = dict(control_plane=plane, target='10.0.12.4:8080')

    assert_refused(target, dict(address, upstream='nowhere.upstream'), 'upstream', 'nowhere.upstream')
    assert_refused(target, dict(address, upstream=MISSING_UPSTREAM), 'upstream', MISSING_UPSTREAM)
    assert_refused(target, address, 'upstream')
    assert_refused(target, dict(address, upstream='orders.upstream', weight='heavy'), 'weight')

    wanted = dict(address, upstream='orders.upstream', weight=100, tags=['zone-a'])
    predicted, sent = target.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_target']['id'] is None and predicted['gateway_target']['target'] == '10.0.12.4:8080'
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['weight'] == 100

    created, sent = target.counted(**wanted)
    made = created['gateway_target']
    assert created['changed'] and len(made['id']) == 36 and made['upstream']['id'] == upstream_id
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', targets_path)
    assert post['body'] == {'target': '10.0.12.4:8080', 'weight': 100, 'tags': ['zone-a']}

    again, sent = target.counted(**with_upstream(wanted, upstream_id))
    assert not again['changed'] and again['gateway_target']['id'] == made['id']
    assert paths(sent) == [targets_path + '/10.0.12.4%3A8080']

    planned, sent = target.counted(check_mode=True, **dict(address, upstream=upstream_id, weight=0))
    assert planned['changed'] and planned['gateway_target']['weight'] == 0 and not writes(sent)

    drained, sent = target.counted(diff=True, **dict(address, upstream='orders.upstream', weight=0))
    assert drained['changed'] and drained['gateway_target']['id'] == made['id'] and drained['gateway_target']['weight'] == 0
    assert (drained['diff']['before']['weight'], drained['diff']['after']['weight']) == (100, 0)
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (targets_path, made['id']))
    assert (put['body']['target'], put['body']['weight'], put['body']['tags']) == ('10.0.12.4:8080', 0, ['zone-a'])


def test_gateway_target_without_a_port_is_stored_with_8000_and_found_again(emulator):
    plane, upstreams = a_control_plane(emulator)
    upstream_id = Module(emulator, 'gateway_upstream')(control_plane=plane, **ORDERS)['gateway_upstream']['id']
    targets_path = '%s/%s/targets' % (upstreams, upstream_id)
    target = Module(emulator, 'gateway_target')

    created, sent = target.counted(control_plane=plane, upstream='orders.upstream', target='orders-dr.internal', failover=True)
    assert created['changed'] and created['gateway_target']['target'] == 'orders-dr.internal:8000' and created['gateway_target']['failover']
    assert [request['method'] for request in writes(sent)] == ['POST'] and writes(sent)[0]['body']['target'] == 'orders-dr.internal:8000'

    again, sent = target.counted(control_plane=plane, upstream=upstream_id, target='orders-dr.internal', failover=True)
    assert not again['changed'] and again['gateway_target']['id'] == created['gateway_target']['id']
    assert paths(sent) == [targets_path + '/orders-dr.internal%3A8000']
    explicit = target(control_plane=plane, upstream=upstream_id, target='orders-dr.internal:8000', failover=True)
    assert not explicit['changed'] and explicit['gateway_target']['id'] == created['gateway_target']['id']


def test_gateway_target_info_and_deletes(emulator):
    plane, upstreams = a_control_plane(emulator)
    upstream = Module(emulator, 'gateway_upstream')
    upstream_id = upstream(control_plane=plane, **ORDERS)['gateway_upstream']['id']
    baskets = upstream(control_plane=plane, name='baskets.upstream')['gateway_upstream']
    targets_path = '%s/%s/targets' % (upstreams, upstream_id)
    target, info = Module(emulator, 'gateway_target'), Module(emulator, 'gateway_target_info')
    drained = target(control_plane=plane, upstream='orders.upstream', target='10.0.12.4:8080', weight=0)['gateway_target']
    dr_site = target(control_plane=plane, upstream='orders.upstream', target='orders-dr.internal', failover=True)['gateway_target']

    listed = info(control_plane=plane, upstream='orders.upstream')
    assert not listed['changed']
    assert sorted(found['target'] for found in listed['gateway_targets']) == ['10.0.12.4:8080', 'orders-dr.internal:8000']
    by_address = info(control_plane=plane, upstream=upstream_id, target='orders-dr.internal:8000')['gateway_targets']
    assert [found['id'] for found in by_address] == [dr_site['id']]
    assert [found['target'] for found in info(control_plane=plane, upstream='orders.upstream', id=drained['id'])['gateway_targets']] == ['10.0.12.4:8080']
    assert [found['target'] for found in info(control_plane=plane, upstream='orders.upstream', filters={'weight': 0})['gateway_targets']] == [
        '10.0.12.4:8080']
    assert info(control_plane=plane, upstream='baskets.upstream')['gateway_targets'] == []

    gone = dict(control_plane=plane, upstream='orders.upstream', target='10.0.12.4:8080', state='absent')
    planned, sent = target.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent_first = target.counted(diff=True, **gone)
    assert deleted['changed'] and deleted['gateway_target'] == {}
    assert deleted['diff']['before']['target'] == '10.0.12.4:8080' and deleted['diff']['after'] == {}
    by_id, sent_second = target.counted(control_plane=plane, upstream='orders.upstream', id=dr_site['id'], state='absent')
    assert by_id['changed']
    deletes = writes(sent_first) + writes(sent_second)
    assert [(request['method'], request['path'], request['status']) for request in deletes] == [
        ('DELETE', '%s/%s' % (targets_path, drained['id']), 204), ('DELETE', '%s/%s' % (targets_path, dr_site['id']), 204)]

    again, sent = target.counted(**with_upstream(gone, upstream_id))
    assert not again['changed'] and len(sent) == 1 and not writes(sent)
    no_port, sent = target.counted(control_plane=plane, upstream=upstream_id, target='orders-dr.internal', state='absent')
    assert not no_port['changed'] and paths(sent) == [targets_path + '/orders-dr.internal%3A8000']
    nowhere, sent = target.counted(**with_upstream(gone, 'nowhere.upstream'))
    assert not nowhere['changed'] and not writes(sent)

    # an upstream takes its targets with it
    target(control_plane=plane, upstream='baskets.upstream', target='10.0.13.1:8080')
    gone_upstream = dict(control_plane=plane, name='baskets.upstream', state='absent')
    planned, sent = upstream.counted(check_mode=True, **gone_upstream)
    assert planned['changed'] and not writes(sent)
    deleted, sent = upstream.counted(diff=True, **gone_upstream)
    assert deleted['changed'] and deleted['gateway_upstream'] == {}
    assert deleted['diff']['before']['name'] == 'baskets.upstream' and deleted['diff']['after'] == {}
    assert [(request['method'], request['path'], request['status']) for request in writes(sent)] == [
        ('DELETE', '%s/%s' % (upstreams, baskets['id']), 204)]
    again, sent = upstream.counted(**gone_upstream)
    assert not again['changed'] and paths(sent) == [upstreams + '/baskets.upstream']
    assert upstream(control_plane=plane, id=upstream_id, state='absent')['changed']
    assert Module(emulator, 'gateway_upstream_info')(control_plane=plane)['gateway_upstreams'] == []
