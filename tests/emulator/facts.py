# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Hand-written facts the specs do not state as schema. Everything else is derived (see derived/*.json).

ENTITY_FACTS is the one table of entity-specific behaviour. Keys are the store key of a collection:
the entity schema name for core entities (shared by flat and nested paths, e.g. ``Route``), or the
collection path template with parameters blanked (``/v3/teams/{}/assigned-roles``) for platform APIs.

Recognised entries:
  unique           fields unique within the collection scope (409 platform / 400 core)
  unique_within    core only: foreign field that narrows the uniqueness scope (targets per upstream)
  natural_key      core only: field that the item path accepts instead of the id
  conflict_detail  platform 409 detail text
  nested_config    platform create fields moved under ``config`` in the response, with their defaults
  endpoints        generate control-plane/telemetry endpoints under ``config``
  field_paths      filter/sort field -> dotted path in the stored record
  restrict_refs    core only: foreign fields that block deleting the referenced entity (others cascade)
  url_shorthand    core only: accept ``url`` and expand it to protocol/host/port/path
  members          platform membership collection: the collection its member ids point into
  memberships      platform reverse listing (``/v3/users/{}/teams``): the membership collection it reads
  member_of        platform: membership collection a deleted entity is removed from
  referenced_by    platform: (collection, id field) pairs whose records go with a deleted entity
  token_state      platform: records are access tokens; responses carry the computed ``state``
  unique_together  core only: index name -> fields unique together (Kong's cache keys; references compare by id)
  at_least_one_of, mutually_exclusive, all_or_none_of
                   core only: Kong's entity checks over these fields (400 ``ERROR_TYPE_ENTITY``)
  required_if      core only: field -> (other field, regex): required when the other field's value matches
  generated        core only: fields Kong generates (a random string) when the client sends none
  hashed           core only: field stored and returned as Kong's salted sha1 hex (basic-auth password)
  digest           core only: (source, target): target is the sha256 hex of the source PEM certificate's DER
  pem_certificates core only: fields that must hold one PEM certificate
  pem_private_keys core only: fields that must hold a PEM private key
  key_material     core only: validate ``jwk`` (JSON, same kid) and ``pem`` (PEM keys) as Kong's keys do
  patterns         core only: field -> regex the value must match (Kong's ``match``)
  list_references  core only: field holding a list of ``{id}`` -> entity schema name they must exist in
"""

REGIONS = ('us', 'eu', 'au', 'me', 'in', 'sg')
GLOBAL_BASE = 'global'
DEFAULT_BASE = 'default'
# A host serving only the older login form (POST /api/auth); otherwise the default host.
LEGACY_BASE = 'legacy'
# A developer portal's own host (/portal/<domain>/... or a Host header naming the domain).
PORTAL_BASE = 'portal'
DEFAULT_REGION = 'us'

LOGIN_PATH = '/kauth/api/v1/authenticate'
LEGACY_LOGIN_PATH = '/api/auth'
# Undocumented (README): the expiration_date the older login answers; sessions themselves do not expire here.
LEGACY_SESSION_SECONDS = 24 * 3600
SESSION_COOKIE = 'konnectaccesstoken'
READONLY_PERMISSION = 'readonly'

PAGE_SIZE_DEFAULT = 10
OFFSET_SIZE_DEFAULT = 100

ENTITY_FACTS = {
    '/v2/control-planes': {
        'unique': ('name',),
        'conflict_detail': 'Control Plane with provided name already exists.',
        'nested_config': {
            'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE',
            'auth_type': 'pinned_client_certs',
            'cloud_gateway': False,
            'proxy_urls': [],
        },
        'endpoints': True,
        'field_paths': {'cluster_type': 'config.cluster_type', 'cloud_gateway': 'config.cloud_gateway'},
        'member_of': '/v2/control-planes/{}/group-memberships',
    },
    # POST /v3/teams declares no 409: Konnect's spec does not make team names unique.
    '/v3/teams': {'referenced_by': (('/v3/identity-providers/{}/team-group-mappings', 'team_id'),)},
    '/v3/users': {'member_of': '/v3/teams/{}/users'},
    '/v3/system-accounts': {
        'unique': ('name',),
        'conflict_detail': 'System account with provided name already exists.',
        'member_of': '/v3/teams/{}/system-accounts',
    },
    '/v3/teams/{}/users': {'members': '/v3/users', 'conflict_detail': 'User is already a member of the team.'},
    '/v3/teams/{}/system-accounts': {'members': '/v3/system-accounts', 'conflict_detail': 'System account is already a member of the team.'},
    '/v3/users/{}/teams': {'memberships': '/v3/teams/{}/users'},
    '/v3/system-accounts/{}/teams': {'memberships': '/v3/teams/{}/system-accounts'},
    # Both token POSTs declare 409; the system-account one is for a duplicate name within its owner.
    '/v3/users/{}/access-tokens': {
        'unique': ('name',),
        'conflict_detail': 'A personal access token with this name already exists.',
        'token_state': True,
    },
    '/v3/system-accounts/{}/access-tokens': {
        'unique': ('name',),
        'conflict_detail': 'The system account already has an access token with this name.',
    },
    # One identity provider per type (the natural key), and only one enabled at a time.
    '/v3/identity-providers': {'unique': ('type',), 'conflict_detail': 'An identity provider of this type already exists.'},
    '/v3/identity-providers/{}/team-group-mappings': {'conflict_detail': 'The team is already mapped to this group.'},
    # Core entities. Foreign keys Kong declares without ``on_delete = "cascade"`` restrict the delete of what
    # they reference (a service's routes, a certificate used as client certificate); the others cascade.
    'Service': {'natural_key': 'name', 'unique': ('name',), 'url_shorthand': True, 'restrict_refs': ('client_certificate',)},
    'Route': {'natural_key': 'name', 'unique': ('name',), 'restrict_refs': ('service',)},
    'Upstream': {'natural_key': 'name', 'unique': ('name',), 'restrict_refs': ('client_certificate',)},
    'Target': {'natural_key': 'target', 'unique': ('target',), 'unique_within': 'upstream'},
    'Certificate': {
        'pem_certificates': ('cert', 'cert_alt'), 'pem_private_keys': ('key', 'key_alt'),
        'all_or_none_of': ('cert_alt', 'key_alt'),
    },
    'CACertificate': {'pem_certificates': ('cert',), 'digest': ('cert', 'cert_digest'), 'unique': ('cert_digest',)},
    'SNI': {'natural_key': 'name', 'unique': ('name',)},
    'Key': {
        'natural_key': 'name', 'unique': ('name',), 'unique_together': {'cache_key': ('kid', 'set')},
        'at_least_one_of': ('jwk', 'pem'), 'mutually_exclusive': ('jwk', 'pem'), 'key_material': True,
    },
    'KeySet': {'natural_key': 'name', 'unique': ('name',)},
    # Kong's vault prefix: a lowercase letter, then letters, digits or dashes, ending with a letter or digit.
    'Vault': {'natural_key': 'prefix', 'unique': ('prefix',), 'patterns': {'prefix': r'^[a-z][a-z0-9-]*[a-z0-9]$'}},
    'Consumer': {
        'natural_key': 'username', 'unique': ('username', 'custom_id'), 'field_paths': {'name': 'username'},
        'at_least_one_of': ('custom_id', 'username'),
    },
    'ConsumerGroup': {'natural_key': 'name', 'unique': ('name',)},
    # One plugin of a name per scope (Konnect's unique-plugin-per-entity index); a plugin scopes a consumer
    # or a consumer group, not both.
    'Plugin': {
        'unique': ('instance_name',),
        'unique_together': {'unique-plugin-per-entity': ('name', 'service', 'route', 'consumer', 'consumer_group')},
        'mutually_exclusive': ('consumer', 'consumer_group'), 'list_references': {'partials': 'Partial'},
    },
    'CustomPlugin': {'natural_key': 'name', 'unique': ('name',)},
    # Credentials (Kong's plugin DAOs): unique keys and usernames, generated secrets, hashed passwords.
    'ACL': {'unique_together': {'cache_key': ('consumer', 'group')}},
    'BasicAuth': {'unique': ('username',), 'hashed': 'password'},
    'KeyAuth': {'unique': ('key',), 'generated': ('key',)},
    'HMACAuth': {'unique': ('username',), 'generated': ('secret',)},
    'JWT': {'unique': ('key',), 'generated': ('key', 'secret'), 'required_if': {'rsa_public_key': ('algorithm', r'^(?!HS)')}},
    'MTLSAuth': {'unique_together': {'cache_key': ('subject_name', 'ca_certificate')}},
}

# Control-plane group memberships: records ``{id}`` of member control planes, scoped by the group id.
GROUP_MEMBERSHIPS = '/v2/control-planes/{}/group-memberships'

# Label keys (platform APIs): 1-63 characters, none of these prefixes (stated in prose only by the specs).
LABEL_KEY_MAX_LENGTH = 63
RESERVED_LABEL_KEY_PREFIXES = ('kong', 'konnect', 'mesh', 'kic', '_')

# Core-entity foreign field -> entity schema name it references.
FOREIGN_KINDS = {
    'service': 'Service',
    'route': 'Route',
    'consumer': 'Consumer',
    'consumer_group': 'ConsumerGroup',
    'upstream': 'Upstream',
    'certificate': 'Certificate',
    'client_certificate': 'Certificate',
    'ca_certificate': 'CACertificate',
    'set': 'KeySet',
}
# Store key of consumer-group memberships (Kong's consumer_group_consumers): records with
# ``consumer_group`` and ``consumer`` references, so both deletes cascade to them.
CONSUMER_GROUP_MEMBERS = 'ConsumerGroupConsumer'

# Entity schema name -> Kong collection name used in Kong error messages.
KONG_COLLECTIONS = {
    'Service': 'services', 'Route': 'routes', 'Upstream': 'upstreams', 'Target': 'targets', 'SNI': 'snis',
    'Certificate': 'certificates', 'CACertificate': 'ca_certificates', 'Consumer': 'consumers',
    'ConsumerGroup': 'consumer_groups', 'Plugin': 'plugins', 'Key': 'keys', 'KeySet': 'key_sets', 'Vault': 'vaults',
}

# Control-plane cluster types whose core entities cannot be written, with the answer Konnect gives.
READ_ONLY_CLUSTER_TYPES = {
    'CLUSTER_TYPE_CONTROL_PLANE_GROUP': (400, {'code': 3, 'message': 'core entities cannot be written in a control plane group', 'details': []}),
    'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER': (403, {'code': 7, 'message': 'operation not permitted on KIC cluster'}),
}

ORGANIZATION = {
    'id': '6f1d4a5e-2b7c-4c3e-9a8f-0e1d2c3b4a59',
    'name': 'Konnect Emulator Org',
    'login_path': '',
    'state': 'active',
    'retention_period_days': 90,
    'created_at': '2024-01-01T00:00:00.000Z',
    'updated_at': '2024-01-01T00:00:00.000Z',
}

# Path parameters whose parent is not a collection of the specs.
VIRTUAL_PARENTS = {'organizationId': ORGANIZATION['id']}

# Role assignments: the 4-tuple that identifies one (and may be assigned once).
ROLE_ASSIGNMENT_FIELDS = ('role_name', 'entity_type_name', 'entity_id', 'entity_region')
ROLE_ASSIGNMENT_CONFLICT = 'The role is already assigned.'

# Identity providers: the config schema of each type, and the service-provider URLs of a SAML one
# (shapes of the spec's example values; {org} is the organization id, {path} the login path).
IDP_CONFIG_SCHEMAS = {'oidc': 'OIDCIdentityProviderConfig', 'saml': 'SAMLIdentityProviderConfig'}
SAML_SERVICE_PROVIDER = {
    'sp_entity_id': 'https://cloud.konghq.com/sp/{org}',
    'sp_metadata_url': 'https://cloud.konghq.com/v2/authenticate/{path}/saml/metadata',
    'login_url': 'https://cloud.konghq.com/login/{path}',
    'callback_url': 'https://cloud.konghq.com/v2/authenticate/{path}/saml/acs',
}
# authentication-settings flags that log users in, and the IdP type each one needs.
LOGIN_SCHEMES = {'basic_auth_enabled': None, 'oidc_auth_enabled': 'oidc', 'saml_auth_enabled': 'saml'}

# Access tokens. The docs (notes §2.2) give a 12-month maximum lifetime for PATs and SPATs and at
# most 10 PATs per user (the create-PAT operation states the 10 too).
TOKEN_MAX_LIFETIME_DAYS = 365
MAX_PATS_PER_USER = 10
PAT_SETTINGS_PATH = '/v3/organizations/{organizationId}/personal-access-token-settings'

# Singletons of a fresh organization, where the response schema has no default.
SINGLETON_DEFAULTS = {
    # PATs live at most 12 months (notes §2.2); pats_enabled defaults to true in the schema.
    PAT_SETTINGS_PATH: {'max_expiration_period_days': TOKEN_MAX_LIFETIME_DAYS},
    # A new organization logs in with email and password and assigns teams in Konnect.
    '/v3/authentication-settings': {
        'basic_auth_enabled': True, 'oidc_auth_enabled': False, 'saml_auth_enabled': False,
        'idp_mapping_enabled': False, 'konnect_mapping_enabled': True,
    },
    '/v3/organizations/impersonation': {'enabled': False},
}


def facts_for(store_key):
    return ENTITY_FACTS.get(store_key, {})
