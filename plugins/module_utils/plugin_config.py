# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A gateway plugin's ``config`` checked against its plugin's schema before anything is written.

The schemas of the plugins bundled with Kong Gateway are committed facts, ``plugin_schemas.py`` (written by
``hacking/update_plugin_schemas.py`` from the typed plugin schemas of the Terraform provider's spec), imported the first
time a plugin is checked, so tasks that write no plugin never load them. Custom plugins are checked against the schema
their control plane answers (Kong's ``{"fields": [...]}`` form, see ``kong_schema``).

The checker is a small one of its own rather than the ``jsonschema`` library: modules can run on a target where only
ansible-core's dependencies are installed, and its messages name the path the way the task wrote it
(``config.minute: 'x' is not a number``). It knows the JSON Schema subset the facts use.
"""

from __future__ import annotations

import difflib
import re
from urllib.parse import quote

from ansible_collections.konnect.konnect.plugins.module_utils.errors import HIDDEN, KonnectError, KonnectParameterError


TYPE_NAMES = {'number': 'a number', 'integer': 'an integer', 'string': 'a string', 'boolean': 'a boolean',
              'object': 'a dict', 'array': 'a list', 'null': 'null'}
VAULT_REFERENCE = re.compile(r'^\{vault://.+\}$')
SCOPE_OPTIONS = ('service', 'route', 'consumer', 'consumer_group')
MAX_ERRORS = 5


def bundled():
    """{plugin name: facts} of the plugins bundled with Kong Gateway (loaded once per process)."""
    from ansible_collections.konnect.konnect.plugins.module_utils import plugin_schemas  # pylint: disable=import-outside-toplevel
    return plugin_schemas.FACTS['plugins']


def close_matches(name, names):
    return difflib.get_close_matches(name, sorted(names), n=3, cutoff=0.6)


def unknown_name_message(name):
    matches = close_matches(name, bundled())
    hint = ('did you mean %s? ' % ' or '.join(matches)) if matches else ''
    return ("name: %r is neither a plugin bundled with Kong Gateway nor a custom plugin of this control plane; %s"
            "a custom plugin needs its schema in the control plane first (custom_plugin_schema or custom_plugin)." % (name, hint))


# -- the checker ----------------------------------------------------------------------------------------------------------

def config_errors(value, schema, where='config', required=True):
    """What is wrong with ``value`` under ``schema``, as ``'<path>: <what>'`` messages (none when it fits).

    ``required=False`` leaves out missing required fields (a change merged into a plugin's current config)."""
    if not schema:
        return []
    if isinstance(value, str) and schema.get('x-referenceable') and VAULT_REFERENCE.match(value):
        return []  # Kong resolves the reference when the plugin runs
    problem = type_problem(value, schema.get('type'))
    if problem:
        return ['%s: %s' % (where, problem)]
    if 'oneOf' in schema:
        return alternative_errors(value, schema['oneOf'], where, required)
    if isinstance(value, dict):
        return object_errors(value, schema, where, required)
    if isinstance(value, list):
        return list_errors(value, schema, where, required)
    return scalar_errors(value, schema, where)


def type_problem(value, wanted):
    if wanted is None:
        return None
    names = wanted if isinstance(wanted, list) else [wanted]
    if any(fits_type(value, name) for name in names):
        return None
    return '%s is not %s' % (shown(value), ' or '.join(TYPE_NAMES[name] for name in names if name != 'null') or 'null')


def fits_type(value, name):
    if name == 'integer':
        return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()
    if name == 'number':
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, {'string': str, 'boolean': bool, 'object': dict, 'array': list, 'null': type(None)}[name])


def shown(value):
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + '...'


def object_errors(value, schema, where, required):
    properties = schema.get('properties', {})
    errors = []
    if required:
        errors.extend('%s.%s: required' % (where, name) for name in schema.get('required', ()) if value.get(name) is None)
    additional = schema.get('additionalProperties', True)
    for name, item in sorted(value.items()):
        path = '%s.%s' % (where, name)
        if name in properties:
            errors.extend(config_errors(item, properties[name], path, required))
        elif additional is False:
            matches = close_matches(name, properties)
            errors.append('%s: unknown field%s' % (path, ' (did you mean %s?)' % ' or '.join(matches) if matches else ''))
        elif isinstance(additional, dict):
            errors.extend(config_errors(item, additional, path, required))
    return errors


def list_errors(value, schema, where, required):
    errors = []
    if len(value) < schema.get('minItems', 0):
        errors.append('%s: needs at least %d item(s)' % (where, schema['minItems']))
    if 'maxItems' in schema and len(value) > schema['maxItems']:
        errors.append('%s: takes at most %d item(s)' % (where, schema['maxItems']))
    for index, item in enumerate(value):
        errors.extend(config_errors(item, schema.get('items') or {}, '%s[%d]' % (where, index), required))
    return errors


def scalar_errors(value, schema, where):
    if 'const' in schema and value != schema['const']:
        return ['%s: %s is not %r' % (where, shown(value), schema['const'])]
    if 'enum' in schema and value not in schema['enum']:
        return ['%s: %s is not one of %s' % (where, shown(value), ', '.join(str(item) for item in schema['enum'] if item is not None))]
    if isinstance(value, str):
        if len(value) < schema.get('minLength', 0):
            return ['%s: %s is shorter than %d character(s)' % (where, shown(value), schema['minLength'])]
        if len(value) > schema.get('maxLength', len(value)):
            return ['%s: %s is longer than %d character(s)' % (where, shown(value), schema['maxLength'])]
        if 'pattern' in schema and not matches(schema['pattern'], value):
            return ['%s: %s does not match %s' % (where, shown(value), schema['pattern'])]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < schema.get('minimum', value):
            return ['%s: %s is less than %s' % (where, shown(value), schema['minimum'])]
        if value > schema.get('maximum', value):
            return ['%s: %s is more than %s' % (where, shown(value), schema['maximum'])]
    return []


def alternative_errors(value, alternatives, where, required):
    """``oneOf``: the alternatives are told apart by a ``const`` property (datakit nodes by ``type``)."""
    if isinstance(value, dict):
        for alternative in alternatives:
            for name, item in (alternative.get('properties') or {}).items():
                if 'const' in item and value.get(name) == item['const']:
                    return config_errors(value, alternative, where, required)
    attempts = [config_errors(value, alternative, where, required) for alternative in alternatives]
    return [] if not all(attempts) else min(attempts, key=len)


def matches(pattern, value):
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True  # a pattern Python cannot read: Konnect checks it


# -- a plugin as a task writes it -----------------------------------------------------------------------------------------

def plugin_errors(name, config, protocols=None, scopes=(), facts=None, creating=True):
    """What is wrong with a plugin whose ``config``, ``protocols`` or scope its plugin's ``facts`` do not allow.

    ``facts``: ``bundled()[name]`` or those of a custom plugin. ``creating``: a new plugin, whose required fields must
    all be given; a change to an existing one is merged into its config, so only what it gives is checked.
    ``scopes``: the scope options the plugin is limited to (``service``, ``route``...)."""
    errors = []
    if config is not None:
        errors.extend(config_errors(config, facts['config'], 'config', required=creating))
    elif creating and facts['config'].get('required'):  # Kong fills in defaults, then wants the required fields
        errors.append('config: required by the %s plugin (%s)' % (name, ', '.join(facts['config']['required'])))
    allowed = facts.get('protocols')
    for protocol in protocols or ():
        if allowed and protocol not in allowed:
            errors.append('protocols: %r is not one the %s plugin runs on (%s)' % (protocol, name, ', '.join(allowed)))
    if facts.get('scopes') is not None:
        for scope in scopes:
            if scope not in facts['scopes']:
                errors.append('%s: the %s plugin cannot be limited to a %s' % (scope, name, scope.replace('_', ' ')))
    return errors


def check_plugin(name, config, protocols=None, scopes=(), facts=None, creating=True):
    """Refuse (KonnectParameterError) what ``plugin_errors`` finds, naming the first few problems."""
    errors = plugin_errors(name, config, protocols, scopes, facts, creating)
    if errors:
        more = len(errors) - MAX_ERRORS
        shown_errors = errors[:MAX_ERRORS] + (['and %d more' % more] if more > 0 else [])
        raise KonnectParameterError('not a valid %s plugin: %s.' % (name, '; '.join(shown_errors)))


# -- apply: the plugins of a document, before anything is written --------------------------------------------------------

def document_problems(nodes, custom_facts):
    """The problems of every plugin of an ``apply`` document (its decK files included), each prefixed with its path.

    ``custom_facts(node)``: the facts of a plugin whose name is not bundled, read from its control plane (None to pass it
    through unchecked, ``UNKNOWN`` when the control plane has no such plugin)."""
    problems = []
    for node in nodes:
        if node.name != 'gateway_plugin' or not isinstance(node.params.get('name'), str):
            continue
        name = node.params['name']
        facts = bundled().get(name)
        if facts is None:
            facts = custom_facts(node)
            if facts is UNKNOWN:
                problems.append('%s.%s' % (node.path, unknown_name_message(name)))
                continue
        if facts is not None:
            scopes = [scope for scope in SCOPE_OPTIONS if node.params.get(scope) is not None]
            errors = plugin_errors(name, node.params.get('config'), node.params.get('protocols'), scopes, facts, creating=False)
            problems.extend('%s.%s' % (node.path, error) for error in errors)
    return problems


UNKNOWN = object()


def control_plane_of(node):
    while node is not None and node.name != 'control_plane':
        node = node.parent
    return node


# -- custom plugins: the schema their control plane answers --------------------------------------------------------------

def read_custom_facts(client, control_plane_id, name):
    """The facts of custom plugin ``name`` from the schema its control plane answers (one GET); ``UNKNOWN`` when the
    control plane has no such plugin; None (pass it through unchecked) when the schema cannot be read."""
    path = '/v2/control-planes/%s/core-entities/schemas/plugins/%s' % (control_plane_id, quote(name, safe=''))
    try:
        response = client.request('GET', path, what="the schema of plugin '%s'" % name, expected=(400, 404))
    except KonnectError:
        return None
    if response.status in (400, 404):
        return UNKNOWN
    return kong_schema(response.body)


# -- Kong's schema form ---------------------------------------------------------------------------------------------------

KONG_TYPES = {'string': 'string', 'number': 'number', 'integer': 'integer', 'boolean': 'boolean', 'record': 'object',
              'map': 'object', 'array': 'array', 'set': 'array'}


def kong_schema(document):
    """The facts of a custom plugin from the schema Konnect answers for it (``{"fields": [{"config": {...}}, ...]}``).

    Only what is understood is checked: a field of a type not known here (``foreign``, ``json``...) takes anything."""
    fields = document.get('fields') if isinstance(document, dict) else None
    if not isinstance(fields, list):
        return None
    top = dict(field_items(fields))
    config = top.get('config')
    facts = {'config': kong_field(config) if isinstance(config, dict) else {}, 'config_required': False, 'protocols': None, 'scopes': None}
    protocols = ((top.get('protocols') or {}).get('elements') or {}).get('one_of')
    if isinstance(protocols, list):
        facts['protocols'] = protocols
    return facts


def field_items(fields):
    for item in fields:
        if isinstance(item, dict) and len(item) == 1:
            for name, field in item.items():
                if isinstance(field, dict):
                    yield name, field


def kong_field(field):
    kind = KONG_TYPES.get(field.get('type'))
    if kind is None:
        return {}
    schema = {'type': kind if field.get('required') else [kind, 'null']}
    if isinstance(field.get('one_of'), list):
        schema['enum'] = field['one_of'] + ([] if field.get('required') else [None])
    between = field.get('between')
    if isinstance(between, list) and len(between) == 2:
        schema['minimum'], schema['maximum'] = between
    for kong_name, name in (('len_min', 'minLength'), ('len_max', 'maxLength')):
        if kind == 'string' and isinstance(field.get(kong_name), int):
            schema[name] = field[kong_name]
    if kind == 'object' and field.get('type') == 'record':
        children = dict(field_items(field.get('fields') or []))
        schema['properties'] = dict((name, kong_field(child)) for name, child in children.items())
        schema['additionalProperties'] = False
        required = [name for name, child in children.items() if child.get('required') and 'default' not in child]
        if required:
            schema['required'] = sorted(required)
    elif kind == 'object' and isinstance(field.get('values'), dict):
        schema['additionalProperties'] = kong_field(field['values'])
    elif kind == 'array' and isinstance(field.get('elements'), dict):
        schema['items'] = kong_field(field['elements'])
    if field.get('encrypted'):
        schema['x-encrypted'] = True
    return schema


# -- the secrets: fields Kong keeps encrypted (``x-encrypted``) -------------------------------------------------------------

def encrypted_values(value, schema):
    """The values in ``value`` of the fields ``schema`` marks encrypted (a Redis password, an AI provider's key): what
    output must mask. A ``{vault://...}`` reference is not the secret itself and is left alone."""
    found = []
    _hide_encrypted(value, schema or {}, found.append)
    return found


def hide_encrypted(value, schema):
    """A copy of ``value`` with the values of its encrypted fields hidden."""
    return _hide_encrypted(value, schema or {}, lambda secret: None)


def _hide_encrypted(value, schema, found):
    if schema.get('x-encrypted') and value not in (None, '') and not (isinstance(value, str) and VAULT_REFERENCE.match(value)):
        for leaf in _leaves(value):
            found(leaf)
        return HIDDEN
    if isinstance(value, dict):
        properties, additional = schema.get('properties', {}), schema.get('additionalProperties')
        return dict((name, _hide_encrypted(item, properties.get(name) or (additional if isinstance(additional, dict) else {}), found))
                    for name, item in value.items())
    if isinstance(value, list):
        return [_hide_encrypted(item, schema.get('items') or {}, found) for item in value]
    return value


def _leaves(value):
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else []
