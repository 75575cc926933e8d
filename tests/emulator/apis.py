# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API Builder v3: APIs, their versions, specifications, documents, implementations, publications and packages (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py). Sources are cited as ``AB:<line>`` (per-api/api-builder-v3.yaml); what the
spec leaves open is listed in the README's "API Builder" section.

Store layout (other families read it: portal deletes, registrations, strategy deletes):
  /v3/apis                          scope ()             APIs
  /v3/apis/{}/versions              scope (api id,)      the API's one version (its specification)
  /v3/apis/{}/documents             scope (api id,)      documents (``parent_document_id`` links the tree)
  /v3/apis/{}/implementations       scope (api id,)      the API's one implementation
  /v3/apis/{}/publications          scope (api id,)      publications, record id = portal id
  /v3/api-packages                  scope ()             API packages
  /v3/api-packages/{}/documents     scope (package id,)  package documents
  /v3/api-packages/{}/operations    scope (package id,)  operations in the package, record id = API operation id
  /v3/api-packages/{}/specification scope (package id,)  the package's current specification (one record)
  /v3/api-packages/{}/publications  scope (package id,)  package publications, record id = portal id
"""

import copy
import json
import re
import time
import uuid

from .crud import VIEW_HOOKS, new_record, patch_entity, render, resolve_path, validated_body
from .errors import ApiError, Issue, Response, not_found, problem, validation_error
from .listing import paginate, parse_list_query, select
from .schemas import rfc3339

try:
    import yaml
    HAS_YAML = True
except ImportError:  # the emulator's runtime is the standard library and jsonschema; ansible-core brings PyYAML
    HAS_YAML = False

APIS = '/v3/apis'
VERSIONS = '/v3/apis/{}/versions'
DOCUMENTS = '/v3/apis/{}/documents'
IMPLEMENTATIONS = '/v3/apis/{}/implementations'
PUBLICATIONS = '/v3/apis/{}/publications'
PACKAGES = '/v3/api-packages'
PACKAGE_DOCUMENTS = '/v3/api-packages/{}/documents'
PACKAGE_OPERATIONS = '/v3/api-packages/{}/operations'
PACKAGE_SPECIFICATION = '/v3/api-packages/{}/specification'
PACKAGE_PUBLICATIONS = '/v3/api-packages/{}/publications'
PORTALS = '/v3/portals'
STRATEGIES = '/v2/application-auth-strategies'
CONTROL_PLANES = '/v2/control-planes'
SERVICES = 'Service'  # core-entity store key, scoped by the control plane id

GATEWAY_ENTITY_BINDING = 'gateway_entity_binding'
ACCESS_CONTROL_ENFORCEMENT = 'access_control_enforcement'
HTTP_METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')

# 409 details. AB:4281/4287 (implementations) and AB:4233 (a second specification) are the spec's own examples.
SPEC_EXISTS = "Specification for API '%s' already exists"
IMPLEMENTATION_EXISTS = 'An implementation already exists for this API'
SERVICE_LINKED = 'This gateway service is already linked to another API'
NAME_VERSION_TAKEN = 'An %s with this name and version already exists; the name + version combination must be unique.'
SLUG_TAKEN = "The slug '%s' is already used by another API or API package; the slug property must be unique."
DOCUMENT_SLUG_TAKEN = "A document with the slug '%s' already exists; the slug property must be unique."
OPERATION_IN_PACKAGE = "The operation '%s' is already in the API package."
UNPARSEABLE = 'The provided specification content could not be parsed'  # AB:4348
UNKNOWN_KIND = "The specification declares no supported version: give 'openapi' (3.x), 'swagger' (2.0) or 'asyncapi' (2.x or 3.x)."


def now_text():
    return rfc3339(time.time())


def problem_with(status, detail, issues=None, **extra):
    """A problem+json answer with extra members (the validation endpoint's ``validation_errors``, AB:4340)."""
    response = problem(status, detail, issues)
    response.body.update(extra)
    return response


class Refusal(Exception):
    """A 400 with extra members; raised from helpers, rendered by the special that catches it."""

    def __init__(self, response):
        super(Refusal, self).__init__(response.body.get('detail'))
        self.response = response


def refusing(handler):
    def wrapped(call):
        try:
            return handler(call)
        except Refusal as refusal:
            return refusal.response
    wrapped.__name__ = handler.__name__
    return wrapped


# ---- slugs ---------------------------------------------------------------------------------------


def slugify(text):
    """AB:3868 example: name ``myAPI`` + version ``v1`` gives ``my-api-v1`` (word breaks at case changes)."""
    text = re.sub(r'([a-z0-9])([A-Z])', r'\1-\2', str(text))
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')


def default_slug(name, version):
    return slugify('%s %s' % (name, version) if version else name)


# ---- specifications ------------------------------------------------------------------------------


def parse_spec(content):
    """The specification as data, or None when it is neither JSON nor YAML (a mapping either way)."""
    if not isinstance(content, str) or not content.strip():
        return None
    try:
        data = json.loads(content)
    except ValueError:
        if not HAS_YAML:
            return None
        try:
            data = yaml.safe_load(content)
        except yaml.YAMLError:
            return None
    return data if isinstance(data, dict) else None


def spec_type(data):
    """oas2, oas3 or asyncapi (AB:3430 ApiSpecType) from the document's own version key, None if it has none we know.

    Swagger 2.0 documents say ``swagger: "2.0"``; OpenAPI 3 ones ``openapi: 3.x.y``; AsyncAPI ones ``asyncapi: 2.x.y|3.x.y``
    (the OpenAPI 2.0/3.0/3.1 and AsyncAPI 2/3 specifications, "Fixed Fields" of their root objects).
    """
    if str(data.get('swagger', '')) == '2.0':
        return 'oas2'
    if re.match(r'^3\.\d+\.\d+', str(data.get('openapi', ''))):
        return 'oas3'
    if re.match(r'^[23]\.\d+\.\d+', str(data.get('asyncapi', ''))):
        return 'asyncapi'
    return None


def pointer(*parts):
    return '#/' + '/'.join(str(part).replace('~', '~0').replace('/', '~1') for part in parts)


def analyse_spec(content):
    """(type, errors, warnings) of a specification: errors make Konnect refuse it, warnings are kept as messages.

    Errors: not parseable (AB:4348); no known version key; ``info.title`` (AB:4342) and ``info.version`` missing;
    ``paths`` missing where the format requires it (OpenAPI 2.0 and 3.0; 3.1 needs one of paths, components, webhooks;
    AsyncAPI 2 needs channels); a response without ``description`` (AB:4344). Warnings: a local ``$ref`` that points
    nowhere (AB:4332 and the version example AB:3963 keep it as a message).
    """
    data = parse_spec(content)
    if data is None:
        return None, [{'path': '#', 'message': UNPARSEABLE}], []
    kind = spec_type(data)
    if kind is None:
        return None, [{'path': '#', 'message': UNKNOWN_KIND}], []
    errors = info_errors(data) + structure_errors(data, kind) + response_errors(data, kind)
    return kind, errors, [{'message': "'%s' does not exist" % ref} for ref in dangling_refs(data)]


def info_errors(data):
    info = data.get('info')
    if not isinstance(info, dict):
        return [{'path': pointer('info'), 'message': "Field 'info' is required."}]
    return [{'path': pointer('info', name), 'message': "Field '%s' is required." % name}
            for name in ('title', 'version') if not isinstance(info.get(name), str) or not info.get(name)]


def structure_errors(data, kind):
    if kind == 'oas3' and str(data.get('openapi')).startswith('3.0') or kind == 'oas2':
        needed = ('paths',)
    elif kind == 'oas3':
        needed = ('paths', 'components', 'webhooks')
    elif str(data.get('asyncapi')).startswith('2.'):
        needed = ('channels',)
    else:
        return []
    if any(isinstance(data.get(name), dict) for name in needed):
        return []
    return [{'path': pointer(needed[0]), 'message': "Field '%s' is required." % "', '".join(needed) if len(needed) == 1
             else "One of the fields '%s' is required." % "', '".join(needed)}]


def response_errors(data, kind):
    if kind == 'asyncapi' or not isinstance(data.get('paths'), dict):
        return []
    errors = []
    for path, item in data['paths'].items():
        for method in HTTP_METHODS:
            operation = item.get(method) if isinstance(item, dict) else None
            responses = operation.get('responses') if isinstance(operation, dict) else None
            for status, response in (responses or {}).items() if isinstance(responses, dict) else ():
                if isinstance(response, dict) and '$ref' not in response and not response.get('description'):
                    errors.append({'path': pointer('paths', path, method, 'responses', status),
                                   'message': "Response '%s' requires a 'description'." % status})
    return errors


def dangling_refs(data):
    found = []

    def walk(node):
        if isinstance(node, dict):
            ref = node.get('$ref')
            if isinstance(ref, str) and ref.startswith('#/') and not resolves(data, ref) and ref not in found:
                found.append(ref)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(data)
    return found


def resolves(data, ref):
    node = data
    for part in ref[2:].split('/'):
        part = part.replace('~1', '/').replace('~0', '~')
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def refuse_spec(errors, field='content'):
    reason = UNPARSEABLE if errors and errors[0]['message'] == UNPARSEABLE else 'The provided specification content is not valid'
    return Refusal(problem_with(400, 'Invalid Parameters', [Issue(field, 'invalid', reason)], validation_errors=errors))


def checked_spec(content, field='content'):
    """(type, validation messages) of content Konnect accepts; a Refusal (400) otherwise."""
    if not isinstance(content, str) or not content:
        raise validation_error([Issue(field, 'min_length', '%s must be longer than or equal to 1 characters' % field.split('.')[-1],
                                      minimum=1)], 'Invalid Parameters')
    kind, errors, warnings = analyse_spec(content)
    if errors:
        raise refuse_spec(errors, field)
    return kind, warnings


@refusing
def validate_specification(call):
    """``POST /v3/apis/validate-specification``: 201 with warnings, 400 with ``validation_errors`` (AB:83, AB:4340)."""
    body = validated_body(call)
    _kind, errors, warnings = analyse_spec(body.get('content'))
    if errors:
        raise refuse_spec(errors)
    return Response(call.op.success_status, {'validation_messages': warnings})


# ---- APIs ----------------------------------------------------------------------------------------


def api_record(call, api_id):
    record = call.partition.records(APIS, ()).get(api_id)
    if record is None:
        raise not_found()
    return record


def check_name_version(call, store_key, record, what):
    """``name + version`` is unique (AB:1967, AB:2979); ``slug`` across APIs and API packages (AB:2984)."""
    for other in call.partition.records(store_key, ()).values():
        if other['id'] != record['id'] and other.get('name') == record.get('name') and other.get('version') == record.get('version'):
            raise ApiError(409, NAME_VERSION_TAKEN % what)
    for key in (APIS, PACKAGES):
        for other in call.partition.records(key, ()).values():
            if other['id'] != record['id'] and record.get('slug') and other.get('slug') == record.get('slug'):
                raise ApiError(409, SLUG_TAKEN % record['slug'])


@refusing
def create_api(call):
    """``POST /v3/apis``: the slug defaults to slugify(name + version) (AB:1988); ``spec_content`` creates the version."""
    path = resolve_path(call)
    body = dict(validated_body(call))
    spec_content = body.pop('spec_content', None)
    record = new_record(call, body, path)
    if record.get('slug') is None:
        record['slug'] = default_slug(record['name'], record.get('version'))
    check_name_version(call, APIS, record, 'API')
    version = None
    if spec_content is not None:
        version = new_version(record['id'], {'version': record.get('version'), 'spec': {'content': spec_content}}, 'spec_content')
    call.partition.records(APIS, ())[record['id']] = record
    if version is not None:
        call.partition.records(VERSIONS, (record['id'],))[version['id']] = version
    return Response(call.op.success_status, render(call, record))


def update_api(call):
    """``PATCH /v3/apis/{apiId}``: name + version and slug stay unique (409 declared, AB:174)."""
    return update_named(call, APIS, 'apiId', 'API')


def update_named(call, store_key, param, what):
    body = validated_body(call)
    existing = call.partition.records(store_key, ()).get(call.params[param])
    if existing is None:
        raise not_found()
    check_name_version(call, store_key, dict(existing, **dict((k, v) for k, v in body.items() if k in ('name', 'version', 'slug'))), what)
    return patch_entity(call)


def delete_api(call):
    """Deleting an API deletes its versions, documents, implementation and publications (collections under its path)
    and takes its operations out of API packages."""
    record = api_record(call, call.params['apiId'])
    call.partition.remove(APIS, (), record['id'])
    for (store_key, _scope), records in list(call.partition.collections.items()):
        if store_key == PACKAGE_OPERATIONS:
            for operation_id in [key for key, item in records.items() if item['api']['id'] == record['id']]:
                del records[operation_id]
    return Response(204)


def api_view(call, record, view):
    """The server-computed fields of an API (AB:1982-2035): never sent, always answered."""
    partition = call.partition
    version = the_version(partition, record['id'])
    portals = partition.records(PORTALS, ())
    view['portals'] = [{'id': portal_id, 'name': portals[portal_id].get('name'), 'display_name': portals[portal_id].get('display_name') or ''}
                       for portal_id in partition.records(PUBLICATIONS, (record['id'],)) if portal_id in portals]
    view['api_spec_ids'] = [version['id']] if version else []
    view['current_version_summary'] = version_summary(version) if version else None
    view['implementation_mode'] = implementation_mode(partition, record['id'])


def implementation_mode(partition, api_id):
    """A service implementation binds gateway entities; a control-plane one enforces access control (AB:867-870)."""
    for implementation in partition.records(IMPLEMENTATIONS, (api_id,)).values():
        return GATEWAY_ENTITY_BINDING if 'service' in implementation else ACCESS_CONTROL_ENFORCEMENT
    return None


VIEW_HOOKS[APIS] = api_view


# ---- versions and specifications ------------------------------------------------------------------


def the_version(partition, api_id):
    return next(iter(partition.records(VERSIONS, (api_id,)).values()), None)


def version_summary(version):
    return {'id': version['id'], 'version': version['version'], 'spec': {'type': version['spec']['type']},
            'created_at': version['created_at'], 'updated_at': version['updated_at']}


def new_version(api_id, body, field='spec.content'):
    """A version record; its version string defaults to the spec's ``info.version`` (AB:4194)."""
    content = (body.get('spec') or {}).get('content')
    kind, warnings = checked_spec(content, field)
    version = body.get('version') or (parse_spec(content).get('info') or {}).get('version')
    if not version:
        raise validation_error([Issue('version', 'missing_reference', 'version must be provided if not included in spec_content')],
                               'Invalid Parameters')
    stamp = now_text()
    return {'id': str(uuid.uuid4()), 'api_id': api_id, 'version': str(version),
            'spec': {'content': content, 'type': kind, 'validation_messages': warnings}, 'created_at': stamp, 'updated_at': stamp}


@refusing
def create_version(call):
    """``POST /v3/apis/{apiId}/versions``: one per API, 409 for a second (AB:352, AB:4233)."""
    api = api_record(call, call.params['apiId'])
    body = validated_body(call)
    if the_version(call.partition, api['id']) is not None:
        raise ApiError(409, SPEC_EXISTS % api['id'])
    version = new_version(api['id'], body)
    call.partition.records(VERSIONS, (api['id'],))[version['id']] = version
    return Response(call.op.success_status, version_view(version))


def version_view(version):
    return dict((key, copy.deepcopy(value)) for key, value in version.items() if key != 'api_id')


def find_version(call):
    api = api_record(call, call.params['apiId'])
    version = call.partition.records(VERSIONS, (api['id'],)).get(call.params.get('versionId') or call.params.get('specId'))
    if version is None:
        raise not_found()
    return api, version


def get_version(call):
    return Response(200, version_view(find_version(call)[1]))


@refusing
def update_version(call):
    _api, version = find_version(call)
    body = validated_body(call)
    apply_version_changes(version, body.get('version'), (body.get('spec') or {}).get('content') if 'spec' in body else None, 'spec.content')
    return Response(200, version_view(version))


def apply_version_changes(version, new_version_text, content, field):
    if content is not None:
        kind, warnings = checked_spec(content, field)
        version['spec'] = {'content': content, 'type': kind, 'validation_messages': warnings}
    if new_version_text:
        version['version'] = new_version_text
    version['updated_at'] = now_text()


def delete_version(call):
    api, version = find_version(call)
    del call.partition.records(VERSIONS, (api['id'],))[version['id']]
    return Response(204)


def list_versions(call):
    """The list answers summaries (AB:5500): no content."""
    api = api_record(call, call.params['apiId'])
    views = [version_summary(version) for version in call.partition.records(VERSIONS, (api['id'],)).values()]
    return listed(call, views, {'type': 'spec.type'})


def listed(call, views, field_paths=None):
    """``views`` filtered by the operation's ``filter[...]`` and sorted, then paged as the operation says."""
    list_query = parse_list_query(call.op, call.query, field_paths or {})
    return list_entities_of(call, select(views, list_query))


def list_entities_of(call, views):
    return Response(call.op.success_status, paginate(call.op, views, call.query, call.route.template))


def spec_view(version):
    """The deprecated ``/specifications`` show the version's spec (one per API, AB:352)."""
    spec = version['spec']
    return {'id': version['id'], 'content': spec['content'], 'type': spec['type'], 'validation_messages': spec['validation_messages'],
            'created_at': version['created_at'], 'updated_at': version['updated_at']}


@refusing
def create_specification(call):
    api = api_record(call, call.params['apiId'])
    body = validated_body(call)
    if the_version(call.partition, api['id']) is not None:
        raise ApiError(409, SPEC_EXISTS % api['id'])
    version = new_version(api['id'], {'version': api.get('version'), 'spec': {'content': body.get('content')}}, 'content')
    call.partition.records(VERSIONS, (api['id'],))[version['id']] = version
    return Response(call.op.success_status, spec_view(version))


def list_specifications(call):
    api = api_record(call, call.params['apiId'])
    views = [{'id': v['id'], 'type': v['spec']['type'], 'created_at': v['created_at'], 'updated_at': v['updated_at']}
             for v in call.partition.records(VERSIONS, (api['id'],)).values()]
    return listed(call, views)


def get_specification(call):
    return Response(200, spec_view(find_version(call)[1]))


@refusing
def update_specification(call):
    _api, version = find_version(call)
    body = validated_body(call)
    apply_version_changes(version, None, body.get('content'), 'content')
    return Response(200, spec_view(version))


# ---- operations (access control enforcement) -------------------------------------------------------


def operation_id(api_id, method, path):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, 'konnect-emulator:operation:%s:%s:%s' % (api_id, method, path)))


def api_operations(partition, api):
    """The operations of an API's spec (paths x methods); only an API that enforces access control has them (AB:937)."""
    version = the_version(partition, api['id'])
    data = parse_spec(version['spec']['content']) if version else None
    operations = []
    for path, item in ((data or {}).get('paths') or {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                operations.append({'id': operation_id(api['id'], method.upper(), path), 'method': method.upper(), 'path': path})
    return operations


def enforcing_api(call):
    api = api_record(call, call.params['apiId'])
    if implementation_mode(call.partition, api['id']) != ACCESS_CONTROL_ENFORCEMENT:
        raise not_found('The API is not configured for access control enforcement.')
    return api


def list_api_operations(call):
    return listed(call, api_operations(call.partition, enforcing_api(call)))


def get_api_operation(call):
    for operation in api_operations(call.partition, enforcing_api(call)):
        if operation['id'] == call.params['operationId']:
            return Response(200, operation)
    raise not_found()


# ---- documents -----------------------------------------------------------------------------------


def document_scope(call):
    """(store key, scope) of the documents addressed: an API's or an API package's."""
    if 'apiId' in call.params:
        return DOCUMENTS, (api_record(call, call.params['apiId'])['id'],)
    return PACKAGE_DOCUMENTS, (package_record(call, call.params['packageId'])['id'],)


FRONT_MATTER = re.compile(r'\A---\s*\n(.*?)\n---\s*(\n|\Z)', re.S)


def front_matter(content):
    """Options given in the content's front matter (AB:204); the request's own values take precedence."""
    match = FRONT_MATTER.match(content or '')
    if not match or not HAS_YAML:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return dict((key, data[key]) for key in ('title', 'slug', 'status') if isinstance(data, dict) and isinstance(data.get(key), str))


def check_document(call, records, record):
    """Slugs are unique among the documents of one API (409, AB:4974); the parent is another document of it, never one
    of its own descendants."""
    if not re.match(r'^[\w-]+$', record['slug'] or ''):
        raise validation_error([Issue('slug', 'matches_regex', r'slug must match /^[\w-]+$/ regular expression')], 'Invalid Parameters')
    if record['status'] not in ('published', 'unpublished'):
        raise validation_error([Issue('status', 'enum', 'must be one of: published, unpublished', choices=['published', 'unpublished'])])
    for other in records.values():
        if other['id'] != record['id'] and other['slug'] == record['slug']:
            raise ApiError(409, DOCUMENT_SLUG_TAKEN % record['slug'])
    parent = record.get('parent_document_id')
    seen = set([record['id']])
    while parent is not None:
        if parent not in records:
            raise validation_error([Issue('parent_document_id', 'missing_reference', 'parent document not found')], 'Invalid Parameters')
        if parent in seen:
            raise validation_error([Issue('parent_document_id', 'invalid', 'a document cannot be placed under itself or its descendants')],
                                   'Invalid Parameters')
        seen.add(parent)
        parent = records[parent].get('parent_document_id')


def create_document(call):
    store_key, scope = document_scope(call)
    body = validated_body(call)
    values = dict(front_matter(body.get('content')), **dict((key, value) for key, value in body.items() if value is not None))
    slug = values.get('slug') or (slugify(values['title']) if values.get('title') else None)
    if not slug:
        raise validation_error([Issue('slug', 'required', 'give a slug or a title to derive it from')], 'Invalid Parameters')
    records = call.partition.records(store_key, scope)
    stamp = now_text()
    record = {'id': str(uuid.uuid4()), 'content': values['content'], 'title': values.get('title') or slug, 'slug': slug,
              'status': values.get('status') or 'unpublished', 'parent_document_id': values.get('parent_document_id'),
              'created_at': stamp, 'updated_at': stamp, '_order': next_order(records)}
    check_document(call, records, record)
    records[record['id']] = record
    return Response(call.op.success_status, document_view(record))


def next_order(records):
    return max([record['_order'] for record in records.values()] or [0]) + 1


def document_view(record):
    return dict((key, value) for key, value in record.items() if not key.startswith('_'))


def find_document(call):
    store_key, scope = document_scope(call)
    records = call.partition.records(store_key, scope)
    record = records.get(call.params['documentId'])
    if record is None:
        raise not_found()
    return records, record


def get_document(call):
    return Response(200, document_view(find_document(call)[1]))


def update_document(call):
    records, record = find_document(call)
    body = validated_body(call)
    updated = dict(record, **dict((key, value) for key, value in body.items() if key not in ('id', 'created_at', 'updated_at')))
    check_document(call, records, updated)
    updated['updated_at'] = now_text()
    record.clear()
    record.update(updated)
    return Response(200, document_view(record))


def delete_document(call):
    """Deleting a document deletes the documents under it (the spec does not say; see the README)."""
    records, record = find_document(call)
    doomed = [record['id']]
    for document_id in doomed:
        doomed.extend(child['id'] for child in records.values() if child.get('parent_document_id') == document_id)
    for document_id in doomed:
        records.pop(document_id, None)
    return Response(204)


def move_document(call):
    """``POST .../move {parent_document_id, index}`` (AB:326): a new parent, a place among its children (negative from the end)."""
    records, record = find_document(call)
    body = validated_body(call) or {}
    moved = dict(record, parent_document_id=body.get('parent_document_id'))
    check_document(call, records, moved)
    siblings = sorted((r for r in records.values() if r.get('parent_document_id') == moved['parent_document_id'] and r['id'] != record['id']),
                      key=lambda r: r['_order'])
    index = body.get('index')
    index = len(siblings) if index is None else (index if index >= 0 else len(siblings) + 1 + index)
    siblings.insert(max(0, min(index, len(siblings))), record)
    record['parent_document_id'] = moved['parent_document_id']
    for position, sibling in enumerate(siblings):
        sibling['_order'] = position + 1 + len(records)
    record['updated_at'] = now_text()
    return Response(204)


def list_documents(call):
    """The list is the document tree (ApiDocumentSummaryWithChildren): summaries without content, children
    nested, unpaginated (AB:2179, AB:5320); ``filter[status]`` applies at every level."""
    store_key, scope = document_scope(call)
    records = sorted(call.partition.records(store_key, scope).values(), key=lambda r: r['_order'])
    list_query = parse_list_query(call.op, call.query, {})

    def subtree(parent_id):
        nodes = []
        for record in records:
            if record.get('parent_document_id') == parent_id:
                summary = dict((key, record[key]) for key in ('id', 'title', 'slug', 'status', 'parent_document_id', 'created_at', 'updated_at'))
                if select([summary], list_query):
                    summary['children'] = subtree(record['id'])
                    nodes.append(summary)
        return nodes
    return Response(200, {'data': subtree(None)})


# ---- implementations -------------------------------------------------------------------------------


def create_implementation(call):
    """``POST /v3/apis/{apiId}/implementations``: one per API, a service linked to one API only (409, AB:5025);
    the control plane and the service must exist (400, AB:4204 example)."""
    api = api_record(call, call.params['apiId'])
    body = validated_body(call)
    records = call.partition.records(IMPLEMENTATIONS, (api['id'],))
    if not body.get('service') and not body.get('control_plane'):
        raise validation_error([Issue('service', 'required', 'give service or control_plane')], 'Invalid Parameters')
    target = body.get('service') or body.get('control_plane')
    control_plane_id = target.get('control_plane_id')
    field = 'service' if 'service' in body else 'control_plane'
    if call.partition.find(CONTROL_PLANES, (), control_plane_id) is None:
        raise validation_error([Issue('%s.control_plane_id' % field, 'missing_reference', 'Control plane not found')], 'Invalid Parameters')
    if field == 'service' and call.partition.find(SERVICES, (control_plane_id,), target.get('id')) is None:
        raise validation_error([Issue('service.id', 'missing_reference', 'Service not found')], 'Invalid Parameters')
    if records:
        raise ApiError(409, IMPLEMENTATION_EXISTS)
    if field == 'service' and any(item['service']['id'] == target['id'] for item in all_implementations(call.partition) if 'service' in item):
        raise ApiError(409, SERVICE_LINKED)
    stamp = now_text()
    record = {'id': str(uuid.uuid4()), 'api_id': api['id'], 'created_at': stamp, 'updated_at': stamp}
    if field == 'service':
        record['service'] = {'control_plane_id': control_plane_id, 'id': target['id']}
    else:
        record['control_plane'] = {'control_plane_id': control_plane_id}
    records[record['id']] = record
    return Response(call.op.success_status, implementation_view(call, record, with_api=False))


def implementation_view(call, record, with_api=True):
    view = dict((key, copy.deepcopy(value)) for key, value in record.items() if with_api or key != 'api_id')
    if 'control_plane' in view:
        view['control_plane']['access_control_enforcement_enabled'] = enforcement_plugin(call.partition, record['control_plane']['control_plane_id'])
    return view


def enforcement_plugin(partition, control_plane_id):
    """Whether the access control enforcement plugin (``ace``) is installed globally in the control plane (AB:2552)."""
    return any(plugin.get('name') == 'ace' and not any(plugin.get(scope) for scope in ('service', 'route', 'consumer', 'consumer_group'))
               for plugin in partition.records('Plugin', (control_plane_id,)).values())


def all_implementations(partition):
    return [record for (store_key, _scope), records in partition.collections.items() if store_key == IMPLEMENTATIONS
            for record in records.values()]


def find_implementation(call):
    api = api_record(call, call.params['apiId'])
    records = call.partition.records(IMPLEMENTATIONS, (api['id'],))
    record = records.get(call.params['implementationId'])
    if record is None:
        raise not_found()
    return records, record


def get_implementation(call):
    return Response(200, implementation_view(call, find_implementation(call)[1], with_api=False))


def delete_implementation(call):
    records, record = find_implementation(call)
    del records[record['id']]
    return Response(204)


def list_implementations(call):
    """``GET /v3/api-implementations``: every API's implementation, with ``api_id``; filters by service and control plane."""
    views = [implementation_view(call, record) for record in all_implementations(call.partition)]
    keyed = [dict(view, _service_id=(view.get('service') or {}).get('id'),
                  _control_plane_id=(view.get('service') or view.get('control_plane'))['control_plane_id']) for view in views]
    list_query = parse_list_query(call.op, call.query, {'service_id': '_service_id', 'control_plane_id': '_control_plane_id'})
    chosen = [dict((key, value) for key, value in view.items() if not key.startswith('_')) for view in select(keyed, list_query)]
    return list_entities_of(call, chosen)


# ---- publications ----------------------------------------------------------------------------------


def publication_target(call):
    """(store key, the published entity, its entity_type) of the path: an API or an API package."""
    if 'apiId' in call.params:
        return PUBLICATIONS, api_record(call, call.params['apiId']), 'api'
    return PACKAGE_PUBLICATIONS, package_record(call, call.params['apiPackageId']), 'api_package'


def portal_record(call):
    portal = call.partition.find(PORTALS, (), call.params['portalId'])
    if portal is None:
        raise not_found('Portal not found.')
    return portal


def publish(call):
    """``PUT .../publications/{portalId}`` (AB:613): creates or replaces, 200 either way. Omitted ``auth_strategy_ids``
    mean the portal's default strategy, ``null`` no application auth (AB:2374); omitted ``visibility`` the portal's
    ``default_api_visibility`` (PM:9040), else private (AB:2366). Strategies must exist (400)."""
    store_key, target, entity_type = publication_target(call)
    portal = portal_record(call)
    body = validated_body(call)
    strategies = body['auth_strategy_ids'] if 'auth_strategy_ids' in body else default_strategies(portal)
    for index, strategy_id in enumerate(strategies or []):
        if call.partition.find(STRATEGIES, (), strategy_id) is None:
            raise validation_error([Issue('auth_strategy_ids[%d]' % index, 'missing_reference', 'application auth strategy not found')],
                                   'Invalid Parameters')
    records = call.partition.records(store_key, (target['id'],))
    existing = records.get(portal['id'])
    stamp = now_text()
    record = {
        'id': portal['id'], 'api_id': target['id'], 'portal_id': portal['id'], 'entity_type': entity_type,
        'visibility': body.get('visibility') or portal.get('default_api_visibility') or 'private',
        'auth_strategy_ids': strategies,
        'auto_approve_registrations': bool(body.get('auto_approve_registrations', False)),
        'warnings': [], 'created_at': existing['created_at'] if existing else stamp, 'updated_at': stamp,
    }
    records[portal['id']] = record
    return Response(200, publication_view(record))


def default_strategies(portal):
    default = portal.get('default_application_auth_strategy_id')
    return [default] if default else None


def publication_view(record):
    return dict((key, copy.deepcopy(record[key])) for key in
                ('auto_approve_registrations', 'auth_strategy_ids', 'visibility', 'warnings', 'created_at', 'updated_at'))


def find_publication(call):
    store_key, target, _entity_type = publication_target(call)
    records = call.partition.records(store_key, (target['id'],))
    record = records.get(call.params['portalId'])
    if record is None:
        raise not_found('The API is not published to this portal.')
    return records, record


def get_publication(call):
    return Response(200, publication_view(find_publication(call)[1]))


def unpublish(call):
    records, record = find_publication(call)
    del records[record['id']]
    return Response(204)


def all_publications(partition):
    return [record for (store_key, _scope), records in partition.collections.items() if store_key in (PUBLICATIONS, PACKAGE_PUBLICATIONS)
            for record in records.values()]


def publication_list_item(partition, record):
    names = partition.records(APIS if record['entity_type'] == 'api' else PACKAGES, ())
    portal = partition.records(PORTALS, ()).get(record['portal_id']) or {}
    item = dict(publication_view(record), api_id=record['api_id'], portal_id=record['portal_id'], entity_type=record['entity_type'])
    return item, {'_portal_name': portal.get('name'), '_api_name': (names.get(record['api_id']) or {}).get('name'),
                  '_auth_strategy_id': ','.join(record['auth_strategy_ids'] or [])}


NAME_PATHS = {'portal_name': '_portal_name', 'api_name': '_api_name', 'auth_strategy_id': '_auth_strategy_id'}


def list_publications(call):
    """``GET /v3/api-publications``: publications of APIs and API packages (``entity_type``, AB:2385)."""
    pairs = [publication_list_item(call.partition, record) for record in all_publications(call.partition)]
    return filtered_publications(call, [dict(item, **hidden) for item, hidden in pairs])


def list_portal_publications(call):
    """``GET /v3/portals/{portalId}/api-publications``: that portal's, as ``PublicationListItem`` (``portal_ids``, AB:2430)."""
    portal = portal_record(call)
    pairs = [publication_list_item(call.partition, record) for record in all_publications(call.partition) if record['portal_id'] == portal['id']]
    items = []
    for item, hidden in pairs:
        item.pop('portal_id')
        items.append(dict(item, portal_ids=[portal['id']], **hidden))
    return filtered_publications(call, items)


def filtered_publications(call, items):
    list_query = parse_list_query(call.op, call.query, NAME_PATHS)
    chosen = [dict((key, value) for key, value in item.items() if not key.startswith('_')) for item in select(items, list_query)]
    return list_entities_of(call, chosen)


# ---- API packages --------------------------------------------------------------------------------


def package_record(call, package_id):
    record = call.partition.records(PACKAGES, ()).get(package_id)
    if record is None:
        raise not_found()
    return record


def create_package(call):
    """``POST /v3/api-packages``: name + version unique, slug unique across APIs and packages (AB:2984), both 409."""
    path = resolve_path(call)
    body = validated_body(call)
    record = new_record(call, body, path)
    if record.get('slug') is None:
        record['slug'] = default_slug(record['name'], record.get('version'))
    check_name_version(call, PACKAGES, record, 'API package')
    call.partition.records(PACKAGES, ())[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_package(call):
    return update_named(call, PACKAGES, 'packageId', 'API package')


def delete_package(call):
    record = package_record(call, call.params['packageId'])
    call.partition.remove(PACKAGES, (), record['id'])
    return Response(204)


def package_operation_view(call, record):
    return dict((key, copy.deepcopy(value)) for key, value in record.items() if not key.startswith('_'))


def list_package_operations(call):
    package = package_record(call, call.params['packageId'])
    views = [package_operation_view(call, record) for record in call.partition.records(PACKAGE_OPERATIONS, (package['id'],)).values()]
    return listed(call, views, {'api_id': 'api.id'})


def find_package_operation(call):
    package = package_record(call, call.params['packageId'])
    records = call.partition.records(PACKAGE_OPERATIONS, (package['id'],))
    record = records.get(call.params['operationId'])
    if record is None:
        raise not_found()
    return records, record


def get_package_operation(call):
    return Response(200, package_operation_view(call, find_package_operation(call)[1]))


def delete_package_operation(call):
    records, record = find_package_operation(call)
    del records[record['id']]
    return Response(204)


def enforced_operation(partition, wanted_id):
    """(API, operation) of an operation id among the APIs that enforce access control, or (None, None)."""
    for api in partition.records(APIS, ()).values():
        if implementation_mode(partition, api['id']) == ACCESS_CONTROL_ENFORCEMENT:
            for operation in api_operations(partition, api):
                if operation['id'] == wanted_id:
                    return api, operation
    return None, None


def patch_package_operations(call):
    """``PATCH /v3/api-packages/{packageId}/operations`` (AB:1326): JSON Patch ``add``/``replace``/``remove`` of
    ``operations/<id>``, all or nothing, 204. An operation must be one of an API that enforces access control (400), an
    ``add`` of one already in the package is 409 and a ``replace``/``remove`` of one not in it 400 (RFC 6902 4.2, 4.3)."""
    package = package_record(call, call.params['packageId'])
    items = validated_body(call)
    records = call.partition.records(PACKAGE_OPERATIONS, (package['id'],))
    planned = copy.deepcopy(records)
    stamp = now_text()
    for index, item in enumerate(items):
        wanted = item['path'].split('/', 1)[1]
        config = (item.get('value') or {}).get('rate_limiting_config')
        if item['op'] == 'add':
            api, operation = enforced_operation(call.partition, wanted)
            if operation is None:
                issue = Issue('[%d].path' % index, 'missing_reference', 'operation not found in any API that enforces access control')
                raise validation_error([issue], 'Invalid Parameters')
            if wanted in planned:
                raise ApiError(409, OPERATION_IN_PACKAGE % wanted)
            planned[wanted] = {'id': wanted, 'api': {'id': api['id'], 'name': api['name'], 'version': api.get('version')},
                               'method': operation['method'], 'path': operation['path'], 'rate_limiting_config': config,
                               'created_at': stamp, 'updated_at': stamp}
        elif wanted not in planned:
            raise validation_error([Issue('[%d].path' % index, 'missing_reference', 'the operation is not in the API package')],
                                   'Invalid Parameters')
        elif item['op'] == 'remove':
            del planned[wanted]
        else:
            planned[wanted] = dict(planned[wanted], rate_limiting_config=config, updated_at=stamp)
    records.clear()
    records.update(planned)
    return Response(204)


def package_specification(call):
    package = package_record(call, call.params['packageId'])
    return call.partition.records(PACKAGE_SPECIFICATION, (package['id'],))


@refusing
def put_package_specification(call):
    """``PUT /v3/api-packages/{packageId}/current-specification`` (AB:1409): creates or replaces, 200."""
    records = package_specification(call)
    body = validated_body(call)
    kind, warnings = checked_spec(body.get('content'))
    existing = next(iter(records.values()), None)
    stamp = now_text()
    record = {'id': existing['id'] if existing else str(uuid.uuid4()), 'content': body['content'], 'type': kind,
              'validation_messages': warnings, 'created_at': existing['created_at'] if existing else stamp, 'updated_at': stamp}
    records.clear()
    records[record['id']] = record
    return Response(200, copy.deepcopy(record))


def get_package_specification(call):
    record = next(iter(package_specification(call).values()), None)
    if record is None:
        raise not_found('The API package has no current specification.')
    return Response(200, copy.deepcopy(record))


def delete_package_specification(call):
    records = package_specification(call)
    if not records:
        raise not_found('The API package has no current specification.')
    records.clear()
    return Response(204)


def computed_specification(call):
    """Not emulated: how Konnect computes a package's specification from its operations is not in the spec."""
    package_record(call, call.params['packageId'])
    raise not_found('The emulator does not compute API package specifications (see its README).')


FACTS = {}
SINGLETON_DEFAULTS = {}

API = '/v3/apis/{apiId}'
PACKAGE = '/v3/api-packages/{packageId}'
SPECIALS = {
    ('POST', '/v3/apis'): create_api,
    ('PATCH', API): update_api,
    ('DELETE', API): delete_api,
    ('POST', '/v3/apis/validate-specification'): validate_specification,
    ('POST', API + '/versions'): create_version,
    ('GET', API + '/versions'): list_versions,
    ('GET', API + '/versions/{versionId}'): get_version,
    ('PATCH', API + '/versions/{versionId}'): update_version,
    ('DELETE', API + '/versions/{versionId}'): delete_version,
    ('POST', API + '/specifications'): create_specification,
    ('GET', API + '/specifications'): list_specifications,
    ('GET', API + '/specifications/{specId}'): get_specification,
    ('PATCH', API + '/specifications/{specId}'): update_specification,
    ('DELETE', API + '/specifications/{specId}'): delete_version,
    ('GET', API + '/operations'): list_api_operations,
    ('GET', API + '/operations/{operationId}'): get_api_operation,
    ('POST', API + '/implementations'): create_implementation,
    ('GET', API + '/implementations/{implementationId}'): get_implementation,
    ('DELETE', API + '/implementations/{implementationId}'): delete_implementation,
    ('GET', '/v3/api-implementations'): list_implementations,
    ('PUT', API + '/publications/{portalId}'): publish,
    ('GET', API + '/publications/{portalId}'): get_publication,
    ('DELETE', API + '/publications/{portalId}'): unpublish,
    ('GET', '/v3/api-publications'): list_publications,
    ('GET', '/v3/portals/{portalId}/api-publications'): list_portal_publications,
    ('POST', '/v3/api-packages'): create_package,
    ('PATCH', PACKAGE): update_package,
    ('DELETE', PACKAGE): delete_package,
    ('GET', PACKAGE + '/operations'): list_package_operations,
    ('PATCH', PACKAGE + '/operations'): patch_package_operations,
    ('GET', PACKAGE + '/operations/{operationId}'): get_package_operation,
    ('DELETE', PACKAGE + '/operations/{operationId}'): delete_package_operation,
    ('PUT', PACKAGE + '/current-specification'): put_package_specification,
    ('GET', PACKAGE + '/current-specification'): get_package_specification,
    ('DELETE', PACKAGE + '/current-specification'): delete_package_specification,
    ('GET', PACKAGE + '/computed-specification'): computed_specification,
    ('PUT', '/v3/api-packages/{apiPackageId}/publications/{portalId}'): publish,
    ('GET', '/v3/api-packages/{apiPackageId}/publications/{portalId}'): get_publication,
    ('DELETE', '/v3/api-packages/{apiPackageId}/publications/{portalId}'): unpublish,
}
for _base in (API, PACKAGE):
    SPECIALS.update({
        ('POST', _base + '/documents'): create_document,
        ('GET', _base + '/documents'): list_documents,
        ('GET', _base + '/documents/{documentId}'): get_document,
        ('PATCH', _base + '/documents/{documentId}'): update_document,
        ('DELETE', _base + '/documents/{documentId}'): delete_document,
        ('POST', _base + '/documents/{documentId}/move'): move_document,
    })
