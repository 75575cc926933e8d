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
