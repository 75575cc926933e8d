# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The suite's closing count of integration targets (hacking/count_results.py): a target that ran counts once."""

from __future__ import annotations

import json

import pytest

from ansible_collections.konnect.konnect.tests.unit import hacking_script


@pytest.fixture(scope='module')
def count_results():
    return hacking_script.load('count_results')


def write_run(tmp_path, data_files, log_lines):
    (tmp_path / 'data').mkdir()
    for name, targets in data_files.items():
        (tmp_path / 'data' / name).write_text(json.dumps({'targets': dict((target, {}) for target in targets)}))
    log = tmp_path / 'integration.log'
    log.write_text('\n'.join(log_lines) + '\n')
    return str(tmp_path), str(log)


def test_every_shard_counts(count_results, tmp_path):
    output, log = write_run(tmp_path, {'integration-2026-12-06-18-46-51.json': ['team', 'user'],
                                       'integration-2026-12-06-18-46-51-shard-1.json': ['tls']},
                            ['Running team integration test role', 'Running user integration test role', 'Running tls integration test script'])
    assert count_results.integration_counts(output, log) == (3, 0)


def test_a_target_that_ran_without_a_result_counts_as_failed(count_results, tmp_path):
    output, log = write_run(tmp_path, {'integration-2026-12-06-18-46-51.json': ['team']},
                            ['Running team integration test role', 'Running user integration test role', 'Running tls integration test script'])
    assert count_results.integration_counts(output, log) == (1, 2)


def test_failures_ansible_test_reports_are_counted(count_results, tmp_path):
    output, log = write_run(tmp_path, {'integration-2026-12-06-18-46-51.json': ['team']},
                            ['Running team integration test role', 'Running user integration test role',
                             'The 1 integration test(s) listed below (out of 2) failed. See error output above for details:'])
    assert count_results.integration_counts(output, log) == (1, 1)
