# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plugins as Konnect checks them: a known name, and a ``config`` that fits the plugin's schema.

The schemas of the bundled plugins are the collection's committed facts (``plugins/module_utils/plugin_schemas.py``,
written by ``hacking/update_plugin_schemas.py`` from the typed plugin schemas of the Terraform provider's spec);
the emulator loads the same module. Custom plugins are checked against the Lua schema stored in their control plane
(``/plugin-schemas`` or a streamed ``/custom-plugins``), where it is a plain table this module can read.

Konnect refuses an unknown plugin name and a config that does not fit (notes §1.5, [M]/[H]) with its core-entity
error body (notes §0 rule 1, §1.1 [H]): ``{"code": 3, "message": "validation error", "details": [...]}``, one
``ERROR_TYPE_FIELD`` detail per path (``config.minute``), with Kong's own schema messages (``expected a number``,
``unknown field``, ``required field missing``, ``expected one of: ...``; Kong's ``kong/db/schema/init.lua``).
The unknown name's message is koko's ``plugin(x) does not exist`` on ``name`` (notes §1.5, [M]).

``GET .../core-entities/schemas/plugins/{name}`` answers the schema in Kong's ``{"fields": [...]}`` form.
"""

import importlib.util
import os
import re

import jsonschema

from .errors import ApiError, Issue, Response, validation_error

FACTS_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          'plugins', 'module_utils', 'plugin_schemas.py')
PLUGIN_SCHEMAS = '/v2/control-planes/{}/core-entities/plugin-schemas'
VAULT_REFERENCE = re.compile(r'^\{vault://.+\}$')
_BUNDLED = {}

# Kong's messages (kong/db/schema/init.lua validation_errors)
KONG_TYPE_WORDS = {'string': 'a string', 'number': 'a number', 'integer': 'an integer', 'boolean': 'a boolean',
                   'object': 'a record', 'array': 'an array'}


def bundled():
    if not _BUNDLED:  # the collection's module, loaded by its path: the emulator runs without the collection installed
        spec = importlib.util.spec_from_file_location('konnect_plugin_schemas', FACTS_FILE)
        facts = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(facts)
        _BUNDLED.update(facts.FACTS['plugins'])
    return _BUNDLED


# ---- custom plugins: the Lua schema ------------------------------------------------------------------------------------

def custom_schema(partition, scope, name):
    """Kong's ``{"fields": [...]}`` of a custom plugin of the control plane; ``{"fields": []}`` when its Lua is more than a
    plain table (the emulator cannot read it, and passes the plugin through); None when there is no such plugin."""
    sources = [record.get('lua_schema') for record in partition.records(PLUGIN_SCHEMAS, scope).values() if record.get('name') == name]
    sources += [record.get('schema') for record in partition.records('CustomPlugin', scope).values() if record.get('name') == name]
    if not sources:
        return None
    table = plain(lua_table(sources[0] or ''))
    fields = table.get('fields') if isinstance(table, dict) else None
    return {'fields': fields if isinstance(fields, list) and all(isinstance(item, dict) for item in fields) else []}


def plain(value):
    """The parsed table as JSON: an expression that is not a literal becomes ``{}`` (a field of unknown form)."""
    if isinstance(value, Opaque):
        return {}
    if isinstance(value, dict):
        return dict((name, plain(item)) for name, item in value.items())
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


LUA_TOKEN = re.compile(r'''\s*(?:(--\[\[.*?\]\]|--[^\n]*)|("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\[\[.*?\]\])|'''
                       r'''(-?\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(.))''', re.S)


class Opaque(object):
    """A Lua expression that is not a literal (``typedefs.protocols_http``, a function call)."""


def lua_table(source):
    """The table the Lua source returns, as dicts and lists; None when it is not a plain table constructor."""
    tokens = list(lua_tokens(source))
    for index, token in enumerate(tokens):
        if token == ('name', 'return') and index + 1 < len(tokens) and tokens[index + 1] == ('op', '{'):
            try:
                value, _end = lua_value(tokens, index + 1)
            except (IndexError, ValueError):
                return None
            return value
    return None


def lua_tokens(source):
    for match in LUA_TOKEN.finditer(source):
        comment, string, number, name, op = match.groups()
        if comment:
            continue
        if string is not None:
            yield ('str', string[2:-2] if string.startswith('[[') else string[1:-1])
        elif number is not None:
            yield ('num', float(number) if '.' in number else int(number))
        elif name is not None:
            yield ('name', name)
        elif op and op.strip():
            yield ('op', op)


def lua_value(tokens, index):
    kind, value = tokens[index]
    if kind in ('str', 'num'):
        return value, index + 1
    if kind == 'name':
        if value in ('true', 'false'):
            return value == 'true', index + 1
        if value == 'nil':
            return None, index + 1
        index += 1  # a variable, or a call: f(...), f "x", f { ... }
        if tokens[index] == ('op', '('):
            index = skip_call(tokens, index)
        elif tokens[index][0] == 'str':
            index += 1
        elif tokens[index] == ('op', '{'):
            _ignored, index = lua_constructor(tokens, index + 1)
        return Opaque(), index
    if (kind, value) == ('op', '{'):
        return lua_constructor(tokens, index + 1)
    raise ValueError('unexpected %r' % (value,))


def skip_call(tokens, index):
    depth = 0
    while True:
        if tokens[index] == ('op', '('):
            depth += 1
        elif tokens[index] == ('op', ')'):
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1


def lua_constructor(tokens, index):
    items, fields = [], {}
    while tokens[index] != ('op', '}'):
        if tokens[index][0] == 'name' and tokens[index + 1] == ('op', '='):
            fields[tokens[index][1]], index = lua_value(tokens, index + 2)
        else:
            value, index = lua_value(tokens, index)
            items.append(value)
        if tokens[index] in (('op', ','), ('op', ';')):
            index += 1
        elif tokens[index] != ('op', '}'):
            raise ValueError('expected , or }')
    if items and fields:
        return dict(fields, **{'[%d]' % position: item for position, item in enumerate(items)}), index + 1
    return (items if items else fields), index + 1


# ---- Kong's field form <-> JSON Schema -------------------------------------------------------------------------------

KONG_TO_JSON = {'string': 'string', 'number': 'number', 'integer': 'integer', 'boolean': 'boolean', 'record': 'object',
                'map': 'object', 'array': 'array', 'set': 'array'}


def json_schema_of(kong_field):
    """JSON Schema of one field in Kong's form (what is not understood takes anything)."""
    if not isinstance(kong_field, dict) or kong_field.get('type') not in KONG_TO_JSON:
        return {}
    kind = KONG_TO_JSON[kong_field['type']]
    schema = {'type': kind if kong_field.get('required') else [kind, 'null']}
    if isinstance(kong_field.get('one_of'), list):
        schema['enum'] = list(kong_field['one_of']) + ([] if kong_field.get('required') else [None])
    between = kong_field.get('between')
    if isinstance(between, list) and len(between) == 2 and all(isinstance(bound, (int, float)) for bound in between):
        schema['minimum'], schema['maximum'] = between
    if kind == 'string':
        for kong_name, name in (('len_min', 'minLength'), ('len_max', 'maxLength')):
            if isinstance(kong_field.get(kong_name), int):
                schema[name] = kong_field[kong_name]
    if kong_field['type'] == 'record':
        children = [next(iter(item.items())) for item in kong_field.get('fields') or [] if isinstance(item, dict) and len(item) == 1]
        schema['properties'] = dict((name, json_schema_of(child)) for name, child in children)
        schema['additionalProperties'] = False
        required = sorted(name for name, child in children if isinstance(child, dict) and child.get('required') and 'default' not in child)
        if required:
            schema['required'] = required
    elif kong_field['type'] == 'map' and isinstance(kong_field.get('values'), dict):
        schema['additionalProperties'] = json_schema_of(kong_field['values'])
    elif kind == 'array' and isinstance(kong_field.get('elements'), dict):
        schema['items'] = json_schema_of(kong_field['elements'])
    return schema


def kong_field_of(schema):
    """Kong's form of one field of the committed facts (for the schema endpoint)."""
    types = schema.get('type')
    names = types if isinstance(types, list) else [types] if types else []
    kind = next((name for name in names if name != 'null'), None)
    field = {}
    if kind == 'object':
        if 'properties' in schema:
            field['type'] = 'record'
            field['fields'] = [{name: kong_field_of(sub)} for name, sub in sorted(schema['properties'].items())]
        else:
            field['type'] = 'map'
            field['keys'] = {'type': 'string'}
            field['values'] = kong_field_of(schema['additionalProperties']) if isinstance(schema.get('additionalProperties'), dict) \
                else {'type': 'string'}
    elif kind == 'array':
        field['type'] = 'array'
        field['elements'] = kong_field_of(schema.get('items') or {})
    elif kind:
        field['type'] = kind
    if names and 'null' not in names:
        field['required'] = True
    if 'enum' in schema:
        field['one_of'] = [item for item in schema['enum'] if item is not None]
    if 'minimum' in schema and 'maximum' in schema:
        field['between'] = [schema['minimum'], schema['maximum']]
    for name, kong_name in (('minLength', 'len_min'), ('maxLength', 'len_max')):
        if name in schema:
            field[kong_name] = schema[name]
    if schema.get('x-referenceable'):
        field['referenceable'] = True
    return field


def plugin_schema_document(facts):
    fields = [{'config': kong_field_of(facts['config'])}]
    if facts.get('protocols'):
        fields.append({'protocols': {'type': 'set', 'required': True, 'elements': {'type': 'string', 'one_of': facts['protocols']}}})
    return {'fields': fields}


# ---- the checks ---------------------------------------------------------------------------------------------------------

def facts_for(partition, scope, name):
    """The facts of plugin ``name`` in the control plane (``scope``), or None when Konnect knows no such plugin."""
    facts = bundled().get(name)
    if facts is not None:
        return facts
    document = custom_schema(partition, scope, name)
    if document is None:
        return None
    config = next((item['config'] for item in document['fields'] if 'config' in item), None)
    return {'config': json_schema_of(config) if config else {}, 'protocols': None, 'scopes': None, 'custom': True}


def check(call, data, path):
    """Refuse a plugin record about to be written whose name Konnect does not know or whose config does not fit."""
    name = data.get('name')
    scope = (path.records[0]['id'],)  # the control plane (a nested /services/{id}/plugins links the service)
    facts = facts_for(call.partition, scope, name) if isinstance(name, str) else None
    if facts is None:
        raise validation_error([Issue('name', 'invalid', 'plugin(%s) does not exist' % name)])
    config = data.get('config')
    issues = config_issues({} if config is None else config, facts['config'])  # Kong checks required fields without a config too
    allowed = facts.get('protocols')
    for index, protocol in enumerate(data.get('protocols') or []):
        if allowed and protocol not in allowed:
            issues.append(Issue('protocols[%d]' % index, 'enum', 'expected one of: %s' % ', '.join(allowed)))
    for scope_field in ('service', 'route', 'consumer', 'consumer_group'):
        if facts.get('scopes') is not None and data.get(scope_field) and scope_field not in facts['scopes']:
            issues.append(Issue(scope_field, 'invalid', 'value must be null'))  # Kong's typedefs.no_<scope>
    if issues:
        raise validation_error(issues)


def config_issues(config, schema):
    if config is None or not schema:
        return []
    validator = jsonschema.Draft7Validator(schema)
    issues = []
    for error in sorted(validator.iter_errors(config), key=lambda error: [str(part) for part in error.absolute_path]):
        if isinstance(error.instance, str) and VAULT_REFERENCE.match(error.instance) and error.schema.get('x-referenceable'):
            continue  # Kong resolves the reference when the plugin runs
        issues.extend(kong_issues(error))
    return issues


def field_path(parts):
    path = 'config'
    for part in parts:
        path += '[%d]' % part if isinstance(part, int) else '.%s' % part
    return path


def kong_issues(error):
    """Kong's messages for one jsonschema error, one per field."""
    where = list(error.absolute_path)
    if error.validator == 'additionalProperties':
        known = error.schema.get('properties', {})
        return [Issue(field_path(where + [name]), 'unknown', 'unknown field') for name in sorted(error.instance) if name not in known]
    if error.validator == 'required':
        missing = [name for name in error.validator_value if name not in error.instance]
        return [Issue(field_path(where + [name]), 'required', 'required field missing') for name in missing]
    if error.validator == 'type':
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = [KONG_TYPE_WORDS[name] for name in wanted if name in KONG_TYPE_WORDS]
        return [Issue(field_path(where), 'type', 'expected %s' % ' or '.join(words))]
    if error.validator in ('enum', 'const'):
        options = error.validator_value if error.validator == 'enum' else [error.validator_value]
        return [Issue(field_path(where), 'enum', 'expected one of: %s' % ', '.join(str(item) for item in options if item is not None))]
    if error.validator in ('minimum', 'maximum'):
        low, high = error.schema.get('minimum'), error.schema.get('maximum')
        if low is not None and high is not None:
            return [Issue(field_path(where), 'between', 'value should be between %s and %s' % (low, high))]
        return [Issue(field_path(where), error.validator, 'value must be %s %s' % ('>=' if low is not None else '<=', error.validator_value))]
    if error.validator == 'minLength':
        return [Issue(field_path(where), 'len_min', 'length must be at least %d' % error.validator_value)]
    if error.validator == 'maxLength':
        return [Issue(field_path(where), 'len_max', 'length must be at most %d' % error.validator_value)]
    if error.validator in ('minItems', 'maxItems'):
        word = 'at least' if error.validator == 'minItems' else 'at most'
        return [Issue(field_path(where), error.validator, 'length must be %s %d' % (word, error.validator_value))]
    if error.validator == 'oneOf':
        return [Issue(field_path(where), 'oneOf', 'failed conditional validation')]
    return [Issue(field_path(where), error.validator, error.message)]


# ---- GET /core-entities/schemas/plugins/{pluginName} -----------------------------------------------------------------

def get_plugin_schema(call, scope):
    name = call.params.get('pluginName')
    facts = bundled().get(name)
    if facts is not None:
        return Response(200, plugin_schema_document(facts))
    document = custom_schema(call.partition, scope, name)
    if document is None:
        raise ApiError(404, 'Not Found', style='legacy')
    return Response(200, document)
