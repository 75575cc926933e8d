# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs every konnect.konnect module in-process on the controller.

``meta/runtime.yml`` routes each module's action here. Starting a module process costs about
0.35-0.5 s a task; talking to Konnect from the controller's own Python costs milliseconds. This
plugin therefore does what ``AnsibleModule`` would do (validate the arguments against the
module's argument spec, honour check and diff mode, mask every ``no_log`` value) and calls the
same engine the module's ``main()`` calls.

It falls back to executing the module on the target when the task does not run locally (for
example ``delegate_to`` a bastion that can reach Konnect), or when the variable
``konnect_execution`` (or the environment variable ``KONNECT_EXECUTION``) is ``target``.
"""

from __future__ import annotations

import importlib
import os

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError
# The strategy loads this class in the main process before it forks a worker for each task, so
# importing the engine (and requests, ~60-90 ms) here means workers inherit it instead of paying
# for it on every task.
from ansible_collections.konnect.konnect.plugins.module_utils import runner

display = Display()
EXECUTION_CHOICES = ('auto', 'controller', 'target')
LOCAL_CONNECTIONS = frozenset(('local', 'ansible.builtin.local', 'ansible.legacy.local'))


class ActionModule(ActionBase):

    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        module_name = self._module_name()
        if not self._runs_in_process(task_vars):
            return self._run_on_target(module_name, task_vars)
        result = super(ActionModule, self).run(tmp, task_vars)
        result.update(self._run_in_process(module_name))
        return result

    def _module_name(self):
        """The FQCN of the module the task names (``resolved_action`` is this plugin, after the redirect)."""
        context = self._shared_loader_obj.module_loader.find_plugin_with_context(
            self._task.action, collection_list=self._task.collections)
        if not context.resolved:
            raise AnsibleActionFail('Could not resolve the module %r.' % self._task.action)
        return context.resolved_fqcn

    # -- where to run ----------------------------------------------------------------------------

    def _execution_mode(self, task_vars):
        mode = task_vars.get('konnect_execution') or os.environ.get('KONNECT_EXECUTION') or 'auto'
        mode = self._templar.template(mode) if isinstance(mode, str) else mode
        if mode not in EXECUTION_CHOICES:
            raise AnsibleActionFail('konnect_execution must be one of %s, got %r.' % (', '.join(EXECUTION_CHOICES), mode))
        return mode

    def _runs_in_process(self, task_vars):
        mode = self._execution_mode(task_vars)
        if mode != 'auto':
            return mode == 'controller'
        connection = self._play_context.connection or ''
        load_name = getattr(self._connection, '_load_name', '') or ''
        return connection in LOCAL_CONNECTIONS or load_name in LOCAL_CONNECTIONS

    def _run_on_target(self, module_name, task_vars):
        self._supports_check_mode = True
        result = super(ActionModule, self).run(task_vars=task_vars)
        result.update(self._execute_module(module_name=module_name, module_args=self._task.args, task_vars=task_vars))
        if load_task(module_name).returns_secret(result):
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
        warnings = []
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


def argument_errors(module_name, validation):
    """The message AnsibleModule would give for these validation errors."""
    messages = []
    for error in validation.errors:
        if isinstance(error, UnsupportedError):
            messages.append('Unsupported parameters for (%s) module: %s' % (module_name, error.msg))
        else:
            messages.append(error.msg)
    return '; '.join(messages)


def load_task(module_name):
    """The module's ``TASK`` object, imported from the collection the module belongs to."""
    namespace, collection, name = module_name.split('.', 2)
    module = importlib.import_module('ansible_collections.%s.%s.plugins.modules.%s' % (namespace, collection, name))
    return module.TASK
