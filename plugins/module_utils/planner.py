# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Converge a whole document: one dependency table, bulk reads, the modules' own decisions, parallel writes.

A document becomes a list of ``Node`` s (``documents.py``): one entity each, with the options its
module would take. The planner walks ``KINDS`` top-down. For each level it reads every collection
it needs once (all pages), matches the nodes to what exists by natural key or id, asks
``decide`` what each needs, says how much there is to do, and then writes, kind by kind, with up to
``parallelism`` requests at a time. Pruning walks the table bottom-up. Check mode stops after the
plan: entities that would be created get placeholder ids, so their children are planned too.
"""

from __future__ import annotations

import threading

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.client import GLOBAL, run_parallel
from ansible_collections.konnect.konnect.plugins.module_utils.compare import canonical, get_path
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, Resolver, engine_for
from ansible_collections.konnect.konnect.plugins.module_utils.entity import Token, looks_like_id
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError

IDENTITY = 'identity'
CONTROL_PLANES = 'control planes'
GATEWAY = 'gateway entities'
ACCESS = 'role assignments'
AUTH_STRATEGIES = 'auth strategies'
APIS = 'APIs'
PORTALS = 'portals'
PUBLICATIONS = 'publications'
PORTAL_ACCESS = 'portal access'
AUDIT_LOGS = 'audit logs'
REALMS = 'realms'
AUTH_SERVERS = 'auth servers'
CLOUD_GATEWAYS = 'cloud gateways'
# levels that converge region by region
REGIONAL = (AUTH_STRATEGIES, APIS, PORTALS, PUBLICATIONS, PORTAL_ACCESS, AUDIT_LOGS, REALMS, AUTH_SERVERS, CLOUD_GATEWAYS)
CORE_ENTITIES = '/v2/control-planes/{control_plane}/core-entities'
PLACEHOLDER = 'new:'
MEMBERSHIPS = '/v2/control-planes/%s/group-memberships'


class Kind(object):
    """A row of the dependency table: an entity type and the level it converges in (what a progress line names).

    ``listing`` names a list of the whole control plane (``/key-auths``) that holds the items of every parent
    at once, and the field that names their parent: one request instead of one per parent. ``made_with_parent``:
    creating the parent may create some of these too (a portal's default pages), so below a parent this run creates
    they are matched again once it exists.
    """

    def __init__(self, name, level, listing=None, made_with_parent=False):
        self.name = name
        self.level = level
        self.listing = listing
        self.made_with_parent = made_with_parent


def _credential(name, path):
    return Kind(name, GATEWAY, listing=(path, 'consumer'))


# Creation runs top-down, deletion bottom-up, and the summary reads in this order.
KINDS = (
    Kind('team', IDENTITY),
    Kind('user', IDENTITY),
    Kind('system_account', IDENTITY),
    Kind('team_user', IDENTITY),
    Kind('system_account_team', IDENTITY),
    Kind('system_account_access_token', IDENTITY),
    Kind('identity_provider', IDENTITY),
    Kind('identity_provider_team_group_mapping', IDENTITY),
    Kind('control_plane', CONTROL_PLANES),
    Kind('control_plane_membership', CONTROL_PLANES),
    Kind('dp_client_certificate', GATEWAY),
    Kind('config_store', GATEWAY),
    Kind('config_store_secret', GATEWAY),
    Kind('gateway_vault', GATEWAY),
    Kind('gateway_ca_certificate', GATEWAY),
    Kind('gateway_certificate', GATEWAY),
    Kind('gateway_sni', GATEWAY),
    Kind('gateway_key_set', GATEWAY),
    Kind('gateway_key', GATEWAY),
    Kind('gateway_partial', GATEWAY),
    Kind('gateway_upstream', GATEWAY),
    Kind('gateway_target', GATEWAY, listing=('/targets', 'upstream')),
    Kind('gateway_service', GATEWAY),
    Kind('gateway_route', GATEWAY),
    Kind('gateway_consumer', GATEWAY),
    _credential('gateway_key_auth', '/key-auths'),
    _credential('gateway_basic_auth', '/basic-auths'),
    _credential('gateway_hmac_auth', '/hmac-auths'),
    _credential('gateway_jwt', '/jwts'),
    _credential('gateway_acl', '/acls'),
    _credential('gateway_mtls_auth', '/mtls-auths'),
    Kind('gateway_consumer_group', GATEWAY),
    Kind('gateway_consumer_group_member', GATEWAY),
    Kind('gateway_plugin', GATEWAY),
    Kind('dcr_provider', AUTH_STRATEGIES),
    Kind('application_auth_strategy', AUTH_STRATEGIES),
    Kind('api', APIS),
    Kind('api_specification', APIS),
    Kind('api_document', APIS),
    Kind('api_implementation', APIS),
    Kind('portal', PORTALS),
    Kind('portal_customization', PORTALS),
    Kind('portal_auth_settings', PORTALS),
    Kind('portal_logo', PORTALS),
    Kind('portal_favicon', PORTALS),
    Kind('portal_custom_domain', PORTALS),
    Kind('portal_page', PORTALS, made_with_parent=True),
    Kind('portal_snippet', PORTALS, made_with_parent=True),
    Kind('portal_team', PORTALS),
    Kind('portal_identity_provider', PORTALS),
    Kind('portal_identity_provider_team_group_mapping', PORTALS),
    Kind('api_publication', PUBLICATIONS),
    Kind('portal_team_role', PORTAL_ACCESS),
    Kind('portal_developer', PORTAL_ACCESS),
    Kind('portal_team_developer', PORTAL_ACCESS),
    Kind('portal_application', PORTAL_ACCESS),
    Kind('portal_application_registration', PORTAL_ACCESS),
    Kind('audit_log_destination', AUDIT_LOGS),
    Kind('audit_log_webhook', AUDIT_LOGS),
    Kind('realm', REALMS),
    Kind('realm_consumer', REALMS),
    Kind('auth_server', AUTH_SERVERS),
    Kind('auth_server_scope', AUTH_SERVERS),
    Kind('auth_server_claim', AUTH_SERVERS),
    Kind('auth_server_client', AUTH_SERVERS),
    Kind('cloud_gateway_network', CLOUD_GATEWAYS),
    Kind('cloud_gateway_configuration', CLOUD_GATEWAYS),
    Kind('team_role', ACCESS),
    Kind('system_account_role', ACCESS),
)
KIND = dict((kind.name, kind) for kind in KINDS)
ORDER = dict((kind.name, number) for number, kind in enumerate(KINDS))


class Node(object):
    """One entity of the document: its kind, the options its module would take, and where it hangs.

    ``parent`` is the node whose id is in this one's path (a control plane, a consumer). ``label`` names it
    for people and for ``ids`` (never a secret: a key-auth credential is named by its place in the document).
    Option values may be other nodes (an SNI's certificate): they stand for that node's id.
    """

    def __init__(self, kind, params, label, path, region=GLOBAL, parent=None):
        self.kind = KIND[kind]
        self.params = params
        self.label = label
        self.path = path
        self.region = region
        self.parent = parent
        self.group = level_of(self.kind, parent, region)
        self.current = None
        self.id = None
        self.decision = None
        self.result = None
        self.leftovers = []
        self.desired = {}
        self.below_new = False  # planned below a parent this run creates
        self.lookup_only = False  # an entity the document names but does not describe (a team by name): found, never changed
        self.extra = {}  # what documents.py needs around the write (a token's file, a certificate's paths)

    @property
    def name(self):
        return self.kind.name

    @property
    def known(self):
        """True when this entity exists in Konnect (it was found, or created by this run)."""
        return bool(self.id) and not str(self.id).startswith(PLACEHOLDER)

    def __repr__(self):
        return '<%s %s>' % (self.kind.name, self.label)


class PruneScope(object):
    """Where pruning may delete: the items of ``kind`` below ``parent`` (or in ``region``) that ``owned`` says
    are the document's, unless ``protected``; children of a parent that is deleted go with it."""

    def __init__(self, kind, owned, protected, parent=None, region=GLOBAL):
        self.kind = KIND[kind]
        self.owned = owned
        self.protected = protected
        self.parent = parent
        self.region = region
        self.group = level_of(self.kind, parent, region)


def level_of(kind, parent, region):
    """The group a node converges in, as progress lines name it: its level, and its region or control plane."""
    if kind.level == CONTROL_PLANES or kind.level in REGIONAL:
        return '%s %s' % (kind.level, region)
    if kind.level == GATEWAY:
        while parent.name != 'control_plane':
            parent = parent.parent
        return '%s %s' % (GATEWAY, parent.label)
    return kind.level


class Planner(object):
    """Reads, decides and writes the nodes of a document; see the module docstring."""

    def __init__(self, nodes, clients, registry, check_mode=False, diff_mode=False, parallelism=10, prune=(), progress=None,
                 prepare=None, after_write=None, options=None):
        self.nodes = sorted(nodes, key=lambda node: ORDER[node.name])
        self.clients = clients  # region -> KonnectClient ('global' for identity)
        self.registry = registry
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.parallelism = max(1, int(parallelism or 1))
        self.prune_scopes = list(prune)
        self.progress = progress or (lambda message: None)
        self.prepare = prepare or (lambda node, check_mode: None)  # materialises options (files, generated keys)
        self.after_write = after_write or (lambda node: None)
        self.options = options or {}
        self.collections = {}  # (region, path) -> the items read
        self.indexes = {}  # (region, path, parent id, key names) -> {canonical key: [items]}
        self.named = {}  # (region, entity, scope) -> {canonical name: node of the document}
        self.seen = {}  # (entity, id) -> the entity as read, created or predicted
        self.items = 0  # entities read, for the progress lines
        self.lock = threading.Lock()
        self.deleted = []

    # -- the run ---------------------------------------------------------------------------------

    def run(self):
        for group, nodes, scopes in self.groups():
            self.plan_group(group, nodes, scopes)
        self.prune()
        return self

    def groups(self):
        """The nodes in the order they converge, one group per level and control plane."""
        order, members = [], {}
        for node in self.nodes:
            if node.group not in members:
                order.append(node.group)
                members[node.group] = []
            members[node.group].append(node)
        for scope in self.prune_scopes:
            if scope.group not in members:
                order.append(scope.group)
                members[scope.group] = []
        order.sort(key=lambda group: min([ORDER[node.name] for node in members[group]] or [len(KINDS)]))
        return [(group, members[group], [scope for scope in self.prune_scopes if scope.group == group]) for group in order]

    def plan_group(self, group, nodes, scopes):
        before = self.items
        kinds = []
        for node in nodes:
            if node.kind not in kinds:
                kinds.append(node.kind)
        for kind in kinds:
            batch = [node for node in nodes if node.kind is kind]
            if not self.planned_by_engine(kind):  # its engine reads what it needs
                self.read([node.parent for node in batch], kind, batch[0].region)
            for node in batch:
                self.plan(node)
        for scope in scopes:
            self.read([scope.parent], scope.kind, scope.region)
        read = self.items - before
        writes = [node for node in nodes if node.decision is not None and node.decision.writes]
        self.progress('%s: %d read, %d to write' % (group, read, len(writes)))
        if self.check_mode:
            return
        for kind in kinds:
            if kind.made_with_parent:
                self.plan_again([node for node in nodes if node.kind is kind and node.below_new])
            self.execute([node for node in nodes if node.kind is kind and node.decision.writes])

    def plan_again(self, nodes):
        """Match ``nodes`` again now that the parents this run created exist (and may have come with some of them)."""
        if nodes:
            self.read([node.parent for node in nodes], nodes[0].kind, nodes[0].region)
        for node in nodes:
            self.plan(node)

    def planned_by_engine(self, kind):
        return kind.name != 'control_plane_membership' and self.registry(kind.name).planned_by_engine

    # -- reading ---------------------------------------------------------------------------------

    def scope_below(self, kind, parent):
        """The path values of an entity of ``kind`` below ``parent``: the ids of the ancestors its path names."""
        ancestors = {}
        while parent is not None:
            ancestors.setdefault(parent.name, parent)
            parent = parent.parent
        scope = {}
        for declared in self.registry(kind.name).parents:
            if declared.entity in ancestors:
                scope[declared.path_param] = ancestors[declared.entity].id
        return scope

    def scope_of(self, node):
        return self.scope_below(node.kind, node.parent)

    def collection_key(self, kind, parent, region):
        if parent is not None and not parent.known:
            return None
        if kind.name == 'control_plane_membership':
            return (region, MEMBERSHIPS % parent.id)
        scope = self.scope_below(kind, parent)
        if kind.listing:
            return (region, CORE_ENTITIES.replace('{control_plane}', scope['control_plane']) + kind.listing[0])
        entity = self.registry(kind.name)
        return (region, entity.item_path(scope) if entity.singleton else entity.collection_path(scope))

    def read(self, parents, kind, region):
        """Read, in parallel, every collection of ``kind`` below ``parents`` that is not read yet."""
        wanted, scopes = [], {}
        for parent in parents:
            key = self.collection_key(kind, parent, region)
            if key is not None and key not in self.collections and key not in wanted:
                wanted.append(key)
                scopes[key] = {} if kind.name == 'control_plane_membership' else self.scope_below(kind, parent)
        for key, items in zip(wanted, self.parallel(lambda key: self.list_items(kind, key, scopes[key]), wanted)):
            self.collections[key] = items

    def list_items(self, kind, key, scope):
        region, path = key
        entity = self.registry('control_plane' if kind.name == 'control_plane_membership' else kind.name)
        what = entity.plural.replace('_', ' ')
        if entity.singleton:
            return self.read_singleton(entity, key)
        if kind.listing or kind.name == 'control_plane_membership':
            items = self.patiently(lambda: list(self.client(region).paginate(path, 'offset' if kind.listing else 'cursor', what=what)),
                                   entity, scope, region)
        else:
            items = self.patiently(lambda: list(entity.read_list(self.client(region), scope, what=what)),  # a tree of pages comes flattened
                                   entity, scope, region)
        with self.lock:
            self.items += len(items)
            for item in items:
                if isinstance(item, dict) and item.get('id'):
                    self.seen[(kind.name, item['id'])] = item
        return [entity.unwrap(item) for item in items]

    def patiently(self, read, entity, scope, region):
        """A list below parents this run has just created: tried again while Konnect answers 404 or 403 for them."""
        return Resolver(self.client(region), self.registry).patiently(read, lambda items: True, entity, scope)

    def read_singleton(self, entity, key):
        """A singleton as a collection of one (none while Konnect has not created it)."""
        region, path = key
        response = self.client(region).get(path, what=entity.title, expected=(404,))
        with self.lock:
            self.items += 1
        return [] if response.status == 404 else [response.body]

    def current_items(self, node):
        return self.items_below(node.kind, node.parent, node.region)

    def items_below(self, kind, parent, region):
        """What was read of ``kind`` below ``parent`` (a list of the whole control plane is taken apart once)."""
        key = self.collection_key(kind, parent, region)
        if key is None:
            return []
        if not kind.listing or parent is None:
            return self.collections.get(key) or []
        return self.index(key, kind.listing[1], (), lambda item: _id_of(item.get(kind.listing[1]))).get(str(parent.id).lower(), [])

    def index(self, key, group, names, key_of):
        """The items of collection ``key`` grouped by ``key_of`` (built once per collection and key)."""
        cache = key + (group, names)
        if cache not in self.indexes:
            grouped = {}
            for item in self.collections.get(key) or []:
                grouped.setdefault(key_of(item), []).append(item)
            self.indexes[cache] = grouped
        return self.indexes[cache]

    def keyed(self, node, entity, names):
        """The items below ``node``'s parent by their natural key ``names``, as ``wanted_key`` writes a node's key."""
        key = self.collection_key(node.kind, node.parent, node.region)
        if key is None:
            return {}
        cache = key + (_id_of(node.parent.id) if node.parent is not None else None, names)
        if cache not in self.indexes:
            grouped = {}
            for item in self.current_items(node):
                grouped.setdefault(item_key(entity, item, names), []).append(item)
            self.indexes[cache] = grouped
        return self.indexes[cache]

    def client(self, region):
        return self.clients[region]

    def find_by_name(self, entity, scope, value, region):
        """The id of the ``entity`` named ``value`` in ``scope``: one of the document, else one that exists.

        A consumer is named by its username, else by its custom_id, as decK resolves it.
        """
        scope = dict((name, identifier) for name, identifier in scope.items() if '{%s}' % name in (entity.collection or ''))
        for field in NAMED_BY.get(entity.name, (entity.key,)):
            found = self.named_in(entity, field, scope, value, region)
            if found is not None:
                return found
        return None

    def named_in(self, entity, field, scope, value, region):
        wanted = canonical(entity.match_values(value))
        node = self.named.get((region, entity.name, field, canonical(scope)), {}).get(wanted)
        if node is not None:
            return node.id
        if any(str(identifier).startswith(PLACEHOLDER) for identifier in scope.values()):
            return None  # below an entity this run has yet to create there is nothing to read
        collection = (region, entity.collection_path(scope))
        if collection not in self.collections:
            self.collections[collection] = self.list_items(KIND.get(entity.name) or Kind(entity.name, None), collection, scope)
        found = self.index(collection, field, (field,),
                           lambda item: canonical(entity.match_values(decide.current_value(entity, item, field)))).get(wanted, [])
        if len(found) > 1:
            raise KonnectParameterError("Found %d %s named '%s'; name it by id." % (len(found), entity.plural.replace('_', ' '), value))
        return found[0]['id'] if found else None

    def label_of(self, entity, identifier):
        """The name of the ``entity`` with ``identifier``, for a diff (None for entities without a name)."""
        found = self.seen.get((entity.name, identifier))
        if not entity.named or not found:
            return None
        return decide.current_value(entity, found, entity.key)

    def remember_name(self, node, entity, desired):
        if not entity.named:
            return
        for field in NAMED_BY.get(entity.name, (entity.key,)):
            if desired.get(field) is not None:
                names = self.named.setdefault((node.region, entity.name, field, canonical(self.scope_of(node))), {})
                names[canonical(entity.match_values(desired[field]))] = node

    # -- planning --------------------------------------------------------------------------------

    def plan(self, node):
        """Match ``node`` to what exists and decide what it needs; in check mode, give a new one a placeholder id."""
        try:
            self.prepare(node, self.check_mode)
            if node.name == 'control_plane_membership':
                return self.plan_membership(node)
            entity = self.registry(node.name)
            if entity.planned_by_engine:
                return self.plan_with_engine(node, entity)
            desired = node.desired = self.desired(node)
            node.below_new = not self.parents_known(node)
            node.current = self.match(node, entity, desired)
            if entity.singleton and node.current is None and entity.create_method is None and node.below_new:
                node.current = {}  # Konnect makes it with its new parent: this run updates it
            if node.current is not None and entity.listed_lacks(node.current, desired):
                node.current = self.read_again(node, entity)
            if node.lookup_only:
                return self.plan_lookup(node, entity)
            options = self.engine_options(node)
            desired, node.leftovers = self.token_rules(node, entity, desired)
            node.decision = self.decide(node, entity, options, desired)
            if isinstance(entity, Token) and node.current and (node.leftovers or entity.rotation_due(options, node.current)):
                node.decision = decide.Decision(decide.UPDATE, None, {entity.result_field: decide.HIDDEN}, node.current)
            self.remember_name(node, entity, desired)
            node.id = node.current.get('id') if node.current else desired.get('id') or '%s%s:%s' % (PLACEHOLDER, node.name, node.label)
            self.seen[(node.name, node.id)] = node.decision.predicted
        except KonnectError as exc:
            raise KonnectError('%s (%s): %s' % (node.path, node.label, exc.msg), **exc.details)

    def plan_with_engine(self, node, entity):
        """Plan an entity its engine finds and writes its own way (see ``Entity.planned_by_engine``): the engine, in check
        mode, says what it would do; until the entities it names exist, it would create it."""
        params = self.params_for_engine(node, entity)
        if params is None:
            node.decision = decide.Decision(decide.CREATE, None, dict((name, True) for name in node.params), dict(node.params))
            node.id = '%s%s:%s' % (PLACEHOLDER, node.name, node.label)
            return
        result = engine_for(entity)(entity, params, self.client(node.region), self.registry, check_mode=True, diff_mode=True).run()
        action = decide.CREATE if result['action'] == 'created' else decide.UPDATE if result['changed'] else decide.UNCHANGED
        node.decision = decide.Decision(action, None, changed_names(result.get('diff')), result.get(entity.name) or {})
        node.result = result
        node.id = (result.get(entity.name) or {}).get('id') or '%s%s:%s' % (PLACEHOLDER, node.name, node.label)

    def params_for_engine(self, node, entity):
        """The options of ``node`` as its module takes them (parents and entities of the document by id), or None while one
        of them is yet to be created."""
        params = dict(self.engine_options(node), state='present')
        named = dict((name, _with_ids(value)) for name, value in node.params.items() if any(_nodes_in(value)))
        ancestor, ancestors = node.parent, {}
        while ancestor is not None:
            ancestors.setdefault(ancestor.name, ancestor.id)
            ancestor = ancestor.parent
        parents = dict((parent.option, ancestors[parent.entity]) for parent in entity.parents if parent.entity in ancestors)
        ids = list(parents.values()) + [linked.id for value in node.params.values() for linked in _nodes_in(value)]
        if any(str(identifier).startswith(PLACEHOLDER) for identifier in ids):
            return None
        params.update(named, **parents)
        return params

    def write_with_engine(self, node, entity):
        params = self.params_for_engine(node, entity)
        engine = engine_for(entity)(entity, params, self.client(node.region), self.registry, diff_mode=self.diff_mode)
        engine.progress = self.progress
        node.result = engine.run()
        node.id = (node.result.get(entity.name) or {}).get('id') or node.id
        if getattr(entity, 'result_field', None) and node.result.get(entity.result_field):
            node.extra['minted'] = node.result[entity.result_field]  # answered once: documents.py writes it to its file
        self.after_write(node)

    def read_again(self, node, entity):
        """The entity read by id: its list leaves out fields the document sets (a page's content)."""
        path = entity.item_path(self.scope_of(node), node.current['id'])
        found = self.client(node.region).get(path, what=entity.describe(node.label)).body
        with self.lock:
            self.items += 1
        return found

    def decide(self, node, entity, options, desired):
        """What ``node`` needs, as its module would decide it: an entity type with its own decisions (a registration checks
        its API's publication) decides through its engine, once the parents it reads exist."""
        engine_class = engine_for(entity)
        if getattr(engine_class, 'decide', None) is not EntityEngine.decide and self.parents_known(node):
            engine = self.engine(node, entity)
            engine.desired = desired
            return engine.decide(node.current, desired)
        return decide.decide(entity, options, node.current, desired, decide.secret_values(entity, options))

    def parents_known(self, node):
        return not any(str(identifier).startswith(PLACEHOLDER) for identifier in self.scope_of(node).values())

    def plan_lookup(self, node, entity):
        if node.current is None:
            raise KonnectParameterError('no %s was found; name one that exists or add it to the document.' % entity.describe(node.label))
        node.decision = decide.Decision(decide.UNCHANGED, predicted=node.current)
        node.id = node.current['id']

    def desired(self, node):
        entity = self.registry(node.name)
        references = {}
        resolver = PlanResolver(self, node)
        for reference in entity.references:
            fragment = reference.resolve(resolver, self.scope_of(node), node.params)
            if fragment:
                references.update(fragment)
        desired = decide.desired_body(entity, node.params, references)
        if node.params.get('id'):
            desired['id'] = node.params['id']  # a decK file may pin ids: created with it, found by it
        return desired

    def match(self, node, entity, desired):
        if entity.singleton:
            return next(iter(self.current_items(node)), None)
        if node.params.get('id'):
            wanted = str(node.params['id']).lower()
            found = [item for item in self.current_items(node) if str(item.get('id')).lower() == wanted]
        else:
            key_values = decide.key_values(entity, desired, decide.secret_values(entity, node.params))
            if all(value is None for value in key_values.values()):
                key_values = dict([(field, desired[field]) for field in NAMED_BY.get(entity.name, ()) if desired.get(field) is not None][:1]) or key_values
            names = tuple(sorted(key_values))
            found = self.keyed(node, entity, names).get(wanted_key(entity, key_values, names), [])
        if isinstance(entity, Token):
            found = [item for item in found if not str(item.get(entity.key, '')).endswith(Token.TEMPORARY_SUFFIX)]
        if len(found) > 1:
            raise KonnectError("Found %d %s with '%s'; give the id instead. Their ids: %s." % (
                len(found), entity.plural.replace('_', ' '), node.label, ', '.join(str(item.get('id')) for item in found)))
        return found[0] if found else None

    def token_rules(self, node, entity, desired):
        """A token keeps its expiry (a new one is minted only on rotation); leftovers of an interrupted rotation go."""
        if not isinstance(entity, Token):
            return desired, []
        temporary = '%s%s' % (desired.get(entity.key), Token.TEMPORARY_SUFFIX)
        leftovers = [item for item in self.current_items(node) if item.get(entity.key) == temporary]
        if node.current is None:
            return desired, leftovers
        kept = dict(desired)
        for field, _have, _want in decide.create_only_conflicts(entity, node.current, desired):
            kept.pop(field.name)
        return kept, leftovers

    def engine_options(self, node):
        return dict(self.options, **dict((name, value) for name, value in node.params.items() if not isinstance(value, Node)))

    def plan_membership(self, node):
        members = [member.id for member in node.params['members']]
        current = [_id_of(item) for item in self.current_items(node)] if node.parent.known else []
        to_add = [member for member in members if str(member).lower() not in current]
        node.current = {'id': node.parent.id, 'members': current}
        predicted = {'id': node.parent.id, 'members': current + to_add}
        node.decision = decide.Decision(decide.UPDATE if to_add else decide.UNCHANGED, {'members': [{'id': m} for m in to_add]},
                                        {'members': to_add} if to_add else {}, predicted)
        node.id = node.parent.id

    # -- writing ---------------------------------------------------------------------------------

    def parallel(self, work, items):
        return run_parallel(work, items, self.parallelism)

    def execute(self, nodes):
        """Write ``nodes`` (one kind), in parallel, those that name another (a page's parent page) after it; every failure
        is reported, and nothing after this kind is written."""
        failures = []

        def write(node):
            try:
                self.write(node)
            except KonnectError as exc:
                failures.append('%s (%s): %s' % (node.path, node.label, exc.msg))
        for wave in waves(nodes):
            self.parallel(write, wave)
            if failures:
                break
        if failures:
            raise KonnectError('%d of %d writes failed; what was written before stays, and a new run goes on from there. %s' % (
                len(failures), len(nodes), ' '.join(sorted(failures))))

    def write(self, node):
        if node.name == 'control_plane_membership':
            return self.write_membership(node)
        entity = self.registry(node.name)
        if entity.planned_by_engine:
            return self.write_with_engine(node, entity)
        desired = node.desired = self.desired(node)  # again: references to entities this run created now have their ids
        engine = self.engine(node, entity)
        engine.desired = desired
        if entity.singleton and not node.current:
            node.current = engine.read_current()  # its parent is new: what Konnect made with it decides
            node.decision = self.decide(node, entity, self.engine_options(node), desired)
            if not node.decision.writes:
                node.result = {'changed': False, entity.name: node.current}
                return
        if isinstance(entity, Token):
            engine.leftovers = list(node.leftovers)
            if node.current is not None:
                desired = engine.without_expiry_changes(node.current, desired)
        node.result = engine.ensure_present(node.current, desired)
        if engine.created_meanwhile is not None:
            self.converged(node, engine)
        created = node.result.get(entity.name) or {}
        node.id = created.get('id') or created.get(entity.item_key) or written_key(entity, desired) or node.id
        if isinstance(entity, Token) and node.result.get(entity.result_field):
            node.extra['minted'] = node.result[entity.result_field]
        with self.lock:
            self.seen[(node.name, node.id)] = created
        self.after_write(node)

    @staticmethod
    def converged(node, engine):
        """Another writer created the entity while this run was writing: what the run did is what converging it took."""
        node.decision = engine.last_decision
        node.current = engine.created_meanwhile

    def engine(self, node, entity):
        engine = _planned(engine_for(entity))(entity, dict(self.engine_options(node), state='present'), self.client(node.region),
                                              self.registry, check_mode=False, diff_mode=self.diff_mode)
        engine.scope = self.scope_of(node)
        engine.resolver.seen = self.seen
        engine.planner = self
        engine.node = node
        return engine

    def write_membership(self, node):
        self.plan_membership(node)  # again: members this run created now have their ids
        body = node.decision.body
        path = MEMBERSHIPS % node.parent.id + '/add'
        self.client(node.region).request('POST', path, body=body, what="the members of control plane group '%s'" % node.parent.label,
                                         verb='add to')
        node.result = {'changed': True}

    # -- pruning ---------------------------------------------------------------------------------

    def prune(self):
        """Delete, bottom-up, what each prune scope owns and the document no longer lists (check mode: only plan it)."""
        listed = set(str(node.id).lower() for node in self.nodes if node.known)
        doomed = []
        for scope in sorted(self.prune_scopes, key=lambda scope: -ORDER[scope.kind.name]):
            if scope.parent is not None and not scope.parent.known:
                continue
            for item in self.items_below(scope.kind, scope.parent, scope.region):
                if str(item.get('id')).lower() not in listed and scope.owned(item) and not scope.protected(item):
                    doomed.append((scope, item))
        by_kind = []
        for scope, item in doomed:
            if not by_kind or by_kind[-1][0] is not scope.kind:
                by_kind.append((scope.kind, []))
            by_kind[-1][1].append((scope, item))
        if doomed:
            self.progress('prune: %d to delete' % len(doomed))
        for _kind, batch in by_kind:
            self.deleted.extend(batch)
            if not self.check_mode:
                self.parallel(self.delete, batch)

    def delete(self, scoped):
        scope, item = scoped
        entity = self.registry(scope.kind.name)
        engine = _planned(engine_for(entity))(entity, dict(self.options, state='absent'), self.client(scope.region), self.registry)
        engine.scope = self.scope_below(scope.kind, scope.parent)
        engine.delete(item)

    # -- what the run did --------------------------------------------------------------------------

    def outcome(self):
        """``summary`` per entity type and region, ``changes`` (one per write), ``ids`` by label, and per-entity diffs."""
        rows, changes, ids, diffs = {}, [], {}, []
        for node in self.nodes:
            if node.lookup_only or node.decision is None:
                continue
            action = ACTIONS[node.decision.action]
            self.count(rows, node.name, node.region, action)
            ids.setdefault(node.name, {})[node.label] = node.id
            if node.decision.writes:
                changes.append({'action': action, 'type': node.name, 'region': node.region, 'key': node.label, 'id': node.id,
                                'fields': sorted(node.decision.changes)})
                if self.diff_mode:
                    diffs.append(self.diff(node))
        for scope, item in self.deleted:
            label = self.label_of(self.registry(scope.kind.name), item.get('id')) or item.get('id')
            self.count(rows, scope.kind.name, scope.region, 'deleted')
            changes.append({'action': 'deleted', 'type': scope.kind.name, 'region': scope.region, 'key': label, 'id': item.get('id'),
                            'fields': []})
            if self.diff_mode:
                entity = self.registry(scope.kind.name)
                diffs.append({'before_header': '%s %s' % (scope.kind.name, label), 'after_header': '%s %s (deleted)' % (scope.kind.name, label),
                              'before': decide.diff_view(entity, {}, decide.redact(entity, item), [name for name in entity.keys if entity.field(name)]),
                              'after': {}})
        summary = sorted(rows.values(), key=lambda row: (ORDER[row['type']], row['region']))
        return {'summary': summary, 'changes': changes, 'ids': ids, 'diff': diffs}

    @staticmethod
    def count(rows, kind, region, action):
        row = rows.setdefault((kind, region), {'type': kind, 'region': region, 'created': 0, 'updated': 0, 'unchanged': 0, 'deleted': 0})
        row[action] += 1

    def diff(self, node):
        header = '%s %s' % (node.name, node.label)
        if node.name == 'control_plane_membership':
            return {'before_header': header, 'after_header': header, 'before': {'members': sorted(node.current['members'])},
                    'after': {'members': sorted(str(member) for member in node.decision.predicted['members'])}}
        entity = self.registry(node.name)
        if entity.planned_by_engine:
            return dict((node.result or {}).get('diff') or {'before': {}, 'after': {}}, before_header=header, after_header=header)
        options = self.engine_options(node)
        names = decide.diff_names(entity, options, node.desired, node.decision.changes)
        after = (node.result or {}).get(entity.name) or node.decision.predicted
        return {'before_header': header, 'after_header': header,
                'before': decide.diff_view(entity, options, decide.redact(entity, node.current), names, self.reference_label),
                'after': decide.diff_view(entity, options, decide.redact(entity, after), names, self.reference_label)}

    def reference_label(self, reference, identifier):
        return self.label_of(self.registry(reference.entity), identifier) if reference.entity else None


NAMED_BY = {'gateway_consumer': ('username', 'custom_id')}
ACTIONS = {decide.CREATE: 'created', decide.UPDATE: 'updated', decide.RECREATE: 'updated', decide.UNCHANGED: 'unchanged'}


class PlanResolver(object):
    """What ``Reference.resolve`` asks of a resolver, answered from the document and the collections read."""

    def __init__(self, planner, node):
        self.planner = planner
        self.node = node
        self.registry = planner.registry

    def resolve_id(self, option, entity, scope, value, region=None):
        if isinstance(value, Node):
            return value.id
        if looks_like_id(value):
            return value
        region = region or self.node.region
        found = self.planner.find_by_name(entity, scope, value, region)
        if found is None:
            raise KonnectParameterError('%s: no %s was found%s.' % (option, entity.describe(value), ' in region %s' % region if region != GLOBAL else ''))
        return found


def _nodes_in(value):
    """The nodes of the document an option's value names, also inside lists and dicts (a configuration's networks)."""
    if isinstance(value, Node):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _nodes_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _nodes_in(item)


def _with_ids(value):
    """``value`` with each node of the document in it replaced by its id."""
    if isinstance(value, Node):
        return value.id
    if isinstance(value, (list, tuple)):
        return [_with_ids(item) for item in value]
    if isinstance(value, dict):
        return dict((name, _with_ids(item)) for name, item in value.items())
    return value


def _planned(engine_class):
    """``engine_class`` for a node the planner has matched: its parents and references are known to exist."""
    return _PLANNED.setdefault(engine_class, type('Planned' + engine_class.__name__, (PlannedEngine, engine_class), {}))


_PLANNED = {}


class PlannedEngine(object):
    """Mixed into an engine class: no lookups the planner already made (parents and references exist; a created
    membership needs no reading back); a diff names a reference by the name the planner knows."""

    planner = None
    node = None

    def verify_parents(self):
        return None

    def verify_references(self):
        return None

    def read_back(self, body):
        return body

    def reference_label(self, reference, identifier):
        if self.planner is None or not reference.entity:
            return None
        return self.planner.label_of(self.registry(reference.entity), identifier)


def changed_names(diff):
    """The fields a diff shows changed."""
    before, after = (diff or {}).get('before') or {}, (diff or {}).get('after') or {}
    return dict((name, True) for name in set(before) | set(after) if before.get(name) != after.get(name))


def waves(nodes):
    """``nodes`` of one kind in the order they can be written: each after the nodes of the same kind its options name."""
    depth = {}

    def depth_of(node):
        if node not in depth:
            depth[node] = 0
            named = [value for value in node.params.values() if isinstance(value, Node) and value.kind is node.kind]
            depth[node] = 1 + max([depth_of(other) for other in named]) if named else 0
        return depth[node]
    ordered = {}
    for node in nodes:
        ordered.setdefault(depth_of(node), []).append(node)
    return [ordered[level] for level in sorted(ordered)]


def _id_of(value):
    value = value.get('id') if isinstance(value, dict) else value
    return str(value).lower() if value is not None else None


def written_key(entity, desired):
    """What names a link Konnect answers without an id (a membership): the id of its member."""
    return _id_of(next(iter(decide.key_values(entity, desired, {}).values()), None))


def _normal(value):
    """A key value as it compares: ids without regard to case (also inside a reference, ``{"id": ...}``)."""
    if isinstance(value, dict):
        return dict((name, _normal(item)) for name, item in value.items())
    return value.lower() if looks_like_id(value) else value


def item_key(entity, item, names):
    return canonical([_normal(entity.match_values(get_path(item, entity.match_path(name)))) for name in names])


def wanted_key(entity, key_values, names):
    return canonical([_normal(entity.match_values(key_values[name])) for name in names])
