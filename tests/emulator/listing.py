# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""List queries: query-parameter validation, filters, tags/labels, sorting and the three pagination styles."""

import base64
import binascii
import re

from urllib.parse import urlencode

from .errors import Issue, validation_error, schema_issues
from .facts import OFFSET_SIZE_DEFAULT, PAGE_SIZE_DEFAULT
from .schemas import coerce_query_value

DEEP_KEY = re.compile(r'^([^\[\]]+)((?:\[[^\[\]]*\])+)$')
FILTER_OPERATORS = ('eq', 'neq', 'oeq', 'contains', 'ocontains', 'lt', 'lte', 'gt', 'gte', 'exists')


class ListQuery:
    """A validated list request."""

    def __init__(self, conditions, tags=None, labels=None, sort=None):
        self.conditions = conditions
        self.tags = tags
        self.labels = labels
        self.sort = sort


def first(query, name):
    values = query.get(name)
    return values[0] if values else None


def parse_list_query(op, query, field_paths):
    """Validate the known query params of a list operation and turn filters into conditions."""
    issues = []
    for name, param in op.query_params.items():
        if param['style'] == 'deepObject' or name not in query or name.startswith('filter['):
            continue
        value = coerce_query_value(first(query, name), param['schema'], op.schemas)
        issues.extend(schema_issues(op.schemas.validator(param['schema']), value, source='query', prefix=name))
        issues.extend(positive_page_issues(name, value))
    conditions, filter_issues = filter_conditions(op, query, field_paths)
    issues.extend(filter_issues)
    if issues:
        raise validation_error(issues, 'Invalid query parameters')
    return ListQuery(conditions, first(query, 'tags') if 'tags' in op.query_params else None,
                     first(query, 'labels') if 'labels' in op.query_params else None,
                     first(query, 'sort') if 'sort' in op.query_params else None)


def positive_page_issues(name, value):
    if name in ('page[size]', 'page[number]') and isinstance(value, int) and value < 1:
        return [Issue(name, 'invalid', 'must be greater than or equal to 1', 'query')]
    return []


def filter_conditions(op, query, field_paths):
    """[(record path, operator, value)] from ``filter[...]`` params; unknown filters are issues."""
    deep_param = op.query_params.get('filter') if op.query_params.get('filter', {}).get('style') == 'deepObject' else None
    conditions, issues, nested = [], [], {}
    for key in sorted(query):
        if not key.startswith('filter['):
            continue
        parts = deep_key_parts(key)
        if key in op.query_params:
            conditions.append(condition(parts[1:], first(query, key), field_paths))
        elif deep_param is not None and parts:
            insert_nested(nested, parts[1:], first(query, key))
        else:
            issues.append(Issue(key, 'unknown_property', 'unknown filter', 'query'))
    if deep_param is not None and nested:
        nested = expand_dotted(nested, op.schemas.resolve(deep_param['schema']))
        issues.extend(deep_filter_issues(op, deep_param['schema'], nested))
        conditions.extend(flatten_nested(nested, field_paths))
    return conditions, issues


def deep_key_parts(key):
    match = DEEP_KEY.match(key)
    if not match:
        return []
    return [match.group(1)] + re.findall(r'\[([^\[\]]*)\]', match.group(2))


def insert_nested(target, parts, value):
    for part in parts[:-1]:
        existing = target.get(part)
        if not isinstance(existing, dict):
            existing = target[part] = {} if existing is None else {'eq': existing}
        target = existing
    if parts:
        target[parts[-1]] = value


def expand_dotted(nested, schema):
    """``filter[labels.env][eq]`` -> ``{'labels': {'env': {'eq': ...}}}`` when ``labels`` is a declared map."""
    properties = schema.get('properties', {})
    result = {}
    for key, value in nested.items():
        head, _dot, rest = key.partition('.')
        if rest and head in properties:
            result.setdefault(head, {})[rest] = value
        else:
            result[key] = value
    return result


def deep_filter_issues(op, schema, nested):
    resolved = op.schemas.resolve(schema)
    declared = resolved.get('properties', {})
    issues = [Issue('filter[%s]' % key, 'unknown_property', 'unknown filter field', 'query')
              for key in sorted(nested) if declared and key not in declared]
    if issues:
        return issues
    value = coerce_query_value(nested, schema, op.schemas)
    issues = schema_issues(op.schemas.validator(schema), value, source='query', prefix='filter')
    for issue in issues:
        head, _dot, rest = issue.field.partition('.')
        issue.field = head + ''.join('[%s]' % part for part in rest.split('.') if part)
    return issues


def condition(path_parts, value, field_paths):
    field = path_parts[0] if path_parts else ''
    operator = path_parts[1] if len(path_parts) > 1 else 'eq'
    return (field_paths.get(field, field), operator, value)


def flatten_nested(nested, field_paths, prefix=''):
    conditions = []
    for key, value in sorted(nested.items()):
        field = prefix + key
        if isinstance(value, dict) and not set(value) <= set(FILTER_OPERATORS):
            conditions.extend(flatten_nested(value, field_paths, field + '.'))
        elif isinstance(value, dict):
            conditions.extend((field_paths.get(field, field), operator, item) for operator, item in sorted(value.items()))
        else:
            conditions.append((field_paths.get(field, field), 'eq', value))
    return conditions


# ---- matching ------------------------------------------------------------


def value_at(record, path):
    value = record
    for part in path.split('.'):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def as_text(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    return '' if value is None else str(value)


def condition_holds(record, path, operator, expected):
    actual = value_at(record, path)
    text, wanted = as_text(actual), as_text(expected)
    choices = wanted.split(',')
    checks = {
        'eq': lambda: text == wanted,
        'neq': lambda: text != wanted,
        'oeq': lambda: text in choices,
        'contains': lambda: wanted in text,
        'ocontains': lambda: any(choice in text for choice in choices),
        'lt': lambda: actual is not None and text < wanted,
        'lte': lambda: actual is not None and text <= wanted,
        'gt': lambda: actual is not None and text > wanted,
        'gte': lambda: actual is not None and text >= wanted,
        'exists': lambda: (actual is not None) == (wanted != 'false'),
    }
    return checks.get(operator, checks['eq'])()


def tags_match(record, expression):
    """Kong tags query: ``a,b`` = all of them, ``a/b`` = any of them."""
    tags = set(record.get('tags') or [])
    if '/' in expression:
        return bool(tags & set(expression.split('/')))
    return set(expression.split(',')) <= tags


def labels_match(record, expression):
    """Control-plane ``labels`` query: ``key:value`` pairs and bare ``key`` existence checks, all required."""
    labels = record.get('labels') or {}
    for term in [t for t in expression.split(',') if t]:
        key, sep, value = term.partition(':')
        if key not in labels or (sep and labels[key] != value):
            return False
    return True


def select(records, list_query):
    selected = []
    for record in records:
        if not all(condition_holds(record, *cond) for cond in list_query.conditions):
            continue
        if list_query.tags and not tags_match(record, list_query.tags):
            continue
        if list_query.labels and not labels_match(record, list_query.labels):
            continue
        selected.append(record)
    return sort_records(selected, list_query.sort)


def sort_records(records, expression):
    if not expression:
        return records
    for term in reversed([t.strip() for t in expression.split(',') if t.strip()]):
        field, _space, direction = term.partition(' ')
        records = sorted(records, key=lambda r, f=field: as_text(value_at(r, f)), reverse=direction.strip().lower() == 'desc')
    return records


# ---- pagination ----------------------------------------------------------


def encode_cursor(index):
    return base64.urlsafe_b64encode(('i%d' % index).encode('ascii')).decode('ascii')


def decode_cursor(cursor, param):
    try:
        text = base64.urlsafe_b64decode(cursor.encode('ascii')).decode('ascii')
        if text.startswith('i') and text[1:].isdigit():
            return int(text[1:])
    except (binascii.Error, UnicodeError, ValueError):
        pass
    raise validation_error([Issue(param, 'invalid', 'invalid cursor', 'query')], 'Invalid query parameters')


def link(path, params):
    return '%s?%s' % (path, urlencode(params, safe='[]'))


def page_number_body(key, records, query):
    size = int(first(query, 'page[size]') or PAGE_SIZE_DEFAULT)
    number = int(first(query, 'page[number]') or 1)
    start = (number - 1) * size
    return {key: records[start:start + size], 'meta': {'page': {'number': number, 'size': size, 'total': len(records)}}}


def cursor_body(op, key, records, query, path):
    size = int(first(query, 'page[size]') or PAGE_SIZE_DEFAULT)
    after = first(query, 'page[after]')
    start = decode_cursor(after, 'page[after]') if after else 0
    end = start + size
    next_link = link(path, [('page[size]', size), ('page[after]', encode_cursor(end))]) if end < len(records) else None
    if key == 'items':
        return {key: records[start:end], 'page': {'total_count': len(records), 'next': next_link}}
    page = {'size': size, 'next': next_link}
    page_schema = cursor_page_schema(op)
    if not page_schema or op.schemas.declares(page_schema, 'previous'):
        page['previous'] = None
    if page_schema and op.schemas.declares(page_schema, 'total') and not after:
        # CursorMetaWithSizeAndTotal: the total is on the first page only
        page['total'] = len(records)
    return {key: records[start:end], 'meta': meta_body(op, page)}


def cursor_page_schema(op):
    meta_schema = op.schemas.property_schema(op.response_schema, 'meta')
    if op.schemas.declares(meta_schema, 'page'):
        return op.schemas.property_schema(meta_schema, 'page')
    return meta_schema


def meta_body(op, page):
    """``{page: ...}`` where the meta schema nests the page (PaginatedMeta, CursorMeta), else the page itself
    (the PAT list's PageMeta, the organization PAT list's CursorMetaPage)."""
    meta_schema = op.schemas.property_schema(op.response_schema, 'meta')
    return {'page': page} if op.schemas.declares(meta_schema, 'page') or not meta_schema else page


def offset_body(key, records, query, path):
    size = int(first(query, 'size') or OFFSET_SIZE_DEFAULT)
    offset = first(query, 'offset')
    start = decode_cursor(offset, 'offset') if offset else 0
    end = start + size
    body = {key: records[start:end], 'next': None}
    if end < len(records):
        body['offset'] = encode_cursor(end)
        params = [('offset', body['offset']), ('size', size)]
        if first(query, 'tags'):
            params.append(('tags', first(query, 'tags')))
        body['next'] = link(path, params)
    return body


def paginate(op, records, query, path):
    if op.returns_bare_list():
        return records
    key = op.list_key() or 'data'
    style = op.pagination_style()
    if style == 'page':
        return page_number_body(key, records, query)
    if style == 'cursor':
        return cursor_body(op, key, records, query, path)
    if style == 'offset':
        return offset_body(key, records, query, path)
    body = {key: records}
    if op.schemas.declares(op.response_schema, 'meta'):
        body['meta'] = meta_body(op, {'number': 1, 'size': len(records), 'total': len(records)})
    return body
