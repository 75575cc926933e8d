# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The life-cycle harness on modules that have their own integration targets: it must agree with them."""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_lifecycle, assert_refused


def test_team(emulator):
    team = Module(emulator, 'team')
    assert_lifecycle(team, create=dict(name='ops', description='one', labels={'a': 'b'}), update=dict(description='two'))
    assert_refused(team, dict(id='99999999-9999-4999-8999-999999999999', name='x'), 'team')


def test_gateway_service_under_a_control_plane_given_by_id(emulator):
    cp = Module(emulator, 'control_plane')(name='prod')['control_plane']['id']
    service = Module(emulator, 'gateway_service')
    assert_lifecycle(service, create=dict(control_plane=cp, name='pets', host='pets.internal'), update=dict(port=8080))
    assert_refused(service, dict(control_plane='nope', name='pets', host='h'), 'control plane', 'nope')
