# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The few operations answered from fixed data instead of stored entities, and the seeded users."""

import copy
import uuid

from . import facts as F
from .errors import Response
from .schemas import rfc3339

USERS_STORE_KEY = '/v3/users'
ROLES_PATH = '/v3/roles'
SEED_TIME = 1704067200.0  # 2024-01-01T00:00:00Z: stable timestamps for seeded data


def user_id(email):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, 'konnect-emulator:user:' + email))


def seed_users(partition, emails):
    """Login users and token owners are active users of /v3/users; the first one owns the organization."""
    records = partition.records(USERS_STORE_KEY, ())
    partition.owner_id = user_id(emails[0]) if emails else None
    for email in emails:
        local = email.split('@')[0]
        records[user_id(email)] = {
            'id': user_id(email),
            'email': email,
            'full_name': local.replace('.', ' ').title(),
            'preferred_name': local,
            'active': True,
            'inferred_region': F.DEFAULT_REGION,
            'created_at': rfc3339(SEED_TIME),
            'updated_at': rfc3339(SEED_TIME),
        }


def current_user(call):
    """The user the request's credential belongs to (authentication guarantees it exists)."""
    return call.partition.records(USERS_STORE_KEY, ()).get(call.principal.user_id)


def organization_me(call):
    organization = copy.deepcopy(F.ORGANIZATION)
    organization['owner_id'] = call.partition.owner_id or str(uuid.UUID(int=0))
    return Response(200, organization)


def users_me(call):
    """Only users' credentials reach here: the operation's security refuses system-account tokens."""
    return Response(200, current_user(call))


def predefined_roles(call):
    return Response(200, role_catalogue(call.api))


def role_catalogue(api):
    """The predefined roles, built from the ``GET /v3/roles`` response schema: groups and role keys with their enum names.

    The spec's descriptions are prose (dropped when deriving), so each role gets a short generated one.
    """
    op = api.routes[ROLES_PATH].ops['GET']
    schemas = op.schemas
    catalogue = {}
    response = schemas.resolve(op.response_schema)
    for group_key, group_schema in sorted(response.get('properties', {}).items()):
        group = schemas.resolve(group_schema)
        group_name = enum_name(schemas, group, group_key)
        roles = {}
        for role_key, role_schema in sorted(schemas.resolve(group.get('properties', {}).get('roles', {})).get('properties', {}).items()):
            role_name = enum_name(schemas, schemas.resolve(role_schema), role_key)
            roles[role_key] = {'name': role_name, 'description': '%s role for %s.' % (role_name, group_name)}
        catalogue[group_key] = {'name': group_name, 'roles': roles}
    return catalogue


def enum_name(schemas, schema, fallback):
    values = schemas.resolve(schema.get('properties', {}).get('name', {})).get('enum') or []
    return values[0] if values else fallback.replace('_', ' ').title()


SPECIALS = {
    ('GET', '/v3/organizations/me'): organization_me,
    ('GET', '/v3/users/me'): users_me,
    ('GET', ROLES_PATH): predefined_roles,
}
