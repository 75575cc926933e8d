# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What to do with one entity, decided without a request: the pure half of the engine.

Given the entity's description, the task's options (what the user set, plus ``purge_labels``,
``purge_tags``, ``update_secrets``, ``recreate``), the request-shaped body it asks for and what
Konnect holds, these functions say what to compare, what to send and what the result will be.
The module engine (``engine.EntityEngine``) and the planner of ``apply`` both call them, so a
task and a document entry always come to the same decision.
"""

from __future__ import annotations

import copy

from ansible_collections.konnect.konnect.plugins.module_utils.compare import (
    desired_labels,
    desired_tags,
    get_path,
    matches,
    merge_subset,
    same_set,
    set_path,
)
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, TAGS
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

HIDDEN = '********'

CREATE = 'create'
UPDATE = 'update'
RECREATE = 'recreate'
UNCHANGED = 'unchanged'
DELETE = 'delete'


class Decision(object):
    """``action`` on an entity, the request ``body`` it takes, the fields that change and the predicted result."""

    def __init__(self, action, body=None, changes=None, predicted=None):
        self.action = action
        self.body = body
        self.changes = changes or {}
        self.predicted = predicted

    @property
    def writes(self):
        return self.action != UNCHANGED


# -- what the task asks for ------------------------------------------------------------------------

def desired_body(entity, options, references):
    """The request-shaped fields the task sets, secrets excluded (they are never compared)."""
    body = {}
    for field in entity.fields:
        value = options.get(field.name)
        if value is None or field.secret:
            continue
        if field.secret_keys and isinstance(value, dict):
            value = dict((key, item) for key, item in value.items() if key not in field.secret_keys and item is not None)
        body[field.name] = value
    body.update(references)
    return entity.prepare(body) if entity.prepare else body


def secret_values(entity, options):
    """Write-only values the task gives: whole secret fields and secret keys inside dict fields."""
    secrets = {}
    for field in entity.fields:
        value = options.get(field.name)
        if value is None:
            continue
        if field.secret:
            secrets[field.name] = value
        elif field.secret_keys and isinstance(value, dict):
            inner = dict((key, value[key]) for key in field.secret_keys if value.get(key) is not None)
            if inner:
                secrets[field.name] = inner
    return secrets


def key_values(entity, body, secrets):
    """The natural key of the entity ``body`` describes (write-only values count: a key-auth credential's key)."""
    given = dict(secrets, **body)
    return dict((name, given.get(name)) for name in entity.keys_for(given))


def current_value(entity, current, name):
    field = entity.field(name)
    return get_path(current, field.response_path if field else entity.match_path(name))


# -- create ----------------------------------------------------------------------------------------

def check_create_requirements(entity, desired, secrets):
    given = dict(desired, **secrets)
    missing = [field.name for field in entity.fields if field.create_required and given.get(field.name) is None]
    if missing:
        raise KonnectParameterError('%s: required to create a %s.' % (', '.join(missing), entity.title))
    for names in entity.create_requires_one_of:
        if len([name for name in names if given.get(name) is not None]) != 1:
            raise KonnectParameterError('Exactly one of %s is required to create a %s.' % (', '.join(names), entity.title))


def create_body(entity, desired, secrets):
    """What a create sends: the desired fields with their secrets, tags made a set."""
    body = merge_subset(desired, secrets)
    if entity.create_fields is not None:
        body = dict((name, value) for name, value in body.items() if name in entity.create_fields)
    for field in entity.fields_of_kind(TAGS):
        if field.name in body:
            body[field.name] = desired_tags([], body[field.name], True)
    return body


def carried_fields(entity, current, desired):
    """For a re-creation: the desired fields, and what the task does not set carried over from ``current``
    (references too: an application re-created for a new description keeps its owner)."""
    carried = dict((field.name, current_value(entity, current, field.name)) for field in entity.fields
                   if field.shown and not field.secret and field.name not in desired and current_value(entity, current, field.name) is not None)
    for reference in entity.references:
        if reference.body_field not in desired and current_value(entity, current, reference.body_field) is not None:
            carried[reference.body_field] = current_value(entity, current, reference.body_field)
    carried.update(desired)
    return carried


# -- compare and update ----------------------------------------------------------------------------

def create_only_conflicts(entity, current, desired):
    """The create-only fields the task wants other than Konnect has: ``[(field, have, want)]``."""
    conflicts = []
    for field in list(entity.fields) + [reference for reference in entity.references if reference.create_only]:
        if not field.create_only or field.name not in desired:
            continue
        have = current_value(entity, current, field.name)
        if have is not None and not matches(desired[field.name], have):
            conflicts.append((field, have, desired[field.name]))
    return conflicts


def refuse_create_only_change(entity, current, field, have, want):
    raise KonnectParameterError('%s: %s cannot be changed once it exists (it has %r, the task wants %r). %s' % (
        field.name, describe_current(entity, current), have, want,
        'Set recreate: true to delete and re-create it, or keep the current value.' if entity.recreatable
        else 'Keep the current value, or delete it and create a new one.'))


def full_collections(entity, options, current, desired):
    """Labels and tags as the entity should carry them in full (the user may have given only some)."""
    full = {}
    for field in entity.fields:
        if field.name not in desired:
            continue
        have = current_value(entity, current, field.name)
        if field.kind == LABELS:
            full[field.name] = desired_labels(have, desired[field.name], options.get('purge_labels'))
        elif field.kind == TAGS:
            full[field.name] = desired_tags(have, desired[field.name], options.get('purge_tags'))
    return full


def changed_fields(entity, options, current, desired):
    """Names of the fields whose desired value differs from Konnect's, mapped to the value to send."""
    changes = {}
    full = full_collections(entity, options, current, desired)
    for name, value in desired.items():
        field = entity.field(name)
        have = current_value(entity, current, name)
        if field is not None and (field.create_only or not field.compared):
            continue
        if field is not None and field.kind == LABELS:
            if full[name] != (have or {}):
                changes[name] = full[name]
        elif field is not None and field.kind == TAGS:
            if not same_set(full[name], have):
                changes[name] = full[name]
        elif name in entity.keys and entity.match_values(value) == entity.match_values(have):
            continue  # a natural key is equal as Konnect compares it (a PEM with other white space)
        elif field is not None and field.normalize is not None:
            if field.normalize(value) != field.normalize(have):
                changes[name] = value
        elif not matches(value, have, unordered=bool(field and field.unordered)):
            changes[name] = value
    if entity.exclusive_references and any(reference.body_field in desired for reference in entity.references):
        # the scope is what the task gives; a task that gives none leaves it as it is
        for reference in entity.references:
            if reference.body_field not in desired and reference.current(current) is not None:
                changes[reference.body_field] = None
    return changes


def hashed_secrets(entity, options):
    """Secrets Konnect keeps only as a hash must come from the task when the entity is replaced whole."""
    values = {}
    for field in entity.fields:
        if field.hashed:
            if options.get(field.name) is None:
                raise KonnectParameterError('%s: needed to change this %s, because Konnect keeps only a hash of it and '
                                            'replaces the whole %s on update.' % (field.name, entity.title, entity.title))
            values[field.name] = options[field.name]
    return values


def merged_dicts(entity, current, values):
    """Dict fields laid over what Konnect holds: a full-replacement PUT keeps the keys the task does not give."""
    merged = {}
    for name, value in values.items():
        field = entity.field(name)
        if field is not None and field.type == 'dict' and field.kind != LABELS and isinstance(value, dict):
            merged[name] = merge_subset(current_value(entity, current, name) or {}, value)
    return merged


def update_body(entity, options, current, desired, changes, secrets):
    """What an update sends: the whole entity for a PUT, only the changes for a PATCH (secrets as asked)."""
    if entity.update_method == 'PUT':
        body = dict((key, value) for key, value in current.items() if key not in entity.read_only and value is not None)
        body.update(hashed_secrets(entity, options))
        body.update(desired)
        body.update(merged_dicts(entity, current, desired))
        body.update(full_collections(entity, options, current, desired))
        body.update(changes)
        body.update(merged_dicts(entity, current, changes))
        body = dict((key, value) for key, value in body.items() if value is not None)  # replaced whole: left out is unset
    else:
        body = dict(changes)
        for field in entity.fields_of_kind(LABELS):
            if field.name in body and entity.labels_nullable:
                removed = set(current_value(entity, current, field.name) or {}) - set(body[field.name])
                body[field.name] = dict(body[field.name], **dict.fromkeys(removed))
    if options.get('update_secrets') == 'always':
        # a write-only key travels inside its dict, which Konnect takes whole (an identity provider's config)
        for name in secrets:
            if entity.field(name).secret_keys and name not in body and name in desired:
                body[name] = desired[name]
        body = merge_subset(body, secrets)
    else:
        # A dict field is sent whole; the write-only keys the task gives travel with it so that they are not lost.
        nested = dict((name, value) for name, value in secrets.items() if name in body and entity.field(name).secret_keys)
        body = merge_subset(body, nested)
    if entity.update_fields is not None:
        body = dict((name, value) for name, value in body.items() if name in entity.update_fields)
    return body


def predict(entity, current, desired, changes):
    """The entity as Konnect will hold it once ``changes`` are applied to ``current``."""
    predicted = copy.deepcopy(current)
    for name in changes:
        value = changes[name] if isinstance(changes, dict) else desired[name]
        field = entity.field(name)
        path = field.response_path if field else name
        if field is not None and (field.kind in (LABELS, TAGS) or field.normalize is not None):
            set_path(predicted, path, copy.deepcopy(value))
        else:
            set_path(predicted, path, merge_subset(get_path(current, path), value))
    return predicted


def decide(entity, options, current, desired, secrets):
    """Create, update, re-create or leave as it is: the decision for ``state: present``.

    Create-only conflicts are refused here unless ``recreate`` is set; entity types that treat them
    otherwise (tokens) check before calling this.
    """
    if current is None:
        check_create_requirements(entity, desired, secrets)
        return Decision(CREATE, create_body(entity, desired, secrets), dict((name, desired[name]) for name in desired),
                        predict(entity, {'id': None}, desired, list(desired)))
    conflicts = create_only_conflicts(entity, current, desired)
    if conflicts and options.get('recreate'):
        carried = carried_fields(entity, current, desired)
        return Decision(RECREATE, create_body(entity, carried, secrets), dict((field.name, want) for field, _have, want in conflicts),
                        predict(entity, {'id': None}, carried, list(carried)))
    for field, have, want in conflicts:
        refuse_create_only_change(entity, current, field, have, want)
    changes = changed_fields(entity, options, current, desired)
    send_secrets = options.get('update_secrets') == 'always' and bool(secrets)
    if not changes and not send_secrets:
        return Decision(UNCHANGED, predicted=current)
    if entity.update_method is None:
        raise KonnectParameterError('%s: a %s cannot be changed once it exists; delete it and create it again.' % (
            ', '.join(sorted(changes)), entity.title))
    return Decision(UPDATE, update_body(entity, options, current, desired, changes, secrets), changes,
                    predict(entity, current, desired, changes))


# -- describing ------------------------------------------------------------------------------------

def describe_key(key_values):
    """A natural key as words: its value, or ``field=value, ...`` for a composite key (long values shortened)."""
    if len(key_values) == 1:
        return short(next(iter(key_values.values())))
    return ', '.join('%s=%s' % (name, short(value)) for name, value in sorted(key_values.items()))


def short(value):
    text = str(value).strip()
    return text if len(text) <= 60 else text[:40].strip() + '...' + text[-12:].strip()


def describe_current(entity, current):
    values = dict((name, current_value(entity, current, name)) for name in entity.keys)
    if None in values.values() or entity.singleton:
        return entity.describe(current.get('id'))
    return entity.describe(describe_key(values))


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
    return entity.hide_inside(hidden, obj)


def diff_names(entity, options, desired, changes=()):
    """The fields a diff shows: the natural key, what the task sets (as sent: a service's url as its parts) and what changes."""
    names = [name for name in entity.keys if entity.field(name)]
    for name in list(desired) + list(changes):
        field = entity.field(name)
        if field is not None and field.shown and name not in names:
            names.append(name)
    for field in entity.fields:
        if field.shown and field.name not in names and options.get(field.name) is not None:
            names.append(field.name)  # a secret the task gives: shown hidden
    return names


def diff_view(entity, options, obj, names, reference_label=None):
    """``obj`` reduced to ``names``, secrets hidden; references the task gives read ``name (id)`` where the name is known."""
    if not obj:
        return {}
    view = {}
    if obj.get('id'):
        view['id'] = obj['id']
    for name in names:
        field = entity.field(name)
        value = current_value(entity, obj, name)
        if field is not None and field.secret:
            view[name] = HIDDEN
        elif field is not None and field.secret_keys and isinstance(value, dict):
            given = options.get(name) or {}
            view[name] = dict(value, **dict((key, HIDDEN) for key in field.secret_keys if given.get(key) is not None))
        else:
            view[name] = value
    for reference in entity.references:
        if options.get(reference.option) is None and reference.body_field not in names:
            continue
        identifier = reference.current(obj)
        if identifier is None:
            identifier = get_path(obj, entity.match_path(reference.body_field))
        label = reference_label(reference, identifier) if reference_label and identifier else None
        view[reference.option] = '%s (%s)' % (label, identifier) if label and label != identifier else identifier
    return entity.hide_inside(view, obj)
