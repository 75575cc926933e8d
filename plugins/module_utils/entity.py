# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The declarative description of a Konnect entity type that the engine works from.

A module names one ``Entity``; everything it does (lookup, compare, create, update, delete,
check mode, diff, secrets, labels) follows from these few facts.
"""

from __future__ import annotations

import datetime
import re
import time
from urllib.parse import quote

from ansible_collections.konnect.konnect.plugins.module_utils.compare import get_path, matches

UUID_RE = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')

LOOKUP_FILTER = 'filter'  # GET collection?filter[<key>][eq]=<value>, then exact match client-side
LOOKUP_PATH = 'path'      # GET collection/<value>: the item path accepts the natural key
LOOKUP_LIST = 'list'      # no server-side lookup: list everything and match client-side

PLAIN = ''  # an operator-less filter, filter[<field>]=<value> (Konnect's boolean filters)

LABELS = 'labels'  # string->string map, merged unless purge_labels
TAGS = 'tags'      # list of strings used as a set, merged unless purge_tags


def looks_like_id(value):
    return isinstance(value, str) and bool(UUID_RE.match(value))


class Field(object):
    """One option of a module that is also a field of the entity's request body.

    ``secret`` fields are write-only: never compared, sent on create (or with ``update_secrets:
    always``). ``secret_keys`` names write-only keys inside a dict field (an IdP's
    ``config.client_secret``). ``create_only`` fields cannot change once the entity exists.
    ``normalize`` turns a value into what is compared (an API specification as parsed YAML/JSON); such a
    field is compared and replaced whole.
    """

    def __init__(self, name, type='str', elements=None, choices=None, create_only=False, secret=False,
                 unordered=False, response_path=None, kind=None, options=None, aliases=None, no_log=None, shown=True,
                 secret_keys=(), required=False, create_required=False, hashed=False, compared=True, normalize=None):
        self.name = name
        self.type = type
        self.elements = elements
        self.choices = choices
        self.create_only = create_only
        self.secret = secret
        self.unordered = unordered
        self.response_path = response_path or name
        self.kind = kind
        self.options = options
        self.aliases = aliases
        self.no_log = secret if no_log is None else no_log
        self.shown = shown  # False for write-time shorthands that Konnect does not return (a service's url)
        self.secret_keys = tuple(secret_keys)
        self.required = required
        self.create_required = create_required
        self.hashed = hashed  # Konnect returns a hash of it: never sent back as it came (a basic-auth password)
        self.compared = compared  # False for a value Konnect reports changed by time itself (a key-auth ttl)
        self.normalize = normalize

    def option_spec(self):
        spec = {'type': self.type}
        for attr in ('elements', 'choices', 'options', 'aliases', 'required'):
            if getattr(self, attr):
                spec[attr] = getattr(self, attr)
        if self.no_log or _looks_secret(self.name):
            spec['no_log'] = self.no_log
        return spec


def _looks_secret(name):
    return bool(re.search(r'pass(?!ive)|secret|token|key', name))


class Parent(object):
    """An entity whose id appears in this entity's path (``control_plane`` for a gateway service).

    ``options`` are further module options that help find it (an API's ``api_version``).
    """

    def __init__(self, option, entity, path_param=None, required=True, description=None, options=None):
        self.option = option
        self.entity = entity
        self.path_param = path_param or option
        self.required = required
        self.description = description
        self.options = dict(options or {})

    def resolve(self, resolver, entity, scope, params):
        """The id of the parent the task names, by name or id (an id is trusted without a request)."""
        return resolver.resolve_id(self.option, entity, scope, params.get(self.option))


class Reference(object):
    """An entity this one points to in its body, given by name or id; sent as ``{"<field>": {"id": ...}}``.

    ``create_only``: Konnect takes the reference only when the entity is created (an application's auth strategy).
    """

    def __init__(self, option, entity, body_field=None, required=False, create_only=False):
        self.option = option
        self.entity = entity
        self.body_field = body_field or option
        self.required = required
        self.create_only = create_only

    @property
    def name(self):
        """The body field, named as a field's name is (what a create-only conflict reports)."""
        return self.body_field

    def resolve(self, resolver, scope, params):
        """The body fragment for the referenced entity, or None when the option is not set."""
        value = params.get(self.option)
        if value is None:
            return None
        return self.wrap(resolver.resolve_id(self.option, resolver.registry(self.entity), scope, value))

    def wrap(self, identifier):
        return {self.body_field: {'id': identifier}}

    def current(self, obj):
        value = obj.get(self.body_field)
        return value.get('id') if isinstance(value, dict) else value

    def option_spec(self):
        spec = {'type': 'str', 'required': self.required}
        if _looks_secret(self.option):
            spec['no_log'] = False  # a key_set is a reference, not a secret
        return spec


class IdReference(Reference):
    """A reference sent as a plain id: ``{"<field>": "<id>"}`` (a team member's ``id``, a mapping's ``team_id``)."""

    def wrap(self, identifier):
        return {self.body_field: identifier}


class Entity(object):
    """Everything the engine needs to know about one Konnect entity type.

    ``key`` is the natural key: one field name, or a tuple of them (a role assignment). ``create_path`` is where
    creation is POSTed when it is not the collection (users are created by an invitation), and
    ``update_method=None`` means the entity cannot be updated (memberships, assignments).
    ``filterable`` maps each field Konnect can filter a list on to its operators (``eq``, ``contains``,
    ``PLAIN`` for ``filter[<field>]=<value>``); anything else is filtered after listing.
    ``item_readable=False``: Konnect has no GET for one item, so it is found in the list (memberships: ``Membership``).
    ``recreatable=False``: a create-only change is refused outright, ``recreate`` is not offered (users).
    ``nullable_keys`` may be absent from a natural key (a global plugin has no ``service``), ``key_choice``
    picks the natural key from what the task gives (a plugin's ``instance_name`` when set), ``item_key``
    is the field that names an item in its path (a config-store secret's ``key``), ``create_fields`` and
    ``update_fields`` limit request bodies to those fields, ``match_paths`` says where a key field is found
    in Konnect's answer when it is named differently there, ``response_key`` unwraps answers such as
    ``{"item": {...}}``, ``match_values`` normalises key values before they are compared (PEM text),
    and ``writable(engine, current)`` refuses writes before any is made (core
    entities in a control plane group). ``enrich(client, scope, items)`` completes ``_info`` results.
    ``scope`` computes path values no option gives (the calling user, the organization), and ``extras``
    adds keys to the result. Entity types that behave otherwise have their own class below (tokens, memberships,
    certificates, singletons); one that also needs its own engine or module options sets ``engine_class`` (the
    ``EntityEngine`` subclass that converges it), ``info_engine_class`` (its ``_info`` module's) and ``extra_options``
    (argument specs of options that are not fields, which its engine reads). ``listed_without`` names fields Konnect's
    list leaves out (a page's content): an entity found in a list is read again to compare them. ``planned_by_engine``:
    ``apply`` leaves such an entity to its engine, which finds it and shapes its requests its own way (an API's one
    version, a publication keyed by its portal), as its module does.
    """

    singleton = False
    engine_class = None
    info_engine_class = None
    extra_options = None
    listed_without = ()
    planned_by_engine = False

    def __init__(self, name, title, collection=None, fields=(), key='name', lookup=LOOKUP_FILTER, pagination='page',
                 update_method='PATCH', parents=(), references=(), plural=None, item=None,
                 filterable=None, labels_nullable=False, read_only=('id', 'created_at', 'updated_at'), prepare=None,
                 create_path=None, create_fields=None, extras=None, scope=None, item_readable=True, recreatable=True, create_requires_one_of=(),
                 nullable_keys=(), key_choice=None, item_key='id', update_fields=None, writable=None, enrich=None,
                 match_paths=None, response_key=None, match_values=None, identified_by=None, exclusive_references=False):
        self.name = name
        self.title = title
        self.plural = plural or name + 's'
        self.collection = collection
        self.item = item or (collection + '/{id}' if collection else None)
        self.fields = tuple(fields)
        self.keys = (key,) if isinstance(key, str) else tuple(key)
        self.lookup = lookup
        self.pagination = pagination
        self.update_method = update_method
        self.parents = tuple(parents)
        self.references = tuple(references)
        self.filterable = _filter_operators(filterable)
        self.labels_nullable = labels_nullable
        self.read_only = frozenset(read_only)
        self.prepare = prepare
        self.create_path = create_path
        self.create_fields = create_fields
        self.extras = extras
        self.scope = scope
        self.item_readable = item_readable
        self.recreatable = recreatable
        self.create_requires_one_of = tuple(create_requires_one_of)
        self.nullable_keys = frozenset(nullable_keys)
        self.key_choice = key_choice
        self.item_key = item_key
        self.update_fields = update_fields
        self.match_paths = match_paths or {}
        self.response_key = response_key
        self.match_values = match_values or (lambda value: value)
        self.identified_by = identified_by
        self.exclusive_references = exclusive_references  # references given are the whole scope (a plugin's)
        self.writable = writable
        self.enrich = enrich

    @property
    def key(self):
        return self.keys[0]

    def filter_param(self, name, op):
        """The query parameter Konnect takes for ``<name> <op> value``, or None if it cannot filter that way."""
        operators = self.filterable.get(name, ())
        if op in operators:
            return 'filter[%s][%s]' % (name, op)
        if op == 'eq' and PLAIN in operators:
            return 'filter[%s]' % name
        return None

    def field(self, name):
        for field in self.fields:
            if field.name == name:
                return field
        return None

    @property
    def key_field(self):
        return self.field(self.key) if len(self.keys) == 1 else None

    @property
    def named(self):
        """Whether people name it by its natural key (a service by its name; a certificate has only its PEM)."""
        return self.key_field is not None

    @property
    def lookup_field(self):
        """The field an ``_info`` module finds entities by: the natural key, or the first of the fields that identify it."""
        if self.key_field:
            return self.key_field
        return self.field(self.identified_by[0]) if self.identified_by else None

    def fields_of_kind(self, kind):
        return [field for field in self.fields if field.kind == kind]

    @property
    def has_secrets(self):
        return any(field.secret or field.secret_keys for field in self.fields)

    def secrets_inside(self, params):
        """Secret values deeper in the task's options than ``secret``/``secret_keys`` say (none but for plugins)."""
        return []

    def hide_inside(self, view, obj):
        """``view`` (of the object ``obj``) with the secrets deeper than its fields hidden (none but for plugins)."""
        return view

    @property
    def has_create_only(self):
        return self.recreatable and any(field.create_only for field in self.fields)

    def unwrap(self, body):
        if self.response_key and isinstance(body, dict) and self.response_key in body:
            return body[self.response_key]
        return body

    def listed_lacks(self, item, desired):
        """The fields ``desired`` sets that ``item``, as a list gave it, leaves out (``listed_without``): read it again."""
        return [name for name in self.listed_without if name in desired and get_path(item or {}, self.field(name).response_path) is None]

    def match_path(self, name):
        return self.match_paths.get(name, name)

    def keys_for(self, values):
        return tuple(self.key_choice(values)) if self.key_choice else self.keys

    def collection_path(self, scope):
        return _fill(self.collection, scope)

    def create_collection_path(self, scope):
        return _fill(self.create_path or self.collection, scope)

    def item_path(self, scope, identifier=None):
        return _fill(self.item, dict(scope, id=_quote(identifier)) if identifier is not None else scope)

    def describe(self, value=None):
        return "%s '%s'" % (self.title, value) if value else self.title

    def read_list(self, client, scope, params=None, what=None, region=None):
        """Every entity the collection lists (an entity type whose list is a tree flattens it here)."""
        return client.paginate(self.collection_path(scope), self.pagination, params, what=what, region=region)


class Token(Entity):
    """An access token: Konnect returns its secret (``secret_field``) once, on create, and the module returns it as
    ``result_field``. A token is never updated in place beyond its name: a new expiry means a new token, on request
    (``rotate``); rotating mints the new one first, under a temporary name (names are unique), then the old one goes.
    """

    TEMPORARY_SUFFIX = '-rotating'

    def __init__(self, name, title, collection, secret_field='token', expiry_field='expires_at', result_field='token', **kwargs):
        super(Token, self).__init__(name, title, collection, recreatable=False, **kwargs)
        self.secret_field = secret_field
        self.expiry_field = expiry_field
        self.result_field = result_field

    def rotation_due(self, options, current, now=time.time):
        """Whether the task asks for a new token: ``rotate``, or an expiry closer than ``rotate_before_days``."""
        if options.get('rotate'):
            return True
        days = options.get('rotate_before_days')
        expires = parse_time(current.get(self.expiry_field))
        return days is not None and expires is not None and expires - now() < days * 86400


class Membership(Entity):
    """A link in a parent's member list (a team's users, a consumer group's consumers): added and removed, never
    updated. Konnect has no GET for one link and answers an addition without the link, so it is found in the list."""

    def __init__(self, name, title, collection, **kwargs):
        super(Membership, self).__init__(name, title, collection, update_method=None, item_readable=False, **kwargs)


class Certificate(Entity):
    """An entity whose natural key is its PEM text (``cert``): found by listing, compared without regard to the white
    space around the PEM, and never named in a diff (it has no name people use)."""

    named = False

    def __init__(self, name, title, collection, **kwargs):
        super(Certificate, self).__init__(name, title, collection, key='cert', lookup=LOOKUP_LIST, match_values=same_pem, **kwargs)


def same_pem(value):
    return value.strip() if isinstance(value, str) else value


class Singleton(Entity):
    """Settings with one fixed path, below its ``parents`` if any (a portal's customization): read and updated, never
    listed. ``create_method`` (PUT or POST to that path) is how Konnect creates it when it is missing, None when it
    always exists; ``deletable`` offers ``state: absent`` (DELETE of that path); ``reader`` turns its answer into the
    list an ``_info`` module returns."""

    singleton = True

    def __init__(self, name, title, item, create_method=None, deletable=False, reader=None, **kwargs):
        super(Singleton, self).__init__(name, title, item=item, **kwargs)
        self.create_method = create_method
        self.deletable = deletable
        self.reader = reader


class ResettableSingleton(Singleton):
    """Settings that always exist (Konnect's defaults until changed), and that a DELETE returns to ``defaults``."""

    def __init__(self, name, title, item, defaults, **kwargs):
        super(ResettableSingleton, self).__init__(name, title, item, create_method='PATCH', deletable=True, **kwargs)
        self.defaults = defaults

    def at_defaults(self, current):
        return all(matches(value, current.get(name)) for name, value in self.defaults.items())

    def reset(self, current):
        return dict(current, **self.defaults)


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


def _filter_operators(filterable):
    """``{field: operators}``; a plain list of fields means each can be filtered for equality only."""
    if isinstance(filterable, dict):
        return dict((name, tuple(ops)) for name, ops in filterable.items())
    return dict((name, ('eq',)) for name in filterable or ())


def _quote(value):
    return quote(str(value), safe='')


def _fill(template, values):
    return re.sub(r'\{(\w+)\}', lambda m: str(values[m.group(1)]), template)
