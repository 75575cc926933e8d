# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Consumer realms and Kong Identity auth servers (regional).

Facts from ``consumers-v1.yaml``: realms have no name filter (listed and matched); ``ttl``/``negative_ttl`` are at
least 5; a realm with consumers is deleted only with ``force=true``; a consumer changes realm with ``POST .../move``;
a consumer's keys are never updated, and their secret is answered once, on create (``CreateApiKeyResult``).
From ``kong-identity-v1.yaml``: auth servers, their claims, scopes and clients (``client_secret`` answered on create
only, settable by PATCH); an auth server with claims, scopes or clients is deleted only with ``force=true``.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, TokenEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS, LOOKUP_LIST, TAGS, Entity, Field, Parent, Token, looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

MINIMUM_TTL = 5
STRING_FILTER = ('eq', 'contains')
FORCE_OPTION = dict(force=dict(type='bool', default=False))


def check_realm(engine, current=None):
    if current is not None and '*' in (engine.desired.get('allowed_control_planes') or ()) and \
            '*' not in (current.get('allowed_control_planes') or ()):
        # ConsumerRealmCreateRequest takes any string ('*' included); ConsumerRealmUpdateRequest only uuids
        raise KonnectParameterError("allowed_control_planes: Konnect takes '*' (every control plane) only when a realm is created; "
                                    "%s exists, so list its control planes, or delete it and create it again with '*'." % engine.describe_current(current))
    for name in ('ttl', 'negative_ttl'):
        value = engine.desired.get(name)
        if value is not None and value < MINIMUM_TTL:
            raise KonnectParameterError('%s: Konnect takes at least %d (minutes), the task gives %d.' % (name, MINIMUM_TTL, value))


class NamesToIdsEngine(EntityEngine):
    """Lists of ids the task may give by name (a realm's control planes, a client's scopes), made ids before comparing."""

    def desired_body(self, references):
        body = super(NamesToIdsEngine, self).desired_body(references)
        for option, (entity_name, keep) in self.entity.id_lists.items():
            names = [value for value in body.get(option) or () if value not in keep and not looks_like_id(value)]
            if names:
                ids = self.ids_by_name(option, entity_name, names)
                body[option] = [ids.get(value, value) for value in body[option]]
        return body

    def ids_by_name(self, option, entity_name, names):
        """The ids of the entities ``names`` name, from one listing (a name that is missing or taken twice is refused)."""
        entity = self.registry(entity_name)
        scope = dict((name, self.scope[name]) for name in self.scope if '{%s}' % name in entity.collection)
        found = {}
        for item in entity.read_list(self.client, scope, what=entity.plural.replace('_', ' ')):
            found.setdefault(item.get(entity.key), []).append(item['id'])
        for name in names:
            if not found.get(name):
                raise KonnectParameterError('%s: no %s was found.' % (option, entity.describe(name)))
            if len(found[name]) > 1:
                raise KonnectParameterError("%s: %d %s are named '%s'; give the id instead. Their ids: %s." % (
                    option, len(found[name]), entity.plural.replace('_', ' '), name, ', '.join(found[name])))
        return dict((name, found[name][0]) for name in names)

    def delete(self, item):
        """``force`` deletes what is inside too (Konnect's ``force=true``); without it Konnect refuses while anything is."""
        params = {'force': 'true'} if self.params.get('force') else None
        self.client.request('DELETE', self.item_path(item), params=params, what=self.describe_current(item), expected=(404,))
        self.note_deleted(item)


class RealmConsumerEngine(NamesToIdsEngine):
    """A consumer the task wants in ``realm`` but that is in ``from_realm`` is moved (``POST .../move``), then updated."""

    moving = None  # the realm it is moved from, once find_current found it there

    def find_current(self, desired):
        current = super(RealmConsumerEngine, self).find_current(desired)
        self.moving = None
        if current is None and self.params.get('from_realm') and self.params.get('state', 'present') == 'present':
            realm = self.registry('realm')
            source_id = self.resolver.resolve_id('from_realm', realm, {}, self.params['from_realm'])
            if source_id != self.scope['realm']:
                source = dict(self.scope, realm=source_id)
                found = self.params.get('id') and self.resolver.get_by_id(self.entity, source, self.params['id'])
                found = found or self.resolver.find_by_key(self.entity, source, self.required_key_values(desired))
                if found is not None:
                    self.moving = source_id
                    return found
        return current

    def decide(self, current, desired):
        decision = super(RealmConsumerEngine, self).decide(current, desired)
        if self.moving is None:
            return decision
        predicted = dict(decision.predicted or current)
        changes = dict(decision.changes, realm=self.scope['realm'])
        return decide.Decision(decide.UPDATE, decision.body if decision.writes else None, changes, predicted)

    def apply(self, decision, current, desired):
        if self.moving is None:
            return super(RealmConsumerEngine, self).apply(decision, current, desired)
        source = dict(self.scope, realm=self.moving)
        self.client.request('POST', self.entity.item_path(source, current['id']) + '/move', body={'target_realm_id': self.scope['realm']},
                            what=self.describe_current(current))
        if decision.body:
            response = self.client.request('PATCH', self.item_path(current), body=decision.body, what=self.describe_current(current))
            return response.body or decision.predicted
        return self.resolver.get_by_id(self.entity, self.scope, current['id']) or decision.predicted

    def diff_view(self, obj, names):
        view = super(RealmConsumerEngine, self).diff_view(obj, names)
        if view and self.moving is not None:
            view['realm'] = self.params.get('from_realm') if obj is self.diff_before else self.params.get('realm')
        return view

    diff_before = None

    def result(self, changed, before, after):
        self.diff_before = before
        return super(RealmConsumerEngine, self).result(changed, before, after)


class ConsumerKeyEngine(TokenEngine):
    """A consumer's key: found by its tags; never updated (a new ``type`` is refused); ``rotate`` mints a new key with the
    same tags before the old one goes."""

    def decide(self, current, desired):
        if current is not None and self.params.get('update_secrets') == 'always':
            raise KonnectParameterError('update_secrets: %s cannot be changed, its secret neither; set rotate: true to replace it with a '
                                        'new key.' % self.describe_current(current))
        return super(ConsumerKeyEngine, self).decide(current, desired)

    def without_expiry_changes(self, current, desired):
        for field, have, want in decide.create_only_conflicts(self.entity, current, desired):
            decide.refuse_create_only_change(self.entity, current, field, have, want)
        return desired

    def rotate(self, current, desired):
        predicted = decide.predict(self.entity, {'id': None}, desired, list(desired))
        if self.check_mode:
            return self.result(True, current, predicted)
        created = self.post_once(decide.create_body(self.entity, dict(desired, type=current.get('type')), self.secret_values()), replacing=current)
        self.delete(current)
        return self.result(True, current, created)


def check_key(engine, current=None):
    if engine.params.get('state') == 'absent' or current is not None:
        return
    kind = engine.params.get('type') or 'new'
    if kind == 'legacy' and not engine.params.get('secret'):
        raise KonnectParameterError('secret: a legacy key needs the secret it carries (a new key gets one from Konnect).')
    if kind == 'new' and engine.params.get('secret'):
        raise KonnectParameterError('secret: only a legacy key takes a secret; Konnect generates the secret of a new key.')


class AuthServerClientEngine(NamesToIdsEngine):
    """A client's secret is answered once, on create, and returned once; a ``client_secret`` the task gives is set with
    a PATCH (the create body does not take it)."""

    def create(self, body, desired):
        created = super(AuthServerClientEngine, self).create(body, desired)
        given = self.secret_values().get('client_secret')
        if given is not None:
            response = self.client.request('PATCH', self.item_path(created), body={'client_secret': given}, what=self.describe_current(created))
            created = response.body or created
            self.minted['client_secret'] = given
        return created

    def keep_minted(self, created):
        if isinstance(created, dict) and created.get('client_secret'):
            self.minted['client_secret'] = created.pop('client_secret')
        return created


class Realm(Entity):
    planned_by_engine = True  # names in id lists become ids in its engine; apply leaves it that work
    engine_class = NamesToIdsEngine
    extra_options = FORCE_OPTION
    id_lists = {'allowed_control_planes': ('control_plane', ('*',))}


class RealmConsumer(Entity):
    planned_by_engine = True  # names in id lists become ids in its engine; apply leaves it that work
    engine_class = RealmConsumerEngine
    extra_options = dict(from_realm=dict(type='str'))
    id_lists = {}


class RealmConsumerKey(Token):
    engine_class = ConsumerKeyEngine


class AuthServer(Entity):
    planned_by_engine = True  # names in id lists become ids in its engine; apply leaves it that work
    engine_class = NamesToIdsEngine
    extra_options = FORCE_OPTION
    id_lists = {}


class AuthServerChild(Entity):
    planned_by_engine = True  # names in id lists become ids in its engine; apply leaves it that work
    engine_class = NamesToIdsEngine
    id_lists = {}


class AuthServerClaim(AuthServerChild):
    id_lists = {'include_in_scopes': ('auth_server_scope', ())}


class AuthServerClient(AuthServerChild):
    engine_class = AuthServerClientEngine
    id_lists = {'allow_scopes': ('auth_server_scope', ())}
    result_field = 'client_secret'  # the secret the module returns once (runner.returns_secret)


def sorted_tags(value):
    return sorted(value) if isinstance(value, list) else value


IN_REALM = Parent('realm', 'realm')
OF_CONSUMER = Parent('consumer', 'realm_consumer')
ON_AUTH_SERVER = Parent('auth_server', 'auth_server')

REALM = Realm(
    'realm', 'realm', '/v1/realms',
    fields=[Field('name'), Field('ttl', type='int'), Field('negative_ttl', type='int'),
            Field('consumer_groups', type='list', elements='str', unordered=True),
            Field('allowed_control_planes', type='list', elements='str', unordered=True)],
    lookup=LOOKUP_LIST, pagination='cursor', writable=check_realm,
)

REALM_CONSUMER = RealmConsumer(
    'realm_consumer', 'realm consumer', '/v1/realms/{realm}/consumers',
    fields=[Field('username'), Field('custom_id'), Field('type'), Field('tags', type='list', elements='str', kind=TAGS),
            Field('consumer_groups', type='list', elements='str', unordered=True)],
    key='username', parents=[IN_REALM], pagination='cursor', filterable={'username': ('eq',), 'custom_id': ('eq',)},
)

REALM_CONSUMER_KEY = RealmConsumerKey(
    'realm_consumer_key', 'realm consumer key', '/v1/realms/{realm}/consumers/{consumer}/keys',
    secret_field='secret', result_field='secret',
    fields=[Field('tags', type='list', elements='str'), Field('type', choices=['new', 'legacy'], create_only=True),
            Field('secret', secret=True)],
    key='tags', lookup=LOOKUP_LIST, match_values=sorted_tags, parents=[IN_REALM, OF_CONSUMER], pagination='cursor',
    update_method=None, writable=check_key,
)

AUTH_SERVER = AuthServer(
    'auth_server', 'auth server', '/v1/auth-servers',
    fields=[Field('name'), Field('description'), Field('audience', create_required=True),
            Field('signing_algorithm', choices=['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']),
            Field('labels', type='dict', kind=LABELS), Field('trusted_origins', type='list', elements='str', unordered=True)],
    filterable={'name': STRING_FILTER, 'description': STRING_FILTER, 'audience': STRING_FILTER, 'id': ('eq',)}, labels_nullable=True,
)

AUTH_SERVER_CLAIM = AuthServerClaim(
    'auth_server_claim', 'auth server claim', '/v1/auth-servers/{auth_server}/claims',
    fields=[Field('name'), Field('value', create_required=True), Field('include_in_token', type='bool'),
            Field('include_in_all_scopes', type='bool'), Field('include_in_scopes', type='list', elements='str', unordered=True),
            Field('enabled', type='bool')],
    parents=[ON_AUTH_SERVER], filterable={'name': STRING_FILTER, 'id': ('eq',)},
)

AUTH_SERVER_SCOPE = AuthServerChild(
    'auth_server_scope', 'auth server scope', '/v1/auth-servers/{auth_server}/scopes',
    fields=[Field('name'), Field('description'), Field('default', type='bool'), Field('include_in_metadata', type='bool'),
            Field('enabled', type='bool')],
    parents=[ON_AUTH_SERVER], filterable={'name': STRING_FILTER, 'id': ('eq',)},
)

AUTH_SERVER_CLIENT = AuthServerClient(
    'auth_server_client', 'auth server client', '/v1/auth-servers/{auth_server}/clients',
    fields=[Field('name'), Field('grant_types', type='list', elements='str', choices=['implicit', 'client_credentials'], unordered=True,
                                 create_required=True),
            Field('response_types', type='list', elements='str', choices=['none', 'token', 'code', 'id_token'], unordered=True,
                  create_required=True),
            Field('redirect_uris', type='list', elements='str'), Field('login_uri'),
            Field('access_token_duration', type='int'), Field('id_token_duration', type='int'),
            Field('allow_all_scopes', type='bool'), Field('allow_scopes', type='list', elements='str', unordered=True),
            Field('labels', type='dict', kind=LABELS),
            Field('token_endpoint_auth_method', choices=['client_secret_post', 'none']),
            Field('client_secret', secret=True)],
    parents=[ON_AUTH_SERVER], filterable={'name': STRING_FILTER, 'id': ('eq',)}, labels_nullable=True,
    create_fields=('name', 'grant_types', 'response_types', 'redirect_uris', 'login_uri', 'access_token_duration', 'id_token_duration',
                   'allow_all_scopes', 'allow_scopes', 'labels', 'token_endpoint_auth_method'),
)

ENTITIES = (REALM, REALM_CONSUMER, REALM_CONSUMER_KEY, AUTH_SERVER, AUTH_SERVER_CLAIM, AUTH_SERVER_SCOPE, AUTH_SERVER_CLIENT)
