# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the benchmarks under bench/ share: a session (emulator, collection layout, environment), timed
``ansible-playbook`` runs (with the seconds of each task, from bench/callback_plugins/task_seconds.py), the
emulator's request count, the do-nothing-module baseline, and ``konnect.konnect.apply`` run in this process
(``InProcessApply``).

    with bench_session(args.collections_path) as session:
        empty, ping = module_baseline(session, 40)
        run = session.run_playbook(playbook([...]), 'label')
        total, writes = session.take_requests()
        session.fresh_emulator()            # the next measured run starts from an empty organization
        applied = InProcessApply(session).run(document)

Measurements only: nothing here asserts anything about speed.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import traceback
import tracemalloc

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests'))

from emulator import DEMO_TOKEN  # noqa: E402  pylint: disable=wrong-import-position,import-error
from emulator.testing import EmulatorProcess  # noqa: E402  pylint: disable=wrong-import-position,import-error

PLAY = {'name': 'bench', 'hosts': 'localhost', 'connection': 'local', 'gather_facts': False}
TASK_SECONDS = re.compile(r'^TASK SECONDS (\S+) (.*)$')
RECAP = re.compile(r'^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)')
WRITE_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')

Run = collections.namedtuple('Run', 'seconds output')
# One in-process apply: its seconds, its result, the requests and writes the emulator received, the emulator's request log,
# this process's ru_maxrss (KiB) before and after it, and the tracemalloc peak (bytes) of a traced run (else None).
Applied = collections.namedtuple('Applied', 'seconds result requests writes log maxrss_before maxrss_after peak')


def playbook(tasks, play_vars=None):
    play = dict(PLAY, tasks=tasks)
    if play_vars:
        play['vars'] = play_vars
    return [play]


def ping_tasks(count):
    return [{'name': 'ping %d' % i, 'ansible.builtin.ping': {}} for i in range(count)]


def empty_playbook():
    return playbook([{'ansible.builtin.meta': 'noop'}])


def add_collections_path_option(parser):
    parser.add_argument('--collections-path', metavar='DIR',
                        help='a directory holding ansible_collections/konnect/konnect (default: a fresh copy laid out by '
                             'hacking/layout.sh in a temporary directory)')


def recap(output):
    """The PLAY RECAP counts of the run's (last) host line: {'ok': .., 'changed': .., ...}."""
    counts = None
    for line in output.splitlines():
        match = RECAP.match(line)
        if match:
            counts = dict(zip(('ok', 'changed', 'unreachable', 'failed', 'skipped'), (int(value) for value in match.groups()[1:])))
    if counts is None:
        raise ValueError('no PLAY RECAP line in the output')
    return counts


def task_seconds(output):
    """``(task name, seconds)`` of every task of the run, as bench/callback_plugins/task_seconds.py printed them."""
    return [(match.group(2), float(match.group(1))) for match in (TASK_SECONDS.match(line) for line in output.splitlines()) if match]


def changed_items(output):
    """``(task name, result line)`` of every ``changed:`` result the default callback printed."""
    task, found = None, []
    for line in output.splitlines():
        if line.startswith('TASK ['):
            task = line[len('TASK ['):].rsplit(']', 1)[0]
        elif line.startswith('changed: '):
            found.append((task, line[len('changed: '):]))
    return found


class Session:
    """One emulator, one laid-out collection, one scratch directory and the environment of every run."""

    def __init__(self, emulator, collections_path, workdir):
        self.emulator = emulator
        self.workdir = workdir
        self.env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.abspath(collections_path), KONNECT_TOKEN=DEMO_TOKEN,
                        KONNECT_API_URL=emulator.url + '/{region}', ANSIBLE_PYTHON_INTERPRETER=sys.executable,
                        ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_INVENTORY_UNPARSED_WARNING='false', ANSIBLE_NOCOLOR='1',
                        ANSIBLE_CALLBACK_PLUGINS=os.path.join(HERE, 'callback_plugins'), ANSIBLE_CALLBACKS_ENABLED='task_seconds')

    def ansible_playbook(self, arguments, label):
        """Runs ``ansible-playbook -i localhost, ARGUMENTS``; exits with its output if it fails."""
        command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,'] + list(arguments)
        start = time.monotonic()
        proc = subprocess.run(command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
        elapsed = time.monotonic() - start
        if proc.returncode != 0:
            sys.exit('%s failed:\n%s' % (label, proc.stdout[-3000:]))
        return Run(elapsed, proc.stdout)

    def run_playbook(self, plays, label):
        path = os.path.join(self.workdir, label + '.yml')
        with open(path, 'w', encoding='utf-8') as handle:
            json.dump(plays, handle)
        return self.ansible_playbook([path], label)

    def take_requests(self):
        """How many requests the emulator received since the last call, and how many of them were writes."""
        return count_requests(self.take_log())

    def take_log(self):
        """The emulator's request log since the last call (method, base, path, body, status of each request)."""
        log = self.emulator.requests()
        self.emulator.clear_requests()
        return log

    def fresh_emulator(self):
        """Replaces the emulator with a new process (an empty organization, an empty request log); returns it."""
        self.emulator.stop()
        self.emulator = EmulatorProcess().start()
        self.env['KONNECT_API_URL'] = self.emulator.url + '/{region}'
        return self.emulator


def count_requests(log):
    return len(log), sum(1 for entry in log if entry['method'] in WRITE_METHODS)


@contextlib.contextmanager
def bench_session(collections_path=None):
    with tempfile.TemporaryDirectory(prefix='konnect-bench-') as workdir:
        if not collections_path:
            collections_path = os.path.join(workdir, 'collections')
            subprocess.run([os.path.join(ROOT, 'hacking', 'layout.sh'), collections_path], stdout=subprocess.DEVNULL, check=True)
        session = Session(EmulatorProcess().start(), collections_path, workdir)
        try:
            yield session
        finally:
            session.emulator.stop()


def module_baseline(session, count):
    """Wall seconds of an empty playbook (Ansible's start-up) and of one with COUNT ``ansible.builtin.ping`` tasks."""
    empty = session.run_playbook(empty_playbook(), 'empty').seconds
    ping = session.run_playbook(playbook(ping_tasks(count)), 'ping').seconds
    return empty, ping


class InProcessApply:
    """``konnect.konnect.apply`` run in this process, as the in-process action plugin runs it: the task's arguments
    validated against the module's argument spec (connection options as ansible-playbook gets them from the
    environment), then ``ApplyTask().execute(params, check_mode, diff_mode, warn, progress)``. The collection is the
    session's laid-out copy, the code ansible-playbook runs."""

    def __init__(self, session, parallelism=10):
        self.session = session
        self.parallelism = parallelism
        self.warnings = []
        sys.path.insert(0, os.path.abspath(self.session.env['ANSIBLE_COLLECTIONS_PATH']))
        # pylint: disable=import-outside-toplevel,import-error
        from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
        from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
        self.validator_class, self.task_class = ArgumentSpecValidator, ApplyTask

    def params(self, document):
        url = self.session.emulator.url
        arguments = dict(document=document, parallelism=self.parallelism, konnect_token=DEMO_TOKEN, konnect_api_url=url + '/{region}',
                         konnect_global_api_url=url + '/global')
        kwargs = self.task_class().module_kwargs()
        spec = kwargs.pop('argument_spec')
        kwargs.pop('supports_check_mode', None)
        validation = self.validator_class(spec, **kwargs).validate(arguments)
        if validation.error_messages:
            sys.exit('apply: invalid arguments: %s' % '; '.join(validation.error_messages))
        return validation.validated_parameters

    def run(self, document, label='apply', trace=False):
        """Runs the task once, timed (the arguments are validated before the clock starts); exits if it fails.
        With TRACE, under tracemalloc (slower: the seconds of such a run are not the task's)."""
        params = self.params(document)
        self.session.emulator.clear_requests()
        maxrss_before, peak = maxrss(), None
        if trace:
            tracemalloc.start()
        start = time.monotonic()
        try:
            result = self.task_class().execute(params, check_mode=False, diff_mode=False, warn=self.warnings.append, progress=None)
        except Exception:  # pylint: disable=broad-except
            sys.exit('%s failed:\n%s' % (label, traceback.format_exc()[-3000:]))
        seconds = time.monotonic() - start
        if trace:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        maxrss_after = maxrss()
        log = self.session.take_log()
        total, writes = count_requests(log)
        return Applied(seconds, result, total, writes, log, maxrss_before, maxrss_after, peak)


def maxrss():
    """The largest resident set size this process has had so far, in KiB (Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def entities_in(result):
    """How many entities an apply result accounts for (created, updated, unchanged, deleted), per type and in all."""
    per_type = collections.OrderedDict()
    for row in result['summary']:
        per_type[row['type']] = per_type.get(row['type'], 0) + sum(row[action] for action in ('created', 'updated', 'unchanged', 'deleted'))
    return per_type, sum(per_type.values())


def print_counts(counts, columns=3):
    """``name count`` pairs, COLUMNS to a line."""
    names = list(counts)
    for start in range(0, len(names), columns):
        print('  ' + '  '.join('%-36s %4d' % (name, counts[name]) for name in names[start:start + columns]))


def met(value, target):
    """'yes' when VALUE is at most TARGET: a column of the report, not an assertion."""
    return 'yes' if value <= target else 'NO'
