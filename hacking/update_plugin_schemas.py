#!/usr/bin/env python
# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Write plugins/module_utils/plugin_schemas.json from the typed plugin schemas of the Terraform provider's spec.

``gateway_plugin``, ``apply`` and the emulator check a plugin's ``config`` against its plugin's schema before anything
is written; neither the modules nor ``make test`` can read ``../shared``, so the facts they need are committed:

    python hacking/update_plugin_schemas.py [--spec PATH]

after ``../shared/konnect-openapi/merged/terraform-provider-konnect.openapi.yaml`` changes. Each ``<X>PluginConfig``
component with ``name: {const: <plugin>}`` gives one plugin. Its ``config`` becomes plain JSON Schema, prose and
Terraform keywords dropped: ``nullable`` becomes a ``null`` type, objects that declare properties get
``additionalProperties: false`` (Kong refuses unknown fields), a required field that has a default is not required
(Kong fills it in), and a field Terraform types as a string only to convert it to a number for the API
(``x-speakeasy-transform-to-api``: Redis ``port``) is an integer, as Kong takes it.
"""

import argparse
import json
import os

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, '..', 'shared', 'konnect-openapi', 'merged', 'terraform-provider-konnect.openapi.yaml')
TARGET = os.path.join(ROOT, 'plugins', 'module_utils', 'plugin_schemas.json')

KEPT = ('enum', 'const', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'pattern', 'uniqueItems')
SCOPES = ('service', 'route', 'consumer', 'consumer_group')


def converted(schema, as_number=False):
    """The JSON Schema of one field: only what validates, ``nullable`` folded into ``type``."""
    out = dict((key, schema[key]) for key in KEPT if key in schema)
    kind = schema.get('type')
    if kind is not None:
        types = [kind]
        if kind == 'string' and ('minimum' in schema or 'maximum' in schema) and as_number:
            types = ['integer']  # Terraform's string for a port the API takes as a number
        if schema.get('nullable'):
            types.append('null')
        out['type'] = types[0] if len(types) == 1 else types
    if schema.get('nullable') and 'enum' in out and None not in out['enum']:
        out['enum'] = out['enum'] + [None]
    if schema.get('x-referenceable'):
        out['x-referenceable'] = True  # a {vault://...} reference stands for the value
    if 'properties' in schema:
        numeric = port_fields(schema)
        out['properties'] = dict((name, converted(sub, name in numeric))
                                 for name, sub in sorted(schema['properties'].items()))
        required = [name for name in schema.get('required', ())
                    if schema['properties'].get(name, {}).get('default') is None]
        if required:
            out['required'] = sorted(required)
    additional = schema.get('additionalProperties')
    if isinstance(additional, dict):
        out['additionalProperties'] = converted(additional)
    elif additional is True or schema.get('x-speakeasy-type-override') == 'any':
        pass  # a free map
    elif 'properties' in schema:
        out['additionalProperties'] = False
    if isinstance(schema.get('items'), dict):
        out['items'] = converted(schema['items'])
    if 'oneOf' in schema:
        out['oneOf'] = [converted(alternative) for alternative in schema['oneOf']]
    return out


def port_fields(schema):
    """Fields the API takes as numbers though Terraform types them as strings (its transform to the API says which)."""
    transform = (schema.get('x-speakeasy-transform-to-api') or {}).get('jq') or ''
    return set(name for name in schema.get('properties', {}) if 'has("%s")' % name in transform and 'tonumber' in transform)


def plugin_facts(component):
    properties = component['properties']
    protocols = ((properties.get('protocols') or {}).get('items') or {}).get('enum')
    return {
        'config': converted(properties.get('config') or {'type': 'object'}),
        'config_required': 'config' in component.get('required', ()),
        'protocols': sorted(protocols) if protocols else None,
        'scopes': [scope for scope in SCOPES if scope in properties],
    }


def derive(spec):
    schemas = spec['components']['schemas']
    plugins = {}
    for name, component in sorted(schemas.items()):
        if not name.endswith('PluginConfig') or 'x-speakeasy-entity' not in component:
            continue
        plugin_name = ((component.get('properties') or {}).get('name') or {}).get('const')
        if plugin_name:
            plugins[plugin_name] = plugin_facts(component)
    return {'source': 'terraform-provider-konnect.openapi.yaml (typed plugin schemas)', 'plugins': plugins}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--spec', default=SPEC)
    parser.add_argument('--out', default=TARGET)
    args = parser.parse_args(argv)
    with open(args.spec, encoding='utf-8') as handle:
        spec = yaml.load(handle, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))
    facts = derive(spec)
    with open(args.out, 'w', encoding='utf-8') as handle:
        json.dump(facts, handle, sort_keys=True, separators=(',', ':'))
        handle.write('\n')
    print('%d plugins, %d bytes: %s' % (len(facts['plugins']), os.path.getsize(args.out), os.path.relpath(args.out, ROOT)))


if __name__ == '__main__':
    main()
