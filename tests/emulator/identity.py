# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identity v3 and Organizations v3 operations that need more than generic CRUD.

Invites and pending users, team memberships that list full objects, role assignments checked
against the role catalogue, access tokens that are minted once and then authenticate, identity
providers with per-type configs, and the organization singletons with cross-entity rules.
"""

import copy
import time
import uuid

from . import auth
from . import facts as F
from .crud import Call, check_unique, find_item, list_entities, new_record, render, resolve_path, singleton_document, singleton_key, validated_body
from .errors import ApiError, Issue, Response, not_found, schema_issues, validation_error
from .schemas import rfc3339
from .specials import USERS_STORE_KEY, role_catalogue

DAY = 86400


# ---- users and invites ---------------------------------------------------------


def find_user_by_email(partition, email):
    """Email addresses compare case-insensitively (the specs are silent; mail domains always are)."""
    wanted = email.casefold()
    for record in partition.records(USERS_STORE_KEY, ()).values():
        if (record.get('email') or '').casefold() == wanted:
            return record
    return None


def invite(call):
    """``POST /v3/invites``: a new email becomes a pending user (``active: false``); 201 without a body.

    Re-inviting a pending user sends a fresh invitation to the same user (the request body's
    description); inviting an active user is the spec's 409 "User is already active". A pending user
    has no ``full_name``/``preferred_name``: the User schema has them as non-nullable strings (a
    full_name of at least one character), so they are absent rather than null.
    """
    body = validated_body(call)
    now = time.time()
    user = find_user_by_email(call.partition, body['email'])
    if user is not None:
        if user.get('active'):
            raise ApiError(409, 'User is already active')
        user['updated_at'] = rfc3339(now)
        return Response(call.op.success_status)
    record = {
        'id': str(uuid.uuid4()),
        'email': body['email'],
        'active': False,
        # readOnly and not settable: the emulator serves every user from the default region
        'inferred_region': F.DEFAULT_REGION,
        'created_at': rfc3339(now),
        'updated_at': rfc3339(now),
    }
    call.partition.records(USERS_STORE_KEY, ())[record['id']] = record
    return Response(call.op.success_status)


def activate_user(partition, target_id, details=None):
    """Emulator control: the pending user accepts the invitation (``full_name``/``preferred_name`` optional)."""
    user = partition.records(USERS_STORE_KEY, ()).get(target_id)
    if user is None:
        return None
    details = details or {}
    local = user['email'].split('@')[0]
    user['full_name'] = details.get('full_name') or user.get('full_name') or local.replace('.', ' ').title()
    user['preferred_name'] = details.get('preferred_name') or user.get('preferred_name') or local
    if not user.get('active'):
        user['active'] = True
        user['updated_at'] = rfc3339(time.time())
    return user


# ---- memberships -----------------------------------------------------------------


def add_member(call):
    """``POST /v3/teams/{teamId}/users|system-accounts {id}``: 201 without a body.

    A member that does not exist is a 404 (as the matching DELETE answers for a missing user or
    team); a member already in the team is the declared 409.
    """
    path = resolve_path(call)
    body = validated_body(call)
    member_id = body.get('id')
    if not member_id:
        # AddSystemAccountToTeam declares no required field, but without an id there is no member.
        raise validation_error([Issue('id', 'required', 'required field missing')])
    if call.partition.find(call.facts['members'], (), member_id) is None:
        raise not_found()
    members = call.partition.records(call.store_key, path.scope)
    if member_id in members:
        raise ApiError(409, call.facts['conflict_detail'])
    members[member_id] = {'id': member_id}
    return Response(call.op.success_status)


def list_members(call):
    """``GET /v3/teams/{teamId}/users|system-accounts``: the member objects themselves, with the member filters."""
    path = resolve_path(call)
    entities = call.partition.records(call.facts['members'], ())
    member_ids = call.partition.records(call.store_key, path.scope)
    return list_entities(call, [entities[member_id] for member_id in member_ids if member_id in entities])


def list_member_teams(call):
    """``GET /v3/users/{userId}/teams``, ``GET /v3/system-accounts/{accountId}/teams``: the teams holding the member."""
    path = resolve_path(call)
    member_id = path.records[-1]['id']
    membership_key = call.facts['memberships']
    teams = [team for team_id, team in call.partition.records('/v3/teams', ()).items()
             if member_id in call.partition.records(membership_key, (team_id,))]
    return list_entities(call, teams)


# ---- role assignments --------------------------------------------------------------


def assign_role(call):
    """``POST .../assigned-roles``: 201 with the assignment; the same 4-tuple twice is the declared 409.

    The request schema's enums check role_name, entity_type_name and entity_region; entity_id is a
    uuid there. The spec lists no required field, but an assignment is its 4-tuple, so each part is
    required. Where the role catalogue (``GET /v3/roles``) lists the entity type, the role must be
    one of that type's roles.
    """
    path = resolve_path(call)
    body = validated_body(call)
    missing = [Issue(name, 'required', 'required field missing') for name in F.ROLE_ASSIGNMENT_FIELDS if body.get(name) is None]
    if missing:
        raise validation_error(missing)
    roles = catalogue_roles(call.api, body['entity_type_name'])
    if roles is not None and body['role_name'] not in roles:
        reason = 'must be one of: %s' % ', '.join(roles)
        raise validation_error([Issue('role_name', 'enum', reason, choices=roles)])
    records = call.partition.records(call.store_key, path.scope)
    for record in records.values():
        if all(record.get(name) == body[name] for name in F.ROLE_ASSIGNMENT_FIELDS):
            raise ApiError(409, F.ROLE_ASSIGNMENT_CONFLICT)
    record = new_record(call, body, path)
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def catalogue_roles(api, entity_type_name):
    """Role names of an entity type in the catalogue, None if the catalogue does not list the type.

    The catalogue names one group in the singular ("Mesh Control Plane") where the assignment enum
    has the plural ("Mesh Control Planes"); both spellings match.
    """
    for group in role_catalogue(api).values():
        if entity_type_name in (group['name'], group['name'] + 's'):
            return [role['name'] for role in group['roles'].values()]
    return None


# ---- access tokens -----------------------------------------------------------------


def token_expiry(body, now, max_days):
    """Epoch expiry from ``expires_at`` or ``ttl_seconds``: in the future and within the allowed lifetime."""
    if body.get('ttl_seconds') is not None:
        field, expires = 'ttl_seconds', now + body['ttl_seconds']
    else:
        field, expires = 'expires_at', auth.parse_time(body.get('expires_at'))
    if expires is None or expires <= now:
        raise validation_error([Issue(field, 'invalid', 'the token must expire in the future')])
    if expires > now + max_days * DAY:
        raise validation_error([Issue(field, 'invalid', 'the token must expire within %d days' % max_days)])
    return expires


def org_pat_settings(call):
    """The organization's personal-access-token settings, as GET .../personal-access-token-settings answers them."""
    route = call.api.routes[F.PAT_SETTINGS_PATH]
    settings = Call(call.api, call.partition, route, route.ops['GET'], {'organizationId': F.ORGANIZATION['id']}, {}, None,
                    call.region, call.principal)
    return singleton_document(settings, resolve_path(settings))


def create_personal_access_token(call):
    """``POST /v3/users/{userId}/access-tokens``: 201 with the token in ``konnect_token``, this once.

    The organization's PAT settings apply: ``pats_enabled: false`` refuses (403) and the expiry must
    lie within ``max_expiration_period_days``. At most 10 tokens per user (stated by the operation).
    """
    path = resolve_path(call)
    body = validated_body(call)
    settings = org_pat_settings(call)
    if not settings.get('pats_enabled', True):
        raise ApiError(403, 'Personal access tokens are disabled in this organization.', title='Forbidden')
    now = time.time()
    expires = token_expiry(body, now, settings['max_expiration_period_days'])
    tokens = call.partition.records(call.store_key, path.scope)
    if len(tokens) >= F.MAX_PATS_PER_USER:
        raise validation_error([Issue('name', 'invalid', 'a user can have at most %d personal access tokens' % F.MAX_PATS_PER_USER)])
    owner_id = path.records[-1]['id']
    record = {
        'id': str(uuid.uuid4()), 'user_id': owner_id, 'name': body['name'], 'revoked_by': None,
        'created_at': rfc3339(now), 'updated_at': rfc3339(now), 'last_used_at': None,
        'expires_at': rfc3339(expires), 'revoked_at': None,
    }
    check_unique(call, record, path)
    tokens[record['id']] = record
    secret = auth.new_secret(auth.PAT_PREFIX)
    auth.register(call.partition, secret, call.store_key, path.scope, record['id'], auth.USER, owner_id)
    answer = render(call, record)
    answer['konnect_token'] = secret
    return Response(call.op.success_status, answer)


def revoke_personal_access_token(call):
    """``PATCH .../access-tokens/{tokenId}/revoke``: 200, state REVOKED; the token stops authenticating."""
    record = resolve_path(call).records[-1]  # the user and the token must exist (404 otherwise)
    if not record.get('revoked_at'):
        now = rfc3339(time.time())
        record.update({'revoked_at': now, 'revoked_by': call.principal.user_id, 'updated_at': now})
    view = call.schemas.strip_write_only(record, call.op.response_schema or {})
    view['state'] = auth.token_state(record)
    return Response(call.op.success_status, view)


def create_system_account_access_token(call):
    """``POST /v3/system-accounts/{accountId}/access-tokens {name, expires_at}``: 201 with ``token``, this once."""
    path = resolve_path(call)
    body = validated_body(call)
    now = time.time()
    expires = token_expiry(body, now, F.TOKEN_MAX_LIFETIME_DAYS)
    record = {'id': str(uuid.uuid4()), 'name': body['name'], 'created_at': rfc3339(now), 'updated_at': rfc3339(now),
              'expires_at': rfc3339(expires)}
    check_unique(call, record, path)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    secret = auth.new_secret(auth.SPAT_PREFIX)
    owner_id = path.records[-1]['id']
    auth.register(call.partition, secret, call.store_key, path.scope, record['id'], auth.SYSTEM_ACCOUNT, owner_id)
    answer = render(call, record)
    answer['token'] = secret
    return Response(call.op.success_status, answer)


def list_organization_tokens(call):
    """``GET /v3/organizations/{organizationId}/personal-access-tokens``: every user's PATs, with their state."""
    views = []
    for (store_key, _scope), records in call.partition.collections.items():
        if store_key == '/v3/users/{}/access-tokens':
            for record in records.values():
                view = dict(record)
                view['state'] = auth.token_state(record)
                views.append(view)
    return list_entities(call, views)


# ---- identity providers -------------------------------------------------------------


def idp_config_issues(call, idp_type, config):
    """The config must match its type's schema (the request schema accepts either shape)."""
    name = F.IDP_CONFIG_SCHEMAS.get(idp_type)
    if name is None or config is None:
        return []
    return schema_issues(call.schemas.validator({'$ref': '#/$defs/' + name}), config, prefix='config')


def with_service_provider(record):
    """A SAML provider's readOnly service-provider URLs, from the organization and the login path."""
    if record.get('type') == 'saml' and isinstance(record.get('config'), dict):
        values = {'org': F.ORGANIZATION['id'], 'path': record.get('login_path') or ''}
        for field, template in F.SAML_SERVICE_PROVIDER.items():
            record['config'][field] = template.format(**values)
    return record


def check_single_enabled(call, record, exclude_id=None):
    """Only one identity provider can be enabled at a time: enabling a second one is a 409."""
    if not record.get('enabled'):
        return
    for other in call.partition.records(call.store_key, ()).values():
        if other['id'] != exclude_id and other.get('enabled'):
            raise ApiError(409, 'Another identity provider is already enabled.')


def create_identity_provider(call):
    """``POST /v3/identity-providers``: ``type`` picks the config schema; one provider per type."""
    path = resolve_path(call)
    body = validated_body(call)
    if body.get('type') is None:
        # Not required by the schema, but the type decides what the provider is.
        raise validation_error([Issue('type', 'required', 'required field missing')])
    issues = idp_config_issues(call, body['type'], body.get('config'))
    if issues:
        raise validation_error(issues)
    record = new_record(call, body, path)
    check_single_enabled(call, record)
    with_service_provider(record)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_identity_provider(call):
    """``PATCH /v3/identity-providers/{id}``: enabled, login_path and config; config keys merge, so a
    secret the client cannot read back survives a change of other settings."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    updated = copy.deepcopy(existing)
    for name in ('enabled', 'login_path'):
        if name in body:
            updated[name] = body[name]
    if isinstance(body.get('config'), dict):
        updated['config'] = dict(existing.get('config') or {}, **body['config'])
        issues = idp_config_issues(call, existing['type'], strip_read_only_config(updated['config']))
        if issues:
            raise validation_error(issues)
    check_single_enabled(call, updated, exclude_id=existing['id'])
    with_service_provider(updated)
    updated['updated_at'] = rfc3339(time.time())
    existing.clear()
    existing.update(updated)
    return Response(call.op.success_status, render(call, existing))


def strip_read_only_config(config):
    return dict((key, value) for key, value in config.items() if key not in F.SAML_SERVICE_PROVIDER)


def create_team_group_mapping(call):
    """``POST /v3/identity-providers/{idpId}/team-group-mappings {team_id, group}``.

    An unknown team is a 400 ``missing_reference`` (as the legacy team-group mapping states for a
    team id that is not found); the same team and group twice is the declared 409.
    """
    path = resolve_path(call)
    body = validated_body(call)
    if call.partition.find('/v3/teams', (), body['team_id']) is None:
        raise validation_error([Issue('team_id', 'missing_reference', 'team not found')])
    records = call.partition.records(call.store_key, path.scope)
    if any(r['team_id'] == body['team_id'] and r['group'] == body['group'] for r in records.values()):
        raise ApiError(409, call.facts['conflict_detail'])
    record = new_record(call, body, path)
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


# ---- organization settings ------------------------------------------------------------


def update_authentication_settings(call):
    """``PATCH /v3/authentication-settings``: partial update with the rules of the spec's 400 examples:
    at least one login scheme stays enabled, and OIDC (SAML) login needs an OIDC (SAML) provider."""
    path = resolve_path(call)
    body = validated_body(call) or {}
    document = singleton_document(call, path)
    document.update(body)
    if not any(document.get(flag) for flag in F.LOGIN_SCHEMES):
        raise validation_error([Issue(flag, 'invalid', 'at least one of basic, OIDC or SAML login must stay enabled')
                                for flag in F.LOGIN_SCHEMES])
    providers = call.partition.records('/v3/identity-providers', ()).values()
    issues = [Issue(flag, 'invalid', 'cannot be enabled before a %s identity provider is configured' % idp_type)
              for flag, idp_type in F.LOGIN_SCHEMES.items()
              if idp_type and body.get(flag) and not any(p.get('type') == idp_type for p in providers)]
    if issues:
        raise validation_error(issues)
    call.partition.singletons[singleton_key(call, path)] = document
    return Response(call.op.success_status, document)


SPECIALS = {
    ('POST', '/v3/invites'): invite,
    ('POST', '/v3/teams/{teamId}/users'): add_member,
    ('GET', '/v3/teams/{teamId}/users'): list_members,
    ('POST', '/v3/teams/{teamId}/system-accounts'): add_member,
    ('GET', '/v3/teams/{teamId}/system-accounts'): list_members,
    ('GET', '/v3/users/{userId}/teams'): list_member_teams,
    ('GET', '/v3/system-accounts/{accountId}/teams'): list_member_teams,
    ('POST', '/v3/teams/{teamId}/assigned-roles'): assign_role,
    ('POST', '/v3/users/{userId}/assigned-roles'): assign_role,
    ('POST', '/v3/system-accounts/{accountId}/assigned-roles'): assign_role,
    ('POST', '/v3/users/{userId}/access-tokens'): create_personal_access_token,
    ('PATCH', '/v3/users/{userId}/access-tokens/{tokenId}/revoke'): revoke_personal_access_token,
    ('POST', '/v3/system-accounts/{accountId}/access-tokens'): create_system_account_access_token,
    ('GET', '/v3/organizations/{organizationId}/personal-access-tokens'): list_organization_tokens,
    ('POST', '/v3/identity-providers'): create_identity_provider,
    ('PATCH', '/v3/identity-providers/{id}'): update_identity_provider,
    ('POST', '/v3/identity-providers/{idpId}/team-group-mappings'): create_team_group_mapping,
    ('PATCH', '/v3/authentication-settings'): update_authentication_settings,
}
