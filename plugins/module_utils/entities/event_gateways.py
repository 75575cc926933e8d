# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Event Gateway v1: event gateways and everything configured in them (regional).

Lists filter names only with ``filter[name][contains]`` (``EventGatewayEntity`` looks names up that way and keeps the
exact matches). Policies form ordered chains (``PolicyEntity``/``PolicyEngine``): a policy's ``position`` is compared
and moved, and its ``config`` is checked against the schema its ``type`` has in the spec before any request.
"""

from __future__ import annotations

import re

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, InfoEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entities.event_gateway_policy_schemas import DEFINITIONS, POLICY_TYPES
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, LOOKUP_LIST, Entity, Field, IdReference, Parent, Reference
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

GATEWAYS = '/v1/event-gateways'
IN_GATEWAY = GATEWAYS + '/{event_gateway}'
ON_GATEWAY = Parent('event_gateway', 'event_gateway')
NAME_FILTER = {'name': ('contains',)}


def labels():
    return Field('labels', type='dict', kind=LABELS)


class EventGatewayInfoEngine(InfoEngine):
    """``filters: {name: x}`` is sent as Konnect's ``contains`` filter and the exact matches kept."""

    def split_filters(self, filters):
        server, local = super(EventGatewayInfoEngine, self).split_filters(filters)
        for name, condition in filters.items():
            op, value = next(iter(condition.items())) if isinstance(condition, dict) else ('eq', condition)
            if op == 'eq' and self.entity.filter_param(name, op) != 'filter[%s][eq]' % name and self.entity.filter_param(name, op):
                local.append((name, op, value))
        return server, local


class EventGatewayEntity(Entity):
    """An entity of the Event Gateway API: its lists filter names with ``contains`` only (exact matches are kept)."""

    info_engine_class = EventGatewayInfoEngine

    def __init__(self, name, title, collection, **kwargs):
        kwargs.setdefault('filterable', NAME_FILTER)
        kwargs.setdefault('pagination', 'cursor')
        kwargs.setdefault('update_method', 'PUT')
        super(EventGatewayEntity, self).__init__(name, title, collection, **kwargs)

    def filter_param(self, name, op):
        if op == 'eq' and 'contains' in self.filterable.get(name, ()):
            return 'filter[%s][contains]' % name  # a superset of the exact matches, which the caller keeps
        return super(EventGatewayEntity, self).filter_param(name, op)


EVENT_GATEWAY = EventGatewayEntity(
    'event_gateway', 'event gateway', GATEWAYS,
    fields=[Field('name'), Field('description'), Field('min_runtime_version'), labels()],
    update_method='PATCH', labels_nullable=True,
)

LISTENER = EventGatewayEntity(
    'event_gateway_listener', 'event gateway listener', IN_GATEWAY + '/listeners', parents=[ON_GATEWAY],
    fields=[
        Field('name'), Field('description'),
        Field('addresses', type='list', elements='str', create_required=True),
        Field('ports', type='list', elements='raw', create_required=True),
        labels(),
    ],
)

BACKEND_AUTHENTICATIONS = {'anonymous': (), 'sasl_plain': ('username', 'password'), 'sasl_scram': ('algorithm', 'username', 'password')}


def backend_cluster_writable(engine, current=None):
    """The authentication schemes of BackendClusterAuthenticationScheme, checked before anything is written."""
    authentication = engine.params.get('authentication')
    if engine.params.get('state') == 'absent' or authentication is None:
        return
    scheme = authentication.get('type')
    if scheme not in BACKEND_AUTHENTICATIONS:
        raise KonnectParameterError('authentication.type: %r is not a scheme Konnect takes; use one of %s.' % (
            scheme, ', '.join(sorted(BACKEND_AUTHENTICATIONS))))
    unknown = sorted(set(authentication) - set(BACKEND_AUTHENTICATIONS[scheme]) - {'type'})
    if unknown:
        raise KonnectParameterError('authentication: %s takes %s, not %s.' % (
            scheme, ', '.join(BACKEND_AUTHENTICATIONS[scheme]) or 'nothing else', ', '.join(unknown)))


BACKEND_CLUSTER = EventGatewayEntity(
    'event_gateway_backend_cluster', 'event gateway backend cluster', IN_GATEWAY + '/backend-clusters', parents=[ON_GATEWAY],
    fields=[
        Field('name'), Field('description'),
        Field('bootstrap_servers', type='list', elements='str', create_required=True),
        Field('authentication', type='dict', secret_keys=('password',), create_required=True, no_log=False),
        Field('tls', type='dict', secret_keys=('client_identity',), create_required=True),
        Field('insecure_allow_anonymous_virtual_cluster_auth', type='bool'),
        Field('metadata_update_interval_seconds', type='int'),
        labels(),
    ],
    writable=backend_cluster_writable,
)


VIRTUAL_CLUSTER = EventGatewayEntity(
    'event_gateway_virtual_cluster', 'event gateway virtual cluster', IN_GATEWAY + '/virtual-clusters', parents=[ON_GATEWAY],
    fields=[
        Field('name'), Field('description'),
        Field('authentication', type='list', elements='dict', create_required=True, no_log=False),
        Field('dns_label', create_required=True),
        Field('acl_mode', choices=['enforce_on_gateway', 'passthrough'], create_required=True),
        Field('namespace', type='dict'),
        Field('topic_aliases', type='list', elements='dict'),
        labels(),
    ],
    references=[Reference('backend_cluster', 'event_gateway_backend_cluster', body_field='destination', required=True)],
    filterable={'name': ('contains',), 'backend_cluster_id': ('eq',)},
)

SCHEMA_REGISTRY = EventGatewayEntity(
    'event_gateway_schema_registry', 'event gateway schema registry', IN_GATEWAY + '/schema-registries', parents=[ON_GATEWAY],
    plural='event_gateway_schema_registries',
    fields=[
        Field('name'), Field('description'),
        Field('type', choices=['confluent'], create_required=True),
        Field('config', type='dict', secret_keys=('authentication',), create_required=True),
        labels(),
    ],
)

DP_CERTIFICATE = EventGatewayEntity(
    'event_gateway_dp_certificate', 'event gateway data-plane certificate', IN_GATEWAY + '/data-plane-certificates',
    parents=[ON_GATEWAY],
    fields=[Field('name'), Field('description'), Field('certificate', create_required=True)],
)

TLS_TRUST_BUNDLE = EventGatewayEntity(
    'event_gateway_tls_trust_bundle', 'event gateway TLS trust bundle', IN_GATEWAY + '/tls-trust-bundles', parents=[ON_GATEWAY],
    fields=[Field('name'), Field('description'), Field('config', type='dict', options=dict(trusted_ca=dict(type='str', required=True)),
                                                       create_required=True), labels()],
)


class StaticKeyEngine(EntityEngine):
    """Konnect cannot update a static key: a new value (``update_secrets: always``) or description means a new key,
    made only with ``recreate: true``."""

    def decide(self, current, desired):
        if current is not None and self.params.get('update_secrets') == 'always':
            if not self.params.get('recreate'):
                raise KonnectParameterError('value: %s keeps its value; Konnect cannot change a static key. Set recreate: true to delete '
                                            'it and create it again with the new value.' % self.describe_current(current))
            carried = decide.carried_fields(self.entity, current, desired)
            return decide.Decision(decide.RECREATE, decide.create_body(self.entity, carried, self.secret_values()), {'value': None},
                                   decide.predict(self.entity, {'id': None}, carried, list(carried)))
        return super(StaticKeyEngine, self).decide(current, desired)


class StaticKey(EventGatewayEntity):
    engine_class = StaticKeyEngine


STATIC_KEY = StaticKey(
    'event_gateway_static_key', 'event gateway static key', IN_GATEWAY + '/static-keys', parents=[ON_GATEWAY],
    fields=[Field('name'), Field('description', create_only=True), Field('value', secret=True, create_required=True),
            Field('labels', type='dict', kind=LABELS, create_only=True)],
    update_method=None,
)


# -- policies ------------------------------------------------------------------------------------------------------------

def schema_errors(value, schema, where):
    """What is wrong with ``value`` under the JSON ``schema`` (the subset the Event Gateway spec uses), as messages."""
    if '$ref' in schema:
        return schema_errors(value, DEFINITIONS[schema['$ref'].split('/')[-1]], where)
    if 'anyOf' in schema:
        alternatives = [resolved(alternative) for alternative in schema['anyOf']]
        if isinstance(value, dict) and value.get('type') is not None:
            # the alternatives are told apart by their ``type``: report against the one the value names
            alternatives = [alternative for alternative in alternatives
                            if value['type'] in ((alternative.get('properties') or {}).get('type') or {}).get('enum', [value['type']])] or alternatives
        attempts = [schema_errors(value, alternative, where) for alternative in alternatives]
        if all(attempts):
            return min(attempts, key=len)
        return []
    problem = type_problem(value, schema)
    if problem:
        return ['%s: %s' % (where, problem)]
    if isinstance(value, dict):
        return object_errors(value, schema, where)
    if isinstance(value, list):
        errors = [] if len(value) >= schema.get('minItems', 0) else ['%s: needs at least %d item(s)' % (where, schema['minItems'])]
        if 'maxItems' in schema and len(value) > schema['maxItems']:
            errors.append('%s: takes at most %d item(s)' % (where, schema['maxItems']))
        for index, item in enumerate(value):
            errors.extend(schema_errors(item, schema.get('items', {}), '%s[%d]' % (where, index)))
        return errors
    return scalar_errors(value, schema, where)


def resolved(schema):
    while '$ref' in schema:
        schema = DEFINITIONS[schema['$ref'].split('/')[-1]]
    return schema


JSON_TYPES = {'object': dict, 'array': list, 'string': str, 'boolean': bool, 'integer': int, 'number': (int, float), 'null': type(None)}


def type_problem(value, schema):
    wanted = schema.get('type')
    if wanted is None:
        return None
    names = wanted if isinstance(wanted, list) else [wanted]
    ok = any(isinstance(value, JSON_TYPES[name]) and not (name in ('integer', 'number') and isinstance(value, bool)) for name in names)
    return None if ok else 'must be %s, not %r' % (' or '.join(names), value)


def object_errors(value, schema, where):
    errors = ['%s.%s: required' % (where, name) for name in schema.get('required', ()) if name not in value]
    properties = schema.get('properties', {})
    for name, item in sorted(value.items()):
        if name in properties:
            errors.extend(schema_errors(item, properties[name], '%s.%s' % (where, name)))
        elif schema.get('additionalProperties') is False:
            errors.append('%s.%s: unknown; it takes %s' % (where, name, ', '.join(sorted(properties))))
    return errors


def scalar_errors(value, schema, where):
    if 'enum' in schema and value not in schema['enum']:
        return ['%s: %r is not one of %s' % (where, value, ', '.join(map(str, schema['enum'])))]
    if isinstance(value, str):
        if len(value) < schema.get('minLength', 0) or len(value) > schema.get('maxLength', len(value)):
            return ['%s: length must be between %s and %s' % (where, schema.get('minLength', 0), schema.get('maxLength', 'any'))]
        if 'pattern' in schema and not matches_pattern(schema['pattern'], value):
            return ['%s: %r does not match %s' % (where, value, schema['pattern'])]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < schema.get('minimum', value) or value > schema.get('maximum', value):
            return ['%s: must be between %s and %s' % (where, schema.get('minimum', '-inf'), schema.get('maximum', 'inf'))]
    return []


def matches_pattern(pattern, value):
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True  # a pattern Python cannot read (\p{L}): Konnect checks it


class PolicyEngine(EntityEngine):
    """A policy in an ordered chain: its ``type`` and ``config`` are checked first; ``position`` is compared and moved."""

    def __init__(self, *args, **kwargs):
        super(PolicyEngine, self).__init__(*args, **kwargs)
        self.chain = None
        self.moved_to = None

    def run(self):
        self.check_policy()
        return super(PolicyEngine, self).run()

    def check_policy(self):
        """Refuse a type, config or field the spec does not allow for this place, before any request."""
        if self.params.get('state') == 'absent' or self.params.get('type') is None:
            return
        position = self.params.get('position')
        if position is not None and position < 0:
            raise KonnectParameterError('position: %d is not a position; the first policy is at 0.' % position)
        kinds = POLICY_TYPES[self.entity.place]
        policy_type = self.params['type']
        if policy_type not in kinds:
            raise KonnectParameterError('type: %r is not a %s type; use one of %s.' % (policy_type, self.entity.title, ', '.join(sorted(kinds))))
        kind = kinds[policy_type]
        config = self.params.get('config')
        if kind['config'] is None and config is not None:
            raise KonnectParameterError('config: a %s policy takes no config.' % policy_type)
        if config is not None:
            errors = schema_errors(config, kind['config'], 'config')
            if errors:
                raise KonnectParameterError('config: not a valid %s policy config: %s.' % (policy_type, '; '.join(errors)))
        for option, field in (('parent_policy', 'parent_policy_id'), ('condition', 'condition')):
            if self.params.get(option) is not None and field not in kind['fields']:
                raise KonnectParameterError('%s: a %s policy takes none.' % (option, policy_type))

    def decide(self, current, desired):
        if current is None:
            self.check_new_policy()
        return super(PolicyEngine, self).decide(current, desired)

    def check_new_policy(self):
        """What the spec requires of a new policy of its type (an existing one is found and changed without)."""
        policy_type = self.params.get('type')
        kind = POLICY_TYPES[self.entity.place].get(policy_type)
        if kind is None:
            return  # type is required to create: the engine says so
        if self.params.get('config') is None and kind['config_required']:
            raise KonnectParameterError('config: required to create a %s policy.' % policy_type)
        for field in kind['required']:
            option = 'parent_policy' if field == 'parent_policy_id' else field
            if self.params.get(option) is None:
                raise KonnectParameterError('%s: required to create a %s policy.' % (option, policy_type))

    def find_current(self, desired):
        self.chain = list(self.entity.read_list(self.client, self.scope, what=self.entity.plural))
        if self.params.get('id'):
            found = [item for item in self.chain if item.get('id') == self.params['id']]
            return found[0] if found else None
        key_values = self.required_key_values(desired)
        return self.only_one([item for item in self.chain if all(item.get(name) == value for name, value in key_values.items())], key_values)

    def index_of(self, item):
        ids = [policy.get('id') for policy in self.chain or []]
        return ids.index(item['id']) if item and item.get('id') in ids else None

    def wanted_position(self, current):
        """The position the task asks for, checked against the chain; None when it does not ask or it holds already."""
        position = self.params.get('position')
        if position is None:
            return None
        size = len(self.chain) if current is not None else len(self.chain) + 1
        if position >= size:
            raise KonnectParameterError('position: %d is past the end of the chain, which %s %d policies; the last position is %d.' % (
                position, 'has' if current is not None else 'will have', size, size - 1))
        return None if current is not None and self.index_of(current) == position else position

    def ensure_present(self, current, desired):
        position = self.wanted_position(current)
        result = super(PolicyEngine, self).ensure_present(current, desired)
        if current is not None and position is not None:
            if not self.check_mode:
                self.client.request('POST', self.item_path(current) + '/move', body={'index': position},
                                    what='the position of %s' % self.describe_current(current))
            self.moved_to = position
            result.update(changed=True, action='updated')
        entity = result.get(self.entity.name)
        if entity:
            entity['position'] = self.moved_to if self.moved_to is not None else self.index_of(current) if current is not None else self.new_position()
            if self.diff_mode:
                result['diff']['before']['position'] = self.index_of(current) if current is not None else None
                result['diff']['after']['position'] = entity['position']
        return result

    def new_position(self):
        position = self.params.get('position')
        return len(self.chain) if position is None else position

    def post_once(self, body, replacing=None):
        position = self.params.get('position')
        chain = [item for item in self.chain or [] if not replacing or item.get('id') != replacing.get('id')]
        if position is None or position >= len(chain):
            return super(PolicyEngine, self).post_once(body, replacing)
        response = self.client.request('POST', self.entity.create_collection_path(self.scope), body=body, params={'before': chain[position]['id']},
                                       what=self.entity.describe(body.get('name')))
        return response.body


class PolicyEntity(EventGatewayEntity):
    """Policies of one place (``listener``, ``consume``, ``produce``, ``cluster``); several types share one module."""

    engine_class = PolicyEngine
    extra_options = {'position': dict(type='int')}

    def __init__(self, name, title, collection, place, parents, fields, parent_entity=None, **kwargs):
        # a policy's parent is set when it is created (the update schemas have no parent_policy_id)
        references = [IdReference('parent_policy', name, body_field='parent_policy_id', create_only=True)] if parent_entity else []
        super(PolicyEntity, self).__init__(name, title, collection, parents=parents, fields=fields, references=references,
                                           lookup=LOOKUP_LIST, filterable={}, pagination='none', plural=name[:-1] + 'ies', **kwargs)
        self.place = place


def policy_fields(place, condition=True):
    fields = [
        Field('name'), Field('type', choices=sorted(POLICY_TYPES[place]), create_required=True), Field('description'),
        Field('enabled', type='bool'), Field('config', type='dict', secret_keys=('certificates',) if place == 'listener' else ()),
        labels(),
    ]
    return fields + ([Field('condition')] if condition else [])


IN_LISTENER = IN_GATEWAY + '/listeners/{listener}'
IN_VIRTUAL_CLUSTER = IN_GATEWAY + '/virtual-clusters/{virtual_cluster}'
ON_LISTENER = [ON_GATEWAY, Parent('listener', 'event_gateway_listener')]
ON_VIRTUAL_CLUSTER = [ON_GATEWAY, Parent('virtual_cluster', 'event_gateway_virtual_cluster')]

LISTENER_POLICY = PolicyEntity('event_gateway_listener_policy', 'event gateway listener policy', IN_LISTENER + '/policies',
                               'listener', ON_LISTENER, policy_fields('listener', condition=False))
CONSUME_POLICY = PolicyEntity('event_gateway_consume_policy', 'event gateway consume policy', IN_VIRTUAL_CLUSTER + '/consume-policies',
                              'consume', ON_VIRTUAL_CLUSTER, policy_fields('consume'), parent_entity=True)
PRODUCE_POLICY = PolicyEntity('event_gateway_produce_policy', 'event gateway produce policy', IN_VIRTUAL_CLUSTER + '/produce-policies',
                              'produce', ON_VIRTUAL_CLUSTER, policy_fields('produce'), parent_entity=True)
CLUSTER_POLICY = PolicyEntity('event_gateway_cluster_policy', 'event gateway cluster policy', IN_VIRTUAL_CLUSTER + '/cluster-policies',
                              'cluster', ON_VIRTUAL_CLUSTER, policy_fields('cluster'))

ENTITIES = (EVENT_GATEWAY, LISTENER, BACKEND_CLUSTER, VIRTUAL_CLUSTER, SCHEMA_REGISTRY, DP_CERTIFICATE, STATIC_KEY, TLS_TRUST_BUNDLE,
            LISTENER_POLICY, CONSUME_POLICY, PRODUCE_POLICY, CLUSTER_POLICY)
