# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Control planes and the gateway configuration under them (regional APIs)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ansible_collections.konnect.konnect.plugins.module_utils import plugin_config
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_FILTER,
    LOOKUP_PATH,
    PLAIN,
    TAGS,
    LOOKUP_LIST,
    Certificate,
    Entity,
    Field,
    IdReference,
    Membership,
    Parent,
    Reference,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

CLUSTER_TYPES = [
    'CLUSTER_TYPE_CONTROL_PLANE', 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP',
    'CLUSTER_TYPE_SERVERLESS', 'CLUSTER_TYPE_KAFKA_NATIVE_EVENT_PROXY', 'CLUSTER_TYPE_SERVERLESS_V1',
]
GATEWAY_PROTOCOLS = ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']
CORE_ENTITIES = '/v2/control-planes/{control_plane}/core-entities'
ON_CONTROL_PLANE = Parent('control_plane', 'control_plane')


def _labels():
    return Field('labels', type='dict', kind=LABELS)


def _tags():
    return Field('tags', type='list', elements='str', kind=TAGS)


GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'
KUBERNETES = 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER'


def writable_control_plane(engine, current=None):
    """Gateway entities cannot be written into a control plane group or one that the Ingress Controller manages."""
    control_plane = engine.parent('control_plane') or {}
    cluster_type = (control_plane.get('config') or {}).get('cluster_type')
    name = control_plane.get('name') or engine.params.get('control_plane')
    if cluster_type == GROUP:
        raise KonnectParameterError(
            "control_plane: '%s' is a control plane group, whose configuration comes from its members; "
            "write the %s to a member control plane instead." % (name, engine.entity.title))
    if cluster_type == KUBERNETES:
        raise KonnectParameterError(
            "control_plane: '%s' is managed by the Kong Ingress Controller; change its %ss through Kubernetes "
            "resources, not through Konnect." % (name, engine.entity.title))


def core_entity(name, title, path, fields, parents=(), entity_class=Entity, **kwargs):
    """A Kong gateway entity under a control plane: offset pages, PUT updates, no writes into groups."""
    kwargs.setdefault('filterable', {})
    kwargs.setdefault('update_method', 'PUT')
    kwargs.setdefault('pagination', 'offset')
    if entity_class is Entity:
        kwargs.setdefault('lookup', LOOKUP_PATH)
    return entity_class(name, title, CORE_ENTITIES + path, fields=fields, parents=(ON_CONTROL_PLANE,) + tuple(parents),
                        writable=writable_control_plane, **kwargs)


CONTROL_PLANE = Entity(
    'control_plane', 'control plane', '/v2/control-planes',
    fields=[
        Field('name'),
        Field('description'),
        Field('cluster_type', choices=CLUSTER_TYPES, create_only=True, response_path='config.cluster_type'),
        Field('auth_type', choices=['pinned_client_certs', 'pki_client_certs'], response_path='config.auth_type'),
        Field('cloud_gateway', type='bool', create_only=True, response_path='config.cloud_gateway'),
        Field('proxy_urls', type='list', elements='dict', unordered=True, response_path='config.proxy_urls',
              options=dict(host=dict(type='str', required=True), port=dict(type='int', required=True),
                           protocol=dict(type='str', required=True))),
        _labels(),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    filterable={'id': ('eq', 'oeq'), 'name': ('eq', 'contains', 'neq'), 'cluster_type': ('eq', 'neq', 'oeq'), 'cloud_gateway': (PLAIN,)},
)


def split_service_url(body):
    """Konnect takes ``url`` as a write-time shorthand and returns its parts; compare the parts."""
    url = body.pop('url', None)
    if url is None:
        return body
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        raise KonnectParameterError('url: %r is not an absolute URL such as https://example.com:8443/path.' % url)
    components = {'protocol': parts.scheme, 'host': parts.hostname,
                  'port': parts.port or {'https': 443, 'grpcs': 443, 'wss': 443, 'tls': 443}.get(parts.scheme, 80)}
    components['path'] = parts.path or None  # no path in the URL means no path, as Kong expands it
    for name, value in components.items():
        if body.get(name) is not None and body[name] != value:
            raise KonnectParameterError('url and %s disagree (%r vs %r); give one or the other.' % (name, url, body[name]))
        body[name] = value
    return body


GATEWAY_SERVICE = Entity(
    'gateway_service', 'gateway service', CORE_ENTITIES + '/services',
    fields=[
        Field('name'),
        Field('url', shown=False),
        Field('protocol', choices=GATEWAY_PROTOCOLS),
        Field('host'),
        Field('port', type='int'),
        Field('path'),
        Field('retries', type='int'),
        Field('connect_timeout', type='int'),
        Field('write_timeout', type='int'),
        Field('read_timeout', type='int'),
        Field('enabled', type='bool'),
        Field('tls_verify', type='bool'),
        Field('tls_verify_depth', type='int'),
        Field('ca_certificates', type='list', elements='str', unordered=True),
        Field('tls_sans', type='dict', options=dict(dnsnames=dict(type='list', elements='str'), uris=dict(type='list', elements='str'))),
        _tags(),
    ],
    parents=[ON_CONTROL_PLANE],
    references=[Reference('client_certificate', 'gateway_certificate')],
    lookup=LOOKUP_PATH, pagination='offset', update_method='PUT', writable=writable_control_plane,
    filterable={'name': ('eq', 'contains')}, prepare=split_service_url,
)

GATEWAY_ROUTE = Entity(
    'gateway_route', 'gateway route', CORE_ENTITIES + '/routes',
    fields=[
        Field('name'),
        Field('protocols', type='list', elements='str', unordered=True),
        Field('methods', type='list', elements='str', unordered=True),
        Field('hosts', type='list', elements='str', unordered=True),
        Field('paths', type='list', elements='str', unordered=True),
        Field('headers', type='dict'),
        Field('snis', type='list', elements='str', unordered=True),
        Field('sources', type='list', elements='dict', unordered=True, options=dict(ip=dict(type='str'), port=dict(type='int'))),
        Field('destinations', type='list', elements='dict', unordered=True, options=dict(ip=dict(type='str'), port=dict(type='int'))),
        Field('https_redirect_status_code', type='int', choices=[301, 302, 307, 308, 426]),
        Field('regex_priority', type='int'),
        Field('strip_path', type='bool'),
        Field('preserve_host', type='bool'),
        Field('request_buffering', type='bool'),
        Field('response_buffering', type='bool'),
        Field('path_handling', choices=['v0', 'v1']),
        Field('expression'),
        Field('priority', type='int'),
        _tags(),
    ],
    parents=[ON_CONTROL_PLANE],
    references=[Reference('service', 'gateway_service')],
    lookup=LOOKUP_PATH, pagination='offset', update_method='PUT', writable=writable_control_plane,
    filterable={'name': ('eq', 'contains')},
)

GATEWAY_CONSUMER = core_entity(
    'gateway_consumer', 'gateway consumer', '/consumers',
    fields=[Field('username'), Field('custom_id'), _tags()],
    key='username',
)

GATEWAY_CONSUMER_GROUP = core_entity(
    'gateway_consumer_group', 'consumer group', '/consumer_groups',
    fields=[Field('name'), _tags()], response_key='consumer_group',  # a single group is read as {"consumer_group": {...}}
)

GATEWAY_CONSUMER_GROUP_MEMBER = Membership(
    'gateway_consumer_group_member', 'consumer group membership', CORE_ENTITIES + '/consumer_groups/{consumer_group}/consumers',
    parents=[ON_CONTROL_PLANE, Parent('consumer_group', 'gateway_consumer_group')],
    references=[IdReference('consumer', 'gateway_consumer', required=True)],
    key='consumer', match_paths={'consumer': 'id'}, lookup=LOOKUP_LIST, pagination='offset', filterable={}, writable=writable_control_plane,
)

PLUGIN_SCOPES = ('service', 'route', 'consumer', 'consumer_group')


def plugin_key(values):
    """A plugin is named by its instance_name when it has one, otherwise by its type and where it applies."""
    return ('instance_name',) if values.get('instance_name') else ('name',) + PLUGIN_SCOPES


class PluginEngine(EntityEngine):
    """A plugin's ``config``, ``protocols`` and scope are checked against its plugin's schema before anything is written.

    A plugin bundled with Kong is checked from the committed facts before any request; one whose name is not bundled
    is looked up in the control plane (its schema read there, one GET) before a write, and refused when the control
    plane knows no such plugin."""

    def run(self):
        name = self.params.get('name')
        if self.params.get('state', 'present') != 'absent' and name in plugin_config.bundled():
            self.check_against(name, plugin_config.bundled()[name], creating=False)  # required fields: once it is known new
        return super(PluginEngine, self).run()

    def check_against(self, name, facts, creating):
        scopes = [scope for scope in PLUGIN_SCOPES if self.params.get(scope) is not None]
        plugin_config.check_plugin(name, self.params.get('config'), self.params.get('protocols'), scopes, facts, creating=creating)

    def decide(self, current, desired):
        decision = super(PluginEngine, self).decide(current, desired)
        if decision.writes:
            self.check_plugin(current)
        return decision

    def check_plugin(self, current):
        name = self.params.get('name') or (current or {}).get('name')
        if name is None:
            return  # the engine says that name is needed to create a plugin
        facts = plugin_config.bundled().get(name)
        if facts is None:
            facts = self.custom_plugin_facts(name)
        if facts is not None:
            self.check_against(name, facts, creating=current is None)

    def custom_plugin_facts(self, name):
        facts = plugin_config.read_custom_facts(self.client, self.scope['control_plane'], name)
        if facts is plugin_config.UNKNOWN:
            raise KonnectParameterError(plugin_config.unknown_name_message(name))
        return facts


class PluginEntity(Entity):
    """A plugin's ``config`` holds secrets its plugin's schema marks encrypted (``config.redis.password``)."""
    engine_class = PluginEngine

    def secrets_inside(self, params):
        return plugin_config.encrypted_values(params.get('config'), config_schema(params.get('name')))

    def hide_inside(self, view, obj):
        if not isinstance(view, dict) or not isinstance(view.get('config'), dict):
            return view
        return dict(view, config=plugin_config.hide_encrypted(view['config'], config_schema((obj or {}).get('name'))))


def config_schema(name):
    """The schema of a bundled plugin's ``config`` (empty for a custom one: its schema is read only to write)."""
    return (plugin_config.bundled().get(name) or {}).get('config') or {}


GATEWAY_PLUGIN = core_entity(
    'gateway_plugin', 'plugin', '/plugins', entity_class=PluginEntity,
    fields=[Field('name', create_only=True), Field('instance_name'), Field('config', type='dict'), Field('enabled', type='bool'),
            Field('protocols', type='list', elements='str', unordered=True), Field('ordering', type='dict'),
            Field('partials', type='list', elements='dict'), Field('condition'), _tags()],
    references=[Reference('service', 'gateway_service'), Reference('route', 'gateway_route'),
                Reference('consumer', 'gateway_consumer'), Reference('consumer_group', 'gateway_consumer_group')],
    key_choice=plugin_key, nullable_keys=PLUGIN_SCOPES, lookup=LOOKUP_FILTER, filterable={'name': ('eq',)},
    recreatable=False, identified_by=('name', 'instance_name'), exclusive_references=True,
)

UPSTREAM_HASH = ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']

GATEWAY_UPSTREAM = core_entity(
    'gateway_upstream', 'upstream', '/upstreams',
    fields=[Field('name'), Field('algorithm', choices=['consistent-hashing', 'least-connections', 'round-robin', 'latency', 'sticky-sessions']),
            Field('hash_on', choices=UPSTREAM_HASH), Field('hash_fallback', choices=UPSTREAM_HASH), Field('hash_on_header'),
            Field('hash_fallback_header'), Field('hash_on_cookie'), Field('hash_on_cookie_path'), Field('hash_on_query_arg'),
            Field('hash_fallback_query_arg'), Field('hash_on_uri_capture'), Field('hash_fallback_uri_capture'),
            Field('host_header'), Field('slots', type='int'), Field('healthchecks', type='dict'), Field('use_srv_name', type='bool'),
            Field('sticky_sessions_cookie'), Field('sticky_sessions_cookie_path'), _tags()],
    references=[Reference('client_certificate', 'gateway_certificate')],
)


def target_with_port(body):
    """Kong stores a target without a port as host:8000, and finds it only by that exact string."""
    target = body.get('target')
    if isinstance(target, str) and not re.search(r':\d+$', target):
        body['target'] = target + ':8000'
    return body


GATEWAY_TARGET = core_entity(
    'gateway_target', 'target', '/upstreams/{upstream}/targets',
    fields=[Field('target'), Field('weight', type='int'), Field('failover', type='bool'), _tags()],
    parents=[Parent('upstream', 'gateway_upstream')], key='target', prepare=target_with_port,
)


GATEWAY_CERTIFICATE = core_entity(
    'gateway_certificate', 'certificate', '/certificates', entity_class=Certificate,
    fields=[Field('cert'), Field('key', secret=True, create_required=True), Field('cert_alt'), Field('key_alt', secret=True), _tags()],
)

GATEWAY_CA_CERTIFICATE = core_entity(
    'gateway_ca_certificate', 'CA certificate', '/ca_certificates', entity_class=Certificate, fields=[Field('cert'), _tags()],
)

GATEWAY_SNI = core_entity(
    'gateway_sni', 'SNI', '/snis',
    fields=[Field('name'), _tags()],
    references=[Reference('certificate', 'gateway_certificate', required=True)],
)

GATEWAY_VAULT = core_entity(
    'gateway_vault', 'vault', '/vaults',
    fields=[Field('prefix'), Field('name', required=True), Field('description'), Field('config', type='dict'), _tags()],
    key='prefix',
)

GATEWAY_KEY_SET = core_entity(
    'gateway_key_set', 'key set', '/key-sets', fields=[Field('name'), _tags()],
)

GATEWAY_KEY = core_entity(
    'gateway_key', 'key', '/keys',
    fields=[Field('name'), Field('kid', create_required=True), Field('jwk', type='json', secret=True),
            Field('pem', type='dict', secret_keys=('private_key',),
                  options=dict(private_key=dict(type='str', no_log=True), public_key=dict(type='str'))),
            _tags()],
    references=[Reference('key_set', 'gateway_key_set', body_field='set')],
)

GATEWAY_PARTIAL = core_entity(
    'gateway_partial', 'partial', '/partials',
    fields=[Field('name'), Field('type', create_only=True, create_required=True), Field('config', type='dict'), _tags()],
    lookup=LOOKUP_LIST, recreatable=False,
)

ON_CONSUMER = Parent('consumer', 'gateway_consumer')
JWT_ALGORITHMS = ['ES256', 'ES256K', 'ES384', 'ES512', 'ESB256', 'ESB320', 'ESB384', 'ESB512', 'ESP256', 'ESP384', 'ESP512', 'Ed25519',
                  'Ed448', 'EdDSA', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512']


def credential(name, title, path, fields, key, **kwargs):
    """A consumer's credential: found among the consumer's credentials of that kind, secrets write-only."""
    return core_entity(name, title, '/consumers/{consumer}/' + path, fields=list(fields) + [_tags()], parents=[ON_CONSUMER],
                       key=key, lookup=LOOKUP_LIST, recreatable=False, **kwargs)


GATEWAY_ACL = credential('gateway_acl', 'ACL group', 'acls', [Field('group')], 'group')
GATEWAY_BASIC_AUTH = credential('gateway_basic_auth', 'basic-auth credential', 'basic-auth',
                                [Field('username'), Field('password', secret=True, create_required=True, hashed=True)], 'username')
GATEWAY_KEY_AUTH = credential('gateway_key_auth', 'key-auth credential', 'key-auth',
                              [Field('key', secret=True), Field('ttl', type='int', compared=False)], 'key')
GATEWAY_HMAC_AUTH = credential('gateway_hmac_auth', 'HMAC credential', 'hmac-auth',
                               [Field('username'), Field('secret', secret=True)], 'username')
GATEWAY_JWT = credential('gateway_jwt', 'JWT credential', 'jwt',
                         [Field('key'), Field('secret', secret=True), Field('rsa_public_key'),
                          Field('algorithm', choices=JWT_ALGORITHMS)], 'key')
GATEWAY_MTLS_AUTH = credential('gateway_mtls_auth', 'mTLS credential', 'mtls-auth', [Field('subject_name')], ('subject_name', 'ca_certificate'),
                               references=[Reference('ca_certificate', 'gateway_ca_certificate')], nullable_keys=('ca_certificate',),
                               identified_by=('subject_name',))

CONFIG_STORE = Entity(
    'config_store', 'config store', '/v2/control-planes/{control_plane}/config-stores',
    fields=[Field('name')], parents=[ON_CONTROL_PLANE], lookup=LOOKUP_LIST, pagination='cursor', update_method='PUT',
)

CONFIG_STORE_SECRET = Entity(
    'config_store_secret', 'config store secret', '/v2/control-planes/{control_plane}/config-stores/{config_store}/secrets',
    fields=[Field('key', no_log=False), Field('value', secret=True, create_required=True)],
    parents=[ON_CONTROL_PLANE, Parent('config_store', 'config_store')],
    key='key', item_key='key', lookup=LOOKUP_PATH, pagination='cursor', update_method='PUT', update_fields=('value',),
)

LUA_PLUGIN_NAME = re.compile(r"""\bname\s*=\s*["']([\w-]+)["']""")


def plugin_schema_name(body):
    """A custom plugin schema is named by the ``name`` its Lua source declares (or by the task's ``name``)."""
    if body.get('lua_schema') is None:
        return body
    match = LUA_PLUGIN_NAME.search(body['lua_schema'])
    if not match and body.get('name'):
        return body  # the schema names its plugin through a variable (name = PLUGIN_NAME): the task's name stands
    if not match:
        raise KonnectParameterError('lua_schema: found no name = "<plugin name>" in the Lua schema; give name as well.')
    if body.get('name') not in (None, match.group(1)):
        raise KonnectParameterError('name: %r, but the Lua schema declares %r.' % (body['name'], match.group(1)))
    body['name'] = match.group(1)
    return body


CUSTOM_PLUGIN_SCHEMA = core_entity(
    'custom_plugin_schema', 'custom plugin schema', '/plugin-schemas',
    fields=[Field('name'), Field('lua_schema', create_required=True)], key='name', item_key='name', prepare=plugin_schema_name,
    create_fields=('lua_schema',), update_fields=('lua_schema',), response_key='item', pagination='cursor',
    identified_by=('name', 'lua_schema'),
)


CUSTOM_PLUGIN = core_entity(
    'custom_plugin', 'custom plugin', '/custom-plugins',
    fields=[Field('name', create_only=True), Field('handler', create_required=True), Field('schema', create_required=True), _tags()],
    recreatable=False,
)

ON_SERVICE = Parent('service', 'gateway_service')

GATEWAY_DEGRAPHQL_ROUTE = core_entity(
    'gateway_degraphql_route', 'DeGraphQL route', '/services/{service}/degraphql/routes',
    fields=[Field('uri', create_required=True), Field('query', create_required=True),
            Field('methods', type='list', elements='str', unordered=True)],
    parents=[ON_SERVICE], key='uri', lookup=LOOKUP_LIST,
)

GATEWAY_GRAPHQL_COST_DECORATION = core_entity(
    'gateway_graphql_cost_decoration', 'GraphQL cost decoration', '/services/{service}/graphql-rate-limiting-advanced/costs',
    fields=[Field('type_path', create_required=True), Field('add_arguments', type='list', elements='str'), Field('add_constant', type='float'),
            Field('mul_arguments', type='list', elements='str'), Field('mul_constant', type='float')],
    parents=[ON_SERVICE], key='type_path', lookup=LOOKUP_LIST,
)


def attach_end_of_life(client, scope, nodes):
    """Add Konnect's end-of-life notice, if any, to each data-plane node."""
    path = '/v2/control-planes/{control_plane}/nodes/eol'.replace('{control_plane}', scope['control_plane'])
    notices = dict((item.get('node_id'), item) for item in client.paginate(path, 'cursor', what='end-of-life notices'))
    for node in nodes:
        notice = notices.get(node.get('id'))
        node['eol'] = {'version': notice.get('node_version'), 'message': notice.get('message')} if notice else None
    return nodes


DP_NODE = Entity(
    'dp_node', 'data plane node', '/v2/control-planes/{control_plane}/nodes', fields=[Field('hostname')],
    parents=[ON_CONTROL_PLANE], key='hostname', lookup=LOOKUP_LIST, pagination='cursor', update_method=None,
    response_key='item', enrich=attach_end_of_life,
)

DP_CLIENT_CERTIFICATE = Certificate(
    'dp_client_certificate', 'pinned data plane certificate', '/v2/control-planes/{control_plane}/dp-client-certificates',
    fields=[Field('cert', create_required=True), Field('title')], parents=[ON_CONTROL_PLANE],
    pagination='none', update_method='PUT', response_key='item',
)

ENTITIES = (
    CONTROL_PLANE, DP_NODE, DP_CLIENT_CERTIFICATE, GATEWAY_SERVICE, GATEWAY_ROUTE, GATEWAY_CONSUMER, GATEWAY_CONSUMER_GROUP, GATEWAY_CONSUMER_GROUP_MEMBER,
    GATEWAY_PLUGIN, GATEWAY_UPSTREAM, GATEWAY_TARGET, GATEWAY_CERTIFICATE, GATEWAY_CA_CERTIFICATE, GATEWAY_SNI, GATEWAY_VAULT,
    GATEWAY_KEY_SET, GATEWAY_KEY, GATEWAY_PARTIAL, GATEWAY_ACL, GATEWAY_BASIC_AUTH, GATEWAY_KEY_AUTH, GATEWAY_HMAC_AUTH,
    GATEWAY_JWT, GATEWAY_MTLS_AUTH, CONFIG_STORE, CONFIG_STORE_SECRET, CUSTOM_PLUGIN_SCHEMA, CUSTOM_PLUGIN, GATEWAY_DEGRAPHQL_ROUTE,
    GATEWAY_GRAPHQL_COST_DECORATION,
)
