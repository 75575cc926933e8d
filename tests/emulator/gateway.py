# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Control Planes v2 and Control Plane Configuration v2 operations that need more than generic CRUD.

Control-plane group memberships and status, pinned data-plane client certificates, data-plane
nodes (registered through an emulator control endpoint), config-store deletion and secrets, custom
plugin schemas (Lua), consumer-group memberships, certificates' ``snis`` and partial links.
"""

import copy
import datetime
import hashlib
import json
import re
import time
import uuid

from . import facts as F
from .crud import (VIEW_HOOKS, create_entity, find_item, guard_writable, list_entities, new_record, put_entity, render, resolve_path,
                   validated_body)
from .errors import ApiError, Issue, Response, not_found, schema_issues, validation_error
from . import plugin_config
from .kong import certificate_der
from .listing import first
from .schemas import coerce_query_value, rfc3339

CONTROL_PLANES = '/v2/control-planes'
CP = CONTROL_PLANES + '/{controlPlaneId}'
CORE = CP + '/core-entities'
GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'
PLAIN = 'CLUSTER_TYPE_CONTROL_PLANE'
MEMBERSHIPS = F.GROUP_MEMBERSHIPS
NODES = '/v2/control-planes/{}/nodes'
EOL_NODES = '/v2/control-planes/{}/nodes/eol'
DP_CERTS = '/v2/control-planes/{}/dp-client-certificates'
SECRETS = '/v2/control-planes/{}/config-stores/{}/secrets'
PLUGIN_SCHEMAS = '/v2/control-planes/{}/core-entities/plugin-schemas'
# A Lua plugin schema names its plugin with ``name = "..."`` (the first such assignment is the schema's own).
LUA_NAME = re.compile(r'''\bname\s*=\s*(["'])([^"'\s]*)\1''')
PLUGIN_NAME = re.compile(r'^[A-Za-z0-9_.~-]+$')
MAX_GROUP_CONFLICTS = 256  # GroupStatus.conflicts maxItems


def legacy_not_found():
    """The older control-plane endpoints (DP certificates, nodes, plugin schemas) answer ``{"message": "Not Found"}``."""
    return ApiError(404, 'Not Found', style='legacy')


def cluster_type(control_plane):
    return ((control_plane or {}).get('config') or {}).get('cluster_type')


def query_value(call, name):
    """A declared query parameter, converted to its schema's type and validated (400 otherwise); None when absent."""
    raw = first(call.query, name)
    param = call.op.query_params.get(name)
    if raw is None or param is None:
        return None
    value = coerce_query_value(raw, param['schema'], call.schemas)
    issues = schema_issues(call.schemas.validator(param['schema']), value, source='query', prefix=name)
    if issues:
        raise validation_error(issues, 'Invalid query parameters')
    return value


# ---- control-plane groups ------------------------------------------------------


def control_plane_group(call):
    """The path's control plane, which must be a control plane group (400 otherwise, as the spec's BadRequest)."""
    path = resolve_path(call)
    group = path.records[0]
    if cluster_type(group) != GROUP:
        issue = Issue('controlPlaneId', 'invalid', 'the control plane is not a control plane group', source='path')
        raise ApiError(400, 'Only a control plane group has members.', issues=[issue])
    return path, group


def required_body(call, field):
    """The validated body; the spec marks these request bodies optional, but their schema requires ``field``."""
    body = validated_body(call)
    if field not in body:
        raise validation_error([Issue(field, 'required', 'required field missing')])
    return body


def member_ids(call, body):
    """The member ids of a GroupMembership body, checked: plain control planes of this region, no group."""
    ids, issues = [], []
    control_planes = call.partition.records(CONTROL_PLANES, ())
    for index, member in enumerate(body['members']):
        field = 'members[%d].id' % index
        member_cp = control_planes.get(member['id'])
        if member_cp is None:
            # control planes of another region are not visible here either
            issues.append(Issue(field, 'missing_reference', 'control plane %s does not exist' % member['id']))
        elif cluster_type(member_cp) != PLAIN:
            # a group holds plain (hybrid) control planes: no group, KIC, serverless or event proxy
            issues.append(Issue(field, 'invalid', 'only control planes of type %s can be group members' % PLAIN))
        elif member['id'] not in ids:
            ids.append(member['id'])
    if issues:
        raise validation_error(issues)
    return ids


def list_group_members(call):
    path, group = control_plane_group(call)
    control_planes = call.partition.records(CONTROL_PLANES, ())
    members = call.partition.records(MEMBERSHIPS, (group['id'],))
    return list_entities(call, [control_planes[member_id] for member_id in members if member_id in control_planes])


def put_group_members(call):
    """PUT replaces the member list."""
    _path, group = control_plane_group(call)
    ids = member_ids(call, required_body(call, 'members'))
    members = call.partition.records(MEMBERSHIPS, (group['id'],))
    members.clear()
    for member_id in ids:
        members[member_id] = {'id': member_id}
    return Response(call.op.success_status)


def add_group_members(call):
    """Members already in the group stay (the spec declares no conflict)."""
    _path, group = control_plane_group(call)
    members = call.partition.records(MEMBERSHIPS, (group['id'],))
    for member_id in member_ids(call, required_body(call, 'members')):
        members.setdefault(member_id, {'id': member_id})
    return Response(call.op.success_status)


def remove_group_members(call):
    """Ids that are not members are ignored (the spec is silent; removal is idempotent)."""
    _path, group = control_plane_group(call)
    members = call.partition.records(MEMBERSHIPS, (group['id'],))
    for member in required_body(call, 'members')['members']:
        members.pop(member['id'], None)
    return Response(call.op.success_status)


def group_status(call):
    """``{item: GroupStatus}``: CONFLICT when members hold different entities of a kind under the same unique value."""
    _path, group = control_plane_group(call)
    conflicts = group_conflicts(call.partition, list(call.partition.records(MEMBERSHIPS, (group['id'],))))
    item = {
        'id': group['id'],
        'state': 'CONFLICT' if conflicts else 'OK',
        'conflicts': conflicts[:MAX_GROUP_CONFLICTS],
        'created_at': group.get('created_at'),
        'updated_at': group.get('updated_at'),
    }
    return Response(call.op.success_status, {'item': item})


def group_conflicts(partition, members):
    """A member's entity conflicts when another member has an entity of the same kind with another id and
    the same value in a unique field (e.g. two services named ``svc1``)."""
    seen = {}
    for member_id in members:
        for store_key, records in partition.scoped_collections((member_id,)):
            for field in F.facts_for(store_key).get('unique', ()) if store_key in F.KONG_COLLECTIONS else ():
                for record in records.values():
                    if record.get(field) is not None:
                        seen.setdefault((store_key, field, record[field]), []).append((member_id, record))
    conflicts = []
    for (store_key, _field, value), holders in sorted(seen.items(), key=lambda item: [str(part) for part in item[0]]):
        if len(set(record['id'] for _member, record in holders)) < 2:
            continue
        for member_id, record in holders:
            conflicts.append({
                'cluster_id': member_id,
                'description': 'conflicting entity found: ID=%s, Name=%s' % (record['id'], value),
                'resource': {'id': record['id'], 'type': F.KONG_COLLECTIONS[store_key][:-1]},
            })
    return conflicts


def group_member_status(call):
    """Any control plane: is it a member of some group of its region?"""
    path = resolve_path(call)
    control_plane_id = path.records[0]['id']
    is_member = any(control_plane_id in records for (store_key, _scope), records in call.partition.collections.items()
                    if store_key == MEMBERSHIPS)
    return Response(call.op.success_status, {'is_member': is_member})


# ---- data-plane client certificates (legacy bodies) ------------------------------


def checked_dp_certificate(call):
    body = required_body(call, 'cert')
    if certificate_der(body['cert']) is None:
        raise ApiError(400, 'Invalid certificate: cert must hold one PEM-encoded certificate.', style='legacy')
    return body


def dp_certificates(call, path):
    return call.partition.records(DP_CERTS, path.scope)


def dp_certificate(call, path):
    record = dp_certificates(call, path).get(call.params['certificateId'])
    if record is None:
        raise legacy_not_found()
    return record


def list_dp_certificates(call):
    path = resolve_path(call)
    items = [copy.deepcopy(record) for record in dp_certificates(call, path).values()]
    return Response(call.op.success_status, {'items': items, 'page': {'total_count': len(items)}})


def create_dp_certificate(call):
    path = resolve_path(call)
    body = checked_dp_certificate(call)
    now = int(time.time())
    record = {'id': str(uuid.uuid4()), 'cert': body['cert'], 'created_at': now, 'updated_at': now}
    if body.get('title') is not None:
        record['title'] = body['title']
    dp_certificates(call, path)[record['id']] = record
    return Response(call.op.success_status, {'item': copy.deepcopy(record)})


def get_dp_certificate(call):
    path = resolve_path(call)
    return Response(call.op.success_status, {'item': copy.deepcopy(dp_certificate(call, path))})


def update_dp_certificate(call):
    path = resolve_path(call)
    record = dp_certificate(call, path)
    body = checked_dp_certificate(call)
    record['cert'] = body['cert']
    if body.get('title') is not None:
        record['title'] = body['title']
    record['updated_at'] = int(time.time())
    return Response(call.op.success_status, {'item': copy.deepcopy(record)})


def delete_dp_certificate(call):
    path = resolve_path(call)
    dp_certificate(call, path)
    del dp_certificates(call, path)[call.params['certificateId']]
    return Response(call.op.success_status)


# ---- data-plane nodes ---------------------------------------------------------------


def node_record(call, path):
    record = call.partition.records(NODES, path.scope).get(call.params['nodeId'])
    if record is None:
        raise legacy_not_found()
    return record


def get_node(call):
    path = resolve_path(call)
    return Response(call.op.success_status, {'item': copy.deepcopy(node_record(call, path))})


def delete_node(call):
    """The node record goes (the data plane may register again)."""
    path = resolve_path(call)
    node = node_record(call, path)
    call.partition.records(NODES, path.scope).pop(node['id'])
    call.partition.records(EOL_NODES, path.scope).pop(node['id'], None)
    return Response(call.op.success_status)


# What a control plane's configuration is not: its data planes and their pinned certificates.
NOT_CONFIGURATION = (NODES, EOL_NODES, DP_CERTS)


def expected_config_hash(call):
    """``GET .../expected-config-hash``: what a data plane in sync with the control plane reports as its config hash.

    Konnect does not document how it computes the hash; here it is the MD5 (32 hex characters, the shape of Kong's
    config hashes) of the control plane's configuration records, so it stays the same until the configuration changes.
    ``updated_at`` is the latest change of a configuration record (the control plane's creation when it has none)."""
    path = resolve_path(call)
    control_plane = path.records[0]
    configuration = sorted(([key[0], list(key[1]), list(records.values())]
                            for key, records in call.partition.collections.items()
                            if key[1][:1] == (control_plane['id'],) and key[0] not in NOT_CONFIGURATION and records),
                           key=lambda item: json.dumps(item[:2]))
    digest = hashlib.md5(json.dumps(configuration, sort_keys=True, default=str).encode('utf-8')).hexdigest()
    created = epoch_seconds(control_plane.get('created_at'))
    changes = [record.get('updated_at') for collection in configuration for record in collection[2]]
    updated = max([created] + [epoch_seconds(value) for value in changes if value is not None])
    return Response(call.op.success_status, {'expected_hash': digest, 'created_at': created, 'updated_at': updated})


def epoch_seconds(value):
    """Epoch seconds of a record's timestamp (core entities keep integers, the control plane an RFC 3339 string)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    try:
        return int(datetime.datetime.strptime(str(value).replace('Z', '+0000'), '%Y-%m-%dT%H:%M:%S.%f%z').timestamp())
    except ValueError:
        return int(time.time())


NODE_FIELDS = {'hostname': str, 'version': str, 'last_ping': int, 'type': str, 'config_hash': str,
               'compatibility_status': dict, 'eol_message': str}


def register_node(partitions, control_plane_id, details):
    """Emulator control: a data plane of ``control_plane_id`` connects. Returns the node record, None when no
    region has that control plane; ValueError for an invalid body (``hostname`` and ``version`` required)."""
    if not isinstance(details, dict):
        raise ValueError('body must be a JSON object')
    unknown = sorted(set(details) - set(NODE_FIELDS))
    if unknown:
        raise ValueError('unknown fields: %s' % ', '.join(unknown))
    for name, kind in NODE_FIELDS.items():
        if name in details and (not isinstance(details[name], kind) or isinstance(details[name], bool)):
            raise ValueError('%s must be a %s' % (name, kind.__name__))
    if not details.get('hostname') or not details.get('version'):
        raise ValueError('hostname and version are required')
    for partition in partitions:
        if control_plane_id in partition.records(CONTROL_PLANES, ()):
            now = int(time.time())
            node = dict((name, value) for name, value in details.items() if name != 'eol_message')
            node.update({'id': str(uuid.uuid4()), 'created_at': now, 'updated_at': now})
            node.setdefault('last_ping', now)
            partition.records(NODES, (control_plane_id,))[node['id']] = node
            if details.get('eol_message'):
                # what Konnect computes from the version (end of support): given by the test, listed by /nodes/eol
                partition.records(EOL_NODES, (control_plane_id,))[node['id']] = {
                    'node_id': node['id'], 'node_version': node['version'], 'message': details['eol_message']}
            return copy.deepcopy(node)
    return None


# ---- config stores and secrets ---------------------------------------------------------


def delete_config_store(call):
    """Secrets block the delete unless ``force=true``, which deletes them with the store."""
    path = resolve_path(call)
    store = find_item(call, path)
    force = query_value(call, 'force') or 'false'
    if store is None:
        raise not_found()
    secrets = call.partition.records(SECRETS, path.scope + (store['id'],))
    if secrets and force != 'true':
        reason = 'The config store has %d secrets: delete them first, or use force=true to delete them with it.' % len(secrets)
        raise validation_error([Issue('force', 'required', reason, source='query')])
    call.partition.remove(call.store_key, path.scope, store['id'])
    return Response(call.op.success_status)


def create_secret(call):
    """The key is unique within its store (it addresses the secret); the spec declares 400, not 409, here."""
    path = resolve_path(call)
    body = validated_body(call)
    records = call.partition.records(call.store_key, path.scope)
    if any(record.get('key') == body['key'] for record in records.values()):
        raise validation_error([Issue('key', 'invalid', 'a secret with this key already exists in the config store')])
    record = new_record(call, body, path)
    records[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_secret(call):
    """PUT changes the value of an existing secret (create is POST): 404 for an unknown key."""
    path = resolve_path(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    existing['value'] = validated_body(call)['value']
    existing['updated_at'] = rfc3339(time.time())
    return Response(call.op.success_status, render(call, existing))


# ---- custom plugin schemas (legacy bodies) ------------------------------------------------


def lua_plugin_name(call):
    body = required_body(call, 'lua_schema')
    match = LUA_NAME.search(body['lua_schema'])
    if not match or not PLUGIN_NAME.match(match.group(2)):
        raise ApiError(400, 'Invalid lua_schema: no plugin name (name = "...") found.', style='legacy')
    return match.group(2), body['lua_schema']


def plugin_schemas(call, path):
    return call.partition.records(PLUGIN_SCHEMAS, path.scope)


def plugin_schema_view(record):
    return dict((name, record[name]) for name in ('name', 'lua_schema', 'created_at', 'updated_at'))


def create_plugin_schema(call):
    path = resolve_path(call)
    name, lua_schema = lua_plugin_name(call)
    records = plugin_schemas(call, path)
    if name in records:
        raise ApiError(409, 'A custom plugin schema named %s already exists.' % name, style='legacy')
    now = int(time.time())
    records[name] = {'id': name, 'name': name, 'lua_schema': lua_schema, 'created_at': now, 'updated_at': now}
    return Response(call.op.success_status, {'item': plugin_schema_view(records[name])})


def get_plugin_schema(call):
    path = resolve_path(call)
    record = plugin_schemas(call, path).get(call.params['name'])
    if record is None:
        raise legacy_not_found()
    return Response(call.op.success_status, {'item': plugin_schema_view(record)})


def put_plugin_schema(call):
    """Create or update by name; the schema must name the plugin of the path."""
    path = resolve_path(call)
    name, lua_schema = lua_plugin_name(call)
    if name != call.params['name']:
        raise ApiError(400, 'The plugin name in lua_schema (%s) differs from the name in the path.' % name, style='legacy')
    records = plugin_schemas(call, path)
    now = int(time.time())
    record = records.setdefault(name, {'id': name, 'name': name, 'created_at': now})
    record.update({'lua_schema': lua_schema, 'updated_at': now})
    return Response(call.op.success_status, {'item': plugin_schema_view(record)})


def delete_plugin_schema(call):
    path = resolve_path(call)
    if plugin_schemas(call, path).pop(call.params['name'], None) is None:
        raise legacy_not_found()
    return Response(call.op.success_status)


# ---- consumer groups and their consumers (Kong's consumer_group_consumers) ----------------------


def plugin_schema(call):
    """A plugin's schema in Kong's form: a bundled plugin's, or a custom plugin's of this control plane (404 otherwise)."""
    return plugin_config.get_plugin_schema(call, cp_scope(resolve_path(call)))


def cp_scope(path):
    """The scope of core entities: the control plane (paths like /consumer_groups/{id}/consumers add the group)."""
    return (path.records[0]['id'],)


def kong_error(status, message):
    return ApiError(status, message, kong_body={'code': {400: 3, 404: 5, 409: 6}[status], 'message': message})


def consumer_by_key(call, path, key):
    """A consumer by id or username, as Kong resolves the consumer of a membership."""
    return call.partition.find('Consumer', cp_scope(path), key, ('id', 'username'))


def group_by_key(call, path, key):
    return call.partition.find('ConsumerGroup', cp_scope(path), key, ('id', 'name'))


def memberships(call, path):
    return call.partition.records(F.CONSUMER_GROUP_MEMBERS, cp_scope(path))


def membership_id(group, consumer):
    return '%s:%s' % (group['id'], consumer['id'])


def add_membership(call, path, group, consumer, requested):
    """409 when the consumer is already in the group (Kong's answer; the spec declares only 201)."""
    records = memberships(call, path)
    key = membership_id(group, consumer)
    if key in records:
        raise kong_error(409, "Consumer '%s' already in group '%s'" % requested)
    now = int(time.time())
    records[key] = {'id': key, 'consumer_group': {'id': group['id']}, 'consumer': {'id': consumer['id']},
                    'created_at': now, 'updated_at': now}


def group_consumers(call, path, group):
    consumers = call.partition.records('Consumer', cp_scope(path))
    return [consumers[m['consumer']['id']] for m in memberships(call, path).values()
            if m['consumer_group']['id'] == group['id'] and m['consumer']['id'] in consumers]


def consumer_groups_of(call, path, consumer):
    groups = call.partition.records('ConsumerGroup', cp_scope(path))
    return [groups[m['consumer_group']['id']] for m in memberships(call, path).values()
            if m['consumer']['id'] == consumer['id'] and m['consumer_group']['id'] in groups]


def required_text(body, field, words):
    value = body.get(field) if isinstance(body, dict) else None
    if not value:
        # Kong: "must provide consumer" / "must provide group"
        raise validation_error([Issue(field, 'required', 'must provide %s' % words)])
    return value


def get_consumer_group(call):
    """``{consumer_group}``, plus ``consumers`` with ``list_consumers=true``."""
    path = resolve_path(call)
    list_consumers = query_value(call, 'list_consumers')
    group = find_item(call, path)
    if group is None:
        raise not_found()
    body = {'consumer_group': copy.deepcopy(group)}
    if list_consumers:
        body['consumers'] = [copy.deepcopy(consumer) for consumer in group_consumers(call, path, group)]
    return Response(call.op.success_status, body)


def add_consumer_to_group(call):
    path = resolve_path(call)
    body = validated_body(call)
    guard_writable(call, path)
    group = path.records[-1]
    key = required_text(body, 'consumer', 'consumer')
    consumer = consumer_by_key(call, path, key)
    if consumer is None:
        raise kong_error(404, "Consumer '%s' not found" % key)
    add_membership(call, path, group, consumer, (key, group['id']))
    return Response(call.op.success_status, {'consumer_group': copy.deepcopy(group), 'consumers': [copy.deepcopy(consumer)]})


def add_group_to_consumer(call):
    path = resolve_path(call)
    body = validated_body(call)
    guard_writable(call, path)
    consumer = path.records[-1]
    key = required_text(body, 'group', 'group')
    group = group_by_key(call, path, key)
    if group is None:
        raise kong_error(404, "Group '%s' not found" % key)
    add_membership(call, path, group, consumer, (call.params['ConsumerId'], key))
    return Response(call.op.success_status, {'consumer': copy.deepcopy(consumer), 'consumer_groups': [copy.deepcopy(group)]})


def list_group_consumers(call):
    path = resolve_path(call)
    return list_entities(call, group_consumers(call, path, path.records[-1]))


def list_consumer_groups_of(call):
    path = resolve_path(call)
    return list_entities(call, consumer_groups_of(call, path, path.records[-1]))


def remove_all_group_consumers(call):
    """404 when the group has no consumers (the spec: group or association does not exist)."""
    path = resolve_path(call)
    guard_writable(call, path)
    group = path.records[-1]
    records = memberships(call, path)
    keys = [key for key, m in records.items() if m['consumer_group']['id'] == group['id']]
    if not keys:
        raise not_found()
    for key in keys:
        del records[key]
    return Response(call.op.success_status)


def remove_consumer_from_all_groups(call):
    path = resolve_path(call)
    guard_writable(call, path)
    consumer = path.records[-1]
    records = memberships(call, path)
    for key in [key for key, m in records.items() if m['consumer']['id'] == consumer['id']]:
        del records[key]
    return Response(call.op.success_status)


def remove_group_consumer(call):
    """Removing a consumer that is not in the group is a 204 (deletes are idempotent); unknown entities 404."""
    path = resolve_path(call)
    guard_writable(call, path)
    group = path.records[-1]
    consumer = consumer_by_key(call, path, call.params['ConsumerId'])
    if consumer is None:
        raise not_found()
    memberships(call, path).pop(membership_id(group, consumer), None)
    return Response(call.op.success_status)


def remove_consumer_group(call):
    path = resolve_path(call)
    guard_writable(call, path)
    consumer = path.records[-1]
    group = group_by_key(call, path, call.params['ConsumerGroupId'])
    if group is None:
        raise not_found()
    memberships(call, path).pop(membership_id(group, consumer), None)
    return Response(call.op.success_status)


# ---- certificates and their SNIs --------------------------------------------------------------------


def certificate_snis(partition, scope, certificate_id):
    return [sni for sni in partition.records('SNI', scope).values() if (sni.get('certificate') or {}).get('id') == certificate_id]


def certificate_view(call, record, view):
    """A certificate lists the names of its SNIs, sorted (Kong's ``snis`` pseudo-attribute)."""
    view['snis'] = sorted(sni['name'] for sni in certificate_snis(call.partition, (call.params['controlPlaneId'],), record['id']))


VIEW_HOOKS['Certificate'] = certificate_view


def requested_sni_names(call):
    """Take ``snis`` out of the body (it is not stored on the certificate): the names, [] for null, None when absent."""
    body = call.body
    if not isinstance(body, dict) or 'snis' not in body:
        return None
    names = body['snis']
    if names is not None and not (isinstance(names, list) and all(isinstance(name, str) for name in names)):
        return None  # left in the body: schema validation reports it
    call.body = dict((key, value) for key, value in body.items() if key != 'snis')
    return list(names or [])


def write_certificate(call):
    """POST/PUT a certificate with ``snis``: its SNIs are created (and on PUT, the others removed); a name may
    appear once and must not belong to another certificate's SNI. Without ``snis``, a PUT keeps the SNIs."""
    path = resolve_path(call)
    guard_writable(call, path)
    names = requested_sni_names(call)
    if call.method == 'PUT':
        existing = find_item(call, path)
        certificate_id = existing['id'] if existing else call.params['CertificateId']
    else:
        certificate_id = (call.body or {}).get('id') if isinstance(call.body, dict) else None
    if names is not None:
        check_sni_names(call, path, names, certificate_id)
    response = (put_entity if call.method == 'PUT' else create_entity)(call)
    record = call.partition.records('Certificate', path.scope)[response.body['id']]
    if names is not None:
        sync_snis(call, path, record['id'], names)
    response.body = render(call, record)
    return response


def check_sni_names(call, path, names, certificate_id):
    issues = []
    for index, name in enumerate(names):
        if name in names[:index]:
            issues.append(Issue('snis', 'invalid', '%s is duplicated' % name))
    for sni in call.partition.records('SNI', path.scope).values():
        owner = (sni.get('certificate') or {}).get('id')
        if sni['name'] in names and owner != certificate_id:
            issues.append(Issue('snis', 'invalid', "%s already associated with existing certificate '%s'" % (sni['name'], owner)))
    if issues:
        raise validation_error(issues)


def sync_snis(call, path, certificate_id, names):
    records = call.partition.records('SNI', path.scope)
    for sni in certificate_snis(call.partition, path.scope, certificate_id):
        if sni['name'] not in names:
            del records[sni['id']]
    have = set(sni['name'] for sni in certificate_snis(call.partition, path.scope, certificate_id))
    now = int(time.time())
    for name in names:
        if name not in have:
            sni_id = str(uuid.uuid4())
            records[sni_id] = {'id': sni_id, 'name': name, 'certificate': {'id': certificate_id}, 'created_at': now, 'updated_at': now}


# ---- partials -----------------------------------------------------------------------------------


def list_partial_links(call):
    """The plugins using a partial, as PartialLink items, with their ``count``."""
    path = resolve_path(call)
    partial_id = path.records[-1]['id']
    links = [{'id': plugin['id'], 'name': plugin['name'], 'instance_name': plugin.get('instance_name')}
             for plugin in call.partition.records('Plugin', cp_scope(path)).values()
             if any(isinstance(item, dict) and item.get('id') == partial_id for item in plugin.get('partials') or [])]
    response = list_entities(call, [dict((k, v) for k, v in link.items() if v is not None) for link in links])
    response.body['count'] = len(links)
    return response


SPECIALS = {
    ('GET', CP + '/group-memberships'): list_group_members,
    ('PUT', CP + '/group-memberships'): put_group_members,
    ('POST', CP + '/group-memberships/add'): add_group_members,
    ('POST', CP + '/group-memberships/remove'): remove_group_members,
    ('GET', CP + '/group-status'): group_status,
    ('GET', CP + '/group-member-status'): group_member_status,
    ('GET', CP + '/dp-client-certificates'): list_dp_certificates,
    ('POST', CP + '/dp-client-certificates'): create_dp_certificate,
    ('GET', CP + '/dp-client-certificates/{certificateId}'): get_dp_certificate,
    ('PUT', CP + '/dp-client-certificates/{certificateId}'): update_dp_certificate,
    ('DELETE', CP + '/dp-client-certificates/{certificateId}'): delete_dp_certificate,
    ('GET', CP + '/nodes/{nodeId}'): get_node,
    ('GET', CP + '/expected-config-hash'): expected_config_hash,
    ('DELETE', CP + '/nodes/{nodeId}'): delete_node,
    ('DELETE', CP + '/config-stores/{configStoreId}'): delete_config_store,
    ('POST', CP + '/config-stores/{configStoreId}/secrets'): create_secret,
    ('PUT', CP + '/config-stores/{configStoreId}/secrets/{key}'): update_secret,
    ('POST', CORE + '/plugin-schemas'): create_plugin_schema,
    ('GET', CORE + '/plugin-schemas/{name}'): get_plugin_schema,
    ('PUT', CORE + '/plugin-schemas/{name}'): put_plugin_schema,
    ('DELETE', CORE + '/plugin-schemas/{name}'): delete_plugin_schema,
    ('GET', CORE + '/schemas/plugins/{pluginName}'): plugin_schema,
    ('GET', CORE + '/consumer_groups/{ConsumerGroupId}'): get_consumer_group,
    ('GET', CORE + '/consumer_groups/{ConsumerGroupId}/consumers'): list_group_consumers,
    ('POST', CORE + '/consumer_groups/{ConsumerGroupId}/consumers'): add_consumer_to_group,
    ('DELETE', CORE + '/consumer_groups/{ConsumerGroupId}/consumers'): remove_all_group_consumers,
    ('DELETE', CORE + '/consumer_groups/{ConsumerGroupId}/consumers/{ConsumerId}'): remove_group_consumer,
    ('GET', CORE + '/consumers/{ConsumerId}/consumer_groups'): list_consumer_groups_of,
    ('POST', CORE + '/consumers/{ConsumerId}/consumer_groups'): add_group_to_consumer,
    ('DELETE', CORE + '/consumers/{ConsumerId}/consumer_groups'): remove_consumer_from_all_groups,
    ('DELETE', CORE + '/consumers/{ConsumerId}/consumer_groups/{ConsumerGroupId}'): remove_consumer_group,
    ('GET', CORE + '/partials/{PartialId}/links'): list_partial_links,
    ('POST', CORE + '/certificates'): write_certificate,
    ('PUT', CORE + '/certificates/{CertificateId}'): write_certificate,
}
