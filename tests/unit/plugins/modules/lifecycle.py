# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run modules in-process against the emulator, as the action plugin does, and check the life cycle every entity
module owes its users: create, an idempotent re-run, update, check mode, diff without secrets, delete twice, and
bad input refused before anything is written.

    module = Module(emulator, 'portal_snippet')
    created = assert_lifecycle(module, create=dict(portal_id=portal, name='s', content='a'),
                               update=dict(content='b'), secrets=())
    assert_refused(module, dict(portal='nope', name='s', content='a'), 'portal', 'nope')
"""

from __future__ import annotations

import importlib
import json

import requests
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN, connection

READS = frozenset(('GET', 'HEAD'))


class Module(object):
    """One module of the collection, run as the action plugin runs it (argument spec, then the task)."""

    def __init__(self, emulator, name):
        self.emulator = emulator
        self.name = name
        # the action plugin's own loading and messages are controller code, which module tests may not import
        self.task = importlib.import_module('ansible_collections.konnect.konnect.plugins.modules.' + name).TASK
        self.warnings = []
        self.progress = []  # the progress lines of every run (shown at -v when a task runs in-process)
        self.validated = None  # the parameters of the last run, once its arguments were valid

    def __call__(self, check_mode=False, diff=False, **args):
        kwargs = self.task.module_kwargs()
        spec = kwargs.pop('argument_spec')
        kwargs.pop('supports_check_mode', None)
        validation = ArgumentSpecValidator(spec, **kwargs).validate(dict(self.connection_args(), **args))
        self.validated = None
        if validation.error_messages:
            return {'failed': True, 'msg': argument_errors(self.name, validation)}
        self.validated = validation.validated_parameters
        try:
            return self.task.execute(validation.validated_parameters, check_mode=check_mode, diff_mode=diff, warn=self.warnings.append,
                                     progress=self.progress.append)
        except KonnectError as exc:
            return dict(exc.details, failed=True, msg=exc.msg)

    def connection_args(self):
        return connection(self.emulator)

    def counted(self, check_mode=False, diff=False, **args):
        """The result and the requests the task sent."""
        self.emulator.clear_requests()
        result = self(check_mode=check_mode, diff=diff, **args)
        return result, self.emulator.requests()


def argument_errors(name, validation):
    """The message AnsibleModule (and the action plugin) gives for these validation errors."""
    return '; '.join('Unsupported parameters for (%s) module: %s' % (name, error.msg) if isinstance(error, UnsupportedError) else error.msg
                     for error in validation.errors)


MASK = '********'  # how a module shows a secret


def paths(sent):
    return [request['path'] for request in sent]


def methods(sent):
    return [request['method'] for request in sent]


def shown(result):
    return json.dumps(result, default=str)


def writes(sent):
    return [request for request in sent if request['method'] not in READS]


def returned(module, result):
    """The entity the module returned (under the module's entity name)."""
    return result[module.task.entity.name]


def assert_lifecycle(module, create, update, secrets=(), absent=None, noop_requests=1, deletable=True):
    """Walk one entity through its life; return the entity as created (before the update).

    ``create`` and ``update`` are module arguments (``update`` is merged over ``create``); ``secrets`` are values that
    must never appear in a result or a diff; ``absent`` the arguments that find it for deletion (default ``create``);
    ``noop_requests`` what an unchanged re-run may cost (1 when parents are given by id).
    """
    predicted, sent = module.counted(check_mode=True, diff=True, **create)
    _assert_ok(module, predicted)
    assert predicted['changed'] and not writes(sent), 'check mode wrote: %s' % writes(sent)
    _assert_hidden(predicted, secrets)

    created, sent = module.counted(diff=True, **create)
    _assert_ok(module, created)
    assert created['changed'] and writes(sent), 'create wrote nothing'
    _assert_hidden(created, secrets)
    entity = returned(module, created)
    for name, value in _shown(module, create).items():
        assert _agrees(entity.get(name), value), '%s: predicted %r, created %r' % (name, returned(module, predicted).get(name), entity.get(name))

    again, sent = module.counted(**create)
    _assert_ok(module, again)
    assert not again['changed'], 're-run changed: %s' % again.get('diff')
    assert len(sent) <= noop_requests, 're-run sent %d requests: %s' % (len(sent), [(r['method'], r['path']) for r in sent])

    changed_args = dict(create, **update)
    planned, sent = module.counted(check_mode=True, diff=True, **changed_args)
    _assert_ok(module, planned)
    assert planned['changed'] and not writes(sent), 'check mode wrote: %s' % writes(sent)
    updated, sent = module.counted(diff=True, **changed_args)
    _assert_ok(module, updated)
    assert updated['changed'] and writes(sent)
    assert updated['diff']['before'] != updated['diff']['after']
    _assert_hidden(updated, secrets)
    again, sent = module.counted(**changed_args)
    assert not again['changed'], 're-run after update changed: %s' % again.get('diff')

    if deletable:
        gone_args = dict(absent or changed_args, state='absent')
        planned, sent = module.counted(check_mode=True, **gone_args)
        assert planned['changed'] and not writes(sent)
        deleted, sent = module.counted(**gone_args)
        _assert_ok(module, deleted)
        assert deleted['changed'] and writes(sent)
        twice, sent = module.counted(**gone_args)
        _assert_ok(module, twice)
        assert not twice['changed'] and not writes(sent)
        # what is gone is not waited for: the lookup is not retried as for an entity just created (coordination.py)
        assert len(sent) <= noop_requests + 2, 'deleting again sent %d requests: %s' % (len(sent), [(r['method'], r['path']) for r in sent])
    return entity


def assert_refused(module, args, *words, **kwargs):
    """The task fails before any write, with a message that contains every word (case-insensitive)."""
    result, sent = module.counted(check_mode=kwargs.get('check_mode', False), **args)
    assert result.get('failed'), 'not refused: %s' % result
    assert not writes(sent), 'refused after writing: %s' % writes(sent)
    for word in words:
        assert word.lower() in result['msg'].lower(), '%r not in %r' % (word, result['msg'])
    return result


def _assert_ok(module, result):
    assert not result.get('failed'), '%s failed: %s' % (module.name, result.get('msg'))


def _assert_hidden(result, secrets):
    text = json.dumps(result, default=str)
    for secret in secrets:
        assert secret not in text, 'secret shown: %s' % secret


def _shown(module, args):
    """The arguments that are entity fields Konnect returns as given (compared after the create)."""
    entity = module.task.entity
    shown = {}
    for field in entity.fields:
        if field.name in args and field.shown and not field.secret and not field.secret_keys and field.compared \
                and field.response_path == field.name and not isinstance(args[field.name], dict):
            shown[field.name] = args[field.name]
    return shown


def _agrees(actual, wanted):
    if isinstance(wanted, list) and isinstance(actual, list):
        return sorted(map(json.dumps, actual)) == sorted(map(json.dumps, wanted))
    return actual == wanted


def konnect(emulator, method, path, body=None, region='us'):
    """Set up (or inspect) Konnect directly, without a module: ``konnect(emulator, 'POST', '/v3/portals', {...})``."""
    response = requests.request(method, '%s/%s%s' % (emulator.url, region, path), json=body,
                                headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    assert response.status_code < 300, '%s %s: %s %s' % (method, path, response.status_code, response.text)
    return response.json() if response.content else None


def assert_refused_after_checks(module, args, checks, *words):
    """As ``assert_refused``, for a task that first asks Konnect to check its input (a validation endpoint, which writes
    nothing): ``checks`` are the paths of such requests; one of them must have been sent, and nothing else but reads."""
    result, sent = module.counted(**args)
    assert result.get('failed'), 'not refused: %s' % result
    assert any(request['path'] in checks for request in sent), 'refused without asking Konnect: %s' % [r['path'] for r in sent]
    assert not [request for request in writes(sent) if request['path'] not in checks], 'refused after writing: %s' % writes(sent)
    for word in words:
        assert word.lower() in result['msg'].lower(), '%r not in %r' % (word, result['msg'])
    return result
