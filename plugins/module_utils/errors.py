# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Errors the client and the engine raise; the module wrapper turns them into a failed task."""

from __future__ import annotations

HIDDEN = '********'

_VERBS = {'GET': 'read', 'POST': 'create', 'PUT': 'write', 'PATCH': 'update', 'DELETE': 'delete'}


class KonnectError(Exception):
    """Base class: ``msg`` is what the user reads, ``details`` goes into the task result."""

    def __init__(self, msg, **details):
        super(KonnectError, self).__init__(msg)
        self.msg = msg
        self.details = details


class KonnectParameterError(KonnectError):
    """Bad input, detected before anything was sent."""


class KonnectConnectionError(KonnectError):
    """Konnect could not be reached, even after retries."""


class AmbiguousWriteError(KonnectError):
    """A non-idempotent request got no clear answer: it may or may not have been applied."""


class KonnectApiError(KonnectError):
    """Konnect answered with an error status."""

    def __init__(self, status, method, path, body, what=None, secrets=(), verb=None):
        self.status = status
        self.method = method
        self.path = path
        self.body = body
        text = describe_api_error(status, method, path, body, what, verb)
        for secret in secrets:
            if secret:
                text = text.replace(secret, HIDDEN)
        details = {'status': status, 'method': method, 'path': path}
        trace = trace_id(body)
        if trace:
            details['trace_id'] = trace
        super(KonnectApiError, self).__init__(text, **details)


def trace_id(body):
    if isinstance(body, dict) and isinstance(body.get('instance'), str):
        return body['instance']
    return None


def describe_api_error(status, method, path, body, what=None, verb=None):
    """One readable sentence from a problem+json or a Kong-admin style error body."""
    subject = what or path
    verb = verb or _VERBS.get(method, method.lower())
    reason = error_reason(body)
    if status == 401:
        text = ('Konnect rejected the credentials (401 Unauthorized) for %s %s: the token is missing, invalid or expired. '
                'Check konnect_token (or KONNECT_TOKEN / KONNECT_SPAT).' % (method, path))
    elif status == 403:
        text = ('The token lacks the permission to %s %s (403 Forbidden). Give its user or system account a role that allows it.'
                % (verb, subject))
    elif status == 404:
        text = 'Konnect found no %s (404 Not Found on %s %s).' % (subject, method, path)
    elif status == 409:
        text = 'Konnect refused to %s %s: conflict (409).' % (verb, subject)
    elif status == 429:
        text = 'Konnect kept rate-limiting %s %s (429 Too Many Requests) after all retries.' % (method, path)
    else:
        text = 'Konnect refused to %s %s (%s on %s %s).' % (verb, subject, status, method, path)
    if reason:
        text += ' ' + reason
    trace = trace_id(body)
    if trace:
        text += ' (trace id: %s)' % trace
    return text


def error_reason(body):
    if not isinstance(body, dict):
        return ''
    parts = []
    headline = body.get('detail') or body.get('message') or body.get('title')
    if headline:
        parts.append(str(headline).rstrip('.') + '.')
    parts.extend(_problem_parameters(body.get('invalid_parameters')))
    parts.extend(_kong_fields(body.get('fields')))
    parts.extend(_grpc_details(body.get('details')))
    unique = []
    for part in parts:
        if part not in unique:  # Kong-admin bodies repeat the message in their details
            unique.append(part)
    return ' '.join(unique)


def _problem_parameters(items):
    for item in items or []:
        if isinstance(item, dict):
            yield '%s: %s.' % (item.get('field', '?'), str(item.get('reason') or item.get('rule') or 'invalid').rstrip('.'))


def _kong_fields(fields):
    if not isinstance(fields, dict):
        return
    for field, problem in sorted(fields.items()):
        if field.startswith('@'):
            yield 'Still referenced by %s.' % (problem,) if field == '@referenced_by' else '%s: %s.' % (field, problem)
        else:
            yield '%s: %s.' % (field, problem)


def _grpc_details(details):
    for item in details or []:
        if not isinstance(item, dict):
            continue
        messages = item.get('messages') or []
        field = item.get('field')
        for message in messages:
            yield ('%s: %s.' % (field, message) if field and not str(message).startswith(field) else '%s.' % message)
