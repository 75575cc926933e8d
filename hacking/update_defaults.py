# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rewrite plugins/module_utils/defaults.py: Konnect's default of each field, per entity type of the catalogue.

The defaults are those the create requests' schemas declare in the emulator's derived facts
(tests/emulator/derived/*.json, ``$defs``), found by each entity's create path. ``dump`` leaves out a value
equal to its default. Run after the derived facts or the catalogue change; tests/unit/plugins/module_utils/test_dump.py
fails until it has been run.
"""

from __future__ import annotations

import copy
import glob
import json
import os
import re
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DERIVED = os.path.join(ROOT, 'tests', 'emulator', 'derived')
TARGET = os.path.join(ROOT, 'plugins', 'module_utils', 'defaults.py')
MISSING = object()
WIDTH = 150
HEADER = '''# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Konnect's default of each field, per entity type, as the create requests' schemas declare them.

Written by hacking/update_defaults.py from tests/emulator/derived/*.json; do not edit.
"""

from __future__ import annotations

'''


def catalogue():
    """The entity types, imported from this checkout even when it is not laid out under ansible_collections/."""
    try:
        from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities  # pylint: disable=import-outside-toplevel
    except ImportError:
        for name, path in (('ansible_collections', None), ('ansible_collections.konnect', None), ('ansible_collections.konnect.konnect', ROOT)):
            if name not in sys.modules or path:
                module = types.ModuleType(name)
                module.__path__ = [path] if path else []
                sys.modules[name] = module
        from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities  # pylint: disable=import-outside-toplevel
    return all_entities().values()


def template(path):
    """/v2/control-planes/{controlPlaneId}/x -> /v2/control-planes/{}/x: a path with its parameters blanked."""
    return re.sub(r'\{[^}]*\}', '{}', path)


def create_requests():
    """{blanked path: (the $defs of its spec, the request schema)} of every POST that takes a body."""
    requests = {}
    for filename in sorted(glob.glob(os.path.join(DERIVED, '*.json'))):
        with open(filename) as handle:
            spec = json.load(handle)
        for operation in spec['operations']:
            if operation['method'] == 'POST' and operation.get('request'):
                requests[template(operation['path'])] = (spec['$defs'], operation['request']['schema'])
    return requests


def resolve(schema, defs):
    while isinstance(schema, dict) and '$ref' in schema:
        schema = defs[schema['$ref'].rsplit('/', 1)[-1]]
    return schema if isinstance(schema, dict) else {}


def properties(schema, defs):
    """The properties an object schema declares, its allOf parts' included."""
    schema = resolve(schema, defs)
    found = dict(schema.get('properties') or {})
    for part in schema.get('allOf') or []:
        found.update(properties(part, defs))
    return found


def default_of(schema, defs):
    """The default of one property: its own, else the defaults of its properties (an object), else MISSING."""
    schema = resolve(schema, defs)
    if schema.get('readOnly'):
        return MISSING
    nested = defaults_of(schema, defs)
    if 'default' in schema:
        return filled(copy.deepcopy(schema['default']), nested)
    return nested or MISSING


def filled(value, nested):
    """A default laid over the defaults of its own properties, as Konnect fills both in."""
    if not isinstance(value, dict):
        return value
    for name, default in nested.items():
        value[name] = filled(value[name], default) if name in value else default
    return value


def defaults_of(schema, defs):
    schema = resolve(schema, defs)
    found = {}
    for name, sub in properties(schema, defs).items():
        value = default_of(sub, defs)
        if value is not MISSING:
            found[name] = value
    branches = schema.get('anyOf') or schema.get('oneOf')
    if branches:
        found.update(common_defaults(branches, defs))
    return found


def common_defaults(branches, defs):
    """What holds whichever branch a body matches: every branch that declares the field gives it the same default."""
    declared = [properties(branch, defs) for branch in branches]
    found = [defaults_of(branch, defs) for branch in branches]
    common = {}
    for name in sorted(set().union(*found)):
        values = [defaults.get(name, MISSING) for names, defaults in zip(declared, found) if name in names]
        if not values or any(value is MISSING for value in values):
            continue
        if all(value == values[0] for value in values):
            common[name] = values[0]
        elif all(isinstance(value, dict) for value in values):
            nested = common_defaults([names[name] for names in declared if name in names], defs)
            if nested:
                common[name] = nested
    return common


def derive():
    """{entity name: {field: default}} for the entity types whose create request declares defaults."""
    requests = create_requests()
    derived = {}
    for entity in catalogue():
        path = entity.create_path or entity.collection
        if entity.singleton or not path or template(path) not in requests:
            continue
        defs, schema = requests[template(path)]
        defaults = defaults_of(schema, defs)
        if defaults:
            derived[entity.name] = defaults
    return derived


def literal(value, indent=0, lead=0):
    """``value`` as Python source, keys sorted, on one line if it fits after ``lead`` characters, else one item a
    line (hanging indents)."""
    text = repr(sorted_keys(value))
    if indent + lead + len(text) <= WIDTH or not isinstance(value, (dict, list)):
        return text
    pad = ' ' * (indent + 4)
    if isinstance(value, dict):
        lines = ['%s%r: %s,' % (pad, key, literal(value[key], indent + 4, len(repr(key)) + 2)) for key in sorted(value)]
        return '{\n%s\n%s}' % ('\n'.join(lines), ' ' * indent)
    lines = ['%s%s,' % (pad, literal(item, indent + 4)) for item in value]
    return '[\n%s\n%s]' % ('\n'.join(lines), ' ' * indent)


def sorted_keys(value):
    if isinstance(value, dict):
        return dict((key, sorted_keys(value[key])) for key in sorted(value))
    if isinstance(value, list):
        return [sorted_keys(item) for item in value]
    return value


def render(defaults):
    return HEADER + 'DEFAULTS = %s\n' % literal(defaults)


def main():
    with open(TARGET, 'w') as handle:
        handle.write(render(derive()))


if __name__ == '__main__':
    main()
