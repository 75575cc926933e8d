# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``dump`` module: read what exists in Konnect and write it as a document that ``apply`` takes.

Applying the document changes nothing: every value is written as ``apply`` compares it (references by name,
labels and tags without the ownership marks ``apply`` adds, no read-only fields, nulls or Konnect defaults).
That is how a team adopts the organization it already has. With ``format: deck`` it is one control plane's
gateway configuration as a decK 3.0 file instead. Each list is read once (all pages), up to ``READERS`` at a time.
"""

from __future__ import annotations

import collections
import os
import re
import tempfile
import threading

from ansible_collections.konnect.konnect.plugins.module_utils import deck
from ansible_collections.konnect.konnect.plugins.module_utils.client import GLOBAL, REGIONS, regional_clients, run_parallel
from ansible_collections.konnect.konnect.plugins.module_utils.compare import canonical, get_path, is_foreign
from ansible_collections.konnect.konnect.plugins.module_utils.defaults import DEFAULTS
from ansible_collections.konnect.konnect.plugins.module_utils.documents import CREDENTIALS, SECTION_KINDS
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import document_problems
from ansible_collections.konnect.konnect.plugins.module_utils.planner import CORE_ENTITIES, GATEWAY, KINDS, MEMBERSHIPS
from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_RULES, CONNECTION_SPEC, refuse_misplaced_values, run_as_module

YAML_IMPORT_ERROR = None
try:
    import yaml
except ImportError as exc:  # pragma: no cover - ansible-core needs PyYAML, so a controller has it
    yaml = None
    YAML_IMPORT_ERROR = exc

SECTIONS = ('teams', 'users', 'system_accounts', 'identity_providers', 'control_planes')
FORMATS = ('document', 'deck')
DEFAULT_MANAGED_BY = 'konnect-dump'
MANAGED_BY = 'managed-by'
MANAGED_BY_TAG = 'managed-by:'
MANAGED_BY_PATTERN = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$')
PROTECTED = 'protected'
KONNECT_MANAGED = 'konnect-managed'
GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'
KUBERNETES = 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER'
READERS = 10
HEADER = '# Written by konnect.konnect.dump. It may hold credentials (keys, password hashes, private keys): keep it private.\n'
# Keys that hold a credential wherever they appear in a control plane's gateway configuration.
SECRET_NAMES = frozenset(('key', 'key_alt', 'password', 'secret', 'jwk', 'private_key', 'token', 'client_secret'))
CONFIG_OPTIONS = get_entity('identity_provider').field('config').options
CHILDREN = ('snis', 'targets') + tuple(section for section, _kind, _key in CREDENTIALS)
# Entity type -> the kind of deck.FIELDS that describes it in a decK file.
DECK_KINDS = dict([(kind, section[:-1]) for section, kind, _key in SECTION_KINDS] + [(kind, section) for section, kind, _key in CREDENTIALS]
                  + [('gateway_sni', 'sni'), ('gateway_target', 'target')])
# The natural key each flat list is sorted by (the id last, for entities without one).
SORT_KEYS = {
    'vaults': ('prefix',), 'ca_certificates': ('cert',), 'certificates': ('cert',), 'key_sets': ('name',), 'keys': ('name',),
    'partials': ('name',), 'upstreams': ('name',), 'services': ('name',), 'routes': ('name',),
    'consumers': ('username', 'custom_id'), 'consumer_groups': ('name',),
    'plugins': ('name', 'instance_name', 'service', 'route', 'consumer', 'consumer_group'), 'snis': ('name',), 'targets': ('target',),
    'keyauth_credentials': ('key',), 'basicauth_credentials': ('username',), 'hmacauth_credentials': ('username',),
    'jwt_secrets': ('key',), 'acls': ('group',), 'mtls_auth_credentials': ('subject_name', 'ca_certificate'),
}


class DumpTask(object):
    """What the module and the in-process action plugin call: read, then build the document (and write it to dest)."""

    def module_kwargs(self):
        spec = dict(CONNECTION_SPEC)
        spec.update(
            sections=dict(type='list', elements='str', choices=list(SECTIONS), default=list(SECTIONS)),
            regions=dict(type='list', elements='str', choices=list(REGIONS), default=list(REGIONS)),
            control_planes=dict(type='list', elements='str'),
            managed_by=dict(type='str'),
            format=dict(type='str', choices=list(FORMATS), default='document'),
            dest=dict(type='path'),
        )
        rules = dict((name, list(value)) for name, value in CONNECTION_RULES.items())
        return dict(argument_spec=spec, supports_check_mode=True, **rules)

    def execute(self, params, check_mode=False, diff_mode=False, warn=None, progress=None):
        refuse_misplaced_values(self.module_kwargs()['argument_spec'], params)
        selection = Selection(params)
        organization = Organization(Reader(params, selection.regions, warn, progress), selection)
        notes = []
        if selection.format == 'deck':
            control_plane = the_one_control_plane(organization)
            document = deck_document(organization.read(), control_plane, notes)
        else:
            document = org_document(organization.read(), params.get('managed_by'), notes)
        result = dict(changed=False, document=document, notes=notes)
        if params.get('dest'):
            result['changed'] = write_file(params['dest'], as_yaml(document), check_mode)
            result['dest'] = params['dest']
        if holds_secrets(document):
            result['_ansible_no_log'] = True  # the registered result keeps the document; logs and callbacks do not show it
        return result

    def returns_secret(self, result):
        return holds_secrets(result.get('document'))

    def main(self):
        run_as_module(self, None if yaml else ('PyYAML', YAML_IMPORT_ERROR))


class Selection(object):
    """What to read, from the module's options, checked before any request."""

    def __init__(self, params):
        self.sections = [section for section in SECTIONS if section in (params.get('sections') or [])]
        self.regions = [region for region in REGIONS if region in (params.get('regions') or [])]
        self.names = params.get('control_planes')
        self.format = params.get('format') or 'document'
        if params.get('managed_by') is not None and not MANAGED_BY_PATTERN.match(params['managed_by']):
            raise KonnectParameterError('managed_by: %r is not a valid owner name (letters, digits, ".", "_" and "-", at most 63, '
                                        'starting with a letter or digit).' % params['managed_by'])
        if self.format == 'deck':
            if 'control_planes' not in self.sections:
                raise KonnectParameterError('format: deck writes the gateway configuration of one control plane, but sections leaves out '
                                            'control_planes.')
            self.sections = ['control_planes']

    def wants(self, *sections):
        return any(section in self.sections for section in sections)

    def selects(self, control_plane):
        return self.names is None or control_plane['name'] in self.names


# -- reading ---------------------------------------------------------------------------------------

class Reader(object):
    """Reads lists from Konnect: every page of each, several lists at a time; one client per region."""

    def __init__(self, params, regions, warn, progress):
        self.clients = regional_clients(params, regions, warn, pool_size=READERS)
        self.progress = progress or (lambda message: None)
        self.reads = 0
        self.lock = threading.Lock()

    def lists(self, jobs):
        """``{key: items}`` for ``jobs``, each ``(key, region, path, pagination)``."""
        jobs = list(jobs)
        return dict(zip([job[0] for job in jobs], run_parallel(self.read, jobs, READERS)))

    def read(self, job):
        _key, region, path, pagination = job
        items = list(self.clients[region].paginate(path, pagination))
        with self.lock:
            self.reads += 1
        return items


def collection(kind, **scope):
    entity = get_entity(kind)
    return entity.collection_path(scope), entity.pagination


def core_lists():
    """(entity type, list path) of every gateway entity type, one list for the whole control plane, as the planner reads."""
    for kind in KINDS:
        if kind.level == GATEWAY and kind.name.startswith('gateway_') and kind.name != 'gateway_consumer_group_member':
            yield kind.name, (CORE_ENTITIES + kind.listing[0]) if kind.listing else get_entity(kind.name).collection


class Organization(object):
    """Everything the selection asks for, read in three rounds: the top lists, what hangs below them, and below that."""

    def __init__(self, reader, selection):
        self.reader = reader
        self.selection = selection
        self.lists = {}
        self.read_top()
        self.control_planes = self.selected_control_planes()

    def read(self):
        """What hangs below the top lists, once the control planes are chosen."""
        self.read_below()
        self.read_further_below()
        self.reader.progress('dump: %d lists read' % self.reader.reads)
        return self

    def read_top(self):
        jobs = []
        wanted = self.selection.wants
        for kind, plural, needed in (('team', 'teams', wanted('teams', 'system_accounts', 'identity_providers')),
                                     ('user', 'users', wanted('users')), ('system_account', 'system_accounts', wanted('system_accounts')),
                                     ('identity_provider', 'identity_providers', wanted('identity_providers'))):
            if needed:
                jobs.append((plural, GLOBAL) + collection(kind))
        if wanted('control_planes', 'teams', 'system_accounts'):  # role assignments name control planes
            jobs.extend((('control_planes', region), region) + collection('control_plane') for region in self.selection.regions)
        self.lists.update(self.reader.lists(jobs))

    def items(self, key):
        return self.lists.get(key) or []

    def all_control_planes(self):
        return [dict(item, region=region) for region in self.selection.regions for item in self.items(('control_planes', region))]

    def selected_control_planes(self):
        if not self.selection.wants('control_planes'):
            return []
        found = self.all_control_planes()
        missing = sorted(set(self.selection.names or ()) - set(item['name'] for item in found))
        if missing:
            raise KonnectParameterError('control_planes: no control plane named %s in %s.' % (
                ', '.join(repr(name) for name in missing), regions_text(self.selection.regions)))
        return sorted((item for item in found if self.selection.selects(item)), key=lambda item: (item['region'], item['name']))

    def teams(self):
        """The teams the document lists: Konnect's predefined (system) teams cannot be changed, so they are not."""
        return [team for team in self.items('teams') if not team.get('system_team')]

    def system_accounts(self):
        return [account for account in self.items('system_accounts') if not account.get('konnect_managed')]

    def read_below(self):
        jobs = []
        if self.selection.wants('teams'):
            for team in self.teams():
                jobs.append((('team_users', team['id']), GLOBAL) + collection('team_user', team=team['id']))
                jobs.append((('team_roles', team['id']), GLOBAL) + collection('team_role', team=team['id']))
        if self.selection.wants('system_accounts'):
            for team in self.items('teams'):
                jobs.append((('team_accounts', team['id']), GLOBAL) + collection('system_account_team', team=team['id']))
            for account in self.system_accounts():
                jobs.append((('account_roles', account['id']), GLOBAL) + collection('system_account_role', system_account=account['id']))
        if self.selection.wants('identity_providers'):
            for provider in self.items('identity_providers'):
                path, pagination = collection('identity_provider_team_group_mapping', identity_provider=provider['id'])
                jobs.append((('mappings', provider['id']), GLOBAL, path, pagination))
        for control_plane in self.control_planes:
            jobs.extend(self.control_plane_jobs(control_plane))
        self.lists.update(self.reader.lists(jobs))

    def control_plane_jobs(self, control_plane):
        region, identifier = control_plane['region'], control_plane['id']
        if cluster_type(control_plane) == GROUP:
            return [(('members', identifier), region, MEMBERSHIPS % identifier, 'cursor')]
        jobs = [(('config_stores', identifier), region) + collection('config_store', control_plane=identifier)]
        if self.has_gateway(control_plane):
            jobs.extend(((kind, identifier), region, path.replace('{control_plane}', identifier), 'offset') for kind, path in core_lists())
        return jobs

    @staticmethod
    def has_gateway(control_plane):
        """A group's configuration is its members', and the Kong Ingress Controller's is Kubernetes'."""
        return cluster_type(control_plane) not in (GROUP, KUBERNETES)

    def read_further_below(self):
        jobs = []
        for control_plane in self.control_planes:
            region, identifier = control_plane['region'], control_plane['id']
            for group in self.items(('gateway_consumer_group', identifier)):
                path, pagination = collection('gateway_consumer_group_member', control_plane=identifier, consumer_group=group['id'])
                jobs.append((('group_members', group['id']), region, path, pagination))
            for store in self.items(('config_stores', identifier)):
                path, pagination = collection('config_store_secret', control_plane=identifier, config_store=store['id'])
                jobs.append((('secrets', store['id']), region, path, pagination))
        self.lists.update(self.reader.lists(jobs))

    def gateway(self, control_plane):
        """The control plane's gateway entities, per entity type, without Konnect's own (tagged konnect-managed), as decK does."""
        identifier = control_plane['id']
        lists = dict((kind, [item for item in self.items((kind, identifier)) if not konnect_managed(item)]) for kind, _path in core_lists())
        members = dict((group['id'], self.items(('group_members', group['id']))) for group in lists['gateway_consumer_group'])
        return lists, members


def cluster_type(control_plane):
    return (control_plane.get('config') or {}).get('cluster_type')


def konnect_managed(item):
    return any(str(tag).startswith(KONNECT_MANAGED) for tag in item.get('tags') or [])


# -- from Konnect's answers to module options -------------------------------------------------------

def without_nulls(value):
    if isinstance(value, dict):
        return dict((key, without_nulls(item)) for key, item in value.items() if item is not None)
    if isinstance(value, list):
        return [without_nulls(item) for item in value]
    return value


def empty(value):
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def without_default(value, default, unordered=False):
    """``value`` less what equals Konnect's default (inside dicts too); None when nothing is left."""
    if value == default or (unordered and isinstance(value, list) and isinstance(default, list)
                            and sorted(map(canonical, value)) == sorted(map(canonical, default))):
        return None
    if isinstance(value, dict) and isinstance(default, dict):
        kept = {}
        for key, item in value.items():
            item = without_default(item, default[key]) if key in default else item
            if not empty(item):
                kept[key] = item
        return kept or None
    return value


def options_of(kind, item):
    """What of ``item``, as Konnect returns it, the ``kind`` module takes as options (secrets Konnect returns included),
    and the id; no nulls, no empty values, no Konnect defaults but those a decK file requires. References are the caller's."""
    entity = get_entity(kind)
    defaults = DEFAULTS.get(kind, {})
    required = deck.FIELDS[DECK_KINDS[kind]].get('required', ()) if kind in DECK_KINDS else ()
    options = {}
    for field in entity.fields:
        value = without_nulls(get_path(item, field.response_path))
        if field.name in defaults and field.name not in required:
            value = without_default(value, defaults[field.name], field.unordered)
        if field.shown and not empty(value):
            options[field.name] = value
    if options.get('tags'):
        options['tags'] = sorted(options['tags'])
    if item.get('id'):
        options['id'] = item['id']
    return options


def id_of(reference):
    return reference.get('id') if isinstance(reference, dict) else reference


def by_parent(items, field):
    """``{parent id: [items]}`` of a control-plane-wide list (targets by upstream, credentials by consumer)."""
    found = collections.defaultdict(list)
    for item in items:
        found[id_of(item.get(field))].append(item)
    return found


def sorted_by_key(section, entries):
    keys = SORT_KEYS.get(section, ('name',)) + ('id',)
    return sorted(entries, key=lambda entry: tuple('' if entry.get(key) is None else str(entry.get(key)) for key in keys))


class Gateway(object):
    """One control plane's gateway entities as the flat sections of an org document and of ``deck.load`` (ids kept,
    tags as they are, references by name where the entity has one), sorted by natural key."""

    def __init__(self, lists, members, notes, label):
        self.lists = lists
        self.members = members
        self.notes = notes
        self.label = label
        # Children by the id of their parent, from the lists of the whole control plane.
        self.children = dict((kind, by_parent(lists[kind], parent)) for kind, parent in
                             [('gateway_sni', 'certificate'), ('gateway_target', 'upstream')] + [(kind, 'consumer') for _s, kind, _k in CREDENTIALS])
        self.names = {
            'gateway_service': self.index('gateway_service', lambda item: item.get('name')),
            'gateway_route': self.index('gateway_route', lambda item: item.get('name')),
            'gateway_consumer': self.index('gateway_consumer', lambda item: item.get('username')),
            'gateway_consumer_group': self.index('gateway_consumer_group', lambda item: item.get('name')),
            'gateway_key_set': self.index('gateway_key_set', lambda item: item.get('name')),
        }

    def index(self, kind, name):
        return dict((item['id'], name(item)) for item in self.lists[kind] if item.get('id') and name(item))

    def name(self, kind, reference):
        """How a reference is written: the name of what it points to, else its id."""
        identifier = id_of(reference)
        return self.names[kind].get(identifier, identifier)

    def sections(self):
        sections = {}
        for section, kind, _key in SECTION_KINDS:
            entries = [self.entry(kind, item) for item in self.lists[kind]]
            entries = sorted_by_key(section, [entry for entry in entries if entry is not None])
            if entries:
                sections[section] = entries
        return sections

    def entry(self, kind, item):
        options = options_of(kind, item)
        if kind in ('gateway_service', 'gateway_route') and not options.get('name'):
            self.notes.append('%s: a %s without a name (id %s) is left out: neither an org document nor a decK file can name it.'
                              % (self.label, get_entity(kind).title, item.get('id')))
            return None
        builders = {'gateway_certificate': self.certificate, 'gateway_key': self.key, 'gateway_upstream': self.upstream,
                    'gateway_service': self.service, 'gateway_route': self.route, 'gateway_consumer': self.consumer,
                    'gateway_consumer_group': self.consumer_group, 'gateway_plugin': self.plugin}
        return builders[kind](item, options) if kind in builders else options

    def certificate(self, item, options):
        if 'key' not in options:
            self.notes.append('%s: certificate %s: Konnect did not return its key, so it is left out; add it before applying.'
                              % (self.label, item.get('id')))
        snis = [options_of('gateway_sni', sni) for sni in self.children['gateway_sni'].get(item['id'], [])]
        return self.with_children(options, 'snis', snis)

    def key(self, item, options):
        if item.get('set'):
            options['key_set'] = self.name('gateway_key_set', item['set'])
        return options

    def upstream(self, item, options):
        self.reference(options, item, 'client_certificate')
        targets = [options_of('gateway_target', target) for target in self.children['gateway_target'].get(item['id'], [])]
        return self.with_children(options, 'targets', targets)

    def service(self, item, options):
        self.reference(options, item, 'client_certificate')
        return options

    def route(self, item, options):
        if item.get('service'):
            options['service'] = self.name('gateway_service', item['service'])
        return options

    def consumer(self, item, options):
        for section, kind, _key in CREDENTIALS:
            credentials = self.children[kind].get(item['id'], [])
            options = self.with_children(options, section, [self.credential(kind, credential) for credential in credentials])
        return options

    def credential(self, kind, item):
        options = options_of(kind, item)
        self.reference(options, item, 'ca_certificate')
        return options

    def consumer_group(self, item, options):
        members = sorted(self.name('gateway_consumer', member) for member in self.members.get(item['id'], []))
        if members:
            options['members'] = members
        return options

    def plugin(self, item, options):
        for scope, kind in (('service', 'gateway_service'), ('route', 'gateway_route'), ('consumer', 'gateway_consumer'),
                            ('consumer_group', 'gateway_consumer_group')):
            if item.get(scope):
                options[scope] = self.name(kind, item[scope])
        return options

    @staticmethod
    def reference(options, item, field):
        """A reference to an entity without a name (a certificate): its id."""
        if id_of(item.get(field)):
            options[field] = id_of(item[field])

    @staticmethod
    def with_children(options, section, children):
        if children:
            options[section] = sorted_by_key(section, children)
        return options


# -- the decK file ---------------------------------------------------------------------------------

def the_one_control_plane(organization):
    """The control plane a decK file is written for: exactly one must be selected, with a gateway configuration of its own."""
    selected = organization.control_planes
    if not selected:
        found = 'none was found in %s' % regions_text(organization.selection.regions)
    else:
        found = '%d were found: %s' % (len(selected), ', '.join(label(control_plane) for control_plane in selected))
    if len(selected) != 1:
        raise KonnectParameterError('format: deck writes the gateway configuration of exactly one control plane, and %s; choose one with '
                                    'control_planes (and regions).' % found)
    control_plane = selected[0]
    if cluster_type(control_plane) == GROUP:
        raise KonnectParameterError("control_planes: '%s' is a control plane group, whose gateway configuration is its members'; "
                                    'dump a member instead.' % label(control_plane))
    if not organization.has_gateway(control_plane):
        raise KonnectParameterError("control_planes: '%s' is managed by the Kong Ingress Controller; its gateway configuration lives in "
                                    'Kubernetes resources.' % label(control_plane))
    return control_plane


def deck_document(organization, control_plane, notes):
    """The gateway configuration of ``control_plane`` as a decK 3.0 file (ownership tags as they are)."""
    lists, members = organization.gateway(control_plane)
    return deck.to_deck(Gateway(lists, members, notes, label(control_plane)).sections(), control_plane_name=control_plane['name'])


def label(control_plane):
    return '%s/%s' % (control_plane['region'], control_plane['name'])


def regions_text(regions):
    return 'region%s %s' % ('' if len(regions) == 1 else 's', ', '.join(regions) or '(none)')


# -- the organization document ---------------------------------------------------------------------

def org_document(organization, managed_by, notes):
    """The organization document: the sections selected, every list sorted by natural key."""
    managed_by = managed_by or found_managed_by(organization)
    builder = DocumentBuilder(organization, managed_by, notes)
    document = {'managed_by': managed_by}
    for section in organization.selection.sections:
        entries = getattr(builder, section)()
        if entries:
            document[section] = entries
    problems = document_problems(document)
    if problems:
        notes.append('apply would refuse this document until these are fixed: %s' % ' '.join(problems))
    return document


def found_managed_by(organization):
    """The owner most entities read are marked with (label managed-by, tag managed-by:<owner>), else konnect-dump."""
    owners = collections.Counter()
    for item in organization.teams() + organization.control_planes:
        owners[(item.get('labels') or {}).get(MANAGED_BY)] += 1
    for control_plane in organization.control_planes:
        for kind, _path in core_lists():
            for item in organization.items((kind, control_plane['id'])):
                owners.update(tag[len(MANAGED_BY_TAG):] for tag in item.get('tags') or [] if str(tag).startswith(MANAGED_BY_TAG))
    ranked = sorted(((-count, owner) for owner, count in owners.items() if owner and MANAGED_BY_PATTERN.match(owner)))
    return ranked[0][1] if ranked else DEFAULT_MANAGED_BY


def own_labels(entry, item):
    """Labels without the ownership marks apply adds (managed-by, protected) and those other tools own."""
    labels = dict((key, value) for key, value in sorted((item.get('labels') or {}).items())
                  if key not in (MANAGED_BY, PROTECTED) and not is_foreign(key) and value is not None)
    if labels:
        entry['labels'] = labels
    if (item.get('labels') or {}).get(PROTECTED) == 'true':
        entry[PROTECTED] = True
    return entry


def owned(entry):
    """A gateway entry as the org document gives it: no id; tags without managed-by:<owner> and protected (protected: true)."""
    out = dict((key, value) for key, value in entry.items() if key not in ('id', 'tags'))
    tags = entry.get('tags') or []
    kept = [tag for tag in tags if not str(tag).startswith(MANAGED_BY_TAG) and tag != PROTECTED]
    if kept:
        out['tags'] = kept
    if PROTECTED in tags:
        out[PROTECTED] = True
    for section in CHILDREN:
        if section in out:
            out[section] = [owned(child) for child in out[section]]
    return out


class DocumentBuilder(object):
    """The sections of the organization document, from what was read."""

    def __init__(self, organization, managed_by, notes):
        self.organization = organization
        self.managed_by = managed_by
        self.notes = notes
        self.team_names = dict((team['id'], team['name']) for team in organization.items('teams'))
        self.control_plane_names = dict(((item['region'], item['id']), item['name']) for item in organization.all_control_planes())

    def items(self, key):
        return self.organization.items(key)

    # -- identity --------------------------------------------------------------------------------

    def teams(self):
        system_teams = sorted(team['name'] for team in self.items('teams') if team.get('system_team'))
        if system_teams:
            self.notes.append("teams: Konnect's predefined teams are left out (they cannot be changed): %s." % ', '.join(system_teams))
        return sorted((self.team(team) for team in self.organization.teams()), key=lambda entry: entry['name'])

    def team(self, team):
        entry = {'name': team['name']}
        if team.get('description'):
            entry['description'] = team['description']
        own_labels(entry, team)
        users = sorted(user['email'] for user in self.items(('team_users', team['id'])) if user.get('email'))
        if users:
            entry['users'] = users
        return self.with_roles(entry, self.items(('team_roles', team['id'])))

    def with_roles(self, entry, roles):
        roles = sorted((self.role(role) for role in roles),
                       key=lambda role: tuple(str(role[key]) for key in ('role_name', 'entity_type_name', 'entity_region', 'entity')))
        if roles:
            entry['roles'] = roles
        return entry

    def role(self, role):
        """A role assignment; a control plane it applies to is named when it is one of a region read."""
        entity = role.get('entity_id')
        if role.get('entity_type_name') == 'Control Planes':
            entity = self.control_plane_names.get((role.get('entity_region'), entity), entity)
        return {'role_name': role['role_name'], 'entity_type_name': role['entity_type_name'], 'entity': entity,
                'entity_region': role['entity_region']}

    def users(self):
        users = [dict((key, user[key]) for key in ('email', 'full_name', 'preferred_name') if user.get(key)) for user in self.items('users')]
        return sorted(users, key=lambda user: user['email'].lower())

    def system_accounts(self):
        members = collections.defaultdict(list)
        for team in self.items('teams'):
            for account in self.items(('team_accounts', team['id'])):
                members[account.get('id')].append(team['name'])
        accounts = []
        for account in self.organization.system_accounts():
            entry = {'name': account['name']}
            if account.get('description'):
                entry['description'] = account['description']
            if members.get(account['id']):
                entry['teams'] = sorted(members[account['id']])
            accounts.append(self.with_roles(entry, self.items(('account_roles', account['id']))))
        return sorted(accounts, key=lambda entry: entry['name'])

    def identity_providers(self):
        providers = []
        for provider in self.items('identity_providers'):
            options = options_of('identity_provider', provider)
            entry = dict((key, value) for key, value in options.items() if key not in ('id', 'config'))
            config = dict((key, value) for key, value in (options.get('config') or {}).items() if key in CONFIG_OPTIONS and key != 'client_secret')
            if config:
                entry['config'] = config
            mappings = [{'team': self.team_names.get(mapping.get('team_id'), mapping.get('team_id')), 'group': mapping['group']}
                        for mapping in self.items(('mappings', provider['id']))]
            if mappings:
                entry['team_mappings'] = sorted(mappings, key=lambda mapping: (mapping['team'], mapping['group']))
            providers.append(entry)
        return sorted(providers, key=lambda entry: entry['type'])

    # -- control planes --------------------------------------------------------------------------

    def control_planes(self):
        return [self.control_plane(control_plane) for control_plane in self.organization.control_planes]

    def control_plane(self, control_plane):
        config = control_plane.get('config') or {}
        entry = {'name': control_plane['name'], 'region': control_plane['region']}
        if control_plane.get('description'):
            entry['description'] = control_plane['description']
        if cluster_type(control_plane) == GROUP:
            entry['cluster_type'] = GROUP
        elif cluster_type(control_plane) not in (None, 'CLUSTER_TYPE_CONTROL_PLANE', KUBERNETES):
            self.notes.append('%s: a control plane of type %s, written as a plain one (an org document cannot create that type).'
                              % (label(control_plane), cluster_type(control_plane)))
        for key in ('auth_type', 'proxy_urls'):
            if not empty(config.get(key)):
                entry[key] = without_nulls(config[key])
        own_labels(entry, control_plane)
        if cluster_type(control_plane) == GROUP:
            self.members(entry, control_plane)
        self.config_stores(entry, control_plane)
        if self.organization.has_gateway(control_plane):
            self.gateway(entry, control_plane)
        elif cluster_type(control_plane) == KUBERNETES:
            self.notes.append('%s: managed by the Kong Ingress Controller; its gateway configuration (Kubernetes resources) is left out.'
                              % label(control_plane))
        return entry

    def members(self, entry, group):
        dumped = set(cp['id'] for cp in self.organization.control_planes if cp['region'] == group['region'])
        members = self.items(('members', group['id']))
        names = sorted(member['name'] for member in members if member.get('id') in dumped and member.get('name'))
        left_out = sorted(member.get('name') or member.get('id') for member in members if member.get('id') not in dumped)
        if names:
            entry['members'] = names
        if left_out:
            self.notes.append('%s: members not in this document are left out of members: %s.' % (label(group), ', '.join(left_out)))

    def config_stores(self, entry, control_plane):
        stores = sorted(self.items(('config_stores', control_plane['id'])), key=lambda store: store.get('name') or '')
        if stores:
            entry['config_stores'] = [{'name': store['name']} for store in stores]
        for store in stores:
            keys = sorted(secret.get('key') for secret in self.items(('secrets', store['id'])) if secret.get('key'))
            if keys:
                self.notes.append('%s: config store %s: the secrets %s are left out: Konnect never returns their values.'
                                  % (label(control_plane), store['name'], ', '.join(keys)))

    def gateway(self, entry, control_plane):
        """The gateway sections of the document; a decK file (gateway) instead when they cannot hold this configuration, or
        when applying them would write ownership tags (entities not tagged managed-by:<owner>), since a decK file's tags
        are compared as they are."""
        lists, members = self.organization.gateway(control_plane)
        flat = Gateway(lists, members, self.notes, label(control_plane)).sections()
        sections = dict((section, [owned(item) for item in items]) for section, items in flat.items())
        problems = document_problems({'managed_by': self.managed_by, 'control_planes': [dict(sections, name=entry['name'], region=entry['region'])]},
                                     root=label(control_plane))  # e.g. us/edge.control_planes[0].plugins[0]: 'instance_name' is a required property
        untagged = untagged_entities(flat, MANAGED_BY_TAG + self.managed_by)
        if untagged:
            problems.append('%d of its gateway entities are not tagged %s%s, which the sections would add.' % (
                untagged, MANAGED_BY_TAG, self.managed_by))
        # The tags every entity carries are the file's select tags: what prune may delete stays what they mark.
        deck_file = deck.to_deck(flat, select_tags=common_tags(flat)) if problems else None
        if deck_file is None or not valid_deck(deck_file, label(control_plane)):
            entry.update(sections)  # when neither form holds it, the sections, with what apply would refuse in the notes
            return
        entry['gateway'] = deck_file
        self.notes.append('%s: given as a decK file (gateway), whose tags are compared as they are: %s' % (label(control_plane), '; '.join(problems)))


def entries_of(flat):
    """Every entry of the flat sections, children (SNIs, targets, credentials) included."""
    for entries in flat.values():
        for entry in entries:
            yield entry
            yield from entries_of(dict((section, entry[section]) for section in CHILDREN if section in entry))


def common_tags(flat):
    tags = None
    for entry in entries_of(flat):
        tags = set(entry.get('tags') or []) if tags is None else tags & set(entry.get('tags') or [])
    return sorted(tags or [])


def untagged_entities(flat, tag):
    """How many entries of the flat sections (children included) do not carry ``tag``."""
    return len([entry for entry in entries_of(flat) if tag not in (entry.get('tags') or [])])


def valid_deck(document, where):
    try:
        deck.load(document, {}, where)
    except deck.DeckError:
        return False
    return True


# -- output ----------------------------------------------------------------------------------------

def holds_secrets(document):
    """Whether the document (or decK file) holds credentials: a key, a password hash, a private key."""
    if not isinstance(document, dict):
        return False
    if '_format_version' in document:
        return any_secret(document)
    return any(any_secret(control_plane) for control_plane in document.get('control_planes') or [])


def any_secret(value):
    if isinstance(value, dict):
        return any((key in SECRET_NAMES and not empty(item)) or any_secret(item) for key, item in value.items())
    if isinstance(value, list):
        return any(any_secret(item) for item in value)
    return False


if yaml is not None:
    class BlockDumper(yaml.SafeDumper):  # pylint: disable=too-many-ancestors
        """Multi-line strings (certificates, keys) as literal blocks."""

    def _block_strings(dumper, value):
        return dumper.represent_scalar('tag:yaml.org,2002:str', value, style='|' if '\n' in value else None)

    BlockDumper.add_representer(str, _block_strings)


def as_yaml(document):
    return HEADER + yaml.dump(document, Dumper=BlockDumper, default_flow_style=False, sort_keys=False, allow_unicode=True, width=160)


def write_file(path, text, check_mode):
    """Write ``text`` to ``path`` (mode 0600, a missing directory 0700) unless it holds it already; True if it changes."""
    try:
        changed = read_text(path) != text or (os.stat(path).st_mode & 0o777) != 0o600
        if changed and not check_mode:
            replace_private(path, text)
    except (IOError, OSError) as exc:
        raise KonnectParameterError('dest: cannot write %s: %s.' % (path, exc.strerror or exc))
    return changed


def read_text(path):
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return handle.read()


def replace_private(path, text):
    """A new file (mode 0600) in the directory, then renamed over ``path``: a reader never sees half of it."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        os.makedirs(directory, 0o700)
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix='.%s.' % os.path.basename(path))
    try:
        with os.fdopen(descriptor, 'w') as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
