# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: what one konnect.konnect task costs, in-process versus as a classic module.

Runs, in one go against a local Konnect emulator, four playbooks of N tasks each and prints
their wall times and the per-task cost above an empty playbook:

- N no-op ``konnect.konnect.team`` tasks on the in-process path (the default),
- the same N tasks forced onto the module path (``konnect_execution: target``),
- N tasks of a do-nothing module (``ansible.builtin.ping``),
- an empty playbook, the fixed start-up cost the others are measured against.

Usage (from the repository root, with the collection laid out by ``make test``/``make demo``)::

    .venv/bin/python bench/task_overhead.py [--tasks 40] [--collections-path .build]

It is a measurement, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import json
import os
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


def playbook(tasks, play_vars=None):
    play = dict(PLAY, tasks=tasks)
    if play_vars:
        play['vars'] = play_vars
    return [play]


def team_tasks(count):
    return [{'name': 'team %d' % i, 'konnect.konnect.team': {'name': 'bench-team'}} for i in range(count)]


def ping_tasks(count):
    return [{'name': 'ping %d' % i, 'ansible.builtin.ping': {}} for i in range(count)]


def run_playbook(plays, env, workdir, label):
    path = os.path.join(workdir, label + '.yml')
    with open(path, 'w') as handle:
        json.dump(plays, handle)
    start = time.monotonic()
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,', path]
    proc = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    elapsed = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit('%s failed:\n%s' % (label, proc.stdout[-3000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--tasks', type=int, default=40)
    parser.add_argument('--collections-path', default=os.path.join(ROOT, '.build'))
    args = parser.parse_args()
    count = args.tasks
    with EmulatorProcess() as emulator, tempfile.TemporaryDirectory() as workdir:
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.abspath(args.collections_path), KONNECT_TOKEN=DEMO_TOKEN,
                   KONNECT_API_URL=emulator.url + '/{region}', ANSIBLE_PYTHON_INTERPRETER=sys.executable,
                   ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_INVENTORY_UNPARSED_WARNING='false')
        run_playbook(playbook(team_tasks(1)), env, workdir, 'prepare')
        empty = run_playbook(playbook([{'ansible.builtin.meta': 'noop'}]), env, workdir, 'empty')
        emulator.clear_requests()
        in_process = run_playbook(playbook(team_tasks(count)), env, workdir, 'in_process')
        requests_in_process = len(emulator.requests())
        as_module = run_playbook(playbook(team_tasks(count), {'konnect_execution': 'target'}), env, workdir, 'as_module')
        ping = run_playbook(playbook(ping_tasks(count)), env, workdir, 'ping')
    per_task = dict((label, (value - empty) / count) for label, value in
                    (('in_process', in_process), ('as_module', as_module), ('ping', ping)))
    print('konnect.konnect task overhead, %d tasks per playbook (wall seconds; per task = above an empty playbook)' % count)
    print('%-44s %8s %10s' % ('playbook', 'total', 'per task'))
    print('%-44s %8.2f %10s' % ('empty playbook (start-up)', empty, '-'))
    print('%-44s %8.2f %10.3f' % ('no-op konnect.konnect.team, in-process', in_process, per_task['in_process']))
    print('%-44s %8.2f %10.3f' % ('no-op konnect.konnect.team, module path', as_module, per_task['as_module']))
    print('%-44s %8.2f %10.3f' % ('ansible.builtin.ping (do-nothing module)', ping, per_task['ping']))
    print('HTTP requests per no-op in-process task: %.2f' % (float(requests_in_process) / count))
    print('module path / in-process: %.1fx;  ping / in-process: %.1fx' % (
        per_task['as_module'] / max(per_task['in_process'], 1e-6), per_task['ping'] / max(per_task['in_process'], 1e-6)))


if __name__ == '__main__':
    main()
