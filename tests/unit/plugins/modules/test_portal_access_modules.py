# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who may see and use a portal: developers, teams, their members and roles, applications, registrations and single
sign-on, each module walked through its life against the emulator, and the emulator's own rules for them."""

from __future__ import annotations

import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    returned,
    writes,
)

KEY_AUTH = {'name': 'key-auth', 'display_name': 'Key auth', 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['apikey']}}}
UNKNOWN_ID = '99999999-9999-4999-8999-999999999999'
SECRET = 's3cr3t-client-secret'


def answer(emulator, method, path, body=None):
    """Konnect's status and body for a request that may fail (``konnect()`` insists on success)."""
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body, headers={'Authorization': 'Bearer ' + DEMO_TOKEN},
                                timeout=10)
    return response.status_code, (response.json() if response.content else None)


class Org(object):
    """A portal with a key-auth strategy and an API published to it with that strategy, set up over HTTP."""

    def __init__(self, emulator, published=True, auto_approve_registrations=False, **portal):
        self.emulator = emulator
        self.portal = konnect(emulator, 'POST', '/v3/portals', dict({'name': 'dev'}, **portal))['id']
        self.strategy = konnect(emulator, 'POST', '/v2/application-auth-strategies', KEY_AUTH)['id']
        self.api = konnect(emulator, 'POST', '/v3/apis', {'name': 'pets', 'version': 'v1'})['id']
        if published:
            self.publish(self.api, auto_approve_registrations)

    def publish(self, api, auto_approve_registrations=False, strategies=True):
        body = {'auth_strategy_ids': [self.strategy] if strategies else None, 'auto_approve_registrations': auto_approve_registrations}
        konnect(self.emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, self.portal), body)

    def path(self, suffix=''):
        return '/v3/portals/%s%s' % (self.portal, suffix)

    def developer(self, email='jane@example.com', status='approved'):
        return konnect(self.emulator, 'POST', self.path('/developers'), {'email': email, 'full_name': email.split('@')[0], 'status': status})['id']

    def team(self, name='acme', can_own_applications=True):
        return konnect(self.emulator, 'POST', self.path('/teams'), {'name': name, 'can_own_applications': can_own_applications})['id']

    def application(self, name='billing', owner=None):
        owner = owner or {'type': 'developer', 'id': self.developer()}
        return konnect(self.emulator, 'POST', self.path('/applications'), {'name': name, 'owner': owner, 'auth_strategy_id': self.strategy})['id']

    def identity_provider(self, kind='oidc', enabled=False):
        config = {'issuer_url': 'https://idp.example.com', 'client_id': 'portal'} if kind == 'oidc' else {'idp_metadata_url': 'https://idp.example.com/m'}
        return konnect(self.emulator, 'POST', self.path('/identity-providers'), {'type': kind, 'enabled': enabled, 'config': config})['id']


# ---- developers ----------------------------------------------------------------------------------------


def test_portal_developer(emulator):
    org = Org(emulator)
    developer = Module(emulator, 'portal_developer')
    created = assert_lifecycle(developer, create=dict(portal=org.portal, email='jane.doe@example.com', full_name='Jane Doe', status='pending'),
                               update=dict(status='approved'))
    assert created['status'] == 'pending'
    assert_refused(developer, dict(portal='nope', email='a@example.com', full_name='A'), 'portal', 'nope')
    assert_refused(developer, dict(portal=UNKNOWN_ID, email='a@example.com', full_name='A'), 'portal', UNKNOWN_ID)
    assert_refused(developer, dict(portal=org.portal, email='a@example.com'), 'full_name', 'required')
    assert_refused(developer, dict(portal=org.portal, email='a@example.com', full_name='A', status='banned'), 'status', 'approved')


def test_portal_developer_found_by_email_in_any_case(emulator):
    org = Org(emulator)
    developer = Module(emulator, 'portal_developer')
    created = developer(portal='dev', email='Jane.Doe@Example.COM', full_name='Jane Doe')
    assert created['changed'] and returned(developer, created)['email'] == 'jane.doe@example.com'
    again, sent = developer.counted(portal=org.portal, email='JANE.DOE@example.com', full_name='Jane Doe')
    assert not again['changed'] and len(sent) == 1
    assert returned(developer, again)['id'] == returned(developer, created)['id']


def test_portal_developer_initial_status_follows_the_portal(emulator):
    strict = Org(emulator)
    developer = Module(emulator, 'portal_developer')
    predicted = developer(check_mode=True, portal=strict.portal, email='a@example.com', full_name='A')
    assert returned(developer, predicted)['status'] == 'pending'
    assert returned(developer, developer(portal=strict.portal, email='a@example.com', full_name='A'))['status'] == 'pending'
    open_portal = konnect(emulator, 'POST', '/v3/portals', {'name': 'open', 'auto_approve_developers': True})['id']
    predicted = developer(check_mode=True, portal=open_portal, email='b@example.com', full_name='B')
    assert returned(developer, predicted)['status'] == 'approved'
    assert returned(developer, developer(portal=open_portal, email='b@example.com', full_name='B'))['status'] == 'approved'
    assert returned(developer, developer(portal=open_portal, email='c@example.com', full_name='C', status='rejected'))['status'] == 'rejected'


def test_portal_developer_status_machine(emulator):
    org = Org(emulator)
    developer = Module(emulator, 'portal_developer')
    args = dict(portal=org.portal, email='jane@example.com', full_name='Jane')
    developer(status='pending', **args)
    assert_refused(developer, dict(args, status='revoked'), 'status', 'pending', 'revoked', 'approved or rejected')
    assert_refused(developer, dict(args, status='revoked'), 'status', check_mode=True)
    for status in ('approved', 'revoked', 'approved'):
        assert developer(status=status, **args)['changed']
    assert_refused(developer, dict(args, status='pending'), 'status', 'cannot become pending', 'revoked')
    assert developer(status='revoked', **args)['changed']
    assert_refused(developer, dict(args, status='rejected'), 'status', 'approved')


def test_portal_developer_name_is_fixed_at_creation(emulator):
    org = Org(emulator)
    developer = Module(emulator, 'portal_developer')
    args = dict(portal=org.portal, email='jane@example.com', full_name='Jane', status='approved')
    first = returned(developer, developer(**args))
    org.application(owner={'type': 'developer', 'id': first['id']})
    assert_refused(developer, dict(args, full_name='Jane Doe'), 'full_name', 'recreate')
    recreated = developer(diff=True, recreate=True, **dict(args, full_name='Jane Doe'))
    assert recreated['changed'] and returned(developer, recreated)['id'] != first['id']
    assert returned(developer, recreated)['full_name'] == 'Jane Doe' and returned(developer, recreated)['status'] == 'approved'
    assert konnect(emulator, 'GET', org.path('/applications'))['data'] == []  # the old developer's application went with them


def test_emulator_developers(emulator):
    org = Org(emulator)
    jane = org.developer('jane@example.com')
    status, body = answer(emulator, 'POST', org.path('/developers'), {'email': 'JANE@example.com', 'full_name': 'Jane'})
    assert status == 409 and body['detail'] == 'Developer with the given email already exists'
    status, body = answer(emulator, 'PATCH', org.path('/developers/' + jane), {'status': 'pending'})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'status'
    team = org.team()
    konnect(emulator, 'POST', org.path('/teams/%s/developers' % team), {'id': jane})
    application = org.application(owner={'type': 'developer', 'id': jane})
    konnect(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': org.api})
    assert [item['name'] for item in konnect(emulator, 'GET', org.path('/developers/%s/teams' % jane))['data']] == ['acme']
    konnect(emulator, 'DELETE', org.path('/developers/' + jane))
    assert konnect(emulator, 'GET', org.path('/applications'))['data'] == []
    assert konnect(emulator, 'GET', org.path('/application-registrations'))['data'] == []
    assert konnect(emulator, 'GET', org.path('/teams/%s/developers' % team))['data'] == []
    assert answer(emulator, 'GET', '/v3/applications/' + application)[0] == 404
    konnect(emulator, 'POST', org.path('/developers'), {'email': 'jane@example.com', 'full_name': 'Jane'})  # the email is free again


def test_portal_developer_info(emulator):
    org = Org(emulator)
    org.developer('jane@example.com', 'approved')
    bob = org.developer('bob@example.com', 'pending')
    info = Module(emulator, 'portal_developer_info')
    assert [item['id'] for item in info(portal='dev', email='bob@example.com')['portal_developers']] == [bob]
    assert [item['id'] for item in info(portal=org.portal, id=bob)['portal_developers']] == [bob]
    assert sorted(item['email'] for item in info(portal=org.portal)['portal_developers']) == ['bob@example.com', 'jane@example.com']
    result, sent = info.counted(portal=org.portal, filters={'status': 'pending'})
    assert [item['id'] for item in result['portal_developers']] == [bob] and sent[0]['query']['filter[status][eq]'] == ['pending']
    assert info(portal=org.portal, email='nobody@example.com')['portal_developers'] == []


# ---- teams, members, roles -----------------------------------------------------------------------------


def test_portal_team(emulator):
    org = Org(emulator)
    team = Module(emulator, 'portal_team')
    assert_lifecycle(team, create=dict(portal=org.portal, name='acme', description='Acme developers', can_own_applications=False),
                     update=dict(description='Acme and friends', can_own_applications=True))
    assert_refused(team, dict(portal='nope', name='acme'), 'portal', 'nope')
    too_long = team(portal=org.portal, name='other', description='x' * 300)
    assert too_long.get('failed') and 'description' in too_long['msg']
    assert [item['name'] for item in konnect(emulator, 'GET', org.path('/teams'))['data']] == []
    org.team('twins')
    org.team('twins')
    assert_refused(team, dict(portal=org.portal, name='twins', description='one of two'), 'found 2', 'give the id')


def test_emulator_team_delete_takes_roles_memberships_and_mappings(emulator):
    org = Org(emulator)
    team, jane = org.team(), org.developer()
    konnect(emulator, 'POST', org.path('/teams/%s/developers' % team), {'id': jane})
    role = {'role_name': 'API Viewer', 'entity_id': org.api, 'entity_type_name': 'Services', 'entity_region': 'us'}
    konnect(emulator, 'POST', org.path('/teams/%s/assigned-roles' % team), role)
    status, body = answer(emulator, 'POST', org.path('/teams/%s/assigned-roles' % team), role)
    assert status == 409
    idp = org.identity_provider()
    konnect(emulator, 'POST', org.path('/identity-providers/%s/team-group-mappings' % idp), {'team_id': team, 'group': 'devs'})
    konnect(emulator, 'DELETE', org.path('/teams/' + team))
    assert answer(emulator, 'GET', org.path('/teams/%s/assigned-roles' % team))[0] == 404
    assert konnect(emulator, 'GET', org.path('/identity-providers/%s/team-group-mappings' % idp))['data'] == []
    assert konnect(emulator, 'GET', org.path('/developers/%s/teams' % jane))['data'] == []
    assert konnect(emulator, 'GET', org.path('/developers/' + jane))['id'] == jane  # members stay developers


def test_portal_team_info(emulator):
    org = Org(emulator)
    acme = org.team('acme', True)
    org.team('globex', False)
    info = Module(emulator, 'portal_team_info')
    assert [item['id'] for item in info(portal='dev', name='acme')['portal_teams']] == [acme]
    assert [item['id'] for item in info(portal=org.portal, id=acme)['portal_teams']] == [acme]
    assert sorted(item['name'] for item in info(portal=org.portal)['portal_teams']) == ['acme', 'globex']
    result, sent = info.counted(portal=org.portal, filters={'can_own_applications': True})
    assert [item['id'] for item in result['portal_teams']] == [acme] and sent[0]['query']['filter[can_own_applications]'] == ['true']


def test_portal_team_developer(emulator):
    org = Org(emulator)
    team, jane, bob = org.team(), org.developer('jane@example.com'), org.developer('bob@example.com')
    member = Module(emulator, 'portal_team_developer')
    # A membership cannot change: the "update" makes another one (bob), which the deletions remove again.
    created = assert_lifecycle(member, create=dict(portal=org.portal, team=team, developer=jane), update=dict(developer=bob))
    assert created['email'] == 'jane@example.com' and created['active'] is True
    by_email, sent = member.counted(portal='dev', team='acme', developer='JANE@example.com')
    assert not by_email['changed']
    assert_refused(member, dict(portal=org.portal, team=team, developer='nobody@example.com'), 'developer', 'nobody@example.com')
    assert_refused(member, dict(portal=org.portal, team='nope', developer=jane), 'team', 'nope')
    assert_refused(member, dict(portal=org.portal, team=team, developer=UNKNOWN_ID), 'developer', UNKNOWN_ID)
    other = konnect(emulator, 'POST', '/v3/portals', {'name': 'other'})['id']
    stranger = konnect(emulator, 'POST', '/v3/portals/%s/developers' % other, {'email': 'x@example.com', 'full_name': 'X'})['id']
    assert answer(emulator, 'POST', org.path('/teams/%s/developers' % team), {'id': stranger})[0] == 404
    status, body = answer(emulator, 'POST', org.path('/teams/%s/developers' % team), {'id': jane})
    assert status == 409 and 'already a member' in body['detail']


def test_portal_team_developer_info(emulator):
    org = Org(emulator)
    team, jane, bob = org.team(), org.developer('jane@example.com'), org.developer('bob@example.com', 'pending')
    for developer in (jane, bob):
        konnect(emulator, 'POST', org.path('/teams/%s/developers' % team), {'id': developer})
    info = Module(emulator, 'portal_team_developer_info')
    assert sorted(item['email'] for item in info(portal=org.portal, team=team)['portal_team_developers']) == ['bob@example.com', 'jane@example.com']
    assert [item['id'] for item in info(portal='dev', team='acme', id=bob)['portal_team_developers']] == [bob]
    assert [item['id'] for item in info(portal=org.portal, team=team, filters={'active': False})['portal_team_developers']] == [bob]


def test_portal_team_role(emulator):
    org = Org(emulator)
    team = org.team()
    role = Module(emulator, 'portal_team_role')
    created = assert_lifecycle(role, create=dict(portal=org.portal, team=team, role_name='API Viewer', api=org.api),
                               update=dict(role_name='API Consumer'))
    assert created['entity_type_name'] == 'Services' and created['entity_id'] == org.api and created['entity_region'] == 'us'
    by_name = role(diff=True, portal='dev', team='acme', role_name='API Consumer', api='pets')
    assert by_name['changed'] and by_name['diff']['after']['api'] == 'pets (%s)' % org.api
    assert not role(portal='dev', team='acme', role_name='API Consumer', api='pets', entity_region='us')['changed']
    assignment = returned(role, by_name)
    gone = role(portal=org.portal, team=team, id=assignment['id'], state='absent')
    assert gone['changed'] and not role(portal=org.portal, team=team, id=assignment['id'], state='absent')['changed']
    assert_refused(role, dict(portal=org.portal, team=team, role_name='API Viewer', api='nope'), 'api', 'nope')
    assert_refused(role, dict(portal=org.portal, team=team, role_name='API Viewer', api='pets', entity_region='*'), 'api', 'entity_region')
    assert_refused(role, dict(portal=org.portal, team=team, role_name='API Viewer', api='pets', entity_region='eu'), 'api', 'pets', 'eu')
    assert_refused(role, dict(portal=org.portal, team=team, role_name='Admin', api=org.api), 'role_name')
    assert_refused(role, dict(portal=org.portal, team=UNKNOWN_ID, role_name='API Viewer', api=org.api), 'team', UNKNOWN_ID)
    status, body = answer(emulator, 'POST', org.path('/teams/%s/assigned-roles' % team),
                          {'role_name': 'API Viewer', 'entity_id': org.api, 'entity_type_name': 'APIs', 'entity_region': 'us'})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'entity_type_name'


def test_portal_team_role_info_and_the_catalogue(emulator):
    org = Org(emulator)
    team = org.team()
    for name in ('API Viewer', 'API Consumer'):
        konnect(emulator, 'POST', org.path('/teams/%s/assigned-roles' % team),
                {'role_name': name, 'entity_id': org.api, 'entity_type_name': 'Services', 'entity_region': 'us'})
    info = Module(emulator, 'portal_team_role_info')
    roles = info(portal=org.portal, team=team)['portal_team_roles']
    assert sorted(item['role_name'] for item in roles) == ['API Consumer', 'API Viewer']
    assert [item['role_name'] for item in info(portal='dev', team='acme', filters={'role_name': 'API Consumer'})['portal_team_roles']] == ['API Consumer']
    assert [item['id'] for item in info(portal=org.portal, team=team, id=roles[0]['id'])['portal_team_roles']] == [roles[0]['id']]
    catalogue, sent = Module(emulator, 'portal_role_info').counted()
    assert sorted((item['entity_type_name'], item['name']) for item in catalogue['portal_roles']) == [
        ('Services', 'API Consumer'), ('Services', 'API Viewer')]
    assert [(request['path'], request['base']) for request in sent] == [('/v3/portal-roles', 'us')]


# ---- applications and registrations ------------------------------------------------------------------------


def test_portal_application(emulator):
    org = Org(emulator)
    jane, bob = org.developer('jane@example.com'), org.developer('bob@example.com')
    application = Module(emulator, 'portal_application')
    created = assert_lifecycle(application, create=dict(portal=org.portal, name='billing', developer=jane, auth_strategy=org.strategy,
                                                        description='Billing', labels={'team': 'payments'}),
                               update=dict(developer=bob))
    assert created['owner'] == {'type': 'developer', 'id': jane} and created['auth_strategy']['id'] == org.strategy
    by_names = application(diff=True, portal='dev', name='shop', developer='JANE@example.com', auth_strategy='key-auth')
    assert by_names['changed'] and by_names['diff']['after']['owner'] == 'developer JANE@example.com (%s)' % jane
    assert returned(application, by_names)['owner'] == {'type': 'developer', 'id': jane}
    handed, sent = application.counted(diff=True, portal=org.portal, name='shop', team=org.team())
    assert handed['diff']['before']['owner'] == 'developer jane@example.com (%s)' % jane
    assert handed['diff']['after']['owner'] == 'team %s' % returned(application, handed)['owner']['id']
    assert [request['method'] for request in writes(sent)] == ['PATCH'] and writes(sent)[0]['body'] == {'owner': returned(application, handed)['owner']}
    assert_refused(application, dict(portal='nope', name='x', developer=jane), 'portal', 'nope')
    assert_refused(application, dict(portal=org.portal, name='x', developer=jane, auth_strategy='nope'), 'auth_strategy', 'nope')
    assert_refused(application, dict(portal=org.portal, name='x', developer=jane, auth_strategy=UNKNOWN_ID), 'auth_strategy', UNKNOWN_ID)
    assert_refused(application, dict(portal=org.portal, name='x', developer='nobody@example.com'), 'developer', 'nobody@example.com')
    assert_refused(application, dict(portal=org.portal, name='x'), 'developer or team', 'required')
    assert_refused(application, dict(portal=org.portal, name='x', developer=jane, team='acme'), 'developer', 'team', 'one owner')


def test_portal_application_owned_by_a_team(emulator):
    org = Org(emulator)
    acme, closed = org.team('acme', True), org.team('closed', False)
    application = Module(emulator, 'portal_application')
    owned = application(portal=org.portal, name='billing', team='acme', auth_strategy='key-auth')
    assert owned['changed'] and returned(application, owned)['owner'] == {'type': 'team', 'id': acme}
    assert_refused(application, dict(portal=org.portal, name='billing', team='closed'), 'team', 'closed', 'can_own_applications')
    assert_refused(application, dict(portal=org.portal, name='other', team=closed), 'team', 'can_own_applications')
    status, body = answer(emulator, 'POST', org.path('/applications'), {'name': 'x', 'owner': {'type': 'team', 'id': closed},
                                                                        'auth_strategy_id': org.strategy})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'owner.id'


def test_portal_application_fields_fixed_at_creation(emulator):
    org = Org(emulator)
    jane = org.developer()
    other = konnect(emulator, 'POST', '/v2/application-auth-strategies', dict(KEY_AUTH, name='other', configs={'key-auth': {'key_names': ['k']}}))['id']
    application = Module(emulator, 'portal_application')
    args = dict(portal=org.portal, name='billing', developer=jane, auth_strategy=org.strategy)
    first = returned(application, application(**args))
    konnect(emulator, 'POST', org.path('/applications/%s/registrations' % first['id']), {'api_id': org.api})
    assert_refused(application, dict(args, auth_strategy=other), 'auth_strategy', 'recreate')
    assert_refused(application, dict(args, description='added later'), 'description', 'recreate')
    assert_refused(application, dict(args, description='added later'), 'description', check_mode=True)
    named_only = dict(portal=org.portal, name='billing', description='added later', recreate=True)
    recreated = application(**named_only)  # the owner and the strategy are carried over from the old application
    new = returned(application, recreated)
    assert recreated['changed'] and new['id'] != first['id'] and new['description'] == 'added later'
    assert new['owner'] == {'type': 'developer', 'id': jane} and new['auth_strategy']['id'] == org.strategy
    assert not application(**named_only)['changed']
    assert answer(emulator, 'GET', org.path('/applications/%s/registrations' % first['id']))[0] == 404


def test_portal_application_info(emulator):
    org = Org(emulator)
    jane = org.developer()
    billing = org.application('billing', {'type': 'developer', 'id': jane})
    org.application('shop', {'type': 'team', 'id': org.team()})
    info = Module(emulator, 'portal_application_info')
    assert [item['id'] for item in info(portal='dev', name='billing')['portal_applications']] == [billing]
    assert [item['id'] for item in info(portal=org.portal, id=billing)['portal_applications']] == [billing]
    assert sorted(item['name'] for item in info(portal=org.portal)['portal_applications']) == ['billing', 'shop']
    result, sent = info.counted(portal=org.portal, filters={'developer_id': jane})
    assert [item['id'] for item in result['portal_applications']] == [billing] and sent[0]['query']['filter[developer_id][eq]'] == [jane]


def test_portal_application_registration(emulator):
    org = Org(emulator)
    application = org.application()
    registration = Module(emulator, 'portal_application_registration')
    created = assert_lifecycle(registration, create=dict(portal=org.portal, application=application, api=org.api, status='pending'),
                               update=dict(status='approved'))
    assert created['api'] == {'id': org.api, 'name': 'pets', 'version': 'v1', 'entity_type': 'api'}
    by_names = registration(diff=True, portal='dev', application='billing', api='pets', status='approved')
    assert by_names['changed'] and by_names['diff']['after']['api'] == 'pets (%s)' % org.api
    assert_refused(registration, dict(portal=org.portal, application=application, api='pets', status='pending'), 'status', 'approved', 'pending')
    assert_refused(registration, dict(portal=org.portal, application=application, api='nope'), 'api', 'nope')
    assert_refused(registration, dict(portal=org.portal, application=application, api=UNKNOWN_ID), 'api', 'no API', UNKNOWN_ID)
    assert_refused(registration, dict(portal=org.portal, application='nope', api=org.api), 'application', 'nope')
    assert_refused(registration, dict(portal='nope', application=application, api=org.api), 'portal', 'nope')
    status, body = answer(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': org.api})
    assert status == 409 and body['detail'] == 'API is already registered to the application'


def test_portal_application_registration_needs_a_publication_with_a_strategy(emulator):
    org = Org(emulator)
    application = org.application()
    registration = Module(emulator, 'portal_application_registration')
    hidden = konnect(emulator, 'POST', '/v3/apis', {'name': 'hidden', 'version': 'v1'})['id']
    assert_refused(registration, dict(portal=org.portal, application=application, api='hidden'), 'api', 'hidden', 'not published', 'dev')
    assert_refused(registration, dict(portal=org.portal, application=application, api='hidden'), 'not published', check_mode=True)
    assert answer(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': hidden})[0] == 400
    org.publish(hidden, strategies=False)
    assert_refused(registration, dict(portal=org.portal, application=application, api=hidden), 'without an application auth strategy')
    assert answer(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': hidden})[0] == 400
    assert_refused(registration, dict(portal=org.portal, application=application, api=org.api, status='revoked'), 'status', 'approved or pending')


def test_portal_application_registration_initial_status(emulator):
    org = Org(emulator)
    application = org.application()
    registration = Module(emulator, 'portal_application_registration')
    args = dict(portal=org.portal, application=application, api=org.api)
    assert returned(registration, registration(check_mode=True, **args))['status'] == 'pending'
    assert returned(registration, registration(**args))['status'] == 'pending'
    auto = konnect(emulator, 'POST', '/v3/apis', {'name': 'auto', 'version': 'v1'})['id']
    org.publish(auto, auto_approve_registrations=True)
    assert returned(registration, registration(check_mode=True, **dict(args, api=auto)))['status'] == 'approved'
    assert returned(registration, registration(**dict(args, api=auto)))['status'] == 'approved'
    konnect(emulator, 'PATCH', org.path(), {'auto_approve_applications': True})
    portal_wide = konnect(emulator, 'POST', '/v3/apis', {'name': 'portal-wide', 'version': 'v1'})['id']
    org.publish(portal_wide)
    assert returned(registration, registration(check_mode=True, **dict(args, api=portal_wide)))['status'] == 'approved'
    assert returned(registration, registration(**dict(args, api=portal_wide)))['status'] == 'approved'


def test_portal_application_registration_consumer_link(emulator):
    org = Org(emulator)
    application = org.application()
    control_plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'prod'})['id']
    consumer = konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/consumers' % control_plane, {'username': 'acme'})['id']
    registration = Module(emulator, 'portal_application_registration')
    args = dict(portal=org.portal, application=application, api=org.api, status='approved')
    registration(**args)
    linked, sent = registration.counted(diff=True, consumer=consumer, **args)
    assert linked['changed'] and [(r['method'], r['path'].rsplit('/', 1)[-1]) for r in writes(sent)] == [('PUT', 'consumer')]
    assert returned(registration, linked)['consumer'] == {'id': consumer, 'control_plane_id': control_plane, 'username': 'acme'}
    assert linked['diff']['before']['consumer'] is None and linked['diff']['after']['consumer'] == consumer
    assert not registration(consumer=consumer, **args)['changed']
    unknown = registration(consumer=UNKNOWN_ID, **args)  # Konnect says whether a consumer exists: the link fails, nothing else
    assert unknown.get('failed') and 'consumer' in unknown['msg'] and UNKNOWN_ID in unknown['msg']
    unlinked, sent = registration.counted(consumer='', **args)
    assert unlinked['changed'] and [r['method'] for r in writes(sent)] == ['DELETE'] and 'consumer' not in returned(registration, unlinked)
    assert not registration(consumer='', **args)['changed']
    status, _body = answer(emulator, 'PUT', org.path('/applications/%s/registrations/%s/consumer' % (
        application, returned(registration, unlinked)['id'])), {'id': UNKNOWN_ID})
    assert status == 400


def test_portal_application_registration_info(emulator):
    org = Org(emulator)
    application = org.application()
    other = konnect(emulator, 'POST', '/v3/apis', {'name': 'other', 'version': 'v1'})['id']
    org.publish(other)
    first = konnect(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': org.api, 'status': 'approved'})['id']
    konnect(emulator, 'POST', org.path('/applications/%s/registrations' % application), {'api_id': other})
    info = Module(emulator, 'portal_application_registration_info')
    assert len(info(portal=org.portal, application=application)['portal_application_registrations']) == 2
    assert [item['id'] for item in info(portal='dev', application='billing', id=first)['portal_application_registrations']] == [first]
    pending = info(portal=org.portal, application=application, filters={'status': 'pending'})['portal_application_registrations']
    assert [item['api']['name'] for item in pending] == ['other']
    pets = info(portal=org.portal, application=application, filters={'api.name': 'pets'})['portal_application_registrations']
    assert [item['id'] for item in pets] == [first]
    portal_wide = konnect(emulator, 'GET', org.path('/application-registrations?filter[application_name][eq]=billing'))['data']
    assert len(portal_wide) == 2 and 'developer_id' not in portal_wide[0]


# ---- single sign-on ----------------------------------------------------------------------------------------


def test_portal_identity_provider(emulator):
    org = Org(emulator)
    provider = Module(emulator, 'portal_identity_provider')
    config = {'issuer_url': 'https://idp.example.com', 'client_id': 'portal', 'client_secret': SECRET}
    created = assert_lifecycle(provider, create=dict(portal=org.portal, type='oidc', config=config), update=dict(enabled=True), secrets=(SECRET,))
    assert created['enabled'] is False and 'client_secret' not in created['config']
    rotated = provider(diff=True, portal=org.portal, type='oidc', config=dict(config, client_secret='n3w'), update_secrets='always')
    assert rotated['changed'] and rotated['diff']['after']['config']['client_secret'] == '********' and 'n3w' not in str(rotated)
    assert_refused(provider, dict(portal='nope', type='oidc'), 'portal', 'nope')


def test_portal_identity_provider_one_enabled(emulator):
    org = Org(emulator)
    org.identity_provider('oidc', enabled=True)
    provider = Module(emulator, 'portal_identity_provider')
    saml = dict(portal=org.portal, type='saml', config={'idp_metadata_url': 'https://idp.example.com/m'})
    assert_refused(provider, dict(saml, enabled=True), 'enabled', 'oidc', 'one enabled')
    created = provider(**saml)
    assert created['changed'] and returned(provider, created)['config']['sp_entity_id'].startswith('https://cloud.konghq.com/sp/')
    assert_refused(provider, dict(saml, enabled=True), 'enabled', 'oidc')
    assert_refused(provider, dict(portal=org.portal, id=returned(provider, created)['id'], type='oidc'), 'type', 'recreate')
    status, body = answer(emulator, 'PATCH', org.path('/identity-providers/' + returned(provider, created)['id']), {'enabled': True})
    assert status == 409
    status, body = answer(emulator, 'POST', org.path('/identity-providers'), {'type': 'oidc', 'config': {'issuer_url': 'https://x', 'client_id': 'y'}})
    assert status == 409


def test_portal_identity_provider_info(emulator):
    org = Org(emulator)
    oidc = org.identity_provider('oidc', enabled=True)
    org.identity_provider('saml')
    info = Module(emulator, 'portal_identity_provider_info')
    assert [item['id'] for item in info(portal='dev', type='oidc')['portal_identity_providers']] == [oidc]
    assert [item['id'] for item in info(portal=org.portal, id=oidc)['portal_identity_providers']] == [oidc]
    assert sorted(item['type'] for item in info(portal=org.portal)['portal_identity_providers']) == ['oidc', 'saml']
    assert [item['id'] for item in info(portal=org.portal, filters={'enabled': True})['portal_identity_providers']] == [oidc]


def test_portal_identity_provider_team_group_mapping(emulator):
    org = Org(emulator)
    team, idp = org.team(), org.identity_provider()
    mapping = Module(emulator, 'portal_identity_provider_team_group_mapping')
    created = assert_lifecycle(mapping, create=dict(portal=org.portal, identity_provider=idp, team=team, group='acme-devs'),
                               update=dict(group='acme-admins'))
    assert created['team_id'] == team
    by_names = mapping(diff=True, portal='dev', identity_provider='oidc', team='acme', group='acme-ops')
    assert by_names['changed'] and by_names['diff']['after']['team'] == 'acme (%s)' % team
    assert_refused(mapping, dict(portal=org.portal, identity_provider='oidc', team='nope', group='g'), 'team', 'nope')
    assert_refused(mapping, dict(portal=org.portal, identity_provider='saml', team=team, group='g'), 'identity_provider', 'saml')
    status, body = answer(emulator, 'POST', org.path('/identity-providers/%s/team-group-mappings' % idp), {'team_id': team, 'group': 'acme-devs'})
    assert status == 409 and body['detail'] == 'The team is already mapped to this group.'
    status, body = answer(emulator, 'POST', org.path('/identity-providers/%s/team-group-mappings' % idp), {'team_id': UNKNOWN_ID, 'group': 'g'})
    assert status == 400 and body['invalid_parameters'][0]['rule'] == 'missing_reference'


def test_portal_identity_provider_team_group_mapping_info(emulator):
    org = Org(emulator)
    acme, globex, idp = org.team('acme'), org.team('globex'), org.identity_provider()
    for team, group in ((acme, 'a'), (acme, 'b'), (globex, 'g')):
        konnect(emulator, 'POST', org.path('/identity-providers/%s/team-group-mappings' % idp), {'team_id': team, 'group': group})
    info = Module(emulator, 'portal_identity_provider_team_group_mapping_info')
    assert len(info(portal=org.portal, identity_provider='oidc')['portal_identity_provider_team_group_mappings']) == 3
    found = info(portal=org.portal, identity_provider=idp, filters={'team_id': acme})['portal_identity_provider_team_group_mappings']
    assert sorted(item['group'] for item in found) == ['a', 'b']
    assert [item['id'] for item in info(portal=org.portal, identity_provider=idp, id=found[0]['id'])[
        'portal_identity_provider_team_group_mappings']] == [found[0]['id']]


def test_portal_team_group_mappings(emulator):
    org = Org(emulator)
    acme, globex = org.team('acme'), org.team('globex')
    org.identity_provider()
    document = Module(emulator, 'portal_team_group_mappings')
    assert_lifecycle(document, create=dict(portal=org.portal, mappings=[{'team': acme, 'groups': ['devs', 'admins']}]),
                     update=dict(mappings=[{'team': acme, 'groups': ['devs', 'ops']}]),
                     absent=dict(portal=org.portal, mappings=[{'team': acme}]))
    listed = document(diff=True, portal='dev', mappings=[{'team': 'acme', 'groups': ['a']}, {'team': 'globex', 'groups': ['g', 'h']}])
    assert listed['changed'] and listed['diff']['before'] == {'acme': [], 'globex': []}
    assert listed['diff']['after'] == {'acme': ['a'], 'globex': ['g', 'h']}
    assert not document(portal='dev', mappings=[{'team': 'globex', 'groups': ['h', 'g']}])['changed']  # order does not matter
    removed = document(portal=org.portal, mappings=[{'team': globex, 'groups': ['g']}], state='absent')
    assert removed['portal_team_group_mappings']['mappings'] == [{'team_id': acme, 'groups': ['a']}, {'team_id': globex, 'groups': ['h']}]
    exclusive = document(diff=True, portal=org.portal, mappings=[{'team': 'acme', 'groups': ['a']}], exclusive=True)
    assert exclusive['changed'] and exclusive['diff']['after'] == {'acme': ['a'], 'globex': []}
    read, sent = document.counted(portal=org.portal)
    assert not read['changed'] and read['portal_team_group_mappings']['mappings'] == [{'team_id': acme, 'groups': ['a']}] and len(sent) == 1
    assert konnect(emulator, 'GET', org.path('/identity-provider/team-group-mappings'))['data'] == [{'team_id': acme, 'groups': ['a']}]
    assert_refused(document, dict(portal=org.portal, mappings=[{'team': 'nope', 'groups': ['x']}]), 'mappings', 'nope')
    assert_refused(document, dict(portal=org.portal, mappings=[{'team': UNKNOWN_ID, 'groups': ['x']}]), 'mappings', UNKNOWN_ID)
    assert_refused(document, dict(portal='nope', mappings=[]), 'portal', 'nope')
    assert not document(portal='nope', mappings=[{'team': 'acme'}], state='absent')['changed']


def test_portal_team_group_mappings_need_an_identity_provider(emulator):
    org = Org(emulator)
    acme = org.team('acme')
    document = Module(emulator, 'portal_team_group_mappings')
    assert_refused(document, dict(portal=org.portal, mappings=[{'team': acme, 'groups': ['x']}]), 'identity provider', 'portal_identity_provider')
    assert answer(emulator, 'PATCH', org.path('/identity-provider/team-group-mappings'), {'data': [{'team_id': acme, 'groups': ['x']}]})[0] == 400
    enabled_later = org.identity_provider('saml')
    first = org.identity_provider('oidc', enabled=True)
    konnect(emulator, 'PATCH', org.path('/identity-provider/team-group-mappings'), {'data': [{'team_id': acme, 'groups': ['x']}]})
    assert [item['group'] for item in konnect(emulator, 'GET', org.path('/identity-providers/%s/team-group-mappings' % first))['data']] == ['x']
    assert konnect(emulator, 'GET', org.path('/identity-providers/%s/team-group-mappings' % enabled_later))['data'] == []
