#!/usr/bin/env python
"""Run galaxy-importer, the tool Galaxy runs on every uploaded collection, on a built tarball.

Usage: hacking/galaxy_import.py [--venv DIR] [--work-dir DIR] TARBALL

galaxy-importer lives in a virtualenv of its own (DIR, default .build/galaxy-importer-venv), made from
hacking/galaxy-importer/requirements.txt and made again only when that file changes: it brings the ansible-core,
ansible-lint and flake8 it supports, which must not change the dev .venv. Its ansible-doc and ansible-lint are the
ones it runs (first on PATH). Its configuration is hacking/galaxy-importer/galaxy-importer.cfg.

The run fails when the importer rejects the tarball (its exit code, any ERROR line), when it warns about anything
that is not in KNOWN_WARNINGS below (each with the reason it cannot be fixed in the collection), when a module or
plugin has no documentation for Galaxy to render, or when the tarball carries no CHANGELOG.rst with a section for
its version. It prints what was checked, every warning, and the seconds it took.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, 'hacking', 'galaxy-importer')
REQUIREMENTS = os.path.join(HERE, 'requirements.txt')
CONFIG = os.path.join(HERE, 'galaxy-importer.cfg')

# Warnings that stay, each because the collection cannot honestly make it go away. Any other warning fails the run.
KNOWN_WARNINGS = [
    (re.compile(r'Failed to find konnect\.konnect\.bootstrap playbook'),
     "ansible-lint, as galaxy-importer runs it, cannot resolve `import_playbook: konnect.konnect.bootstrap` in "
     "docs/awx/project/bootstrap.yml (the AWX project playbook the awx_job target runs): the importer sets "
     "ANSIBLE_COLLECTIONS_PATH to <tmp>/ansible_collections itself, which ansible-core accepts but ansible-lint "
     "joins with another ansible_collections/ (same lint with <tmp> is clean). A tool bug, not the playbook's."),
    (re.compile(r'Ignore files skip ansible-test sanity tests, found ignore-2\.\d+\.txt with 1 statement\(s\)'),
     "tests/sanity/ignore-*.txt skips one test, action-plugin-docs for plugins/action/konnect.py: the one action "
     "plugin every module is routed to (like ansible-core's normal.py) has no module of its own to hold docs."),
]

# Content Galaxy lists that has no documentation of its own: the action plugin every module is routed to, shared
# code, doc fragments (merged into the modules' docs) and playbooks (Galaxy shows no docs for them).
NO_DOCS_EXPECTED = ('action', 'module_utils', 'doc_fragments', 'playbook')

PYTHON = os.environ.get('PYTHON', 'python3.11')


def ensure_venv(venv: str) -> str:
    """Create or refresh the importer's virtualenv; return its bin directory."""
    bin_dir = os.path.join(venv, 'bin')
    stamp = os.path.join(venv, '.requirements-stamp')
    with open(REQUIREMENTS, 'rb') as handle:
        want = hashlib.sha256(handle.read()).hexdigest()
    if os.path.exists(os.path.join(bin_dir, 'python')) and os.path.exists(stamp):
        with open(stamp) as handle:
            if handle.read().strip() == want:
                return bin_dir
    started = time.monotonic()
    print('galaxy-importer: creating its virtualenv %s from %s' % (os.path.relpath(venv, ROOT), os.path.relpath(REQUIREMENTS, ROOT)))
    if os.path.exists(stamp):
        os.remove(stamp)
    if not os.path.exists(os.path.join(bin_dir, 'python')):
        subprocess.run([PYTHON, '-m', 'venv', '--without-pip', venv], check=True)
    # this script's own pip installs into it, without byte-compiling (Python compiles what runs): a third of the time
    subprocess.run([sys.executable, '-m', 'pip', '--python', os.path.join(bin_dir, 'python'), 'install', '-q', '--disable-pip-version-check',
                    '--no-compile', '-r', REQUIREMENTS], check=True)
    with open(stamp, 'w') as handle:
        handle.write(want + '\n')
    print('galaxy-importer: virtualenv ready in %.1f s' % (time.monotonic() - started))
    return bin_dir


def importer_env(bin_dir: str, work_dir: str) -> dict:
    """The importer's environment: its own venv first on PATH, nothing of the dev venv or the suite's Ansible settings.

    Python may write bytecode there: the venv is installed without it, and each of the importer's ansible-doc and
    ansible-lint processes would otherwise compile ansible-core again (15 s of CPU a run).
    """
    env = {key: value for key, value in os.environ.items()
           if key not in ('VIRTUAL_ENV', 'PYTHONPATH', 'PYTHONDONTWRITEBYTECODE') and not key.startswith(('ANSIBLE_', 'GALAXY_IMPORTER_'))
           or key == 'GALAXY_IMPORTER_RUN_FLAKE8'}
    dev_bins = {os.path.realpath(os.path.join(ROOT, '.venv', 'bin'))}
    path = [p for p in env.get('PATH', '/usr/bin:/bin').split(os.pathsep) if os.path.realpath(p) not in dev_bins]
    env['PATH'] = os.pathsep.join([bin_dir] + path)
    env['GALAXY_IMPORTER_CONFIG'] = CONFIG
    env['GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP'] = os.path.join(work_dir, 'ansible-tmp')
    env['GALAXY_IMPORTER_TMP_ROOT_DIR'] = work_dir
    env['NO_COLOR'] = '1'
    return env


def run_importer(bin_dir: str, tarball: str, work_dir: str) -> tuple[int, list[str], dict]:
    os.makedirs(os.path.join(work_dir, 'ansible-tmp'), exist_ok=True)
    result_file = os.path.join(work_dir, 'importer_result.json')
    if os.path.exists(result_file):
        os.remove(result_file)
    proc = subprocess.run([os.path.join(bin_dir, 'python'), '-m', 'galaxy_importer.main', os.path.abspath(tarball)],
                          cwd=work_dir, env=importer_env(bin_dir, work_dir), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, check=False)
    with open(os.path.join(work_dir, 'importer.log'), 'w') as handle:
        handle.write(proc.stdout)
    result = {}
    if os.path.exists(result_file):
        with open(result_file) as handle:
            result = json.load(handle)
    return proc.returncode, proc.stdout.splitlines(), result


def classify(lines: list[str]) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """Split the importer's log into errors, known warnings (with their reason) and other warnings."""
    errors, known, unknown = [], [], []
    for line in lines:
        if line.startswith(('ERROR:', 'CRITICAL:')) or line.startswith('Traceback'):
            errors.append(line)
        elif line.startswith('WARNING:'):
            message = line[len('WARNING:'):].strip()
            if 'CryptographyDeprecationWarning' in message:
                continue  # ansible-core's own import-time warning, printed by ansible-lint: nothing of the collection
            reason = next((why for pattern, why in KNOWN_WARNINGS if pattern.search(message)), None)
            if reason:
                known.append((message, reason))
            else:
                unknown.append(message)
    return errors, known, unknown


def check_result(result: dict, tarball: str) -> tuple[list[str], list[str]]:
    """What the importer's result shows Galaxy would display; returns (facts, problems)."""
    facts, problems = [], []
    meta = result.get('metadata') or {}
    version = meta.get('version')
    by_type = collections.Counter(item['content_type'] for item in result.get('contents') or [])
    counts = ', '.join('%d %s' % (n, t) for t, n in sorted(by_type.items()))
    facts.append('%s.%s %s; contents: %s' % (meta.get('namespace'), meta.get('name'), version, counts))
    facts.append('metadata: license %s, %d tags (%s), dependencies %s, repository/documentation/issues/homepage %s'
                 % (', '.join(meta.get('license') or []), len(meta.get('tags') or []), ', '.join(meta.get('tags') or []),
                    meta.get('dependencies'),
                    'all set' if all(meta.get(k) for k in ('repository', 'documentation', 'issues', 'homepage')) else 'MISSING'))
    facts.append('requires_ansible (meta/runtime.yml): %s' % result.get('requires_ansible'))
    docs = result.get('docs_blob') or {}
    contents = docs.get('contents') or []
    documented = [c for c in contents if c.get('doc_strings') or c.get('readme_html')]
    facts.append("documentation Galaxy renders (ansible-doc; for a role its README): %d of %d contents" % (len(documented), len(contents)))
    for item in contents:
        kind, name = item.get('content_type'), item.get('content_name')
        if item.get('doc_strings') or item.get('readme_html') or kind in NO_DOCS_EXPECTED:
            continue
        if kind in ('filter', 'test'):  # one file may hold several, each documented under its own name
            facts.append('shown without documentation: %s %s (the file that holds the documented %ss)' % (kind, name, kind))
        else:
            problems.append('no documentation for %s %s' % (kind, name))
    readme = (docs.get('collection_readme') or {})
    facts.append('README rendered: %s (%d characters of HTML); documentation files rendered: %d'
                 % (readme.get('name'), len(readme.get('html') or ''), len(docs.get('documentation_files') or [])))
    if not readme.get('html'):
        problems.append('the README was not rendered')
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        changelog = tar.extractfile('CHANGELOG.rst').read().decode() if 'CHANGELOG.rst' in names else ''
    if not changelog:
        problems.append('the tarball carries no CHANGELOG.rst')
    elif not re.search(r'^v%s\n=+$' % re.escape(version or '?'), changelog, re.M):
        problems.append('CHANGELOG.rst has no section for version %s' % version)
    else:
        facts.append('CHANGELOG.rst in the tarball: %d lines, with a section for v%s; changelogs/changelog.yaml: %s'
                     % (changelog.count('\n'), version, 'yes' if 'changelogs/changelog.yaml' in names else 'no'))
    return facts, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n', maxsplit=1)[0])
    parser.add_argument('tarball')
    parser.add_argument('--venv', default=os.path.join(ROOT, '.build', 'galaxy-importer-venv'))
    parser.add_argument('--work-dir', default=os.path.join(ROOT, '.build', 'galaxy-importer'))
    args = parser.parse_args()

    bin_dir = ensure_venv(os.path.abspath(args.venv))
    version = subprocess.run([os.path.join(bin_dir, 'python'), '-c',
                              'import galaxy_importer, ansible, ansiblelint; print("galaxy-importer %s (ansible-core %s, ansible-lint %s)"'
                              ' % (galaxy_importer.__version__, ansible.__version__, ansiblelint.__version__))'],
                             stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    os.makedirs(args.work_dir, exist_ok=True)
    started, cpu = time.monotonic(), os.times()
    rc, lines, result = run_importer(bin_dir, args.tarball, os.path.abspath(args.work_dir))
    took, cpu_after = time.monotonic() - started, os.times()
    cpu_seconds = (cpu_after.children_user - cpu.children_user) + (cpu_after.children_system - cpu.children_system)

    errors, known, unknown = classify(lines)
    facts, problems = check_result(result, args.tarball) if result else ([], ['the importer wrote no result'])
    print('%s on %s: exit code %d, %.1f s (%.1f s of CPU); log: %s'
          % (version, os.path.basename(args.tarball), rc, took, cpu_seconds, os.path.relpath(os.path.join(args.work_dir, 'importer.log'), ROOT)))
    print('checked: manifest and FILES.json checksums, galaxy.yml metadata, ansible-doc of every plugin/module/role, '
          'README and docs/ rendering, meta/runtime.yml, changelog, ansible-lint (production profile, offline), '
          'sanity ignore files, execution-environment dependencies; not run: ansible-test (needs a container engine), '
          'flake8 (see hacking/galaxy-importer/galaxy-importer.cfg)')
    for fact in facts:
        print('  ' + fact)
    for message, reason in known:
        print('known warning: %s\n    why it stays: %s' % (message, reason))
    for message in unknown:
        print('WARNING (new): %s' % message)
    for line in errors:
        print('ERROR: %s' % line)
    for problem in problems:
        print('PROBLEM: %s' % problem)
    failed = rc != 0 or errors or unknown or problems
    print('galaxy-importer: %s (%d errors, %d new warnings, %d known warnings, %d problems)'
          % ('FAILED' if failed else 'accepted', len(errors), len(unknown), len(known), len(problems)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
