# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Generic, spec-driven behaviour of collections, items, singletons and actions."""

import copy
import re
import time
import uuid

from . import facts as F
from . import kong, kong_fields
from .auth import token_state
from .errors import (ApiError, Issue, Response, index_violation, not_found, reference_missing, referenced_by, schema_issues,
                     unique_violation, validation_error)
from .listing import paginate, parse_list_query, select

RESERVED_QUERY_PARAMS = ('size', 'offset', 'tags', 'labels', 'sort')
UUID_TEXT = re.compile(r'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')


class Call:
    """One Konnect request routed to an operation, with the state partition it works on."""

    def __init__(self, api, partition, route, op, params, query, body, region, principal=None):
        self.api = api
        self.partition = partition
        self.route = route
        self.op = op
        self.method = op.method
        self.params = params
        self.query = query
        self.body = body
        self.region = region
        self.principal = principal
        self.schemas = op.schemas
        self.store_key = route.store_key
        self.facts = F.facts_for(route.store_key)

    @property
    def core(self):
        return self.route.core

    @property
    def item_schema(self):
        route = self.route.collection or self.route
        return self.route.item_schema() or route.item_schema() or {}


class Path:
    """Resolved path params: scope of the addressed collection and links to nested parents."""

    def __init__(self, scope, links, records):
        self.scope = tuple(scope)
        self.links = links
        self.records = records


# ---- path resolution -------------------------------------------------------


def lookup_fields(route):
    """Fields an item path param may match besides the id."""
    natural = F.facts_for(route.store_key).get('natural_key')
    if natural:
        return ('id', natural)
    param = route.item_param or ''
    return ('id',) if param.lower().endswith('id') else ('id', param)


def resolve_path(call):
    """Check every parent path param refers to an existing entity (404 otherwise)."""
    route = call.route
    ids, records = [], []
    for name in route.params:
        if name == route.item_param:
            break
        segment_index = route.segments.index('{%s}' % name)
        owner = call.api.collection_for_prefix('/' + '/'.join(route.segments[:segment_index]))
        record = find_parent(call, owner, name, call.params[name], ids)
        ids.append(record['id'] if record else call.params[name])
        records.append(record)
    parent_names = route.params[:len(ids)]
    scope = [ids[i] for i, name in enumerate(parent_names) if name not in route.parent_fields]
    links = dict((route.parent_fields[name], ids[i]) for i, name in enumerate(parent_names) if name in route.parent_fields)
    return Path(scope, links, records)


def find_parent(call, owner, name, value, ids):
    if owner is None:
        expected = F.VIRTUAL_PARENTS.get(name)
        if expected is not None and value != expected:
            raise not_found()
        return None
    owner_scope = [ids[i] for i, param in enumerate(owner.params) if param not in owner.parent_fields]
    record = call.partition.find(owner.store_key, owner_scope, value, lookup_fields(owner))
    if record is None:
        raise not_found()
    return record


def find_item(call, path):
    """The addressed entity (by id or natural key), within its nested parent if any."""
    return call.partition.find(call.store_key, path.scope, call.params[call.route.item_param], lookup_fields(call.route),
                               accept=lambda record: links_hold(record, path.links))


def links_hold(record, links):
    return all(isinstance(record.get(field), dict) and record[field].get('id') == parent_id for field, parent_id in links.items())


# ---- request validation ----------------------------------------------------


def validated_path_params(call):
    issues = []
    for name, schema in call.op.path_params.items():
        if name in call.params and schema:
            issues.extend(schema_issues(call.schemas.validator(schema), call.params[name], source='path', prefix=name))
    if issues:
        raise validation_error(issues, 'Invalid path parameters')


def validated_body(call):
    request = call.op.request
    if request is None:
        return None
    if call.body is ValueError:
        issue = Issue('body', 'invalid', 'request format is invalid')
        raise ApiError(400, 'Invalid request format', issues=[issue], kong_body={'code': 3, 'message': 'invalid JSON body', 'details': []})
    body = call.body
    if body is None:
        if request['required']:
            raise validation_error([Issue('body', 'required', 'request body is required')], 'Request body is required')
        return {}
    if call.facts.get('url_shorthand') and isinstance(body, dict) and body.get('url') is not None:
        body = dict(body)
        expand_url(body)
    issues = schema_issues(call.schemas.validator(request['schema']), body) if request.get('schema') else []
    if not call.core and isinstance(body, dict) and isinstance(body.get('labels'), dict):
        issues.extend(label_key_issues(body['labels']))
    if issues:
        raise validation_error(issues)
    return body


def label_key_issues(labels):
    # The reserved prefixes are case-sensitive: kongctl labels what it manages ``KONGCTL-namespace`` (notes §2.2).
    return [Issue('labels.%s' % key, 'is_label', 'label keys must be 1-%d characters and not use a reserved prefix' % F.LABEL_KEY_MAX_LENGTH)
            for key in sorted(labels)
            if not 0 < len(key) <= F.LABEL_KEY_MAX_LENGTH or key.startswith(F.RESERVED_LABEL_KEY_PREFIXES)]


def guard_writable(call, path):
    """Core entities of control-plane groups and KIC control planes are read-only."""
    refuse_read_only(call, path.records[0] if path.records else None)


def refuse_read_only(call, control_plane):
    cluster_type = ((control_plane or {}).get('config') or {}).get('cluster_type')
    if call.core and cluster_type in F.READ_ONLY_CLUSTER_TYPES:
        status, body = F.READ_ONLY_CLUSTER_TYPES[cluster_type]
        raise ApiError(status, body['message'], kong_body=body)


def refuse_read_only_writes(call):
    """Every core-entity write in a read-only control plane is refused before anything else is looked at
    (a property of the control plane: nested paths, credentials and memberships included)."""
    if call.core and call.method != 'GET' and 'controlPlaneId' in call.params:
        refuse_read_only(call, call.partition.find('/v2/control-planes', (), call.params['controlPlaneId']))


# ---- building records ------------------------------------------------------


def new_record(call, body, path, record_id=None, created_at=None):
    """A complete stored record from a create/replace body: defaults, ids, timestamps, checks."""
    data = copy.deepcopy(body) if isinstance(body, dict) else {}
    if not call.core:
        data = drop_server_fields(call, data)
    nest_config(call, data, fill_defaults=True)
    for field, parent_id in path.links.items():
        data[field] = {'id': parent_id}
    data['id'] = record_id or choose_id(call, body)
    now = time.time()
    call.schemas.apply_defaults(data, (call.op.request or {}).get('schema') or {})
    call.schemas.apply_defaults(data, call.item_schema)
    if call.core:
        kong_fields.check(call.store_key, data)
        kong.prepare(call, data, path)
        check_references(call, data, path)
    check_unique(call, data, path, exclude_id=record_id)
    set_timestamps(call, data, now, created_at)
    if call.facts.get('endpoints'):
        add_endpoints(call, data)
    call.schemas.complete_required(data, call.item_schema)
    return data


def choose_id(call, body):
    """Core entities accept a client id; platform membership bodies carry the member id."""
    request_schema = (call.op.request or {}).get('schema') or {}
    body_id = body.get('id') if isinstance(body, dict) else None
    if body_id and (call.core or not call.schemas.property_schema(request_schema, 'id').get('readOnly', True)):
        return body_id
    return str(uuid.uuid4())


def drop_server_fields(call, data):
    """Platform responses only carry declared properties; clients cannot set readOnly ones."""
    properties, _required = call.schemas.object_view({}, call.item_schema)
    kept = {}
    for name, value in data.items():
        declared = properties.get(name)
        nested = name in call.facts.get('nested_config', {})
        if nested or (declared is not None and not call.schemas.resolve(declared).get('readOnly')) or (not properties and name != 'id'):
            kept[name] = value
    return kept


def expand_url(data):
    url = data.pop('url')
    match = re.match(r'^([a-z]+)://([^/:?#]+)(?::(\d+))?(/[^?#]*)?', url)
    if not match:
        raise validation_error([Issue('url', 'invalid', 'invalid url')])
    protocol, host, port, url_path = match.groups()
    data['protocol'] = protocol
    data['host'] = host
    data['port'] = int(port) if port else (443 if protocol in ('https', 'grpcs', 'wss', 'tls') else 80)
    data['path'] = url_path or None


def nest_config(call, data, fill_defaults):
    nested = call.facts.get('nested_config')
    if not nested:
        return
    config = data.setdefault('config', {})
    for name, default in nested.items():
        if name in data:
            config[name] = data.pop(name)
        elif fill_defaults:
            config.setdefault(name, copy.deepcopy(default))
    if not config:
        del data['config']


def add_endpoints(call, data):
    host_id = uuid.uuid4().hex[:10]
    config = data.setdefault('config', {})
    config.setdefault('control_plane_endpoint', 'https://%s.%s.cp.konghq.com' % (host_id, call.region))
    config.setdefault('telemetry_endpoint', 'https://%s.%s.tp.konghq.com' % (host_id, call.region))


def set_timestamps(call, data, now, created_at=None):
    if call.schemas.declares(call.item_schema, 'created_at'):
        data['created_at'] = created_at if created_at is not None else call.schemas.timestamp_value(call.item_schema, 'created_at', now)
    if call.schemas.declares(call.item_schema, 'updated_at'):
        data['updated_at'] = call.schemas.timestamp_value(call.item_schema, 'updated_at', now)


def check_references(call, data, path):
    for field, kind in F.FOREIGN_KINDS.items():
        reference = data.get(field)
        if not isinstance(reference, dict) or not reference.get('id'):
            continue
        if call.partition.find(kind, path.scope, reference['id']) is None:
            raise reference_missing(field, reference['id'])


def unique_fields(call):
    """Fields from the facts table; platform entities whose create requires a name and declares a 409 have a unique name."""
    fields = list(call.facts.get('unique', ()))
    create = (call.route.collection or call.route).ops.get('POST')
    if not call.core and create is not None and 'name' not in fields and 409 in create.error_statuses:
        _props, required = call.schemas.object_view({}, create.request_schema or {})
        if 'name' in required:
            fields.append('name')
    return fields


def check_unique(call, data, path, exclude_id=None):
    within = call.facts.get('unique_within')
    records = call.partition.records(call.store_key, path.scope).values()
    for field in unique_fields(call):
        value = data.get(field)
        if value is None:
            continue
        for record in records:
            if record['id'] == exclude_id:
                continue
            if within and record.get(within) != data.get(within):
                continue
            if record.get(field) == value:
                raise conflict(call, field)
    for index_name, fields in call.facts.get('unique_together', {}).items():
        value = index_value(data, fields)
        if any(index_value(record, fields) == value for record in records if record['id'] != exclude_id):
            raise index_violation(index_name, value)
    if exclude_id is None and data['id'] in call.partition.records(call.store_key, path.scope):
        raise unique_violation('id') if call.core else conflict(call, 'id')


def index_value(record, fields):
    """Kong's cache key of a record: the fields' values (ids of references, empty when unset) joined with dots."""
    parts = []
    for field in fields:
        value = record.get(field)
        if isinstance(value, dict):
            value = value.get('id')
        parts.append('' if value is None else str(value))
    return '.'.join(parts)


def conflict(call, field):
    if call.core:
        return unique_violation(field)
    return ApiError(409, call.facts.get('conflict_detail', 'An entity with the same %s already exists.' % field))


# Store key -> function(call, record, view) adding computed fields to a rendered entity (gateway.py registers).
VIEW_HOOKS = {}


def render(call, record):
    view = call.schemas.strip_write_only(record, call.item_schema)
    if call.store_key in VIEW_HOOKS:
        VIEW_HOOKS[call.store_key](call, record, view)
    if not call.core and 'id' in view:
        properties, _required = call.schemas.object_view({}, call.item_schema)
        if properties and 'id' not in properties:
            # the entity has no id in the spec (config-store secrets are addressed by key): keep the internal one
            del view['id']
    if call.facts.get('token_state'):
        view['state'] = token_state(record)
    return view


# ---- handlers --------------------------------------------------------------


def list_entities(call, records=None):
    """List the stored collection, or ``records`` gathered by the caller (memberships), filtered and paginated."""
    path = resolve_path(call)
    list_query = parse_list_query(call.op, call.query, call.facts.get('field_paths', {}))
    list_query.conditions.extend(property_param_conditions(call))
    if records is None:
        records = [r for r in call.partition.records(call.store_key, path.scope).values() if links_hold(r, path.links)]
    views = [render(call, r) for r in records]
    body = paginate(call.op, select(views, list_query), call.query, request_path(call))
    return Response(call.op.success_status, body)


def property_param_conditions(call):
    """Declared plain query params named like an entity property (e.g. ``custom_id``) filter by equality."""
    properties, _required = call.schemas.object_view({}, call.item_schema)
    return [(name, 'eq', call.query[name][0]) for name in call.op.query_params
            if name in properties and name in call.query and name not in RESERVED_QUERY_PARAMS]


def request_path(call):
    path = call.route.template
    for name, value in call.params.items():
        path = path.replace('{%s}' % name, value)
    return path


def create_entity(call):
    path = resolve_path(call)
    body = validated_body(call)
    if call.core:
        guard_writable(call, path)
    record = new_record(call, body, path)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record) if call.op.response else None)


def get_entity(call):
    path = resolve_path(call)
    record = find_item(call, path)
    if record is None:
        raise not_found()
    return Response(call.op.success_status, render(call, record))


def put_entity(call):
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if call.core:
        guard_writable(call, path)
        return upsert_core(call, path, body, existing)
    if existing is None:
        raise not_found()
    record = replace(call, path, body, existing)
    return Response(call.op.success_status, render(call, record))


def upsert_core(call, path, body, existing):
    key = call.params[call.route.item_param]
    body = dict(body)
    by_name = not UUID_TEXT.match(key)
    if by_name:
        natural = call.facts.get('natural_key')
        if not natural:
            raise not_found()
        if existing is None and body.get(natural) not in (None, key):
            raise validation_error([Issue(natural, 'invalid', 'must match the value in the path')])
        body.setdefault(natural, key)
    if existing is not None:
        record_id = existing['id']
    else:
        record_id = (body.get('id') or str(uuid.uuid4())) if by_name else key
    if body.get('id') not in (None, record_id):
        raise validation_error([Issue('id', 'invalid', 'must match the id of the entity in the path')])
    record = replace(call, path, body, existing, record_id)
    return Response(200, render(call, record))


def replace(call, path, body, existing, record_id=None):
    """Full replacement keeping id and creation time."""
    record_id = existing['id'] if existing else record_id
    created_at = existing.get('created_at') if existing else None
    record = new_record(call, body, path, record_id, created_at)
    call.partition.records(call.store_key, path.scope)[record_id] = record
    return record


def patch_entity(call):
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    changes = drop_server_fields(call, patchable(call, copy.deepcopy(body)))
    nest_config(call, changes, fill_defaults=False)
    updated = merge(call, copy.deepcopy(existing), changes)
    if call.core:
        kong_fields.check(call.store_key, updated)
    check_unique(call, updated, path, exclude_id=existing['id'])
    set_timestamps(call, updated, time.time(), existing.get('created_at'))
    existing.clear()
    existing.update(updated)
    return Response(call.op.success_status, render(call, existing))


def patchable(call, body):
    """Platform PATCH changes only what its request schema declares (create-only fields such as a
    system account's ``konnect_managed`` or a token's ``expires_at`` are left alone)."""
    if call.core or not isinstance(body, dict):
        return body
    declared, _required = call.schemas.object_view(body, (call.op.request or {}).get('schema') or {})
    if not declared:
        return body
    nested = call.facts.get('nested_config', {})
    return dict((name, value) for name, value in body.items() if name in declared or name in nested)


def merge(call, record, changes):
    labels_schema = call.schemas.property_schema((call.op.request or {}).get('schema') or {}, 'labels')
    for name, value in changes.items():
        if name == 'labels' and call.schemas.allows_null_values(labels_schema):
            labels = dict(record.get('labels') or {})
            labels.update(value or {})
            record['labels'] = dict((k, v) for k, v in labels.items() if v is not None) if value is not None else {}
        elif name == 'config' and isinstance(value, dict) and isinstance(record.get('config'), dict) and call.facts.get('nested_config'):
            record['config'].update(value)
        else:
            record[name] = value
    return record


def delete_entity(call):
    path = resolve_path(call)
    existing = find_item(call, path)
    if existing is None:
        if 404 in call.op.error_statuses or not call.core:
            raise not_found()
        return Response(204)
    if call.core:
        guard_writable(call, path)
        check_not_referenced(call, path, existing)
        cascade_core(call, path.scope, call.store_key, existing['id'])
    call.partition.remove(call.store_key, path.scope, existing['id'])
    if not call.core:
        cascade_platform(call.partition, call.facts, existing['id'])
    return Response(204)


def cascade_platform(partition, facts, record_id):
    """What goes with a deleted platform entity besides the collections under its path (Partition.remove):
    its memberships (``member_of``) and records naming it in an id field (``referenced_by``)."""
    for (store_key, _scope), records in list(partition.collections.items()):
        if store_key == facts.get('member_of'):
            records.pop(record_id, None)
        for referring_key, field in facts.get('referenced_by', ()):
            if store_key == referring_key:
                for child_id in [rid for rid, child in records.items() if child.get(field) == record_id]:
                    del records[child_id]


def check_not_referenced(call, path, record):
    for store_key, records in call.partition.scoped_collections(path.scope):
        for field in F.facts_for(store_key).get('restrict_refs', ()):
            if F.FOREIGN_KINDS.get(field) != call.store_key:
                continue
            if any((r.get(field) or {}).get('id') == record['id'] for r in records.values()):
                raise referenced_by(F.KONG_COLLECTIONS.get(store_key, store_key), F.KONG_COLLECTIONS.get(call.store_key, call.store_key), field)


def cascade_core(call, scope, kind, record_id):
    """Delete core entities whose foreign keys point at the deleted one (Kong's on-delete cascade)."""
    for store_key, records in call.partition.scoped_collections(scope):
        for child_id, child in list(records.items()):
            if any(F.FOREIGN_KINDS.get(field) == kind and isinstance(value, dict) and value.get('id') == record_id
                   for field, value in child.items()):
                del records[child_id]
                cascade_core(call, scope, store_key, child_id)


def clear_collection(call):
    path = resolve_path(call)
    records = call.partition.records(call.store_key, path.scope)
    for record_id in [rid for rid, r in records.items() if links_hold(r, path.links)]:
        del records[record_id]
    return Response(call.op.success_status)


def singleton_key(call, path):
    return (call.route.template, path.scope)


def get_singleton(call):
    path = resolve_path(call)
    if created_on_demand(call) and singleton_key(call, path) not in call.partition.singletons:
        raise not_found()
    document = singleton_document(call, path)
    return Response(call.op.success_status, call.schemas.strip_write_only(document, call.op.response_schema or {}))


def created_on_demand(call):
    """A singleton whose GET declares a 404 (an organization's IP allow list) does not exist until a PUT creates it."""
    read = call.route.ops.get('GET')
    return read is not None and 404 in read.error_statuses and 'PUT' in call.route.ops


def singleton_document(call, path):
    """The stored document of a singleton, or the one a fresh organization has."""
    document = call.partition.singletons.get(singleton_key(call, path))
    return copy.deepcopy(document) if document is not None else synthesize(call)


def write_singleton(call):
    path = resolve_path(call)
    body = validated_body(call) or {}
    key = singleton_key(call, path)
    exists = key in call.partition.singletons
    if created_on_demand(call) and call.method == 'PUT' and exists and 409 in call.op.error_statuses:
        raise ApiError(409, 'It already exists; update it with PATCH.')
    if created_on_demand(call) and call.method == 'PATCH' and not exists:
        raise not_found()
    if call.method == 'PUT':
        document = copy.deepcopy(body)
    else:
        document = merge(call, singleton_document(call, path), copy.deepcopy(body))
    call.partition.singletons[key] = document
    response_schema = call.op.response_schema
    return Response(call.op.success_status, call.schemas.strip_write_only(document, response_schema) if response_schema else None)


def delete_singleton(call):
    path = resolve_path(call)
    call.partition.singletons.pop(singleton_key(call, path), None)
    return Response(call.op.success_status)


def action(call):
    """Operations that are not CRUD (e.g. POST .../add): validate, answer the declared status."""
    path = resolve_path(call)
    validated_body(call)
    if call.route.kind == 'item' and find_item(call, path) is None:
        raise not_found()
    return Response(call.op.success_status, synthesize(call) if call.op.response_schema else None)


def synthesize(call):
    """A minimal document satisfying the response schema's required properties and defaults."""
    schema = call.op.response_schema or {}
    document = copy.deepcopy(F.SINGLETON_DEFAULTS.get(call.route.template, {}))
    call.schemas.apply_defaults(document, schema)
    call.schemas.complete_required(document, schema)
    return document


HANDLERS = {
    ('collection', 'GET'): list_entities,
    ('collection', 'POST'): create_entity,
    ('collection', 'DELETE'): clear_collection,
    ('item', 'GET'): get_entity,
    ('item', 'PUT'): put_entity,
    ('item', 'PATCH'): patch_entity,
    ('item', 'DELETE'): delete_entity,
    ('singleton', 'GET'): get_singleton,
    ('singleton', 'PUT'): write_singleton,
    ('singleton', 'PATCH'): write_singleton,
    ('singleton', 'DELETE'): delete_singleton,
}


def dispatch(call, specials):
    validated_path_params(call)
    refuse_read_only_writes(call)
    special = specials.get((call.method, call.route.template))
    if special is not None:
        return special(call)
    return HANDLERS.get((call.route.kind, call.method), action)(call)
