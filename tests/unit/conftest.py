# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Session-wide reporting: the number of generated bad-input cases run (the issue asks for the count to be printed).

Here, not in plugins/conftest.py, because with pytest-xdist only the conftest files of the paths given on the
command line reach the process that prints the summary."""

from __future__ import annotations

import collections

BAD_INPUT = collections.Counter()


def pytest_configure(config):
    config.addinivalue_line('markers', 'playbook: runs real ansible-playbook processes (make test runs them; make test-fast leaves them out)')


def pytest_runtest_logreport(report):
    """The bad-input tests record how many cases they ran (``record_property``); xdist passes that on."""
    if report.when == 'call':
        properties = dict(report.user_properties)
        if 'bad_input_cases' in properties:
            BAD_INPUT['cases'] += properties['bad_input_cases']
            BAD_INPUT['skipped'] += properties['bad_input_skipped']
            BAD_INPUT['in failed groups' if report.failed else 'in passed groups'] += properties['bad_input_cases']


def pytest_terminal_summary(terminalreporter):
    if BAD_INPUT:
        terminalreporter.write_line('generated bad-input cases: %d (%d in passed groups, %d in failed groups; %d skipped: a baseline '
                                    'the emulator refuses on its own)' % (BAD_INPUT['cases'], BAD_INPUT['in passed groups'],
                                                                          BAD_INPUT['in failed groups'], BAD_INPUT['skipped']))
