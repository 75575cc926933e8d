# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one implementation of ``state: present|absent`` and of ``_info`` for every entity.

It works on a plain dict of validated parameters and returns a plain dict result. It never
exits or fails a module itself: errors are raised as ``KonnectError`` and turned into a failed
task by whichever wrapper called it (the in-process action plugin or the module's ``main()``).
"""

from __future__ import annotations

import copy
import time

from ansible_collections.konnect.konnect.plugins.module_utils.compare import (
    desired_labels,
    desired_tags,
    get_path,
    matches,
    merge_subset,
    same_set,
    set_path,
)
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, LOOKUP_FILTER, LOOKUP_PATH, TAGS, looks_like_id
from ansible_collections.konnect.konnect.plugins.module_utils.errors import AmbiguousWriteError, KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.client import backoff_seconds

HIDDEN = '********'


class Resolver(object):
    """Finds entities by id or natural key within a scope of already-resolved parent ids."""

    def __init__(self, client, registry):
        self.client = client
        self.registry = registry

    def find(self, entity, scope, identifier=None, key_value=None):
        """The entity as Konnect returns it, or None. Looks up by id when given, else by natural key."""
        if identifier:
            return self.get_by_id(entity, scope, identifier)
        if key_value is None:
            return None
        return self.find_by_key(entity, scope, key_value)

    def get_by_id(self, entity, scope, identifier):
        response = self.client.get(entity.item_path(scope, identifier), what=entity.describe(identifier), expected=(404,))
        return None if response.status == 404 else response.body

    def find_by_key(self, entity, scope, key_value):
        what = entity.describe(key_value)
        if entity.lookup == LOOKUP_PATH:
            response = self.client.get(entity.item_path(scope, key_value), what=what, expected=(404,))
            if response.status == 404:
                return None
            found = [response.body] if get_path(response.body, entity.key) == key_value else []  # the path also matches ids
        else:
            params = {'filter[%s][eq]' % entity.key: key_value} if entity.lookup == LOOKUP_FILTER else None
            found = [item for item in self.client.paginate(entity.collection_path(scope), entity.pagination, params, what=what)
                     if get_path(item, entity.key) == key_value]
        if len(found) > 1:
            raise KonnectError('Found %d %s named %r; give its id instead. Their ids: %s.' % (
                len(found), entity.plural.replace('_', ' '), key_value, ', '.join(str(item.get('id')) for item in found)))
        return found[0] if found else None

    def resolve_id(self, option, entity, scope, value):
        """The id of a parent or referenced entity given by name or id (an id is trusted without a request)."""
        if looks_like_id(value):
            return value
        found = self.find_by_key(entity, scope, value)
        if found is None:
            raise KonnectParameterError('%s: no %s was found.' % (option, entity.describe(value)))
        return found['id']


class EntityEngine(object):
    """Converges one entity to the state the task describes."""

    def __init__(self, entity, params, client, registry, check_mode=False, diff_mode=False, sleep=time.sleep):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.sleep = sleep
        self.scope = {}
        self.unverified_parents = []

    # -- entry point -----------------------------------------------------------------------------

    def run(self):
        state = self.params.get('state', 'present')
        try:
            self.scope = self.resolve_parents()
        except KonnectParameterError:
            if state == 'absent':
                return self.result(False, None, None)
            raise
        current = self.resolver.find(self.entity, self.scope, self.params.get('id'), self.params.get(self.entity.key))
        if state == 'absent':
            return self.ensure_absent(current)
        if current is None and self.params.get('id'):
            raise KonnectParameterError('id: no %s with id %s was found; leave id out to create one.' % (self.entity.title, self.params['id']))
        return self.ensure_present(current)

    def resolve_parents(self):
        scope = {}
        for parent in self.entity.parents:
            value = self.params.get(parent.option)
            if value is None:
                continue
            if looks_like_id(value):
                self.unverified_parents.append(parent)
            scope[parent.path_param] = self.resolver.resolve_id(parent.option, self.registry(parent.entity), scope, value)
        return scope

    # -- absent ----------------------------------------------------------------------------------

    def ensure_absent(self, current):
        if current is None:
            return self.result(False, None, None)
        if not self.check_mode:
            self.client.request('DELETE', self.entity.item_path(self.scope, current['id']), what=self.describe_current(current),
                                expected=(404,))
        return self.result(True, current, None)

    # -- present ---------------------------------------------------------------------------------

    def ensure_present(self, current):
        references = self.resolve_references()
        desired = self.desired_body(references)
        if current is None:
            return self.create(desired)
        self.check_create_only(current, desired)
        if self.params.get('recreate') and self.create_only_differs(current, desired):
            return self.recreate(current, desired)
        changes = self.changed_fields(current, desired)
        send_secrets = self.params.get('update_secrets') == 'always' and bool(self.secret_values())
        if not changes and not send_secrets:
            return self.result(False, current, current)
        predicted = self.predict(current, desired, changes)
        if self.check_mode:
            return self.result(True, current, predicted)
        body = self.update_body(current, desired, changes)
        response = self.client.request(self.entity.update_method, self.entity.item_path(self.scope, current['id']), body=body,
                                       what=self.describe_current(current))
        return self.result(True, current, response.body or predicted)

    def resolve_references(self):
        ids = {}
        for reference in self.entity.references:
            value = self.params.get(reference.option)
            if value is not None:
                ids[reference.body_field] = self.resolver.resolve_id(reference.option, self.registry(reference.entity), self.scope, value)
        return ids

    def desired_body(self, references):
        """The request-shaped fields the user set, secrets excluded (they are never compared)."""
        body = {}
        for field in self.entity.fields:
            value = self.params.get(field.name)
            if value is not None and not field.secret:
                body[field.name] = value
        for body_field, identifier in references.items():
            body[body_field] = {'id': identifier}
        return self.entity.prepare(body) if self.entity.prepare else body

    def secret_values(self):
        return {field.name: self.params[field.name] for field in self.entity.fields
                if field.secret and self.params.get(field.name) is not None}

    def current_value(self, current, name):
        field = self.entity.field(name)
        return get_path(current, field.response_path if field else name)

    # -- create ----------------------------------------------------------------------------------

    def create(self, desired):
        body = dict(desired)
        body.update(self.secret_values())
        for field in self.entity.fields_of_kind(TAGS):
            if field.name in body:
                body[field.name] = desired_tags([], body[field.name], True)
        predicted = self.predict({'id': None}, desired, list(desired))
        if self.check_mode:
            self.verify_parents()
            return self.result(True, None, predicted)
        self.verify_parents()
        created = self.post_once(body)
        return self.result(True, None, created)

    def verify_parents(self):
        """A parent given by id was trusted for the lookup; make sure it exists before creating under it."""
        scope = {}
        for parent in self.entity.parents:
            if parent in self.unverified_parents:
                parent_entity = self.registry(parent.entity)
                if self.resolver.get_by_id(parent_entity, scope, self.scope[parent.path_param]) is None:
                    raise KonnectParameterError('%s: no %s with id %s was found.' % (
                        parent.option, parent_entity.title, self.scope[parent.path_param]))
            scope[parent.path_param] = self.scope.get(parent.path_param)

    def post_once(self, body):
        """Create without ever creating twice: after an ambiguous failure, look before trying again."""
        key_value = body.get(self.entity.key)
        what = self.entity.describe(key_value)
        attempts = max(1, int(self.params.get('max_retries') or 0) + 1)
        for attempt in range(attempts):
            try:
                return self.client.request('POST', self.entity.collection_path(self.scope), body=body, what=what).body
            except AmbiguousWriteError as exc:
                if key_value is not None:
                    found = self.resolver.find_by_key(self.entity, self.scope, key_value)
                    if found is not None:
                        self.client.warn('%s Konnect has %s now, so it was not created again.' % (exc.msg, what))
                        return found
                if attempt + 1 >= attempts:
                    raise KonnectError('%s %s' % (exc.msg, 'Gave up creating %s.' % what))
                self.sleep(backoff_seconds(attempt))
        raise KonnectError('Could not create %s.' % what)

    def recreate(self, current, desired):
        predicted = self.predict({'id': None}, desired, list(desired))
        if self.check_mode:
            return self.result(True, current, predicted)
        self.client.request('DELETE', self.entity.item_path(self.scope, current['id']), what=self.describe_current(current))
        body = dict(desired)
        body.update(self.secret_values())
        return self.result(True, current, self.post_once(body))

    # -- compare and update ----------------------------------------------------------------------

    def check_create_only(self, current, desired):
        if self.params.get('recreate'):
            return
        for field in self.entity.fields:
            if field.create_only and field.name in desired and not matches(desired[field.name], self.current_value(current, field.name)):
                raise KonnectParameterError(
                    '%s: %s cannot be changed once it exists (it has %r, the task wants %r). '
                    'Set recreate: true to delete and re-create it, or keep the current value.' % (
                        field.name, self.describe_current(current), self.current_value(current, field.name), desired[field.name]))

    def create_only_differs(self, current, desired):
        return any(field.create_only and field.name in desired and not matches(desired[field.name], self.current_value(current, field.name))
                   for field in self.entity.fields)

    def changed_fields(self, current, desired):
        """Names of the fields whose desired value differs from Konnect's."""
        changes = {}
        full = self.full_collections(current, desired)
        for name, value in desired.items():
            field = self.entity.field(name)
            have = self.current_value(current, name)
            if field is not None and field.create_only:
                continue
            if field is not None and field.kind == LABELS:
                if full[name] != (have or {}):
                    changes[name] = full[name]
            elif field is not None and field.kind == TAGS:
                if not same_set(full[name], have):
                    changes[name] = full[name]
            elif not matches(value, have, unordered=bool(field and field.unordered)):
                changes[name] = value
        return changes

    def full_collections(self, current, desired):
        """Labels and tags as the entity should carry them in full (the user may have given only some)."""
        full = {}
        for field in self.entity.fields:
            if field.name not in desired:
                continue
            have = self.current_value(current, field.name)
            if field.kind == LABELS:
                full[field.name] = desired_labels(have, desired[field.name], self.params.get('purge_labels'))
            elif field.kind == TAGS:
                full[field.name] = desired_tags(have, desired[field.name], self.params.get('purge_tags'))
        return full

    def update_body(self, current, desired, changes):
        if self.entity.update_method == 'PUT':
            body = {key: value for key, value in current.items() if key not in self.entity.read_only and value is not None}
            body.update(desired)
            body.update(self.full_collections(current, desired))
            body.update(changes)
        else:
            body = dict(changes)
            for field in self.entity.fields_of_kind(LABELS):
                if field.name in body and self.entity.labels_nullable:
                    removed = set(self.current_value(current, field.name) or {}) - set(body[field.name])
                    body[field.name] = dict(body[field.name], **dict.fromkeys(removed))
        if self.params.get('update_secrets') == 'always':
            body.update(self.secret_values())
        return body

    def predict(self, current, desired, changes):
        predicted = copy.deepcopy(current)
        for name in changes:
            value = changes[name] if isinstance(changes, dict) else desired[name]
            field = self.entity.field(name)
            path = field.response_path if field else name
            if field is not None and field.kind in (LABELS, TAGS):
                set_path(predicted, path, copy.deepcopy(value))
            else:
                set_path(predicted, path, merge_subset(get_path(current, path), value))
        return predicted

    # -- result ----------------------------------------------------------------------------------

    def describe_current(self, current):
        return self.entity.describe(get_path(current, self.entity.key) or current.get('id'))

    def result(self, changed, before, after):
        result = {'changed': changed, self.entity.name: after or {}}
        if self.diff_mode:
            result['diff'] = {'before': self.diff_view(before), 'after': self.diff_view(after)}
        return result

    def diff_view(self, obj):
        """The fields that matter: the natural key, the id and what the user set; secrets hidden."""
        if not obj:
            return {}
        names = [self.entity.key] + [field.name for field in self.entity.fields
                                     if field.shown and field.name != self.entity.key and self.params.get(field.name) is not None]
        view = {}
        if obj.get('id'):
            view['id'] = obj['id']
        for name in names:
            field = self.entity.field(name)
            if field is not None and field.secret:
                view[name] = HIDDEN
            else:
                view[name] = self.current_value(obj, name)
        for reference in self.entity.references:
            if self.params.get(reference.option) is not None:
                view[reference.option] = get_path(obj, reference.body_field + '.id')
        return view


class InfoEngine(object):
    """Reads entities for ``_info`` modules: by id, by natural key, or with filters; always a list."""

    def __init__(self, entity, params, client, registry):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)

    def run(self):
        scope = {}
        for parent in self.entity.parents:
            value = self.params.get(parent.option)
            if value is not None:
                scope[parent.path_param] = self.resolver.resolve_id(parent.option, self.registry(parent.entity), scope, value)
        items = self.read(scope)
        return {'changed': False, self.entity.plural: items}

    def read(self, scope):
        if self.params.get('id'):
            found = self.resolver.get_by_id(self.entity, scope, self.params['id'])
            return [found] if found else []
        if self.params.get(self.entity.key) is not None:
            found = self.resolver.find_by_key(self.entity, scope, self.params[self.entity.key])
            return [found] if found else []
        server, local = self.split_filters(self.params.get('filters') or {})
        items = self.client.paginate(self.entity.collection_path(scope), self.entity.pagination, server, what=self.entity.plural)
        return [item for item in items if all(filter_matches(item, name, op, value) for name, op, value in local)]

    def split_filters(self, filters):
        """Konnect's ``filter[field][op]=value`` where the API supports the field, client-side otherwise."""
        server, local = {}, []
        for name, condition in filters.items():
            op, value = next(iter(condition.items())) if isinstance(condition, dict) else ('eq', condition)
            if op not in FILTER_OPS:
                raise KonnectParameterError('filters.%s: unknown operator %r; use one of %s.' % (name, op, ', '.join(sorted(FILTER_OPS))))
            if self.entity.filterable is None or name in self.entity.filterable:
                server['filter[%s][%s]' % (name, op)] = _filter_value(value)
            else:
                local.append((name, op, value))
        return server, local


FILTER_OPS = frozenset(('eq', 'neq', 'contains', 'oeq', 'ocontains'))


def _filter_value(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ','.join(str(v) for v in value)
    return str(value)


def filter_matches(item, name, op, value):
    have = get_path(item, name)
    wanted = value if isinstance(value, (list, tuple)) else [value]
    text = '' if have is None else str(have)
    if op == 'eq':
        return matches(value, have) or text == _filter_value(value)
    if op == 'neq':
        return not (matches(value, have) or text == _filter_value(value))
    if op == 'contains':
        return str(value) in text
    if op == 'oeq':
        return text in [str(v) for v in wanted]
    return any(str(v) in text for v in wanted)
