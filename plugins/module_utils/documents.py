# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""An organization document (the ``org_bootstrap`` role's ``konnect_org``) as the planner's nodes.

Each entry becomes a ``planner.Node`` holding the options its module would take; ownership marks
(``managed-by`` labels and tags, ``protected``) are added here, and so are the prune scopes that say
what ``prune`` may delete. A control plane's gateway configuration may also come from a decK file
(``gateway`` / ``gateway_file``): then its ``_info.select_tags`` are the ownership scope.
"""

from __future__ import annotations

import os

from ansible_collections.konnect.konnect.plugins.module_utils.org_schema import PROTECTED, PUBLISHING
from ansible_collections.konnect.konnect.plugins.module_utils.planner import GLOBAL, Node, PruneScope
from ansible_collections.konnect.konnect.plugins.module_utils.special import generate_certificate, write_private

GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'

# The options of each gateway section's entries, as the module takes them (children are read separately).
SECTION_KINDS = (
    ('vaults', 'gateway_vault', 'prefix'),
    ('ca_certificates', 'gateway_ca_certificate', None),
    ('certificates', 'gateway_certificate', None),
    ('key_sets', 'gateway_key_set', 'name'),
    ('keys', 'gateway_key', 'name'),
    ('partials', 'gateway_partial', 'name'),
    ('upstreams', 'gateway_upstream', 'name'),
    ('services', 'gateway_service', 'name'),
    ('routes', 'gateway_route', 'name'),
    ('consumers', 'gateway_consumer', 'username'),
    ('consumer_groups', 'gateway_consumer_group', 'name'),
    ('plugins', 'gateway_plugin', None),
)
CREDENTIALS = (
    ('keyauth_credentials', 'gateway_key_auth', None),
    ('basicauth_credentials', 'gateway_basic_auth', 'username'),
    ('hmacauth_credentials', 'gateway_hmac_auth', 'username'),
    ('jwt_secrets', 'gateway_jwt', 'key'),
    ('acls', 'gateway_acl', 'group'),
    ('mtls_auth_credentials', 'gateway_mtls_auth', 'subject_name'),
)
FILE_KEYS = frozenset(('cert_path', 'key_path'))  # read on the controller into cert and key (see prepare)
CHILD_KEYS = frozenset(['snis', 'targets', 'members', 'protected'] + [section for section, _kind, _key in CREDENTIALS])
# What pruning deletes of an organization document's own gateway sections (as the role always did), and of a decK section.
DOCUMENT_PRUNED = ('gateway_vault', 'gateway_ca_certificate', 'gateway_certificate', 'gateway_sni', 'gateway_upstream',
                   'gateway_service', 'gateway_route', 'gateway_consumer', 'gateway_consumer_group', 'gateway_plugin')
DOCUMENT_PRUNED_CHILDREN = {'gateway_upstream': ('gateway_target',), 'gateway_consumer': ('gateway_key_auth', 'gateway_basic_auth', 'gateway_acl')}
DECK_PRUNED = DOCUMENT_PRUNED + ('gateway_key_set', 'gateway_key', 'gateway_partial')
DECK_PRUNED_CHILDREN = {'gateway_upstream': ('gateway_target',),
                        'gateway_consumer': ('gateway_key_auth', 'gateway_basic_auth', 'gateway_hmac_auth', 'gateway_jwt', 'gateway_acl',
                                             'gateway_mtls_auth')}


class Files(object):
    """Files the document names on the controller; key pairs generated in this run are read from memory (check mode
    writes nothing, yet a certificate that names a generated file is still planned)."""

    def __init__(self):
        self.generated = {}

    def read(self, path):
        if path in self.generated:
            return self.generated[path]
        with open(path) as handle:
            return handle.read()

    def exists(self, path):
        return path in self.generated or os.path.isfile(path)

    def write(self, path, text, check_mode):
        self.generated[path] = text
        if not check_mode and path:
            directory = os.path.dirname(path)
            if directory and not os.path.isdir(directory):
                os.makedirs(directory, 0o700)
            write_private(path, text)


class OrgDocument(object):
    """Builds the nodes and prune scopes of one organization document."""

    def __init__(self, document, decks=None):
        self.document = document
        self.decks = decks or {}  # control plane index -> loaded decK file (sections, select_tags)
        self.managed_by = document['managed_by']
        self.prune = bool(document.get('prune'))
        self.nodes = []
        self.scopes = []
        self.files = Files()
        self.teams = {}
        self.system_accounts = {}
        self.control_planes = {}

    # -- building --------------------------------------------------------------------------------

    def build(self):
        self.identity()
        for index, control_plane in enumerate(self.document.get('control_planes') or []):
            self.control_plane(index, control_plane)
        for index, control_plane in enumerate(self.document.get('control_planes') or []):
            if control_plane.get('members'):
                self.memberships(index, control_plane)
        self.access()
        for section in PUBLISHING:
            for index, entry in enumerate(self.document.get(section.name) or []):
                region = entry['region'] if section.regional else GLOBAL
                self.publishing(section, entry, 'konnect_org.%s[%d]' % (section.name, index), region)
        self.link_names()
        self.prune_owned()
        return self

    def add(self, kind, params, label, path, **kwargs):
        node = Node(kind, dict((name, value) for name, value in params.items() if value is not None), label, path, **kwargs)
        self.nodes.append(node)
        return node

    def owned_labels(self, entry):
        labels = dict(entry.get('labels') or {}, **{'managed-by': self.managed_by})
        if entry.get(PROTECTED) is not None:
            labels[PROTECTED] = 'true' if entry[PROTECTED] else 'false'
        return labels

    def owned_tags(self, entry):
        tags = list(entry.get('tags') or []) + ['managed-by:%s' % self.managed_by]
        return tags + [PROTECTED] if entry.get(PROTECTED) else tags

    def identity(self):
        doc = self.document
        for i, team in enumerate(doc.get('teams') or []):
            self.teams[team['name']] = self.add('team', {'name': team['name'], 'description': team.get('description'),
                                                         'labels': self.owned_labels(team)}, team['name'], 'konnect_org.teams[%d]' % i)
        for i, user in enumerate(doc.get('users') or []):
            self.add('user', dict((key, user.get(key)) for key in ('email', 'full_name', 'preferred_name')), user['email'].lower(),
                     'konnect_org.users[%d]' % i)
        for i, team in enumerate(doc.get('teams') or []):
            for j, email in enumerate(team.get('users') or []):
                self.add('team_user', {'user': email}, '%s/%s' % (team['name'], email.lower()), 'konnect_org.teams[%d].users[%d]' % (i, j),
                         parent=self.teams[team['name']])
        for i, account in enumerate(doc.get('system_accounts') or []):
            path = 'konnect_org.system_accounts[%d]' % i
            node = self.add('system_account', {'name': account['name'], 'description': account.get('description')}, account['name'], path)
            for j, team in enumerate(account.get('teams') or []):
                self.add('system_account_team', {'system_account': node}, '%s/%s' % (team, account['name']), '%s.teams[%d]' % (path, j),
                         parent=self.team(team))
            for j, token in enumerate(account.get('tokens') or []):
                token_node = self.add('system_account_access_token', {'name': token['name'], 'expires_at': token['expires_at'],
                                                                      'rotate_before_days': token.get('rotate_before_days')},
                                      '%s/%s' % (account['name'], token['name']), '%s.tokens[%d]' % (path, j), parent=node)
                token_node.extra['token_file'] = token.get('token_file')
            self.system_accounts[account['name']] = node
        for i, provider in enumerate(doc.get('identity_providers') or []):
            path = 'konnect_org.identity_providers[%d]' % i
            node = self.add('identity_provider', dict((key, provider.get(key)) for key in ('type', 'enabled', 'login_path', 'config')),
                            provider['type'], path)
            for j, mapping in enumerate(provider.get('team_mappings') or []):
                self.add('identity_provider_team_group_mapping', {'team': mapping['team'], 'group': mapping['group']},
                         '%s/%s/%s' % (provider['type'], mapping['group'], mapping['team']), '%s.team_mappings[%d]' % (path, j), parent=node)
        if self.prune:
            self.scopes.append(PruneScope('team', self.owns_labels, self.protected_labels))

    def team(self, name):
        """The node of a team: the document's, or one that must exist already (looked up, never changed)."""
        if name not in self.teams:
            node = Node('team', {'name': name}, name, 'team %r' % name)
            node.lookup_only = True
            self.nodes.append(node)
            self.teams[name] = node
        return self.teams[name]

    def control_plane(self, index, entry):
        path = 'konnect_org.control_planes[%d]' % index
        region = entry['region']
        params = dict((key, entry.get(key)) for key in ('name', 'description', 'cluster_type', 'auth_type', 'cloud_gateway', 'proxy_urls'))
        params['labels'] = self.owned_labels(entry)
        label = '%s/%s' % (region, entry['name'])
        node = self.add('control_plane', params, label, path, region=region)
        self.control_planes[(region, entry['name'])] = node
        for j, certificate in enumerate(entry.get('dp_certificates') or []):
            cert = self.add('dp_client_certificate', {'title': certificate['title'], 'cert': certificate.get('cert')},
                            '%s/dp_certificates[%d]' % (label, j), '%s.dp_certificates[%d]' % (path, j), region=region, parent=node)
            cert.extra.update((key, certificate.get(key)) for key in ('cert_path', 'key_path', 'generate'))
        for j, store in enumerate(entry.get('config_stores') or []):
            store_node = self.add('config_store', {'name': store['name']}, '%s/%s' % (label, store['name']),
                                  '%s.config_stores[%d]' % (path, j), region=region, parent=node)
            for k, secret in enumerate(store.get('secrets') or []):
                self.add('config_store_secret', {'key': secret['key'], 'value': secret['value']}, '%s/%s/%s' % (label, store['name'], secret['key']),
                         '%s.config_stores[%d].secrets[%d]' % (path, j, k), region=region, parent=store_node)
        if index in self.decks:
            deck = self.decks[index]
            self.gateway(node, deck['sections'], '%s.gateway' % path, tags=lambda item: item.get('tags'))
            self.prune_gateway(node, DECK_PRUNED, DECK_PRUNED_CHILDREN, self.owns_select_tags(deck.get('select_tags') or []))
        else:
            self.gateway(node, entry, path, tags=self.owned_tags)
            if entry.get('cluster_type') in (None, 'CLUSTER_TYPE_CONTROL_PLANE'):
                self.prune_gateway(node, DOCUMENT_PRUNED, DOCUMENT_PRUNED_CHILDREN, self.owns_tag)
        if self.prune and not any(scope.kind.name == 'control_plane' and scope.region == region for scope in self.scopes):
            self.scopes.append(PruneScope('control_plane', self.owns_labels, self.protected_labels, region=region))

    def memberships(self, index, entry):
        group = self.control_planes[(entry['region'], entry['name'])]
        members = [self.control_planes[(entry['region'], name)] for name in entry['members']]
        self.add('control_plane_membership', {'members': members}, group.label, 'konnect_org.control_planes[%d].members' % index,
                 region=entry['region'], parent=group)

    # -- gateway configuration -------------------------------------------------------------------

    def gateway(self, control_plane, sections, path, tags):
        """The gateway entities of one control plane, from the document's sections or from a decK file's."""
        for section, kind, key in SECTION_KINDS:
            for j, entry in enumerate(sections.get(section) or []):
                where = '%s.%s[%d]' % (path, section, j)
                label = '%s/%s' % (control_plane.label, entry_label(entry, key, section, j))
                node = self.add(kind, self.options(entry, tags), label, where, region=control_plane.region, parent=control_plane)
                self.children(node, entry, where, tags)

    def options(self, entry, tags):
        params = dict((name, value) for name, value in entry.items() if name not in CHILD_KEYS and name not in FILE_KEYS)
        params['tags'] = tags(entry)
        if params['tags'] is None:
            params.pop('tags')
        if entry.get(PROTECTED) is False:
            params['purge_tags'] = True  # the protected tag goes
        return params

    def children(self, node, entry, where, tags):
        region, parent_label = node.region, node.label
        if node.name in ('gateway_certificate', 'gateway_ca_certificate'):
            node.extra.update(cert_path=entry.get('cert_path'), key_path=entry.get('key_path'))
        for j, sni in enumerate(entry.get('snis') or []):
            self.add('gateway_sni', dict(self.options(sni, tags), certificate=node), '%s/%s' % (node.parent.label, sni['name']),
                     '%s.snis[%d]' % (where, j), region=region, parent=node.parent)
        for j, target in enumerate(entry.get('targets') or []):
            self.add('gateway_target', self.options(target, tags), '%s/%s' % (parent_label, target['target']), '%s.targets[%d]' % (where, j),
                     region=region, parent=node)
        for j, member in enumerate(entry.get('members') or []):
            self.add('gateway_consumer_group_member', {'consumer': member}, '%s/%s' % (parent_label, member), '%s.members[%d]' % (where, j),
                     region=region, parent=node)
        for section, kind, key in CREDENTIALS:
            for j, credential in enumerate(entry.get(section) or []):
                label = '%s/%s' % (parent_label, credential[key] if key else '%s[%d]' % (section, j))
                self.add(kind, self.options(credential, tags), label, '%s.%s[%d]' % (where, section, j), region=region, parent=node)

    def prune_gateway(self, control_plane, kinds, children, owned):
        if not self.prune:
            return
        for kind in kinds:
            self.scopes.append(PruneScope(kind, owned, self.protected_tag, parent=control_plane, region=control_plane.region))
        for node in list(self.nodes):
            if node.parent is control_plane and node.name in children:
                for kind in children[node.name]:
                    self.scopes.append(PruneScope(kind, owned, self.protected_tag, parent=node, region=control_plane.region))

    # -- auth strategies, APIs and portals -----------------------------------------------------------

    def publishing(self, section, entry, where, region, parent=None, nested_in=None):
        """The node of one entry of ``section`` and, below it, the nodes of its children (and of its nested entries)."""
        params = dict((name, value) for name, value in entry.items() if name not in section.child_keys)
        if section.owned:
            params['labels'] = self.owned_labels(entry)
        if nested_in is not None:
            params[section.nested_option] = nested_in
        if section.kind in REGION_OPTIONS:
            params.setdefault(REGION_OPTIONS[section.kind], region)
        above = nested_in or parent
        label = '/'.join([above.label if above is not None else region] + [str(entry[name]) for name in section.key if entry.get(name)])
        node = self.add(section.kind, params, label, where, region=region, parent=parent)
        if section.secret_file:
            node.extra['token_file'] = entry.get(section.secret_file)
        for child in section.children:
            if child.name not in entry:
                continue
            entries = [entry[child.name]] if child.single else entry[child.name] or []
            for index, item in enumerate(entries):
                self.publishing(child, child.entry(item), where + '.' + child.name + ('' if child.single else '[%d]' % index), region, parent=node)
            if child.listed and self.prune:
                self.scopes.append(PruneScope(child.kind, everything, never, parent=node, region=region))
        for index, item in enumerate(entry.get(section.nested) or [] if section.nested else []):
            self.publishing(section, item, '%s.%s[%d]' % (where, section.nested, index), region, parent=parent, nested_in=node)
        return node

    def link_names(self):
        """Options that name an entity of the document (a publication's portal, a role's API, an implementation's control
        plane and service, a cloud gateway configuration's networks) stand for its node, so that a plan sees it before it
        exists."""
        named = {}
        for node in self.nodes:
            name = node.params.get('name')
            if isinstance(name, str) and not node.lookup_only:
                named.setdefault((node.region, node.name, name, node.parent), []).append(node)
        for node in self.nodes:
            for option, kind, below in NAME_LINKS.get(node.name, ()):
                parent = self.link_parent(node, below)
                for holder, key in option_slots(node.params, option):
                    value = holder[key]
                    found = (named.get((node.region, kind, value, parent)) or named.get((GLOBAL, kind, value, parent)) or []
                             if isinstance(value, str) else [])
                    if len(found) == 1:
                        holder[key] = found[0]

    @staticmethod
    def link_parent(node, below):
        """The node an option's entity hangs below: none, or the one the option ``below`` names (a service's control plane)."""
        if below is None:
            return None
        value = node.params.get(below)
        return value if isinstance(value, Node) else object()

    def prune_owned(self):
        """Owned (labelled) top-level entities, strategies to auth servers, are pruned in every region the document names."""
        if not self.prune:
            return
        regions = sorted(set(entry['region'] for name in ['control_planes'] + [section.name for section in PUBLISHING if section.regional]
                             for entry in self.document.get(name) or []))
        for section in PUBLISHING:
            for region in regions if section.owned else ():
                self.scopes.append(PruneScope(section.kind, self.owns_labels, self.protected_labels, region=region))

    def access(self):
        for section in ('teams', 'system_accounts'):
            for i, owner in enumerate(self.document.get(section) or []):
                parent = self.teams[owner['name']] if section == 'teams' else self.system_accounts[owner['name']]
                kind = 'team_role' if section == 'teams' else 'system_account_role'
                for j, role in enumerate(owner.get('roles') or []):
                    params = {'role_name': role['role_name'], 'entity_type_name': role.get('entity_type_name') or 'Control Planes',
                              'entity': role['entity'], 'entity_region': role['entity_region']}
                    label = '%s/%s on %s/%s' % (owner['name'], role['role_name'], role['entity_region'], role['entity'])
                    self.add(kind, params, label, 'konnect_org.%s[%d].roles[%d]' % (section, i, j), parent=parent)

    # -- ownership -------------------------------------------------------------------------------

    def owns_labels(self, item):
        return (item.get('labels') or {}).get('managed-by') == self.managed_by

    @staticmethod
    def protected_labels(item):
        return (item.get('labels') or {}).get(PROTECTED) == 'true'

    def owns_tag(self, item):
        return 'managed-by:%s' % self.managed_by in (item.get('tags') or [])

    @staticmethod
    def owns_select_tags(select_tags):
        return lambda item: all(tag in (item.get('tags') or []) for tag in select_tags)

    @staticmethod
    def protected_tag(item):
        return PROTECTED in (item.get('tags') or [])

    # -- files -----------------------------------------------------------------------------------

    def prepare(self, node, check_mode):
        """Options that come from files on the controller: certificates and keys; a data-plane key pair generated once."""
        if node.name == 'dp_client_certificate' and not node.params.get('cert'):
            node.params['cert'] = self.data_plane_certificate(node, check_mode)
        elif node.name in ('gateway_certificate', 'gateway_ca_certificate'):
            for option in ('cert', 'key'):
                path = node.extra.get(option + '_path')
                if path and node.params.get(option) is None:
                    node.params[option] = self.files.read(path)

    def data_plane_certificate(self, node, check_mode):
        cert_path, key_path = node.extra.get('cert_path'), node.extra.get('key_path')
        if cert_path and self.files.exists(cert_path):
            return self.files.read(cert_path)
        if not node.extra.get('generate'):
            return None
        existing_key = self.files.read(key_path) if key_path and self.files.exists(key_path) else None
        cert, key = generate_certificate('kong-data-plane', 365, existing_key)  # a key written without its certificate is kept
        self.files.write(key_path, key, check_mode)
        self.files.write(cert_path, cert, check_mode)
        node.extra['generated'] = True
        return cert


# Options that name another entity of the document: (option, its kind, the option naming what it hangs below).
NAME_LINKS = {
    'api_publication': (('portal', 'portal', None),),
    'api_implementation': (('control_plane', 'control_plane', None), ('service', 'gateway_service', 'control_plane')),
    'portal_team_role': (('api', 'api', None),),
    'portal_application_registration': (('api', 'api', None),),
    'audit_log_webhook': (('audit_log_destination', 'audit_log_destination', None),),
    'cloud_gateway_configuration': (('control_plane', 'control_plane', None), ('dataplane_groups[].network', 'cloud_gateway_network', None)),
}


# Options that name a region, by default the region of the entry they are in (a team's role on an API).
REGION_OPTIONS = {'portal_team_role': 'entity_region', 'cloud_gateway_configuration': 'control_plane_geo'}


def option_slots(params, option):
    """``(holder, key)`` of every place ``option`` is set in ``params``: ``name``, or ``list[].name`` for each item of a list
    (which is copied first, so that linking never changes the document itself)."""
    if '[].' not in option:
        return [(params, option)] if option in params else []
    outer, inner = option.split('[].', 1)
    if not isinstance(params.get(outer), list):
        return []
    params[outer] = [dict(item) if isinstance(item, dict) else item for item in params[outer]]
    return [(item, inner) for item in params[outer] if isinstance(item, dict) and inner in item]


def everything(_item):
    return True


def never(_item):
    return False


def entry_label(entry, key, section, index):
    """How ``ids`` and messages name a gateway entry: its natural key, a plugin's instance name or its name and scope,
    else its place in the document (a certificate has no name, and a key-auth key is a secret)."""
    if key and entry.get(key):
        return str(entry[key])
    if section != 'plugins':
        return '%s[%d]' % (section, index)
    if entry.get('instance_name'):
        return entry['instance_name']
    scope = ', '.join('%s=%s' % (name, entry[name]) for name in ('service', 'route', 'consumer', 'consumer_group') if entry.get(name))
    return '%s (%s)' % (entry['name'], scope) if scope else entry['name']


def write_token(node, check_mode):
    """A minted token (or a client's secret) goes to its token_file (mode 0600, directory 0700), or nowhere."""
    path = node.extra.get('token_file')
    if path and node.extra.get('minted') and not check_mode:
        Files().write(path, node.extra['minted'], check_mode)
