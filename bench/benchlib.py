# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the benchmarks under bench/ share: a session (emulator, collection layout, environment), timed
``ansible-playbook`` runs, the emulator's request count and the do-nothing-module baseline.

    with bench_session(args.collections_path) as session:
        empty, ping = module_baseline(session, 40)
        run = session.run_playbook(playbook([...]), 'label')
        total, writes = session.take_requests()

Measurements only: nothing here asserts anything about speed.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests'))

from emulator import DEMO_TOKEN  # noqa: E402  pylint: disable=wrong-import-position,import-error
from emulator.testing import EmulatorProcess  # noqa: E402  pylint: disable=wrong-import-position,import-error

PLAY = {'name': 'bench', 'hosts': 'localhost', 'connection': 'local', 'gather_facts': False}
RECAP = re.compile(r'^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)\s+skipped=(\d+)')
WRITE_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')

Run = collections.namedtuple('Run', 'seconds output')


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
                        ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_INVENTORY_UNPARSED_WARNING='false', ANSIBLE_NOCOLOR='1')

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
        log = self.emulator.requests()
        self.emulator.clear_requests()
        return len(log), sum(1 for entry in log if entry['method'] in WRITE_METHODS)


@contextlib.contextmanager
def bench_session(collections_path=None):
    with EmulatorProcess() as emulator, tempfile.TemporaryDirectory(prefix='konnect-bench-') as workdir:
        if not collections_path:
            collections_path = os.path.join(workdir, 'collections')
            subprocess.run([os.path.join(ROOT, 'hacking', 'layout.sh'), collections_path], stdout=subprocess.DEVNULL, check=True)
        yield Session(emulator, collections_path, workdir)


def module_baseline(session, count):
    """Wall seconds of an empty playbook (Ansible's start-up) and of one with COUNT ``ansible.builtin.ping`` tasks."""
    empty = session.run_playbook(empty_playbook(), 'empty').seconds
    ping = session.run_playbook(playbook(ping_tasks(count)), 'ping').seconds
    return empty, ping
