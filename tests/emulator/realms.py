# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Consumers v1 and Kong Identity v1: consumer realms and their consumers and keys; auth servers with claims, scopes, clients (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

- A realm with consumers, or an auth server with claims, scopes or clients, is deleted only with ``force=true`` (the
  ``force`` parameter's description); otherwise 400.
- A consumer's ``username`` is unique within its realm (400; the spec declares no 409, README).
- ``POST .../consumers/{consumerId}/move {target_realm_id}`` moves the consumer, with its keys, to the target realm (404
  if that realm does not exist; 400 if it has a consumer of that username) and answers 201 ``{realm_id}``.
- A key's secret is answered once, by the create (``CreateApiKeyResult``); a ``new`` key gets a generated one, a
  ``legacy`` key carries the one given, which "Must be unique within the realm" (400 otherwise).
- An auth server gets a random public issuer URL ("Each auth server has a unique, randomly generated, public issuer
  URL") with its metadata and JWKS URIs; a client's secret is generated and answered by the create only, and a PATCH
  or PUT may set it (write-only).
"""

import secrets
import uuid

from . import crud
from .crud import create_entity, delete_entity, find_item, patch_entity, resolve_path, validated_body
from .errors import ApiError, Issue, Response, not_found

REALMS = '/v1/realms'
REALM = REALMS + '/{realmId}'
CONSUMERS = REALM + '/consumers'
CONSUMER = CONSUMERS + '/{consumerId}'
MOVE = CONSUMER + '/move'
KEYS = CONSUMER + '/keys'
CONSUMERS_KEY = '/v1/realms/{}/consumers'
KEYS_KEY = '/v1/realms/{}/consumers/{}/keys'
AUTH_SERVERS = '/v1/auth-servers'
AUTH_SERVER = AUTH_SERVERS + '/{authServerId}'
CLIENTS = AUTH_SERVER + '/clients'
CLIENT = CLIENTS + '/{clientId}'
CLIENTS_KEY = '/v1/auth-servers/{}/clients'
AUTH_SERVER_CHILDREN = ('/v1/auth-servers/{}/claims', '/v1/auth-servers/{}/scopes', CLIENTS_KEY)
SECRET = '_secret'

FACTS = {}
SINGLETON_DEFAULTS = {}


def hide_secret(_call, _record, view):
    view.pop(SECRET, None)


crud.VIEW_HOOKS[KEYS_KEY] = hide_secret
crud.VIEW_HOOKS[CLIENTS_KEY] = hide_secret


def forced(call):
    return (call.query.get('force') or ['false'])[0] == 'true'


def delete_realm(call):
    realm_id = call.params['realmId']
    if not forced(call) and call.partition.records(CONSUMERS_KEY, (realm_id,)):
        raise ApiError(400, 'The realm has consumers; delete them first or use force=true.',
                       issues=[Issue('force', 'invalid', 'the realm has consumers', source='query')])
    return delete_entity(call)


def delete_auth_server(call):
    server_id = call.params['authServerId']
    if not forced(call) and any(call.partition.records(key, (server_id,)) for key in AUTH_SERVER_CHILDREN):
        raise ApiError(400, 'The auth server has claims, scopes or clients; delete them first or use force=true.',
                       issues=[Issue('force', 'invalid', 'the auth server has associated resources', source='query')])
    return delete_entity(call)


def username_taken(records, username, exclude_id=None):
    return any(record.get('username') == username and record['id'] != exclude_id for record in records.values())


def duplicate_username():
    return ApiError(400, 'A consumer with this username already exists in the realm.',
                    issues=[Issue('username', 'unique', 'must be unique within the realm')])


def create_consumer(call):
    body = validated_body(call)
    if username_taken(call.partition.records(CONSUMERS_KEY, (call.params['realmId'],)), body.get('username')):
        raise duplicate_username()
    return create_entity(call)


def update_consumer(call):
    body = validated_body(call)
    path = resolve_path(call)
    existing = find_item(call, path)
    records = call.partition.records(CONSUMERS_KEY, tuple(path.scope))
    if existing is not None and 'username' in body and username_taken(records, body['username'], existing['id']):
        raise duplicate_username()
    return patch_entity(call)


def move_consumer(call):
    body = validated_body(call)
    path = resolve_path(call)
    source_id, consumer_id = call.params['realmId'], call.params['consumerId']
    source = call.partition.records(CONSUMERS_KEY, (source_id,))
    consumer = source.get(consumer_id)
    target_id = body['target_realm_id']
    if consumer is None or call.partition.find(REALMS, (), target_id) is None:
        raise not_found()
    del path  # the realm was checked by resolve_path
    if target_id != source_id:
        target = call.partition.records(CONSUMERS_KEY, (target_id,))
        if username_taken(target, consumer.get('username')):
            raise duplicate_username()
        target[consumer_id] = source.pop(consumer_id)
        keys = call.partition.collections.pop((KEYS_KEY, (source_id, consumer_id)), None)
        if keys is not None:
            call.partition.collections[(KEYS_KEY, (target_id, consumer_id))] = keys
    return Response(201, {'realm_id': target_id})


def realm_secrets(partition, realm_id):
    return [key.get(SECRET) for (store_key, scope), keys in partition.collections.items()
            if store_key == KEYS_KEY and scope[0] == realm_id for key in keys.values()]


def create_key(call):
    body = validated_body(call) or {}
    path = resolve_path(call)
    kind = body.get('type', 'new')
    secret = body.get('secret') if kind == 'legacy' else 'kcs_' + secrets.token_urlsafe(24)
    if secret in realm_secrets(call.partition, call.params['realmId']):
        raise ApiError(400, 'The secret is already used in this realm.', issues=[Issue('secret', 'unique', 'must be unique within the realm')])
    record = crud.new_record(call, {'type': kind, 'tags': body.get('tags', [])}, path)
    record[SECRET] = secret
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    view = crud.render(call, record)
    view.update(secret=secret, updated_at=record.get('updated_at') or record['created_at'])
    return Response(201, view)


def create_auth_server(call):
    response = create_entity(call)
    record = call.partition.records(call.store_key, ())[response.body['id']]
    issuer = 'https://%s.%s.identity.konghq.com/auth' % (uuid.uuid4().hex[:12], call.region or 'us')
    record.update(issuer=issuer, metadata_uri=issuer + '/.well-known/openid-configuration', jwks_uri=issuer + '/.well-known/jwks')
    return Response(response.status, crud.render(call, record))


def create_client(call):
    response = create_entity(call)
    record = call.partition.records(call.store_key, (call.params['authServerId'],))[response.body['id']]
    record[SECRET] = secrets.token_urlsafe(32)
    return Response(response.status, dict(crud.render(call, record), client_secret=record[SECRET]))


def update_client(call):
    body = validated_body(call)
    secret = body.get('client_secret') if isinstance(body, dict) else None
    call.body = dict((name, value) for name, value in body.items() if name != 'client_secret')
    response = patch_entity(call)
    if secret is not None:
        call.partition.records(call.store_key, (call.params['authServerId'],))[response.body['id']][SECRET] = secret
    return response


SPECIALS = {
    ('DELETE', REALM): delete_realm,
    ('POST', CONSUMERS): create_consumer,
    ('PATCH', CONSUMER): update_consumer,
    ('POST', MOVE): move_consumer,
    ('POST', KEYS): create_key,
    ('POST', AUTH_SERVERS): create_auth_server,
    ('DELETE', AUTH_SERVER): delete_auth_server,
    ('POST', CLIENTS): create_client,
    ('PATCH', CLIENT): update_client,
}
