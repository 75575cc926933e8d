# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identity v3 and Organizations v3: people, teams, roles, robots and single sign-on (global API)."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_FILTER,
    LOOKUP_LIST,
    PLAIN,
    Entity,
    Field,
    IdReference,
    Membership,
    Parent,
    Reference,
    Singleton,
    Token,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

ROLE_NAMES = [
    'Admin', 'Appearance Maintainer', 'Application Registration', 'Certificate Admin', 'Cloud Gateway Cluster Admin',
    'Cloud Gateway Cluster Viewer', 'Consumer Admin', 'Connector', 'Creator', 'Debug Session Creator', 'Deployer',
    'Discovery Admin', 'Discovery Viewer', 'Editor', 'Gateway Service Admin', 'Integration Admin', 'Integration Viewer',
    'Key Admin', 'Maintainer', 'Network Admin', 'Network Creator', 'Network Viewer', 'Plugin Admin', 'Plugins Admin',
    'Product Publisher', 'Publisher', 'Route Admin', 'SNI Admin', 'Scorecard Admin', 'Scorecard Viewer', 'Service Admin',
    'Service Creator', 'Service Viewer', 'Upstream Admin', 'Vault Admin', 'Viewer', 'Registration Approver', 'Content Editor',
    'Add On Admin', 'Add On Viewer',
]
ROLE_ENTITY_TYPES = [
    'Add Ons', 'APIs', 'API Products', 'Application Auth Strategies', 'Audit Logs', 'Control Planes', 'Dashboards',
    'DCR Providers', 'Mesh Control Planes', 'Networks', 'Portals', 'Reports', 'Service Hub', 'Auth Servers',
]
ROLE_REGIONS = ['us', 'eu', 'au', 'me', 'in', 'sg', '*']

# Entity types of role assignments whose entity can be given by name (looked up in entity_region).
ROLE_ENTITY_LOOKUPS = {'Control Planes': 'control_plane'}

ON_TEAM = Parent('team', 'team')


def _labels():
    return Field('labels', type='dict', kind=LABELS)


TEAM = Entity(
    'team', 'team', '/v3/teams',
    fields=[Field('name'), Field('description'), _labels()],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    filterable={'name': ('eq', 'contains')}, labels_nullable=True,
)


def lower_case(value):
    return value.lower() if isinstance(value, str) else value


def lower_case_email(body):
    """Email addresses are compared without regard to case; Konnect is asked about (and invites) the lower-case form."""
    if isinstance(body.get('email'), str):
        body['email'] = body['email'].lower()
    return body


USER = Entity(
    'user', 'user', '/v3/users',
    fields=[Field('email', create_only=True), Field('full_name'), Field('preferred_name')],
    key='email', lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', recreatable=False,
    create_path='/v3/invites', create_fields=('email',), prepare=lower_case_email, match_values=lower_case,
    filterable={'id': ('eq',), 'email': ('eq', 'contains'), 'full_name': ('eq', 'contains'), 'active': (PLAIN,)},
    extras=lambda user: {'pending': not user.get('active', False)},
)

TEAM_USER = Membership(
    'team_user', 'team membership', '/v3/teams/{team}/users',
    references=[IdReference('user', 'user', body_field='id', required=True)],
    key='id', lookup=LOOKUP_FILTER, pagination='page',
    parents=[ON_TEAM], filterable={'id': ('eq',), 'email': ('eq', 'contains')},
)

SYSTEM_ACCOUNT = Entity(
    'system_account', 'system account', '/v3/system-accounts',
    fields=[Field('name'), Field('description', create_required=True), Field('konnect_managed', type='bool', create_only=True)],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    filterable={'name': ('eq', 'contains'), 'description': ('eq', 'contains'), 'konnect_managed': (PLAIN,)},
)

SYSTEM_ACCOUNT_TEAM = Membership(
    'system_account_team', 'team membership of a system account', '/v3/teams/{team}/system-accounts',
    references=[IdReference('system_account', 'system_account', body_field='id', required=True)],
    key='id', lookup=LOOKUP_LIST, pagination='page',
    parents=[ON_TEAM], filterable={'name': ('eq', 'contains')},
)

SYSTEM_ACCOUNT_ACCESS_TOKEN = Token(
    'system_account_access_token', 'system account access token', '/v3/system-accounts/{system_account}/access-tokens',
    fields=[Field('name'), Field('expires_at', create_only=True, create_required=True)],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    parents=[Parent('system_account', 'system_account')], filterable={'name': ('eq', 'contains')},
)


def current_user_scope(resolver):
    """Personal access tokens live under the calling user, who must be a person (``kpat_`` or a legacy login)."""
    if resolver.client.token_kind == 'system':
        raise KonnectParameterError(
            'konnect_token: personal access tokens can only be managed with a personal access token (kpat_) or the legacy '
            'email/password login, not with a system account token (spat_).')
    return {'user': resolver.client.get_once('/v3/users/me', what='the calling user')['id']}


PERSONAL_ACCESS_TOKEN = Token(
    'personal_access_token', 'personal access token', '/v3/users/{user}/access-tokens',
    fields=[Field('name'), Field('expires_at', create_only=True), Field('ttl_seconds', type='int', create_only=True, shown=False)],
    lookup=LOOKUP_LIST, pagination='none', update_method='PATCH', create_requires_one_of=[('expires_at', 'ttl_seconds')],
    scope=current_user_scope, secret_field='konnect_token',
)


class RoleEntityReference(Reference):
    """The entity a role applies to: an id, or a name looked up in ``entity_region`` (control planes)."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        if looks_like_id(value):
            return {self.body_field: value}
        entity_type = params.get('entity_type_name')
        region = params.get('entity_region')
        if entity_type not in ROLE_ENTITY_LOOKUPS:
            raise KonnectParameterError('entity: give the id of the %s entity (only %s can be given by name).' % (
                entity_type, ', '.join(sorted(ROLE_ENTITY_LOOKUPS))))
        if region in (None, '*'):
            raise KonnectParameterError("entity: %r is a name; set entity_region to the region it lives in (not '*') or give its id." % value)
        target = resolver.registry(ROLE_ENTITY_LOOKUPS[entity_type])
        return {self.body_field: resolver.resolve_id(self.option, target, {}, value, region=region)}

    def current(self, obj):
        return obj.get(self.body_field)


def _role_assignment(name, title, collection, parent):
    return Entity(
        name, title, collection,
        fields=[Field('role_name', choices=ROLE_NAMES, required=True),
                Field('entity_type_name', choices=ROLE_ENTITY_TYPES, required=True),
                Field('entity_region', choices=ROLE_REGIONS, required=True)],
        references=[RoleEntityReference('entity', None, body_field='entity_id', required=True)],
        key=('role_name', 'entity_type_name', 'entity_id', 'entity_region'),
        lookup=LOOKUP_FILTER, pagination='none', update_method=None,
        parents=[parent], filterable=('role_name', 'entity_type_name'),
    )


TEAM_ROLE = _role_assignment('team_role', 'team role assignment', '/v3/teams/{team}/assigned-roles', ON_TEAM)
USER_ROLE = _role_assignment('user_role', 'user role assignment', '/v3/users/{user}/assigned-roles', Parent('user', 'user'))
SYSTEM_ACCOUNT_ROLE = _role_assignment('system_account_role', 'system account role assignment',
                                       '/v3/system-accounts/{system_account}/assigned-roles', Parent('system_account', 'system_account'))


def flatten_roles(catalogue):
    """``GET /v3/roles`` answers a map of entity types to their roles; list one role per entry."""
    roles = []
    for entity_type in sorted((catalogue or {}).values(), key=lambda item: item.get('name', '')):
        for role in sorted((entity_type.get('roles') or {}).values(), key=lambda item: item.get('name', '')):
            roles.append({'entity_type_name': entity_type.get('name'), 'name': role.get('name'), 'description': role.get('description')})
    return roles


ROLE = Singleton('role', 'predefined role', '/v3/roles', reader=flatten_roles)

OIDC_CONFIG = dict(
    issuer_url=dict(type='str'), client_id=dict(type='str'), client_secret=dict(type='str', no_log=True),
    scopes=dict(type='list', elements='str'), claim_mappings=dict(type='dict'),
    idp_metadata_url=dict(type='str'), idp_metadata_xml=dict(type='str'),
)

IDENTITY_PROVIDER = Entity(
    'identity_provider', 'identity provider', '/v3/identity-providers',
    fields=[Field('type', choices=['oidc', 'saml'], create_only=True), Field('enabled', type='bool'), Field('login_path'),
            Field('config', type='dict', options=OIDC_CONFIG, secret_keys=('client_secret',))],
    key='type', lookup=LOOKUP_FILTER, pagination='none', update_method='PATCH', filterable=('type',),
)

IDENTITY_PROVIDER_TEAM_GROUP_MAPPING = Entity(
    'identity_provider_team_group_mapping', 'team group mapping', '/v3/identity-providers/{identity_provider}/team-group-mappings',
    fields=[Field('group', required=True)],
    references=[IdReference('team', 'team', body_field='team_id', required=True)],
    key=('team_id', 'group'), lookup=LOOKUP_FILTER, pagination='cursor', update_method=None,
    parents=[Parent('identity_provider', 'identity_provider')], filterable=('team_id', 'group'),
)

AUTHENTICATION_SETTINGS = Singleton(
    'authentication_settings', 'authentication settings', '/v3/authentication-settings',
    fields=[Field(name, type='bool') for name in
            ('basic_auth_enabled', 'oidc_auth_enabled', 'saml_auth_enabled', 'idp_mapping_enabled', 'konnect_mapping_enabled')],
)


def current_organization_scope(resolver):
    return {'organization': resolver.client.get_once('/v3/organizations/me', what='the organization')['id']}


ORGANIZATION = Singleton('organization', 'organization', '/v3/organizations/me', plural='organizations')

ORGANIZATION_PAT_SETTINGS = Singleton(
    'personal_access_token_settings', 'personal access token settings', '/v3/organizations/{organization}/personal-access-token-settings',
    fields=[Field('pats_enabled', type='bool'), Field('max_expiration_period_days', type='int')],
    scope=current_organization_scope,
)

ORGANIZATION_IP_ALLOW_LIST = Singleton(
    'ip_allow_list', 'IP allow list', '/v3/organizations/{organization}/ip-allow-list', create_method='PUT',
    fields=[Field('enabled', type='bool'), Field('allowed_ips', type='list', elements='str', unordered=True)],
    scope=current_organization_scope,
)

IMPERSONATION_SETTINGS = Singleton(
    'impersonation_settings', 'impersonation settings', '/v3/organizations/impersonation', fields=[Field('enabled', type='bool')],
)

ENTITIES = (
    TEAM, USER, TEAM_USER, SYSTEM_ACCOUNT, SYSTEM_ACCOUNT_TEAM, SYSTEM_ACCOUNT_ACCESS_TOKEN, PERSONAL_ACCESS_TOKEN,
    TEAM_ROLE, USER_ROLE, SYSTEM_ACCOUNT_ROLE, ROLE, IDENTITY_PROVIDER, IDENTITY_PROVIDER_TEAM_GROUP_MAPPING,
    AUTHENTICATION_SETTINGS, ORGANIZATION, ORGANIZATION_PAT_SETTINGS, ORGANIZATION_IP_ALLOW_LIST, IMPERSONATION_SETTINGS,
)
