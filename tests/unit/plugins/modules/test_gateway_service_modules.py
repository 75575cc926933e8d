# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_service and gateway_service_info against the in-process emulator: the engine's decisions (requests sent,
predictions, comparisons, check mode, tags, filters, refusals, a 429/5xx storm).

Moved from the integration target gateway_service (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.storm import PUT_STORM, STORM, statuses, virtual_clock

NO_PLANE = '00000000-0000-4000-8000-000000000000'
ORDERS = dict(name='it-orders', url='https://orders.internal:8443/v1', retries=3, connect_timeout=5000, tags=['team-orders'])


class EuModule(Module):
    """A module whose tasks run with konnect_region: eu, as the integration targets' did."""

    def connection_args(self):
        return dict(super(EuModule, self).connection_args(), konnect_region='eu')


class Org(object):
    """A control plane in eu and the service modules, talking to it."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-svc-cp'}, region='eu')['id']
        self.services_path = '/v2/control-planes/%s/core-entities/services' % self.plane
        self.service = EuModule(emulator, 'gateway_service')
        self.info = EuModule(emulator, 'gateway_service_info')

    def api(self, method, path, body=None):
        return konnect(self.emulator, method, path, body, region='eu')


def names(found):
    return [service['name'] for service in found]


def test_gateway_service_life(emulator):
    org = Org(emulator)
    predicted, sent = org.service.counted(check_mode=True, diff=True, control_plane=org.plane, **ORDERS)
    guess = predicted['gateway_service']
    assert predicted['changed'] and not writes(sent)
    assert guess['id'] is None and guess['name'] == 'it-orders' and guess['tags'] == ['team-orders']
    assert (guess['protocol'], guess['host'], guess['port'], guess['path']) == ('https', 'orders.internal', 8443, '/v1')
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'it-orders'

    created, sent = org.service.counted(control_plane=org.plane, **ORDERS)
    made = created['gateway_service']
    assert created['changed'] and len(made['id']) == 36
    assert (made['protocol'], made['host'], made['port'], made['path']) == ('https', 'orders.internal', 8443, '/v1')
    assert (made['retries'], made['read_timeout'], made['tags']) == (3, 60000, ['team-orders'])  # Konnect's default read_timeout
    assert [(request['method'], request['path'], request['status']) for request in writes(sent)] == [('POST', org.services_path, 201)]
    assert {request['base'] for request in sent} == {'eu'}

    again, sent = org.service.counted(control_plane=org.plane, **ORDERS)
    assert not again['changed'] and again['gateway_service']['id'] == made['id']
    assert [(request['method'], request['path']) for request in sent] == [('GET', org.services_path + '/it-orders')]

    by_name, sent = org.service.counted(control_plane='it-svc-cp', **ORDERS)
    assert not by_name['changed'] and not writes(sent)
    assert [request['path'] for request in sent] == ['/v2/control-planes', org.services_path + '/it-orders']
    assert sent[0]['query']['filter[name][eq]'] == ['it-svc-cp']

    updated, sent = org.service.counted(diff=True, control_plane=org.plane, name='it-orders', read_timeout=30000)
    assert updated['changed'] and updated['gateway_service']['id'] == made['id']
    assert (updated['gateway_service']['read_timeout'], updated['gateway_service']['retries']) == (30000, 3)
    assert (updated['diff']['before']['read_timeout'], updated['diff']['after']['read_timeout']) == (60000, 30000)
    assert updated['diff']['before']['name'] == 'it-orders'
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (org.services_path, made['id']))
    # a PUT replaces the service: every field the task did not set is sent as it was, nothing read-only
    body = put['body']
    assert (body['read_timeout'], body['name'], body['protocol'], body['host'], body['port'], body['path']) == (
        30000, 'it-orders', 'https', 'orders.internal', 8443, '/v1')
    assert (body['retries'], body['connect_timeout'], body['tags']) == (3, 5000, ['team-orders'])
    assert 'id' not in body and 'created_at' not in body

    planned, sent = org.service.counted(check_mode=True, diff=True, control_plane=org.plane, name='it-orders', enabled=False)
    assert planned['changed'] and planned['gateway_service']['enabled'] is False and not writes(sent)
    assert (planned['diff']['before']['enabled'], planned['diff']['after']['enabled']) == (True, False)

    gone = dict(control_plane=org.plane, name='it-orders', state='absent')
    planned, sent = org.service.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent_first = org.service.counted(**gone)
    twice, sent_second = org.service.counted(**gone)
    assert deleted['changed'] and deleted['gateway_service'] == {} and not twice['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent_first + sent_second)] == [
        ('DELETE', '%s/%s' % (org.services_path, made['id']), 204)]


def test_gateway_service_tags_merge_purge_and_keep_foreign_ones(emulator):
    org = Org(emulator)
    org.api('POST', org.services_path, {'name': 'it-managed', 'host': 'managed.internal', 'tags': ['konnect-managed', 'legacy']})
    managed = dict(control_plane=org.plane, name='it-managed')

    merged, sent = org.service.counted(tags=['team-a'], **managed)
    assert merged['changed'] and sorted(merged['gateway_service']['tags']) == ['konnect-managed', 'legacy', 'team-a']
    [put] = writes(sent)
    assert sorted(put['body']['tags']) == ['konnect-managed', 'legacy', 'team-a'] and put['body']['host'] == 'managed.internal'
    assert not org.service(tags=['team-a'], **managed)['changed']

    purged = org.service(diff=True, tags=['team-a', 'team-b'], purge_tags=True, **managed)
    assert purged['changed'] and sorted(purged['gateway_service']['tags']) == ['konnect-managed', 'team-a', 'team-b']
    assert sorted(purged['diff']['before']['tags']) == ['konnect-managed', 'legacy', 'team-a']
    assert sorted(purged['diff']['after']['tags']) == ['konnect-managed', 'team-a', 'team-b']
    assert not org.service(tags=['team-b', 'team-a'], purge_tags=True, **managed)['changed']  # order is no change
    emptied = org.service(tags=[], purge_tags=True, **managed)
    assert emptied['changed'] and emptied['gateway_service']['tags'] == ['konnect-managed']  # a foreign tag is never removed


def test_gateway_service_info_lookups_and_filters(emulator):
    org = Org(emulator)
    orders = org.service(control_plane=org.plane, **ORDERS)['gateway_service']
    org.service(control_plane=org.plane, name='it-managed', host='managed.internal')

    by_name = org.info(control_plane='it-svc-cp', name='it-orders')
    assert not by_name['changed'] and [found['id'] for found in by_name['gateway_services']] == [orders['id']]
    assert names(org.info(control_plane=org.plane, id=orders['id'])['gateway_services']) == ['it-orders']
    assert org.info(control_plane=org.plane, name='it-nowhere')['gateway_services'] == []

    emulator.clear_requests()
    # Konnect filters services by name (eq, contains); the rest is applied to the listing
    assert names(org.info(control_plane=org.plane, filters={'name': {'contains': 'manag'}})['gateway_services']) == ['it-managed']
    assert names(org.info(control_plane=org.plane, filters={'protocol': 'https'})['gateway_services']) == ['it-orders']
    assert names(org.info(control_plane=org.plane, filters={'host': {'contains': 'managed'}})['gateway_services']) == ['it-managed']
    assert names(org.info(control_plane=org.plane, filters={'name': {'neq': 'it-orders'}})['gateway_services']) == ['it-managed']
    sent = emulator.requests()
    assert len(sent) == 4 and sent[0]['query']['filter[name][contains]'] == ['manag']
    assert not [key for request in sent[1:] for key in request['query'] if key.startswith('filter[')]


def test_gateway_service_url_without_a_path_clears_the_path(emulator):
    org = Org(emulator)
    org.service(control_plane=org.plane, name='it-url', url='https://url.internal:8443/v1')
    # Kong expands the url shorthand into every part: a url without a path means no path
    cleared = org.service(control_plane=org.plane, name='it-url', url='https://url.internal:8443')
    assert cleared['changed'] and cleared['gateway_service'].get('path') is None


def test_gateway_service_bad_input_is_refused_before_any_write(emulator):
    org = Org(emulator)
    nope = dict(name='it-nope', host='nope.internal')
    assert_refused(org.service, dict(nope, control_plane='does-not-exist'), 'control_plane', 'does-not-exist')
    assert_refused(org.service, dict(nope, control_plane=NO_PLANE), 'control_plane', NO_PLANE)
    assert_refused(org.service, dict(nope, control_plane=NO_PLANE), NO_PLANE, check_mode=True)
    assert_refused(org.service, dict(control_plane=org.plane, name='it-nope', url='https://nope.internal:8443', port=9443), 'url', 'port')
    assert_refused(org.service, dict(nope, control_plane=org.plane, colour='blue'), 'colour')
    refused = assert_refused(org.service, dict(nope, control_plane=org.plane, konnect_token='ghp_notAKonnectToken'), 'kpat_')
    assert 'ghp_notAKonnectToken' not in str(refused)

    absent, sent = org.service.counted(control_plane='does-not-exist', name='it-nope', state='absent')
    assert not absent['changed'] and not absent.get('failed') and not writes(sent)


def test_gateway_service_konnect_refusals_are_relayed(emulator):
    org = Org(emulator)
    refused, sent = org.service.counted(control_plane=org.plane, name='it-nope', host='nope.internal', port=70000)
    assert refused['failed'] and refused['status'] == 400 and 'port' in refused['msg'] and '65535' in refused['msg']
    assert statuses(writes(sent)) == [400]
    assert org.info(control_plane=org.plane, name='it-nope')['gateway_services'] == []

    # a service that still has routes cannot be deleted: Konnect's refusal, in plain words
    org.service(control_plane=org.plane, **ORDERS)
    EuModule(emulator, 'gateway_route')(control_plane=org.plane, service='it-orders', name='it-orders-public', paths=['/orders'])
    referenced, sent = org.service.counted(control_plane=org.plane, name='it-orders', state='absent')
    assert referenced['failed'] and 'routes' in referenced['msg'] and "gateway service 'it-orders'" in referenced['msg']
    assert [(request['method'], request['status']) for request in writes(sent)] == [('DELETE', 400)]
    assert names(org.info(control_plane=org.plane, name='it-orders')['gateway_services']) == ['it-orders']


def test_gateway_service_weathers_a_storm_without_duplicates(emulator, monkeypatch):
    org = Org(emulator)
    clock = virtual_clock(monkeypatch)
    emulator.set_faults(STORM)
    storm, sent_create = org.service.counted(control_plane='it-svc-cp', name='it-storm', host='storm.internal')
    emulator.set_faults(PUT_STORM)
    changed, sent_update = org.service.counted(control_plane=org.plane, name='it-storm', host='storm2.internal')
    emulator.set_faults({})

    assert storm['changed'] and changed['changed'] and changed['gateway_service']['host'] == 'storm2.internal'
    found = org.info(control_plane=org.plane, filters={'name': 'it-storm'})['gateway_services']
    assert [service['id'] for service in found] == [storm['gateway_service']['id']]
    assert len([warning for warning in org.service.warnings if 'not created again' in warning]) == 1
    sent = sent_create + sent_update
    assert statuses(sent).count(503) == 4 and 429 in statuses(sent) and clock.slept
    # a rate-limited create was not processed; the one that was lost its answer and was not sent again
    assert [status for status in statuses(sent, 'POST') if status != 429] == [None]
    assert statuses(sent, 'PUT').count(503) == 2 and statuses(sent, 'PUT').count(200) == 1
