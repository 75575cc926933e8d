# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Error bodies in Konnect's three families and the mapping from jsonschema errors to them.

- ``platform``: ``application/problem+json`` with status/title/type/instance/detail (+ invalid_parameters on 400).
- ``kong``: core entities (Kong Admin API in Konnect), gRPC-gateway style ``{code, message, details}``.
- ``legacy``: older control-plane endpoints, ``{"message": ...}``.
"""

import random
import re

PROBLEM_JSON = 'application/problem+json'
JSON = 'application/json'
JSON_UTF8 = 'application/json; charset=utf-8'
# The limit Konnect announced in the live 429 (notes §2.4).
RATE_LIMIT_PER_MINUTE = 3000
KONG_DETAIL_TYPE = 'type.googleapis.com/kong.admin.model.v1.ErrorDetail'

TITLES = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
    409: 'Conflict', 415: 'Unsupported Media Type', 429: 'Rate Limited', 500: 'Internal Server Error',
    502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
}
# gRPC status codes used by the Kong-style bodies.
GRPC_CODES = {400: 3, 401: 16, 403: 7, 404: 5, 409: 6, 429: 8, 500: 13, 503: 14}
TYPE_RULES = {'string': 'is_string', 'integer': 'is_integer', 'number': 'is_number', 'boolean': 'is_boolean',
              'array': 'is_array', 'object': 'is_object', 'null': 'is_null'}
TYPE_WORDS = {'string': 'a string', 'integer': 'an integer', 'number': 'a number', 'boolean': 'a boolean',
              'array': 'an array', 'object': 'an object', 'null': 'null'}


class Response:
    """What the emulator answers: status, JSON body (or None), content type and extra headers."""

    def __init__(self, status, body=None, content_type=JSON, headers=None, after_send=None):
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers or {}
        self.after_send = after_send


class Issue:
    """One invalid field, rendered as an ``invalid_parameters`` item or a Kong error detail."""

    def __init__(self, field, rule, reason, source='body', **extra):
        self.field = field
        self.rule = rule
        self.reason = reason
        self.source = source
        self.extra = extra

    def as_invalid_parameter(self):
        item = {'field': self.field, 'rule': self.rule, 'reason': self.reason, 'source': self.source}
        item.update(self.extra)
        return item

    def as_kong_detail(self):
        return {'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_FIELD', 'field': self.field, 'messages': [self.reason]}


class ApiError(Exception):
    """An error answer; ``render`` picks the body family of the operation."""

    def __init__(self, status, detail, issues=None, kong_body=None, headers=None, title=None, style=None):
        super(ApiError, self).__init__(detail)
        self.status = status
        self.detail = detail
        self.issues = issues or []
        self.kong_body = kong_body
        self.headers = headers or {}
        self.title = title
        # Body family forced by the caller (e.g. node endpoints answer {"message"} though the spec declares no error).
        self.style = style

    def render(self, style):
        style = self.style or style
        if style == 'kong':
            return Response(self.status, self.kong_body or self.default_kong_body(), JSON, self.headers)
        if style == 'legacy':
            return Response(self.status, {'message': self.detail}, JSON, self.headers)
        return problem(self.status, self.detail, self.issues, self.headers, self.title)

    def default_kong_body(self):
        if self.status == 401:
            return {'message': 'Unauthorized', 'status': 401}
        body = {'code': GRPC_CODES.get(self.status, 2), 'message': self.detail}
        if self.issues:
            body['details'] = [issue.as_kong_detail() for issue in self.issues]
        return body


def trace_instance():
    return 'konnect:trace:%d' % random.randint(10 ** 18, 10 ** 19 - 1)


def problem(status, detail, issues=None, headers=None, title=None):
    body = {
        'status': status,
        'title': title or TITLES.get(status, 'Error'),
        'type': 'https://httpstatuses.com/%d' % status,
        'instance': trace_instance(),
        'detail': detail,
    }
    if status == 400:
        body['invalid_parameters'] = [issue.as_invalid_parameter() for issue in issues or []]
    return Response(status, body, PROBLEM_JSON, headers)


def validation_error(issues, detail='Invalid parameters'):
    """400 for schema violations: problem+json with invalid_parameters, or Kong's 'validation error'."""
    kong_body = {'code': 3, 'message': 'validation error', 'details': [issue.as_kong_detail() for issue in issues]}
    return ApiError(400, detail, issues=issues, kong_body=kong_body)


def unique_violation(field):
    """A unique value is taken: Konnect's 400 ``data constraint error`` whose ``ERROR_TYPE_REFERENCE`` detail names the
    field (notes §1.1: kong-operator ``ops_errors.go`` SDKErrorIsConflict, kong-operator#1176), not Gateway's 409."""
    detail = {'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_REFERENCE', 'field': field,
              'messages': ['%s (type: unique) constraint failed' % field]}
    return ApiError(400, 'data constraint error', kong_body={'code': 3, 'message': 'data constraint error', 'details': [detail]})


def rate_limited(retry_after):
    """Konnect's 429 as captured live (notes §2.4, kong-operator#2856): Kong's rate-limiting answer, a plain
    ``{"message"}`` body (not problem+json) with ``retry-after`` and the ``ratelimit-*`` headers, on every API."""
    seconds = str(int(retry_after)) if float(retry_after) == int(retry_after) else str(retry_after)
    headers = {
        'Retry-After': seconds,
        'RateLimit-Limit': str(RATE_LIMIT_PER_MINUTE), 'RateLimit-Remaining': '0', 'RateLimit-Reset': seconds,
        'X-RateLimit-Limit-Minute': str(RATE_LIMIT_PER_MINUTE), 'X-RateLimit-Remaining-Minute': '0',
    }
    return Response(429, {'message': 'API rate limit exceeded'}, JSON_UTF8, headers)


def index_violation(index_name, value):
    """A multi-field unique index (Kong's cache key) already holds ``value``: Konnect's data constraint error
    names the index, with the joined field values, as a reference error without a field."""
    message = "%s (type: unique) constraint failed for value '%s': " % (index_name, value)
    detail = {'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_REFERENCE', 'messages': [message]}
    return ApiError(400, 'data constraint error', kong_body={'code': 3, 'message': 'data constraint error', 'details': [detail]})


def entity_error(messages):
    """400 for a rule about the entity as a whole (Kong's entity checks): a Kong ``ERROR_TYPE_ENTITY`` detail."""
    detail = {'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_ENTITY', 'messages': list(messages)}
    issues = [Issue('@entity', 'invalid', message) for message in messages]
    return ApiError(400, 'validation error', issues=issues, kong_body={'code': 3, 'message': 'validation error', 'details': [detail]})


def reference_missing(field, referenced_id):
    detail = {'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_REFERENCE', 'field': field,
              'messages': ['failed to find the referenced entity (id: %s)' % referenced_id]}
    return ApiError(400, 'data constraint error', kong_body={'code': 3, 'message': 'data constraint error', 'details': [detail]})


def referenced_by(child_collection, parent_collection, field):
    message = "an existing '%s' entity references this '%s' entity" % (child_collection, parent_collection)
    kong_body = {
        'code': 3,
        'message': message,
        'name': 'foreign key violation',
        'fields': {'@referenced_by': child_collection},
        'details': [{'@type': KONG_DETAIL_TYPE, 'type': 'ERROR_TYPE_REFERENCE', 'field': field, 'messages': [message]}],
    }
    return ApiError(400, message, kong_body=kong_body)


def not_found(detail='The requested resource was not found.'):
    return ApiError(404, detail, kong_body={'code': 5, 'message': 'not found', 'details': []})


# ---- jsonschema errors -> issues ---------------------------------------------


def schema_issues(validator, instance, source='body', prefix=''):
    issues = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path]):
        issues.extend(issues_for(error, source, prefix))
    return issues


def issues_for(error, source, prefix):
    if error.validator in ('anyOf', 'oneOf') and error.context:
        return best_branch_issues(error, source, prefix)
    field = field_name(prefix, error.absolute_path)
    translate = TRANSLATORS.get(error.validator, generic_issue)
    return translate(error, field, source)


def best_branch_issues(error, source, prefix):
    """For a failed anyOf, report the branch that came closest (fewest errors), ignoring bare null branches."""
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    candidates = [errs for errs in branches.values() if not (len(errs) == 1 and errs[0].validator_value == 'null')]
    best = min(candidates or list(branches.values()), key=len)
    issues = []
    for sub in best:
        issues.extend(issues_for(sub, source, prefix))
    return issues


def field_name(prefix, path):
    text = prefix
    for part in path:
        if isinstance(part, int):
            text += '[%d]' % part
        else:
            text = '%s.%s' % (text, part) if text else str(part)
    return text


def join_field(base, name):
    return '%s.%s' % (base, name) if base else name


def required_issues(error, field, source):
    instance = error.instance if isinstance(error.instance, dict) else {}
    return [Issue(join_field(field, name), 'required', 'required field missing', source)
            for name in error.validator_value if name not in instance]


def unknown_property_issues(error, field, source):
    known = set(error.schema.get('properties', {}))
    patterns = list(error.schema.get('patternProperties', {}))
    extras = [name for name in error.instance if name not in known and not any(re.search(p, name) for p in patterns)]
    return [Issue(join_field(field, name), 'unknown_property', 'unknown field', source) for name in sorted(extras)]


def enum_issue(error, field, source):
    choices = [choice for choice in error.validator_value if choice is not None]
    reason = 'must be one of: %s' % ', '.join(str(choice) for choice in choices)
    return [Issue(field, 'enum', reason, source, choices=choices)]


def type_issue(error, field, source):
    expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    expected = [name for name in expected if name != 'null'] or expected
    return [Issue(field, TYPE_RULES.get(expected[0], 'type'), 'expected %s' % TYPE_WORDS.get(expected[0], expected[0]), source)]


def length_issue(error, field, source):
    if error.validator == 'minLength':
        return [Issue(field, 'min_length', 'length must be at least %d' % error.validator_value, source, minimum=error.validator_value)]
    return [Issue(field, 'max_length', 'length must not exceed %d' % error.validator_value, source, maximum=error.validator_value)]


def pattern_issue(error, field, source):
    if 'labels' in [str(part) for part in error.absolute_path]:
        return [Issue(field, 'is_label', 'must be a valid label value', source)]
    return [Issue(field, 'matches_regex', 'must match the pattern %s' % error.validator_value, source)]


def format_issue(error, field, source):
    if error.validator_value == 'uuid':
        return [Issue(field, 'is_uuid', 'must be a valid UUID', source)]
    if error.validator_value == 'date-time':
        return [Issue(field, 'is_date_time', 'must be a valid RFC 3339 date-time', source)]
    if error.validator_value == 'email':
        return [Issue(field, 'invalid', 'must be a valid email address', source)]
    if error.validator_value == 'uri':
        return [Issue(field, 'invalid', 'must be an absolute URI', source)]
    return generic_issue(error, field, source)


def bound_issue(error, field, source):
    words = {'minimum': 'at least', 'maximum': 'at most', 'exclusiveMinimum': 'greater than', 'exclusiveMaximum': 'less than'}
    return [Issue(field, 'invalid', 'value must be %s %s' % (words[error.validator], error.validator_value), source)]


def generic_issue(error, field, source):
    return [Issue(field, 'invalid', error.message, source)]


TRANSLATORS = {
    'required': required_issues,
    'additionalProperties': unknown_property_issues,
    'enum': enum_issue,
    'const': generic_issue,
    'type': type_issue,
    'minLength': length_issue,
    'maxLength': length_issue,
    'pattern': pattern_issue,
    'format': format_issue,
    'minimum': bound_issue,
    'maximum': bound_issue,
    'exclusiveMinimum': bound_issue,
    'exclusiveMaximum': bound_issue,
}
