# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What Galaxy shows and what the changelog lists: galaxy.yml's metadata within Galaxy's rules, version_added of every
module, plugin and role a version that is or will be released, requires_ansible as the README says, and the build
step's reading of galaxy-importer's log (hacking/galaxy_import.py)."""

from __future__ import annotations

import ast
import glob
import os
import re

import pytest
import yaml

from ansible_collections.konnect.konnect.tests.unit import hacking_script

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# galaxy-importer's rules (galaxy_importer/constants.py and schema.py)
TAG_FORMAT = re.compile(r'^(?!.*__)[a-z][0-9a-z_]*$')
REQUIRED_TAGS = {'application', 'cloud', 'database', 'eda', 'infrastructure', 'linux', 'monitoring', 'networking',
                 'security', 'storage', 'tools', 'windows'}


def load_yaml(*path):
    with open(os.path.join(ROOT, *path)) as handle:
        return yaml.safe_load(handle)


def galaxy():
    return load_yaml('galaxy.yml')


def test_galaxy_metadata_follows_galaxys_rules():
    meta = galaxy()
    tags = meta['tags']
    assert 0 < len(tags) <= 20 and len(tags) == len(set(tags))
    assert [tag for tag in tags if not TAG_FORMAT.match(tag) or len(tag) > 64] == []
    assert REQUIRED_TAGS & set(tags), 'Galaxy wants one of %s' % sorted(REQUIRED_TAGS)
    assert meta['dependencies'] == {}
    assert meta['license'] == ['GPL-3.0-or-later'] and os.path.exists(os.path.join(ROOT, 'COPYING'))
    assert all(len(author) <= 64 for author in meta['authors'])
    for link in ('repository', 'documentation', 'issues', 'homepage'):
        assert re.match(r'^https://\S+$', meta[link]), link


def test_requires_ansible_is_what_the_readme_says():
    with open(os.path.join(ROOT, 'README.md')) as handle:
        readme = handle.read()
    oldest = re.search(r'ansible-core (\d+\.\d+) or newer', readme).group(1)
    assert load_yaml('meta', 'runtime.yml')['requires_ansible'] == '>=%s.0' % oldest


def documentation_of(path):
    """The DOCUMENTATION of a plugin file (a .py's string or a .yml sidecar's), parsed; None when it has none."""
    with open(path) as handle:
        source = handle.read()
    if path.endswith('.yml'):
        return yaml.safe_load(source).get('DOCUMENTATION')
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(target, 'id', None) == 'DOCUMENTATION' for target in node.targets):
            return yaml.safe_load(node.value.value)
    return None


def versions_added(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'version_added':
                yield str(value)
            else:
                yield from versions_added(value)
    elif isinstance(node, list):
        for value in node:
            yield from versions_added(value)


def test_every_version_added_is_released_or_the_coming_release():
    """antsibull-changelog lists a plugin as new in the release its version_added names: a version that was never
    released (the modules once said 0.2.0 and 0.4.0 while 0.1.0 was unreleased) leaves it out of every changelog."""
    allowed = set(load_yaml('changelogs', 'changelog.yaml').get('releases') or {}) | {str(galaxy()['version'])}
    wrong, main_entries = {}, 0
    files = glob.glob(os.path.join(ROOT, 'plugins', '*', '*.py')) + glob.glob(os.path.join(ROOT, 'plugins', '*', '*.yml'))
    for path in files:
        if '/module_utils/' in path or '/doc_fragments/' in path or '/action/' in path:
            continue
        found = set(versions_added(documentation_of(path) or {}))
        if found - allowed:
            wrong[os.path.relpath(path, ROOT)] = sorted(found - allowed)
    for path in glob.glob(os.path.join(ROOT, 'roles', '*', 'meta', 'argument_specs.yml')):
        main = yaml.safe_load(open(path))['argument_specs']['main']
        main_entries += 'version_added' in main
        found = set(versions_added(main))
        if found - allowed:
            wrong[os.path.relpath(path, ROOT)] = sorted(found - allowed)
    assert wrong == {}, 'version_added must be one of %s' % sorted(allowed)
    assert main_entries == len(glob.glob(os.path.join(ROOT, 'roles', '*', 'meta', 'argument_specs.yml'))), \
        "a role's main entry point needs version_added for the changelog to list it"


@pytest.fixture(scope='module')
def galaxy_import():
    return hacking_script.load('galaxy_import')


def test_the_build_step_fails_on_an_importer_warning_it_does_not_know(galaxy_import):
    log = [
        'Importing with galaxy-importer 0.4.44',
        'WARNING: ERROR    Failed to find konnect.konnect.bootstrap playbook.',
        'WARNING: Ignore files skip ansible-test sanity tests, found ignore-2.19.txt with 1 statement(s)',
        'WARNING: roles/org_bootstrap/tasks/main.yml:3: name[missing]: All tasks should be named.',
        'ERROR: The import failed for the following reason: Invalid collection metadata.',
        'Importer processing completed successfully',
    ]
    errors, known, unknown = galaxy_import.classify(log)
    assert [message for message, reason in known] == [
        'ERROR    Failed to find konnect.konnect.bootstrap playbook.',
        'Ignore files skip ansible-test sanity tests, found ignore-2.19.txt with 1 statement(s)',
    ]
    assert all(reason for message, reason in known)
    assert unknown == ['roles/org_bootstrap/tasks/main.yml:3: name[missing]: All tasks should be named.']
    assert errors == ['ERROR: The import failed for the following reason: Invalid collection metadata.']
    # a second ignore entry is a new warning: the known one names exactly one
    errors, known, unknown = galaxy_import.classify(['WARNING: Ignore files skip ansible-test sanity tests, found ignore-2.19.txt with 2 statement(s)'])
    assert errors == [] and known == [] and len(unknown) == 1
