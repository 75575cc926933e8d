# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What Kong refuses on core entities reaches the user as one clear message naming the field and Kong's reason,
after a single refused request and nothing written (the emulator's field rules, tests/emulator/kong_fields.py)."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module

REFUSALS = [
    ('gateway_service', dict(name='my service', host='example.com'), 'name', "invalid value 'my service'"),
    ('gateway_service', dict(name='svc', host='exa mple.com'), 'host', 'invalid value: exa mple.com'),
    ('gateway_service', dict(name='svc', host='example.com', tags=['t%d' % index for index in range(21)]),
     'tags', 'maximum 20 items required, but found 21 items'),
    ('gateway_service', dict(name='svc', host='example.com', tags=['x' * 129]), 'tags[0]', 'length must be <= 128, but got 129'),
    ('gateway_route', dict(name='r', paths=['api']), 'paths[0]', 'should start with: / (fixed path) or ~/ (regex path)'),
    ('gateway_route', dict(name='r', paths=['/'], methods=['get']), 'methods[0]', 'invalid value: get'),
    ('gateway_upstream', dict(name='10.0.0.1'), 'name', "Invalid name ('10.0.0.1'); no ip addresses allowed"),
    ('gateway_consumer', dict(username='two  spaces'), 'username', 'must match pattern'),
]


@pytest.mark.parametrize('module_name, args, field, reason', REFUSALS, ids=['%s-%s' % (r[0], r[2]) for r in REFUSALS])
def test_kong_refusal_is_relayed(emulator, module_name, args, field, reason):
    control_plane = Module(emulator, 'control_plane')(name='strict')['control_plane']['id']
    module = Module(emulator, module_name)
    result, sent = module.counted(control_plane=control_plane, **args)
    assert result.get('failed'), result
    assert '%s: %s' % (field, reason) in result['msg'], result['msg']
    assert result['status'] == 400 and 'Traceback' not in result['msg']
    assert [(request['method'], request['status']) for request in sent if request['method'] != 'GET'] == [('POST', 400)]
