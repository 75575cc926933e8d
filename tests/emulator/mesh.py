# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mesh control planes v0: mesh control planes and the Kuma resources inside them (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

Mesh control planes themselves are served generically. The Kuma resources below one
(``/v1/mesh/control-planes/{cpId}/api/[meshes/{mesh}/]<kind plural>/{name}``) are Kuma's own API, proxied by Konnect:
named, not numbered, and written by PUT (create or replace). The spec says what each takes (its ``<Kind>Item`` schema)
and that PUT answers 200 or 201 with ``{warnings}``, DELETE 200 (404 if missing), lists ``{items, total, next}``
with ``offset`` and ``size``. Kuma's rules the spec leaves out, from Kuma's API server
(https://github.com/kumahq/kuma/blob/master/pkg/api-server/resource_endpoints.go):
- the name (and, inside a mesh, the mesh) in the body must be the one in the path: 400 otherwise;
- PUT answers 201 when it created the resource, 200 when it replaced it;
- the ``type`` must be the kind of the path (the older kinds declare ``type`` as a plain string): 400 otherwise;
- a resource inside a mesh needs the mesh to exist (404 otherwise); deleting a mesh deletes what is inside it.
``creationTime`` and ``modificationTime`` are set by the server; ``kri`` is not produced (README, Undocumented).
"""

import copy
import json
import os
import re
import time
import uuid

from .api import DERIVED_DIR, normalize
from .crud import find_item, resolve_path, validated_body
from .errors import Issue, Response, not_found, validation_error
from .schemas import rfc3339

API = '/v1/mesh/control-planes/{cpId}/api'
RESOURCE_ITEM = re.compile(r'^/v1/mesh/control-planes/\{cpId\}/api/(meshes/\{mesh\}/)?([a-z-]+)/\{name\}$')
INTERNAL = ('id',)
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000

SINGLETON_DEFAULTS = {}


def resource_paths():
    """The item path of every Kuma resource kind of the derived spec."""
    with open(os.path.join(DERIVED_DIR, 'mesh-control-planes-v0.json')) as handle:
        operations = json.load(handle)['operations']
    return sorted(set(op['path'] for op in operations if op['method'] == 'PUT' and RESOURCE_ITEM.match(op['path'])))


# Kuma resources are named: the name in a path finds one (a mesh's name scopes what is inside it).
FACTS = dict((normalize(path[:path.rindex('/')]), {'natural_key': 'name'}) for path in resource_paths())


def kind_of(call):
    """The kind a resource path holds: the enum of its schema's ``type``, else its schema's name without ``Item``."""
    name = call.op.raw.get('schema_name') or ''
    schema = call.schemas.resolve(call.op.request_schema or {})
    return ((schema.get('properties') or {}).get('type') or {}).get('enum', [re.sub(r'Item$', '', name)])[0]


def render(record):
    return dict((key, value) for key, value in copy.deepcopy(record).items() if key not in INTERNAL)


def put_resource(call):
    path = resolve_path(call)
    body = validated_body(call)
    issues = []
    if body.get('name') != call.params['name']:
        issues.append(Issue('name', 'invalid', 'name from the URL has to be the same as in body'))
    if 'mesh' in call.params and body.get('mesh', 'default') != call.params['mesh']:
        issues.append(Issue('mesh', 'invalid', 'mesh from the URL has to be the same as in body'))
    if body.get('type') != kind_of(call):
        issues.append(Issue('type', 'invalid', 'type from the URL has to be the same as in body (%s)' % kind_of(call)))
    if issues:
        raise validation_error(issues)
    existing = find_item(call, path)
    now = rfc3339(time.time())
    record = copy.deepcopy(body)
    if 'mesh' in call.params:
        record['mesh'] = call.params['mesh']
    record['id'] = existing['id'] if existing else str(uuid.uuid4())
    record['creationTime'] = existing['creationTime'] if existing else now
    record['modificationTime'] = now
    call.schemas.apply_defaults(record, call.op.request['schema'])
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(200 if existing else 201, {'warnings': []})


def get_resource(call):
    record = find_item(call, resolve_path(call))
    if record is None:
        raise not_found()
    return Response(200, render(record))


def delete_resource(call):
    path = resolve_path(call)
    record = find_item(call, path)
    if record is None:
        raise not_found()
    call.partition.remove(call.store_key, path.scope, record['id'])
    return Response(200, {})


def list_resources(call):
    path = resolve_path(call)
    offset = page_number(call, 'offset', 0, 0, None)
    size = page_number(call, 'size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    records = [render(record) for record in call.partition.records(call.store_key, path.scope).values()]
    page = records[offset:offset + size]
    body = {'items': page, 'total': len(records), 'next': None}
    if offset + size < len(records):
        body['next'] = '%s?offset=%d&size=%d' % (request_path(call), offset + size, size)
    return Response(200, body)


def page_number(call, name, default, low, high):
    values = call.query.get(name)
    if not values:
        return default
    try:
        value = int(values[0])
    except ValueError:
        raise validation_error([Issue(name, 'type', 'must be an integer', source='query')]) from None
    if value < low or (high is not None and value > high):
        raise validation_error([Issue(name, 'range', 'must be between %s and %s' % (low, high or 'any'), source='query')])
    return value


def request_path(call):
    path = call.route.template
    for name, value in call.params.items():
        path = path.replace('{%s}' % name, value)
    return path


def resource_specials():
    """Every Kuma resource path of the derived spec, answered as Kuma answers."""
    specials = {}
    for path in resource_paths():
        specials.update({('PUT', path): put_resource, ('GET', path): get_resource, ('DELETE', path): delete_resource,
                         ('GET', path[:path.rindex('/')]): list_resources})
    return specials


SPECIALS = resource_specials()
