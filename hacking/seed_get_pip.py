#!/usr/bin/env python
"""Seed ansible-test's pip bootstrap cache with an offline stand-in for get-pip.py.

ansible-test creates its sanity/delegation virtualenvs without pip and bootstraps pip by
downloading get-pip.py from ci-files.testing.ansible.com, which this project's machines
cannot reach.  When ``~/.ansible/test/cache/get_pip_<version>.py`` exists it uses that file
instead.  We write a small script there that bootstraps pip with the standard library's
ensurepip and then installs exactly what ansible-test asked for (e.g. ``pip==24.2``) from
the normal package index.

The pinned pip version is read from the installed ansible-test, so this keeps working when
ansible-core is upgraded.  Run it with the interpreter of the venv that has ansible-core.
"""

from __future__ import annotations

import os
import re
import sys
import types

SHIM = '''\
# Offline stand-in for get-pip.py, written by hacking/seed_get_pip.py of konnect.konnect.
# Bootstraps pip from ensurepip, then installs what ansible-test asked for (e.g. pip==24.2).
import subprocess
import sys

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'], stdout=subprocess.DEVNULL)
subprocess.check_call([sys.executable, '-m', 'pip', 'install', '-q'] + args)
'''


def pinned_pip_version() -> str:
    """Return the pip version that the installed ansible-test bootstraps into its venvs."""
    import ansible_test  # pylint: disable=import-outside-toplevel

    try:
        # pylint: disable-next=import-outside-toplevel
        from ansible_test._internal.python_requirements import get_venv_packages

        python = types.SimpleNamespace(version='%d.%d' % sys.version_info[:2])
        return get_venv_packages(python)['pip']
    except Exception:  # pylint: disable=broad-exception-caught
        path = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
        with open(path, encoding='utf-8') as source:
            match = re.search(r"pip='([0-9.]+)'", source.read())
        if not match:
            raise SystemExit('ERROR: cannot find the pinned pip version in %s' % path)
        return match.group(1)


def main() -> int:
    """Write the shim if it is missing or outdated."""
    version = pinned_pip_version()
    cache = os.path.expanduser('~/.ansible/test/cache')
    path = os.path.join(cache, 'get_pip_%s.py' % version.replace('.', '_'))
    current = None
    if os.path.exists(path):
        with open(path, encoding='utf-8') as existing:
            current = existing.read()
    if current == SHIM:
        print('get-pip shim for pip %s already in place: %s' % (version, path))
        return 0
    if current is not None and 'konnect.konnect' not in current:
        print('keeping existing get-pip script for pip %s (not ours): %s' % (version, path))
        return 0
    os.makedirs(cache, exist_ok=True)
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as shim:
        shim.write(SHIM)
    os.replace(tmp, path)
    print('wrote get-pip shim for pip %s: %s' % (version, path))
    return 0


if __name__ == '__main__':
    sys.exit(main())
