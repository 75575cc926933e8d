#!/usr/bin/env python
"""Count passed/failed tests of an ansible-test run, for the suite's closing line.

* unit tests: ansible-test's junit XML, ``<output>/junit/python*-units.xml``
  (failures + errors count as failed, skipped tests are not counted as passed);
* integration targets: passed = targets in ansible-test's result data
  ``<output>/data/integration-*.json`` (it records only the targets that passed);
  failed = the sum of N over the lines "The N integration test(s) listed below (out of M) failed" in the log (one per shard),
  or more: a target the log says ran ("Running T integration test role|script") without a result counts as failed.

Prints one line: ``PASSED FAILED human readable detail``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import xml.etree.ElementTree as ET


def unit_counts(output: str) -> tuple[int, int, int]:
    """Return (passed, failed, skipped) unit tests from the junit files."""
    passed = failed = skipped = 0
    for path in sorted(glob.glob(os.path.join(output, 'junit', 'python*-units.xml'))):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            failed += 1  # a truncated report means the run broke
            continue
        for suite in root.iter('testsuite'):
            tests = int(suite.get('tests', 0))
            bad = int(suite.get('failures', 0)) + int(suite.get('errors', 0))
            skip = int(suite.get('skipped', 0))
            passed += max(tests - bad - skip, 0)
            failed += bad
            skipped += skip
    return passed, failed, skipped


def integration_counts(output: str, log: str | None) -> tuple[int, int]:
    """Return (passed, failed) integration targets."""
    passed = failed = 0
    if not log or not os.path.exists(log):
        return 0, 0  # integration did not run this time
    for path in glob.glob(os.path.join(output, 'data', 'integration-*.json')):
        try:
            with open(path, encoding='utf-8') as data:
                passed += len(json.load(data).get('targets', {}))
        except (OSError, ValueError):
            pass
    with open(log, encoding='utf-8', errors='replace') as text:
        log_text = text.read()
    # one line per shard that had failures
    failed = sum(int(count) for count in re.findall(r'The (\d+) integration test\(s\) listed below \(out of \d+\) failed', log_text))
    # a target that ran but has no result (a lost data file) counts as failed, not as nothing
    ran = len(re.findall(r'^Running \S+ integration test (?:role|script)$', log_text, re.MULTILINE))
    return passed, max(failed, ran - passed)


def main() -> None:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--output', required=True, help="the collection copy's tests/output directory")
    parser.add_argument('--integration-log', help='log of this run\'s "ansible-test integration" step, if it ran')
    args = parser.parse_args()

    u_pass, u_fail, u_skip = unit_counts(args.output)
    i_pass, i_fail = integration_counts(args.output, args.integration_log)
    detail = 'unit tests %d passed, %d failed, %d skipped; integration targets %d passed, %d failed' % (
        u_pass, u_fail, u_skip, i_pass, i_fail)
    print(u_pass + i_pass, u_fail + i_fail, detail)


if __name__ == '__main__':
    main()
