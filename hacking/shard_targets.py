#!/usr/bin/env python
"""Split integration targets into shards of about equal running time; print one line of target names per shard.

Usage: hacking/shard_targets.py --shards N --targets-dir DIR [--timings DIR]

A target's weight is its running time in the last run's ansible-test data (``--timings``: the directory of
``integration-*.json``, which run_tests.sh keeps in tests/output/data), or, for a target without a timing, the
lines of its tasks/ files (about 0.1 s a line). The heaviest target goes first, each to the lightest shard
(longest processing time first), so one shard does not finish minutes after the other.
"""

from __future__ import annotations

import argparse
import glob
import json
import os

SECONDS_PER_TASK_LINE = 0.1


def timings(directory: str | None) -> dict[str, float]:
    seconds: dict[str, float] = {}
    for path in sorted(glob.glob(os.path.join(directory or '', 'integration-*.json'))) if directory else ():
        try:
            with open(path, encoding='utf-8') as data:
                targets = json.load(data).get('targets', {})
        except (OSError, ValueError):
            continue
        for name, target in targets.items():
            if 'run_time_seconds' in target:
                seconds[name] = float(target['run_time_seconds'])
    return seconds


def task_lines(target_dir: str) -> int:
    lines = 0
    for path in glob.glob(os.path.join(target_dir, 'tasks', '*.yml')):
        with open(path, encoding='utf-8') as tasks:
            lines += sum(1 for _line in tasks)
    return lines


def shards(names: list[str], weights: dict[str, float], count: int) -> list[list[str]]:
    loads = [0.0] * count
    assigned: list[list[str]] = [[] for _shard in range(count)]
    for name in sorted(names, key=lambda target: (-weights[target], target)):
        lightest = loads.index(min(loads))
        assigned[lightest].append(name)
        loads[lightest] += weights[name]
    return assigned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--shards', type=int, required=True)
    parser.add_argument('--targets-dir', required=True)
    parser.add_argument('--timings', help="directory of the last run's integration-*.json")
    args = parser.parse_args()
    known = timings(args.timings)
    names, weights = [], {}
    for target_dir in sorted(glob.glob(os.path.join(args.targets_dir, '*', ''))):
        name = os.path.basename(os.path.dirname(target_dir))
        try:
            with open(os.path.join(target_dir, 'aliases'), encoding='utf-8') as aliases:
                if 'hidden' in aliases.read().split():
                    continue
        except OSError:
            pass
        names.append(name)
        weights[name] = known.get(name, task_lines(target_dir) * SECONDS_PER_TASK_LINE)
    for shard in shards(names, weights, max(1, args.shards)):
        print(' '.join(shard))


if __name__ == '__main__':
    main()
