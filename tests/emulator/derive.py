# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Derive the emulator's route and schema facts from the official Konnect OpenAPI specs.

Run by a developer (needs PyYAML and the spec checkout):

    python tests/emulator/derive.py [--spec-dir DIR] [--out-dir DIR]

Writes one JSON file per spec under ``tests/emulator/derived/``. Only facts are kept:
paths, methods, parameter names and schemas, status codes and JSON schemas without
any prose keyword (description, summary, example(s), title, x-* extensions).
"""

import argparse
import json
import os
import re
import sys

import yaml

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SPEC_DIR = os.path.join(REPO_ROOT, '..', 'shared', 'konnect-openapi', 'per-api')
DEFAULT_OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'derived')

SPECS = {
    'identity-v3': 'global',
    'organizations-v3': 'global',
    'control-planes-v2': 'regional',
    'control-planes-config-v2': 'regional',
    'application-auth-strategies-v2': 'regional',
    'api-builder-v3': 'regional',
    'portal-management-v3': 'regional',
    'audit-logs-v3': 'regional',
    'cloud-gateways-v2': 'global',
    'service-catalog-v1': 'regional',
    'event-gateway-v1': 'regional',
    'consumers-v1': 'regional',
    'kong-identity-v1': 'regional',
    'mesh-control-planes-v0': 'regional',
    'dev-portal-v3': 'portal',
}

HTTP_METHODS = ('get', 'post', 'put', 'patch', 'delete')

# Keywords that carry prose or tooling hints, never validation facts.
PROSE_KEYWORDS = frozenset(('description', 'summary', 'example', 'examples', 'title', 'externalDocs', 'xml', 'deprecated', 'discriminator'))
# Keywords whose value is a map of name -> schema.
SCHEMA_MAP_KEYWORDS = frozenset(('properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'))
# Keywords whose value is a schema.
SCHEMA_KEYWORDS = frozenset(('items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
                             'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'))
# Keywords whose value is a list of schemas.
SCHEMA_LIST_KEYWORDS = frozenset(('allOf', 'anyOf', 'oneOf', 'prefixItems'))
# An enum whose values are sentences is prose, not a constraint worth keeping.
MAX_ENUM_WORDS = 8

COMPONENT_SCHEMA_PREFIX = '#/components/schemas/'
REQUEST_VARIANT_SUFFIX = '@request'


class SpecConverter:
    """Converts one OpenAPI document into the derived facts."""

    def __init__(self, name, document, host_family):
        self.name = name
        self.document = document
        self.host_family = host_family
        self.components = document.get('components', {})
        self.raw_schemas = self.components.get('schemas', {})
        self.defs = {}
        self.pending = []
        self.base_path = server_base_path(document)

    # ---- $ref handling -------------------------------------------------

    def resolve(self, node):
        """Follow non-schema references (parameters, requestBodies, responses)."""
        seen = set()
        while isinstance(node, dict) and '$ref' in node:
            ref = node['$ref']
            if ref in seen:
                raise ValueError('reference loop at %s' % ref)
            seen.add(ref)
            node = self.lookup(ref)
        return node

    def lookup(self, ref):
        if not ref.startswith('#/'):
            raise ValueError('external reference not supported: %s' % ref)
        node = self.document
        for part in ref[2:].split('/'):
            node = node[part.replace('~1', '/').replace('~0', '~')]
        return node

    def raw_schema(self, schema):
        while isinstance(schema, dict) and '$ref' in schema:
            schema = self.lookup(schema['$ref'])
        return schema

    # ---- OpenAPI schema -> JSON Schema --------------------------------

    def convert(self, schema, request=False):
        """Return a JSON Schema (draft 2020-12) for an OpenAPI schema object."""
        if not isinstance(schema, dict):
            return schema
        if '$ref' in schema:
            return self.convert_ref(schema, request)
        out = {}
        for key, value in schema.items():
            if key in PROSE_KEYWORDS or key.startswith('x-') or key == 'nullable':
                continue
            out[key] = self.convert_keyword(key, value, request)
        if schema.get('x-sensitive') is True:
            out['writeOnly'] = True
        if 'oneOf' in out:
            # Many spec oneOfs have overlapping branches (e.g. route flavours); accept any match.
            out['anyOf'] = out.pop('oneOf')
        if request and out.get('required'):
            out['required'] = [name for name in out['required'] if not self.is_read_only(schema, name)]
            if not out['required']:
                del out['required']
        if 'enum' in out and is_prose_enum(out['enum']):
            del out['enum']
        fix_exclusive_bounds(out)
        if schema.get('nullable') is True:
            out = make_nullable(out)
        return out

    def convert_keyword(self, key, value, request):
        if key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            return {name: self.convert(sub, request) for name, sub in value.items()}
        if key in SCHEMA_KEYWORDS and isinstance(value, dict):
            return self.convert(value, request)
        if key in SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            return [self.convert(sub, request) for sub in value]
        if key == 'items' and isinstance(value, list):
            return [self.convert(sub, request) for sub in value]
        return value

    def convert_ref(self, schema, request):
        ref = schema['$ref']
        if not ref.startswith(COMPONENT_SCHEMA_PREFIX):
            return self.convert(self.lookup(ref), request)
        name = ref[len(COMPONENT_SCHEMA_PREFIX):]
        if request and self.needs_request_variant(name, set()):
            name += REQUEST_VARIANT_SUFFIX
        self.require_def(name)
        converted = {'$ref': '#/$defs/' + name}
        if schema.get('nullable') is True:
            converted = make_nullable(converted)
        return converted

    def require_def(self, name):
        if name not in self.defs:
            self.defs[name] = None
            self.pending.append(name)

    def flush_defs(self):
        while self.pending:
            name = self.pending.pop()
            is_request = name.endswith(REQUEST_VARIANT_SUFFIX)
            base = name[:-len(REQUEST_VARIANT_SUFFIX)] if is_request else name
            self.defs[name] = self.convert(self.raw_schemas[base], request=is_request)

    def is_read_only(self, schema, prop_name):
        prop = schema.get('properties', {}).get(prop_name)
        return bool(prop) and bool(self.raw_schema(prop).get('readOnly') or prop.get('readOnly'))

    def needs_request_variant(self, name, seen):
        """True when a component (transitively) requires a readOnly property."""
        if name in seen:
            return False
        seen.add(name)
        return self.schema_requires_read_only(self.raw_schemas[name], seen)

    def schema_requires_read_only(self, schema, seen):
        if not isinstance(schema, dict):
            return False
        if '$ref' in schema:
            ref = schema['$ref']
            return ref.startswith(COMPONENT_SCHEMA_PREFIX) and self.needs_request_variant(ref[len(COMPONENT_SCHEMA_PREFIX):], seen)
        if any(self.is_read_only(schema, name) for name in schema.get('required', []) or []):
            return True
        return any(self.schema_requires_read_only(sub, seen) for sub in iter_subschemas(schema))

    # ---- operations ----------------------------------------------------

    def operations(self):
        ops = []
        for path, path_item in self.document.get('paths', {}).items():
            for method in HTTP_METHODS:
                if method in path_item:
                    ops.append(self.operation(path, path_item, method))
        ops.sort(key=lambda op: (op['path'], op['method']))
        return ops

    def operation(self, path, path_item, method):
        operation = path_item[method]
        params = self.parameters(path_item.get('parameters', []) + operation.get('parameters', []))
        full_path = self.base_path + path
        success_status, response = self.success_response(operation)
        schema_name = self.entity_schema_name(operation)
        if schema_name is None and 'get' in path_item:
            schema_name = self.entity_schema_name(path_item['get'])
        op = {
            'operation_id': operation.get('operationId'),
            'method': method.upper(),
            'path': full_path,
            'host_family': self.host_family,
            'path_params': {p['name']: self.convert(p.get('schema', {})) for p in params if p['in'] == 'path'},
            'query_params': [self.query_param(p) for p in params if p['in'] == 'query'],
            'request': self.request_body(operation),
            'success_status': success_status,
            'response': response,
            'error_statuses': sorted(int(code) for code in operation.get('responses', {}) if str(code)[0] in '45'),
            'error_style': self.error_style(path, operation),
            'schema_name': schema_name,
            'parent_fields': self.parent_fields(path, schema_name),
            'security': operation_security(operation),
        }
        return op

    def parameters(self, raw_params):
        by_key = {}
        for raw in raw_params:
            param = self.resolve(raw)
            by_key[(param['in'], param['name'])] = param
        return sorted(by_key.values(), key=lambda p: (p['in'], p['name']))

    def query_param(self, param):
        return {
            'name': param['name'],
            'required': bool(param.get('required', False)),
            'schema': self.convert(param.get('schema', {})),
            'style': param.get('style', 'form'),
        }

    def request_body(self, operation):
        if 'requestBody' not in operation:
            return None
        body = self.resolve(operation['requestBody'])
        content_type, media = pick_media(body.get('content', {}))
        return {
            'content_type': content_type,
            'required': bool(body.get('required', False)),
            'schema': self.convert(media.get('schema', {}), request=True) if media is not None else None,
        }

    def success_response(self, operation):
        codes = sorted(code for code in operation.get('responses', {}) if str(code).startswith('2'))
        if not codes:
            return None, None
        response = self.resolve(operation['responses'][codes[0]])
        content_type, media = pick_media(response.get('content', {}))
        if media is None:
            return int(codes[0]), None
        return int(codes[0]), {'content_type': content_type, 'schema': self.convert(media.get('schema', {}))}

    def error_style(self, path, operation):
        """Which error body family the operation uses, from its declared 401 body."""
        unauthorized = operation.get('responses', {}).get('401')
        if unauthorized is not None:
            content = self.resolve(unauthorized).get('content', {})
            for content_type, media in sorted(content.items()):
                ref = media.get('schema', {}).get('$ref', '')
                if content_type == 'application/problem+json':
                    return 'platform'
                if ref.endswith('/GatewayUnauthorizedError'):
                    return 'kong'
                if '/KonnectCPLegacy' in ref:
                    return 'legacy'
        return 'kong' if '/core-entities/' in path else 'platform'

    def entity_schema_name(self, operation):
        """Component name of the entity an operation returns (list item or single object)."""
        codes = sorted(code for code in operation.get('responses', {}) if str(code).startswith('2'))
        for code in codes:
            _ct, media = pick_media(self.resolve(operation['responses'][code]).get('content', {}))
            if media is None:
                continue
            name = component_name(media.get('schema', {}))
            if name:
                return name
            data = media.get('schema', {}).get('properties', {}).get('data', {})
            name = component_name(data.get('items', {})) if data.get('type') == 'array' else component_name(data)
            if name:
                return name
        return None

    def parent_fields(self, path, name):
        """Map parent path params of nested entity paths to the foreign-key field of the child."""
        foreign = self.foreign_fields_of(name) if name else []
        segments = path.strip('/').split('/')
        result = {}
        for index in range(1, len(segments) - 1):
            param = path_param_name(segments[index])
            if not param or not foreign:
                continue
            parent_kind = self.collection_kind('/' + '/'.join(segments[:index]))
            field = match_foreign_field(segments[index - 1], parent_kind, foreign)
            if field:
                result[param] = field
        return result

    def collection_kind(self, path):
        """Entity schema name listed by the collection at ``path`` (None if not a collection)."""
        collection = self.document.get('paths', {}).get(path, {})
        return self.entity_schema_name(collection['get']) if 'get' in collection else None

    def foreign_fields_of(self, name):
        schema = self.raw_schema({'$ref': COMPONENT_SCHEMA_PREFIX + name})
        fields = set()
        for branch in [schema] + [self.raw_schema(s) for s in schema.get('oneOf', []) + schema.get('anyOf', []) + schema.get('allOf', [])]:
            for prop, sub in branch.get('properties', {}).items():
                if isinstance(sub, dict) and sub.get('x-foreign'):
                    fields.add(prop)
        return sorted(fields)

    def foreign_fields(self):
        result = {}
        for name in sorted(self.raw_schemas):
            fields = self.foreign_fields_of(name)
            if fields:
                result[name] = fields
        return result

    def derive(self):
        operations = self.operations()
        foreign = self.foreign_fields()
        self.flush_defs()
        return {
            'spec': self.name,
            'openapi': self.document.get('openapi'),
            'host_family': self.host_family,
            'base_path': self.base_path,
            'operations': operations,
            'foreign_fields': foreign,
            '$defs': self.defs,
        }


def operation_security(operation):
    """Scheme names an operation itself accepts (any one suffices), or None when it declares no security.

    Only operation-level requirements are kept: the document-level ones of these specs are boilerplate
    (control-planes-config-v2 would refuse system-account tokens on every core entity).
    """
    requirements = operation.get('security')
    if requirements is None:
        return None
    return sorted(set(name for requirement in requirements for name in requirement))


def iter_subschemas(schema):
    for key, value in schema.items():
        if key in SCHEMA_MAP_KEYWORDS and isinstance(value, dict):
            yield from value.values()
        elif key in SCHEMA_KEYWORDS and isinstance(value, dict):
            yield value
        elif key in SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            yield from value


def make_nullable(schema):
    schema = dict(schema)
    schema_type = schema.get('type')
    if isinstance(schema_type, str):
        schema['type'] = [schema_type, 'null']
    elif isinstance(schema_type, list):
        if 'null' not in schema_type:
            schema['type'] = schema_type + ['null']
    else:
        return {'anyOf': [schema, {'type': 'null'}]}
    if 'enum' in schema and None not in schema['enum']:
        schema['enum'] = schema['enum'] + [None]
    return schema


def fix_exclusive_bounds(schema):
    """OpenAPI 3.0 boolean exclusiveMinimum/Maximum -> JSON Schema numeric form."""
    for bound, limit in (('exclusiveMinimum', 'minimum'), ('exclusiveMaximum', 'maximum')):
        if schema.get(bound) is True and limit in schema:
            schema[bound] = schema.pop(limit)
        elif schema.get(bound) is False:
            del schema[bound]


def is_prose_enum(values):
    return any(isinstance(v, str) and len(v.split()) > MAX_ENUM_WORDS for v in values)


def pick_media(content):
    for content_type in sorted(content, key=lambda ct: (not ct.endswith('json'), ct)):
        return content_type, content[content_type]
    return None, None


def component_name(schema):
    ref = schema.get('$ref', '') if isinstance(schema, dict) else ''
    return ref[len(COMPONENT_SCHEMA_PREFIX):] if ref.startswith(COMPONENT_SCHEMA_PREFIX) else None


def path_param_name(segment):
    match = re.match(r'^\{(.+)\}$', segment)
    return match.group(1) if match else None


def match_foreign_field(collection_segment, parent_kind, foreign):
    """The child's foreign field pointing at its parent collection (services -> service, key-sets -> set)."""
    singular = collection_segment.replace('-', '_')
    singular = singular[:-1] if singular.endswith('s') else singular
    if singular in foreign:
        return singular
    if parent_kind:
        matches = [field for field in foreign if parent_kind.lower().endswith(field.replace('_', ''))]
        if len(matches) == 1:
            return matches[0]
    return None


def server_base_path(document):
    url = document['servers'][0]['url']
    match = re.match(r'^[a-z]+://[^/]+(/.*)?$', url)
    return (match.group(1) or '').rstrip('/') if match else ''


def derive_all(spec_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for name, host_family in sorted(SPECS.items()):
        with open(os.path.join(spec_dir, name + '.yaml'), encoding='utf-8') as handle:
            document = yaml.safe_load(handle)
        facts = SpecConverter(name, document, host_family).derive()
        target = os.path.join(out_dir, name + '.json')
        with open(target, 'w', encoding='utf-8', newline='\n') as handle:
            json.dump(facts, handle, indent=1, sort_keys=True, ensure_ascii=True)
            handle.write('\n')
        written.append((target, len(facts['operations'])))
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description='Derive emulator facts from the Konnect OpenAPI specs.')
    parser.add_argument('--spec-dir', default=DEFAULT_SPEC_DIR, help='directory holding the per-api/*.yaml specs')
    parser.add_argument('--out-dir', default=DEFAULT_OUT_DIR, help='where to write the derived JSON files')
    args = parser.parse_args(argv)
    for target, count in derive_all(args.spec_dir, args.out_dir):
        sys.stdout.write('%s: %d operations\n' % (os.path.relpath(target), count))
    return 0


if __name__ == '__main__':
    sys.exit(main())
