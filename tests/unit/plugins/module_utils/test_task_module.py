# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module on a target logs its invocation to syslog inside AnsibleModule's constructor: the secrets nested in a dict
option (a plugin's ``config.redis.password``) must be masked by then, as in everything the module prints."""

from __future__ import annotations

import json

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.runner import TaskModule, run_as_module
from ansible_collections.konnect.konnect.plugins.modules.gateway_plugin import TASK
from ansible_collections.konnect.konnect.tests.unit.plugins.action.test_konnect_action import patch_module_args
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import konnect

SECRET = 'Nested-Redis-Secret-4f7'


def test_nested_secrets_are_masked_in_the_syslog_invocation_and_the_result(emulator, monkeypatch, capsys):
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'syslog-cp'})['id']
    logged = []
    monkeypatch.setattr(TaskModule, 'log', lambda self, msg, log_args=None: logged.append((msg, log_args)))
    args = dict(connection(emulator), control_plane=control_plane, name='rate-limiting',
                config={'minute': 5, 'policy': 'redis', 'redis': {'host': 'redis.internal', 'password': SECRET}})
    with patch_module_args(args), pytest.raises(SystemExit):
        run_as_module(TASK)
    result = json.loads(capsys.readouterr().out)
    assert result['changed'] and not result.get('failed'), result
    assert logged, 'the invocation was not logged'
    assert SECRET not in repr(logged)
    assert SECRET not in json.dumps(result)
    assert konnect(emulator, 'GET', '/v2/control-planes/%s/core-entities/plugins' % control_plane)['data'][0]['config']['redis']['password'] == SECRET
