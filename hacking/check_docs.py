#!/usr/bin/env python
"""Check that ansible-doc renders every module of the collection and that each has EXAMPLES.

For every ``plugins/modules/<name>.py`` of the laid-out collection copy this runs
``ansible-doc`` on ``<namespace>.<name>.<module>`` and fails when

* ansible-doc cannot parse/render the module's documentation, or
* the module's EXAMPLES section is missing or empty.

Usage: hacking/check_docs.py [--collections-path .build]
(the default is what hacking/run_tests.sh lays out).  Zero modules is not an error.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_galaxy_name(path: str) -> str:
    """Return 'namespace.name' from galaxy.yml without needing PyYAML."""
    values = {}
    with open(path, encoding='utf-8') as galaxy:
        for line in galaxy:
            key, sep, value = line.partition(':')
            if sep and key in ('namespace', 'name'):
                values[key] = value.strip().strip('\'"')
    return '%s.%s' % (values['namespace'], values['name'])


def ansible_doc_command() -> str:
    """Prefer the ansible-doc next to this interpreter (the venv), else the one on PATH."""
    candidate = os.path.join(os.path.dirname(sys.executable), 'ansible-doc')
    if os.access(candidate, os.X_OK):
        return candidate
    found = shutil.which('ansible-doc')
    if not found:
        raise SystemExit('ERROR: ansible-doc not found (activate .venv or run via hacking/run_tests.sh)')
    return found


def run_doc(env: dict, *args: str) -> subprocess.CompletedProcess:
    """Run ansible-doc for modules and capture its output."""
    return subprocess.run([ansible_doc_command(), '-t', 'module'] + list(args), env=env, check=False,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def problems_in_stderr(stderr: str) -> list[str]:
    """Return the warning/error lines of ansible-doc's stderr (it reports bad docs there)."""
    return [line for line in stderr.splitlines() if '[WARNING]' in line or '[ERROR]' in line or 'ERROR!' in line]


def json_docs(env: dict, fqcns: list[str]) -> tuple[dict, dict]:
    """Return (docs by name, error text by name) from one ``ansible-doc --json`` call."""
    result = run_doc(env, '--json', *fqcns)
    try:
        docs = json.loads(result.stdout) if result.stdout.strip() else {}
    except ValueError:
        docs = {}
    message = '; '.join(problems_in_stderr(result.stderr)) or result.stderr.strip() or 'rc %d' % result.returncode
    errors = {} if result.returncode == 0 else {fqcn: message for fqcn in fqcns if fqcn not in docs}
    if result.returncode != 0 and not errors:
        errors = {fqcns[0]: message}  # rc != 0 though every module printed: report it anyway
    return docs, errors


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--collections-path', default=os.path.join(ROOT, '.build'),
                        help='directory holding ansible_collections/<ns>/<name> (default: .build)')
    args = parser.parse_args()

    collection = read_galaxy_name(os.path.join(ROOT, 'galaxy.yml'))
    coll_dir = os.path.join(os.path.abspath(args.collections_path), 'ansible_collections', *collection.split('.'))
    if not os.path.isdir(coll_dir):
        print('ERROR: %s does not exist; run hacking/layout.sh %s first' % (coll_dir, args.collections_path))
        return 1

    modules_dir = os.path.join(coll_dir, 'plugins', 'modules')
    names = []
    if os.path.isdir(modules_dir):
        names = sorted(f[:-3] for f in os.listdir(modules_dir)
                       if f.endswith('.py') and not f.startswith('_') and os.path.isfile(os.path.join(modules_dir, f)))
    if not names:
        print('check_docs: no modules in plugins/modules; nothing to check')
        return 0

    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=os.path.abspath(args.collections_path),
               ANSIBLE_NOCOLOR='1', ANSIBLE_FORCE_COLOR='0', ANSIBLE_DEPRECATION_WARNINGS='0')
    fqcns = ['%s.%s' % (collection, name) for name in names]
    failures = {}

    # 1. Structured docs: each module must parse and have non-empty EXAMPLES.  One call for
    #    all modules; ansible-doc gives up on the whole batch if one is broken, so then one
    #    call per module to find out which.
    docs, errors = json_docs(env, fqcns)
    if errors:
        docs, errors = {}, {}
        for fqcn in fqcns:
            one, err = json_docs(env, [fqcn])
            docs.update(one)
            errors.update(err)
    for fqcn in fqcns:
        entry = docs.get(fqcn) or {}
        if not entry.get('doc'):
            failures.setdefault(fqcn, []).append('no parseable DOCUMENTATION' + (': ' + errors[fqcn] if fqcn in errors else ''))
        elif not (entry.get('examples') or '').strip():
            failures.setdefault(fqcn, []).append('EXAMPLES is missing or empty')

    # 2. Text rendering (what users see).  One call; per module only if that one fails.
    result = run_doc(env, *fqcns)
    if result.returncode != 0 or problems_in_stderr(result.stderr):
        for fqcn in fqcns:
            if fqcn in failures and fqcn not in docs:
                continue  # already reported as unparseable
            single = run_doc(env, fqcn)
            bad = problems_in_stderr(single.stderr)
            if single.returncode != 0 or bad or not single.stdout.strip():
                detail = '; '.join(bad) or single.stderr.strip() or 'rc %d, no output' % single.returncode
                failures.setdefault(fqcn, []).append('ansible-doc does not render it: %s' % detail)

    for fqcn in fqcns:
        print('%-6s %s%s' % ('FAILED' if fqcn in failures else 'ok', fqcn,
                             (': ' + '; '.join(failures[fqcn])) if fqcn in failures else ''))
    print('check_docs: %d module(s) checked, %d with problems' % (len(fqcns), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
