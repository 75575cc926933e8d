# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_route and gateway_route_info against the in-process emulator: the engine's decisions (requests sent,
predictions, comparisons, check mode, the service reference, tags, filters, refusals, a 429/5xx storm).

Moved from the integration target gateway_route (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import assert_refused, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.storm import PUT_STORM, STORM, statuses, virtual_clock
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.test_gateway_service_modules import EuModule, Org as ServiceOrg, names

NOWHERE = '00000000-0000-4000-8000-000000000000'
PUBLIC = dict(name='it-orders-public', paths=['/orders', '/v1/orders'], methods=['GET', 'POST'], protocols=['https'], strip_path=False,
              tags=['team-orders'])


class Org(ServiceOrg):
    """A control plane in eu with two services (it-orders, it-billing) and the route modules."""

    def __init__(self, emulator):
        super(Org, self).__init__(emulator)
        self.routes_path = '/v2/control-planes/%s/core-entities/routes' % self.plane
        self.orders = self.service(control_plane=self.plane, name='it-orders', url='https://orders.internal:8443/v1')['gateway_service']['id']
        self.billing = self.service(control_plane=self.plane, name='it-billing', host='billing.internal')['gateway_service']['id']
        self.route = EuModule(emulator, 'gateway_route')
        self.route_info = EuModule(emulator, 'gateway_route_info')


def test_gateway_route_life(emulator):
    org = Org(emulator)
    wanted = dict(PUBLIC, control_plane=org.plane, service=org.orders)
    predicted, sent = org.route.counted(check_mode=True, diff=True, **wanted)
    guess = predicted['gateway_route']
    assert predicted['changed'] and not writes(sent)
    assert guess['id'] is None and guess['name'] == 'it-orders-public' and guess['service']['id'] == org.orders
    assert guess['paths'] == ['/orders', '/v1/orders'] and guess['strip_path'] is False
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['service'] == org.orders

    created, sent = org.route.counted(**wanted)
    made = created['gateway_route']
    assert created['changed'] and len(made['id']) == 36 and made['service']['id'] == org.orders
    assert (made['methods'], made['strip_path'], made['preserve_host']) == (['GET', 'POST'], False, False)
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status'], post['body']['service']) == ('POST', org.routes_path, 201, {'id': org.orders})

    again, sent = org.route.counted(**wanted)
    assert not again['changed'] and again['gateway_route']['id'] == made['id']
    assert [(request['method'], request['path']) for request in sent] == [('GET', org.routes_path + '/it-orders-public')]
    by_names = dict(wanted)
    by_names.update(control_plane='it-svc-cp', service='it-orders')
    by_name, sent = org.route.counted(**by_names)
    assert not by_name['changed'] and not writes(sent)  # each name costs one GET more
    assert sorted(request['path'] for request in sent) == sorted(['/v2/control-planes', org.services_path + '/it-orders',
                                                                  org.routes_path + '/it-orders-public'])

    updated, sent = org.route.counted(diff=True, control_plane=org.plane, name='it-orders-public', preserve_host=True)
    assert updated['changed'] and updated['gateway_route']['id'] == made['id'] and updated['gateway_route']['preserve_host'] is True
    assert (updated['diff']['before']['preserve_host'], updated['diff']['after']['preserve_host']) == (False, True)
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (org.routes_path, made['id']))
    # a PUT replaces the route: every field the task did not set is sent as it was, nothing read-only
    body = put['body']
    assert (body['preserve_host'], body['name'], body['service'], body['paths'], body['methods']) == (
        True, 'it-orders-public', {'id': org.orders}, ['/orders', '/v1/orders'], ['GET', 'POST'])
    assert (body['protocols'], body['strip_path'], body['tags']) == (['https'], False, ['team-orders']) and 'id' not in body

    planned, sent = org.route.counted(check_mode=True, control_plane=org.plane, name='it-orders-public', hosts=['shop.example.com'])
    assert planned['changed'] and planned['gateway_route']['hosts'] == ['shop.example.com'] and not writes(sent)

    gone = dict(control_plane=org.plane, name='it-orders-public', state='absent')
    planned, sent = org.route.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent_first = org.route.counted(**gone)
    twice, sent_second = org.route.counted(**gone)
    assert deleted['changed'] and deleted['gateway_route'] == {} and not twice['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent_first + sent_second)] == [
        ('DELETE', '%s/%s' % (org.routes_path, made['id']), 204)]
    # with its last route gone, the service can go
    assert org.service(control_plane=org.plane, name='it-orders', state='absent')['changed']


def test_gateway_route_service_reference_and_list_fields_are_compared(emulator):
    org = Org(emulator)
    public = dict(control_plane=org.plane, name='it-orders-public')
    org.route(service=org.orders, **dict(PUBLIC, control_plane=org.plane))

    moved = org.route(diff=True, service='it-billing', **public)
    assert moved['changed'] and moved['gateway_route']['service']['id'] == org.billing
    assert moved['diff']['before']['service'] == 'it-orders (%s)' % org.orders  # the name read for the id, beside it
    assert moved['diff']['after']['service'] == 'it-billing (%s)' % org.billing  # the name the task gave
    back = org.route(service=org.orders, **public)
    assert back['changed'] and back['gateway_route']['service']['id'] == org.orders

    reordered, sent = org.route.counted(paths=['/v1/orders', '/orders'], methods=['POST', 'GET'], **public)
    assert not reordered['changed'] and len(sent) == 1  # paths and methods are sets: order is no change
    more = org.route(paths=['/v1/orders', '/orders'], methods=['POST', 'GET', 'PUT'], **public)
    assert more['changed'] and sorted(more['gateway_route']['methods']) == ['GET', 'POST', 'PUT']


def test_gateway_route_tags_merge_purge_and_keep_foreign_ones(emulator):
    org = Org(emulator)
    org.api('POST', org.routes_path, {'name': 'it-managed', 'paths': ['/managed'], 'service': {'id': org.orders},
                                      'tags': ['konnect-managed', 'legacy']})
    managed = dict(control_plane=org.plane, name='it-managed')

    merged, sent = org.route.counted(tags=['team-a'], **managed)
    assert merged['changed'] and sorted(merged['gateway_route']['tags']) == ['konnect-managed', 'legacy', 'team-a']
    [put] = writes(sent)
    assert sorted(put['body']['tags']) == ['konnect-managed', 'legacy', 'team-a']
    assert put['body']['paths'] == ['/managed'] and put['body']['service'] == {'id': org.orders}

    purged = org.route(diff=True, tags=['team-a'], purge_tags=True, **managed)
    assert purged['changed'] and sorted(purged['gateway_route']['tags']) == ['konnect-managed', 'team-a']
    assert sorted(purged['diff']['before']['tags']) == ['konnect-managed', 'legacy', 'team-a']
    assert not org.route(tags=['team-a'], purge_tags=True, **managed)['changed']


def test_gateway_route_info_lookups_and_filters(emulator):
    org = Org(emulator)
    public = org.route(service=org.orders, preserve_host=True, **dict(PUBLIC, control_plane=org.plane))['gateway_route']
    org.route(control_plane=org.plane, service=org.billing, name='it-managed', paths=['/managed'])

    by_name = org.route_info(control_plane='it-svc-cp', name='it-orders-public')
    assert not by_name['changed'] and [found['id'] for found in by_name['gateway_routes']] == [public['id']]
    assert names(org.route_info(control_plane=org.plane, id=public['id'])['gateway_routes']) == ['it-orders-public']
    assert org.route_info(control_plane=org.plane, name='it-nowhere')['gateway_routes'] == []

    emulator.clear_requests()
    # Konnect filters routes by name (eq, contains); the rest is applied to the listing
    assert names(org.route_info(control_plane=org.plane, filters={'name': {'contains': 'public'}})['gateway_routes']) == ['it-orders-public']
    assert names(org.route_info(control_plane=org.plane, filters={'name': 'it-managed'})['gateway_routes']) == ['it-managed']
    assert names(org.route_info(control_plane=org.plane, filters={'preserve_host': True})['gateway_routes']) == ['it-orders-public']
    assert names(org.route_info(control_plane=org.plane, filters={'name': {'neq': 'it-managed'}})['gateway_routes']) == ['it-orders-public']
    sent = emulator.requests()
    assert len(sent) == 4
    assert sent[0]['query']['filter[name][contains]'] == ['public'] and sent[1]['query']['filter[name][eq]'] == ['it-managed']
    assert not [key for request in sent[2:] for key in request['query'] if key.startswith('filter[')]


def test_gateway_route_bad_input_is_refused_before_any_write(emulator):
    org = Org(emulator)
    nope = dict(name='it-nope', paths=['/nope'])
    assert_refused(org.route, dict(nope, control_plane='does-not-exist', service='it-orders'), 'control_plane', 'does-not-exist')
    assert_refused(org.route, dict(nope, control_plane=NOWHERE), 'control_plane', NOWHERE)
    missing = assert_refused(org.route, dict(nope, control_plane=org.plane, service='does-not-exist'), 'does-not-exist')
    assert missing['msg'].startswith('service: ')
    missing = assert_refused(org.route, dict(nope, control_plane=org.plane, service=NOWHERE))
    assert missing['msg'].startswith('service: no gateway service with id %s' % NOWHERE)
    assert_refused(org.route, dict(nope, control_plane=org.plane, colour='blue'), 'colour')
    assert_refused(org.route, dict(nope, control_plane=org.plane, https_redirect_status_code=303), 'https_redirect_status_code')
    refused = assert_refused(org.route, dict(nope, control_plane=org.plane, konnect_token='ghp_notAKonnectToken'), 'kpat_')
    assert 'ghp_notAKonnectToken' not in str(refused)

    refused, sent = org.route.counted(control_plane=org.plane, protocols=['htp'], **nope)
    assert refused['failed'] and refused['status'] == 400 and 'protocols' in refused['msg']
    assert statuses(writes(sent)) == [400]
    assert org.route_info(control_plane=org.plane, name='it-nope')['gateway_routes'] == []


def test_gateway_route_weathers_a_storm_without_duplicates(emulator, monkeypatch):
    org = Org(emulator)
    clock = virtual_clock(monkeypatch)
    emulator.set_faults(STORM)
    storm, sent_create = org.route.counted(control_plane='it-svc-cp', service='it-orders', name='it-storm', paths=['/storm'])
    emulator.set_faults(PUT_STORM)
    changed, sent_update = org.route.counted(control_plane=org.plane, name='it-storm', paths=['/storm', '/hail'])
    emulator.set_faults({})

    assert storm['changed'] and changed['changed'] and sorted(changed['gateway_route']['paths']) == ['/hail', '/storm']
    found = org.route_info(control_plane=org.plane, filters={'name': 'it-storm'})['gateway_routes']
    assert [route['id'] for route in found] == [storm['gateway_route']['id']]
    assert len([warning for warning in org.route.warnings if 'not created again' in warning]) == 1
    sent = sent_create + sent_update
    assert statuses(sent).count(503) == 4 and 429 in statuses(sent) and clock.slept
    # a rate-limited create was not processed; the one that was lost its answer and was not sent again
    assert [status for status in statuses(sent, 'POST') if status != 429] == [None]
    assert statuses(sent, 'PUT').count(503) == 2 and statuses(sent, 'PUT').count(200) == 1
