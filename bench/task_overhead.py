# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: what one konnect.konnect task costs, in-process versus as a classic module.

Runs, in one go against a local Konnect emulator, four playbooks of N tasks each and prints
their wall times and the per-task cost above an empty playbook:

- N no-op ``konnect.konnect.team`` tasks on the in-process path (the default),
- the same N tasks forced onto the module path (``konnect_execution: target``),
- N tasks of a do-nothing module (``ansible.builtin.ping``),
- an empty playbook, the fixed start-up cost the others are measured against.

Usage (from the repository root; ``make bench`` runs it with both benchmarks)::

    .venv/bin/python bench/task_overhead.py [--tasks 40] [--collections-path DIR]

Without ``--collections-path`` the collection is laid out afresh by ``hacking/layout.sh`` in a temporary directory.

It is a measurement, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse

from benchlib import add_collections_path_option, bench_session, module_baseline, playbook  # pylint: disable=import-error


def team_tasks(count):
    return [{'name': 'team %d' % i, 'konnect.konnect.team': {'name': 'bench-team'}} for i in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--tasks', type=int, default=40)
    add_collections_path_option(parser)
    args = parser.parse_args()
    count = args.tasks
    with bench_session(args.collections_path) as session:
        session.run_playbook(playbook(team_tasks(1)), 'prepare')
        empty, ping = module_baseline(session, count)
        session.take_requests()
        in_process = session.run_playbook(playbook(team_tasks(count)), 'in_process').seconds
        requests_in_process = session.take_requests()[0]
        as_module = session.run_playbook(playbook(team_tasks(count), {'konnect_execution': 'target'}), 'as_module').seconds
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
