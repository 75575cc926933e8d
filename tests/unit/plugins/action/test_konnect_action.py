# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action plugin on its own: where a task runs, the task's environment, argument errors, no_log masking and
one-time secrets, compared with what ``AnsibleModule`` (the module on a target) gives for the same task."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import threading
from types import SimpleNamespace

import pytest
from ansible.errors import AnsibleActionFail
from ansible.parsing.dataloader import DataLoader
from ansible.playbook.play_context import PlayContext
from ansible.plugins.shell.sh import ShellModule
from ansible.template import Templar

from ansible_collections.konnect.konnect.plugins.action import konnect as action
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN

try:  # ansible-core >= 2.19 renders only trusted templates
    from ansible.template import trust_as_template
except ImportError:  # pragma: no cover
    def trust_as_template(value):
        return value

try:  # ansible-core >= 2.19
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core 2.16-2.18 read the module's arguments from basic._ANSIBLE_ARGS (what 2.19's helper replaced)
    from ansible.module_utils import basic as _basic

    @contextlib.contextmanager
    def patch_module_args(args):
        saved = _basic._ANSIBLE_ARGS
        _basic._ANSIBLE_ARGS = json.dumps({'ANSIBLE_MODULE_ARGS': args}).encode('utf-8')
        try:
            yield
        finally:
            _basic._ANSIBLE_ARGS = saved

OTHER_TOKEN = 'kpat_' + 'o' * 40
IN_20_DAYS = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=20)).strftime('%Y-%m-%dT%H:%M:%SZ')


def trusted(value):
    """Templates in a task's keywords, as the playbook parser marks them."""
    if isinstance(value, dict):
        return dict((key, trusted(item)) for key, item in value.items())
    return trust_as_template(value) if isinstance(value, str) else value


def plugin(module='team', args=None, environment=None, task_vars=None, connection='local', become=False, async_val=0,
           check_mode=False, diff=False):
    """The action plugin as the task executor builds it for one task (the module name given, not looked up)."""
    task = SimpleNamespace(args=dict(args or {}), environment=[trusted(level) for level in (environment or [])], check_mode=check_mode,
                           diff=diff, no_log=False, async_val=async_val, poll=15, action='konnect.konnect.' + module,
                           collections=[], delegate_to=None)
    shell = ShellModule()
    play_context = PlayContext()
    play_context.connection = connection
    play_context.become = become
    play_context.become_user = 'root' if become else None
    templar = Templar(loader=DataLoader(), variables=dict(task_vars or {}))
    loaded = action.ActionModule(task, SimpleNamespace(_shell=shell, _load_name=connection, has_native_async=False, become=None),
                                 play_context, DataLoader(), templar, None)
    loaded._module_name = lambda: 'konnect.konnect.' + module
    return loaded


def emulator_env(emulator):
    return {'KONNECT_TOKEN': DEMO_TOKEN, 'KONNECT_API_URL': emulator.url + '/{region}', 'KONNECT_GLOBAL_API_URL': emulator.url + '/global'}


@pytest.fixture
def clean_environ(monkeypatch):
    """No KONNECT_* variable on the controller: whatever a task sees comes from its ``environment:``."""
    for name in list(os.environ):
        if name.startswith('KONNECT_') and name != 'KONNECT_COORDINATION_DIR':  # the test's own, not a setting of the task
            monkeypatch.delenv(name)


# -- where a task runs -------------------------------------------------------------------------


@pytest.mark.parametrize('task_vars, controller_env, task_env, connection, become, async_val, where', [
    ({}, {}, {}, 'local', False, 0, 'in-process'),
    ({}, {}, {}, 'ansible.builtin.local', False, 0, 'in-process'),
    ({}, {}, {}, 'ssh', False, 0, 'on the target (its connection is not local)'),
    ({}, {}, {}, 'local', True, 0, 'on the target (become: the module runs as root)'),
    ({}, {}, {}, 'local', False, 30, 'on the target (async)'),
    ({'konnect_execution': 'target'}, {}, {}, 'local', False, 0, 'on the target (konnect_execution: target)'),
    ({'konnect_execution': 'controller'}, {}, {}, 'ssh', True, 0, 'in-process'),
    ({}, {'KONNECT_EXECUTION': 'target'}, {}, 'local', False, 0, 'on the target (konnect_execution: target)'),
    ({}, {}, {'KONNECT_EXECUTION': 'target'}, 'local', False, 0, 'on the target (konnect_execution: target)'),
    ({'konnect_execution': 'auto'}, {'KONNECT_EXECUTION': 'target'}, {}, 'local', False, 0, 'in-process'),
    ({'konnect_execution': '{{ "tar" ~ "get" }}'}, {}, {}, 'local', False, 0, 'on the target (konnect_execution: target)'),
])
def test_where_a_task_runs(monkeypatch, clean_environ, task_vars, controller_env, task_env, connection, become, async_val, where):
    for name, value in controller_env.items():
        monkeypatch.setenv(name, value)
    task_vars = trusted(task_vars)
    loaded = plugin(task_vars=task_vars, connection=connection, become=become, async_val=async_val)
    assert loaded._where_to_run(task_vars, task_env) == where


def test_an_unknown_execution_mode_is_refused():
    with pytest.raises(AnsibleActionFail, match="konnect_execution must be one of auto, controller, target, got 'remote'"):
        plugin()._where_to_run({'konnect_execution': 'remote'}, {})


def test_async_cannot_be_forced_in_process():
    with pytest.raises(AnsibleActionFail, match='async needs a module process'):
        plugin(async_val=30)._where_to_run({'konnect_execution': 'controller'}, {})


def test_a_module_returning_a_one_time_secret_refuses_async():
    loaded = plugin(module='system_account_access_token', async_val=30)
    with pytest.raises(AnsibleActionFail, match='one-time secret'):
        loaded._run_on_target('konnect.konnect.system_account_access_token', {})


def test_which_modules_may_return_a_secret():
    secret = [name for name in ('system_account_access_token', 'dp_client_certificate', 'team', 'gateway_service', 'team_info')
              if action.may_return_secret(action.load_task('konnect.konnect.' + name))]
    assert secret == ['system_account_access_token', 'dp_client_certificate']


# -- the task's environment --------------------------------------------------------------------


def test_the_task_environment_is_play_then_block_then_task_templated():
    loaded = plugin(environment=[{'A': 'play', 'B': 'play', 'C': '{{ who }}'}, {'B': 'block', 'D': 1}, {}, {'A': 'task'}],
                    task_vars=trusted({'who': 'templated'}))
    assert loaded._task_environment() == {'A': 'task', 'B': 'block', 'C': 'templated', 'D': 1}


def test_credentials_from_the_play_environment_reach_the_option_fallbacks(emulator, clean_environ):
    environment = [{'KONNECT_TOKEN': '{{ vault_token }}', 'KONNECT_API_URL': emulator.url + '/{region}',
                    'KONNECT_GLOBAL_API_URL': emulator.url + '/global'}]
    result = plugin(args={'name': 'env-team'}, environment=environment, task_vars=trusted({'vault_token': DEMO_TOKEN})).run(task_vars={})
    assert result['changed'] and result['team']['name'] == 'env-team', result
    assert result['invocation']['module_args']['konnect_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    assert 'KONNECT_TOKEN' not in os.environ


def test_the_task_level_environment_wins(emulator, clean_environ):
    environment = [emulator_env(emulator), {'KONNECT_TOKEN': OTHER_TOKEN}]
    result = plugin(module='team_info', environment=environment).run(task_vars={})
    assert result['failed'] and '401' in result['msg']
    assert OTHER_TOKEN not in json.dumps(result)


def test_without_an_environment_the_controller_environment_is_used(emulator, monkeypatch, clean_environ):
    for name, value in emulator_env(emulator).items():
        monkeypatch.setenv(name, value)
    assert plugin(module='team_info').run(task_vars={})['teams'] == []
    assert 'No Konnect credentials' in plugin(module='team_info', environment=[{'KONNECT_TOKEN': ''}]).run(task_vars={})['msg']


def test_path_options_expand_variables_of_the_task_environment(emulator, clean_environ, tmp_path):
    environment = [emulator_env(emulator), {'TASKSENV_DIR': str(tmp_path), 'HOME': str(tmp_path / 'home')}]
    result = plugin(module='team_info', args={'ca_path': '$TASKSENV_DIR/ca.pem'}, environment=environment).run(task_vars={})
    assert result['invocation']['module_args']['ca_path'] == str(tmp_path / 'ca.pem')
    result = plugin(module='team_info', args={'ca_path': '~/ca.pem'}, environment=environment).run(task_vars={})
    assert result['invocation']['module_args']['ca_path'] == str(tmp_path / 'home' / 'ca.pem')


def test_the_environment_is_restored_however_the_task_ends(monkeypatch):
    monkeypatch.setenv('TASKSENV_KEPT', 'controller')
    monkeypatch.setenv('TASKSENV_SAME', 'same')
    monkeypatch.delenv('TASKSENV_NEW', raising=False)
    before = dict(os.environ)

    class Interrupted(BaseException):  # like the task executor's TaskTimeoutError
        pass

    with pytest.raises(Interrupted):
        with action.task_environment({'TASKSENV_KEPT': 'task', 'TASKSENV_NEW': 2, 'TASKSENV_SAME': 'same'}):
            assert (os.environ['TASKSENV_KEPT'], os.environ['TASKSENV_NEW']) == ('task', '2')
            raise Interrupted()
    assert dict(os.environ) == before


def test_threads_started_by_the_task_see_its_environment():
    seen = []
    with action.task_environment({'TASKSENV_THREAD': 'task'}):
        worker = threading.Thread(target=lambda: seen.append(os.environ.get('TASKSENV_THREAD')))
        worker.start()
        worker.join()
    assert seen == ['task'] and 'TASKSENV_THREAD' not in os.environ


def test_environment_values_become_strings_as_in_a_shell_prefix():
    assert action.environment_changes({'TASKSENV_A': 1, 'TASKSENV_B': True, 'TASKSENV_C': None}) == {
        'TASKSENV_A': '1', 'TASKSENV_B': 'True', 'TASKSENV_C': 'None'}
    assert ShellModule().env_prefix(TASKSENV_A=1, TASKSENV_B=True) == 'TASKSENV_A=1 TASKSENV_B=True'


@pytest.mark.parametrize('environment', [{'A=B': 'x'}, {'': 'x'}, {'A': 'x\0y'}])
def test_an_environment_that_no_process_could_have_is_refused(environment):
    with pytest.raises(AnsibleActionFail, match='environment'):
        action.environment_changes(environment)


# -- the same answers as AnsibleModule ---------------------------------------------------------


def as_module(module, args, capsys):
    """What the module prints on a target for ``args`` (AnsibleModule in this process; the action gives it its name)."""
    with patch_module_args(dict(args, _ansible_module_name='konnect.konnect.' + module)):
        with pytest.raises(SystemExit):
            action.load_task('konnect.konnect.' + module).main()
    return json.loads(capsys.readouterr().out)


BAD_ARGUMENTS = [
    ('team', {'name': 'a', 'colour': 'blue'}),
    ('team', {'name': 'a', 'labels': 'not-a-dict'}),
    ('team', {'name': 'a', 'state': 'gone'}),
    ('team', {'description': 'no name'}),
    ('team_info', {'name': 'a', 'id': 'b'}),
    ('team', {'name': 'a', 'konnect_token': DEMO_TOKEN, 'konnect_email': 'a@example.com', 'konnect_password': 'p' * 12}),
    ('team', {'name': 'a', 'konnect_email': 'a@example.com'}),
    ('gateway_service', {'name': 'a', 'port': 'eighty', 'control_plane': 'cp'}),
]


@pytest.mark.parametrize('module, args', BAD_ARGUMENTS)
def test_argument_errors_are_the_modules(emulator, capsys, module, args):
    args = dict(args, konnect_api_url=emulator.url + '/{region}', konnect_global_api_url=emulator.url + '/global')
    in_process = plugin(module=module, args=args).run(task_vars={})
    on_target = as_module(module, args, capsys)
    assert in_process['failed'] and on_target['failed']
    assert in_process['msg'] == on_target['msg']
    assert emulator.requests() == []


def test_no_log_values_are_masked_like_the_module_masks_them(emulator, capsys, clean_environ, coordination_directory):
    # a token that also appears in a result field: masked there too, wherever it appears
    args = {'name': 'masked', 'description': 'token ' + DEMO_TOKEN, 'konnect_token': DEMO_TOKEN,
            'konnect_api_url': emulator.url + '/{region}', 'konnect_global_api_url': emulator.url + '/global'}
    in_process = plugin(args=args, diff=True).run(task_vars={})
    emulator.reset()
    for note in coordination_directory.glob('recent/*/*'):  # else the module's read waits ~20 s for the team reset away
        note.unlink()
    on_target = as_module('team', dict(args, _ansible_diff=True), capsys)
    for result in (in_process, on_target):
        assert DEMO_TOKEN not in json.dumps(result)
        assert result['team']['description'] == 'token ********'
        assert result['invocation']['module_args']['konnect_token'] == 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'
    assert strip_volatile(in_process) == strip_volatile(on_target)


def strip_volatile(result):
    text = json.dumps(result, sort_keys=True)
    for value in (result['team']['id'], result['team']['created_at'], result['team']['updated_at']):
        text = text.replace(value, '<volatile>')
    return json.loads(text)


def test_a_one_time_secret_is_returned_hidden_from_logs(emulator):
    connection = {'konnect_token': DEMO_TOKEN, 'konnect_api_url': emulator.url + '/{region}', 'konnect_global_api_url': emulator.url + '/global'}
    account = plugin(module='system_account', args=dict(connection, name='robot', description='CI')).run(task_vars={})
    assert account['changed'], account
    token_args = dict(connection, system_account='robot', name='ci', expires_at=IN_20_DAYS)
    result = plugin(module='system_account_access_token', args=token_args).run(task_vars={})
    assert result.get('changed') and result['token'], result
    assert result['_ansible_no_log'] is True  # the registered result keeps it; the callbacks and logs do not show it
    again = plugin(module='system_account_access_token', args=token_args).run(task_vars={})
    assert not again['changed'] and not again.get('token') and '_ansible_no_log' not in again


def test_alias_warnings_are_the_modules():
    validation = SimpleNamespace(_warnings=[{'option': 'name', 'alias': 'title'}])
    assert action.alias_warnings(validation) == ['Both option name and its alias title are set.']


def test_requests_uses_the_proxy_of_the_task_environment(emulator, clean_environ, monkeypatch):
    for name in ('HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'):
        monkeypatch.delenv(name, raising=False)
    args = {'max_retries': 0, 'timeout': 5}
    through_proxy = [emulator_env(emulator), {'HTTP_PROXY': 'http://127.0.0.1:9', 'NO_PROXY': 'example.invalid'}]
    assert plugin(module='team_info', args=args, environment=through_proxy).run(task_vars={})['failed']
    assert emulator.requests() == []  # the request went to the (absent) proxy, as the module's would
    assert plugin(module='team_info', args=args, environment=through_proxy[:1]).run(task_vars={})['teams'] == []
    assert 'HTTP_PROXY' not in os.environ
