# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
name: dp_nodes
short_description: Data-plane nodes of Kong Konnect control planes as an inventory
version_added: 0.1.0
description:
  - The hosts are the data-plane nodes Konnect knows of, in the control planes and regions chosen, named by the host name
    each node reports (its node id when it reports none).
  - Two nodes with the same host name (a node re-created under the same name whose old record Konnect still keeps, or two
    control planes served from one machine) cannot both have it. The node Konnect heard from most recently keeps the host
    name; each other one is named C(<hostname>_<node id>). Every host carries its reported name in C(konnect_hostname), so
    O(compose) can set C(ansible_host) from it.
  - 'Host variables: C(konnect_node_id), C(konnect_hostname), C(konnect_version) (the Kong Gateway version), C(konnect_type)
    (the kind of node, for example C(kong-proxy)), C(konnect_last_ping) (epoch seconds), C(konnect_config_hash),
    C(konnect_expected_config_hash) (the control plane''s, which a node in sync reports), C(konnect_config_in_sync)
    (whether the two are equal; null when either is unknown),
    C(konnect_compatibility_state) and C(konnect_compatibility_issues) (Konnect''s compatibility status of the node: each
    issue with C(code), C(severity), C(description), C(resolution), C(affected_resources), C(documentation_url)),
    C(konnect_eol) (Konnect''s end-of-life notice for the node''s version, C(version) and C(message), or null),
    C(konnect_control_plane) (C(id), C(name), C(region), C(cluster_type)) and C(konnect_control_plane_labels).'
  - 'Groups, always: C(konnect_region_<region>), C(konnect_control_plane_<name>) and C(konnect_version_<version>), with every
    character other than letters, digits and C(_) replaced by C(_) (C(konnect_version_3_9_1_0)). O(keyed_groups), O(groups)
    and O(compose) add more, as with every constructed inventory.'
  - 'The inventory source is a YAML file whose name ends in C(konnect.yml) or C(konnect.yaml) (C(konnect.yml),
    C(prod.konnect.yml)) with C(plugin: konnect.konnect.dp_nodes).'
  - Reads the control planes of each region, then the nodes, end-of-life notices and expected config hash of each chosen
    control plane, the regions and control planes in parallel. Nothing is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection.plugins
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
options:
  plugin:
    description: The name of this plugin; the inventory source must say it to be read by it.
    type: str
    required: true
    choices: [konnect.konnect.dp_nodes]
  regions:
    description:
      - The Konnect regions whose control planes are read.
    type: list
    elements: str
    choices: [us, eu, au, me, in, sg]
    default: [us, eu, au, me, in, sg]
  konnect_region:
    description:
      - Not used by this inventory, which reads the regions of O(regions).
      - Declared because the connection options, and their environment variables such as E(KONNECT_REGION), are shared
        with the modules and the collection's other plugins.
    type: str
    choices: [us, eu, au, me, in, sg]
    default: us
  control_planes:
    description:
      - The control planes whose nodes are hosts, each by name or by id. All control planes of the chosen regions when empty.
      - A control plane named here that no chosen region has is reported as a warning (an error with O(strict)).
      - Combined with O(control_plane_labels), a control plane must be named here and carry the labels.
    type: list
    elements: str
    default: []
  control_plane_labels:
    description:
      - A label selector for the control planes, the C(labels) filter of Konnect's list of control planes.
      - Each key given must be a label of the control plane; with a value, the label must have that value; with an empty
        value (C(~) or C("")), any value.
    type: dict
    default: {}
  not_seen_for:
    description:
      - Leave out the nodes Konnect has not heard from (their last ping) for at least this many seconds.
      - The name and the meaning are those of the O(konnect.konnect.dp_node#module:not_seen_for) option that deletes such
        records.
      - Applied when the inventory is read, also to a cached read.
    type: int
notes:
  - The cache (O(cache)) keeps the nodes of the control planes chosen; a read of the cache sends no request. A cache
    written for other O(regions), O(control_planes), O(control_plane_labels) or another API URL is not used.
seealso:
  - module: konnect.konnect.dp_node_info
  - module: konnect.konnect.dp_node
'''

EXAMPLES = r'''
# prod.konnect.yml: every node of every control plane (the token from KONNECT_TOKEN)
plugin: konnect.konnect.dp_nodes

---
# eu.konnect.yml: the nodes of two control planes in the EU region, seen in the last 10 minutes
plugin: konnect.konnect.dp_nodes
regions: [eu]
control_planes: [orders-prod, 5f0a6a7e-1d8e-4b8e-9d57-8e2f0c6f1f3b]
not_seen_for: 600

---
# labels.konnect.yml: the control planes labelled env=prod and with a label team, groups and variables of your own
plugin: konnect.konnect.dp_nodes
control_plane_labels:
  env: prod
  team:
keyed_groups:
  - key: konnect_control_plane_labels.team
    prefix: team
  - key: konnect_compatibility_state
    prefix: compatibility
groups:
  outdated: konnect_version is version('3.9', '<')
compose:
  ansible_host: konnect_hostname
  ansible_user: "'kong'"
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/konnect-inventory
cache_timeout: 300

# ansible-inventory -i prod.konnect.yml --graph
'''

import re
import time

from ansible.errors import AnsibleParserError
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.utils.display import Display

from ansible_collections.konnect.konnect.plugins.module_utils.client import run_parallel
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError
from ansible_collections.konnect.konnect.plugins.module_utils.plugin_connection import connection_params, plugin_clients
from ansible_collections.konnect.konnect.plugins.module_utils.special import not_seen_for

display = Display()

SOURCE_ENDINGS = ('konnect.yml', 'konnect.yaml')
PARALLEL_REQUESTS = 6
CACHE_FORMAT = 1
EXPECTED_HASH = '/v2/control-planes/%s/expected-config-hash'
UNSAFE_GROUP_CHARACTERS = re.compile(r'[^A-Za-z0-9_]')


def group_name(prefix, value):
    return UNSAFE_GROUP_CHARACTERS.sub('_', '%s_%s' % (prefix, value))


def label_selector(labels):
    """Konnect's ``labels`` filter: ``key:value`` pairs and bare ``key`` existence checks, comma-separated."""
    return ','.join(key if value in (None, '') else '%s:%s' % (key, value) for key, value in sorted(labels.items()))


def host_names(nodes):
    """A host name for each node: its host name; where several share one, the one seen last keeps it, the others get
    ``<hostname>_<node id>``; a node without a host name is named by its id."""
    by_name = {}
    for node in nodes:
        by_name.setdefault(node.get('hostname') or node['id'], []).append(node)
    names = {}
    for name, sharing in by_name.items():
        sharing.sort(key=lambda node: (-(node.get('last_ping') or 0), node['id']))
        names[sharing[0]['id']] = name
        for other in sharing[1:]:
            names[other['id']] = '%s_%s' % (name, other['id'])
    return names


def in_sync(node):
    """Whether the node runs the control plane's configuration (None when the node or Konnect gives no hash)."""
    if not node.get('config_hash') or not node.get('expected_config_hash'):
        return None
    return node['config_hash'] == node['expected_config_hash']


def host_variables(node):
    control_plane = node['control_plane']
    compatibility = node.get('compatibility_status') or {}
    return {
        'konnect_node_id': node['id'],
        'konnect_hostname': node.get('hostname'),
        'konnect_version': node.get('version'),
        'konnect_type': node.get('type'),
        'konnect_last_ping': node.get('last_ping'),
        'konnect_config_hash': node.get('config_hash'),
        'konnect_expected_config_hash': node.get('expected_config_hash'),
        'konnect_config_in_sync': in_sync(node),
        'konnect_compatibility_state': compatibility.get('state'),
        'konnect_compatibility_issues': compatibility.get('issues') or [],
        'konnect_eol': node.get('eol'),
        'konnect_control_plane': dict((key, control_plane[key]) for key in ('id', 'name', 'region', 'cluster_type')),
        'konnect_control_plane_labels': control_plane.get('labels') or {},
    }


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    """Hosts: the data-plane nodes of Konnect control planes."""

    NAME = 'konnect.konnect.dp_nodes'

    def verify_file(self, path):
        return super(InventoryModule, self).verify_file(path) and path.endswith(SOURCE_ENDINGS)

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)
        if self.get_option('not_seen_for') is not None and self.get_option('not_seen_for') < 0:
            raise AnsibleParserError('%s: not_seen_for must be a number of seconds, 0 or more; got %s.' % (path, self.get_option('not_seen_for')))
        query = self._query()
        cache_key = self.get_cache_key(path)
        use_cache = self.get_option('cache') and cache
        update_cache = self.get_option('cache') and not cache
        found = None
        if use_cache:
            try:
                cached = self._cache[cache_key]
            except KeyError:
                cached = None
            if isinstance(cached, dict) and cached.get('query') == query:
                found = cached['found']
            else:
                update_cache = True
        if found is None:
            found = self._read_konnect(path, query)
        if update_cache:
            self._cache[cache_key] = {'query': query, 'found': found}
        self._populate(found)

    def _query(self):
        """What the nodes read depend on: a cache written for another query is not used."""
        params = connection_params(self.get_option)
        return {'format': CACHE_FORMAT, 'regions': sorted(set(self.get_option('regions'))),
                'control_planes': sorted(set(self.get_option('control_planes'))),
                'labels': label_selector(self.get_option('control_plane_labels')),
                'api_url': params.get('konnect_api_url'), 'global_api_url': params.get('konnect_global_api_url')}

    # -- reading Konnect ----------------------------------------------------------------------

    def _read_konnect(self, path, query):
        try:
            clients = plugin_clients(self.get_option, query['regions'], warn=display.warning)
            control_planes = self._control_planes(clients, query)
            nodes = run_parallel(lambda control_plane: self._nodes(clients[control_plane['region']], control_plane),
                                 control_planes, PARALLEL_REQUESTS)
        except KonnectApiError as exc:
            raise AnsibleParserError('%s: %s' % (path, self._explain(exc)))
        except KonnectError as exc:
            raise AnsibleParserError('%s: %s' % (path, exc.msg))
        return {'nodes': [node for some in nodes for node in some]}

    @staticmethod
    def _explain(exc):
        if exc.status == 401:
            return ('Konnect rejected the credentials (401 Unauthorized) on %s %s: the token in konnect_token (or KONNECT_TOKEN / '
                    'KONNECT_SPAT) is invalid or expired.' % (exc.method, exc.path))
        return exc.msg

    def _control_planes(self, clients, query):
        """The chosen control planes of every chosen region, as ``{id, name, region, cluster_type, labels}``."""
        params = {'labels': query['labels']} if query['labels'] else None
        entity = get_entity('control_plane')

        def read(region):
            return [dict(found, region=region) for found in entity.read_list(clients[region], {}, params=params, what='control planes')]
        every = [found for some in run_parallel(read, query['regions'], PARALLEL_REQUESTS) for found in some]
        wanted = set(query['control_planes'])
        if wanted:
            matched = set(name for found in every for name in (found['id'], found['name']) if name in wanted)
            unknown = sorted(wanted - matched)
            if unknown:
                message = ('control_planes: no control plane named %s (by name or id) in the region(s) %s%s.'
                           % (', '.join(unknown), ', '.join(query['regions']), ' with the labels ' + query['labels'] if query['labels'] else ''))
                if self.get_option('strict'):
                    raise AnsibleParserError(message)
                display.warning(message)
            every = [found for found in every if found['id'] in wanted or found['name'] in wanted]
        return [{'id': found['id'], 'name': found['name'], 'region': found['region'],
                 'cluster_type': (found.get('config') or {}).get('cluster_type'), 'labels': found.get('labels') or {}}
                for found in every]

    @staticmethod
    def _nodes(client, control_plane):
        entity = get_entity('dp_node')
        scope = {'control_plane': control_plane['id']}
        nodes = list(entity.read_list(client, scope, what="data plane nodes of control plane '%s'" % control_plane['name']))
        if entity.enrich:
            nodes = entity.enrich(client, scope, nodes)
        if not nodes:
            return []
        expected = client.get(EXPECTED_HASH % control_plane['id'], expected=(404,),
                              what="expected config hash of control plane '%s'" % control_plane['name'])
        expected_hash = (expected.body or {}).get('expected_hash') if expected.ok else None
        return [dict(node, control_plane=control_plane, expected_config_hash=expected_hash) for node in nodes]

    # -- the inventory --------------------------------------------------------------------------

    def _populate(self, found):
        nodes = found['nodes']
        limit = self.get_option('not_seen_for')
        if limit is not None:
            now = time.time()
            nodes = [node for node in nodes if not not_seen_for(node, limit, now)]
        names = host_names(nodes)
        strict = self.get_option('strict')
        for node in sorted(nodes, key=lambda node: names[node['id']]):
            host = names[node['id']]
            self.inventory.add_host(host)
            variables = host_variables(node)
            for name, value in variables.items():
                self.inventory.set_variable(host, name, value)
            for group in (group_name('konnect_region', node['control_plane']['region']),
                          group_name('konnect_control_plane', node['control_plane']['name']),
                          group_name('konnect_version', node.get('version') or 'unknown')):
                self.inventory.add_group(group)
                self.inventory.add_child(group, host)
            hostvars = self.inventory.get_host(host).get_vars()
            self._set_composite_vars(self.get_option('compose'), hostvars, host, strict=strict)
            self._add_host_to_composed_groups(self.get_option('groups'), hostvars, host, strict=strict)
            self._add_host_to_keyed_groups(self.get_option('keyed_groups'), hostvars, host, strict=strict)
