# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The route table built from the derived spec facts."""

import glob
import json
import os
import re
from urllib.parse import unquote

from .schemas import SchemaSet

DERIVED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'derived')
PARAM = re.compile(r'^\{(.+)\}$')


def normalize(template):
    return re.sub(r'\{[^}]+\}', '{}', template)


class Operation:
    """One derived operation (method + path) and the schemas it uses."""

    def __init__(self, raw, schemas):
        self.raw = raw
        self.schemas = schemas
        self.method = raw['method']
        self.path = raw['path']
        self.query_params = {param['name']: param for param in raw['query_params']}
        self.request = raw['request']
        self.response = raw['response']
        self.success_status = raw['success_status'] or 200
        self.error_statuses = raw['error_statuses']
        self.error_style = raw['error_style']
        self.parent_fields = raw['parent_fields']
        self.path_params = raw['path_params']
        # Schemes the operation itself accepts (None: no operation-level requirement).
        self.security = raw.get('security')

    @property
    def request_schema(self):
        return (self.request or {}).get('schema')

    @property
    def response_schema(self):
        return (self.response or {}).get('schema')

    def item_schema(self):
        """The schema of one entity in this operation's response (list item or the object itself)."""
        schema = self.response_schema
        if schema is None:
            return None
        if self.returns_bare_list():
            return self.schemas.resolve(schema).get('items')
        key = self.list_key()
        if key:
            return self.schemas.property_schema(schema, key).get('items')
        return schema

    def returns_bare_list(self):
        return self.response_schema is not None and self.schemas.resolve(self.response_schema).get('type') == 'array'

    def list_key(self):
        schema = self.response_schema
        if schema is None:
            return None
        for key in ('data', 'items'):
            if self.schemas.property_schema(schema, key).get('type') == 'array':
                return key
        return None

    def pagination_style(self):
        names = set(self.query_params)
        if 'page[number]' in names:
            return 'page'
        if 'page[after]' in names:
            return 'cursor'
        if 'offset' in names:
            return 'offset'
        return None


class Route:
    """All operations of one path template, plus what the emulator infers about the path."""

    def __init__(self, template, family, schemas):
        self.template = template
        self.family = family
        self.schemas = schemas
        self.ops = {}
        self.segments = template.strip('/').split('/')
        self.params = [PARAM.match(s).group(1) for s in self.segments if PARAM.match(s)]
        self.regex = re.compile('^/' + '/'.join('([^/]+)' if PARAM.match(s) else re.escape(s) for s in self.segments) + '$')
        self.kind = 'singleton'
        self.collection = None
        self.store_key = normalize(template)
        self.parent_fields = {}

    @property
    def core(self):
        """Kong Admin API entities (core entities); the custom plugin schemas live there too but are not
        (their item operations answer the legacy ``{"message"}`` errors, their list problem+json)."""
        return '/core-entities/' in self.template and not any(op.error_style == 'legacy' for op in self.ops.values())

    @property
    def error_style(self):
        styles = sorted(set(op.error_style for op in self.ops.values()))
        return styles[0] if len(styles) == 1 else ('kong' if 'kong' in styles else styles[0])

    @property
    def item_param(self):
        return self.params[-1] if self.kind == 'item' else None

    @property
    def specificity(self):
        return tuple(1 if PARAM.match(s) else 0 for s in self.segments)

    def entity_op(self):
        """The operation that best describes the entity of this collection."""
        for method in ('GET', 'POST', 'PUT', 'PATCH'):
            if method in self.ops and self.ops[method].raw['schema_name']:
                return self.ops[method]
        return None

    def entity_name(self):
        op = self.entity_op()
        return op.raw['schema_name'] if op else None

    def item_schema(self):
        for method in ('GET', 'POST', 'PUT', 'PATCH'):
            if method in self.ops:
                schema = self.ops[method].item_schema()
                if schema is not None:
                    return schema
        return None


class Api:
    """Every route of the derived specs, matchable by path."""

    def __init__(self, derived_dir=DERIVED_DIR):
        self.routes = {}
        for filename in sorted(glob.glob(os.path.join(derived_dir, '*.json'))):
            with open(filename, encoding='utf-8') as handle:
                self.add_spec(json.load(handle))
        if not self.routes:
            raise RuntimeError('no derived spec facts found in %s' % derived_dir)
        self.classify()

    def add_spec(self, facts):
        schemas = SchemaSet(facts['$defs'])
        for raw in facts['operations']:
            route = self.routes.get(raw['path'])
            if route is None:
                route = self.routes[raw['path']] = Route(raw['path'], facts['host_family'], schemas)
            route.ops[raw['method']] = Operation(raw, schemas)

    def classify(self):
        by_normalized = {normalize(t): r for t, r in self.routes.items()}
        for route in self.routes.values():
            parent = by_normalized.get(normalize('/'.join(route.template.split('/')[:-1])))
            if PARAM.match(route.segments[-1]) and parent is not None:
                route.kind = 'item'
                route.collection = parent
                parent.kind = 'collection'
        for route in self.routes.values():
            if route.kind == 'singleton' and 'GET' in route.ops and (route.ops['GET'].list_key() or route.ops['GET'].returns_bare_list()):
                route.kind = 'collection'
        for route in self.routes.values():
            if route.kind == 'collection':
                self.assign_store_key(route)
        for route in self.routes.values():
            if route.kind == 'item':
                route.store_key = route.collection.store_key
                route.parent_fields = merged_parent_fields(route)

    @staticmethod
    def assign_store_key(route):
        route.parent_fields = merged_parent_fields(route)
        scope_params = [p for p in route.params[1:] if p not in route.parent_fields]
        name = route.entity_name()
        if route.core and name and not scope_params:
            route.store_key = name

    def match(self, path):
        """(route, raw path params) for a request path, literal segments winning over parameters."""
        best = None
        for route in self.routes.values():
            found = route.regex.match(path)
            if found and (best is None or route.specificity < best[0].specificity):
                best = (route, found.groups())
        if best is None:
            return None, {}
        route, values = best
        return route, dict(zip(route.params, (unquote(value) for value in values)))

    def collection_for_prefix(self, template_prefix):
        """The collection route whose template equals a prefix of another template (params ignored)."""
        wanted = normalize(template_prefix)
        for route in self.routes.values():
            if route.kind == 'collection' and normalize(route.template) == wanted:
                return route
        return None


def merged_parent_fields(route):
    fields = {}
    for op in route.ops.values():
        fields.update(op.parent_fields)
    return fields
