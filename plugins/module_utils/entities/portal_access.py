# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who may see and use a portal: developers, teams and their roles, applications, registrations, identity providers (regional).

Portal Management v3 under ``/v3/portals/{portal}``. What the declarative ``Entity`` cannot say lives in the small
engines below: the status machine of developers and registrations, an application's owner and create-only auth
strategy, a registration's publication check and consumer link, and the portal's team group mapping document.
"""

from __future__ import annotations

import copy

from ansible_collections.konnect.konnect.plugins.module_utils import coordination, decide
from ansible_collections.konnect.konnect.plugins.module_utils.client import backoff_seconds
from ansible_collections.konnect.konnect.plugins.module_utils.compare import get_path
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, Resolver
from ansible_collections.konnect.konnect.plugins.module_utils.entities.identity import flatten_roles, lower_case, lower_case_email
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LOOKUP_FILTER,
    LOOKUP_LIST,
    PLAIN,
    Entity,
    Field,
    IdReference,
    Membership,
    Parent,
    Reference,
    Singleton,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError, KonnectParameterError

ON_PORTAL = Parent('portal', 'portal')
ON_TEAM = Parent('team', 'portal_team')

STATUSES = ['approved', 'pending', 'revoked', 'rejected']

# The spec lists the four statuses of developers and registrations but not how one may follow another. This is the
# machine the collection and its emulator agree on (tests/emulator/README.md, "Portal access"): a pending request is
# approved or rejected, an approval can be revoked, and a revoked or rejected one approved again. Nothing goes back
# to pending. Creation may start in any status Konnect accepts there.
STATUS_TRANSITIONS = {
    'pending': ('approved', 'rejected'),
    'approved': ('revoked',),
    'revoked': ('approved',),
    'rejected': ('approved',),
}
REGISTRATION_CREATE_STATUSES = ('approved', 'pending')  # CreateApplicationRegistrationRequest's enum

# GET /v3/portal-roles: one entity type, "Services" (APIs), with these roles (ListRolesResponse's enums).
PORTAL_ROLE_ENTITY_TYPE = 'Services'
PORTAL_ROLE_NAMES = ['API Viewer', 'API Consumer']
ROLE_REGIONS = ['us', 'eu', 'au', 'me', 'in', 'sg', '*']

STRING_FILTER = ('eq', 'neq', 'contains', 'oeq', 'ocontains')


def check_status_change(engine, current):
    """Refuse, before anything is written, a status change the status machine does not allow."""
    decision = engine.last_decision
    if current is None or decision is None or decision.action != decide.UPDATE or 'status' not in decision.changes:
        return
    have, want = current.get('status'), decision.changes['status']
    allowed = STATUS_TRANSITIONS.get(have, ())
    if want not in allowed:
        raise KonnectParameterError('status: %s is %s and cannot become %s; from %s it can only become %s.' % (
            engine.describe_current(current), have, want, have, ' or '.join(allowed) or 'nothing else'))


def wait_until_status_shows(engine, decision, written):
    """After a status change, read until Konnect shows it: an approval takes seconds to become visible
    (konnect-behaviours.md 3), and the next task, or the next run, must see what this one did."""
    if decision.action != decide.UPDATE or 'status' not in decision.changes or not isinstance(written, dict) or not written.get('id'):
        return written
    wanted = decision.changes['status']
    for attempt in range(coordination.VISIBILITY_RETRIES + 1):
        shown = engine.resolver.get_by_id_once(engine.entity, engine.scope, written['id'])
        if shown is None or shown.get('status') == wanted:
            return written
        if attempt < coordination.VISIBILITY_RETRIES:
            engine.sleep(backoff_seconds(attempt))
    engine.client.warn('%s is %s, but Konnect does not show it yet.' % (engine.describe_current(written), wanted))
    return written


def portal_of(engine):
    """The portal the task works in, as Konnect returns it (read once)."""
    return engine.parent('portal') or {}


# -- developers ------------------------------------------------------------------------------------

class DeveloperEngine(EntityEngine):
    """A developer: check mode predicts the status Konnect gives a new developer when the task gives none."""

    def decide(self, current, desired):
        decision = super(DeveloperEngine, self).decide(current, desired)
        if decision.action == decide.CREATE and 'status' not in desired and self.check_mode:
            decision.predicted['status'] = 'approved' if portal_of(self).get('auto_approve_developers') else 'pending'
        return decision

    def apply(self, decision, current, desired):
        return wait_until_status_shows(self, decision, super(DeveloperEngine, self).apply(decision, current, desired))


class PortalDeveloper(Entity):
    engine_class = DeveloperEngine


PORTAL_DEVELOPER = PortalDeveloper(
    'portal_developer', 'portal developer', '/v3/portals/{portal}/developers',
    fields=[Field('email', create_only=True), Field('full_name', create_only=True, create_required=True),
            Field('status', choices=STATUSES), Field('send_invitation_email', type='bool', create_only=True, shown=False)],
    key='email', lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', update_fields=('status',),
    parents=[ON_PORTAL], prepare=lower_case_email, match_values=lower_case, writable=check_status_change,
    filterable={'email': STRING_FILTER, 'status': STRING_FILTER, 'name': STRING_FILTER},
)


def developer_key(value):
    """A developer given by email is looked up by its lower-case form (the module sends that form on create)."""
    return value if looks_like_id(value) else lower_case(value)


class DeveloperReference(IdReference):
    """A portal developer given by email (any case) or id, sent as a plain id."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        return self.wrap(resolver.resolve_id(self.option, resolver.registry(self.entity), scope, developer_key(value)))


# -- teams, their members and roles --------------------------------------------------------------------

PORTAL_TEAM = Entity(
    'portal_team', 'portal team', '/v3/portals/{portal}/teams',
    fields=[Field('name'), Field('description'), Field('can_own_applications', type='bool')],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', parents=[ON_PORTAL],
    filterable={'name': STRING_FILTER, 'can_own_applications': (PLAIN,)},
)

PORTAL_TEAM_DEVELOPER = Membership(
    'portal_team_developer', 'portal team membership', '/v3/portals/{portal}/teams/{team}/developers',
    references=[DeveloperReference('developer', 'portal_developer', body_field='id', required=True)],
    key='id', lookup=LOOKUP_LIST, pagination='page', parents=[ON_PORTAL, ON_TEAM],
    filterable={'email': STRING_FILTER, 'full_name': STRING_FILTER, 'active': (PLAIN,)},
)


def task_region(resolver, params):
    """The region the task works in: its ``konnect_region``, else its client's."""
    return params.get('konnect_region') or getattr(getattr(resolver, 'client', None), 'region', None)


class RoleApiReference(Reference):
    """The API a portal role applies to, by name or id, looked up in ``entity_region`` (default: the task's region).

    The assignment names it as Konnect's entity type "Services" with the API's id and region, so the fragment carries
    all three.
    """

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        region = params.get('entity_region') or task_region(resolver, params)
        if looks_like_id(value):
            identifier = value
        elif region in (None, '*'):
            raise KonnectParameterError("api: %r is a name; set entity_region to the region the API lives in (not '*') or give its id." % value)
        else:
            identifier = resolver.resolve_id(self.option, resolver.registry(self.entity), {}, value, region=region)
        return {self.body_field: identifier, 'entity_type_name': PORTAL_ROLE_ENTITY_TYPE, 'entity_region': region}

    def current(self, obj):
        return obj.get(self.body_field)


PORTAL_TEAM_ROLE = Entity(
    'portal_team_role', 'portal team role', '/v3/portals/{portal}/teams/{team}/assigned-roles',
    fields=[Field('role_name', choices=PORTAL_ROLE_NAMES, required=True), Field('entity_region', choices=ROLE_REGIONS)],
    references=[RoleApiReference('api', 'api', body_field='entity_id', required=True)],
    key=('role_name', 'entity_type_name', 'entity_id', 'entity_region'),
    lookup=LOOKUP_LIST, pagination='page', update_method=None, item_readable=False,  # no GET of one assignment (notes §5 #9)
    parents=[ON_PORTAL, ON_TEAM],
)

PORTAL_ROLE = Singleton('portal_role', 'portal role', '/v3/portal-roles', reader=flatten_roles)


# -- applications -----------------------------------------------------------------------------------

class OwnerReference(IdReference):
    """An application's owner, a developer (by email or id) or a team (by name or id): ``owner: {type, id}``."""

    def __init__(self, option, entity, other):
        super(OwnerReference, self).__init__(option, entity, body_field='owner')
        self.other = other

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        if params.get(self.other) is not None:
            raise KonnectError('developer and team: an application has one owner; give one of them, not both.')
        if self.option == 'developer':
            value = developer_key(value)
        return self.wrap(resolver.resolve_id(self.option, resolver.registry(self.entity), scope, value))

    def wrap(self, identifier):
        return {self.body_field: {'type': self.option, 'id': identifier}}

    def current(self, obj):
        owner = obj.get(self.body_field)
        return owner.get('id') if isinstance(owner, dict) else None


def check_application(engine, current):
    """A new application needs an owner, and a team that owns one must be allowed to (``can_own_applications``)."""
    decision = engine.last_decision
    if decision is None or not decision.writes:
        return
    creating = decision.action in (decide.CREATE, decide.RECREATE)
    owner = (decision.body or {}).get('owner') if creating else decision.changes.get('owner')
    if creating and not owner:
        raise KonnectParameterError('developer or team: required to create %s (its owner).' % engine.entity.describe(engine.desired.get('name')))
    if isinstance(owner, dict) and owner.get('type') == 'team':
        team_entity = engine.registry('portal_team')
        team = engine.resolver.seen.get(('portal_team', owner['id'])) or engine.resolver.get_by_id(team_entity, engine.scope, owner['id'])
        if team is not None and not team.get('can_own_applications'):
            raise KonnectParameterError("team: portal team '%s' cannot own applications; set can_own_applications: true on it first "
                                        "(konnect.konnect.portal_team)." % team.get('name'))


class ApplicationEngine(EntityEngine):
    """An application: Konnect changes only its owner. A description it was created without counts as a change to a
    create-only field too (refused, or ``recreate``), rather than being ignored because Konnect holds null."""

    def decide(self, current, desired):
        if current is not None and 'description' in desired and current.get('description') is None:
            current = dict(current, description='')
        return super(ApplicationEngine, self).decide(current, desired)

    def diff_view(self, obj, names):
        """The owner as ``owner: <type> <name> (<id>)``, whichever of developer and team the task gives."""
        view = super(ApplicationEngine, self).diff_view(obj, names)
        owner = (obj or {}).get('owner')
        if not view or not isinstance(owner, dict) or not owner.get('id'):
            return view
        owners = dict((item.option, item) for item in self.entity.references if isinstance(item, OwnerReference))
        for option in owners:
            view.pop(option, None)
        reference = owners[owner.get('type')]
        label = self.reference_label(reference, owner['id'])
        view['owner'] = '%s %s' % (owner['type'], '%s (%s)' % (label, owner['id']) if label and label != owner['id'] else owner['id'])
        return view


class PortalApplication(Entity):
    engine_class = ApplicationEngine


PORTAL_APPLICATION = PortalApplication(
    'portal_application', 'portal application', '/v3/portals/{portal}/applications',
    fields=[Field('name'), Field('description', create_only=True), Field('labels', type='dict', create_only=True),
            Field('client_id', create_only=True, no_log=False), Field('dcr_client_id', create_only=True, shown=False, no_log=False)],
    references=[OwnerReference('developer', 'portal_developer', 'team'), OwnerReference('team', 'portal_team', 'developer'),
                IdReference('auth_strategy', 'application_auth_strategy', body_field='auth_strategy_id', create_only=True)],
    key='name', lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', update_fields=('owner',),  # PATCH takes only owner (PM:915)
    parents=[ON_PORTAL], match_paths={'auth_strategy_id': 'auth_strategy.id'}, writable=check_application,
    filterable={'name': STRING_FILTER, 'developer_id': ('eq', 'neq', 'oeq'), 'team_id': ('eq', 'neq', 'oeq')},
)


# -- registrations ----------------------------------------------------------------------------------

class RegistrationApiReference(IdReference):
    """The API of a registration, by name or id, in the task's region; sent as ``api_id``."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        return self.wrap(resolver.resolve_id(self.option, resolver.registry(self.entity), {}, value))

    def current(self, obj):
        return obj.get(self.body_field) or get_path(obj, 'api.id')


class RegistrationEngine(EntityEngine):
    """A registration: created only for an API published to the portal with an auth strategy; its initial status follows
    the publication's, then the portal's, auto-approval; the consumer link is its own request (``PUT .../consumer``)."""

    def decide(self, current, desired):
        if desired.get('consumer') == '' and get_path(current or {}, 'consumer.id') is None:
            desired = dict((name, value) for name, value in desired.items() if name != 'consumer')  # no link, none wanted
        decision = super(RegistrationEngine, self).decide(current, desired)
        if decision.action == decide.CREATE:
            self.check_creatable(decision, desired)
        return decision

    def check_creatable(self, decision, desired):
        status = desired.get('status')
        if status is not None and status not in REGISTRATION_CREATE_STATUSES:
            raise KonnectParameterError('status: a registration is created %s; create it, then set it to %s.' % (
                ' or '.join(REGISTRATION_CREATE_STATUSES), status))
        portal = portal_of(self)
        publication = self.publication(desired['api_id'], portal)
        if status is None:
            auto = publication.get('auto_approve_registrations') or portal.get('auto_approve_applications')
            decision.predicted['status'] = 'approved' if auto else 'pending'

    def publication(self, api_id, portal):
        """The API's publication to the portal; a clear error when applications cannot register for the API there."""
        path = '/v3/apis/%s/publications/%s' % (api_id, self.scope['portal'])
        api_label = self.params.get('api') if not looks_like_id(self.params.get('api')) else api_id
        response = self.client.get(path, what="the publication of API '%s'" % api_label, expected=(404,))
        portal_label = portal.get('name') or self.scope['portal']
        if response.status == 404 and looks_like_id(self.params.get('api')) and \
                self.resolver.get_by_id(self.registry('api'), {}, api_id) is None:
            raise KonnectParameterError('api: no API with id %s was found.' % api_id)
        if response.status == 404:
            raise KonnectParameterError("api: API '%s' is not published to portal '%s', so applications cannot register for it; "
                                        "publish it first (konnect.konnect.api_publication)." % (api_label, portal_label))
        publication = response.body or {}
        strategies = publication.get('auth_strategy_ids', [portal.get('default_application_auth_strategy_id')])
        if not strategies or not any(strategies):
            raise KonnectParameterError("api: API '%s' is published to portal '%s' without an application auth strategy, so "
                                        "applications cannot register for it; give the publication one." % (api_label, portal_label))
        return publication

    def describe_current(self, current):
        api = current.get('api') or {}
        given = self.params.get('api')
        name = api.get('name') or (given if given and not looks_like_id(given) else None) or api.get('id') or current.get('api_id')
        return "the registration for API '%s'" % name

    def apply(self, decision, current, desired):
        changes = decision.changes
        if decision.action == decide.UPDATE and set(changes) == {'consumer'}:
            registration = current  # only the link changes: nothing to PATCH
        else:
            registration = wait_until_status_shows(self, decision, super(RegistrationEngine, self).apply(decision, current, desired))
        if changes.get('consumer') is not None:
            return self.link_consumer(registration, changes['consumer'])
        return registration

    def link_consumer(self, registration, consumer):
        path = self.item_path(registration) + '/consumer'
        what = 'the link of %s to consumer %s' % (self.describe_current(registration), consumer) if consumer else \
            'the consumer link of %s' % self.describe_current(registration)
        if consumer:
            self.client.request('PUT', path, body={'id': consumer}, what=what)
        else:
            self.client.request('DELETE', path, what=what, expected=(404,))
        return self.resolver.get_by_id(self.entity, self.scope, registration['id']) or registration


class PortalApplicationRegistration(Entity):
    engine_class = RegistrationEngine


PORTAL_APPLICATION_REGISTRATION = PortalApplicationRegistration(
    'portal_application_registration', 'application registration', '/v3/portals/{portal}/applications/{application}/registrations',
    fields=[Field('status', choices=STATUSES), Field('consumer', response_path='consumer.id')],
    references=[RegistrationApiReference('api', 'api', body_field='api_id', required=True)],
    key='api_id', lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    create_fields=('api_id', 'status'), update_fields=('status',),
    parents=[ON_PORTAL, Parent('application', 'portal_application')], match_paths={'api_id': 'api.id'},
    writable=check_status_change, filterable={'status': STRING_FILTER},
)


# -- single sign-on -----------------------------------------------------------------------------------

PORTAL_IDP_CONFIG = dict(
    issuer_url=dict(type='str'), client_id=dict(type='str'), client_secret=dict(type='str', no_log=True),
    scopes=dict(type='list', elements='str'), claim_mappings=dict(type='dict'),
    idp_metadata_url=dict(type='str'), idp_metadata_xml=dict(type='str'),
)


def check_single_enabled(engine, current):
    """Konnect lets one identity provider of a portal be enabled at a time (PM:6794): say which one is, before writing."""
    decision = engine.last_decision
    if decision is None or not decision.writes:
        return
    wanted = (decision.body or {}).get('enabled') if decision.action == decide.RECREATE else decision.changes.get('enabled')
    if wanted is not True:
        return
    providers = engine.client.paginate(engine.entity.collection_path(engine.scope), engine.entity.pagination,
                                       what='the identity providers of the portal')
    enabled = [item for item in providers if item.get('enabled') and item.get('id') != (current or {}).get('id')]
    if enabled:
        raise KonnectParameterError('enabled: the %s identity provider of this portal is enabled, and a portal can have only one '
                                    'enabled identity provider; disable that one first.' % enabled[0].get('type'))


PORTAL_IDENTITY_PROVIDER = Entity(
    'portal_identity_provider', 'portal identity provider', '/v3/portals/{portal}/identity-providers',
    fields=[Field('type', choices=['oidc', 'saml'], create_only=True), Field('enabled', type='bool'),
            Field('config', type='dict', options=PORTAL_IDP_CONFIG, secret_keys=('client_secret',))],
    key='type', lookup=LOOKUP_FILTER, pagination='none', update_method='PATCH', parents=[ON_PORTAL],
    filterable={'type': ('eq',)}, writable=check_single_enabled,
)

PORTAL_IDENTITY_PROVIDER_TEAM_GROUP_MAPPING = Entity(
    'portal_identity_provider_team_group_mapping', 'portal team group mapping',
    '/v3/portals/{portal}/identity-providers/{identity_provider}/team-group-mappings',
    fields=[Field('group', required=True)],
    references=[IdReference('team', 'portal_team', body_field='team_id', required=True)],
    key=('team_id', 'group'), lookup=LOOKUP_FILTER, pagination='cursor', update_method=None,
    parents=[ON_PORTAL, Parent('identity_provider', 'portal_identity_provider')], filterable={'team_id': ('eq',), 'group': ('eq',)},
)


class TeamGroupMappingsEngine(object):
    """The portal's team group mapping document: for each team, the identity provider groups whose members join it.

    Konnect takes the groups of each team it is given as a whole and leaves other teams alone; ``exclusive`` empties
    the teams the task does not list, ``state: absent`` removes the listed groups (all of a team's when none is listed).
    """

    def __init__(self, entity, params, client, registry, check_mode=False, diff_mode=False, **_kwargs):
        self.entity = entity
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.team_names = {}

    def run(self):
        portal_value = self.params['portal']
        try:
            portal_id = self.resolver.resolve_id('portal', self.registry('portal'), {}, portal_value)
            path = self.entity.item_path({'portal': portal_id})
            current = self.read(path, portal_value)
        except KonnectParameterError:
            if self.params.get('state') == 'absent':
                return {'changed': False, 'action': 'unchanged', self.entity.name: {'mappings': []}}  # no portal or provider: no mappings
            raise
        wanted = self.wanted_teams(portal_id)
        after = self.desired_document(current, wanted)
        changes = dict((team, groups) for team, groups in after.items() if set(groups) != set(current.get(team, [])))
        if changes and not self.check_mode:
            self.verify_teams(portal_id, changes)
            body = {'data': [{'team_id': team, 'groups': groups} for team, groups in changes.items()]}
            self.client.request('PATCH', path, body=body, what='the team group mappings of portal %s' % portal_value)
        document = [{'team_id': team, 'groups': groups} for team, groups in after.items() if groups]
        result = {'changed': bool(changes), 'action': 'updated' if changes else 'unchanged', self.entity.name: {'mappings': document}}
        if self.diff_mode:
            shown = sorted(set(changes) | set(team for team, _groups in wanted))
            result['diff'] = {'before': self.diff_view(current, shown), 'after': self.diff_view(after, shown)}
        return result

    def read(self, path, portal_value):
        """``{team id: [groups]}`` as Konnect holds it, every page read."""
        try:
            items = list(self.client.paginate(path, self.entity.pagination, what='the team group mappings of portal %s' % portal_value))
        except KonnectApiError as exc:
            if exc.status == 404:
                raise KonnectParameterError('portal: no portal %s was found.' % portal_value)
            if exc.status == 400:
                raise KonnectParameterError('portal: portal %s has no identity provider to map groups from; create one first '
                                            '(konnect.konnect.portal_identity_provider). %s' % (portal_value, exc.msg))
            raise
        return dict((item['team_id'], list(item.get('groups') or [])) for item in items)

    def wanted_teams(self, portal_id):
        """``[(team id, groups or None)]`` from ``mappings``; teams given by name are looked up (one listing)."""
        mappings = self.params.get('mappings') or []
        if any(not looks_like_id(mapping['team']) for mapping in mappings):
            self.list_teams(portal_id)
        wanted = []
        for mapping in mappings:
            team = mapping['team']
            if not looks_like_id(team):
                found = [identifier for identifier, name in self.team_names.items() if name == team]
                if len(found) != 1:
                    raise KonnectParameterError("mappings: %s portal team named '%s' in this portal; give the team's id." % (
                        'no' if not found else 'more than one', team))
                team = found[0]
            groups = mapping.get('groups')
            wanted.append((team, None if groups is None else list(dict.fromkeys(groups))))
        return wanted

    def list_teams(self, portal_id):
        if not self.team_names:
            team = self.registry('portal_team')
            for item in self.client.paginate(team.collection_path({'portal': portal_id}), team.pagination, what='the teams of the portal'):
                self.team_names[item['id']] = item.get('name')
        return self.team_names

    def verify_teams(self, portal_id, changes):
        unknown = [team for team in changes if team not in self.list_teams(portal_id)]
        if unknown:
            raise KonnectParameterError('mappings: no portal team with id %s in this portal.' % ', '.join(sorted(unknown)))

    def desired_document(self, current, wanted):
        after = copy.deepcopy(current)
        absent = self.params.get('state') == 'absent'
        for team, groups in wanted:
            if absent:
                after[team] = [] if groups is None else [group for group in current.get(team, []) if group not in groups]
            else:
                after[team] = groups if groups is not None else current.get(team, [])
        if self.params.get('exclusive') and not absent:
            listed = set(team for team, _groups in wanted)
            for team in after:
                if team not in listed:
                    after[team] = []
        return after

    def diff_view(self, document, teams):
        return dict((self.team_names.get(team) or team, sorted(document.get(team, []))) for team in teams)


class PortalTeamGroupMappings(Singleton):
    engine_class = TeamGroupMappingsEngine


PORTAL_TEAM_GROUP_MAPPINGS = PortalTeamGroupMappings(
    'portal_team_group_mappings', 'team group mappings', '/v3/portals/{portal}/identity-provider/team-group-mappings',
    fields=[Field('mappings', type='list', elements='dict', shown=False,
                  options=dict(team=dict(type='str', required=True), groups=dict(type='list', elements='str'))),
            Field('exclusive', type='bool', shown=False), Field('state', choices=['present', 'absent'], shown=False)],
    parents=[ON_PORTAL], pagination='page', plural='portal_team_group_mappings',
)

ENTITIES = (
    PORTAL_DEVELOPER, PORTAL_TEAM, PORTAL_TEAM_DEVELOPER, PORTAL_TEAM_ROLE, PORTAL_ROLE, PORTAL_APPLICATION,
    PORTAL_APPLICATION_REGISTRATION, PORTAL_IDENTITY_PROVIDER, PORTAL_IDENTITY_PROVIDER_TEAM_GROUP_MAPPING, PORTAL_TEAM_GROUP_MAPPINGS,
)
