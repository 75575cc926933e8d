# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mesh control planes and their Kuma resources (Mesh Control Planes v0, regional).

A mesh control plane is an ordinary Konnect entity. The Kuma resources inside one are Kuma's own API: named, not
numbered, written whole by PUT, and of some thirty kinds (``mesh_kinds.KINDS``, generated from the derived spec).
One generic ``mesh_resource`` manages them all (``MeshResource``): the task's kind picks the path, and its body is
checked against that kind's schema before any request.
"""

from __future__ import annotations

from urllib.parse import quote

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.compare import desired_labels, merge_subset
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, InfoEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, LOOKUP_FILTER, Entity, Field, Parent
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.mesh_kinds import KINDS, definitions

STRING_FILTER = ('eq', 'contains')
CONTROL_PLANES = '/v1/mesh/control-planes'

DESCRIPTION_MAX = 250  # MeshControlPlaneDescription / UpdateMeshControlPlaneRequest.description: maxLength 250


def description_fits(engine, current=None):
    description = engine.desired.get('description')
    if engine.params.get('state') != 'absent' and description is not None and len(description) > DESCRIPTION_MAX:
        raise KonnectParameterError('description: %d characters; Konnect takes at most %d.' % (len(description), DESCRIPTION_MAX))


MESH_CONTROL_PLANE = Entity(
    'mesh_control_plane', 'mesh control plane', CONTROL_PLANES,
    fields=[
        Field('name'), Field('description'), Field('labels', type='dict', kind=LABELS),
        Field('features', type='list', elements='dict', create_only=True),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True,
    filterable={'name': STRING_FILTER}, writable=description_fits,
)


# -- Kuma resources ----------------------------------------------------------------------------------------------------

ENVELOPE = ('type', 'name', 'mesh', 'labels')  # what a resource body holds besides its settings
SERVER_FIELDS = ('creationTime', 'modificationTime', 'kri')


def kind_facts(kind):
    if kind not in KINDS:
        raise KonnectParameterError('kind: %r is not a Kuma resource kind of Konnect mesh control planes; use one of %s.' % (
            kind, ', '.join(sorted(KINDS))))
    return KINDS[kind]


def resource_body(params):
    """The body a task asks for: Kuma's envelope, its settings under ``spec`` (or at the top, for the older kinds)."""
    facts = kind_facts(params['kind'])
    if not params.get('name'):
        raise KonnectParameterError('name: required to find the %s.' % params['kind'])
    body = {'type': params['kind'], 'name': params['name']}
    if facts['in_mesh']:
        if not params.get('mesh'):
            raise KonnectParameterError('mesh: a %s lives inside a mesh; name the mesh.' % params['kind'])
        body['mesh'] = params['mesh']
    elif params.get('mesh'):
        raise KonnectParameterError('mesh: a %s is not inside a mesh; leave mesh out.' % params['kind'])
    if params.get('labels') is not None:
        body['labels'] = params['labels']
    spec = params.get('spec')
    if spec is not None and facts['spec_field']:
        body['spec'] = spec
    elif spec is not None:
        reserved = sorted(set(spec) & set(ENVELOPE + SERVER_FIELDS))
        if reserved:
            raise KonnectParameterError('spec: %s belong to the options of the task, not to the spec.' % ', '.join(reserved))
        body.update(spec)
    return body


def validate_resource(body):
    """Refuse a body that the kind's schema (from the spec) refuses, naming every wrong field."""
    try:  # here, not at the top: jsonschema costs 50 ms to import, and only mesh_resource needs it
        import jsonschema
    except ImportError:
        raise KonnectParameterError('mesh_resource needs the Python library jsonschema (pip install "jsonschema>=4.17").')
    facts = KINDS[body['type']]
    schema = {'$ref': '#/$defs/%s' % facts['definition'], '$defs': definitions()}
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(body), key=lambda error: list(error.absolute_path))
    if errors:
        raise KonnectParameterError('spec: not a valid %s: %s.' % (body['type'], '; '.join(
            '%s: %s' % ('.'.join(str(part) for part in error.absolute_path) or '(body)', error.message) for error in errors[:10])))


class MeshResourceEngine(EntityEngine):
    """A Kuma resource, found by its name at the path its kind gives; written whole by PUT, then read back."""

    def run(self):
        if self.params.get('state', 'present') == 'present':
            validate_resource(resource_body(self.params))  # before any request
        else:
            resource_body(self.params)
        return super(MeshResourceEngine, self).run()

    def desired_body(self, references):
        body = resource_body(self.params)
        return dict((name, value) for name, value in body.items() if name not in ('type', 'mesh'))

    def collection(self):
        return resource_collection(self.scope, self.params)

    def item_path(self, item):
        return '%s/%s' % (self.collection(), quote(str(item['name']), safe=''))

    def find_current(self, desired):
        response = self.client.get(self.item_path({'name': self.params['name']}), what=self.describe_current(self.params), expected=(404,))
        return None if response.status == 404 else response.body

    def describe_current(self, current):
        return "%s '%s'" % (self.params['kind'], current.get('name'))

    def whole(self, current, desired):
        """What PUT sends: the resource as it will be (PUT replaces it whole), without what the server sets."""
        body = dict((name, value) for name, value in (current or {}).items() if name not in SERVER_FIELDS)
        body.update(resource_body(dict(self.params, labels=None, spec=None)))
        for name, value in desired.items():
            body[name] = merge_subset(body.get(name), value) if isinstance(value, dict) and name != 'labels' else value
        if 'labels' in desired:
            body['labels'] = desired_labels((current or {}).get('labels'), desired['labels'], self.params.get('purge_labels'))
        return body

    def apply(self, decision, current, desired):
        body = self.whole(current if decision.action != decide.CREATE else None, desired)
        validate_resource(body)
        self.client.request('PUT', self.item_path(body), body=body, what=self.describe_current(body))
        return self.client.get(self.item_path(body), what=self.describe_current(body)).body

    def ensure_present(self, current, desired):
        if current is None and KINDS[self.params['kind']]['in_mesh']:
            self.verify_mesh()
        return super(MeshResourceEngine, self).ensure_present(current, desired)

    def verify_mesh(self):
        mesh = self.params['mesh']
        path = '%s/%s/api/meshes/%s' % (CONTROL_PLANES, self.scope['mesh_control_plane'], quote(str(mesh), safe=''))
        if self.client.get(path, what="mesh '%s'" % mesh, expected=(404,)).status == 404:
            raise KonnectParameterError("mesh: mesh control plane %s has no mesh '%s'; create it first (kind: Mesh)." % (
                self.params['mesh_control_plane'], mesh))

    def result(self, changed, before, after):
        result = super(MeshResourceEngine, self).result(changed, before, after)
        result[self.entity.name] = self.hidden(result[self.entity.name])
        changed_data = (before or {}).get('data') != (after or {}).get('data')
        if self.params['kind'] == 'Secret' and changed_data and (result.get('diff') or {}).get('after'):
            result['diff']['after']['spec']['data'] = decide.HIDDEN + ' (changed)'  # shown changed, never shown
        return result

    def hidden(self, obj):
        """A Kuma Secret's ``data`` is never shown (results, diffs)."""
        if self.params['kind'] == 'Secret' and isinstance(obj, dict) and obj.get('data') is not None:
            obj = dict(obj, data=decide.HIDDEN)
        return obj

    def diff_view(self, obj, names):
        """Name, labels and the settings (``spec``, or what the older kinds hold at the top level), secrets hidden."""
        if not obj:
            return {}
        obj = self.hidden(obj)
        settings = obj.get('spec') if KINDS[self.params['kind']]['spec_field'] else dict(
            (name, value) for name, value in obj.items() if name not in ENVELOPE + SERVER_FIELDS)
        view = {'name': obj.get('name'), 'spec': settings}
        if obj.get('labels') or self.params.get('labels') is not None:
            view['labels'] = obj.get('labels')
        return view


def resource_collection(scope, params):
    facts = KINDS[params['kind']]
    base = '%s/%s/api' % (CONTROL_PLANES, scope['mesh_control_plane'])
    if facts['in_mesh']:
        base += '/meshes/%s' % quote(str(params['mesh']), safe='')
    return '%s/%s' % (base, facts['path'])


def resource_paths():
    """(collection, item) path templates of every kind: what one ``mesh_resource`` module covers of the spec."""
    paths = []
    for kind in sorted(KINDS):
        base = CONTROL_PLANES + '/{cpId}/api' + ('/meshes/{mesh}' if KINDS[kind]['in_mesh'] else '')
        paths.append(('%s/%s' % (base, KINDS[kind]['path']), '%s/%s/{name}' % (base, KINDS[kind]['path'])))
    return paths


class MeshResourceInfoEngine(InfoEngine):
    """Kuma resources of one kind (in one mesh): by name, or every one, page after page (``offset``/``size``)."""

    PAGE_SIZE = 100

    def read(self, scope):
        kind_facts(self.params['kind'])
        if KINDS[self.params['kind']]['in_mesh'] and not self.params.get('mesh'):
            raise KonnectParameterError('mesh: a %s lives inside a mesh; name the mesh.' % self.params['kind'])
        collection = resource_collection(scope, self.params)
        if self.params.get('name'):
            response = self.client.get('%s/%s' % (collection, quote(self.params['name'], safe='')), what=self.params['kind'], expected=(404,))
            return [] if response.status == 404 else [response.body]
        items, offset = [], 0
        while True:
            body = self.client.get(collection, params={'offset': offset, 'size': self.PAGE_SIZE}, what=self.entity.plural).body or {}
            page = body.get('items') or []
            items.extend(page)
            offset += len(page)
            if not page or not body.get('next'):
                return items


class MeshResource(Entity):
    engine_class = MeshResourceEngine
    info_engine_class = MeshResourceInfoEngine
    planned_by_engine = True
    extra_options = {
        'kind': dict(type='str', required=True, choices=sorted(KINDS)),
        'mesh': dict(type='str'),
    }


MESH_RESOURCE = MeshResource(
    'mesh_resource', 'Kuma resource', None,
    fields=[Field('name'), Field('labels', type='dict', kind=LABELS), Field('spec', type='dict')],
    parents=[Parent('mesh_control_plane', 'mesh_control_plane', path_param='mesh_control_plane')],
    update_method='PUT', read_only=('creationTime', 'modificationTime', 'kri'), item_key='name',
)

ENTITIES = (MESH_CONTROL_PLANE, MESH_RESOURCE)
