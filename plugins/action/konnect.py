# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs every konnect.konnect module in-process on the controller, exactly as the module would run.

``meta/runtime.yml`` routes each module's action here. Starting a module process costs about
0.35-0.5 s a task; talking to Konnect from the controller's own Python costs milliseconds. This
plugin therefore does what ``AnsibleModule`` would do (validate the arguments against the
module's argument spec, honour check and diff mode, mask every ``no_log`` value) and calls the
same engine the module's ``main()`` calls, inside the environment the module's process would have:
the controller's environment with the task's ``environment:`` (play, block and task level,
templated) on top, for the option fallbacks (``KONNECT_TOKEN``...), ``path`` options
(``$VAR``, ``~``), ``requests`` (proxies, CA bundles) and decK's substitution alike.

Task keywords: module defaults, ``args``, loops, ``register``, ``when``, ``failed_when``/``changed_when``,
``until``, ``ignore_errors``, ``no_log`` and ``timeout`` are applied by the task executor around
this plugin, the same for both paths; ``check_mode`` and ``diff`` are passed to the engine.

The module is executed on the target instead (``_run_on_target``), as any module would be, when

* the variable ``konnect_execution`` (or the environment variable ``KONNECT_EXECUTION``) is ``target``;
* with ``auto`` (the default): the task's connection is not local (``delegate_to`` a bastion), or the
  task uses ``become`` (the module would run as another user: its files, ``~`` and permissions
  differ), or ``async`` (only a module process can be left running and polled with ``async_status``).

``konnect_execution: controller`` forces in-process execution: ``become`` is then ignored (the engine
runs as the controller's user), and ``async`` is refused, since it cannot be honoured.

ansible-core internals relied upon (all long-standing; each checked by name and behaviour in
``tests/unit/plugins/action/test_ansible_internals.py``, which ``make compat`` runs on ansible-core 2.16 ... 2.19):
``ActionBase._compute_environment_string(raw_environment_out)`` for the task's templated environment,
``ActionBase._execute_module`` and ``_remove_tmp_path`` (as the ``normal`` action uses them),
``self._task`` (``args``, ``check_mode``, ``diff``, ``async_val``, ``action``, ``collections``),
``self._play_context`` (``connection``, ``become``), ``self._shared_loader_obj.module_loader``, ``self._connection`` (``_load_name``,
``has_native_async``, ``_shell``) and ``ArgumentSpecValidator``'s ``_no_log_values``/``_warnings``.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import threading

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.common.text.converters import to_text
from ansible.module_utils.errors import UnsupportedError
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError
# This package's __init__ imports this module in Ansible's main process, before it forks a worker for
# each task, so workers inherit the engine (and requests) instead of importing it on every task.
from ansible_collections.konnect.konnect.plugins.module_utils import runner

display = Display()
EXECUTION_CHOICES = ('auto', 'controller', 'target')
LOCAL_CONNECTIONS = frozenset(('local', 'ansible.builtin.local', 'ansible.legacy.local'))

# os.environ is process-wide: one task at a time may lay its environment over it.
_ENVIRONMENT_LOCK = threading.RLock()


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True
    _supports_async = True  # a module supports async; such tasks run on the target (see where_to_run)

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        module_name = self._module_name()
        environment = self._task_environment()
        where = self._where_to_run(task_vars, environment)
        display.vvv('konnect: %s runs %s' % (module_name, where), host=self._play_context.remote_addr)
        if where != 'in-process':
            return self._run_on_target(module_name, task_vars)
        result = super(ActionModule, self).run(tmp, task_vars)
        with task_environment(environment):
            result.update(self._run_in_process(module_name))
        return result

    def _module_name(self):
        """The FQCN of the module the task names (``resolved_action`` is this plugin, after the redirect)."""
        context = self._shared_loader_obj.module_loader.find_plugin_with_context(
            self._task.action, collection_list=self._task.collections)
        if not context.resolved:
            raise AnsibleActionFail('Could not resolve the module %r.' % self._task.action)
        return context.resolved_fqcn

    def _task_environment(self):
        """The task's ``environment:`` (play, block, then task; templated), as a module's process gets it on top of the controller's."""
        environment = {}
        self._compute_environment_string(environment)
        return environment

    # -- where to run ----------------------------------------------------------------------------

    def _execution_mode(self, task_vars, environment):
        mode = (task_vars.get('konnect_execution') or environment.get('KONNECT_EXECUTION')
                or os.environ.get('KONNECT_EXECUTION') or 'auto')
        mode = self._templar.template(mode) if isinstance(mode, str) else mode
        if mode not in EXECUTION_CHOICES:
            raise AnsibleActionFail('konnect_execution must be one of %s, got %r.' % (', '.join(EXECUTION_CHOICES), mode))
        return mode

    def _where_to_run(self, task_vars, environment):
        """``in-process``, or why the module runs on the target."""
        mode = self._execution_mode(task_vars, environment)
        if mode == 'target':
            return 'on the target (konnect_execution: target)'
        if mode == 'controller':
            if self._task.async_val:
                raise AnsibleActionFail('async needs a module process on the target; it cannot be used with konnect_execution: controller.')
            return 'in-process'
        if not self._connection_is_local():
            return 'on the target (its connection is not local)'
        if self._play_context.become:
            return 'on the target (become: the module runs as %s)' % (self._play_context.become_user or 'another user')
        if self._task.async_val:
            return 'on the target (async)'
        return 'in-process'

    def _connection_is_local(self):
        connection = self._play_context.connection or ''
        load_name = getattr(self._connection, '_load_name', '') or ''
        return connection in LOCAL_CONNECTIONS or load_name in LOCAL_CONNECTIONS

    def _run_on_target(self, module_name, task_vars):
        """Execute the module on the target, as the ``normal`` action would, async included."""
        task = load_task(module_name)
        if self._task.async_val and may_return_secret(task):
            raise AnsibleActionFail('%s returns a one-time secret, which async_status would show: it cannot run with async.' % module_name)
        result = super(ActionModule, self).run(task_vars=task_vars)
        wrap_async = bool(self._task.async_val) and not self._connection.has_native_async
        result.update(self._execute_module(module_name=module_name, module_args=self._task.args, task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        if task.returns_secret(result):
            result['_ansible_no_log'] = True  # a module cannot ask for this itself
        return result

    # -- in-process ------------------------------------------------------------------------------

    def _run_in_process(self, module_name):
        task = load_task(module_name)
        kwargs = task.module_kwargs()
        argument_spec = kwargs.pop('argument_spec')
        kwargs.pop('supports_check_mode', None)
        validation = ArgumentSpecValidator(argument_spec, **kwargs).validate(dict(self._task.args))
        no_log_values = validation._no_log_values
        if validation.error_messages:
            return {'failed': True, 'msg': remove_values(argument_errors(module_name, validation), no_log_values)}
        params = validation.validated_parameters
        no_log_values = no_log_values | set(str(value) for value in getattr(task, 'hidden_values', lambda params: [])(params))
        warnings = alias_warnings(validation)
        try:
            result = task.execute(params, check_mode=bool(self._task.check_mode), diff_mode=bool(self._task.diff),
                                  warn=warnings.append, progress=display.v)
        except KonnectError as exc:
            result = dict(exc.details, failed=True, msg=exc.msg)
        no_log_values = no_log_values | set(str(value) for value in result.pop(runner.SECRET_VALUES, []))
        result['invocation'] = {'module_args': params}
        if warnings:
            result['warnings'] = warnings
        return remove_values(result, no_log_values)


@contextlib.contextmanager
def task_environment(environment):
    """``os.environ`` as the module's process would have it, for the duration of the block only.

    Every reader sees it: option fallbacks, ``path`` options, ``requests`` (proxies, CA bundles), decK's
    substitution, and threads the engine starts. A worker process runs one task, so nothing else reads
    it meanwhile; the previous values are restored however the block ends (task ``timeout`` included).
    """
    changes = environment_changes(environment)
    if not changes:
        yield
        return
    with _ENVIRONMENT_LOCK:
        saved = dict((name, os.environ.get(name)) for name in changes)
        try:
            os.environ.update(changes)
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def environment_changes(environment):
    """The variables the task's environment sets to another value than the controller's, as strings (as a shell would)."""
    changes = {}
    for name, value in (environment or {}).items():
        name = to_text(name)
        if not name or '=' in name or '\0' in name:
            raise AnsibleActionFail('environment: %r is not a valid environment variable name.' % name)
        value = to_text(value)
        if '\0' in value:
            raise AnsibleActionFail('environment: the value of %s contains a NUL character.' % name)
        if os.environ.get(name) != value:
            changes[name] = value
    return changes


def argument_errors(module_name, validation):
    """The message AnsibleModule would give for these validation errors."""
    messages = []
    for error in validation.errors:
        if isinstance(error, UnsupportedError):
            messages.append('Unsupported parameters for (%s) module: %s' % (module_name, error.msg))
        else:
            messages.append(error.msg)
    return '; '.join(messages)


def alias_warnings(validation):
    """The warnings AnsibleModule gives when an option and its alias are both set."""
    return ['Both option {option} and its alias {alias} are set.'.format(**warning) for warning in validation._warnings]


def may_return_secret(task):
    """Whether the task's result can carry a one-time secret (see ``returns_secret``)."""
    return bool(getattr(task.entity, 'result_field', None)) or type(task).returns_secret is not runner.EntityTask.returns_secret


def load_task(module_name):
    """The module's ``TASK`` object, imported from the collection the module belongs to."""
    namespace, collection, name = module_name.split('.', 2)
    module = importlib.import_module('ansible_collections.%s.%s.plugins.modules.%s' % (namespace, collection, name))
    return module.TASK
