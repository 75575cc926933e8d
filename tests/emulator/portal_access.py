# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Portal Management v3: who may see and use a portal (developers, teams, roles, applications, registrations, IdPs).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py). Rules the spec leaves out are listed in README.md, "Portal access".
"""

import copy
import time
import uuid

from . import facts as F
from .crud import (VIEW_HOOKS, Call, check_unique, delete_entity, dispatch, find_item, list_entities, new_record, render, resolve_path,
                   validated_body)
from .errors import ApiError, Issue, Response, not_found, schema_issues, validation_error
from .schemas import rfc3339
from .specials import enum_name

PORTAL = '/v3/portals/{portalId}'
PORTALS_STORE = '/v3/portals'
DEVELOPERS = '/v3/portals/{}/developers'
TEAMS = '/v3/portals/{}/teams'
TEAM_DEVELOPERS = '/v3/portals/{}/teams/{}/developers'
APPLICATIONS = '/v3/portals/{}/applications'
REGISTRATIONS = '/v3/portals/{}/applications/{}/registrations'
IDENTITY_PROVIDERS = '/v3/portals/{}/identity-providers'
IDP_MAPPINGS = '/v3/portals/{}/identity-providers/{}/team-group-mappings'
APIS_STORE = '/v3/apis'
STRATEGIES_STORE = '/v2/application-auth-strategies'
PUBLICATION = '/v3/apis/{apiId}/publications/{portalId}'
PORTAL_ROLES = '/v3/portal-roles'

STATUSES = ('approved', 'pending', 'revoked', 'rejected')
# Not in the spec (it lists the statuses only): a pending request is approved or rejected, an approval revoked, a
# revoked or rejected one approved again; nothing returns to pending. The collection's modules check the same table.
STATUS_TRANSITIONS = {
    'pending': ('approved', 'rejected'),
    'approved': ('revoked',),
    'revoked': ('approved',),
    'rejected': ('approved',),
}

# An application's auth strategy as the application answers it (AuthStrategyKeyAuth / AuthStrategyClientCredentials),
# from the strategy's type and configs (application-auth-strategies v2).
KEY_AUTH = 'key_auth'
OPENID_CONNECT = 'openid_connect'

# SAML service-provider values of a portal identity provider (the spec's example values; {org} the organization id).
PORTAL_SAML_SERVICE_PROVIDER = {
    'sp_entity_id': 'https://cloud.konghq.com/sp/{org}',
    'sp_metadata_url': '/api/v2/developer/authenticate/saml/metadata',
    'callback_url': '/api/v2/developer/authenticate/saml/acs',
}
PORTAL_IDP_CONFIG_SCHEMAS = {'oidc': 'OIDCIdentityProviderConfig', 'saml': 'PortalSAMLIdentityProviderConfig'}

FACTS = {
    DEVELOPERS: {
        'conflict_detail': 'Developer with the given email already exists',  # PM's CreateDeveloperConflictExample1
        'field_paths': {'name': 'full_name'},
        'member_of': TEAM_DEVELOPERS,
    },
    TEAMS: {'referenced_by': ((IDP_MAPPINGS, 'team_id'),)},
    TEAM_DEVELOPERS: {'members': DEVELOPERS, 'conflict_detail': 'Developer is already a member of the team.'},
    '/v3/portals/{}/teams/{}/assigned-roles': {'conflict_detail': 'The role is already assigned to the team.'},
    APPLICATIONS: {'field_paths': {'developer_id': 'owner.id', 'team_id': 'owner.id'}},
    REGISTRATIONS: {'conflict_detail': 'API is already registered to the application'},  # PM's CreateApplicationRegistrationConflictExample
    '/v3/portals/{}/application-registrations': {'field_paths': {'application_name': 'application.name', 'developer_id': 'developer_id'}},
    IDENTITY_PROVIDERS: {'unique': ('type',), 'conflict_detail': 'An identity provider of this type already exists in this portal.'},
    IDP_MAPPINGS: {'conflict_detail': 'The team is already mapped to this group.'},
}
SINGLETON_DEFAULTS = {}


def now_text():
    return rfc3339(time.time())


def portal_id_of(path):
    return path.records[0]['id']


def other_call(call, template, method, params, query=None, body=None):
    """A call of another operation on the same state, as if the client had sent it."""
    route = call.api.routes[template]
    return Call(call.api, call.partition, route, route.ops[method], params, query or {}, body, call.region, call.principal)


# ---- developers ------------------------------------------------------------------------


def find_developer_by_email(call, portal_id, email):
    """Emails compare without regard to case (mail addresses are; the spec does not say)."""
    wanted = email.casefold()
    for record in call.partition.records(DEVELOPERS, (portal_id,)).values():
        if record['email'].casefold() == wanted:
            return record
    return None


def create_developer(call):
    """``POST /v3/portals/{portalId}/developers``: 201; without ``status`` the portal's ``auto_approve_developers``
    decides (approved or pending, PM:3094); a developer's email once per portal (409, PM:8534)."""
    path = resolve_path(call)
    body = validated_body(call)
    portal = path.records[0]
    if find_developer_by_email(call, portal['id'], body['email']) is not None:
        raise ApiError(409, call.facts['conflict_detail'])
    status = body.get('status') or ('approved' if portal.get('auto_approve_developers') else 'pending')
    now = now_text()
    record = {'id': str(uuid.uuid4()), 'email': body['email'], 'full_name': body['full_name'], 'status': status,
              'created_at': now, 'updated_at': now}
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def status_change_issue(have, want):
    if want == have or want in STATUS_TRANSITIONS.get(have, ()):
        return None
    return Issue('status', 'invalid', 'cannot change from %s to %s; from %s it can become %s' % (
        have, want, have, ' or '.join(STATUS_TRANSITIONS.get(have, ())) or 'nothing else'))


def update_status(call):
    """``PATCH`` of a developer or a registration: ``status`` only, along the status machine (400 otherwise)."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    if body.get('status') is not None:
        issue = status_change_issue(existing['status'], body['status'])
        if issue is not None:
            raise validation_error([issue])
        if body['status'] != existing['status']:
            existing['status'] = body['status']
            existing['updated_at'] = now_text()
    return Response(call.op.success_status, render(call, existing))


def delete_developer(call):
    """``DELETE``: the developer, their team memberships and the applications they own, with those applications'
    registrations (PM: "delete all applications owned by them")."""
    path = resolve_path(call)
    existing = find_item(call, path)
    response = delete_entity(call)
    portal_id = portal_id_of(path)
    for application in list(call.partition.records(APPLICATIONS, (portal_id,)).values()):
        if application.get('owner') == {'type': 'developer', 'id': existing['id']}:
            call.partition.remove(APPLICATIONS, (portal_id,), application['id'])
    return response


def developer_teams(call):
    """``GET .../developers/{developerId}/teams``: the teams of the portal the developer belongs to."""
    path = resolve_path(call)
    portal_id, developer_id = portal_id_of(path), path.records[-1]['id']
    teams = [team for team_id, team in call.partition.records(TEAMS, (portal_id,)).items()
             if developer_id in call.partition.records(TEAM_DEVELOPERS, (portal_id, team_id))]
    return list_entities(call, teams)


# ---- teams: members and roles ---------------------------------------------------------------


def add_team_developer(call):
    """``POST .../teams/{teamId}/developers {id}``: 201 without a body; a developer of another portal (or none) is 404,
    one already in the team 409."""
    path = resolve_path(call)
    body = validated_body(call)
    portal_id = portal_id_of(path)
    if body['id'] not in call.partition.records(DEVELOPERS, (portal_id,)):
        raise not_found()
    members = call.partition.records(call.store_key, path.scope)
    if body['id'] in members:
        raise ApiError(409, call.facts['conflict_detail'])
    members[body['id']] = {'id': body['id'], 'created_at': now_text()}
    return Response(call.op.success_status)


def basic_developer(developer):
    """A member as the team lists it (BasicDeveloper): ``active`` is whether the developer may log in (approved)."""
    return {'id': developer['id'], 'email': developer['email'], 'full_name': developer['full_name'],
            'active': developer['status'] == 'approved', 'created_at': developer['created_at'], 'updated_at': developer['updated_at']}


def list_team_developers(call):
    path = resolve_path(call)
    developers = call.partition.records(DEVELOPERS, (portal_id_of(path),))
    members = call.partition.records(call.store_key, path.scope)
    return list_entities(call, [basic_developer(developers[member]) for member in members if member in developers])


def portal_role_catalogue(api):
    """``GET /v3/portal-roles`` from its response schema: entity types and their roles, names from the enums."""
    op = api.routes[PORTAL_ROLES].ops['GET']
    schemas = op.schemas
    catalogue = {}
    for group_key, group_schema in sorted(schemas.resolve(op.response_schema).get('properties', {}).items()):
        group = schemas.resolve(group_schema)
        group_name = enum_name(schemas, group, group_key)
        roles = {}
        for role_key, role_schema in sorted(schemas.resolve(group.get('properties', {}).get('roles', {})).get('properties', {}).items()):
            role_name = enum_name(schemas, schemas.resolve(role_schema), role_key)
            roles[role_key] = {'name': role_name, 'description': '%s role for %s.' % (role_name, group_name)}
        catalogue[group_key] = {'name': group_name, 'roles': roles}
    return catalogue


def portal_roles(call):
    return Response(call.op.success_status, portal_role_catalogue(call.api))


def assign_portal_role(call):
    """``POST .../teams/{teamId}/assigned-roles``: the entity type and role must be in the portal role catalogue
    (400 ``enum`` with the choices); the same four values twice is the declared 409."""
    path = resolve_path(call)
    body = validated_body(call)
    catalogue = dict((group['name'], [role['name'] for role in group['roles'].values()])
                     for group in portal_role_catalogue(call.api).values())
    if body['entity_type_name'] not in catalogue:
        raise validation_error([Issue('entity_type_name', 'enum', 'must be one of: %s' % ', '.join(catalogue), choices=list(catalogue))])
    roles = catalogue[body['entity_type_name']]
    if body['role_name'] not in roles:
        raise validation_error([Issue('role_name', 'enum', 'must be one of: %s' % ', '.join(roles), choices=roles)])
    records = call.partition.records(call.store_key, path.scope)
    fields = ('role_name', 'entity_type_name', 'entity_id', 'entity_region')
    if any(all(record.get(name) == body[name] for name in fields) for record in records.values()):
        raise ApiError(409, call.facts['conflict_detail'])
    record = dict((name, body[name]) for name in fields)
    record['id'] = str(uuid.uuid4())
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


# ---- applications ---------------------------------------------------------------------------------


def application_owner(call, portal_id, owner):
    """The owner must be a developer or a team of this portal; a team must be allowed to own applications."""
    store = DEVELOPERS if owner['type'] == 'developer' else TEAMS
    record = call.partition.records(store, (portal_id,)).get(owner['id'])
    if record is None:
        raise validation_error([Issue('owner.id', 'missing_reference', 'no %s with this id in the portal' % owner['type'])])
    if owner['type'] == 'team' and not record.get('can_own_applications'):
        raise validation_error([Issue('owner.id', 'invalid', 'the team cannot own applications (can_own_applications is false)')])
    return record


def strategy_view(strategy):
    """The application's ``auth_strategy`` from the strategy record."""
    configs = strategy.get('configs') or {}
    if strategy.get('strategy_type') == KEY_AUTH:
        view = {'id': strategy['id'], 'name': strategy.get('name'), 'credential_type': 'key_auth',
                'key_names': (configs.get('key-auth') or {}).get('key_names') or []}
        ttl = (configs.get('key-auth') or {}).get('ttl')
        if ttl:
            view['ttl'] = ttl
        return view
    oidc = configs.get('openid-connect') or {}
    credential = 'self_managed_client_credentials' if strategy.get('dcr_provider') is None and oidc.get('dcr_provider_id') is None \
        else 'client_credentials'
    return {'id': strategy['id'], 'name': strategy.get('name'), 'credential_type': credential,
            'auth_methods': oidc.get('auth_methods') or [], 'available_scopes': oidc.get('scopes') or []}


def application_strategy(call, portal, strategy_id):
    """The strategy an application uses: the one given, else the portal's default; 400 when there is none."""
    strategy_id = strategy_id or portal.get('default_application_auth_strategy_id')
    if strategy_id is None:
        raise validation_error([Issue('auth_strategy_id', 'required', 'the portal has no default application auth strategy; give one')])
    strategy = call.partition.records(STRATEGIES_STORE, ()).get(strategy_id)
    if strategy is None:
        raise validation_error([Issue('auth_strategy_id', 'missing_reference', 'no application auth strategy with this id')])
    return strategy


def create_application(call):
    """``POST .../applications``: 201; the owner must exist in the portal, the auth strategy must exist (the portal's
    default when none is given). ``client_id`` is refused with DCR (notes §1); a client-credentials application
    without one gets a generated one. ``labels`` are write-only in the spec, so they are never answered."""
    path = resolve_path(call)
    body = validated_body(call)
    portal = path.records[0]
    application_owner(call, portal['id'], body['owner'])
    strategy = application_strategy(call, portal, body.get('auth_strategy_id'))
    view = strategy_view(strategy)
    dcr = (strategy.get('configs') or {}).get('openid-connect', {}).get('dcr_provider_id') or (strategy.get('dcr_provider') or {}).get('id')
    if dcr and body.get('client_id'):
        raise validation_error([Issue('client_id', 'invalid', 'client_id cannot be set for an application with a DCR provider')])
    now = now_text()
    record = {'id': str(uuid.uuid4()), 'name': body['name'], 'description': body.get('description'), 'owner': dict(body['owner']),
              'auth_strategy': view, 'portal': {'id': portal['id']}, 'labels': body.get('labels') or {},
              'created_at': now, 'updated_at': now}
    if view['credential_type'] != 'key_auth':
        record.update(client_id=body.get('client_id') or uuid.uuid4().hex, dcr_provider={'id': dcr} if dcr else None, granted_scopes=None)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_application(call):
    """``PATCH``: only ``owner`` (PM:915), checked as on create."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    if body.get('owner') is not None:
        application_owner(call, portal_id_of(path), body['owner'])
        existing['owner'] = dict(body['owner'])
        existing['updated_at'] = now_text()
    return Response(call.op.success_status, render(call, existing))


def application_view(call, record, view):
    """``registration_count`` as it stands."""
    portal_id = (record.get('portal') or {}).get('id')
    view['registration_count'] = len(call.partition.records(REGISTRATIONS, (portal_id, record['id'])))


VIEW_HOOKS[APPLICATIONS] = application_view


def get_application_unscoped(call):
    """``GET /v3/applications/{applicationId}``: an application of any portal."""
    wanted = call.params['applicationId']
    for (store_key, _scope), records in call.partition.collections.items():
        if store_key == APPLICATIONS and wanted in records:
            return Response(call.op.success_status, render(call, records[wanted]))
    raise not_found()


def application_developers(call):
    """``GET .../applications/{applicationId}/developers``: the owner, or the members of the owning team."""
    path = resolve_path(call)
    portal_id, application = portal_id_of(path), path.records[-1]
    developers = call.partition.records(DEVELOPERS, (portal_id,))
    owner = application.get('owner') or {}
    if owner.get('type') == 'team':
        ids = list(call.partition.records(TEAM_DEVELOPERS, (portal_id, owner['id'])))
    else:
        ids = [owner.get('id')]
    listed = [{'id': d['id'], 'email': d['email'], 'full_name': d['full_name']} for d in (developers.get(i) for i in ids) if d]
    return list_entities(call, listed)


# ---- registrations ----------------------------------------------------------------------------------


def read_publication(call, api_id, portal_id):
    """The API's publication to the portal as ``GET /v3/apis/{apiId}/publications/{portalId}`` answers it, or None."""
    from .app import ALL_SPECIALS  # pylint: disable=import-outside-toplevel  # the publication's own handler answers
    try:
        response = dispatch(other_call(call, PUBLICATION, 'GET', {'apiId': api_id, 'portalId': portal_id}), ALL_SPECIALS)
    except ApiError as error:
        if error.status == 404:
            return None
        raise
    return response.body if response.status == 200 else None


def create_registration(call):
    """``POST .../registrations {api_id, status?}``: the API must exist and be published to the portal with an
    application auth strategy (400 otherwise: the spec declares no answer for it); once per API (409, PM:7970).
    Without ``status`` the publication's ``auto_approve_registrations`` approves it, else the portal's
    ``auto_approve_applications`` decides (AB:2479); a given status wins."""
    path = resolve_path(call)
    body = validated_body(call)
    portal, application = path.records[0], path.records[-1]
    api = call.partition.records(APIS_STORE, ()).get(body['api_id'])
    if api is None:
        raise validation_error([Issue('api_id', 'missing_reference', 'no API with this id')])
    publication = read_publication(call, api['id'], portal['id'])
    if publication is None:
        raise validation_error([Issue('api_id', 'invalid', 'the API is not published to this portal')])
    strategies = publication.get('auth_strategy_ids', [portal.get('default_application_auth_strategy_id')])
    if not strategies or not any(strategies):
        raise validation_error([Issue('api_id', 'invalid', 'the API is published to this portal without an application auth strategy')])
    records = call.partition.records(call.store_key, path.scope)
    if any(record['api']['id'] == api['id'] for record in records.values()):
        raise ApiError(409, call.facts['conflict_detail'])
    status = body.get('status')
    if status is None:
        status = 'approved' if publication.get('auto_approve_registrations') or portal.get('auto_approve_applications') else 'pending'
    now = now_text()
    record = {'id': str(uuid.uuid4()), 'status': status, 'api': {'id': api['id']}, 'application': {'id': application['id']},
              'created_at': now, 'updated_at': now}
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def registration_view(call, record, view):
    """The API's and application's names as they stand now."""
    api = call.partition.records(APIS_STORE, ()).get(record['api']['id']) or {}
    view['api'] = {'id': record['api']['id'], 'name': api.get('name'), 'version': api.get('version'), 'entity_type': 'api'}
    portal_id = call.params.get('portalId')
    application = call.partition.records(APPLICATIONS, (portal_id,)).get(record['application']['id']) or {}
    view['application'] = {'id': record['application']['id'], 'name': application.get('name')}


VIEW_HOOKS[REGISTRATIONS] = registration_view


def find_consumer(call, consumer_id):
    """A gateway consumer of any control plane of this region: ``(control plane id, consumer)`` or None."""
    for (store_key, scope), records in call.partition.collections.items():
        if store_key == 'Consumer' and consumer_id in records:
            return scope[0], records[consumer_id]
    return None


def link_consumer(call):
    """``PUT .../registrations/{registrationId}/consumer {id}``: 204; the consumer must exist in a control plane of the
    region (400 ``missing_reference``)."""
    path = resolve_path(call)
    body = validated_body(call)
    registration = path.records[-1]
    found = find_consumer(call, body['id'])
    if found is None:
        raise validation_error([Issue('id', 'missing_reference', 'no gateway consumer with this id')])
    control_plane_id, consumer = found
    link = {'id': consumer['id'], 'control_plane_id': control_plane_id}
    for name in ('username', 'custom_id'):
        if consumer.get(name) is not None:
            link[name] = consumer[name]
    registration['consumer'] = link
    registration['updated_at'] = now_text()
    return Response(call.op.success_status)


def unlink_consumer(call):
    """``DELETE .../consumer``: 204; a registration without a consumer is 404."""
    registration = resolve_path(call).records[-1]
    if registration.pop('consumer', None) is None:
        raise not_found()
    registration['updated_at'] = now_text()
    return Response(call.op.success_status)


def list_portal_registrations(call):
    """``GET /v3/portals/{portalId}/application-registrations``: every application's registrations; ``developer_id``
    filters by the owning developer."""
    path = resolve_path(call)
    portal_id = portal_id_of(path)
    registrations = []
    for application_id, application in call.partition.records(APPLICATIONS, (portal_id,)).items():
        owner = application.get('owner') or {}
        for record in call.partition.records(REGISTRATIONS, (portal_id, application_id)).values():
            registrations.append((record, owner.get('id') if owner.get('type') == 'developer' else None))
    entry = other_call(call, '/v3/portals/{portalId}/applications/{applicationId}/registrations', 'GET', call.params)
    views = []
    for record, developer_id in registrations:
        view = render(entry, record)
        if developer_id:
            view['developer_id'] = developer_id  # matched by filter[developer_id], then dropped below
        views.append(view)
    response = list_entities(call, views)
    for item in response.body.get('data', []):
        item.pop('developer_id', None)
    return response


# ---- identity providers -------------------------------------------------------------------------------


def idp_config_issues(call, idp_type, config):
    name = PORTAL_IDP_CONFIG_SCHEMAS.get(idp_type)
    if name is None or config is None:
        return []
    readable = dict((key, value) for key, value in config.items() if key not in PORTAL_SAML_SERVICE_PROVIDER)
    return schema_issues(call.schemas.validator({'$ref': '#/$defs/' + name}), readable, prefix='config')


def with_service_provider(record):
    if record.get('type') == 'saml' and isinstance(record.get('config'), dict):
        for field, template in PORTAL_SAML_SERVICE_PROVIDER.items():
            record['config'][field] = template.format(org=F.ORGANIZATION['id'])
    return record


def check_single_enabled(call, path, record, exclude_id=None):
    """One identity provider of a portal may be enabled at a time (PM:6794): 409 for a second."""
    if not record.get('enabled'):
        return
    for other in call.partition.records(call.store_key, path.scope).values():
        if other['id'] != exclude_id and other.get('enabled'):
            raise ApiError(409, 'Another identity provider of this portal is already enabled.')


def create_portal_identity_provider(call):
    """``POST .../identity-providers``: ``type`` picks the config schema; one provider per type (409)."""
    path = resolve_path(call)
    body = validated_body(call)
    if body.get('type') is None:
        raise validation_error([Issue('type', 'required', 'required field missing')])
    issues = idp_config_issues(call, body['type'], body.get('config'))
    if issues:
        raise validation_error(issues)
    record = new_record(call, body, path)
    check_single_enabled(call, path, record)
    with_service_provider(record)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_portal_identity_provider(call):
    """``PATCH .../identity-providers/{id}``: ``enabled`` and ``config`` (whose keys merge, so a secret survives)."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    updated = copy.deepcopy(existing)
    if 'enabled' in body:
        updated['enabled'] = body['enabled']
    if isinstance(body.get('config'), dict):
        updated['config'] = dict(existing.get('config') or {}, **body['config'])
        issues = idp_config_issues(call, existing['type'], updated['config'])
        if issues:
            raise validation_error(issues)
    check_single_enabled(call, path, updated, exclude_id=existing['id'])
    with_service_provider(updated)
    updated['updated_at'] = now_text()
    existing.clear()
    existing.update(updated)
    return Response(call.op.success_status, render(call, existing))


def create_idp_team_group_mapping(call):
    """``POST .../identity-providers/{id}/team-group-mappings {team_id, group}``: the team must be a team of the portal
    (400 ``missing_reference``); the same team and group twice is the declared 409."""
    path = resolve_path(call)
    body = validated_body(call)
    if body['team_id'] not in call.partition.records(TEAMS, (portal_id_of(path),)):
        raise validation_error([Issue('team_id', 'missing_reference', 'team not found in this portal')])
    records = call.partition.records(call.store_key, path.scope)
    if any(record['team_id'] == body['team_id'] and record['group'] == body['group'] for record in records.values()):
        raise ApiError(409, call.facts['conflict_detail'])
    record = new_record(call, body, path)
    check_unique(call, record, path)
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


# ---- the portal's team group mapping document ---------------------------------------------------------


def mapping_provider(call, portal_id):
    """The provider whose mappings the portal-level document shows and changes: the enabled one, else the first
    created (the spec does not say; see README). 400 when the portal has none, as the spec states."""
    providers = list(call.partition.records(IDENTITY_PROVIDERS, (portal_id,)).values())
    if not providers:
        raise validation_error([Issue('portalId', 'invalid', 'the portal has no identity provider configured', source='path')],
                               'No identity provider is configured for this portal')
    enabled = [provider for provider in providers if provider.get('enabled')]
    return (enabled or providers)[0]


def mapping_document(call, portal_id, provider):
    """``[{team_id, groups}]``: one entry per team with at least one group, in the order the mappings were made."""
    groups = {}
    for record in call.partition.records(IDP_MAPPINGS, (portal_id, provider['id'])).values():
        groups.setdefault(record['team_id'], []).append(record['group'])
    return [{'team_id': team_id, 'groups': team_groups} for team_id, team_groups in groups.items()]


def get_team_group_mappings(call):
    path = resolve_path(call)
    portal_id = portal_id_of(path)
    return list_entities(call, mapping_document(call, portal_id, mapping_provider(call, portal_id)))


def update_team_group_mappings(call):
    """``PATCH {data: [{team_id, groups}]}``: each team's groups are replaced whole (an empty list removes them); a
    team that is not a team of the portal is a 400, as the spec states; teams not given are left alone."""
    path = resolve_path(call)
    body = validated_body(call)
    portal_id = portal_id_of(path)
    provider = mapping_provider(call, portal_id)
    if not isinstance(body.get('data'), list):
        raise validation_error([Issue('data', 'is_array', '"data" must be an array')])
    teams = call.partition.records(TEAMS, (portal_id,))
    issues = [Issue('data[%d].team_id' % index, 'missing_reference', 'team not found in this portal')
              for index, entry in enumerate(body['data']) if entry.get('team_id') not in teams]
    if issues:
        raise validation_error(issues)
    records = call.partition.records(IDP_MAPPINGS, (portal_id, provider['id']))
    now = now_text()
    for entry in body['data']:
        for record_id in [rid for rid, record in records.items() if record['team_id'] == entry['team_id']]:
            del records[record_id]
        for group in dict.fromkeys(entry.get('groups') or []):
            record_id = str(uuid.uuid4())
            records[record_id] = {'id': record_id, 'team_id': entry['team_id'], 'group': group, 'created_at': now, 'updated_at': now}
    return list_entities(other_call(call, '/v3/portals/{portalId}/identity-provider/team-group-mappings', 'GET', call.params),
                         mapping_document(call, portal_id, provider))


SPECIALS = {
    ('POST', PORTAL + '/developers'): create_developer,
    ('PATCH', PORTAL + '/developers/{developerId}'): update_status,
    ('DELETE', PORTAL + '/developers/{developerId}'): delete_developer,
    ('GET', PORTAL + '/developers/{developerId}/teams'): developer_teams,
    ('POST', PORTAL + '/teams/{teamId}/developers'): add_team_developer,
    ('GET', PORTAL + '/teams/{teamId}/developers'): list_team_developers,
    ('POST', PORTAL + '/teams/{teamId}/assigned-roles'): assign_portal_role,
    ('GET', PORTAL_ROLES): portal_roles,
    ('POST', PORTAL + '/applications'): create_application,
    ('PATCH', PORTAL + '/applications/{applicationId}'): update_application,
    ('GET', '/v3/applications/{applicationId}'): get_application_unscoped,
    ('GET', PORTAL + '/applications/{applicationId}/developers'): application_developers,
    ('POST', PORTAL + '/applications/{applicationId}/registrations'): create_registration,
    ('PATCH', PORTAL + '/applications/{applicationId}/registrations/{registrationId}'): update_status,
    ('PUT', PORTAL + '/applications/{applicationId}/registrations/{registrationId}/consumer'): link_consumer,
    ('DELETE', PORTAL + '/applications/{applicationId}/registrations/{registrationId}/consumer'): unlink_consumer,
    ('GET', PORTAL + '/application-registrations'): list_portal_registrations,
    ('POST', PORTAL + '/identity-providers'): create_portal_identity_provider,
    ('PATCH', PORTAL + '/identity-providers/{id}'): update_portal_identity_provider,
    ('POST', PORTAL + '/identity-providers/{id}/team-group-mappings'): create_idp_team_group_mapping,
    ('GET', PORTAL + '/identity-provider/team-group-mappings'): get_team_group_mappings,
    ('PATCH', PORTAL + '/identity-provider/team-group-mappings'): update_team_group_mappings,
}
