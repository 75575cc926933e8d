# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How _info modules page through long lists: the requests they send and what they return.

Moved from the integration targets control_plane, team and gateway_service (issue 13), where each case first ran its
module 120 to 250 times in a loop to make the entities; here they are made with one API call each, in-process.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, konnect


def test_control_plane_info_reads_every_page_by_number(emulator):
    for number in range(122):
        konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-bulk-%d' % number}, region='eu')
    info = Module(emulator, 'control_plane_info')

    listed, sent = info.counted(konnect_region='eu')

    assert not listed['changed']
    assert len(listed['control_planes']) == 122
    assert len({plane['id'] for plane in listed['control_planes']}) == 122
    assert [request['method'] for request in sent] == ['GET', 'GET']
    assert [request['query']['page[number]'] for request in sent] == [['1'], ['2']]
    assert sent[0]['query']['page[size]'] == ['100']
    assert {request['base'] for request in sent} == {'eu'}

    not_cloud = info(konnect_region='eu', filters={'cloud_gateway': False})['control_planes']
    assert len(not_cloud) == 122 and {plane['config']['cloud_gateway'] for plane in not_cloud} == {False}


def test_team_info_reads_every_page_and_sends_name_filters_to_konnect(emulator):
    for number in range(121):
        konnect(emulator, 'POST', '/v3/teams', {'name': 'bulk-%d' % number}, region='global')
    info = Module(emulator, 'team_info')

    listed, sent = info.counted()
    assert not listed['changed']
    assert len(listed['teams']) == 121
    assert len(sent) == 2

    filtered, sent = info.counted(filters={'name': {'contains': 'bulk-11'}})
    assert sorted(team['name'] for team in filtered['teams']) == ['bulk-11'] + ['bulk-%d' % number for number in range(110, 120)]
    assert [request['query'].get('filter[name][contains]') for request in sent] == [['bulk-11']]


def test_gateway_service_info_reads_a_thousand_core_entities_a_page(emulator):
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-svc-bulk'})['id']
    services = '/v2/control-planes/%s/core-entities/services' % plane
    for number in range(250):
        konnect(emulator, 'POST', services, {'name': 'it-bulk-%d' % number, 'host': 'bulk-%d.internal' % number})
    info = Module(emulator, 'gateway_service_info')

    listed, sent = info.counted(control_plane=plane)

    assert not listed['changed']
    names = [service['name'] for service in listed['gateway_services']]
    assert len(names) == 250 and len(set(names)) == 250 and all(name.startswith('it-bulk-') for name in names)
    assert len({service['id'] for service in listed['gateway_services']}) == 250
    assert [(request['method'], request['path']) for request in sent] == [('GET', services)]
    assert sent[0]['query']['size'] == ['1000']
    assert 'offset' not in sent[0]['query']
