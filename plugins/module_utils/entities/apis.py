# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API Builder v3: APIs with their versions, specifications, documents, implementations, publications and packages (regional).

Most of these hang off an API (or an API package) and several do not fit the one-entity-per-collection mould, so they
have their own small classes here, each with its engine:

- ``OnePerParent``: an API's version (and its specification): Konnect allows one, found as *the* one, so that a new
  version string updates it instead of planning a second one (which Konnect refuses with 409).
- ``Document``: API and API package documents, listed as a tree (``children``) and found by slug anywhere in it.
- ``Implementation``: the gateway service (or control plane) implementing an API; listed across APIs, never updated.
- ``Publication``: an API or API package published to a portal, addressed by the portal's id, written with PUT.
- ``PackageOperation``: an API operation in an API package, added and removed with JSON Patch.
- ``CurrentSpecification``: an API package's current specification, one fixed path (PUT, GET, DELETE).
"""

from __future__ import annotations

import json
import os

try:
    import yaml
    HAS_YAML = True
except ImportError:
    HAS_YAML = False

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.compare import canonical, get_path, matches
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, InfoEngine, Resolver, filter_matches
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_LIST,
    Entity,
    Field,
    IdReference,
    Parent,
    Reference,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError, KonnectParameterError

VALIDATE_SPECIFICATION = '/v3/apis/validate-specification'
STRING_FILTER = ('eq', 'neq', 'oeq', 'contains', 'ocontains')
ID_FILTER = ('eq', 'neq', 'oeq')
METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'CONNECT', 'TRACE']
RATE_LIMITING_CONFIG = dict(limit=dict(type='int', required=True), duration=dict(type='str', required=True, choices=['seconds', 'minutes', 'hours']))


# -- specifications ------------------------------------------------------------------------------------


def parse_specification(text):
    """A specification's text as data (JSON, else YAML), or None when it is neither a JSON nor a YAML mapping."""
    try:
        data = json.loads(text)
    except ValueError:
        if not HAS_YAML:
            raise KonnectParameterError('content: the specification is not JSON, and reading YAML needs the Python library PyYAML on '
                                        'the host that runs this task.')
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            data = None
    return data if isinstance(data, dict) else None


def specification_form(text):
    """What a specification is compared as: its data, so that key order, quoting and JSON versus YAML do not count.

    YAML's integer keys (``200:``) and dates read as JSON would hold them (strings); unreadable text compares as text.
    """
    if not isinstance(text, str):
        return text
    data = parse_specification(text) if text.strip() else None
    if data is None:
        return text.strip()
    return json.loads(json.dumps(data, default=str))


def specification_from_file(body):
    """``src`` is read into ``content``; either must hold a JSON or YAML specification (a mapping)."""
    src = body.pop('src', None)
    if src is not None:
        if body.get('content') is not None:
            raise KonnectParameterError('content and src: give the specification inline (content) or as a file (src), not both.')
        try:
            with open(os.path.expanduser(src), encoding='utf-8') as handle:
                body['content'] = handle.read()
        except (IOError, OSError, UnicodeDecodeError) as exc:
            raise KonnectParameterError('src: cannot read %s: %s' % (src, getattr(exc, 'strerror', None) or exc))
    content = body.get('content')
    if content is not None and parse_specification(content) is None:
        raise KonnectParameterError('%s: the specification must be a JSON or YAML document (a mapping such as {"openapi": "3.0.3", ...}).'
                                    % ('src' if src is not None else 'content'))
    return body


def specification_problems(body):
    """The validation endpoint's reasons (``validation_errors``, then ``invalid_parameters``) as one sentence."""
    body = body if isinstance(body, dict) else {}
    problems = ['%s: %s' % (item.get('path') or '#', item.get('message')) for item in body.get('validation_errors') or [] if isinstance(item, dict)]
    if not problems:
        problems = ['%s' % item.get('reason') for item in body.get('invalid_parameters') or [] if isinstance(item, dict) and item.get('reason')]
    return '; '.join(problem.rstrip('.') for problem in problems) or body.get('detail') or 'no reason given'


def specification_accepted(engine, current=None):
    """Before a specification is written, Konnect's own validation endpoint says whether it would take it.

    Not in check mode, which sends nothing but reads; the content was checked to be JSON or YAML already.
    """
    decision = engine.last_decision
    content = engine.desired.get('content')
    if engine.params.get('state') == 'absent' or engine.check_mode or content is None or decision is None or 'content' not in decision.changes:
        return
    try:
        response = engine.client.request('POST', VALIDATE_SPECIFICATION, body={'content': content}, what='the specification', verb='validate')
    except KonnectApiError as exc:
        if exc.status != 400:
            raise
        raise KonnectParameterError('content: Konnect would refuse this specification, so nothing was written: %s.'
                                    % specification_problems(exc.body).rstrip('.'))
    for message in (response.body or {}).get('validation_messages') or []:
        engine.client.warn('content: Konnect notes about the specification: %s' % message.get('message'))


def unique_names(engine, current=None):
    """Name and version are unique together, and slugs across APIs and API packages (Konnect answers 409): a write that
    would collide is refused before it is sent, naming what holds the name or slug."""
    changes = engine.last_decision.changes if engine.last_decision else {}
    if engine.params.get('state') == 'absent':
        return
    own_id = current.get('id') if current else None
    if current is not None and ('name' in changes or 'version' in changes):
        name, version = engine.desired.get('name', current.get('name')), engine.desired.get('version', current.get('version'))
        holders = [item for item in engine.resolver.find_all(engine.entity, {}, {'name': name}) if item.get('version') == version and item['id'] != own_id]
        if holders:
            raise KonnectParameterError("name and version: another %s is named '%s'%s (id %s); name and version are unique together." % (
                engine.entity.title, name, " version '%s'" % version if version else ' without version', holders[0]['id']))
    if 'slug' in changes:
        for entity in (engine.registry('api'), engine.registry('api_package')):
            for item in engine.client.paginate(entity.collection, entity.pagination, what=entity.plural.replace('_', ' ')):
                if item.get('slug') == engine.desired['slug'] and item.get('id') != own_id:
                    raise KonnectParameterError("slug: '%s' is the slug of %s (id %s); slugs are unique across APIs and API packages." % (
                        engine.desired['slug'], entity.describe(item.get('name')), item['id']))


def whole_attributes(value):
    """API attributes are compared as a whole (keys left out are removed), without the keys set to null."""
    return canonical(dict((key, item) for key, item in (value or {}).items() if item is not None))


# -- parents and references ---------------------------------------------------------------------------


class NamedVersionParent(Parent):
    """An API (or API package) that a child belongs to: an id, or a name; ``<option>_version`` picks one of several APIs
    that share the name (name and version are unique together)."""

    def __init__(self, option, entity, title, required=True):
        self.version_option = option + '_version'
        self.title = title
        super(NamedVersionParent, self).__init__(option, entity, required=required, options={self.version_option: dict(type='str')})

    def resolve(self, resolver, entity, scope, params):
        value = params.get(self.option)
        if looks_like_id(value):
            return value
        version = params.get(self.version_option)
        found = resolver.find_all(entity, scope, {'name': value})
        if version is not None:
            found = [item for item in found if item.get('version') == version]
        if len(found) == 1:
            return found[0]['id']
        if not found:
            raise KonnectParameterError("%s: no %s named '%s'%s was found." % (
                self.option, self.title, value, " with version '%s'" % version if version is not None else ''))
        candidates = ', '.join("version %s (id %s)" % ("'%s'" % item['version'] if item.get('version') else 'none', item.get('id'))
                               for item in found)
        raise KonnectParameterError("%s: %d %ss are named '%s': %s. Set %s to pick one, or give the id." % (
            self.option, len(found), self.title, value, candidates, self.version_option))


ON_API = NamedVersionParent('api', 'api', 'API')
ON_API_OPTIONAL = NamedVersionParent('api', 'api', 'API', required=False)
ON_PACKAGE = NamedVersionParent('api_package', 'api_package', 'API package')
ON_PACKAGE_OPTIONAL = NamedVersionParent('api_package', 'api_package', 'API package', required=False)
ON_PORTAL_OPTIONAL = Parent('portal', 'portal', required=False)


class DocumentParentReference(IdReference):
    """The document a document sits under, by slug or id among the same API's documents; an empty string means the top level."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        if value == '':
            return {self.body_field: None}
        return self.wrap(resolver.resolve_id(self.option, resolver.registry(self.entity), scope, value))


class AuthStrategiesReference(Reference):
    """Application auth strategies by name or id, sent as ``auth_strategy_ids``: an empty list is ``null`` (no application
    auth); Konnect takes at most one."""

    def resolve(self, resolver, scope, params):
        values = params.get(self.option)
        if values is None:
            return None
        if len(values) > 1:
            raise KonnectParameterError('%s: Konnect takes at most one application auth strategy per publication, the task gives %d.' % (
                self.option, len(values)))
        target = resolver.registry(self.entity)
        return {self.body_field: [resolver.resolve_id(self.option, target, {}, value) for value in values] or None}

    def current(self, obj):
        return obj.get(self.body_field)

    def option_spec(self):
        return {'type': 'list', 'elements': 'str'}


# -- the one version of an API -------------------------------------------------------------------------


class OnePerParentEngine(EntityEngine):
    """Finds the one entity its parent may have, whatever its key: a new version string updates the API's version."""

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        return self.complete(self.the_one(), desired)

    def the_one(self):
        items = list(self.client.paginate(self.entity.collection_path(self.scope), self.entity.pagination, what=self.entity.plural.replace('_', ' ')))
        if len(items) > 1:
            raise KonnectError('Found %d %s where Konnect allows one; give the id of the one to manage. Their ids: %s.' % (
                len(items), self.entity.plural.replace('_', ' '), ', '.join(str(item.get('id')) for item in items)))
        return items[0] if items else None

    def apply(self, decision, current, desired):
        decision.body = self.entity.request_body(decision.body)
        return super(OnePerParentEngine, self).apply(decision, current, desired)

    def created_despite(self, exc, key_values, replacing, what):
        found = self.the_one()
        if found is None:
            return None
        self.client.warn('%s Konnect has %s now, so it was not created again.' % (exc.msg, what))
        return found

    def describe_current(self, current):
        return self.entity.describe(current.get('version') or current.get('id'))


class OnePerParent(Entity):
    """An entity its parent has at most one of (an API's version). ``listed_without`` (see Entity) are fields only a read of the one item
    holds; ``request_body`` shapes what is sent (the content travels as ``spec.content``)."""

    planned_by_engine = True
    engine_class = OnePerParentEngine

    def __init__(self, name, title, collection, listed_without=(), request_body=None, **kwargs):
        kwargs.setdefault('key', 'id')
        super(OnePerParent, self).__init__(name, title, collection, **kwargs)
        self.listed_without = tuple(listed_without)
        self.request_body = request_body or (lambda body: body)


def nested_specification(body):
    """A version's specification content travels as ``{"spec": {"content": ...}}``."""
    body = dict(body or {})
    if 'content' in body:
        body['spec'] = {'content': body.pop('content')}
    return body


def whole_versions(client, scope, items):
    """``_info`` of specifications: each version read in full (the list holds no content)."""
    path = '/v3/apis/%s/versions/' % scope['api']
    return [item if get_path(item, 'spec.content') is not None else client.get(path + item['id'], what='API version').body for item in items]


def specification_fields(response_path):
    return [Field('content', response_path=response_path, normalize=specification_form, create_required=True),
            Field('src', type='path', shown=False)]


# -- documents -------------------------------------------------------------------------------------


def flatten_tree(items):
    """A document tree (``children``), parents first, each document without its children."""
    flat = []
    for item in items or []:
        flat.append(dict((key, value) for key, value in item.items() if key != 'children'))
        flat.extend(flatten_tree(item.get('children')))
    return flat


class TreeResolver(Resolver):
    """Finds documents by slug anywhere in their tree, which Konnect lists whole and unpaginated: read once per task."""

    def __init__(self, client, registry):
        super(TreeResolver, self).__init__(client, registry)
        self.trees = {}

    def find_all(self, entity, scope, key_values, region=None, also=None):
        if not isinstance(entity, Document):
            return super(TreeResolver, self).find_all(entity, scope, key_values, region, also)
        return [self.remember(entity, item) for item in self.tree(entity, scope)
                if all(item.get(name) == value for name, value in key_values.items())]

    def tree(self, entity, scope):
        path = entity.collection_path(scope)
        if path not in self.trees:
            self.trees[path] = flatten_tree(list(self.client.paginate(path, 'none', what=entity.plural.replace('_', ' '))))
        return self.trees[path]


class DocumentEngine(EntityEngine):
    """A document, found by slug anywhere in the tree (an existing one is never created again); checks the slug and the
    parent before writing."""

    def __init__(self, *args, **kwargs):
        super(DocumentEngine, self).__init__(*args, **kwargs)
        self.resolver = TreeResolver(self.client, self.registry)

    def check_writable(self, current=None):
        if self.params.get('state') == 'absent':
            return
        documents = self.resolver.tree(self.entity, self.scope)
        own_id = current.get('id') if current else None
        slug = self.desired.get('slug')
        taken = [item for item in documents if slug is not None and item.get('slug') == slug and item.get('id') != own_id]
        if taken:
            raise KonnectParameterError("slug: '%s' is the slug of another document here (id %s); slugs must be unique." % (slug, taken[0]['id']))
        parent = self.desired.get('parent_document_id')
        if parent is None:
            return
        by_id = dict((item['id'], item) for item in documents)
        if parent not in by_id:
            raise KonnectParameterError('parent_document: no document with id %s was found here.' % parent)
        ancestor = parent
        while ancestor is not None and own_id is not None:
            if ancestor == own_id:
                raise KonnectParameterError('parent_document: a document cannot be placed under itself or one of its own children.')
            ancestor = (by_id.get(ancestor) or {}).get('parent_document_id')


class DocumentInfoEngine(InfoEngine):
    """Documents for ``_info``: the tree flattened (summaries, parents first); one found by slug or id in full."""

    def __init__(self, *args, **kwargs):
        super(DocumentInfoEngine, self).__init__(*args, **kwargs)
        self.resolver = TreeResolver(self.client, self.registry)

    def read(self, scope):
        if self.params.get('id'):
            found = self.resolver.get_by_id(self.entity, scope, self.params['id'])
            return [found] if found else []
        documents = self.resolver.tree(self.entity, scope)
        if self.params.get('slug') is not None:
            return [self.resolver.get_by_id(self.entity, scope, item['id']) for item in documents if item.get('slug') == self.params['slug']]
        conditions = [(name, next(iter(condition.items())) if isinstance(condition, dict) else ('eq', condition))
                      for name, condition in (self.params.get('filters') or {}).items()]
        return [item for item in documents if all(filter_matches(item, name, op, value) for name, (op, value) in conditions)]


class Document(Entity):
    """A document of an API or an API package (markdown), in a tree of documents."""

    planned_by_engine = True
    engine_class = DocumentEngine
    info_engine_class = DocumentInfoEngine
    listed_without = ('content',)

    def __init__(self, name, title, collection, parent):
        super(Document, self).__init__(
            name, title, collection,
            fields=[Field('slug'), Field('title'), Field('content', create_required=True), Field('status', choices=['published', 'unpublished'])],
            references=[DocumentParentReference('parent_document', name, body_field='parent_document_id')],
            parents=[parent], key='slug', lookup=LOOKUP_LIST, pagination='none', update_method='PATCH')


# -- implementations -------------------------------------------------------------------------------


class ImplementationEngine(EntityEngine):
    """The API's one implementation: a gateway service (with its control plane) or a control plane. It cannot be changed;
    another target means unlinking and linking again (``recreate``)."""

    def run(self):
        if not self.params.get('api'):
            raise KonnectParameterError('api: required, the API (name or id) whose implementation this is.')
        return super(ImplementationEngine, self).run()

    def resolve_references(self):
        control_plane, service = self.params.get('control_plane'), self.params.get('service')
        if control_plane is None:
            if service is not None:
                raise KonnectParameterError('control_plane: required with service, the control plane the service is in.')
            return {}
        control_plane_id = self.resolver.resolve_id('control_plane', self.registry('control_plane'), {}, control_plane)
        if service is None:
            return {'control_plane': {'control_plane_id': control_plane_id}}
        service_id = self.resolver.resolve_id('service', self.registry('gateway_service'), {'control_plane': control_plane_id}, service)
        return {'service': {'control_plane_id': control_plane_id, 'id': service_id}}

    def find_current(self, desired):
        items = list(self.client.paginate(self.entity.collection, 'page', {'filter[api_id][eq]': self.scope['api']}, what='API implementations'))
        if self.params.get('id'):
            items = [item for item in items if item.get('id') == self.params['id']]
        if len(items) > 1:
            raise KonnectError('Found %d implementations of the API where Konnect allows one; their ids: %s.' % (
                len(items), ', '.join(str(item.get('id')) for item in items)))
        return items[0] if items else None

    def decide(self, current, desired):
        if current is None:
            return super(ImplementationEngine, self).decide(current, desired)
        changes = dict((name, value) for name, value in desired.items() if not matches(value, current.get(name)))
        if not changes:
            return decide.Decision(decide.UNCHANGED, predicted=current)
        if self.params.get('recreate'):
            return decide.Decision(decide.RECREATE, dict(desired), changes, decide.predict(self.entity, {'id': None}, desired, list(desired)))
        option = 'service' if 'service' in desired else 'control_plane'
        raise KonnectParameterError(
            '%s: the API is implemented by %s; an implementation cannot be changed. Set recreate: true to unlink it and link %s '
            'instead, or delete it first.' % (option, describe_target(current), describe_target(desired)))

    def check_writable(self, current=None):
        """A service implements one API only (409): say which one before anything is written."""
        service = (self.desired.get('service') or {}).get('id')
        if self.params.get('state') == 'absent' or service is None:
            return
        linked = [item for item in self.client.paginate(self.entity.collection, 'page', {'filter[service_id][eq]': service},
                                                        what='API implementations') if item.get('api_id') != self.scope['api']]
        if linked:
            raise KonnectParameterError('service: the gateway service %s already implements another API (id %s); a service can implement '
                                        'one API only.' % (service, linked[0].get('api_id')))

    def ensure_absent(self, current):
        if current is not None and any(not matches(value, current.get(name)) for name, value in self.desired.items()):
            return self.result(False, None, None)  # the API is implemented by something else than the task names
        return super(ImplementationEngine, self).ensure_absent(current)

    def verify_references(self):
        """A control plane or service given by id was trusted; make sure it exists before linking it."""
        target = self.desired.get('service') or self.desired.get('control_plane') or {}
        control_plane = self.registry('control_plane')
        if looks_like_id(self.params.get('control_plane')) and self.resolver.get_by_id(control_plane, {}, target.get('control_plane_id')) is None:
            raise KonnectParameterError('control_plane: no control plane with id %s was found.' % target.get('control_plane_id'))
        service = self.registry('gateway_service')
        if looks_like_id(self.params.get('service')) and \
                self.resolver.get_by_id(service, {'control_plane': target['control_plane_id']}, target['id']) is None:
            raise KonnectParameterError('service: no gateway service with id %s was found in control plane %s.' % (
                target['id'], target['control_plane_id']))

    def create(self, body, desired):
        return self.post_once(body)

    def created_despite(self, exc, key_values, replacing, what):
        found = self.find_current(self.desired)
        if found is None or any(not matches(value, found.get(name)) for name, value in self.desired.items()):
            return None
        self.client.warn('%s Konnect has %s now, so it was not created again.' % (exc.msg, what))
        return found

    def item_path(self, item):
        return '/v3/apis/%s/implementations/%s' % (self.scope['api'], item['id'])

    def result(self, changed, before, after):
        if after and 'api_id' not in after:
            after = dict(after, api_id=self.scope.get('api'))
        return super(ImplementationEngine, self).result(changed, before, after)

    def diff_view(self, obj, names):
        if not obj:
            return {}
        target = obj.get('service') or obj.get('control_plane') or {}
        view = {'id': obj.get('id'), 'control_plane': target.get('control_plane_id')}
        if 'service' in obj:
            view['service'] = target.get('id')
        return view

    def describe_current(self, current):
        return 'the implementation of API %s' % self.scope.get('api')


def describe_target(body):
    if body.get('service'):
        return 'gateway service %s of control plane %s' % (body['service'].get('id'), body['service'].get('control_plane_id'))
    return 'control plane %s' % (body.get('control_plane') or {}).get('control_plane_id')


class ImplementationInfoEngine(InfoEngine):
    """Implementations are listed across APIs (``/v3/api-implementations``), narrowed to the API when one is given."""

    def read(self, scope):
        server, local = self.split_filters(self.params.get('filters') or {})
        if scope.get('api'):
            server['filter[api_id][eq]'] = scope['api']
        if self.params.get('id'):
            server['filter[id][eq]'] = self.params['id']
        items = self.client.paginate(self.entity.collection, 'page', server, what='API implementations')
        return [item for item in items if all(filter_matches(item, name, op, value) for name, op, value in local)]


class Implementation(Entity):
    """What implements an API: everything about it is set when it is linked."""

    planned_by_engine = True
    engine_class = ImplementationEngine
    info_engine_class = ImplementationInfoEngine
    has_create_only = True  # offers ``recreate``: a new target unlinks the old one first


# -- publications ----------------------------------------------------------------------------------


class PublicationEngine(EntityEngine):
    """An API (or API package) in a portal: found at its portal's path, written whole with PUT (Konnect answers 200)."""

    def run(self):
        if self.params.get('id'):
            raise KonnectParameterError('id: a publication has no id of its own; it is found by %s and portal.' % self.entity.parents[0].option)
        missing = [parent.option for parent in self.entity.parents if not self.params.get(parent.option)]
        if missing:
            raise KonnectParameterError('%s: required to find the publication.' % ', '.join(missing))
        return super(PublicationEngine, self).run()

    def find_current(self, desired):
        response = self.client.get(self.entity.item_path(self.scope), what=self.describe_current(None), expected=(404,))
        return None if response.status == 404 else response.body

    def decide(self, current, desired):
        decision = super(PublicationEngine, self).decide(current, desired)
        if decision.action == decide.UPDATE:
            # PUT replaces: what the task does not set is sent as it is; leaving auth_strategy_ids out would mean the
            # portal's default strategy, so it always travels (null: no application auth).
            body = dict((name, current.get(name)) for name in ('visibility', 'auto_approve_registrations', 'auth_strategy_ids')
                        if name in current)
            body.update(desired)
            decision.body = body
        return decision

    def check_writable(self, current=None):
        """Strategies given by id were trusted; a publication pointing at one that does not exist is refused before writing."""
        reference = self.entity.references[0]
        if self.params.get('state') == 'absent':
            return
        for value in self.params.get(reference.option) or []:
            if looks_like_id(value) and self.resolver.get_by_id(self.registry(reference.entity), {}, value) is None:
                raise KonnectParameterError('%s: no application auth strategy with id %s was found.' % (reference.option, value))

    def apply(self, decision, current, desired):
        answer = self.client.request('PUT', self.entity.item_path(self.scope), body=decision.body, what=self.describe_current(current),
                                     verb='publish').body or decision.predicted
        wanted = decision.body.get('visibility')
        if wanted is not None and answer.get('visibility') != wanted:
            # kongctl #112: a public publication ended up private. Never report success for that.
            raise KonnectError('Konnect answered visibility %r for %s though %r was sent; run the task again or check the portal.' % (
                answer.get('visibility'), self.describe_current(current), wanted))
        return answer

    def delete(self, item):
        self.client.request('DELETE', self.entity.item_path(self.scope), what=self.describe_current(item), expected=(404,), verb='unpublish')
        self.note_deleted(item)

    def result(self, changed, before, after):
        if after:
            after = dict(after, portal_id=self.scope.get('portal'), **{self.entity.owner_field: self.scope.get(self.entity.parents[0].path_param)})
        return super(PublicationEngine, self).result(changed, before, after)

    def reference_label(self, reference, identifier):
        return None  # strategies show as their ids

    def describe_current(self, current):
        return 'the publication of %s %s in portal %s' % (self.entity.parents[0].title, self.scope.get(self.entity.parents[0].path_param),
                                                          self.scope.get('portal'))


class PublicationInfoEngine(InfoEngine):
    """One publication (both parents given) or the list (``/v3/api-publications``), narrowed by what is given."""

    def read(self, scope):
        owner = self.entity.parents[0].path_param
        if self.params.get('id'):
            raise KonnectParameterError('id: a publication has no id of its own; give %s and portal.' % self.entity.parents[0].option)
        if scope.get(owner) and scope.get('portal'):
            response = self.client.get(self.entity.item_path(scope), what='the publication', expected=(404,))
            return [] if response.status == 404 else [dict(response.body, portal_id=scope['portal'], **{self.entity.owner_field: scope[owner]})]
        server, local = self.split_filters(self.params.get('filters') or {})
        server['filter[entity_type][eq]'] = self.entity.entity_type
        if scope.get(owner):
            server['filter[api_id][eq]'] = scope[owner]
        if scope.get('portal'):
            server['filter[portal_id][eq]'] = scope['portal']
        items = self.client.paginate(self.entity.collection, 'page', server, what='publications')
        return [self.named(item) for item in items if all(filter_matches(item, name, op, value) for name, op, value in local)]

    def named(self, item):
        if self.entity.owner_field != 'api_id':
            item = dict(item, **{self.entity.owner_field: item.get('api_id')})
        return item


class Publication(Entity):
    """An API or an API package published to a portal (``entity_type`` in Konnect's list). ``owner_field`` names the
    published entity's id in results."""

    planned_by_engine = True
    engine_class = PublicationEngine
    info_engine_class = PublicationInfoEngine

    def __init__(self, name, title, item, parent, entity_type, owner_field):
        super(Publication, self).__init__(
            name, title, '/v3/api-publications', item=item,
            fields=[Field('visibility', choices=['public', 'private']), Field('auto_approve_registrations', type='bool')],
            references=[AuthStrategiesReference('auth_strategies', 'application_auth_strategy', body_field='auth_strategy_ids')],
            parents=[parent, ON_PORTAL_OPTIONAL], key='portal_id', pagination='page', update_method='PUT',
            read_only=('created_at', 'updated_at', 'warnings', 'api_id', 'portal_id', 'portal_ids', 'entity_type'))
        self.entity_type = entity_type
        self.owner_field = owner_field


# -- API package operations ------------------------------------------------------------------------


class PackageOperationEngine(EntityEngine):
    """An API operation in an API package: found by its id (given, or looked up by the API's method and path), added and
    changed with a JSON Patch of the package's operations, removed with a DELETE."""

    operation_id = None  # resolved with the references; without them (apply), the id the task or the entity gives

    def resolve_references(self):
        operation, api = self.params.get('operation'), self.params.get('api')
        if operation is not None and api is not None:
            raise KonnectParameterError('operation and api: name the operation by its id, or by api, method and path, not both.')
        if operation is None and api is None and not self.params.get('id'):
            raise KonnectParameterError('operation: give the id of the API operation, or api with method and path.')
        if api is not None:
            operation = self.operation_by_path(api)
        elif operation is not None and not looks_like_id(operation):
            raise KonnectParameterError('operation: %r is not an id; name an operation by api, method and path instead.' % operation)
        self.operation_id = operation or self.params.get('id')
        return {}

    def operation_by_path(self, api):
        method, path = self.params.get('method'), self.params.get('path')
        if not method or not path:
            raise KonnectParameterError('method and path: required with api, to find the API operation.')
        api_id = self.resolver.resolve_id('api', self.registry('api'), {}, api)
        try:
            found = [item for item in self.client.paginate('/v3/apis/%s/operations' % api_id, 'page',
                                                           {'filter[method][eq]': method, 'filter[path][eq]': path}, what='API operations')
                     if item.get('method') == method and item.get('path') == path]
        except KonnectApiError as exc:
            if exc.status == 404:
                raise KonnectParameterError("api: the API %s has no operations to put in a package; only an API implemented by a control plane "
                                            "(access control enforcement) has." % api)
            raise
        if not found:
            raise KonnectParameterError("method and path: the API %s has no operation %s %s." % (api, method, path))
        return found[0]['id']

    def find_current(self, desired):
        path = self.entity.item_path(self.scope, self.operation_id)
        response = self.client.get(path, what=self.describe_current(None), expected=(404,))
        return None if response.status == 404 else response.body

    def decide(self, current, desired):
        decision = super(PackageOperationEngine, self).decide(current, dict(desired, id=self.operation_id) if current is None else desired)
        if decision.action == decide.UPDATE:
            decision.body = dict((name, decision.body[name]) for name in ('rate_limiting_config',) if name in decision.body)
        return decision

    def apply(self, decision, current, desired):
        self.operation_id = self.operation_id or (current or {}).get('id') or desired.get('id') or self.params.get('operation')
        operation = 'add' if current is None else 'replace'
        item = {'op': operation, 'path': 'operations/%s' % self.operation_id}
        if desired.get('rate_limiting_config') is not None:
            item['value'] = {'rate_limiting_config': desired['rate_limiting_config']}
        self.client.request('PATCH', self.entity.collection_path(self.scope), body=[item], what=self.describe_current(current),
                            verb='add' if operation == 'add' else 'update')
        return self.resolver.get_by_id(self.entity, self.scope, self.operation_id) or decision.predicted

    def describe_current(self, current):
        return 'API operation %s in API package %s' % (self.operation_id, self.scope.get('api_package'))

    def diff_view(self, obj, names):
        view = super(PackageOperationEngine, self).diff_view(obj, names)
        if view:
            view['operation'] = obj.get('id')
            view.pop('api', None)
        return view


class PackageOperation(Entity):
    engine_class = PackageOperationEngine


# -- an API package's current specification ----------------------------------------------------------


class CurrentSpecificationEngine(EntityEngine):
    """A specification at one fixed path: read, written with PUT (created or replaced), deleted."""

    def find_current(self, desired):
        response = self.client.get(self.entity.item_path(self.scope), what=self.entity.title, expected=(404,))
        current = None if response.status == 404 else response.body
        if current is not None and self.params.get('id') and current.get('id') != self.params['id']:
            return None
        return current

    def ensure_present(self, current, desired):
        if current is None and 'content' not in desired:
            return self.result(False, None, None)  # nothing to write, and nothing to read: the package has no specification
        return super(CurrentSpecificationEngine, self).ensure_present(current, desired)

    def apply(self, decision, current, desired):
        body = dict((name, value) for name, value in decision.body.items() if name == 'content')
        return self.client.request('PUT', self.entity.item_path(self.scope), body=body, what=self.entity.title, verb='write').body

    def item_path(self, item):
        return self.entity.item_path(self.scope)

    def describe_current(self, current):
        return self.entity.describe()


class CurrentSpecification(Entity):
    engine_class = CurrentSpecificationEngine


# -- the catalogue -----------------------------------------------------------------------------------


def _labels():
    return Field('labels', type='dict', kind=LABELS)


def _attributes():
    return Field('attributes', type='dict', normalize=whole_attributes)


API = Entity(
    'api', 'API', '/v3/apis',
    fields=[Field('name'), Field('version'), Field('description'), Field('slug'), _labels(), _attributes()],
    key=('name', 'version'), nullable_keys=('version',), identified_by=('name',), labels_nullable=True, writable=unique_names,
    filterable={'id': ID_FILTER, 'name': STRING_FILTER, 'version': STRING_FILTER, 'implementation_mode': STRING_FILTER},
)

API_VERSION = OnePerParent(
    'api_version', 'API version', '/v3/apis/{api}/versions',
    fields=[Field('version')] + specification_fields('spec.content'),
    parents=[ON_API], pagination='page', update_method='PATCH', prepare=specification_from_file, writable=specification_accepted,
    filterable={'version': STRING_FILTER, 'type': STRING_FILTER}, listed_without=('content',), request_body=nested_specification,
)

API_SPECIFICATION = OnePerParent(
    'api_specification', 'API specification', '/v3/apis/{api}/versions',
    fields=specification_fields('spec.content'),
    parents=[ON_API], pagination='page', update_method='PATCH', prepare=specification_from_file, writable=specification_accepted,
    filterable={'version': STRING_FILTER, 'type': STRING_FILTER}, listed_without=('content',), request_body=nested_specification,
    enrich=whole_versions,
)

API_DOCUMENT = Document('api_document', 'API document', '/v3/apis/{api}/documents', ON_API)

API_IMPLEMENTATION = Implementation(
    'api_implementation', 'API implementation', '/v3/api-implementations', item='/v3/apis/{api}/implementations/{id}',
    create_path='/v3/apis/{api}/implementations', parents=[ON_API_OPTIONAL],
    references=[Reference('control_plane', 'control_plane', required=True), Reference('service', 'gateway_service')],
    key='id', pagination='page', update_method=None,
    filterable={'id': ID_FILTER, 'api_id': ID_FILTER, 'service_id': ID_FILTER, 'control_plane_id': ID_FILTER},
)

API_PUBLICATION = Publication('api_publication', 'API publication', '/v3/apis/{api}/publications/{portal}', ON_API_OPTIONAL, 'api', 'api_id')

API_PACKAGE = Entity(
    'api_package', 'API package', '/v3/api-packages',
    fields=[Field('name'), Field('version'), Field('description'), Field('slug'),
            Field('rate_limiting_config', type='dict', options=RATE_LIMITING_CONFIG), _labels(), _attributes()],
    key=('name', 'version'), nullable_keys=('version',), identified_by=('name',), labels_nullable=True, writable=unique_names,
    filterable={'id': ID_FILTER, 'name': STRING_FILTER, 'version': STRING_FILTER},
)

API_PACKAGE_DOCUMENT = Document('api_package_document', 'API package document', '/v3/api-packages/{api_package}/documents', ON_PACKAGE)

API_PACKAGE_OPERATION = PackageOperation(
    'api_package_operation', 'API package operation', '/v3/api-packages/{api_package}/operations',
    fields=[Field('method', choices=METHODS, compared=False), Field('path', compared=False),
            Field('rate_limiting_config', type='dict', options=RATE_LIMITING_CONFIG)],
    references=[Reference('operation', None), Reference('api', 'api')],
    parents=[ON_PACKAGE], key='id', pagination='page', update_method='PATCH',
    filterable={'api_id': ID_FILTER, 'method': STRING_FILTER, 'path': STRING_FILTER},
)

API_PACKAGE_SPECIFICATION = CurrentSpecification(
    'api_package_specification', 'current specification of the API package', item='/v3/api-packages/{api_package}/current-specification',
    fields=specification_fields('content'), parents=[ON_PACKAGE], key='id', update_method='PUT',
    prepare=specification_from_file, writable=specification_accepted,
    read_only=('id', 'created_at', 'updated_at', 'validation_messages', 'type'),
)

API_PACKAGE_PUBLICATION = Publication('api_package_publication', 'API package publication', '/v3/api-packages/{api_package}/publications/{portal}',
                                      ON_PACKAGE_OPTIONAL, 'api_package', 'api_package_id')

ENTITIES = (
    API, API_VERSION, API_SPECIFICATION, API_DOCUMENT, API_IMPLEMENTATION, API_PUBLICATION,
    API_PACKAGE, API_PACKAGE_DOCUMENT, API_PACKAGE_OPERATION, API_PACKAGE_SPECIFICATION, API_PACKAGE_PUBLICATION,
)
