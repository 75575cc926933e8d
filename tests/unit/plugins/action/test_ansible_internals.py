# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every part of ansible-core that is not public API and that the collection relies on, checked one by one.

The in-process action plugin (``plugins/action/konnect.py``) does what ``AnsibleModule`` and the ``normal`` action
do, with ansible-core's own pieces: the argument validator's private results, ``ActionBase``'s protected helpers, the
plugin loader, the attributes the task executor sets on a plugin. ``runner.run_as_module`` reads ``AnsibleModule._diff``.
None of that is covered by ansible-core's deprecation policy, so each is checked here by name and by behaviour: when
one moves in a new ansible-core, the failure names the internal, the ansible-core version and what the collection
uses it for, instead of a test somewhere else failing with an AttributeError. ``make compat`` runs this file on
every ansible-core line the README names (2.16 ... 2.19).
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from ansible.module_utils.ansible_release import __version__ as ANSIBLE_CORE_VERSION

from ansible_collections.konnect.konnect.plugins.action import konnect as action
from ansible_collections.konnect.konnect.tests.unit.plugins.action.test_konnect_action import patch_module_args


def internal_moved(name, problem, used_for):
    return 'ansible-core %s: %s %s. The collection relies on it for %s (see plugins/action/konnect.py\'s docstring).' % (
        ANSIBLE_CORE_VERSION, name, problem, used_for)


def require(condition, name, problem, used_for):
    if not condition:
        pytest.fail(internal_moved(name, problem, used_for), pytrace=False)


def require_import(module, attribute, used_for):
    name = '%s.%s' % (module, attribute)
    try:
        imported = __import__(module, fromlist=[attribute])
    except ImportError as exc:
        pytest.fail(internal_moved(module, 'cannot be imported (%s)' % exc, used_for), pytrace=False)
    require(hasattr(imported, attribute), name, 'is gone', used_for)
    return getattr(imported, attribute)


def require_parameters(function, name, parameters, used_for):
    try:
        present = inspect.signature(function).parameters
    except (TypeError, ValueError):  # pragma: no cover
        present = {}
    missing = [parameter for parameter in parameters if parameter not in present]
    require(not missing, name, 'no longer takes the parameter(s) %s (it takes: %s)' % (', '.join(missing), ', '.join(present)), used_for)


# -- ActionBase: what the plugin overrides, calls and reads ----------------------------------------


def action_base():
    return require_import('ansible.plugins.action', 'ActionBase', 'the in-process action plugin itself')


@pytest.mark.parametrize('attribute, used_for', [
    ('TRANSFERS_FILES', 'telling the executor the plugin copies no files'),
    ('_requires_connection', 'running without opening a connection when the task runs in-process'),
    ('_supports_check_mode', 'accepting check mode (the engine honours it)'),
    ('_supports_async', 'accepting async tasks (they run on the target)'),
])
def test_actionbase_class_attributes_the_plugin_overrides(attribute, used_for):
    # an attribute renamed in ActionBase would make the plugin's override a silent no-op
    require(hasattr(action_base(), attribute), 'ActionBase.' + attribute, 'is gone', used_for)


@pytest.mark.parametrize('method, parameters, used_for', [
    ('__init__', ('task', 'connection', 'play_context', 'loader', 'templar', 'shared_loader_obj'),
     'the attributes the executor gives the plugin (and the unit tests that build it)'),
    ('run', ('tmp', 'task_vars'), 'the base result (check mode and async support checks)'),
    ('_compute_environment_string', ('raw_environment_out',), "the task's templated environment: (play, block, task)"),
    ('_execute_module', ('module_name', 'module_args', 'task_vars', 'wrap_async'), 'running the module on the target'),
    ('_remove_tmp_path', ('tmp_path',), "removing the target's temporary directory after the module ran"),
])
def test_actionbase_methods_the_plugin_calls(method, parameters, used_for):
    base = action_base()
    require(callable(getattr(base, method, None)), 'ActionBase.%s' % method, 'is gone', used_for)
    require_parameters(getattr(base, method), 'ActionBase.%s' % method, parameters, used_for)


def test_actionbase_keeps_what_the_executor_gives_it():
    """The plugin reads ``_task``, ``_connection``, ``_play_context``, ``_templar`` and ``_shared_loader_obj.module_loader``."""
    from ansible.plugins import loader
    # the executor passes the module ansible.plugins.loader as shared_loader_obj (2.16-2.18 keep it; 2.19 sets it itself)
    given = dict(task=SimpleNamespace(), connection=SimpleNamespace(_shell=None), play_context=SimpleNamespace(), loader=object(),
                 templar=object(), shared_loader_obj=loader)
    loaded = action.ActionModule(**given)
    for attribute in ('task', 'connection', 'play_context', 'templar'):
        require(getattr(loaded, '_' + attribute, None) is given[attribute], 'ActionBase._' + attribute,
                'is no longer what the executor passes as %s' % attribute, 'reading the task, its connection and its variables')
    require(getattr(getattr(loaded, '_shared_loader_obj', None), 'module_loader', None) is loader.module_loader,
            'ActionBase._shared_loader_obj.module_loader', 'is not the plugin loader of modules', 'finding the module a task names')


def test_compute_environment_string_gives_the_task_environment_as_a_dict():
    from ansible.parsing.dataloader import DataLoader
    from ansible.playbook.play_context import PlayContext
    from ansible.plugins.shell.sh import ShellModule
    from ansible.template import Templar

    task = SimpleNamespace(args={}, environment=[{'COMPAT_A': 'play'}, {'COMPAT_A': 'task', 'COMPAT_B': 1}], no_log=False,
                           action='konnect.konnect.team', delegate_to=None)
    loaded = action.ActionModule(task, SimpleNamespace(_shell=ShellModule()), PlayContext(), DataLoader(), Templar(loader=DataLoader()), None)
    environment = {}
    loaded._compute_environment_string(environment)
    require(environment == {'COMPAT_A': 'task', 'COMPAT_B': 1}, 'ActionBase._compute_environment_string(raw_environment_out)',
            'no longer fills raw_environment_out with the merged environment (got %r)' % (environment,),
            "the task's environment: (option fallbacks such as KONNECT_TOKEN, proxies)")


# -- the plugin loader -----------------------------------------------------------------------------


def test_module_loader_resolves_a_module_with_its_context():
    loaders = require_import('ansible.plugins.loader', 'module_loader', "finding the module a task names (the plugin's _module_name)")
    used_for = "finding the module a task names (the plugin's _module_name), through meta/runtime.yml's redirects"
    require_parameters(loaders.find_plugin_with_context, 'module_loader.find_plugin_with_context', ('collection_list',), used_for)
    context = loaders.find_plugin_with_context('ping', collection_list=[])
    for attribute in ('resolved', 'resolved_fqcn'):
        require(hasattr(context, attribute), 'PluginLoadContext.' + attribute, 'is gone', used_for)
    require(context.resolved and context.resolved_fqcn == 'ansible.builtin.ping', 'PluginLoadContext.resolved_fqcn',
            'is %r for the module ping, not ansible.builtin.ping' % (context.resolved_fqcn,), used_for)


# A fresh interpreter: in this one the engine is imported already. It looks up a task's action the way Ansible's main
# process does when it parses the task and when the strategy queues it, before it forks the task's worker.
LOOK_UP_AN_ACTION = """
import sys
from ansible.plugins.loader import action_loader, init_plugin_loader
init_plugin_loader([sys.argv[1]])
action_loader.find_plugin_with_context('konnect.konnect.team', collection_list=[])
print('ansible_collections.konnect.konnect.plugins.module_utils.runner' in sys.modules)
"""


def test_looking_up_an_action_loads_the_engine_in_the_main_process():
    used_for = ('loading the engine in the main process (plugins/action/__init__.py), so that workers inherit it: '
                'without it every in-process task imports it again, about 0.2 s a task')
    collections_path = os.path.abspath(os.path.join(os.path.dirname(action.__file__), *(['..'] * 5)))
    proc = subprocess.run([sys.executable, '-c', LOOK_UP_AN_ACTION, collections_path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, check=False, timeout=120)
    require(proc.stdout.strip().splitlines()[-1:] == ['True'], 'action_loader.find_plugin_with_context',
            'no longer imports the collection\'s plugins.action package (output: %s)' % proc.stdout.strip()[-500:], used_for)


# -- what the executor sets on a task, a play context and a connection -----------------------------


@pytest.mark.parametrize('attribute', ['args', 'check_mode', 'diff', 'async_val', 'action', 'collections', 'environment', 'poll'])
def test_task_attributes_the_plugin_reads(attribute):
    from ansible.playbook.task import Task
    require(hasattr(Task(), attribute), 'Task.' + attribute, 'is gone', 'the task\'s arguments, modes and execution keywords')


@pytest.mark.parametrize('attribute', ['connection', 'become', 'become_user', 'remote_addr'])
def test_play_context_attributes_the_plugin_reads(attribute):
    from ansible.playbook.play_context import PlayContext
    require(hasattr(PlayContext(), attribute), 'PlayContext.' + attribute, 'is gone', 'deciding where a task runs (local connection, become)')


def test_connection_attributes_the_plugin_reads():
    from ansible.plugins.connection import ConnectionBase
    from ansible.plugins.loader import connection_loader
    from ansible.playbook.play_context import PlayContext
    used_for = 'deciding where a task runs and running async modules on the target'
    require(hasattr(ConnectionBase, 'has_native_async'), 'ConnectionBase.has_native_async', 'is gone', used_for)
    local = connection_loader.get('local', PlayContext(), None)
    require(getattr(local, '_load_name', None) in action.LOCAL_CONNECTIONS, 'AnsiblePlugin._load_name',
            'of the local connection is %r' % (getattr(local, '_load_name', None),), used_for)
    require(hasattr(local, '_shell') and hasattr(local._shell, 'tmpdir'), 'ConnectionBase._shell.tmpdir', 'is gone',
            "removing the target's temporary directory after the module ran")


def test_display_has_the_verbosity_levels_the_plugin_uses():
    display = require_import('ansible.utils.display', 'Display', 'progress lines at -v and where a task runs at -vvv')()
    for level in ('v', 'vvv'):
        require(callable(getattr(display, level, None)), 'Display.' + level, 'is gone', 'progress lines at -v and where a task runs at -vvv')


# -- argument validation: what AnsibleModule does, done in-process ---------------------------------


def validation_of(spec, params, **rules):
    validator = require_import('ansible.module_utils.common.arg_spec', 'ArgumentSpecValidator', 'validating a task\'s arguments in-process')
    require_parameters(validator, 'ArgumentSpecValidator', ('argument_spec', 'mutually_exclusive', 'required_together', 'required_one_of',
                                                            'required_if', 'required_by'), 'validating a task\'s arguments in-process')
    return validator(spec, **rules).validate(params)


def test_validation_result_no_log_values():
    result = validation_of({'token': {'no_log': True}, 'name': {}}, {'token': 'compat-secret', 'name': 'a'})
    require(getattr(result, '_no_log_values', None) == {'compat-secret'}, 'ValidationResult._no_log_values',
            'is not the set of no_log values (got %r)' % (getattr(result, '_no_log_values', '<missing>'),),
            'masking secrets in results and errors as AnsibleModule does')


def test_validation_result_alias_warnings():
    result = validation_of({'name': {'aliases': ['title']}}, {'name': 'a', 'title': 'b'})
    require(getattr(result, '_warnings', None) == [{'option': 'name', 'alias': 'title'}], 'ValidationResult._warnings',
            'no longer lists {option, alias} dicts (got %r)' % (getattr(result, '_warnings', '<missing>'),),
            "AnsibleModule's warning when an option and its alias are both set")


def test_validation_result_public_parts_and_unsupported_error():
    unsupported = require_import('ansible.module_utils.errors', 'UnsupportedError', 'the "Unsupported parameters" message')
    result = validation_of({'name': {'required': True}}, {'name': 'a', 'colour': 'blue'})
    used_for = 'argument errors worded as AnsibleModule words them'
    for attribute in ('errors', 'error_messages', 'validated_parameters'):
        require(hasattr(result, attribute), 'ValidationResult.' + attribute, 'is gone', used_for)
    require([type(error) for error in result.errors] == [unsupported], 'ValidationResult.errors',
            'no longer holds an UnsupportedError for an unknown option (got %r)' % (list(result.errors),), used_for)
    require(hasattr(result.errors[0], 'msg'), 'UnsupportedError.msg', 'is gone', used_for)


def test_fallback_not_found_leaves_an_option_unset():
    not_found = require_import('ansible.module_utils.errors', 'AnsibleFallbackNotFound', 'options that fall back to environment variables')

    def fallback():
        raise not_found

    result = validation_of({'token': {'fallback': (fallback, [])}}, {})
    require(not result.error_messages and result.validated_parameters.get('token') is None, 'AnsibleFallbackNotFound',
            'raised by a fallback no longer leaves the option unset (%r)' % (result.error_messages,), 'options that fall back to environment variables')


def test_remove_values_masks_like_a_module():
    remove_values = require_import('ansible.module_utils.common.parameters', 'remove_values', 'masking secrets in results')
    masked = remove_values({'a': 'token compat-secret', 'b': ['compat-secret']}, {'compat-secret'})
    require(masked == {'a': 'token ********', 'b': ['VALUE_SPECIFIED_IN_NO_LOG_PARAMETER']}, 'remove_values(value, no_log_strings)',
            'masks differently (got %r)' % (masked,), 'masking secrets in results as AnsibleModule does')


def test_ansible_module_diff_attribute(capsys):
    """``runner.run_as_module`` passes ``module._diff`` to the engine (AnsibleModule has no public diff flag)."""
    basic = require_import('ansible.module_utils.basic', 'AnsibleModule', 'running a module on the target')
    with patch_module_args({'_ansible_diff': True, '_ansible_check_mode': True}):
        module = basic({}, supports_check_mode=True)
    require(getattr(module, '_diff', None) is True, 'AnsibleModule._diff', 'is not the task\'s diff mode (got %r)' % (getattr(module, '_diff', None),),
            'diff mode of a module run on the target (runner.run_as_module)')
    require(module.check_mode is True, 'AnsibleModule.check_mode', 'is not the task\'s check mode', 'check mode on the target')


def test_ansible_module_logs_its_invocation_through_a_method_a_subclass_can_extend():
    """``runner.TaskModule`` masks a task's nested secrets in ``_log_invocation``, which AnsibleModule's constructor calls."""
    basic = require_import('ansible.module_utils.basic', 'AnsibleModule', 'running a module on the target')
    require(callable(getattr(basic, '_log_invocation', None)), 'AnsibleModule._log_invocation', 'is gone',
            'masking nested secrets before the invocation is logged to syslog (runner.TaskModule)')
    called = []

    class Logging(basic):
        def _log_invocation(self):
            called.append(sorted(self.no_log_values))

        def log(self, msg, log_args=None):
            pass

    with patch_module_args({'secret': 'x'}):
        Logging({'secret': dict(type='str', no_log=True)})
    require(called == [['x']], 'AnsibleModule.__init__', 'no longer calls _log_invocation once its no_log values are known (got %r)' % (called,),
            'masking nested secrets before the invocation is logged to syslog (runner.TaskModule)')
