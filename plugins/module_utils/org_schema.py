# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JSON schema (draft 2020-12) of a konnect_org document: the org_bootstrap role and the apply module check a
document against it before any request (see org_document.py). Values marked writeOnly are secrets: they are never
repeated in a message and are left out of what the role loops over."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS

PROTECTED = 'protected'
REGIONS = ['us', 'eu', 'au', 'me', 'in', 'sg']
TEXT = {'type': 'string', 'minLength': 1}
STRING = {'type': 'string'}
NAMES = {'type': 'array', 'items': TEXT}  # tags, names of other entities
BOOLEAN = {'type': 'boolean'}
INTEGER = {'type': 'integer'}
OBJECT = {'type': 'object'}


def entries(item):
    """A list of ``item`` s (a section of the document)."""
    return {'type': 'array', 'items': item}


def closed(properties, required=(), rules=None):
    """An object with exactly these ``properties``; ``rules`` adds further keywords (if/then, allOf, ...)."""
    schema = dict({'type': 'object', 'additionalProperties': False, 'properties': properties}, **(rules or {}))
    if required:
        schema['required'] = list(required)
    return schema


class Section(object):
    """A part of the document whose entries are entities of ``kind``: each entry is the options its module takes, plus
    the ``children`` sections below it. ``key`` names the fields that name an entry (its label); ``single``: one object,
    not a list (a portal's customization); ``nested``: entries of the same kind below an entry, given the entry's node as
    ``nested_option`` (a page's pages). ``owned``: pruned by the ``managed-by`` label (Konnect labels it); ``listed``: a
    section the entry gives is the whole list of its kind there, so pruning deletes what it does not list. A section of
    names (a team's developers) has plain strings as entries: each is the value of its one option, ``key``. A top-level
    entry names the ``region`` it converges in, unless its section is not ``regional`` (global entities: cloud gateway
    networks, whose own ``region`` is their cloud provider's). ``secret_file`` names the key of an entry that takes the
    path of a file (0600) to receive the secret Konnect answers once, on create (an auth server client's)."""

    def __init__(self, name, kind, key=None, children=(), single=False, nested=None, nested_option=None, owned=False, listed=False,
                 names=False, regional=True, secret_file=None):
        self.name = name
        self.kind = kind
        self.key = (key,) if isinstance(key, str) else tuple(key or ())
        self.children = tuple(children)
        self.single = single
        self.nested = nested
        self.nested_option = nested_option
        self.owned = owned
        self.listed = listed
        self.names = names
        self.regional = regional
        self.secret_file = secret_file

    def entry(self, item):
        """An entry as options: a name stands for its key option."""
        return {self.key[0]: item} if self.names else item

    @property
    def child_keys(self):
        return frozenset([child.name for child in self.children] + ([self.nested] if self.nested else []) + [PROTECTED]
                         + (['region'] if self.regional else []) + ([self.secret_file] if self.secret_file else []))


# Top-level sections of regional entities, converged in the planner's order: auth strategies, APIs, portals (then
# publications, teams and roles, developers, applications, registrations); audit-log destinations and webhooks, consumer
# realms, Kong Identity auth servers; dedicated cloud gateway networks (global) and configurations (one per control plane).
PUBLISHING = (
    Section('dcr_providers', 'dcr_provider', 'name', owned=True),
    Section('auth_strategies', 'application_auth_strategy', 'name', owned=True),
    Section('apis', 'api', ('name', 'version'), owned=True, children=(
        Section('specification', 'api_specification', single=True),
        Section('documents', 'api_document', 'slug', nested='documents', nested_option='parent_document'),
        Section('implementation', 'api_implementation', single=True),
        Section('publications', 'api_publication', 'portal'),
    )),
    Section('portals', 'portal', 'name', owned=True, children=(
        Section('customization', 'portal_customization', single=True),
        Section('auth_settings', 'portal_auth_settings', single=True),
        Section('logo', 'portal_logo', single=True),
        Section('favicon', 'portal_favicon', single=True),
        Section('custom_domain', 'portal_custom_domain', single=True),
        Section('pages', 'portal_page', 'slug', nested='pages', nested_option='parent_page', listed=True),
        Section('snippets', 'portal_snippet', 'name', listed=True),
        Section('teams', 'portal_team', 'name', listed=True, children=(
            Section('roles', 'portal_team_role', ('role_name', 'api'), listed=True),
            Section('developers', 'portal_team_developer', 'developer', listed=True, names=True),
        )),
        Section('identity_providers', 'portal_identity_provider', 'type', children=(
            Section('team_mappings', 'portal_identity_provider_team_group_mapping', ('team', 'group'), listed=True),
        )),
        Section('developers', 'portal_developer', 'email'),
        Section('applications', 'portal_application', 'name', children=(
            Section('registrations', 'portal_application_registration', 'api'),
        )),
    )),
    Section('audit_log_destinations', 'audit_log_destination', 'name'),
    Section('audit_log_webhooks', 'audit_log_webhook'),
    Section('realms', 'realm', 'name', children=(
        Section('consumers', 'realm_consumer', 'username', listed=True),
    )),
    Section('auth_servers', 'auth_server', 'name', owned=True, children=(
        Section('scopes', 'auth_server_scope', 'name', listed=True),
        Section('claims', 'auth_server_claim', 'name', listed=True),
        Section('clients', 'auth_server_client', 'name', listed=True, secret_file='client_secret_file'),
    )),
    Section('cloud_gateway_networks', 'cloud_gateway_network', 'name', regional=False),
    Section('cloud_gateway_configurations', 'cloud_gateway_configuration', 'control_plane'),
)

DELETION_OPTIONS = ('force',)  # in a document, deleting is pruning's, which deletes what it owns outright
JSON_TYPES = {'str': 'string', 'bool': 'boolean', 'int': 'integer', 'float': 'number', 'list': 'array', 'dict': 'object', 'path': 'string',
              'raw': None}


def field_schema(field):
    """The schema of a module option in a document entry, from its argument spec (Konnect checks what that cannot say)."""
    schema = spec_schema(field.option_spec())
    if field.kind == LABELS:
        schema['additionalProperties'] = STRING
    if field.secret:
        schema['writeOnly'] = True
    return schema


def spec_schema(spec):
    """An Ansible argument spec (``type``, ``choices``, ``elements``, ``options``, ``no_log``) as JSON schema."""
    schema = {}
    if JSON_TYPES.get(spec.get('type', 'str')):
        schema['type'] = JSON_TYPES[spec.get('type', 'str')]
    if spec.get('choices') and spec.get('type') != 'list':
        schema['enum'] = list(spec['choices'])
    if spec.get('no_log'):
        schema['writeOnly'] = True
    suboptions = spec.get('options')
    if suboptions:
        item = closed(dict((name, spec_schema(option)) for name, option in suboptions.items()),
                      required=[name for name, option in suboptions.items() if option.get('required')])
        if spec.get('type') == 'list':
            schema['items'] = item
        else:
            schema.update(item)
    elif spec.get('type') == 'list' and JSON_TYPES.get(spec.get('elements') or 'str'):
        schema['items'] = {'type': JSON_TYPES[spec.get('elements') or 'str']}
        if spec.get('choices'):
            schema['items']['enum'] = list(spec['choices'])  # Ansible checks each element against the choices
    return schema


def section_schema(section, top=False, above=()):
    """An entry of ``section``: the options of its entity's module (without the parents the document places it below,
    ``above``), its child sections and, at the top, its region."""
    if section.names:
        return TEXT
    entity = get_entity(section.kind)
    properties = dict((field.name, field_schema(field)) for field in entity.fields)
    for name, spec in (entity.extra_options or {}).items():
        if name not in DELETION_OPTIONS:
            properties[name] = spec_schema(spec)
    parents = [parent.option for parent in entity.parents if parent.entity in above]
    properties.update((parent.option, TEXT) for parent in entity.parents if parent.entity not in above)
    for reference in entity.references:
        if reference.option not in parents and reference.option != section.nested_option:
            properties[reference.option] = dict(reference.option_spec(), type='array' if reference.option_spec().get('type') == 'list' else 'string')
            properties[reference.option].pop('required', None)
            properties[reference.option].pop('no_log', None)
            properties[reference.option].pop('elements', None)
    for name in parents:
        properties.pop(name, None)
    for child in section.children:
        item = section_schema(child, above=above + (section.kind,))
        properties[child.name] = item if child.single else entries(item)
    if section.nested:
        properties[section.nested] = {'type': 'array', 'items': {'$ref': '#/$defs/%s' % section.kind}}
    if section.owned:
        properties[PROTECTED] = BOOLEAN
    if section.secret_file:
        properties[section.secret_file] = TEXT
    required = [name for name in section.key if name in properties and name not in entity.nullable_keys]
    if top and section.regional:
        properties['region'] = {'enum': REGIONS}
        required.append('region')
    return closed(properties, required=required)


def publishing_sections():
    """The document's sections of auth strategies, APIs and portals, and the definitions their nested entries refer to."""
    sections = dict((section.name, entries(section_schema(section, top=True))) for section in PUBLISHING)
    definitions = {}

    def collect(section, above):
        if section.nested:
            definitions[section.kind] = section_schema(section, above=above)
        for child in section.children:
            collect(child, above + (section.kind,))
    for section in PUBLISHING:
        collect(section, ())
    return sections, definitions


ROLES = entries(closed({
    'role_name': TEXT,
    'entity_type_name': TEXT,
    'entity': TEXT,
    'entity_region': {'enum': ['us', 'eu', 'au', 'me', 'in', 'sg', '*']},
}, required=['role_name', 'entity', 'entity_region']))

PUBLISHING_SECTIONS, PUBLISHING_DEFINITIONS = publishing_sections()
ORG_SCHEMA = closed(dict(PUBLISHING_SECTIONS, **{
    'managed_by': {'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'},
    'prune': BOOLEAN,
    'teams': entries(closed({
        'name': {'type': 'string', 'minLength': 1, 'maxLength': 250},
        'description': {'type': 'string', 'minLength': 1, 'maxLength': 250},
        'labels': {'type': 'object', 'additionalProperties': STRING},
        'protected': BOOLEAN,
        'users': entries({'type': 'string', 'format': 'email', 'minLength': 3}),
        'roles': ROLES,
    }, required=['name'])),
    'users': entries(closed({
        'email': {'type': 'string', 'minLength': 3, 'pattern': '^[^@\\s]+@[^@\\s]+$'},
        'full_name': {'type': 'string', 'maxLength': 250},
        'preferred_name': {'type': 'string', 'maxLength': 250},
    }, required=['email'])),
    'system_accounts': entries(closed({
        'name': TEXT,
        'description': TEXT,
        'teams': NAMES,
        'roles': ROLES,
        'tokens': entries(closed({
            'name': TEXT,
            'expires_at': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T'},
            'token_file': TEXT,
            'rotate_before_days': {'type': 'integer', 'minimum': 1},
        }, required=['name', 'expires_at'])),
    }, required=['name', 'description'])),
    'identity_providers': entries(closed({
        'type': {'enum': ['oidc', 'saml']},
        'enabled': BOOLEAN,
        'login_path': TEXT,
        'config': {'type': 'object', 'properties': {'client_secret': {'type': 'string', 'writeOnly': True}}},
        'team_mappings': entries(closed({
            'team': TEXT,
            'group': TEXT,
        }, required=['team', 'group'])),
    }, required=['type'])),
    'control_planes': entries(closed({
        'name': TEXT,
        'region': {'enum': REGIONS},
        'description': STRING,
        'labels': {'type': 'object', 'additionalProperties': STRING},
        'protected': BOOLEAN,
        'cluster_type': {'enum': ['CLUSTER_TYPE_CONTROL_PLANE', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP']},
        'auth_type': {'enum': ['pinned_client_certs', 'pki_client_certs']},
        'cloud_gateway': BOOLEAN,
        'proxy_urls': entries(OBJECT),
        'members': NAMES,
        'dp_certificates': entries(closed({
            'title': TEXT,
            'cert': TEXT,
            'cert_path': TEXT,
            'key_path': TEXT,
            'generate': BOOLEAN,
        }, required=['title'], rules={'if': {'not': {'required': ['cert']}}, 'then': {'required': ['cert_path']}})),
        'config_stores': entries(closed({
            'name': {'type': 'string', 'minLength': 1, 'maxLength': 100},
            'secrets': entries(closed({
                'key': {'type': 'string', 'minLength': 1, 'maxLength': 512},
                'value': {'type': 'string', 'minLength': 1, 'maxLength': 5120, 'writeOnly': True},
            }, required=['key', 'value'])),
        }, required=['name'])),
        'vaults': entries(closed({
            'prefix': TEXT,
            'name': TEXT,
            'description': STRING,
            'config': OBJECT,
            'tags': NAMES,
            'protected': BOOLEAN,
        }, required=['prefix', 'name'])),
        'ca_certificates': entries(closed({
            'cert': TEXT,
            'cert_path': TEXT,
            'tags': NAMES,
            'protected': BOOLEAN,
        }, rules={'if': {'not': {'required': ['cert']}}, 'then': {'required': ['cert_path']}})),
        'certificates': entries(closed({
            'cert': TEXT,
            'cert_path': TEXT,
            'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
            'key_path': TEXT,
            'cert_alt': TEXT,
            'key_alt': {'type': 'string', 'minLength': 1, 'writeOnly': True},
            'tags': NAMES,
            'protected': BOOLEAN,
            'snis': entries(closed({
                'name': TEXT,
                'tags': NAMES,
                'protected': BOOLEAN,
            }, required=['name'])),
        }, rules={
            'allOf': [
                {'if': {'not': {'required': ['cert']}}, 'then': {'required': ['cert_path']}},
                {'if': {'not': {'required': ['key']}}, 'then': {'required': ['key_path']}},
            ],
        })),
        'upstreams': entries(closed({
            'name': TEXT,
            'algorithm': {
                'enum': ['consistent-hashing', 'least-connections', 'round-robin', 'latency', 'sticky-sessions'],
            },
            'hash_on': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
            'hash_fallback': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
            'hash_on_header': TEXT,
            'hash_fallback_header': TEXT,
            'hash_on_cookie': TEXT,
            'hash_on_cookie_path': TEXT,
            'hash_on_query_arg': TEXT,
            'hash_fallback_query_arg': TEXT,
            'hash_on_uri_capture': TEXT,
            'hash_fallback_uri_capture': TEXT,
            'host_header': TEXT,
            'slots': {'type': 'integer', 'minimum': 10, 'maximum': 65536},
            'healthchecks': OBJECT,
            'use_srv_name': BOOLEAN,
            'sticky_sessions_cookie': TEXT,
            'sticky_sessions_cookie_path': TEXT,
            'tags': NAMES,
            'protected': BOOLEAN,
            'targets': entries(closed({
                'target': {
                    'type': 'string',
                    'minLength': 1,
                    'pattern': '^[^\\s:/]+(:\\d{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?$',
                },
                'weight': {'type': 'integer', 'minimum': 0, 'maximum': 65535},
                'failover': BOOLEAN,
                'tags': NAMES,
                'protected': BOOLEAN,
            }, required=['target'])),
        }, required=['name'])),
        'services': entries(closed({
            'name': TEXT,
            'url': TEXT,
            'host': TEXT,
            'port': {'type': 'integer', 'minimum': 0, 'maximum': 65535},
            'protocol': {'enum': ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']},
            'path': STRING,
            'enabled': BOOLEAN,
            'retries': {'type': 'integer', 'minimum': 0},
            'connect_timeout': {'type': 'integer', 'minimum': 1},
            'read_timeout': {'type': 'integer', 'minimum': 1},
            'write_timeout': {'type': 'integer', 'minimum': 1},
            'tags': NAMES,
            'protected': BOOLEAN,
        }, required=['name'], rules={'if': {'not': {'required': ['url']}}, 'then': {'required': ['host']}})),
        'routes': entries(closed({
            'name': TEXT,
            'service': TEXT,
            'paths': entries(STRING),
            'hosts': entries(STRING),
            'methods': entries({'type': 'string', 'pattern': '^[A-Z]+$'}),
            'protocols': entries(STRING),
            'strip_path': BOOLEAN,
            'preserve_host': BOOLEAN,
            'headers': OBJECT,
            'tags': NAMES,
            'protected': BOOLEAN,
        }, required=['name'])),
        'plugins': entries(closed({
            'name': TEXT,
            'instance_name': TEXT,
            'service': TEXT,
            'route': TEXT,
            'consumer': TEXT,
            'consumer_group': TEXT,
            'config': OBJECT,
            'enabled': BOOLEAN,
            'protocols': entries(STRING),
            'tags': NAMES,
            'protected': BOOLEAN,
        }, required=['name', 'instance_name'])),
        'consumers': entries(closed({
            'username': TEXT,
            'custom_id': TEXT,
            'tags': NAMES,
            'protected': BOOLEAN,
            'keyauth_credentials': entries(closed({
                'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                'tags': NAMES,
                'protected': BOOLEAN,
            }, required=['key'])),
            'basicauth_credentials': entries(closed({
                'username': TEXT,
                'password': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                'tags': NAMES,
                'protected': BOOLEAN,
            }, required=['username', 'password'])),
            'acls': entries(closed({
                'group': TEXT,
                'tags': NAMES,
                'protected': BOOLEAN,
            }, required=['group'])),
        }, required=['username'])),
        'consumer_groups': entries(closed({
            'name': TEXT,
            'tags': NAMES,
            'protected': BOOLEAN,
            'members': NAMES,
        }, required=['name'])),
        'gateway': {
            'type': 'object',
            'writeOnly': True,
            'description': ('The gateway configuration of the control plane as an inline decK state file (its content is checked where it '
                            'is applied). Instead of gateway_file and of the sections vaults, ca_certificates, certificates, upstreams, '
                            'services, routes, consumers, consumer_groups and plugins.'),
        },
        'gateway_file': {
            'type': 'string',
            'minLength': 1,
            'description': ('Path of a decK state file (YAML or JSON) on the controller: the gateway configuration of the control plane. '
                            'Instead of gateway and of the gateway sections.'),
        },
    }, required=['name', 'region'])),
}), required=['managed_by'], rules={
    '$defs': PUBLISHING_DEFINITIONS,
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    '$id': 'https://github.com/konnect-konnect/konnect.konnect/plugins/module_utils/org_schema.py',
    'title': 'konnect_org: a Konnect organization for the konnect.konnect.org_bootstrap role and the konnect.konnect.apply module',
})
