# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Session-wide reporting: the number of generated bad-input cases run (the issue asks for the count to be printed).

Here, not in plugins/conftest.py, because with pytest-xdist only the conftest files of the paths given on the
command line reach the process that prints the summary."""

from __future__ import annotations

import collections

BAD_INPUT_TEST = 'test_bad_input.py::test_bad_input_is_refused['
BAD_INPUT_OUTCOMES = collections.Counter()


def pytest_runtest_logreport(report):
    if BAD_INPUT_TEST in report.nodeid and (report.when == 'call' or (report.when == 'setup' and report.outcome != 'passed')):
        BAD_INPUT_OUTCOMES[report.outcome] += 1


def pytest_terminal_summary(terminalreporter):
    if BAD_INPUT_OUTCOMES:
        terminalreporter.write_line('generated bad-input cases: %d (%s)' % (
            sum(BAD_INPUT_OUTCOMES.values()), ', '.join('%d %s' % (count, outcome) for outcome, count in sorted(BAD_INPUT_OUTCOMES.items()))))
