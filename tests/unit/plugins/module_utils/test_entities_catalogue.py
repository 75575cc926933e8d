# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The catalogue imports a family when one of its types is asked for, and Ansible still bundles every family."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from ansible.executor.module_common import ModuleDepFinder

from ansible_collections.konnect.konnect.plugins.module_utils import entities

PACKAGE = entities.__name__
HERE = os.path.dirname(os.path.abspath(entities.__file__))
COLLECTIONS_PATH = os.path.abspath(os.path.join(HERE, *(['..'] * 6)))


def family_files():
    """The files of the entities package that hold a family (an ENTITIES tuple), by name."""
    names = []
    for name in sorted(os.listdir(HERE)):
        if name.endswith('.py') and name != '__init__.py':
            with open(os.path.join(HERE, name)) as handle:
                if any(isinstance(node, ast.Assign) and [getattr(t, 'id', None) for t in node.targets] == ['ENTITIES']
                       for node in ast.parse(handle.read()).body):
                    names.append(name[:-3])
    return names


def test_families_names_every_family_once():
    assert sorted(entities.FAMILIES) == family_files() and len(set(entities.FAMILIES)) == len(entities.FAMILIES)


def test_ansible_bundles_every_family_with_a_module():
    """AnsiballZ puts into a module's zip the files that import statements name; families imported by name would be missing."""
    with open(entities.__file__) as handle:
        finder = ModuleDepFinder(PACKAGE, ast.parse(handle.read()), True)
    bundled = set(parts[-1] for parts in finder.submodules if '.'.join(parts[:-1]) == PACKAGE)
    assert set(entities.FAMILIES) <= bundled


def test_each_type_is_found_in_its_family():
    catalogue = entities.all_entities()
    assert len(catalogue) == sum(len(entities.family_entities(family)) for family in entities.FAMILIES)
    for family in entities.FAMILIES:
        for name, entity in entities.family_entities(family).items():
            assert entities.get_entity(name) is entity is catalogue[name]


def test_a_module_loads_its_own_family_and_not_the_whole_catalogue():
    code = ('import sys; import %s.gateway_service; print(sorted(name.rsplit(".", 1)[1] for name in sys.modules if name.startswith("%s.")))'
            % (PACKAGE.replace('module_utils.entities', 'modules'), PACKAGE))
    proc = subprocess.run([sys.executable, '-c', code], env=dict(os.environ, PYTHONPATH=COLLECTIONS_PATH), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, check=True)
    assert proc.stdout.split('\n')[-2] == "['gateway', 'identity']"
