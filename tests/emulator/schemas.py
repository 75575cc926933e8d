# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""JSON Schema helpers over one derived spec's ``$defs``: validation, defaults, writeOnly stripping."""

import copy
import datetime
import functools
import re
import uuid

import jsonschema
from jsonschema.exceptions import ValidationError

FORMAT_CHECKER = jsonschema.FormatChecker(formats=())
RFC3339 = re.compile(r'^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$')


@FORMAT_CHECKER.checks('uuid', raises=ValueError)
def _is_uuid(value):
    if isinstance(value, str):
        uuid.UUID(value)
    return True


@FORMAT_CHECKER.checks('date-time')
def _is_date_time(value):
    return not isinstance(value, str) or bool(RFC3339.match(value))


@FORMAT_CHECKER.checks('email')
def _is_email(value):
    return not isinstance(value, str) or bool(re.match(r'^[^@\s]+@[^@\s]+\.[^@\s]+$', value))


@FORMAT_CHECKER.checks('uri')
def _is_uri(value):
    return not isinstance(value, str) or bool(re.match(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$', value))


UNICODE_CLASS = re.compile(r'\[((?:[^\]\\]|\\.)*?\\p\{[LN]\}(?:[^\]\\]|\\.)*)\]')
UNICODE_PROPERTIES = {('L',): r'[^\W\d_]', ('N',): r'\d', ('L', 'N'): r'[^\W_]'}


@functools.lru_cache(maxsize=None)
def python_regex(pattern):
    """Compile an ECMA-262 pattern with Python's re: \\p{L}/\\p{N} classes are rewritten, unsupported ones match all."""
    try:
        return re.compile(UNICODE_CLASS.sub(rewrite_unicode_class, pattern))
    except re.error:
        return re.compile('')


def rewrite_unicode_class(match):
    content = match.group(1)
    properties = tuple(sorted(set(re.findall(r'\\p\{([LN])\}', content))))
    rest = re.sub(r'\\p\{[LN]\}', '', content)
    unicode_part = UNICODE_PROPERTIES[properties]
    return '(?:%s|[%s])' % (unicode_part, rest) if rest else unicode_part


def _pattern(validator, pattern, instance, _schema):
    if validator.is_type(instance, 'string') and not python_regex(pattern).search(instance):
        yield ValidationError('%r does not match %r' % (instance, pattern))


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {'pattern': _pattern})

EMPTY_BY_TYPE = {'string': '', 'object': {}, 'array': [], 'integer': 0, 'number': 0, 'boolean': False}


class SchemaSet:
    """Schemas of one spec file, sharing its ``$defs``."""

    def __init__(self, defs):
        self.defs = defs
        self._validators = {}

    def resolve(self, schema):
        while isinstance(schema, dict) and '$ref' in schema:
            schema = self.defs[schema['$ref'].rsplit('/', 1)[-1]]
        return schema if isinstance(schema, dict) else {}

    def validator(self, schema):
        key = id(schema)
        if key not in self._validators:
            root = dict(schema, **{'$defs': self.defs})
            self._validators[key] = (schema, Validator(root, format_checker=FORMAT_CHECKER))
        return self._validators[key][1]

    def is_valid(self, value, schema):
        return self.validator(schema).is_valid(value)

    def branch_for(self, value, schema):
        """The first anyOf/oneOf branch accepting ``value`` (the schema itself when there is no choice)."""
        schema = self.resolve(schema)
        branches = schema.get('anyOf') or schema.get('oneOf')
        if not branches:
            return schema
        for branch in branches:
            if self.resolve(branch).get('type') != 'null' and self.is_valid(value, branch):
                return self.branch_for(value, branch)
        return self.branch_for(value, branches[0])

    def object_view(self, value, schema):
        """Properties and required names that apply to ``value`` (allOf merged, matching branch picked)."""
        schema = self.branch_for(value, schema)
        properties = dict(schema.get('properties', {}))
        required = list(schema.get('required', []))
        for part in schema.get('allOf', []):
            sub_props, sub_required = self.object_view(value, part)
            properties.update(sub_props)
            required.extend(sub_required)
        return properties, required

    def property_schema(self, schema, name):
        """Schema of property ``name`` (first declaration found), resolved."""
        properties, _required = self.object_view({}, schema)
        return self.resolve(properties.get(name, {}))

    def apply_defaults(self, value, schema):
        """Fill missing properties that declare a default, recursively, in place."""
        if isinstance(value, list):
            items = self.branch_for(value, schema).get('items')
            for item in value if isinstance(items, dict) else ():
                self.apply_defaults(item, items)
            return value
        if not isinstance(value, dict):
            return value
        properties, _required = self.object_view(value, schema)
        for name, sub in properties.items():
            sub_resolved = self.resolve(sub)
            if name not in value and 'default' in sub_resolved:
                value[name] = copy.deepcopy(sub_resolved['default'])
            if name in value:
                self.apply_defaults(value[name], sub)
        return value

    def complete_required(self, value, schema):
        """Give every required top-level property a value (null when nullable, else an empty one)."""
        properties, required = self.object_view(value, schema)
        for name in required:
            if name not in value:
                value[name] = self.empty_value(properties.get(name, {}))
        return value

    def empty_value(self, schema):
        schema = self.resolve(schema)
        if 'default' in schema:
            return copy.deepcopy(schema['default'])
        types = schema_types(schema)
        if 'null' in types or any(self.resolve(b).get('type') == 'null' for b in schema.get('anyOf', [])):
            return None
        for name in types:
            if name in EMPTY_BY_TYPE:
                return copy.deepcopy(EMPTY_BY_TYPE[name])
        return None

    def strip_write_only(self, value, schema):
        """A copy of ``value`` without the properties the schema marks writeOnly."""
        if isinstance(value, list):
            items = self.branch_for(value, schema).get('items')
            return [self.strip_write_only(item, items) if isinstance(items, dict) else item for item in value]
        if not isinstance(value, dict):
            return value
        properties, _required = self.object_view(value, schema)
        result = {}
        for name, item in value.items():
            sub = properties.get(name)
            if sub is not None and self.resolve(sub).get('writeOnly'):
                continue
            result[name] = self.strip_write_only(item, sub) if sub is not None else item
        return result

    def declares(self, schema, name):
        properties, _required = self.object_view({}, schema)
        return name in properties

    def timestamp_value(self, schema, name, now):
        """A timestamp for property ``name`` typed as the schema says (RFC3339, epoch int or float)."""
        types = schema_types(self.property_schema(schema, name))
        if 'integer' in types:
            return int(now)
        if 'number' in types:
            return round(now, 3)
        return rfc3339(now)

    def allows_null_values(self, schema):
        """True for map schemas whose values may be null (e.g. labels in update requests)."""
        schema = self.branch_for({}, schema)
        extra = schema.get('additionalProperties')
        return isinstance(extra, dict) and 'null' in schema_types(self.resolve(extra))


def schema_types(schema):
    declared = schema.get('type')
    if isinstance(declared, list):
        return declared
    return [declared] if declared else []


def rfc3339(now):
    moment = datetime.datetime.fromtimestamp(now, tz=datetime.timezone.utc)
    return moment.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (moment.microsecond // 1000)


def coerce_query_value(value, schema, schemas):
    """Convert a query-string value to the type its schema declares (best effort)."""
    schema = schemas.resolve(schema)
    for branch in schema.get('anyOf', []):
        converted = coerce_query_value(value, branch, schemas)
        if schemas.is_valid(converted, branch):
            return converted
    if isinstance(value, dict):
        properties = schema.get('properties', {})
        extra = schema.get('additionalProperties')
        return {key: coerce_query_value(item, properties.get(key, extra if isinstance(extra, dict) else {}), schemas)
                for key, item in value.items()}
    types = schema_types(schema)
    if 'boolean' in types and value in ('true', 'false'):
        return value == 'true'
    if 'integer' in types and re.match(r'^-?\d+$', value):
        return int(value)
    if 'number' in types:
        try:
            return float(value)
        except ValueError:
            return value
    return value
