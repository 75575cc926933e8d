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
import datetime
import time

from ansible_collections.konnect.konnect.plugins.module_utils.client import backoff_seconds
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
from ansible_collections.konnect.konnect.plugins.module_utils.errors import (
    AmbiguousWriteError,
    KonnectApiError,
    KonnectError,
    KonnectParameterError,
)

HIDDEN = '********'


class Resolver(object):
    """Finds entities by id or natural key within a scope of already-resolved parent ids."""

    def __init__(self, client, registry):
        self.client = client
        self.registry = registry
        self.seen = {}

    def get_by_id(self, entity, scope, identifier, region=None):
        if not entity.item_readable:
            found = self.find_all(entity, scope, {'id': identifier}, region)
            return found[0] if found else None
        response = self.client.get(entity.item_path(scope, identifier), what=entity.describe(identifier), expected=(404,),
                                   region=region)
        return None if response.status == 404 else self.remember(entity, entity.unwrap(response.body))

    def find_all(self, entity, scope, key_values, region=None, also=None):
        """Every entity whose natural key equals ``key_values`` exactly (or ``also``, read in the same request)."""
        what = entity.describe(_describe_key(key_values))
        if entity.lookup == LOOKUP_PATH and len(key_values) == 1:
            value = next(iter(key_values.values()))
            response = self.client.get(entity.item_path(scope, value), what=what, expected=(404,), region=region)
            if response.status == 404:
                return []
            candidates = [entity.unwrap(response.body)]
        else:
            op = 'contains' if also else 'eq'
            params = None
            if entity.lookup == LOOKUP_FILTER:
                params = dict((entity.filter_param(name, op), value) for name, value in key_values.items()
                              if entity.filter_param(name, op))
            candidates = self.client.paginate(entity.collection_path(scope), entity.pagination, params, what=what, region=region)
        wanted = [key_values] + ([also] if also else [])
        normal = entity.match_values
        return [self.remember(entity, item) for item in candidates
                if any(all(_same_key(normal(get_path(item, entity.match_path(name))), normal(value)) for name, value in keys.items())
                       for keys in wanted)]

    def remember(self, entity, item):
        """Keep what was read, so that a parent found by name need not be read again (see EntityEngine.parent)."""
        if isinstance(item, dict) and item.get('id'):
            self.seen[(entity.name, item['id'])] = item
        return item

    def find_by_key(self, entity, scope, key_values, region=None):
        found = self.find_all(entity, scope, key_values, region)
        if len(found) > 1:
            raise KonnectError("Found %d %s with '%s'; give the id instead. Their ids: %s." % (
                len(found), entity.plural.replace('_', ' '), _describe_key(key_values), ', '.join(str(item.get('id')) for item in found)))
        return found[0] if found else None

    def resolve_id(self, option, entity, scope, value, region=None):
        """The id of a parent or referenced entity given by name or id (an id is trusted without a request)."""
        if looks_like_id(value):
            return value
        found = self.find_by_key(entity, scope, {entity.key: value}, region)
        if found is None:
            raise KonnectParameterError('%s: no %s was found%s.' % (option, entity.describe(value), ' in region %s' % region if region else ''))
        return found['id']


def _same_key(have, want):
    return have == want or (isinstance(have, str) and isinstance(want, str) and looks_like_id(want) and have.lower() == want.lower())


def _describe_key(key_values):
    """A natural key as words: its value, or ``field=value, ...`` for a composite key (long values shortened)."""
    if len(key_values) == 1:
        return _short(next(iter(key_values.values())))
    return ', '.join('%s=%s' % (name, _short(value)) for name, value in sorted(key_values.items()))


def _short(value):
    text = str(value).strip()
    return text if len(text) <= 60 else text[:40].strip() + '...' + text[-12:].strip()


class EntityEngine(object):
    """Converges one entity to the state the task describes."""

    def __init__(self, entity, params, client, registry, check_mode=False, diff_mode=False, sleep=time.sleep, now=time.time):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.sleep = sleep
        self.now = now
        self.scope = {}
        self.unverified_parents = []
        self.minted = {}
        self.leftovers = []

    # -- entry point -----------------------------------------------------------------------------

    def run(self):
        state = self.params.get('state', 'present')
        try:
            self.scope = self.resolve_parents()
            desired = self.desired_body(self.resolve_references())
        except KonnectParameterError:
            if state == 'absent':
                return self.result(False, None, None)  # a parent or reference that does not exist: nothing to delete
            raise
        try:
            current = self.find_current(desired)
        except KonnectApiError as exc:
            if exc.status != 404 or not self.unverified_parents:
                raise
            if state == 'absent':
                return self.result(False, None, None)  # the parent given by id does not exist, so neither does this
            self.verify_parents()  # says which parent does not exist
            raise
        if state == 'absent':
            return self.ensure_absent(current)
        if current is None and self.params.get('id'):
            raise KonnectParameterError('id: no %s with id %s was found; leave id out to create one.' % (self.entity.title, self.params['id']))
        if current is None and self.entity.singleton and self.entity.create_method == 'POST':
            raise KonnectError('Konnect has no %s to update.' % self.entity.title)
        return self.ensure_present(current, desired)

    def resolve_parents(self):
        scope = self.entity.scope(self.resolver) if self.entity.scope else {}
        for parent in self.entity.parents:
            value = self.params.get(parent.option)
            if value is None:
                continue
            if looks_like_id(value):
                self.unverified_parents.append(parent)
            scope[parent.path_param] = self.resolver.resolve_id(parent.option, self.registry(parent.entity), scope, value)
        return scope

    def resolve_references(self):
        body = {}
        for reference in self.entity.references:
            fragment = reference.resolve(self.resolver, self.scope, self.params)
            if fragment:
                body.update(fragment)
        return body

    def find_current(self, desired):
        if self.entity.singleton:
            response = self.client.get(self.entity.item_path(self.scope), what=self.entity.title, expected=(404,))
            return None if response.status == 404 else response.body
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        key_values = self.key_values(desired)
        missing = [name for name, value in key_values.items() if value is None and name not in self.entity.nullable_keys]
        if missing:
            raise KonnectParameterError('%s: required to find the %s (or give its id).' % (', '.join(missing), self.entity.title))
        temporary = self.temporary_key(key_values)
        found = self.resolver.find_all(self.entity, self.scope, key_values, also=temporary)
        if temporary:
            # A token still under its temporary name is what an interrupted rotation left; its secret is lost.
            self.leftovers = [item for item in found if item.get(self.entity.key) == temporary[self.entity.key]]
            found = [item for item in found if item not in self.leftovers]
        if len(found) > 1:
            raise KonnectError("Found %d %s with '%s'; give the id instead. Their ids: %s." % (
                len(found), self.entity.plural.replace('_', ' '), _describe_key(key_values), ', '.join(str(item.get('id')) for item in found)))
        return found[0] if found else None

    def key_values(self, body):
        """The natural key of the entity described by ``body`` (write-only values count: a key-auth credential's key)."""
        given = dict(self.secret_values(), **body)
        return dict((name, given.get(name)) for name in self.entity.keys_for(given))

    def parent(self, option):
        """The parent entity given by ``option``, as Konnect returns it (read once, only when needed)."""
        for parent in self.entity.parents:
            if parent.option == option:
                entity = self.registry(parent.entity)
                identifier = self.scope[parent.path_param]
                found = self.resolver.seen.get((entity.name, identifier))
                return found if found is not None else self.resolver.get_by_id(entity, self.scope, identifier)
        raise KeyError(option)

    def check_writable(self, current=None):
        if self.entity.writable:
            self.entity.writable(self, current)

    # -- absent ----------------------------------------------------------------------------------

    def ensure_absent(self, current):
        if current is None:
            return self.result(False, None, None)
        self.check_writable(current)
        if not self.check_mode:
            for item in self.leftovers + [current]:
                self.delete(item)
        return self.result(True, current, None)

    def delete(self, item):
        self.client.request('DELETE', self.item_path(item), what=self.describe_current(item), expected=(404,))

    def item_path(self, item):
        return self.entity.item_path(self.scope) if self.entity.singleton else self.entity.item_path(self.scope, item[self.entity.item_key])

    # -- present ---------------------------------------------------------------------------------

    def ensure_present(self, current, desired):
        if current is None and self.entity.singleton and not desired:
            return self.result(False, None, None)  # a singleton that does not exist yet, and the task asks for nothing
        if current is None:
            return self.create(desired)
        if self.should_rotate(current):
            return self.rotate(current, desired)
        self.check_create_only(current, desired)
        if self.params.get('recreate') and self.create_only_differs(current, desired):
            return self.recreate(current, desired)
        changes = self.changed_fields(current, desired)
        send_secrets = self.params.get('update_secrets') == 'always' and bool(self.secret_values())
        if not changes and not send_secrets:
            return self.cleanup_leftovers(current)
        if self.entity.update_method is None:
            raise KonnectParameterError('%s: a %s cannot be changed once it exists; delete it and create it again.' % (
                ', '.join(sorted(changes)), self.entity.title))
        predicted = self.predict(current, desired, changes)
        self.check_writable(current)
        if self.check_mode:
            return self.result(True, current, predicted)
        body = self.request_body(self.update_body(current, desired, changes), self.entity.update_fields)
        response = self.client.request(self.entity.update_method, self.item_path(current), body=body, what=self.describe_current(current))
        self.delete_leftovers()
        return self.result(True, current, self.entity.unwrap(response.body) or predicted)

    def request_body(self, body, fields):
        if fields is None:
            return body
        return dict((name, value) for name, value in body.items() if name in fields)

    def cleanup_leftovers(self, current):
        if not self.leftovers:
            return self.result(False, current, current)
        if not self.check_mode:
            self.delete_leftovers()
        return self.result(True, current, current)

    def delete_leftovers(self):
        for item in self.leftovers:
            self.client.warn('Deleting %s left over from an interrupted rotation.' % self.entity.describe(item.get('id')))
            self.delete(item)
        self.leftovers = []

    def desired_body(self, references):
        """The request-shaped fields the user set, secrets excluded (they are never compared)."""
        body = {}
        for field in self.entity.fields:
            value = self.params.get(field.name)
            if value is None or field.secret:
                continue
            if field.secret_keys and isinstance(value, dict):
                value = dict((key, item) for key, item in value.items() if key not in field.secret_keys and item is not None)
            body[field.name] = value
        body.update(references)
        return self.entity.prepare(body) if self.entity.prepare else body

    def secret_values(self):
        """Write-only values the task gives: whole secret fields and secret keys inside dict fields."""
        secrets = {}
        for field in self.entity.fields:
            value = self.params.get(field.name)
            if value is None:
                continue
            if field.secret:
                secrets[field.name] = value
            elif field.secret_keys and isinstance(value, dict):
                inner = dict((key, value[key]) for key in field.secret_keys if value.get(key) is not None)
                if inner:
                    secrets[field.name] = inner
        return secrets

    def with_secrets(self, body):
        return merge_subset(body, self.secret_values())

    def current_value(self, current, name):
        field = self.entity.field(name)
        return get_path(current, field.response_path if field else self.entity.match_path(name))

    # -- create ----------------------------------------------------------------------------------

    def create(self, desired):
        self.check_create_requirements(desired)
        body = self.with_secrets(desired)
        body = self.request_body(body, self.entity.create_fields)
        for field in self.entity.fields_of_kind(TAGS):
            if field.name in body:
                body[field.name] = desired_tags([], body[field.name], True)
        predicted = self.predict({'id': None}, desired, list(desired))
        self.verify_parents()
        self.verify_references()
        self.check_writable()
        if self.check_mode:
            return self.result(True, None, predicted)
        if self.entity.singleton:
            created = self.client.request(self.entity.create_method, self.entity.item_path(self.scope), body=body, what=self.entity.title).body
            return self.result(True, None, created)
        created = self.post_once(body)
        if self.entity.create_path:
            created = self.after_invitation(desired, created)
        elif not isinstance(created, dict) or not created.get(self.entity.item_key):
            created = self.read_back(body)  # Konnect answered without the entity (a new team member)
        self.delete_leftovers()
        return self.result(True, None, created)

    def read_back(self, body):
        key_values = self.key_values(body)
        return self.resolver.find_by_key(self.entity, self.scope, key_values) or body

    def check_create_requirements(self, desired):
        given = dict(desired, **self.secret_values())
        missing = [field.name for field in self.entity.fields if field.create_required and given.get(field.name) is None]
        if missing:
            raise KonnectParameterError('%s: required to create a %s.' % (', '.join(missing), self.entity.title))
        for names in self.entity.create_requires_one_of:
            if len([name for name in names if given.get(name) is not None]) != 1:
                raise KonnectParameterError('Exactly one of %s is required to create a %s.' % (', '.join(names), self.entity.title))

    def after_invitation(self, desired, response_body):
        """The entity was created elsewhere (an invitation): read it back, then set what the invitation could not carry."""
        key_values = self.key_values(desired)
        created = self.resolver.find_by_key(self.entity, self.scope, key_values) or response_body or {}
        rest = dict((name, value) for name, value in desired.items() if name not in self.entity.keys)
        changes = self.changed_fields(created, rest) if created.get('id') else {}
        if changes and self.entity.update_method:
            response = self.client.request(self.entity.update_method, self.item_path(created), body=changes,
                                           what=self.describe_current(created))
            created = response.body or created
        return created

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

    def verify_references(self):
        """A referenced entity given by id was trusted; make sure it exists before creating something that points to it."""
        for reference in self.entity.references:
            value = self.params.get(reference.option)
            if reference.entity and looks_like_id(value):
                target = self.registry(reference.entity)
                if self.resolver.get_by_id(target, self.scope, value) is None:
                    raise KonnectParameterError('%s: no %s with id %s was found.' % (reference.option, target.title, value))

    def post_once(self, body, replacing=None):
        """Create without ever creating twice: after an ambiguous failure, look before trying again."""
        key_values = self.key_values(body)
        what = self.entity.describe(_describe_key(key_values) if None not in key_values.values() else None)
        attempts = max(1, int(self.params.get('max_retries') or 0) + 1)
        for attempt in range(attempts):
            try:
                created = self.entity.unwrap(self.client.request('POST', self.entity.create_collection_path(self.scope), body=body,
                                                                 what=what).body)
                self.keep_minted(created)
                return created
            except AmbiguousWriteError as exc:
                found = self.created_despite(exc, key_values, replacing, what)
                if found is not None:
                    return found
                if attempt + 1 >= attempts:
                    raise KonnectError('%s Gave up creating %s.' % (exc.msg, what))
                self.sleep(backoff_seconds(attempt))
        raise KonnectError('Could not create %s.' % what)

    def created_despite(self, exc, key_values, replacing, what):
        """The entity an ambiguous create may have made anyway, adopted; None if there is none (or it had to go)."""
        if any(value is None and name not in self.entity.nullable_keys for name, value in key_values.items()):
            return None
        found = [item for item in self.resolver.find_all(self.entity, self.scope, key_values)
                 if not replacing or item.get('id') != replacing.get('id')]
        if not found:
            return None
        if self.entity.rotation:
            # Its one-time secret was lost with the answer: remove it and mint another.
            self.client.warn('%s Deleting the %s it created, whose secret was lost, and trying again.' % (exc.msg, what))
            for item in found:
                self.delete(item)
            return None
        self.client.warn('%s Konnect has %s now, so it was not created again.' % (exc.msg, what))
        return found[0]

    def keep_minted(self, created):
        rotation = self.entity.rotation
        if rotation and isinstance(created, dict) and created.get(rotation.secret_field):
            self.minted[rotation.result_field] = created.pop(rotation.secret_field)

    def recreate(self, current, desired):
        """Delete and create again, carrying over the fields the task does not set."""
        carried = dict((field.name, self.current_value(current, field.name)) for field in self.entity.fields
                       if field.shown and not field.secret and field.name not in desired and self.current_value(current, field.name) is not None)
        carried.update(desired)
        predicted = self.predict({'id': None}, carried, list(carried))
        self.check_writable(current)
        if self.check_mode:
            return self.result(True, current, predicted)
        self.delete(current)
        return self.result(True, current, self.post_once(self.request_body(self.with_secrets(carried), self.entity.create_fields)))

    # -- rotation --------------------------------------------------------------------------------

    def should_rotate(self, current):
        rotation = self.entity.rotation
        if not rotation:
            return False
        if self.params.get('rotate'):
            return True
        days = self.params.get('rotate_before_days')
        expires = parse_time(current.get(rotation.expiry_field))
        return days is not None and expires is not None and expires - self.now() < days * 86400

    def temporary_key(self, key_values):
        if not self.entity.rotation or len(key_values) != 1 or not isinstance(key_values.get(self.entity.key), str):
            return None
        return {self.entity.key: key_values[self.entity.key] + self.entity.rotation.TEMPORARY_SUFFIX}

    def rotate(self, current, desired):
        """Mint a new secret first (under a temporary name, names being unique); only then does the old one go."""
        predicted = self.predict({'id': None}, desired, list(desired))
        if self.check_mode:
            return self.result(True, current, predicted)
        self.delete_leftovers()
        key = self.entity.key
        created = self.post_once(self.with_secrets(dict(desired, **self.temporary_key({key: desired[key]}))), replacing=current)
        self.delete(current)
        response = self.client.request(self.entity.update_method, self.item_path(created),
                                       body={key: desired[key]}, what=self.entity.describe(desired[key]))
        return self.result(True, current, response.body or dict(created, **{key: desired[key]}))

    # -- compare and update ----------------------------------------------------------------------

    def check_create_only(self, current, desired):
        if self.params.get('recreate'):
            return
        for field in self.entity.fields:
            if not field.create_only or field.name not in desired:
                continue
            if self.current_value(current, field.name) is None or matches(desired[field.name], self.current_value(current, field.name)):
                continue  # equal, or not returned by Konnect so it cannot be compared
            if self.entity.rotation:
                # A token's expiry is fixed when it is minted; a new expiry means a new token, on request only.
                have = self.current_value(current, field.name)
                if have is not None and parse_time(have) != parse_time(desired[field.name]):
                    self.client.warn('%s: %s keeps %s %s; set rotate: true to replace it with one that has the new value.' % (
                        field.name, self.describe_current(current), field.name, self.current_value(current, field.name)))
                continue
            raise KonnectParameterError('%s: %s cannot be changed once it exists (it has %r, the task wants %r). %s' % (
                field.name, self.describe_current(current), self.current_value(current, field.name), desired[field.name],
                'Set recreate: true to delete and re-create it, or keep the current value.' if self.entity.recreatable
                else 'Keep the current value, or delete it and create a new one.'))

    def create_only_differs(self, current, desired):
        return any(field.create_only and field.name in desired and not matches(desired[field.name], self.current_value(current, field.name))
                   for field in self.entity.fields)

    def changed_fields(self, current, desired):
        """Names of the fields whose desired value differs from Konnect's, mapped to the value to send."""
        changes = {}
        full = self.full_collections(current, desired)
        for name, value in desired.items():
            field = self.entity.field(name)
            have = self.current_value(current, name)
            if field is not None and (field.create_only or not field.compared):
                continue
            if field is not None and field.kind == LABELS:
                if full[name] != (have or {}):
                    changes[name] = full[name]
            elif field is not None and field.kind == TAGS:
                if not same_set(full[name], have):
                    changes[name] = full[name]
            elif name in self.entity.keys and self.entity.match_values(value) == self.entity.match_values(have):
                continue  # a natural key is equal as Konnect compares it (a PEM with other white space)
            elif not matches(value, have, unordered=bool(field and field.unordered)):
                changes[name] = value
        if self.entity.exclusive_references and any(reference.body_field in desired for reference in self.entity.references):
            # the scope is what the task gives; a task that gives none leaves it as it is
            for reference in self.entity.references:
                if reference.body_field not in desired and reference.current(current) is not None:
                    changes[reference.body_field] = None
        return changes

    def hashed_secrets(self):
        """Secrets Konnect keeps only as a hash must come from the task when the entity is replaced whole."""
        values = {}
        for field in self.entity.fields:
            if field.hashed:
                if self.params.get(field.name) is None:
                    raise KonnectParameterError('%s: needed to change this %s, because Konnect keeps only a hash of it and '
                                                'replaces the whole %s on update.' % (field.name, self.entity.title, self.entity.title))
                values[field.name] = self.params[field.name]
        return values

    def merged_dicts(self, current, values):
        """Dict fields laid over what Konnect holds: a full-replacement PUT keeps the keys the task does not give."""
        merged = {}
        for name, value in values.items():
            field = self.entity.field(name)
            if field is not None and field.type == 'dict' and field.kind != LABELS and isinstance(value, dict):
                merged[name] = merge_subset(self.current_value(current, name) or {}, value)
        return merged

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
            body = dict((key, value) for key, value in current.items() if key not in self.entity.read_only and value is not None)
            body.update(self.hashed_secrets())
            body.update(desired)
            body.update(self.merged_dicts(current, desired))
            body.update(self.full_collections(current, desired))
            body.update(changes)
            body.update(self.merged_dicts(current, changes))
            body = dict((key, value) for key, value in body.items() if value is not None)  # replaced whole: left out is unset
        else:
            body = dict(changes)
            for field in self.entity.fields_of_kind(LABELS):
                if field.name in body and self.entity.labels_nullable:
                    removed = set(self.current_value(current, field.name) or {}) - set(body[field.name])
                    body[field.name] = dict(body[field.name], **dict.fromkeys(removed))
        if self.params.get('update_secrets') == 'always':
            # a write-only key travels inside its dict, which Konnect takes whole (an identity provider's config)
            for name in self.secret_values():
                if self.entity.field(name).secret_keys and name not in body and name in desired:
                    body[name] = desired[name]
            return self.with_secrets(body)
        # A dict field is sent whole; the write-only keys the task gives travel with it so that they are not lost.
        nested = dict((name, value) for name, value in self.secret_values().items()
                      if name in body and self.entity.field(name).secret_keys)
        return merge_subset(body, nested)

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
        key_values = dict((name, self.current_value(current, name)) for name in self.entity.keys)
        if None in key_values.values() or self.entity.singleton:
            return self.entity.describe(current.get('id'))
        return self.entity.describe(_describe_key(key_values))

    def result(self, changed, before, after):
        result = {'changed': changed, self.entity.name: redact(self.entity, after) or {}, 'action': action_taken(changed, before, after)}
        if self.entity.extras and after:
            result.update(self.entity.extras(after))
        if self.minted:
            result.update(self.minted)
            result['_ansible_no_log'] = True  # the registered result keeps the secret; logs and callbacks do not show it
        if self.diff_mode:
            result['diff'] = {'before': self.diff_view(before), 'after': self.diff_view(after)}
        return result

    def diff_view(self, obj):
        """The fields that matter: the natural key, the id and what the user set; secrets hidden."""
        if not obj:
            return {}
        names = [name for name in self.entity.keys if self.entity.field(name)]
        names += [field.name for field in self.entity.fields
                  if field.shown and field.name not in names and self.params.get(field.name) is not None]
        view = {}
        if obj.get('id'):
            view['id'] = obj['id']
        for name in names:
            field = self.entity.field(name)
            if field is not None and field.secret:
                view[name] = HIDDEN
            elif field is not None and field.secret_keys and isinstance(self.current_value(obj, name), dict):
                given = self.params.get(name) or {}
                hidden = dict((key, HIDDEN) for key in field.secret_keys if given.get(key) is not None)
                view[name] = dict(self.current_value(obj, name), **hidden)
            else:
                view[name] = self.current_value(obj, name)
        for reference in self.entity.references:
            if self.params.get(reference.option) is not None:
                current = reference.current(obj)
                view[reference.option] = current if current is not None else get_path(obj, self.entity.match_path(reference.body_field))
        return view


def action_taken(changed, before, after):
    """What the task did, in one word, for summaries: created, updated, deleted or unchanged."""
    if not changed:
        return 'unchanged'
    if not before:
        return 'created'
    return 'deleted' if not after else 'updated'


def redact(entity, obj):
    """``obj`` with its write-only values hidden: Konnect returns some (a certificate's key), the module never does."""
    if not isinstance(obj, dict):
        return obj
    hidden = copy.deepcopy(obj)
    for field in entity.fields:
        if field.secret and get_path(hidden, field.response_path) is not None:
            set_path(hidden, field.response_path, HIDDEN)
        inner = get_path(hidden, field.response_path) if field.secret_keys else None
        if isinstance(inner, dict):
            for key in field.secret_keys:
                if inner.get(key) is not None:
                    inner[key] = HIDDEN
    return hidden


def parse_time(value):
    """Seconds since the epoch from an RFC 3339 string (or a number), None if it cannot be read."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return datetime.datetime.fromisoformat(str(value).replace('Z', '+00:00')).timestamp()
    except ValueError:
        return None


class InfoEngine(object):
    """Reads entities for ``_info`` modules: by id, by natural key, or with filters; always a list."""

    def __init__(self, entity, params, client, registry):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)

    def run(self):
        scope = self.entity.scope(self.resolver) if self.entity.scope else {}
        for parent in self.entity.parents:
            value = self.params.get(parent.option)
            if value is not None:
                scope[parent.path_param] = self.resolver.resolve_id(parent.option, self.registry(parent.entity), scope, value)
        try:
            items = [redact(self.entity, item) for item in self.read(scope)]
        except KonnectApiError as exc:
            if exc.status == 404:
                self.explain_missing_parent(scope)
            raise
        if self.entity.enrich:
            items = self.entity.enrich(self.client, scope, items)
        return {'changed': False, self.entity.plural: items}

    def explain_missing_parent(self, scope):
        for parent in self.entity.parents:
            parent_entity = self.registry(parent.entity)
            if self.resolver.get_by_id(parent_entity, scope, scope[parent.path_param]) is None:
                raise KonnectParameterError('%s: no %s with id %s was found.' % (parent.option, parent_entity.title, scope[parent.path_param]))

    def read(self, scope):
        if self.entity.singleton:
            response = self.client.get(self.entity.item_path(scope), what=self.entity.title, expected=(404,))
            if response.status == 404:
                return []
            return self.entity.reader(response.body) if self.entity.reader else [response.body]
        if self.params.get('id'):
            found = self.resolver.get_by_id(self.entity, scope, self.params['id'])
            return [found] if found else []
        lookup = self.entity.lookup_field
        if lookup and self.params.get(lookup.name) is not None:
            return self.resolver.find_all(self.entity, scope, {lookup.name: self.params[lookup.name]})
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
            param = self.entity.filter_param(name, op)
            if param:
                server[param] = _filter_value(value)
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
