# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one implementation of ``state: present|absent`` and of ``_info`` for every entity.

It works on a plain dict of validated parameters and returns a plain dict result. It never
exits or fails a module itself: errors are raised as ``KonnectError`` and turned into a failed
task by whichever wrapper called it (the in-process action plugin or the module's ``main()``).
"""

from __future__ import annotations

import time

from ansible_collections.konnect.konnect.plugins.module_utils import coordination, decide
from ansible_collections.konnect.konnect.plugins.module_utils.client import backoff_seconds
from ansible_collections.konnect.konnect.plugins.module_utils.compare import get_path, matches
from ansible_collections.konnect.konnect.plugins.module_utils.decide import action_taken, describe_key, redact
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LOOKUP_FILTER, LOOKUP_PATH, Membership, ResettableSingleton, Singleton, Token, looks_like_id, parse_time,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import (
    AmbiguousWriteError,
    KonnectApiError,
    KonnectError,
    KonnectParameterError,
)


class Resolver(object):
    """Finds entities by id or natural key within a scope of already-resolved parent ids."""

    def __init__(self, client, registry, sleep=time.sleep):
        self.client = client
        self.registry = registry
        self.seen = {}
        self.sleep = sleep

    def patiently(self, read, found, entity, scope, **wanted):
        """``read()``, tried again (briefly, with the client's backoff) while it finds nothing where this machine has
        just created what it looks for, or answers 404 or 403 where it has just created that or a parent of it:
        Konnect's reads lag its writes (konnect-behaviours.md 4, 2.5)."""
        attempt = 0
        while True:
            try:
                result = read()
                if found(result) or attempt >= coordination.VISIBILITY_RETRIES or not coordination.created_recently(
                        self.client, entity, scope, **wanted):
                    return result
            except KonnectApiError as exc:
                if exc.status not in (403, 404) or attempt >= coordination.VISIBILITY_RETRIES or not coordination.created_recently(
                        self.client, entity, scope, parents=True, **wanted):
                    raise
            self.sleep(backoff_seconds(attempt))
            attempt += 1

    def get_by_id(self, entity, scope, identifier, region=None):
        return self.patiently(lambda: self.get_by_id_once(entity, scope, identifier, region), lambda item: item is not None,
                              entity, scope, identifier=identifier, region=region)

    def get_by_id_once(self, entity, scope, identifier, region=None):
        if not entity.item_readable:
            found = self.find_all(entity, scope, {'id': identifier}, region)
            return found[0] if found else None
        response = self.client.get(entity.item_path(scope, identifier), what=entity.describe(identifier), expected=(404,),
                                   region=region)
        return None if response.status == 404 else self.remember(entity, entity.unwrap(response.body))

    def find_all(self, entity, scope, key_values, region=None, also=None):
        """Every entity whose natural key equals ``key_values`` exactly (or ``also``, read in the same request)."""
        return self.patiently(lambda: self.find_all_once(entity, scope, key_values, region, also), bool, entity, scope, key_values=key_values,
                              region=region)

    def find_all_once(self, entity, scope, key_values, region=None, also=None):
        what = entity.describe(describe_key(key_values))
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
            candidates = entity.read_list(self.client, scope, params, what=what, region=region)
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
                len(found), entity.plural.replace('_', ' '), describe_key(key_values), ', '.join(str(item.get('id')) for item in found)))
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


class EntityEngine(object):
    """Converges one entity to the state the task describes: finds it, asks ``decide`` what to do, does it."""

    def __init__(self, entity, params, client, registry, check_mode=False, diff_mode=False, sleep=time.sleep, now=time.time):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry, sleep)
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.sleep = sleep
        self.now = now
        self.scope = {}
        self.unverified_parents = []
        self.minted = {}
        self.desired = {}
        self.reference_ids = {}
        self.last_decision = None
        self.progress = lambda message: None  # progress lines (at -v when the task runs in-process); set by the caller
        self.created_meanwhile = None  # the entity another writer created while this task was about to create it

    # -- entry point -----------------------------------------------------------------------------

    def run(self):
        state = self.params.get('state', 'present')
        try:
            self.scope = self.resolve_parents()
            desired = self.desired = self.desired_body(self.resolve_references())
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
        return self.ensure_present(current, desired)

    def resolve_parents(self):
        scope = self.entity.scope(self.resolver) if self.entity.scope else {}
        for parent in self.entity.parents:
            value = self.params.get(parent.option)
            if value is None:
                continue
            if looks_like_id(value):
                self.unverified_parents.append(parent)
            scope[parent.path_param] = parent.resolve(self.resolver, self.registry(parent.entity), scope, self.params)
        return scope

    def resolve_references(self):
        body = {}
        for reference in self.entity.references:
            fragment = reference.resolve(self.resolver, self.scope, self.params)
            if fragment:
                body.update(fragment)
                self.reference_ids[reference.option] = reference.current(fragment)
        return body

    def desired_body(self, references):
        return decide.desired_body(self.entity, self.params, references)

    def secret_values(self):
        return decide.secret_values(self.entity, self.params)

    def key_values(self, body):
        return decide.key_values(self.entity, body, self.secret_values())

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        key_values = self.required_key_values(desired)
        return self.complete(self.only_one(self.resolver.find_all(self.entity, self.scope, key_values), key_values), desired)

    def complete(self, item, desired):
        """``item`` read again by id when its list left out a field the task sets (``Entity.listed_without``)."""
        if item is None or not self.entity.listed_lacks(item, desired) or self.params.get('state') == 'absent':
            return item
        return self.resolver.get_by_id(self.entity, self.scope, item['id'])

    def required_key_values(self, desired):
        key_values = self.key_values(desired)
        missing = [name for name, value in key_values.items() if value is None and name not in self.entity.nullable_keys]
        if missing:
            raise KonnectParameterError('%s: required to find the %s (or give its id).' % (', '.join(missing), self.entity.title))
        return key_values

    def only_one(self, found, key_values):
        if len(found) > 1:
            raise KonnectError("Found %d %s with '%s'; give the id instead. Their ids: %s." % (
                len(found), self.entity.plural.replace('_', ' '), describe_key(key_values), ', '.join(str(item.get('id')) for item in found)))
        return found[0] if found else None

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
            self.delete(current)
        return self.result(True, current, None)

    def delete(self, item):
        self.client.request('DELETE', self.item_path(item), what=self.describe_current(item), expected=(404,))
        self.note_deleted(item)

    def item_path(self, item):
        return self.entity.item_path(self.scope, item[self.entity.item_key])

    # -- present ---------------------------------------------------------------------------------

    def decide(self, current, desired):
        return decide.decide(self.entity, self.params, current, desired, self.secret_values())

    def ensure_present(self, current, desired):
        decision = self.decide(current, desired)
        self.last_decision = decision
        if not decision.writes:
            return self.result(False, current, current)
        if decision.action == decide.CREATE:
            self.verify_parents()
            self.verify_references()
        self.check_writable(current)
        if self.check_mode:
            return self.result(True, current, decision.predicted)
        if decision.action == decide.CREATE:
            return self.create_unless_created_meanwhile(decision, desired)
        return self.result(True, current, self.apply(decision, current, desired))

    # -- races: another writer creates the same entity ----------------------------------------------

    def create_unless_created_meanwhile(self, decision, desired):
        """Create the entity, unless another writer (another host of the play, another run) has created it since it
        was looked for: then converge on that one. Creates of a key Konnect does not enforce are serialised."""
        key_values = self.lock_key(desired)
        with coordination.creation_lock(self.client, self.entity, self.scope, key_values) as locked:
            if locked:
                existing = self.find_current(desired)  # a writer that held the lock before may have created it
                if existing is not None:
                    return self.converge_on_existing(existing, desired)
            try:
                created = self.apply(decision, None, desired)
            except KonnectApiError as exc:
                existing = self.created_by_another(exc, desired)
                if existing is None:
                    raise
                return self.converge_on_existing(existing, desired)
            self.note_created(created, desired)
        return self.result(True, None, created)

    def lock_key(self, desired):
        """The natural key the creation lock is taken for (an id the task pins counts as the key)."""
        if self.params.get('id'):
            return {'id': self.params['id']}
        return self.key_values(desired)

    def created_by_another(self, exc, desired):
        """After a create refused because the entity exists (409, or the core entities' 400 unique violation): the
        entity, read again (Konnect may need a moment to show it); None when it is not the one this task describes."""
        if not coordination.refused_as_duplicate(exc):
            return None
        for attempt in range(coordination.CONFLICT_READS):
            if attempt:
                self.sleep(backoff_seconds(attempt - 1))
            try:
                existing = self.find_current(desired)
            except KonnectApiError as error:
                if error.status not in (403, 404):
                    raise
                existing = None
            if existing is not None:
                return existing
        return None

    def converge_on_existing(self, existing, desired):
        """Another writer created it: the task's result is what converging that entity takes (changed or not)."""
        self.created_meanwhile = existing
        return self.ensure_present(existing, desired)

    def note_deleted(self, item):
        """Forget the create of ``item``, by the key the task gives and by its own (a task may delete by id), and by id."""
        keys = [self.lock_key(self.desired) if self.desired or self.params.get('id') else {}]
        if isinstance(item, dict):
            keys.append(self.own_key(item))
        for number, key_values in enumerate(keys):
            coordination.note_deleted(self.client, self.entity, self.scope, key_values if None not in key_values.values() else None,
                                      item.get('id') if isinstance(item, dict) and not number else None)

    def note_created(self, created, desired):
        identifier = created.get('id') if isinstance(created, dict) else None
        key_values = self.lock_key(desired)
        coordination.note_created(self.client, self.entity, self.scope, key_values if None not in key_values.values() else None, identifier)

    def apply(self, decision, current, desired):
        """Send what ``decision`` says; the entity as Konnect answered (or as predicted when it answered nothing)."""
        if decision.action == decide.CREATE:
            return self.create(decision.body, desired)
        if decision.action == decide.RECREATE:
            self.delete(current)
            return self.post_once(decision.body)
        response = self.client.request(self.entity.update_method, self.item_path(current), body=decision.body,
                                       what=self.describe_current(current))
        updated = self.entity.unwrap(response.body) or decision.predicted
        self.forget_old_key(current, updated)
        return updated

    def forget_old_key(self, before, after):
        """After an update that changed the natural key (a certificate renewed): a lookup by the old key must not wait
        for the entity this machine created under it."""
        old = self.own_key(before)
        if old != self.own_key(after) and None not in old.values():
            coordination.note_deleted(self.client, self.entity, self.scope, old)

    def own_key(self, item):
        return dict((name, get_path(item, self.entity.match_path(name))) for name in self.entity.keys) if isinstance(item, dict) else {}

    def create(self, body, desired):
        created = self.post_once(body)
        if self.entity.create_path:
            return self.after_invitation(desired, created)
        if isinstance(self.entity, Membership) or not isinstance(created, dict) or not created.get(self.entity.item_key):
            return self.read_back(body)  # Konnect answered without the entity (an addition to a member list)
        return created

    def read_back(self, body):
        return self.resolver.find_by_key(self.entity, self.scope, self.key_values(body)) or body

    def after_invitation(self, desired, response_body):
        """The entity was created elsewhere (an invitation): read it back, then set what the invitation could not carry."""
        created = self.resolver.find_by_key(self.entity, self.scope, self.key_values(desired)) or response_body or {}
        rest = dict((name, value) for name, value in desired.items() if name not in self.entity.keys)
        changes = decide.changed_fields(self.entity, self.params, created, rest) if created.get('id') else {}
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
        what = self.entity.describe(describe_key(key_values) if None not in key_values.values() else None)
        attempts = max(1, int(self.params.get('max_retries') or 0) + 1)
        for attempt in range(attempts):
            try:
                created = self.entity.unwrap(self.client.request('POST', self.entity.create_collection_path(self.scope), body=body,
                                                                 what=what).body)
                return self.keep_minted(created)
            except AmbiguousWriteError as exc:
                found = self.created_despite(exc, key_values, replacing, what)
                if found is not None:
                    return found
                if attempt + 1 >= attempts:
                    raise KonnectError('%s Gave up creating %s.' % (exc.msg, what))
                self.sleep(backoff_seconds(attempt))
        raise KonnectError('Could not create %s.' % what)

    def created_despite(self, exc, key_values, replacing, what):
        """The rule for a create whose answer was lost: look it up by natural key; adopt what Konnect has (None: it was
        not applied, so it may be sent again). Without a natural key to look by, it is never sent again blindly."""
        if any(value is None and name not in self.entity.nullable_keys for name, value in key_values.items()):
            raise KonnectError('%s %s has no natural key to look it up by, so it was not sent again: check in Konnect '
                               'whether it exists, then run the task again.' % (exc.msg, what))
        found = self.lost_create_found(key_values, replacing)
        if not found:
            return None
        self.client.warn('%s Konnect has %s now, so it was not created again.' % (exc.msg, what))
        return found[0]

    def lost_create_found(self, key_values, replacing):
        """What Konnect has under the key of a create whose answer was lost (``replacing``, the entity a rotation
        replaces, left out)."""
        return [item for item in self.resolver.find_all(self.entity, self.scope, key_values)
                if not replacing or item.get('id') != replacing.get('id')]

    def keep_minted(self, created):
        return created

    # -- result ----------------------------------------------------------------------------------

    def poll(self, found, read, done, timeout, timed_out, state=lambda item: (item or {}).get('state')):
        """Read with ``read()`` until ``done(found)``, with the client's backoff between reads, and return what was last read.

        A progress line names the state after each read. Past ``timeout`` seconds ``timed_out(found)`` is raised: waiting
        never goes on for longer than the task allows, and ``done`` raises itself for a failed state.
        """
        started = self.now()
        deadline = started + max(0, int(timeout or 0))
        label = self.describe_current(found) if found else self.entity.title
        attempt = 0
        while not done(found):
            remaining = deadline - self.now()
            if remaining <= 0:
                raise timed_out(found)
            self.sleep(min(backoff_seconds(attempt), remaining))
            attempt = min(attempt + 1, 6)
            found = read()
            self.progress('%s: %s after %ds' % (label, state(found) or 'gone', self.now() - started))
        return found

    def current_value(self, current, name):
        return decide.current_value(self.entity, current, name)

    def describe_current(self, current):
        return decide.describe_current(self.entity, current)

    def result(self, changed, before, after):
        result = {'changed': changed, self.entity.name: redact(self.entity, after) or {}, 'action': action_taken(changed, before, after)}
        if self.entity.extras and after:
            result.update(self.entity.extras(after))
        if self.minted:
            result.update(self.minted)
            result['_ansible_no_log'] = True  # the registered result keeps the secret; logs and callbacks do not show it
        if self.diff_mode:
            names = self.diff_names()
            result['diff'] = {'before': self.diff_view(before, names), 'after': self.diff_view(after, names)}
        return result

    def diff_names(self):
        changes = self.last_decision.changes if self.last_decision else ()
        return decide.diff_names(self.entity, self.params, self.desired, changes)

    def diff_view(self, obj, names):
        return decide.diff_view(self.entity, self.params, obj, names, self.reference_label)

    def reference_label(self, reference, identifier):
        """The name of a referenced entity for a diff: the one the task gave, else read by id (diff mode only)."""
        given = self.params.get(reference.option)
        if given == identifier or self.reference_ids.get(reference.option) == identifier:
            return given if not looks_like_id(given) else None
        target = self.registry(reference.entity) if reference.entity else None
        if target is None or not target.named:
            return None
        found = self.resolver.seen.get((target.name, identifier))
        if found is None:
            try:
                found = self.resolver.get_by_id(target, self.scope, identifier)
            except KonnectError:
                return None
        return decide.current_value(target, found, target.key) if found else None


class TokenEngine(EntityEngine):
    """An access token: its secret is returned once, on create; rotating mints a new one before the old one goes.

    Names are unique, so the new token carries a temporary name until the old one is deleted; a token still
    under that name is what an interrupted rotation left, and is deleted.
    """

    def __init__(self, *args, **kwargs):
        super(TokenEngine, self).__init__(*args, **kwargs)
        self.leftovers = []

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        key_values = self.required_key_values(desired)
        temporary = self.temporary_key(key_values)
        found = self.resolver.find_all(self.entity, self.scope, key_values, also=temporary)
        if temporary:
            self.leftovers = [item for item in found if item.get(self.entity.key) == temporary[self.entity.key]]
            found = [item for item in found if item not in self.leftovers]
        return self.only_one(found, key_values)

    def temporary_key(self, key_values):
        if len(key_values) != 1 or not isinstance(key_values.get(self.entity.key), str):
            return None
        return {self.entity.key: key_values[self.entity.key] + self.entity.TEMPORARY_SUFFIX}

    def ensure_present(self, current, desired):
        if current is not None and self.should_rotate(current):
            return self.rotate(current, desired)
        if current is not None:
            desired = self.without_expiry_changes(current, desired)
        result = super(TokenEngine, self).ensure_present(current, desired)
        if self.leftovers:
            result.update(changed=True, action='updated')
            if not self.check_mode:
                self.delete_leftovers()
        return result

    def without_expiry_changes(self, current, desired):
        """A token's expiry is fixed when it is minted; a new expiry means a new token, on request only."""
        kept = dict(desired)
        for field, have, want in decide.create_only_conflicts(self.entity, current, desired):
            if parse_time(have) != parse_time(want):
                self.client.warn('%s: %s keeps %s %s; set rotate: true to replace it with one that has the new value.' % (
                    field.name, self.describe_current(current), field.name, have))
            kept.pop(field.name)
        return kept

    def apply(self, decision, current, desired):
        self.delete_leftovers()
        return super(TokenEngine, self).apply(decision, current, desired)

    def ensure_absent(self, current):
        if current is not None and not self.check_mode:
            self.delete_leftovers()
        return super(TokenEngine, self).ensure_absent(current)

    def delete_leftovers(self):
        for item in self.leftovers:
            self.client.warn('Deleting %s left over from an interrupted rotation.' % self.entity.describe(item.get('id')))
            self.delete(item)
        self.leftovers = []

    def should_rotate(self, current):
        return self.entity.rotation_due(self.params, current, self.now)

    def rotate(self, current, desired):
        """Mint a new secret first (under a temporary name, names being unique); only then does the old one go."""
        predicted = decide.predict(self.entity, {'id': None}, desired, list(desired))
        if self.check_mode:
            return self.result(True, current, predicted)
        self.delete_leftovers()
        key = self.entity.key
        body = decide.create_body(self.entity, dict(desired, **self.temporary_key({key: desired[key]})), self.secret_values())
        created = self.post_once(body, replacing=current)
        self.delete(current)
        response = self.client.request(self.entity.update_method, self.item_path(created),
                                       body={key: desired[key]}, what=self.entity.describe(desired[key]))
        return self.result(True, current, response.body or dict(created, **{key: desired[key]}))

    def created_despite(self, exc, key_values, replacing, what):
        """A token minted by a create whose answer was lost has a secret nobody will ever read: it is not minted a
        second time behind the user's back; the task fails and says how to replace it."""
        found = self.lost_create_found(key_values, replacing)
        if not found:
            return None
        raise KonnectError(secret_lost_message(exc.msg, what, found[0].get('id')))

    def keep_minted(self, created):
        if isinstance(created, dict) and created.get(self.entity.secret_field):
            self.minted[self.entity.result_field] = created.pop(self.entity.secret_field)
        return created


def secret_lost_message(cause, what, identifier):
    return ('%s Konnect minted %s (id %s), but its secret was in the lost answer and Konnect never shows it again; it was '
            'not minted a second time. To get a secret, replace it: run the task again with rotate: true (the token without '
            'a known secret is deleted once the new one exists), or delete it and run again.' % (cause, what, identifier))


class SingletonEngine(EntityEngine):
    """An entity with one fixed path (settings): read it, update what differs; created or deleted where Konnect allows."""

    def run(self):
        state = self.params.get('state', 'present')
        try:
            self.scope = self.resolve_parents()
            desired = self.desired = self.desired_body(self.resolve_references())
        except KonnectParameterError:
            if state == 'absent':
                return self.result(False, None, None)  # its parent does not exist, so neither does it
            raise
        current = self.read_current()
        if state == 'absent':
            return self.ensure_absent(current)
        if current is None and not desired:
            return self.result(False, None, None)  # it does not exist yet, and the task asks for nothing
        if current is None and self.entity.create_method is None:
            raise KonnectError('Konnect has no %s to update.' % self.entity.title)
        return self.ensure_present(current, desired)

    def read_current(self):
        response = self.client.get(self.entity.item_path(self.scope), what=self.entity.title, expected=(404,))
        if response.status != 404:
            return response.body
        if self.unverified_parents:
            self.verify_parents()  # a parent given by id that does not exist is the task's error, not a missing setting
        return None

    def item_path(self, item):
        return self.entity.item_path(self.scope)

    def create(self, body, desired):
        return self.client.request(self.entity.create_method, self.entity.item_path(self.scope), body=body, what=self.entity.title).body


class ResettableSingletonEngine(SingletonEngine):
    """Settings Konnect always has (its defaults until changed): ``state: absent`` resets them with a DELETE, and settings
    already at their defaults need nothing."""

    def ensure_absent(self, current):
        if current is None or self.entity.at_defaults(current):
            return self.result(False, current, current)
        self.check_writable(current)
        reset = self.entity.reset(current)
        self.last_decision = decide.Decision(decide.UPDATE, changes=self.entity.defaults, predicted=reset)
        if not self.check_mode:
            self.delete(current)
        return self.result(True, current, reset)


def engine_for(entity):
    """The engine class that converges ``entity``: its entity type's own (``engine_class``), else the one for its kind."""
    if entity.engine_class is not None:
        return entity.engine_class
    if isinstance(entity, Token):
        return TokenEngine
    if isinstance(entity, ResettableSingleton):
        return ResettableSingletonEngine
    if isinstance(entity, Singleton):
        return SingletonEngine
    return EntityEngine


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
                scope[parent.path_param] = parent.resolve(self.resolver, self.registry(parent.entity), scope, self.params)
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
        items = self.entity.read_list(self.client, scope, server, what=self.entity.plural)
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
