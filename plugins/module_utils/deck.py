# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""decK declarative files (``_format_version: "3.0"``): read one into the flat gateway sections of an org
document, and write those sections back as ``deck gateway dump`` would.

``render`` does decK's ``${{ env "DECK_X" }}`` substitution on raw text, ``load`` reads, checks and flattens a
file (or an inline document), ``to_deck`` goes the other way. Nothing here talks to Konnect.
"""

from __future__ import annotations

import copy
import json
import math
import re

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

try:
    import yaml
    YAML_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - ansible-core depends on PyYAML
    yaml = None
    YAML_IMPORT_ERROR = exc
SAFE_LOADER = getattr(yaml, 'CSafeLoader', None) or getattr(yaml, 'SafeLoader', None)  # libyaml parses 3x faster

try:
    import jsonschema
    JSONSCHEMA_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - depends on the controller
    jsonschema = None
    JSONSCHEMA_IMPORT_ERROR = exc

FORMAT_VERSION = '3.0'
ENV_PREFIX = 'DECK_'
UUID_RE = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')

# The flat sections, in the order they are written.
SECTIONS = ('vaults', 'ca_certificates', 'certificates', 'key_sets', 'keys', 'partials', 'upstreams', 'services', 'routes',
            'consumers', 'consumer_groups', 'plugins')
PLUGIN_SCOPES = ('service', 'route', 'consumer', 'consumer_group')
CREDENTIALS = ('keyauth_credentials', 'basicauth_credentials', 'hmacauth_credentials', 'jwt_secrets', 'acls', 'mtls_auth_credentials')
READ_ONLY = ('created_at', 'updated_at', 'cert_digest')


class DeckError(KonnectParameterError):
    """A decK file that cannot be read or is not valid; ``problems`` lists one line per problem when there are several."""


def looks_like_id(value):
    return isinstance(value, str) and bool(UUID_RE.match(value))


def format_path(path):
    """('services', 2, 'routes', 0) -> services[2].routes[0]"""
    out = ''
    for part in path:
        out += '[%d]' % part if isinstance(part, int) else ('.%s' % part if out else str(part))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Environment substitution (decK's pkg/file/template.go): Go text/template with ${{ }} delimiters.

GO_TRUE = ('1', 't', 'T', 'TRUE', 'true', 'True')
GO_FALSE = ('0', 'f', 'F', 'FALSE', 'false', 'False')
GO_SPACE = ' \t\r\n'
_TOKEN = re.compile(r'\s*(?:(?P<string>"(?:[^"\\\n]|\\.)*")|(?P<raw>`[^`]*`)|(?P<number>[-+]?\d+)'
                    r'|(?P<name>[A-Za-z_]\w*)|(?P<punct>[|()]))')


def render(text, environ, source='<file>'):
    """decK's environment substitution on raw text, before YAML parsing.

    Returns ``(rendered text, secrets)``: secrets are the values of the ``DECK_`` variables substituted as text, for
    the caller to mask in what it shows.
    """
    template = _Template(text, environ, source)
    return template.render(), template.secrets


def render_value(text, environ, source):
    """One string of an already parsed document: a string that is a single ``toInt``/``toBool``/``toFloat`` action
    becomes that number or boolean. Returns ``(value, secrets)``."""
    template = _Template(text, environ, source, comments=False)
    rendered = template.render()
    return (rendered if template.single_value is None else template.single_value), template.secrets


class _Template(object):
    """One text to render; ``secrets`` and ``single_value`` are set by ``render``."""

    def __init__(self, text, environ, source, comments=True):
        self.text = text
        self.environ = environ
        self.source = source
        self.comments = comments
        self.secrets = []
        self.single_value = None
        self.line = 1

    def fail(self, message):
        where = '%s, line %d' % (self.source, self.line) if self.comments or '\n' in self.text else self.source
        raise DeckError('%s: %s' % (where, message))

    def render(self):
        out = []
        values = []
        pos = 0
        while self.text.find('${{', pos) >= 0:
            start = self.text.find('${{', pos)
            self.line = self.text.count('\n', 0, start) + 1
            if self.comments and self._on_comment_line(start):
                out.append(self.text[pos:start + 3])
                pos = start + 3
                continue
            out.append(self.text[pos:start])
            end = self._action_end(start + 3)
            inner = self.text[start + 3:end]
            pos = end + 2
            if inner[:1] == '-' and inner[1:2] and inner[1:2] in GO_SPACE:  # ${{- trims the white space before
                inner = inner[1:]
                out = [''.join(out).rstrip(GO_SPACE)]
            if inner[-1:] == '-' and inner[-2:-1] and inner[-2:-1] in GO_SPACE:  # -}} trims the white space after
                inner = inner[:-1]
                while pos < len(self.text) and self.text[pos] in GO_SPACE:
                    pos += 1
            values.append(self._evaluate(inner))
            out.append(_as_text(values[-1]))
        out.append(self.text[pos:])
        rendered = ''.join(out)
        if len(values) == 1 and rendered == _as_text(values[0]) and not isinstance(values[0], str):
            self.single_value = values[0]
        return rendered

    def _on_comment_line(self, start):
        line_start = self.text.rfind('\n', 0, start) + 1
        return self.text[line_start:].lstrip().startswith('#')

    def _action_end(self, pos):
        """Where the action's ``}}`` is, skipping quoted strings as Go's lexer does."""
        while pos < len(self.text):
            if self.text.startswith('}}', pos):
                return pos
            quote = self.text[pos]
            if quote in '"`':
                pos += 1
                while pos < len(self.text) and self.text[pos] != quote:
                    pos += 2 if quote == '"' and self.text[pos] == '\\' else 1
            pos += 1
        return self.fail('unclosed action: "${{" without "}}"')

    def _evaluate(self, inner):
        tokens = self._tokens(inner)
        value, rest = self._pipeline(tokens)
        if rest:
            self.fail('unexpected %r in template action' % rest[0][1])
        result, variable = value
        if isinstance(result, str) and variable:
            secret = self.environ[variable]
            if secret and secret not in self.secrets:
                self.secrets.append(secret)
        return result

    def _tokens(self, inner):
        tokens = []
        pos = 0
        while inner[pos:].strip():
            match = _TOKEN.match(inner, pos)
            if not match:
                self.fail('unsupported template syntax %r (decK files support env, toBool, toInt, toFloat and indent)'
                          % inner[pos:].strip()[:20])
            kind = match.lastgroup
            tokens.append((kind, match.group(kind)))
            pos = match.end()
        return tokens

    def _pipeline(self, tokens):
        """command ('|' command)*: each command's result is the last argument of the next one, as in Go."""
        value, tokens = self._command(tokens, None)
        while tokens and tokens[0] == ('punct', '|'):
            value, tokens = self._command(tokens[1:], value)
        return value, tokens

    def _command(self, tokens, piped):
        if not tokens:
            self.fail('empty command in template action')
        kind, text = tokens[0]
        if kind != 'name':
            if piped is not None:
                self.fail('cannot pipe into %s' % text)
            return self._argument(tokens)
        tokens = tokens[1:]
        arguments = []
        while tokens and tokens[0] not in (('punct', '|'), ('punct', ')')):
            argument, tokens = self._argument(tokens)
            arguments.append(argument)
        if piped is not None:
            arguments.append(piped)
        return self._call(text, arguments), tokens

    def _argument(self, tokens):
        kind, text = tokens[0]
        if kind == 'string':
            try:
                return (json.loads(text), None), tokens[1:]
            except ValueError:
                return self.fail('cannot read the string %s in template action' % text)
        if kind == 'raw':
            return (text[1:-1], None), tokens[1:]
        if kind == 'number':
            return (int(text), None), tokens[1:]
        if (kind, text) == ('punct', '('):
            value, rest = self._pipeline(tokens[1:])
            if not rest or rest[0] != ('punct', ')'):
                self.fail('missing ")" in template action')
            return value, rest[1:]
        if kind == 'name':
            return self._call(text, []), tokens[1:]
        return self.fail('unexpected %r in template action' % text)

    def _call(self, name, arguments):
        functions = {'env': (self._env, (str,)), 'toBool': (self._to_bool, (str,)), 'toInt': (self._to_int, (str,)),
                     'toFloat': (self._to_float, (str,)), 'indent': (self._indent, (int, str))}
        if name not in functions:
            self.fail('function "%s" not defined (decK files support env, toBool, toInt, toFloat and indent)' % name)
        function, types = functions[name]
        if len(arguments) != len(types) or not all(isinstance(a[0], t) and not isinstance(a[0], bool)
                                                   for a, t in zip(arguments, types)):
            self.fail('%s takes %s' % (name, ' and '.join('a %s' % {str: 'string', int: 'number'}[t] for t in types)))
        return function(*arguments)

    def _env(self, name):
        name = name[0]
        if not name.startswith(ENV_PREFIX):
            self.fail("environment variables in the state file must be prefixed with '%s', found: '%s'" % (ENV_PREFIX, name))
        if name not in self.environ:
            self.fail("environment variable '%s' present in state file but not set" % name)
        return self.environ[name], name

    def _converted(self, value, convert, what, function):
        text, variable = value
        result = convert(text)
        if result is None:
            self.fail('%s: %s is not %s' % (function, variable or repr(text), what))
        return result, variable

    def _to_bool(self, value):
        return self._converted(value, lambda text: True if text in GO_TRUE else (False if text in GO_FALSE else None),
                               'a boolean (true, false, 1, 0, t, f)', 'toBool')

    def _to_int(self, value):
        return self._converted(value, lambda text: int(text) if re.match(r'^[+-]?\d+$', text) else None, 'an integer', 'toInt')

    def _to_float(self, value):
        return self._converted(value, _go_float, 'a number', 'toFloat')

    @staticmethod
    def _indent(spaces, value):
        return value[0].replace('\n', '\n' + ' ' * spaces[0]), value[1]


def _go_float(text):
    if not text or text != text.strip() or '_' in text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _as_text(value):
    """How a value is written into the text so that YAML reads it back with its type."""
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, float):
        if math.isnan(value):
            return '.nan'
        if math.isinf(value):
            return '.inf' if value > 0 else '-.inf'
        text = repr(value)
        mantissa, _sep, exponent = text.partition('e')
        if '.' not in mantissa:
            mantissa += '.0'  # YAML 1.1 reads 1e+21 as a string, 1.0e+21 as a float
        return mantissa + ('e' + exponent if exponent else '')
    return str(value)


def _render_document(value, environ, label, path=()):
    """An inline document: plain Python copies, with every string holding ``${{`` rendered."""
    if isinstance(value, dict):
        pairs = [(str(key), _render_document(item, environ, label, path + (str(key),))) for key, item in value.items()]
        return dict((key, item[0]) for key, item in pairs), [s for _key, item in pairs for s in item[1]]
    if isinstance(value, (list, tuple)):
        items = [_render_document(item, environ, label, path + (index,)) for index, item in enumerate(value)]
        return [item[0] for item in items], [s for item in items for s in item[1]]
    if isinstance(value, str):
        if '${{' not in value:
            return str(value), []
        return render_value(str(value), environ, _join(label, path))
    return value, []


# ---------------------------------------------------------------------------------------------------------------
# The decK 3.0 file: a JSON schema for types, required fields and unknown keys (GDR pkg/file/kong_json_schema.json,
# tightened with Kong's own field rules). References, duplicates and decK's other rules are checked in Python below.

PROTOCOLS = ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']
UPSTREAM_HASH = ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']
JWT_ALGORITHMS = ['ES256', 'ES256K', 'ES384', 'ES512', 'ESB256', 'ESB320', 'ESB384', 'ESB512', 'ESP256', 'ESP384', 'ESP512', 'Ed25519',
                  'Ed448', 'EdDSA', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512']

STRING = {'type': 'string'}
TEXT = {'type': 'string', 'minLength': 1}
INTEGER = {'type': 'integer'}
NUMBER = {'type': 'number'}
BOOLEAN = {'type': 'boolean'}
OBJECT = {'type': 'object'}
PORT = {'type': 'integer', 'minimum': 0, 'maximum': 65535}
TIMEOUT = {'type': 'integer', 'minimum': 1, 'maximum': 2147483646}


def _array(items):
    return {'type': 'array', 'items': items}


def _ref(name):
    return {'$ref': '#/$defs/%s' % name}


def _enum(values):
    return {'enum': list(values)}


def _closed(title, properties, required=(), **extra):
    schema = dict(title=title, type='object', additionalProperties=False, properties=properties, **extra)
    if required:
        schema['required'] = list(required)
    return schema


def _entity(title, properties, required=(), **extra):
    """A Kong entity: unknown keys refused; id, tags and the timestamps decK accepts on every entity."""
    fields = {'id': TEXT, 'tags': _array(TEXT), 'created_at': NUMBER, 'updated_at': NUMBER}
    fields.update(properties)
    return _closed(title, fields, required, **extra)


def _one_of_keys(keys, description):
    return {'anyOf': [{'required': [key]} for key in keys], 'description': description}


NAME_REQUIRED = 'an unnamed %s would get a new id, and so be created anew, on every run'
STRINGS = _array(STRING)
CIDR_PORT = _closed('source or destination', {'ip': TEXT, 'port': PORT})
PHASES = {'type': 'object', 'additionalProperties': STRINGS}
ID_REF = _closed('reference by id', {'id': TEXT}, required=['id'])

SERVICE_FIELDS = {
    'name': TEXT, 'url': TEXT, 'protocol': _enum(PROTOCOLS), 'host': TEXT, 'port': PORT, 'path': STRING,
    'retries': {'type': 'integer', 'minimum': 0, 'maximum': 32767}, 'connect_timeout': TIMEOUT, 'write_timeout': TIMEOUT,
    'read_timeout': TIMEOUT, 'enabled': BOOLEAN, 'tls_verify': BOOLEAN, 'tls_verify_depth': {'type': 'integer', 'minimum': 0, 'maximum': 64},
    'ca_certificates': _array(TEXT), 'client_certificate': TEXT,
    'tls_sans': _closed('tls_sans', {'dnsnames': STRINGS, 'uris': STRINGS}),
}
ROUTE_FIELDS = {
    'name': TEXT, 'protocols': _array(_enum(PROTOCOLS)), 'methods': STRINGS, 'hosts': STRINGS, 'paths': STRINGS,
    'headers': {'type': 'object', 'additionalProperties': STRINGS}, 'snis': STRINGS, 'sources': _array(CIDR_PORT),
    'destinations': _array(CIDR_PORT), 'https_redirect_status_code': _enum([426, 301, 302, 307, 308]), 'regex_priority': INTEGER,
    'strip_path': BOOLEAN, 'preserve_host': BOOLEAN, 'request_buffering': BOOLEAN, 'response_buffering': BOOLEAN,
    'path_handling': _enum(['v0', 'v1']), 'expression': STRING, 'priority': {'type': 'integer', 'minimum': 0},
}
UPSTREAM_FIELDS = {
    'name': TEXT, 'algorithm': _enum(['consistent-hashing', 'least-connections', 'round-robin', 'latency', 'sticky-sessions']),
    'hash_on': _enum(UPSTREAM_HASH), 'hash_fallback': _enum(UPSTREAM_HASH), 'hash_on_header': TEXT, 'hash_fallback_header': TEXT,
    'hash_on_cookie': TEXT, 'hash_on_cookie_path': TEXT, 'hash_on_query_arg': TEXT, 'hash_fallback_query_arg': TEXT,
    'hash_on_uri_capture': TEXT, 'hash_fallback_uri_capture': TEXT, 'host_header': TEXT,
    'slots': {'type': 'integer', 'minimum': 10, 'maximum': 65536}, 'healthchecks': _ref('healthchecks'), 'use_srv_name': BOOLEAN,
    'sticky_sessions_cookie': TEXT, 'sticky_sessions_cookie_path': TEXT, 'client_certificate': ID_REF,
}
TARGET_FIELDS = {'target': TEXT, 'weight': {'type': 'integer', 'minimum': 0, 'maximum': 65535}, 'failover': BOOLEAN}
PLUGIN_FIELDS = {
    'name': TEXT, 'instance_name': TEXT, 'config': OBJECT, 'enabled': BOOLEAN, 'protocols': _array(_enum(PROTOCOLS)),
    'ordering': _closed('ordering', {'before': PHASES, 'after': PHASES}), 'partials': _array(_ref('partial_link')),
    'condition': STRING,
}
HEALTHY = _closed('healthy', {'http_statuses': _array(INTEGER), 'interval': NUMBER, 'successes': INTEGER})
UNHEALTHY = _closed('unhealthy', {'http_failures': INTEGER, 'http_statuses': _array(INTEGER), 'interval': NUMBER,
                                  'tcp_failures': INTEGER, 'timeouts': INTEGER})


def _defaults(title, fields):
    # id and name are let through the schema so that the restricted-field check can say what decK says.
    return _closed('%s defaults' % title, dict(fields, id=TEXT, tags=_array(TEXT)))


DEFINITIONS = {
    'service': _entity('service', dict(SERVICE_FIELDS, routes=_array(_ref('route')), plugins=_array(_ref('plugin'))),
                       required=['name']),
    'route': _entity('route', dict(ROUTE_FIELDS, service=_ref('service_reference'), plugins=_array(_ref('plugin'))),
                     required=['name']),
    'service_reference': _closed('service reference', {'id': TEXT, 'name': TEXT}, **_one_of_keys(
        ('name', 'id'), 'a route names its service as {name: <name>} or {id: <id>}')),
    'plugin': _entity('plugin', dict(PLUGIN_FIELDS, service=TEXT, route=TEXT, consumer=TEXT, consumer_group=TEXT),
                      required=['name']),
    'consumer_group_plugin': _entity('consumer group plugin', {
        'name': TEXT, 'instance_name': TEXT, 'config': OBJECT, 'partials': _array(_ref('partial_link'))}, required=['name']),
    'partial_link': _closed('partial link', {'id': TEXT, 'name': TEXT, 'path': STRING},
                            **_one_of_keys(('name', 'id'), 'a plugin names a partial as {name: <name>} or {id: <id>}')),
    'consumer': _entity('consumer', {
        'username': TEXT, 'custom_id': TEXT, 'plugins': _array(_ref('plugin')), 'groups': _array(_ref('group_reference')),
        'keyauth_credentials': _array(_entity('key-auth credential', {'key': TEXT, 'ttl': INTEGER}, required=['key'])),
        'basicauth_credentials': _array(_entity('basic-auth credential', {'username': TEXT, 'password': TEXT},
                                                required=['username', 'password'])),
        'hmacauth_credentials': _array(_entity('HMAC credential', {'username': TEXT, 'secret': TEXT}, required=['username', 'secret'])),
        'jwt_secrets': _array(_entity('JWT credential', {'key': TEXT, 'secret': TEXT, 'algorithm': _enum(JWT_ALGORITHMS),
                                                         'rsa_public_key': TEXT}, required=['algorithm', 'key', 'secret'])),
        'acls': _array(_entity('ACL group', {'group': TEXT}, required=['group'])),
        'mtls_auth_credentials': _array(_entity('mTLS credential', {'subject_name': TEXT, 'ca_certificate': ID_REF},
                                                required=['subject_name'])),
    }, **_one_of_keys(('username', 'custom_id'), 'a consumer needs a username or a custom_id')),
    'group_reference': _closed('consumer group reference', {'id': TEXT, 'name': TEXT, 'tags': _array(TEXT), 'created_at': NUMBER},
                               **_one_of_keys(('name', 'id'), 'a consumer names its groups as {name: <name>} or {id: <id>}')),
    'consumer_group': _entity('consumer group', {
        'name': TEXT, 'plugins': _array(_ref('consumer_group_plugin')),
        'consumers': _array(_closed('consumer reference', {'id': TEXT, 'username': TEXT, 'custom_id': TEXT, 'tags': _array(TEXT),
                                                           'created_at': NUMBER},
                                    **_one_of_keys(('username', 'custom_id', 'id'), 'give the username, custom_id or id of the consumer'))),
    }, required=['name']),
    'upstream': _entity('upstream', dict(UPSTREAM_FIELDS, targets=_array(_ref('target'))), required=['name']),
    'target': _entity('target', TARGET_FIELDS, required=['target']),
    'healthchecks': _closed('healthchecks', {
        'active': _closed('active healthchecks', {
            'concurrency': INTEGER, 'headers': PHASES, 'healthy': HEALTHY, 'http_path': STRING, 'https_sni': STRING,
            'https_verify_certificate': BOOLEAN, 'timeout': NUMBER, 'type': _enum(['tcp', 'http', 'https', 'grpc', 'grpcs']),
            'unhealthy': UNHEALTHY}),
        'passive': _closed('passive healthchecks', {'healthy': HEALTHY, 'type': _enum(['tcp', 'http', 'https', 'grpc', 'grpcs']),
                                                    'unhealthy': UNHEALTHY}),
        'threshold': NUMBER}),
    'certificate': _entity('certificate', {'cert': TEXT, 'key': TEXT, 'cert_alt': TEXT, 'key_alt': TEXT,
                                           'snis': _array(_entity('SNI', {'name': TEXT}, required=['name']))},
                           required=['cert', 'key']),
    'ca_certificate': _entity('CA certificate', {'cert': TEXT, 'cert_digest': STRING}, required=['cert']),
    'vault': _entity('vault', {'prefix': TEXT, 'name': TEXT, 'description': STRING, 'config': OBJECT}, required=['prefix', 'name']),
    'key_set': _entity('key set', {'name': TEXT}, required=['name']),
    'key': _entity('key', {'name': TEXT, 'kid': TEXT, 'jwk': TEXT,
                           'pem': _closed('pem', {'private_key': TEXT, 'public_key': TEXT}),
                           'set': _closed('key set reference', {'id': TEXT, 'name': TEXT}, **_one_of_keys(
                               ('name', 'id'), 'a key names its key set as {name: <name>} or {id: <id>}'))},
                   required=['name', 'kid']),
    'partial': _entity('partial', {'name': TEXT, 'type': TEXT, 'config': OBJECT}, required=['name', 'type']),
}

SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    'title': 'decK file',
    'type': 'object',
    'additionalProperties': False,
    'properties': {
        '_format_version': {},  # checked in Python, for a clearer message
        '_transform': BOOLEAN,
        '_konnect': _closed('_konnect', {'control_plane_name': TEXT, 'runtime_group_name': TEXT}),
        '_info': _closed('_info', {'select_tags': _array(TEXT), 'defaults': _closed('defaults', {
            'service': _defaults('service', SERVICE_FIELDS), 'route': _defaults('route', ROUTE_FIELDS),
            'upstream': _defaults('upstream', UPSTREAM_FIELDS), 'target': _defaults('target', TARGET_FIELDS)})}),
        'services': _array(_ref('service')), 'routes': _array(_ref('route')), 'plugins': _array(_ref('plugin')),
        'consumers': _array(_ref('consumer')), 'consumer_groups': _array(_ref('consumer_group')),
        'upstreams': _array(_ref('upstream')), 'certificates': _array(_ref('certificate')),
        'ca_certificates': _array(_ref('ca_certificate')), 'vaults': _array(_ref('vault')), 'key_sets': _array(_ref('key_set')),
        'keys': _array(_ref('key')), 'partials': _array(_ref('partial')),
    },
    '$defs': DEFINITIONS,
}

# Keys decK knows that have no place in Konnect (or here): said so, rather than ignored.
UNSUPPORTED = {
    '_workspace': 'Konnect has no workspaces; a control plane plays that part',
    '_plugin_configs': 'shared plugin configurations are not supported; give each plugin its config',
    '_config': 'shared plugin configurations (_plugin_configs) are not supported; give the plugin its config',
    'licenses': 'Konnect manages licenses itself (decK leaves them out for Konnect too)',
    'rbac_roles': 'Kong Gateway RBAC roles do not exist in Konnect; give Konnect roles with team_role or user_role',
    'service_packages': 'service packages belong to the Konnect service catalog, not to a control plane',
    'custom_entities': 'custom entities (degraphql routes, GraphQL cost decorations) are not supported',
    'filter_chains': 'WebAssembly filter chains are not supported in Konnect',
    'cloned_plugins': 'cloned plugin definitions are not supported',
    'custom_plugins': 'custom plugin definitions are not supported here; use custom_plugin_schema',
    'oauth2_credentials': 'OAuth 2.0 credentials are not supported (decK does not read them from Konnect either)',
    'default_lookup_tags': 'looking entities up by tag while reading the file is not supported; refer to existing entities by id',
    'consumer_group_policy_overrides': 'legacy consumer group policy overrides are not supported in Konnect; scope plugins to the group',
    'skip_hash_for_basic_auth': 'basic-auth passwords are always sent as given',
    'include_plugin_definitions': 'cloned and custom plugin definitions are not supported',
    'run_on': 'Kong 3.0 removed the plugin field run_on',
}

TYPE_WORDS = {'string': 'a string', 'integer': 'an integer', 'number': 'a number', 'boolean': 'a boolean', 'object': 'a mapping',
              'array': 'a list', 'null': 'null'}


def _type_word(value):
    if isinstance(value, bool):
        return 'a boolean'
    if isinstance(value, int):
        return 'an integer'
    if isinstance(value, float):
        return 'a number'
    if isinstance(value, str):
        return 'a string'
    if isinstance(value, dict):
        return 'a mapping'
    if isinstance(value, list):
        return 'a list'
    return 'null' if value is None else type(value).__name__


def _schema_problems(document):
    """(path, message) for every schema violation, worded without repeating values (they may be secrets)."""
    validator = jsonschema.Draft202012Validator(SCHEMA)
    problems = []
    ordered = sorted(validator.iter_errors(document), key=lambda e: [(0, p, '') if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])
    for error in ordered:
        problems.extend(_schema_messages(error))
    return problems


def _schema_messages(error):
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get('title', 'mapping')
    if error.validator == 'additionalProperties':
        known = schema.get('properties', {})
        return [(path + (key,), _unknown_key(key, title)) for key in error.instance if key not in known]
    if error.validator == 'required':
        return [(path + (key,), 'is required' + (': ' + NAME_REQUIRED % title if key == 'name' and title in (
            'service', 'route', 'partial', 'key set', 'key') else '')) for key in error.validator_value if key not in error.instance]
    if error.validator == 'type':
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        message = 'must be %s, not %s' % (' or '.join(TYPE_WORDS.get(t, t) for t in expected), _type_word(error.instance))
        return [(path, message + ('; %s' % schema['description'] if schema.get('description') else ''))]
    if error.validator == 'enum':
        return [(path, 'must be one of %s' % ', '.join(str(v) for v in error.validator_value))]
    if error.validator == 'anyOf':
        return [(path, schema.get('description', 'does not have the form expected'))]
    if error.validator == 'minLength':
        return [(path, 'must not be empty')]
    if error.validator in ('minimum', 'maximum'):
        return [(path, 'must be at %s %s' % ('least' if error.validator == 'minimum' else 'most', error.validator_value))]
    return [(path, 'is not valid (%s)' % error.validator)]


def _unknown_key(key, title):
    if key in UNSUPPORTED:
        return 'not supported: %s' % UNSUPPORTED[key]
    if title == 'decK file':
        return 'unknown key: a decK 3.0 file has no such section'
    return 'unknown key: a decK 3.0 %s has no such field' % title


# ---------------------------------------------------------------------------------------------------------------
# Reading: load() and the walk from the nested decK form to the flat sections.

class DeckFile(object):
    """What ``load`` returns: the control plane's configuration in the flat form of an org document's gateway
    sections, the file's select tags and control plane name, and the substituted secrets to mask."""

    def __init__(self, sections, select_tags, control_plane_name, secrets):
        self.sections = sections
        self.select_tags = select_tags
        self.control_plane_name = control_plane_name
        self.secrets = secrets

    def as_dict(self):
        return {'sections': self.sections, 'select_tags': self.select_tags, 'control_plane_name': self.control_plane_name,
                'secrets': self.secrets}


def load(source, environ, label):
    """Read a decK 3.0 file (a path) or inline document (a dict), check it, and return a ``DeckFile``.

    Every problem the file has is raised at once, as a ``DeckError`` with one ``<label>.<path>: <message>`` line each.
    """
    if isinstance(source, dict):
        document, secrets = _render_document(source, environ, label)
    elif isinstance(source, str):
        document, secrets = _read_file(source, environ)
    else:
        raise DeckError('%s: a decK file is given as a path or as a mapping, not as %s.' % (label, _type_word(source)))
    return read_document(document, label, secrets)


def read_document(document, label, secrets=()):
    """A parsed (and rendered) decK document -> ``DeckFile``."""
    if not isinstance(document, dict):
        raise DeckError('%s: a decK file must be a mapping, not %s.' % (label, _type_word(document)))
    if jsonschema is None:
        raise DeckError('%s: reading decK files needs the Python library jsonschema on the controller (pip install "jsonschema>=4.17"): %s'
                        % (label, JSONSCHEMA_IMPORT_ERROR))
    reader = _Reader(document, label)
    reader.check_header()
    for path, message in _schema_problems(document):
        reader.problem(path, message)
    sections = reader.read()
    if reader.problems:
        raise DeckError('\n'.join(reader.problems), problems=reader.problems)
    konnect = document.get('_konnect') or {}
    return DeckFile(sections, list(reader.select_tags), konnect.get('control_plane_name') or konnect.get('runtime_group_name'),
                    list(dict.fromkeys(secrets)))


def _read_file(path, environ):
    try:
        with open(path, 'rb') as handle:
            text = handle.read().decode('utf-8-sig')
    except (OSError, UnicodeDecodeError) as exc:
        raise DeckError('%s: cannot read the decK file: %s' % (path, exc)) from exc
    rendered, secrets = render(text, environ, path)
    document = _parse(rendered, path)
    if document is None:
        raise DeckError('%s: the decK file is empty.' % path)
    return document, secrets


def _parse(text, source):
    if source.endswith('.json'):
        try:
            return json.loads(text)
        except ValueError as exc:
            raise DeckError('%s, line %s: not valid JSON: %s' % (source, getattr(exc, 'lineno', '?'), getattr(exc, 'msg', exc))) from exc
    if yaml is None:
        raise DeckError('%s: reading YAML needs the Python library PyYAML: %s' % (source, YAML_IMPORT_ERROR))
    try:
        return yaml.load(text, Loader=SAFE_LOADER)  # nosec: a safe loader, libyaml's when there is one
    except yaml.YAMLError as exc:
        # Only the problem, not str(exc): that quotes the offending line, which may hold a substituted secret.
        mark = getattr(exc, 'problem_mark', None)
        where = '%s, line %d' % (source, mark.line + 1) if mark is not None else source
        raise DeckError('%s: not valid YAML: %s' % (where, getattr(exc, 'problem', None) or 'cannot parse')) from exc


def _join(label, path):
    text = format_path(path)
    if not text:
        return label
    return label + text if text.startswith('[') else '%s.%s' % (label, text)


def _mapping(value):
    return value if isinstance(value, dict) else {}


def _each(parent, key, path):
    """The mapping items of the list ``parent[key]``, with their paths (anything else the schema reports)."""
    items = parent.get(key) if isinstance(parent, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield item, path + (key, index)


def _text(value):
    return value if isinstance(value, str) else None


def merge_tags(tags, extra):
    """decK's MustMergeTags: ``extra`` appended to ``tags``, each tag once."""
    merged = list(tags) if isinstance(tags, list) else []
    return merged + [tag for tag in extra if tag not in merged]


def consumer_ref(consumer):
    """How the flat form names a consumer: its username, else its custom_id, else its id."""
    return _text(consumer.get('username')) or _text(consumer.get('custom_id')) or _text(consumer.get('id'))


RESTRICTED_DEFAULTS = {'service': ('id', 'name'), 'route': ('id', 'name'), 'upstream': ('id', 'name'), 'target': ('id', 'target')}
URL_PARTS = ('protocol', 'host', 'port', 'path')
REFERABLE = {'service': 'service named', 'route': 'route named', 'consumer': 'consumer with username, custom_id or id',
             'consumer_group': 'consumer group named', 'partial': 'partial named', 'key_set': 'key set named'}


class _Reader(object):
    """Walks a decK document into the flat sections, collecting every problem on the way."""

    def __init__(self, document, label):
        self.document = document
        self.label = label
        self.problems = []
        info = _mapping(document.get('_info'))
        tags = info.get('select_tags')
        self.select_tags = [tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else []
        self.defaults = _mapping(info.get('defaults'))
        self.sections = dict((name, []) for name in SECTIONS)
        self.where = {}  # id(flat item) -> its path in the file, for duplicate messages
        self.members = {}  # consumer group name -> member refs
        self.names = self._index()

    def problem(self, path, message):
        line = '%s: %s' % (_join(self.label, path), message)
        if line not in self.problems:
            self.problems.append(line)

    def check_header(self):
        version = self.document.get('_format_version')
        if '_format_version' not in self.document:
            self.problem(('_format_version',), 'is missing; a decK file for Konnect starts with _format_version: "3.0"')
        elif isinstance(version, (int, float)) and not isinstance(version, bool):
            self.problem(('_format_version',), 'is the number %s; write the string "3.0", quoted (_format_version: "3.0")' % version)
        elif version != FORMAT_VERSION:
            self.problem(('_format_version',), 'is %r; only "3.0" is supported (convert older files with deck file convert)'
                         % (version,))
        if self.document.get('_transform') is False:
            self.problem(('_transform',), '_transform: false is not supported')
        konnect = _mapping(self.document.get('_konnect'))
        if 'control_plane_name' in konnect and 'runtime_group_name' in konnect:
            self.problem(('_konnect',), 'give control_plane_name or its old name runtime_group_name, not both')
        for kind, fields in sorted(RESTRICTED_DEFAULTS.items()):
            given = [field for field in fields if field in _mapping(self.defaults.get(kind))]
            if given:
                self.problem(('_info', 'defaults', kind), '%s defaults cannot have these restricted fields set: %s' % (kind, ', '.join(given)))

    # -- what the file names, for references -------------------------------------------------------------------

    def _index(self):
        """Every name and id the file gives, per kind, mapped to how the flat form refers to that entity."""
        names = dict((kind, {}) for kind in REFERABLE)
        doc = self.document
        for service, path in _each(doc, 'services', ()):
            self._know(names['service'], service, service.get('name'), ('name',))
            for route, _path in _each(service, 'routes', path):
                self._know(names['route'], route, route.get('name'), ('name',))
        for route, _path in _each(doc, 'routes', ()):
            self._know(names['route'], route, route.get('name'), ('name',))
        for consumer, _path in _each(doc, 'consumers', ()):
            self._know(names['consumer'], consumer, consumer_ref(consumer), ('username', 'custom_id'))
        for kind, section in (('consumer_group', 'consumer_groups'), ('partial', 'partials'), ('key_set', 'key_sets')):
            for item, _path in _each(doc, section, ()):
                self._know(names[kind], item, item.get('name'), ('name',))
        return names

    @staticmethod
    def _know(table, item, ref, keys):
        if not isinstance(ref, str):
            return
        for key in ('id',) + keys:
            if isinstance(item.get(key), str):
                table.setdefault(item[key], ref)

    def _by_name(self, kind, value, path):
        """A reference written as a string (a plugin's scopes): a name of the file, or an id of an existing entity."""
        if value in self.names[kind]:
            return self.names[kind][value]
        if not looks_like_id(value):
            self.problem(path, "there is no %s '%s' in the file; name one of the file, or give the id of an existing one"
                         % (REFERABLE[kind], value))
        return value

    def _by_object(self, kind, reference, path, ids_in_file=False):
        """A reference written as {name: ...} or {id: ...}: a name must be of the file; an id is not checked, as decK
        does not check it either, unless ``ids_in_file``."""
        table = self.names[kind]
        if isinstance(reference.get('id'), str):
            identifier = reference['id']
            if ids_in_file and identifier not in table:
                self.problem(path + ('id',), "there is no %s id '%s' in the file" % (kind.replace('_', ' '), identifier))
            return table.get(identifier, identifier)
        name = _text(reference.get('name'))
        if name is not None and name not in table:
            self.problem(path + ('name',), "there is no %s '%s' in the file" % (REFERABLE[kind], name))
        return table.get(name, name)

    # -- the walk ----------------------------------------------------------------------------------------------

    def _flat(self, kind, item, path, leave_out=()):
        """A copy of ``item`` without its children and read-only fields, with the defaults and select tags applied."""
        flat = dict((key, copy.deepcopy(value)) for key, value in item.items() if key not in leave_out and key not in READ_ONLY)
        self._apply_defaults(kind, flat)
        if 'tags' in flat or self.select_tags:
            flat['tags'] = merge_tags(flat.get('tags'), self.select_tags)
        self.where[id(flat)] = path
        return flat

    def _apply_defaults(self, kind, flat):
        for field, value in _mapping(self.defaults.get(kind)).items():
            if field in RESTRICTED_DEFAULTS.get(kind, ()):
                continue
            if kind == 'service' and (field == 'url' and any(p in flat for p in URL_PARTS) or field in URL_PARTS and 'url' in flat):
                continue  # the service's url and the default's parts (or the other way round) would disagree
            if field not in flat:
                flat[field] = copy.deepcopy(value)
            elif isinstance(flat[field], dict) and isinstance(value, dict):
                _fill_missing(flat[field], value)

    def _add(self, section, flat):
        self.sections[section].append(flat)
        return flat

    def read(self):
        doc = self.document
        self._simple('vaults', 'vault')
        self._simple('ca_certificates', 'ca_certificate')
        for certificate, path in _each(doc, 'certificates', ()):
            flat = self._add('certificates', self._flat('certificate', certificate, path, ('snis',)))
            if 'snis' in certificate:
                flat['snis'] = [self._flat('sni', sni, sni_path) for sni, sni_path in _each(certificate, 'snis', path)]
        self._simple('key_sets', 'key_set')
        for key, path in _each(doc, 'keys', ()):
            flat = self._add('keys', self._flat('key', key, path, ('set',)))
            if isinstance(key.get('set'), dict):
                flat['key_set'] = self._by_object('key_set', key['set'], path + ('set',))
        self._simple('partials', 'partial')
        for upstream, path in _each(doc, 'upstreams', ()):
            self._upstream(upstream, path)
        for service, path in _each(doc, 'services', ()):
            self._service(service, path)
        for route, path in _each(doc, 'routes', ()):
            self._route(route, path, None)
        for group, path in _each(doc, 'consumer_groups', ()):
            self._consumer_group(group, path)
        for consumer, path in _each(doc, 'consumers', ()):
            self._consumer(consumer, path)
        for plugin, path in _each(doc, 'plugins', ()):
            self._plugin(plugin, path, None)
        for group in self.sections['consumer_groups']:
            members = self.members.get(group.get('name'))
            if members:
                group['members'] = members
        self._check_unique()
        return dict((name, items) for name, items in self.sections.items() if items)

    def _simple(self, section, kind):
        for item, path in _each(self.document, section, ()):
            self._add(section, self._flat(kind, item, path))

    def _upstream(self, upstream, path):
        flat = self._add('upstreams', self._flat('upstream', upstream, path, ('targets', 'client_certificate')))
        if isinstance(upstream.get('client_certificate'), dict):
            flat['client_certificate'] = upstream['client_certificate'].get('id')
        if 'targets' in upstream:
            flat['targets'] = [self._flat('target', target, target_path) for target, target_path in _each(upstream, 'targets', path)]

    def _service(self, service, path):
        self._add('services', self._flat('service', service, path, ('routes', 'plugins')))
        name = _text(service.get('name'))
        for route, route_path in _each(service, 'routes', path):
            self._route(route, route_path, name)
        for plugin, plugin_path in _each(service, 'plugins', path):
            self._plugin(plugin, plugin_path, ('service', name))

    def _route(self, route, path, service):
        """A route nested under ``service`` (its name), or given at top level (``service`` None)."""
        flat = self._add('routes', self._flat('route', route, path, ('plugins', 'service')))
        if service is None and isinstance(route.get('service'), dict):
            service = self._by_object('service', route['service'], path + ('service',))
        if service is not None:
            flat['service'] = service
        for plugin, plugin_path in _each(route, 'plugins', path):
            self._plugin(plugin, plugin_path, ('route', _text(route.get('name'))))

    def _consumer(self, consumer, path):
        flat = self._add('consumers', self._flat('consumer', consumer, path, ('plugins', 'groups') + CREDENTIALS))
        ref = consumer_ref(consumer)
        for section in CREDENTIALS:
            if section in consumer:
                flat[section] = [self._credential(section, item, item_path) for item, item_path in _each(consumer, section, path)]
        for group, group_path in _each(consumer, 'groups', path):
            name = self._by_object('consumer_group', group, group_path, ids_in_file=True)
            if name is not None and ref is not None:
                self._member(name, ref)
        for plugin, plugin_path in _each(consumer, 'plugins', path):
            self._plugin(plugin, plugin_path, ('consumer', ref))

    def _credential(self, section, item, path):
        flat = self._flat(section, item, path, ('ca_certificate',))
        if isinstance(item.get('ca_certificate'), dict):
            flat['ca_certificate'] = item['ca_certificate'].get('id')
        return flat

    def _consumer_group(self, group, path):
        self._add('consumer_groups', self._flat('consumer_group', group, path, ('consumers', 'plugins')))
        name = _text(group.get('name'))
        for consumer, consumer_path in _each(group, 'consumers', path):
            ref = self._group_consumer(consumer, consumer_path)
            if name is not None and ref is not None:
                self._member(name, ref)
        for plugin, plugin_path in _each(group, 'plugins', path):
            self._plugin(plugin, plugin_path, ('consumer_group', name))

    def _group_consumer(self, consumer, path):
        """A consumer listed under a group: one of the file, an existing one by id, or (as decK does) a new one."""
        known = self.names['consumer']
        for key in ('username', 'custom_id', 'id'):
            if isinstance(consumer.get(key), str) and consumer[key] in known:
                return known[consumer[key]]
        ref = consumer_ref(consumer)
        if ref is not None and (consumer.get('username') or consumer.get('custom_id')):
            self._add('consumers', self._flat('consumer', consumer, path))
            known[ref] = ref
        return ref

    def _member(self, group, consumer):
        members = self.members.setdefault(group, [])
        if consumer not in members:
            members.append(consumer)

    def _plugin(self, plugin, path, parent):
        """A plugin given at top level (``parent`` None) or nested under (kind, name) of its parent."""
        flat = self._add('plugins', self._flat('plugin', plugin, path, PLUGIN_SCOPES + ('partials',)))
        for scope in PLUGIN_SCOPES:
            if scope not in plugin or not isinstance(plugin[scope], str):
                continue
            if parent is not None and parent[0] == scope:
                self.problem(path + (scope,), 'a plugin nested under a %s applies to that %s; it cannot name a %s as well'
                             % ((scope.replace('_', ' '),) * 3))
                continue
            flat[scope] = self._by_name(scope, plugin[scope], path + (scope,))
        if parent is not None and parent[1] is not None:
            flat[parent[0]] = parent[1]
        if 'partials' in plugin:
            flat['partials'] = [self._partial_link(link, link_path) for link, link_path in _each(plugin, 'partials', path)]

    def _partial_link(self, link, path):
        partials = self.names['partial']
        identifier = _text(link.get('id'))
        if identifier is not None and identifier not in partials and not looks_like_id(identifier):
            self.problem(path + ('id',), "there is no partial id '%s' in the file, and it is not an id" % identifier)
        elif identifier is None and isinstance(link.get('name'), str) and link['name'] not in partials:
            self.problem(path + ('name',), "there is no partial named '%s' in the file" % link['name'])
        return dict((key, value) for key, value in link.items() if key in ('id', 'name', 'path'))

    # -- duplicates --------------------------------------------------------------------------------------------

    def _check_unique(self):
        sections = self.sections
        for section, key, what in (('services', 'name', 'service name'), ('routes', 'name', 'route name'),
                                   ('consumers', 'username', 'consumer username'), ('consumers', 'custom_id', 'consumer custom_id'),
                                   ('consumer_groups', 'name', 'consumer group name'), ('upstreams', 'name', 'upstream name'),
                                   ('vaults', 'prefix', 'vault prefix'), ('key_sets', 'name', 'key set name'),
                                   ('keys', 'name', 'key name'), ('partials', 'name', 'partial name'),
                                   ('plugins', 'instance_name', 'plugin instance_name')):
            self._unique([(item.get(key), item, "%s '%s'" % (what, item.get(key))) for item in sections[section]])
        snis = [sni for certificate in sections['certificates'] for sni in certificate.get('snis', [])]
        self._unique([(sni.get('name'), sni, "SNI '%s'" % sni.get('name')) for sni in snis])
        for upstream in sections['upstreams']:
            self._unique([(_target_key(target.get('target')), target, "target '%s' of this upstream" % target.get('target'))
                          for target in upstream.get('targets', [])])
        self._unique([(_plugin_key(plugin), plugin, "%s plugin with the same service, route, consumer and consumer group"
                       % plugin.get('name')) for plugin in sections['plugins'] if isinstance(plugin.get('name'), str)])
        self._unique_credentials(sections['consumers'])

    def _unique_credentials(self, consumers):
        # Kong keeps these unique across all consumers; a key-auth key is a secret, not repeated in the message.
        for section, key, what, secret in (('keyauth_credentials', 'key', 'key-auth key', True),
                                           ('basicauth_credentials', 'username', "basic-auth username '%s'", False),
                                           ('hmacauth_credentials', 'username', "HMAC username '%s'", False),
                                           ('jwt_secrets', 'key', "JWT key '%s'", False)):
            credentials = [item for consumer in consumers for item in consumer.get(section, [])]
            self._unique([(item.get(key), item, what if secret else what % item.get(key)) for item in credentials], secret)
        for consumer in consumers:
            self._unique([(acl.get('group'), acl, "ACL group '%s' of this consumer" % acl.get('group'))
                          for acl in consumer.get('acls', [])])

    def _unique(self, entries, secret=False):
        seen = {}
        for key, item, what in entries:
            if key is None or (isinstance(key, str) and not key) or not _hashable(key):
                continue
            if key in seen:
                self.problem(self.where[id(item)], '%s is given twice (also at %s)'
                             % ('the same %s' % what if secret else what, format_path(seen[key])))
            else:
                seen[key] = self.where[id(item)]


def _fill_missing(target, defaults):
    for key, value in defaults.items():
        if key not in target:
            target[key] = copy.deepcopy(value)
        elif isinstance(target[key], dict) and isinstance(value, dict):
            _fill_missing(target[key], value)


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _target_key(target):
    """Kong stores a target without a port as host:8000: two such spellings are the same target."""
    if not isinstance(target, str):
        return None
    has_port = re.match(r'^\[.*\]:\d+$', target) or (target.count(':') == 1 and re.search(r':\d+$', target))
    return target if has_port else target + ':8000'


def _plugin_key(plugin):
    return (plugin.get('name'),) + tuple(_text(plugin.get(scope)) for scope in PLUGIN_SCOPES)


# ---------------------------------------------------------------------------------------------------------------
# Writing: the flat sections -> a decK 3.0 document, as deck gateway dump writes it.

# Kinds whose id deck gateway dump keeps although the entity has a natural key (or has none).
KEEP_IDS = ('certificate', 'ca_certificate', 'partial', 'mtls_auth_credentials')
NATURAL_KEYS = {'service': 'name', 'route': 'name', 'consumer': 'username', 'consumer_group': 'name', 'plugin': 'name',
                'upstream': 'name', 'target': 'target', 'sni': 'name', 'vault': 'prefix', 'key_set': 'name', 'key': 'name',
                'keyauth_credentials': 'key', 'basicauth_credentials': 'username', 'hmacauth_credentials': 'username',
                'jwt_secrets': 'key', 'acls': 'group'}
CONSUMER_SCHEMA = DEFINITIONS['consumer']['properties']
FIELDS = {
    'service': DEFINITIONS['service'], 'route': DEFINITIONS['route'], 'plugin': DEFINITIONS['plugin'],
    'consumer_group_plugin': DEFINITIONS['consumer_group_plugin'], 'consumer': DEFINITIONS['consumer'],
    'consumer_group': DEFINITIONS['consumer_group'], 'upstream': DEFINITIONS['upstream'], 'target': DEFINITIONS['target'],
    'certificate': DEFINITIONS['certificate'], 'sni': DEFINITIONS['certificate']['properties']['snis']['items'],
    'ca_certificate': DEFINITIONS['ca_certificate'], 'vault': DEFINITIONS['vault'], 'key_set': DEFINITIONS['key_set'],
    'key': DEFINITIONS['key'], 'partial': DEFINITIONS['partial'],
}
FIELDS.update((section, CONSUMER_SCHEMA[section]['items']) for section in CREDENTIALS)
# Per kind, the children and references that the writer builds itself rather than copies.
BUILT = {'service': ('routes', 'plugins'), 'route': ('service', 'plugins'), 'plugin': PLUGIN_SCOPES, 'consumer': ('plugins', 'groups') + CREDENTIALS,
         'consumer_group': ('consumers', 'plugins', 'members'), 'upstream': ('targets', 'client_certificate'), 'certificate': ('snis',),
         'key': ('set', 'key_set'), 'mtls_auth_credentials': ('ca_certificate',)}


def to_deck(sections, control_plane_name=None, select_tags=(), with_ids=False):
    """The flat sections of one control plane (as a dump produces them) -> a decK 3.0 document (a dict).

    As ``deck gateway dump``: routes under their service, single-scope plugins under their parent, memberships as
    ``consumers[].groups``, lists sorted by natural key, the select tags in ``_info`` rather than on each entity, and
    ids left out where a natural key names the entity (unless ``with_ids``).
    """
    document = {'_format_version': FORMAT_VERSION}
    if control_plane_name:
        document['_konnect'] = {'control_plane_name': control_plane_name}
    if select_tags:
        document['_info'] = {'select_tags': list(select_tags)}
    document.update(_Writer(sections, select_tags, with_ids).content())
    return document


def _sort_key(*values):
    return tuple('' if value is None else str(value) for value in values)


def _matches(reference, item, keys):
    return reference is not None and any(item.get(key) == reference for key in keys)


class _Writer(object):
    """Builds the nested decK document from the flat sections."""

    def __init__(self, sections, select_tags, with_ids):
        self.sections = dict((name, list(sections.get(name) or [])) for name in SECTIONS)
        self.select_tags = list(select_tags)
        self.with_ids = with_ids
        self.placed = set()  # id() of the flat plugins and routes nested somewhere

    def entity(self, kind, flat, leave_out=()):
        """The decK fields of ``flat``: known to decK for its kind, no nulls, no select tags, no redundant id."""
        known = FIELDS[kind]['properties']
        out = dict((key, copy.deepcopy(value)) for key, value in flat.items()
                   if key in known and key not in BUILT.get(kind, ()) + READ_ONLY + tuple(leave_out) and value is not None)
        if 'tags' in out:
            out['tags'] = [tag for tag in out['tags'] if tag not in self.select_tags]
            if not out['tags']:
                del out['tags']
        natural = NATURAL_KEYS.get(kind)
        if 'id' in out and not self.with_ids and kind not in KEEP_IDS and natural and out.get(natural):
            del out['id']
        return out

    def content(self):
        sections = self.sections
        content = {
            'services': [self._service(s) for s in sorted(sections['services'], key=lambda s: _sort_key(s.get('name'), s.get('id')))],
            'consumers': [self._consumer(c) for c in sorted(sections['consumers'], key=lambda c: _sort_key(consumer_ref(c)))],
            'consumer_groups': [self._group(g) for g in sorted(sections['consumer_groups'], key=lambda g: _sort_key(g.get('name')))],
            'upstreams': [self._upstream(u) for u in sorted(sections['upstreams'], key=lambda u: _sort_key(u.get('name')))],
            'certificates': [self._certificate(c) for c in sorted(sections['certificates'], key=lambda c: _sort_key(c.get('cert')))],
            'ca_certificates': [self.entity('ca_certificate', c) for c in sorted(sections['ca_certificates'],
                                                                                 key=lambda c: _sort_key(c.get('cert')))],
            'vaults': [self.entity('vault', v) for v in sorted(sections['vaults'], key=lambda v: _sort_key(v.get('prefix')))],
            'key_sets': [self.entity('key_set', k) for k in sorted(sections['key_sets'], key=lambda k: _sort_key(k.get('name')))],
            'keys': [self._key(k) for k in sorted(sections['keys'], key=lambda k: _sort_key(k.get('name')))],
            'partials': [self.entity('partial', p) for p in sorted(sections['partials'], key=lambda p: _sort_key(p.get('name'), p.get('id')))],
        }
        # Whatever found no parent above goes to the top level.
        content['routes'] = [self._route(r, keep_service=True) for r in self._sorted_routes() if id(r) not in self.placed]
        content['plugins'] = [self._plugin(p) for p in self._sorted_plugins() if id(p) not in self.placed]
        return dict((key, value) for key, value in content.items() if value)

    def _sorted_routes(self):
        return sorted(self.sections['routes'], key=lambda r: _sort_key(r.get('name'), r.get('id')))

    def _sorted_plugins(self):
        # decK sorts plugins by name then consumer, route, service and consumer group.
        return sorted(self.sections['plugins'], key=lambda p: _sort_key(p.get('name'), p.get('consumer'), p.get('route'),
                                                                        p.get('service'), p.get('consumer_group'), p.get('id')))

    def _nested_plugins(self, scope, parent, keys, kind='plugin'):
        """The plugins scoped to ``parent`` only, taken out of the top level."""
        nested = []
        for plugin in self._sorted_plugins():
            scopes = [s for s in PLUGIN_SCOPES if plugin.get(s) is not None]
            if id(plugin) in self.placed or scopes != [scope] or not any(_matches(plugin[scope], parent, [key]) for key in keys):
                continue
            if kind == 'consumer_group_plugin' and any(key not in FIELDS[kind]['properties'] for key in plugin
                                                       if plugin[key] is not None and key not in PLUGIN_SCOPES):
                continue  # a group's nested plugins take fewer fields: this one stays at top level
            self.placed.add(id(plugin))
            nested.append(self._plugin(plugin, kind, leave_out=(scope,)))
        return nested

    def _plugin(self, plugin, kind='plugin', leave_out=()):
        out = self.entity(kind, plugin, leave_out)
        for scope in PLUGIN_SCOPES:
            if scope not in leave_out and kind == 'plugin' and plugin.get(scope) is not None:
                out[scope] = self._name_for(scope + 's', plugin[scope])
        return out

    def _name_for(self, section, reference):
        """decK dumps name an entity of the file rather than give its id."""
        for item in self.sections[section]:
            if reference is not None and item.get('id') == reference:
                return (consumer_ref(item) if section == 'consumers' else item.get('name')) or reference
        return reference

    def _service(self, service):
        out = self.entity('service', service)
        routes = []
        for route in self._sorted_routes():
            if _matches(route.get('service'), service, ('name', 'id')) and id(route) not in self.placed:
                self.placed.add(id(route))
                routes.append(self._route(route))
        plugins = self._nested_plugins('service', service, ('name', 'id'))
        if plugins:
            out['plugins'] = plugins
        if routes:
            out['routes'] = routes
        return out

    def _route(self, route, keep_service=False):
        out = self.entity('route', route)
        service = self._name_for('services', route.get('service'))
        if keep_service and service is not None:
            out['service'] = {'id': service} if looks_like_id(service) else {'name': service}
        plugins = self._nested_plugins('route', route, ('name', 'id'))
        if plugins:
            out['plugins'] = plugins
        return out

    def _consumer(self, consumer):
        out = self.entity('consumer', consumer)
        for section in CREDENTIALS:
            credentials = [self._credential(section, item) for item in consumer.get(section) or []]
            if credentials:
                out[section] = sorted(credentials, key=lambda c, s=section: _sort_key(c.get(NATURAL_KEYS.get(s, 'subject_name')), c.get('id')))
        groups = [{'name': group['name']} for group in sorted(self.sections['consumer_groups'], key=lambda g: _sort_key(g.get('name')))
                  if any(_matches(member, consumer, ('username', 'custom_id', 'id')) for member in group.get('members') or [])]
        if groups:
            out['groups'] = groups
        plugins = self._nested_plugins('consumer', consumer, ('username', 'custom_id', 'id'))
        if plugins:
            out['plugins'] = plugins
        return out

    def _credential(self, section, item):
        out = self.entity(section, item)
        if section == 'mtls_auth_credentials' and item.get('ca_certificate'):
            out['ca_certificate'] = {'id': item['ca_certificate']}
        return out

    def _group(self, group):
        out = self.entity('consumer_group', group)
        consumers = self.sections['consumers']
        # Memberships are written under the consumers; a member that is no consumer of these sections stays here.
        strangers = [member for member in group.get('members') or []
                     if not any(_matches(member, consumer, ('username', 'custom_id', 'id')) for consumer in consumers)]
        if strangers:
            out['consumers'] = [{'id': member} if looks_like_id(member) else {'username': member} for member in strangers]
        plugins = self._nested_plugins('consumer_group', group, ('name', 'id'), kind='consumer_group_plugin')
        if plugins:
            out['plugins'] = plugins
        return out

    def _upstream(self, upstream):
        out = self.entity('upstream', upstream)
        if upstream.get('client_certificate'):
            out['client_certificate'] = {'id': upstream['client_certificate']}
        targets = [self.entity('target', target) for target in upstream.get('targets') or []]
        if targets:
            out['targets'] = sorted(targets, key=lambda t: _sort_key(t.get('target')))
        return out

    def _certificate(self, certificate):
        out = self.entity('certificate', certificate)
        snis = [self.entity('sni', sni) for sni in certificate.get('snis') or []]
        if snis:
            out['snis'] = sorted(snis, key=lambda s: _sort_key(s.get('name')))
        return out

    def _key(self, key):
        out = self.entity('key', key)
        key_set = self._name_for('key_sets', key.get('key_set'))
        if key_set is not None:
            named = any(item.get('name') == key_set for item in self.sections['key_sets'])
            out['set'] = {'id': key_set} if looks_like_id(key_set) and not named else {'name': key_set}
        return out
