# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection against Konnect's specs, from the committed derived facts (tests/emulator/derived) only.

Every entity of the catalogue uses paths, methods, request fields, filters, pagination and a host that the specs
declare; every writable collection and singleton of the specs is covered by a module or allowlisted with a reason
(tests/unit/coverage_allowlist.yml); the README's coverage table is current; module argument specs and the org
document schema agree with the catalogue.
"""

from __future__ import annotations

import importlib.util
import os
import re

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils import org_schema
from ansible_collections.konnect.konnect.plugins.module_utils.client import is_global_path
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.plugins.module_utils.entities import portal_client as portal_client_family
from ansible_collections.konnect.konnect.plugins.module_utils.entities.mesh import resource_paths
from ansible_collections.konnect.konnect.plugins.module_utils.entity import PLAIN
from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_SPEC

ENTITIES = all_entities()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')


def _load_coverage():
    spec = importlib.util.spec_from_file_location('konnect_coverage', os.path.join(ROOT, 'hacking', 'coverage.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


coverage = _load_coverage()
API = coverage.load_api()
ROUTES = dict((coverage.normalize(template), route) for template, route in API.routes.items())
PORTAL_CLIENT_ENTITIES = frozenset(entity.name for entity in portal_client_family.ENTITIES)

# Entity types whose request bodies are not their fields one to one, after the documented mapping of their ``prepare``
# or own engine: entity name -> {option: (where the body carries it, dotted; None: not sent itself; why)}.
READ_FROM_FILE = (None, 'a local file, read and sent as the content it holds')
BODY_MAPPINGS = {
    'api_version': {'content': ('spec.content', 'the specification travels as spec.content'), 'src': READ_FROM_FILE},
    'api_specification': {'content': ('spec.content', 'the specification travels as spec.content'), 'src': READ_FROM_FILE},
    'api_package_specification': {'src': READ_FROM_FILE},
    'portal_logo': {'src': READ_FROM_FILE},
    'portal_favicon': {'src': READ_FROM_FILE},
    'portal_custom_domain': dict((name, ('ssl.' + name, 'SSL settings are nested under ssl')) for name in (
        'domain_verification_method', 'custom_certificate', 'custom_private_key', 'skip_ca_check')),
    'portal_team_group_mappings': {
        'mappings': ('data', 'the engine sends {data: [{team_id, groups}]}, teams resolved by name'),
        'exclusive': (None, 'how the engine merges: never sent'),
        'state': (None, 'how the engine merges: never sent'),
    },
}
# Entity types a module writes otherwise than by POST to their collection and their update_method on their item:
# entity name -> ({phase: (method, path)}, why).
WRITTEN_OTHERWISE = {
    'api_publication': ({'create': ('PUT', '/v3/apis/{}/publications/{}')}, "published by PUT at its portal's path"),
    'api_package_publication': ({'create': ('PUT', '/v3/api-packages/{}/publications/{}')}, "published by PUT at its portal's path"),
    'api_package_operation': ({'create': ('PATCH', '/v3/api-packages/{}/operations'), 'update': ('PATCH', '/v3/api-packages/{}/operations')},
                              "operations are added and changed by PATCH of the package's list"),
    'portal_email_template': ({'create': ('PATCH', '/v3/portals/{}/email-templates/{}')}, 'every template exists; a task customizes it'),
    'cloud_gateway_configuration': ({'create': ('PUT', '/v2/cloud-gateways/configurations'), 'update': ('PUT', '/v2/cloud-gateways/configurations'),
                                     'delete': ('PUT', '/v2/cloud-gateways/configurations')},
                                    'one document per control plane and geo, PUT whole; absent PUTs it without data-plane groups'),
}
# Entity types with a module of their name that only deletes them, with why.
DELETE_ONLY = {
    'dp_node': 'Konnect records a node when it connects; the module removes the records of stale nodes',
}
# Entity types with a module of their name that only reads them, with why.
READ_ONLY = {
    'organization': 'the organization module reads it; its settings are singletons of their own',
}


def route(template):
    return ROUTES.get(coverage.normalize(template))


def module_source(name):
    path = os.path.join(MODULES_DIR, name + '.py')
    if not os.path.exists(path):
        return None
    with open(path, encoding='utf-8') as handle:
        return handle.read()


def has_module(entity):
    """Whether a module (not only an ``_info`` twin) writes the entity type."""
    return module_source(entity.name) is not None and not entity.name.endswith('_info') and entity.name not in READ_ONLY


def offers_absent(entity):
    source = module_source(entity.name) or ''
    return bool(re.search(r'\babsent\b', source))


def methods(template):
    found = route(template)
    return set(found.ops) if found else set()


# ---- every entity against the specs --------------------------------------------------------------------------------


def entity_ids():
    return sorted(ENTITIES)


def paths_problems(entity):
    if entity.name == 'mesh_resource':
        return kind_paths_problems(entity)
    problems = []
    if entity.singleton:
        if entity.item and not route(entity.item):
            return ['%s: no path %s in the specs' % (entity.name, entity.item)]
        if entity.item and 'GET' not in methods(entity.item) and entity.name not in ('portal_logo', 'portal_favicon'):
            problems.append('%s: no GET %s' % (entity.name, entity.item))
        if has_module(entity):
            for method in (entity.update_method, entity.create_method, 'DELETE' if entity.deletable else None):
                if method and method not in methods(entity.item):
                    problems.append('%s: no %s %s' % (entity.name, method, entity.item))
        return problems
    if entity.collection:
        if not route(entity.collection):
            problems.append('%s: no collection %s in the specs' % (entity.name, entity.collection))
        elif 'GET' not in methods(entity.collection):
            problems.append('%s: no GET (list) %s' % (entity.name, entity.collection))
    if entity.item and entity.item_readable and 'GET' not in methods(entity.item):
        problems.append('%s: no GET %s' % (entity.name, entity.item))
    if has_module(entity):
        create = entity.create_path or entity.collection
        otherwise = WRITTEN_OTHERWISE.get(entity.name, ({}, None))[0]
        for phase, (method, path) in sorted(otherwise.items()):
            if method not in methods(path):
                problems.append('%s: no %s (%s) %s' % (entity.name, method, phase, path))
        if 'create' not in otherwise and entity.name not in DELETE_ONLY and create and 'POST' not in methods(create):
            problems.append('%s: no POST (create) %s' % (entity.name, create))
        if 'update' not in otherwise and entity.update_method and entity.update_method not in methods(entity.item):
            problems.append('%s: no %s (update) %s' % (entity.name, entity.update_method, entity.item))
        if offers_absent(entity) and 'delete' not in otherwise and 'DELETE' not in methods(entity.item):
            problems.append('%s: state absent, but no DELETE %s' % (entity.name, entity.item))
    return problems


def kind_paths_problems(entity):
    """A Kuma resource's path depends on its kind (an option): every kind's collection and item must take what it sends."""
    problems = []
    for collection, item in resource_paths():
        for method, path in (('GET', collection), ('GET', item), (entity.update_method, item), ('DELETE', item)):
            if method not in methods(path):
                problems.append('%s: no %s %s' % (entity.name, method, path))
    return problems


@pytest.mark.parametrize('name', entity_ids())
def test_paths_and_methods_exist(name):
    assert paths_problems(ENTITIES[name]) == []


def host_family(entity):
    path = entity.collection or entity.item
    if entity.name in PORTAL_CLIENT_ENTITIES:
        return 'portal'
    return 'global' if is_global_path(path) else 'regional'


@pytest.mark.parametrize('name', [name for name in entity_ids() if ENTITIES[name].collection or ENTITIES[name].item])
def test_host_family_is_the_specs(name):
    entity = ENTITIES[name]
    found = route(entity.collection or entity.item)
    if found is None:
        pytest.skip('no path: reported by test_paths_and_methods_exist')
    assert host_family(entity) == found.family, '%s is sent to the %s host; its spec is served by the %s host' % (
        name, host_family(entity), found.family)


@pytest.mark.parametrize('name', [name for name in entity_ids() if ENTITIES[name].collection and not ENTITIES[name].singleton])
def test_pagination_is_the_operations(name):
    entity = ENTITIES[name]
    found = route(entity.collection)
    if found is None or 'GET' not in found.ops:
        pytest.skip('no list: reported by test_paths_and_methods_exist')
    declared = found.ops['GET'].pagination_style() or 'none'
    assert entity.pagination == declared, '%s pages its list as %r; GET %s pages as %r' % (name, entity.pagination, found.template, declared)


def filter_operators(operation, name):
    """The operators the list operation takes for field ``name`` (PLAIN for ``filter[name]=value``)."""
    operators = set()
    for param in operation.query_params:
        match = re.match(r'^filter\[([^\]]+)\](?:\[([^\]]+)\])?$', param)
        if match and match.group(1) == name:
            operators.add(match.group(2) or PLAIN)
    deep = operation.query_params.get('filter')
    if deep and deep['style'] == 'deepObject':
        properties, _required = operation.schemas.object_view({}, deep['schema'])
        if name in properties:
            operators.update(schema_operators(operation.schemas, properties[name]))
    return operators


def schema_operators(schemas, schema):
    schema = schemas.resolve(schema)
    branches = schema.get('anyOf') or schema.get('oneOf')
    if branches:
        return set().union(*(schema_operators(schemas, branch) for branch in branches))
    properties, _required = schemas.object_view({}, schema)
    if properties:
        return set(properties)
    return {PLAIN, 'eq'} if schema.get('type') not in (None, 'object', 'array', 'null') else set()


@pytest.mark.parametrize('name', [name for name in entity_ids() if ENTITIES[name].filterable])
def test_filters_are_declared(name):
    entity = ENTITIES[name]
    found = route(entity.collection)
    operation = found.ops.get('GET') if found else None
    assert operation is not None, '%s filters a list the specs do not have' % name
    undeclared = ['%s %s' % (field, op or 'plain') for field, ops in sorted(entity.filterable.items()) for op in ops
                  if op not in filter_operators(operation, field)]
    assert undeclared == [], '%s filters GET %s by %s, which the operation does not declare' % (name, found.template, undeclared)


def body_branches(schemas, schema):
    schema = schemas.resolve(schema)
    branches = schema.get('anyOf') or schema.get('oneOf')
    if not branches:
        return [schema]
    return [leaf for branch in branches if schemas.resolve(branch).get('type') != 'null' for leaf in body_branches(schemas, branch)]


def sent_names(entity, phase):
    """(option, body name) of what the task sends on ``create`` or ``update``."""
    only = entity.create_fields if phase == 'create' else entity.update_fields
    sent = []
    for field in entity.fields:
        if phase == 'update' and field.create_only:
            continue
        sent.append((field.name, field.name))
    for reference in entity.references:
        if phase == 'update' and reference.create_only:
            continue
        sent.append((reference.option, reference.body_field))
    return [(option, name) for option, name in sent if only is None or name in only]


def write_operations(entity):
    """(phase, operation) of the entity's create and update requests."""
    found = []
    if entity.singleton:
        item = route(entity.item)
        for phase, method in (('create', entity.create_method), ('update', entity.update_method)):
            if item and method in item.ops:
                found.append((phase, item.ops[method]))
        return found
    usual = {'create': ('POST', entity.create_path or entity.collection), 'update': (entity.update_method, entity.item)}
    usual.update(WRITTEN_OTHERWISE.get(entity.name, ({}, None))[0])
    for phase in ('create', 'update'):
        method, path = usual[phase]
        found_route = route(path) if path else None
        if found_route and method in found_route.ops:
            found.append((phase, found_route.ops[method]))
    return found


def body_path_declared(operation, dotted):
    """Whether the request schema declares the dotted body path (an open object takes anything)."""
    schemas = [operation.request_schema]
    for part in dotted.split('.'):
        found = []
        for schema in schemas:
            for branch in body_branches(operation.schemas, schema):
                properties, _required = operation.schemas.object_view({}, branch)
                if not properties:
                    return True
                if part in properties:
                    found.append(properties[part])
        if not found:
            return False
        schemas = found
    return True


@pytest.mark.parametrize('name', [name for name in entity_ids() if has_module(ENTITIES[name])])
def test_every_field_sent_is_in_the_request_schema(name):
    entity = ENTITIES[name]
    mapped = BODY_MAPPINGS.get(name, {})
    unknown = []
    for phase, operation in write_operations(entity):
        if operation.request_schema is None:
            continue
        for option, body_name in sent_names(entity, phase):
            dotted = mapped[option][0] if option in mapped else body_name
            if dotted is not None and not body_path_declared(operation, dotted):
                unknown.append('%s as %s (%s %s %s)' % (option, dotted, phase, operation.method, operation.path))
    assert unknown == [], '%s sends fields its request schema does not declare: %s' % (name, unknown)


def test_body_mappings_name_real_options():
    for name, options in BODY_MAPPINGS.items():
        entity = ENTITIES[name]
        known = set(field.name for field in entity.fields) | set(reference.option for reference in entity.references)
        assert set(options) <= known, '%s: BODY_MAPPINGS names %s, which are not its options' % (name, sorted(set(options) - known))
        assert all(why for _path, why in options.values())
    assert set(WRITTEN_OTHERWISE) | set(READ_ONLY) <= set(ENTITIES)


# ---- every writable resource of the specs is covered or allowlisted ------------------------------------------------


def current_coverage():
    return coverage.Coverage(API, list(ENTITIES.values()), coverage.load_allowlist())


def test_every_writable_resource_is_covered_or_allowlisted():
    missing = ['%s %s' % (resource.spec, resource.template) for resource in current_coverage().missing()]
    assert missing == [], ('writable collections or singletons of the specs that no module covers and %s does not list (with a '
                           'reason): %s' % (os.path.relpath(coverage.ALLOWLIST, ROOT), missing))


def test_allowlist_has_no_stale_entries():
    stale = ['%s %s: %s' % entry for entry in current_coverage().stale_allowlist_entries()]
    assert stale == []


def test_allowlist_gives_a_reason_for_every_entry():
    for spec, entries in coverage.load_allowlist().items():
        for template, reason in (entries or {}).items():
            assert isinstance(reason, str) and reason.strip(), '%s %s: give a one-line reason' % (spec, template)


def test_readme_coverage_table_is_current():
    with open(coverage.README, encoding='utf-8') as handle:
        text = handle.read()
    assert coverage.readme_with_table(text, current_coverage().table()) == text, 'the README is out of date: run make coverage'


def test_coverage_counts_add_up():
    for spec, covered, allowed, other, total, resources_covered, resources_total in current_coverage().rows():
        assert covered + allowed + other == total and 0 <= resources_covered <= resources_total, spec


# ---- module argument specs and the org document agree with the catalogue -------------------------------------------


def entity_modules():
    """(module name, entity name) of every module built on one entity by EntityTask or InfoTask."""
    found = []
    for filename in sorted(os.listdir(MODULES_DIR)):
        source = module_source(filename[:-3]) if filename.endswith('.py') else None
        match = re.search(r"^TASK = (EntityTask|InfoTask)\('(\w+)'\)", source or '', re.M)
        if match:
            found.append((filename[:-3], match.group(2)))
    return found


def load_task(module_name):
    module = importlib.import_module('ansible_collections.konnect.konnect.plugins.modules.%s' % module_name)
    return module.TASK


@pytest.mark.parametrize('module_name,entity_name', [pair for pair in entity_modules() if not pair[0].endswith('_info')])
def test_module_options_are_the_entitys(module_name, entity_name):
    entity = ENTITIES[entity_name]
    spec = load_task(module_name).argument_spec()
    offered = set(field.name for field in entity.fields) | set(reference.option for reference in entity.references) \
        | set(parent.option for parent in entity.parents) | set(entity.extra_options or {})
    for parent in entity.parents:
        offered |= set(parent.options)
    missing = sorted(offered - set(spec))
    assert missing == [], '%s offers no option for the catalogue fields %s' % (module_name, missing)
    engine_options = set(spec) - offered - set(CONNECTION_SPEC)
    unknown = sorted(engine_options - GENERIC_OPTIONS)
    assert unknown == [], '%s takes options the catalogue does not describe: %s' % (module_name, unknown)


# Options every entity module may take beyond the fields (state, labels and tags handling, secrets, recreation).
GENERIC_OPTIONS = frozenset(('state', 'purge_labels', 'purge_tags', 'update_secrets', 'recreate', 'force', 'rotate', 'rotate_before_days',
                             'token_file', 'id'))


# Document sections written by hand (the others are built from the catalogue): path of the section -> (entity kind,
# keys that are document structure: child sections, file paths, pruning). Their options must be the entity's; they
# may leave fields out (the gateway configuration is complete in decK files, which a control plane entry takes).
HAND_WRITTEN_SECTIONS = {
    ('teams',): ('team', {'users', 'roles', 'protected'}),
    ('users',): ('user', set()),
    ('system_accounts',): ('system_account', {'teams', 'roles', 'tokens'}),
    ('system_accounts', 'tokens'): ('system_account_access_token', {'token_file', 'rotate_before_days'}),
    ('identity_providers',): ('identity_provider', {'team_mappings'}),
    ('control_planes',): ('control_plane', {'region', 'protected', 'members', 'dp_certificates', 'config_stores', 'vaults', 'ca_certificates',
                                            'certificates', 'upstreams', 'services', 'routes', 'plugins', 'consumers', 'consumer_groups',
                                            'gateway', 'gateway_file'}),
    ('control_planes', 'dp_certificates'): ('dp_client_certificate', {'cert_path', 'key_path', 'generate'}),
    ('control_planes', 'config_stores'): ('config_store', {'secrets'}),
    ('control_planes', 'config_stores', 'secrets'): ('config_store_secret', set()),
    ('control_planes', 'vaults'): ('gateway_vault', {'protected'}),
    ('control_planes', 'ca_certificates'): ('gateway_ca_certificate', {'cert_path', 'protected'}),
    ('control_planes', 'certificates'): ('gateway_certificate', {'cert_path', 'key_path', 'protected', 'snis'}),
    ('control_planes', 'certificates', 'snis'): ('gateway_sni', {'protected'}),
    ('control_planes', 'upstreams'): ('gateway_upstream', {'protected', 'targets'}),
    ('control_planes', 'upstreams', 'targets'): ('gateway_target', {'protected'}),
    ('control_planes', 'services'): ('gateway_service', {'protected'}),
    ('control_planes', 'routes'): ('gateway_route', {'protected'}),
    ('control_planes', 'plugins'): ('gateway_plugin', {'protected'}),
    ('control_planes', 'consumers'): ('gateway_consumer', {'protected', 'keyauth_credentials', 'basicauth_credentials', 'acls'}),
    ('control_planes', 'consumers', 'keyauth_credentials'): ('gateway_key_auth', {'protected'}),
    ('control_planes', 'consumers', 'basicauth_credentials'): ('gateway_basic_auth', {'protected'}),
    ('control_planes', 'consumers', 'acls'): ('gateway_acl', {'protected'}),
    ('control_planes', 'consumer_groups'): ('gateway_consumer_group', {'protected', 'members'}),
}


def entity_options(entity):
    options = set(field.name for field in entity.fields) | set(reference.option for reference in entity.references) \
        | set(parent.option for parent in entity.parents) | set(entity.extra_options or {})
    for parent in entity.parents:
        options |= set(parent.options)
    return options


def document_section(path):
    schema = org_schema.ORG_SCHEMA
    for name in path:
        schema = schema['properties'][name]
        schema = schema.get('items', schema)
    return schema


@pytest.mark.parametrize('path', sorted(HAND_WRITTEN_SECTIONS), ids='.'.join)
def test_hand_written_document_sections_offer_only_the_catalogues_options(path):
    kind, structure = HAND_WRITTEN_SECTIONS[path]
    properties = set(document_section(path)['properties'])
    unknown = sorted(properties - entity_options(ENTITIES[kind]) - structure)
    assert unknown == [], 'document section %s offers %s, which %s does not take' % ('.'.join(path), unknown, kind)
    stale = sorted(structure - properties)
    assert stale == [], 'HAND_WRITTEN_SECTIONS names keys %s that section %s no longer has' % (stale, '.'.join(path))


def test_every_document_section_is_checked():
    generated = set((section.name,) for section in org_schema.PUBLISHING)
    top = set((name,) for name, schema in org_schema.ORG_SCHEMA['properties'].items() if schema.get('type') == 'array')
    assert top - generated - set(HAND_WRITTEN_SECTIONS) == set(), 'add new document sections to HAND_WRITTEN_SECTIONS'


def test_generated_document_sections_are_the_catalogues():
    for section in org_schema.PUBLISHING:
        check_section(section, org_schema.ORG_SCHEMA['properties'][section.name]['items'], above=())


def check_section(section, schema, above):
    if section.names:
        return
    entity = ENTITIES[section.kind]
    properties = set(schema['properties'])
    options = entity_options(entity)
    structure = set(child.name for child in section.children) | {section.nested, section.secret_file, 'region', org_schema.PROTECTED}
    unknown = sorted(properties - options - structure)
    assert unknown == [], 'document section %s offers %s, which %s does not take' % (section.name, unknown, section.kind)
    left_out = sorted(field.name for field in entity.fields if field.name not in properties)
    assert left_out == [], 'document section %s leaves out the %s fields %s' % (section.name, section.kind, left_out)
    for child in section.children:
        child_schema = schema['properties'][child.name]
        child_schema = child_schema if child.single else child_schema['items']
        if '$ref' in child_schema:
            continue
        check_section(child, child_schema, above + (section.kind,))
