# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""dp_node: removing the records of stale data-plane nodes, by id, host name or age."""

from __future__ import annotations

import time

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, writes

DAY = 86400


def control_plane_with_nodes(emulator):
    """A control plane with two stale nodes (one sharing its host name with a live one) and a live node."""
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'edge'})
    now = int(time.time())
    nodes = dict(
        old=emulator.register_node(control_plane['id'], 'dp-1', '3.9.1.0', last_ping=now - 2 * DAY),
        restarted=emulator.register_node(control_plane['id'], 'dp-1', '3.9.1.0', last_ping=now - 60),
        gone=emulator.register_node(control_plane['id'], 'dp-2', '3.9.1.0', last_ping=now - 3 * DAY),
    )
    return control_plane, nodes


def hostnames_left(emulator):
    return sorted(node['hostname'] for node in Module(emulator, 'dp_node_info')(control_plane='edge')['dp_nodes'])


def test_stale_nodes_are_removed_once(emulator):
    control_plane, nodes = control_plane_with_nodes(emulator)
    module = Module(emulator, 'dp_node')
    predicted, sent = module.counted(check_mode=True, diff=True, control_plane='edge', not_seen_for=DAY, state='absent')
    assert predicted['changed'] and not writes(sent)
    assert sorted(node['id'] for node in predicted['dp_nodes']) == sorted([nodes['old']['id'], nodes['gone']['id']])
    assert predicted['diff']['after'] == {'dp_nodes': []} and len(predicted['diff']['before']['dp_nodes']) == 2
    removed, sent = module.counted(control_plane=control_plane['id'], not_seen_for=DAY, state='absent')
    assert removed['changed'] and [request['method'] for request in writes(sent)] == ['DELETE', 'DELETE']
    assert hostnames_left(emulator) == ['dp-1']
    again, sent = module.counted(control_plane=control_plane['id'], not_seen_for=DAY, state='absent')
    assert not again['changed'] and again['dp_nodes'] == [] and len(sent) == 1


def test_by_host_name_and_by_id(emulator):
    control_plane, nodes = control_plane_with_nodes(emulator)
    module = Module(emulator, 'dp_node')
    result = module(control_plane='edge', hostname='dp-1', not_seen_for=3600, state='absent')
    assert [node['id'] for node in result['dp_nodes']] == [nodes['old']['id']]
    fresh = module(control_plane='edge', id=nodes['restarted']['id'], not_seen_for=3600, state='absent')
    assert not fresh['changed'], 'a node seen a minute ago is not stale'
    result = module(control_plane='edge', id=nodes['restarted']['id'], state='absent')
    assert result['changed'] and hostnames_left(emulator) == ['dp-2']
    twice, sent = module.counted(control_plane=control_plane['id'], id=nodes['restarted']['id'], state='absent')
    assert not twice['changed'] and not writes(sent)


def test_a_missing_control_plane_has_nothing_to_remove(emulator):
    result, sent = Module(emulator, 'dp_node').counted(control_plane='nowhere', not_seen_for=DAY, state='absent')
    assert not result.get('failed') and not result['changed'] and not writes(sent), result


def test_bad_input_is_refused_before_any_request(emulator):
    control_plane_with_nodes(emulator)
    module = Module(emulator, 'dp_node')
    assert_refused(module, dict(control_plane='edge', state='absent'), 'id', 'hostname', 'not_seen_for')
    assert_refused(module, dict(control_plane='edge', not_seen_for=-5, state='absent'), 'not_seen_for')
    assert_refused(module, dict(control_plane='edge', not_seen_for=DAY, state='present'), 'state')
    assert_refused(module, dict(control_plane='edge', not_seen_for='a day', state='absent'), 'not_seen_for')
    assert hostnames_left(emulator) == ['dp-1', 'dp-1', 'dp-2']


EOL_MESSAGE = 'This version is past the end of its full support; upgrade to the closest Long Term Support release.'


def test_dp_node_info_lists_nodes_with_their_end_of_life_notices(emulator):
    """Moved from the integration target dataplane (issue 13)."""
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-dp-cp'})
    plane = control_plane['id']
    old = emulator.register_node(plane, 'it-dp-1.eu.internal', '3.4.3.12', eol_message=EOL_MESSAGE)
    new = emulator.register_node(plane, 'it-dp-2.eu.internal', '3.9.1.0')
    info = Module(emulator, 'dp_node_info')

    listed, sent = info.counted(control_plane=plane)
    by_hostname = dict((node['hostname'], node) for node in listed['dp_nodes'])
    assert not listed['changed'] and sorted(by_hostname) == ['it-dp-1.eu.internal', 'it-dp-2.eu.internal']
    assert by_hostname['it-dp-1.eu.internal']['id'] == old['id'] and by_hostname['it-dp-1.eu.internal']['eol']['version'] == '3.4.3.12'
    assert 'end of its full support' in by_hostname['it-dp-1.eu.internal']['eol']['message']
    assert by_hostname['it-dp-2.eu.internal']['eol'] is None and by_hostname['it-dp-2.eu.internal']['version'] == '3.9.1.0'
    # the nodes and their end-of-life notices; nothing else
    assert [request['path'] for request in sent] == ['/v2/control-planes/%s/nodes' % plane, '/v2/control-planes/%s/nodes/eol' % plane]

    found = info(control_plane='it-dp-cp', hostname='it-dp-2.eu.internal')['dp_nodes']
    assert [node['id'] for node in found] == [new['id']] and found[0]['eol'] is None
    found = info(control_plane=plane, id=old['id'])['dp_nodes']
    assert [node['hostname'] for node in found] == ['it-dp-1.eu.internal'] and found[0]['eol']['version'] == '3.4.3.12'
    assert [node['hostname'] for node in info(control_plane=plane, filters={'version': {'contains': '3.4.'}})['dp_nodes']] == ['it-dp-1.eu.internal']
    assert info(control_plane=plane, hostname='it-dp-9.eu.internal')['dp_nodes'] == []
    assert_refused(info, dict(control_plane='it-nowhere'), 'control_plane', 'it-nowhere')
    assert_refused(info, dict(control_plane=plane, hostname='it-dp-2.eu.internal', id=old['id']), 'hostname', 'id')


def test_dp_node_removes_only_the_stale_node_among_fresh_ones(emulator):
    """Moved from the integration target dataplane (issue 13): fresh nodes (no last_ping given) stay."""
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-dp-cp'})['id']
    emulator.register_node(plane, 'it-dp-1.eu.internal', '3.4.3.12')
    emulator.register_node(plane, 'it-dp-2.eu.internal', '3.9.1.0')
    stale = emulator.register_node(plane, 'it-dp-3.eu.internal', '3.9.1.0', last_ping=int(time.time()) - 2 * DAY)
    module = Module(emulator, 'dp_node')
    gone = dict(control_plane='it-dp-cp', not_seen_for=DAY, state='absent')
    predicted, sent = module.counted(check_mode=True, **gone)
    assert predicted['changed'] and [node['id'] for node in predicted['dp_nodes']] == [stale['id']] and not writes(sent)
    removed = module(**gone)
    assert removed['changed'] and [node['id'] for node in removed['dp_nodes']] == [stale['id']]
    assert not module(**gone)['changed']
    left = Module(emulator, 'dp_node_info')(control_plane='it-dp-cp')['dp_nodes']
    assert sorted(node['hostname'] for node in left) == ['it-dp-1.eu.internal', 'it-dp-2.eu.internal']
