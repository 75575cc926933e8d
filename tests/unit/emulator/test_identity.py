# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identity v3 and Organizations v3 behaviour of the Konnect emulator, over real HTTP."""

import re

import pytest

from emulator import DEMO_PASSWORD, DEMO_USER  # pylint: disable=import-error
from emulator.api import Api  # pylint: disable=import-error
from emulator.testing import READONLY_DEMO_TOKEN, EmulatorError, EmulatorProcess  # pylint: disable=import-error
from emulator.testing import JsonClient as Client, assert_problem, rules_by_field  # pylint: disable=import-error


@pytest.fixture
def api(fresh_emulator):
    return Client(fresh_emulator.url + '/global')


# ---- faults ------------------------------------------------------------------------


def test_rate_limit_can_be_restricted_to_invites(fresh_emulator, api):
    knob = {'rate_limit': {'requests_per_second': 0, 'retry_after': 3, 'methods': ['post'], 'path_regex': '^/v3/invites$'}}
    assert fresh_emulator.set_faults(knob)['rate_limit']['methods'] == ['POST']
    limited = api.post('/v3/invites', {'email': 'new@example.com'})
    assert limited.status_code == 429 and limited.json() == {'message': 'API rate limit exceeded'}
    assert limited.headers['Retry-After'] == '3'
    assert api.get('/v3/teams').status_code == 200
    assert api.post('/v3/teams', {'name': 'not-limited'}).status_code == 201
    with pytest.raises(Exception, match='400'):
        fresh_emulator.set_faults({'rate_limit': {'requests_per_second': 1, 'count': 2}})


# ---- credentials ---------------------------------------------------------------------


def test_spat_is_refused_where_the_operation_names_only_user_credentials(fresh_emulator, api):
    robot = Client(fresh_emulator.url + '/global', READONLY_DEMO_TOKEN)
    assert robot.get('/v3/teams').status_code == 200
    me = api.get('/v3/users/me').json()
    # GET /v3/users/me declares only 401; the access-token operations declare 403
    assert_problem(robot.get('/v3/users/me'), 401, 'This operation does not accept system account access tokens.')
    body = assert_problem(robot.get('/v3/users/%s/access-tokens' % me['id']), 403)
    assert body['title'] == 'Forbidden'
    assert_problem(robot.post('/v3/users/%s/access-tokens' % me['id'], {'name': 'x', 'ttl_seconds': 86400}), 403)


def test_command_line_tokens_belong_to_users():
    tokens = ['kpat_ownedByOps', 'kpat_ownedByDev@dev@example.com', 'spat_robot', 'kpat_devReader:readonly@dev@example.com']
    with EmulatorProcess(tokens=tokens, users=['ops@example.com:pw', 'boss@example.com:pw']) as process:
        ops, dev = Client(process.url, 'kpat_ownedByOps'), Client(process.url, 'kpat_ownedByDev')
        assert ops.get('/v3/users/me').json()['email'] == 'ops@example.com'
        assert dev.get('/v3/users/me').json()['email'] == 'dev@example.com'
        users = ops.get('/v3/users').json()['data']
        assert [(u['email'], u['active']) for u in users] == [('ops@example.com', True), ('boss@example.com', True), ('dev@example.com', True)]
        assert ops.get('/v3/organizations/me').json()['owner_id'] == users[0]['id']
        assert_problem(Client(process.url, 'spat_robot').get('/v3/users/me'), 401)
        reader = Client(process.url, 'kpat_devReader')
        assert reader.get('/v3/users/me').json()['email'] == 'dev@example.com'
        assert_problem(reader.post('/v3/teams', {'name': 'nope'}), 403)
        # a user's credentials stop working once the user is gone
        assert ops.delete('/v3/users/' + users[2]['id']).status_code == 204
        assert_problem(dev.get('/v3/teams'), 401)
    with pytest.raises(EmulatorError, match='only kpat_'):
        EmulatorProcess(tokens=['spat_x@ops@example.com']).start()


# ---- users and invites -------------------------------------------------------------------


def invite_and_find(api, email):
    response = api.post('/v3/invites', {'email': email})
    assert response.status_code == 201 and response.content == b'', response.text
    found = api.get('/v3/users', params={'filter[email][eq]': email}).json()['data']
    assert len(found) == 1
    return found[0]


def test_invite_creates_a_pending_user_that_can_be_activated(fresh_emulator, api):
    pending = invite_and_find(api, 'jane.doe@example.com')
    assert pending['active'] is False and pending['email'] == 'jane.doe@example.com'
    assert 'full_name' not in pending and 'preferred_name' not in pending
    assert pending['inferred_region'] == 'us' and pending['created_at'] and pending['updated_at']
    # a pending user is invited again: same user, no second record
    assert api.post('/v3/invites', {'email': 'Jane.Doe@example.com'}).status_code == 201
    assert api.get('/v3/users', params={'filter[email][contains]': 'jane'}).json()['meta']['page']['total'] == 1
    assert [u['email'] for u in api.get('/v3/users', params={'filter[active]': 'false'}).json()['data']] == ['jane.doe@example.com']

    activated = fresh_emulator.activate_user(pending['id'], full_name='Jane Doe')
    assert activated['active'] is True and activated['full_name'] == 'Jane Doe' and activated['preferred_name'] == 'jane.doe'
    assert_problem(api.post('/v3/invites', {'email': 'jane.doe@example.com'}), 409, 'User is already active')
    assert_problem(api.post('/v3/invites', {'email': DEMO_USER}), 409, 'User is already active')
    with pytest.raises(Exception, match='404'):
        fresh_emulator.activate_user('00000000-0000-4000-8000-000000000000')


def test_invite_validates_the_email(api):
    assert rules_by_field(assert_problem(api.post('/v3/invites', {}), 400)) == {'email': 'required'}
    assert rules_by_field(assert_problem(api.post('/v3/invites', {'email': 'not-an-email'}), 400)) == {'email': 'invalid'}


def test_users_filter_update_and_delete(fresh_emulator, api):
    me = api.get('/v3/users/me').json()
    assert me['email'] == DEMO_USER and me['active'] is True
    other = invite_and_find(api, 'bob@example.com')
    by_id = api.get('/v3/users', params={'filter[id]': other['id']}).json()['data']
    assert [u['email'] for u in by_id] == ['bob@example.com']
    assert api.get('/v3/users', params={'filter[id][eq]': me['id']}).json()['data'][0]['email'] == DEMO_USER
    assert [u['email'] for u in api.get('/v3/users', params={'filter[active]': 'true'}).json()['data']] == [DEMO_USER]
    assert_problem(api.get('/v3/users', params={'filter[name][eq]': 'x'}), 400)

    patched = api.patch('/v3/users/' + other['id'], {'full_name': 'Bob Builder', 'preferred_name': 'Bob', 'email': 'evil@example.com'})
    assert patched.status_code == 200
    assert (patched.json()['full_name'], patched.json()['preferred_name'], patched.json()['email']) == ('Bob Builder', 'Bob', 'bob@example.com')
    assert [u['full_name'] for u in api.get('/v3/users', params={'filter[full_name][contains]': 'Builder'}).json()['data']] == ['Bob Builder']
    assert api.delete('/v3/users/' + other['id']).status_code == 204
    assert_problem(api.get('/v3/users/' + other['id']), 404)
    assert_problem(api.delete('/v3/users/' + other['id']), 404)


def test_legacy_session_is_the_login_user(fresh_emulator):
    session = Client(fresh_emulator.url, token=None)
    assert session.post('/kauth/api/v1/authenticate', {'username': DEMO_USER, 'password': DEMO_PASSWORD}).status_code == 200
    me = session.get('/global/v3/users/me').json()
    assert me['email'] == DEMO_USER
    assert session.get('/global/v3/users/%s/access-tokens' % me['id']).status_code == 200


# ---- access tokens ----------------------------------------------------------------------


def in_days(days):
    import datetime  # pylint: disable=import-outside-toplevel
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return moment.strftime('%Y-%m-%dT%H:%M:%S.000Z')


def test_minted_personal_access_token_authenticates_until_deleted(fresh_emulator, api):
    me = api.get('/v3/users/me').json()
    tokens_path = '/v3/users/%s/access-tokens' % me['id']
    created = api.post(tokens_path, {'name': 'ci token', 'expires_at': in_days(30)})
    assert created.status_code == 201, created.text
    minted = created.json()
    secret = minted.pop('konnect_token')
    assert re.match(r'^kpat_[A-Za-z0-9]{49}$', secret)
    assert minted['state'] == 'ACTIVE' and minted['user_id'] == me['id'] and minted['revoked_at'] is None
    assert 'token' not in minted
    listed = api.get(tokens_path).json()
    assert [t['name'] for t in listed['data']] == ['ci token'] and listed['meta'] == {'number': 1, 'size': 1, 'total': 1}
    assert all('konnect_token' not in t and 'token' not in t for t in listed['data'])
    fetched = api.get(tokens_path + '/' + minted['id']).json()
    assert 'konnect_token' not in fetched and fetched['state'] == 'ACTIVE'

    holder = Client(fresh_emulator.url + '/global', secret)
    assert holder.get('/v3/users/me').json()['id'] == me['id']
    assert api.get(tokens_path + '/' + minted['id']).json()['last_used_at'] is not None
    renamed = holder.patch(tokens_path + '/' + minted['id'], {'name': 'renamed', 'expires_at': in_days(300)}).json()
    assert renamed['name'] == 'renamed' and renamed['expires_at'] == minted['expires_at']
    assert api.delete(tokens_path + '/' + minted['id']).status_code == 204
    assert_problem(holder.get('/v3/users/me'), 401)
    assert_problem(api.get(tokens_path + '/' + minted['id']), 404)


def test_personal_access_token_ttl_revoke_and_validation(fresh_emulator, api):
    me = api.get('/v3/users/me').json()
    tokens_path = '/v3/users/%s/access-tokens' % me['id']
    created = api.post(tokens_path, {'name': 'short', 'ttl_seconds': 86400}).json()
    holder = Client(fresh_emulator.url + '/global', created['konnect_token'])
    assert holder.get('/v3/teams').status_code == 200
    revoked = api.patch(tokens_path + '/%s/revoke' % created['id'])
    assert revoked.status_code == 200
    assert revoked.json()['state'] == 'REVOKED' and revoked.json()['revoked_by'] == me['id'] and revoked.json()['revoked_at']
    assert_problem(holder.get('/v3/teams'), 401)
    assert_problem(api.post(tokens_path, {'name': 'short', 'ttl_seconds': 86400}), 409)

    assert rules_by_field(assert_problem(api.post(tokens_path, {'name': 'no-expiry'}), 400))
    assert rules_by_field(assert_problem(api.post(tokens_path, {'name': 'past', 'expires_at': in_days(-1)}), 400)) == {'expires_at': 'invalid'}
    assert rules_by_field(assert_problem(api.post(tokens_path, {'name': 'long', 'expires_at': in_days(400)}), 400)) == {'expires_at': 'invalid'}
    assert_problem(api.post(tokens_path, {'name': 'ttl', 'ttl_seconds': 60}), 400)
    assert_problem(api.post(tokens_path, {'name': 'both', 'ttl_seconds': 86400, 'expires_at': in_days(2)}), 400)
    assert_problem(api.get(tokens_path, params={'filter[name][eq]': 'short'}), 400)
    assert_problem(api.post('/v3/users/00000000-0000-4000-8000-000000000000/access-tokens', {'name': 'x', 'ttl_seconds': 86400}), 404)


def test_pat_settings_govern_new_tokens(api):
    organization = api.get('/v3/organizations/me').json()
    settings_path = '/v3/organizations/%s/personal-access-token-settings' % organization['id']
    assert api.get(settings_path).json() == {'pats_enabled': True, 'max_expiration_period_days': 365}
    assert api.patch(settings_path, {'max_expiration_period_days': 7}).json() == {'pats_enabled': True, 'max_expiration_period_days': 7}
    assert_problem(api.patch(settings_path, {}), 400)
    assert_problem(api.patch(settings_path, {'max_expiration_period_days': 366}), 400)
    me = api.get('/v3/users/me').json()
    tokens_path = '/v3/users/%s/access-tokens' % me['id']
    assert rules_by_field(assert_problem(api.post(tokens_path, {'name': 'week', 'expires_at': in_days(8)}), 400)) == {'expires_at': 'invalid'}
    assert api.post(tokens_path, {'name': 'week', 'expires_at': in_days(6)}).status_code == 201
    assert api.patch(settings_path, {'pats_enabled': False}).status_code == 200
    assert_problem(api.post(tokens_path, {'name': 'day', 'ttl_seconds': 86400}), 403)
    other_org = '/v3/organizations/00000000-0000-4000-8000-000000000000/personal-access-token-settings'
    assert_problem(api.get(other_org), 404)


def test_organization_lists_every_users_tokens(fresh_emulator, api):
    me = api.get('/v3/users/me').json()
    organization = api.get('/v3/organizations/me').json()
    first = api.post('/v3/users/%s/access-tokens' % me['id'], {'name': 'one', 'ttl_seconds': 86400}).json()
    api.post('/v3/users/%s/access-tokens' % me['id'], {'name': 'two', 'ttl_seconds': 86400})
    api.patch('/v3/users/%s/access-tokens/%s/revoke' % (me['id'], first['id']))
    path = '/v3/organizations/%s/personal-access-tokens' % organization['id']
    listed = api.get(path).json()
    assert sorted((t['name'], t['state']) for t in listed['data']) == [('one', 'REVOKED'), ('two', 'ACTIVE')]
    assert listed['meta'] == {'size': 10, 'next': None, 'previous': None}
    assert [t['name'] for t in api.get(path, params={'filter[state][eq]': 'ACTIVE'}).json()['data']] == ['two']
    assert len(api.get(path, params={'filter[user_id]': me['id']}).json()['data']) == 2
    robot = Client(fresh_emulator.url + '/global', READONLY_DEMO_TOKEN)
    assert_problem(robot.get(path), 403)


def test_minted_system_account_token_authenticates_until_deleted(fresh_emulator, api):
    account = api.post('/v3/system-accounts', {'name': 'deployer', 'description': 'CI'}).json()
    tokens_path = '/v3/system-accounts/%s/access-tokens' % account['id']
    created = api.post(tokens_path, {'name': 'ci', 'expires_at': in_days(90)})
    assert created.status_code == 201, created.text
    secret = created.json()['token']
    assert re.match(r'^spat_[A-Za-z0-9]{50}$', secret)
    assert all('token' not in t for t in api.get(tokens_path).json()['data'])
    assert 'token' not in api.get(tokens_path + '/' + created.json()['id']).json()
    assert_problem(api.post(tokens_path, {'name': 'ci', 'expires_at': in_days(90)}), 409)
    assert rules_by_field(assert_problem(api.post(tokens_path, {'name': 'no-expiry'}), 400)) == {'expires_at': 'required'}
    assert_problem(api.post(tokens_path, {'name': 'old', 'expires_at': in_days(-2)}), 400)
    api.post(tokens_path, {'name': 'other', 'expires_at': in_days(9)})
    assert [t['name'] for t in api.get(tokens_path, params={'filter[name][eq]': 'other'}).json()['data']] == ['other']
    assert_problem(api.patch(tokens_path + '/' + created.json()['id'], {'name': 'other'}), 409)
    patched = api.patch(tokens_path + '/' + created.json()['id'], {'name': 'ci-2', 'expires_at': in_days(200)}).json()
    assert patched['name'] == 'ci-2' and patched['expires_at'] == created.json()['expires_at']

    robot = Client(fresh_emulator.url + '/global', secret)
    assert robot.get('/v3/teams').status_code == 200
    assert robot.post('/v3/teams', {'name': 'made-by-robot'}).status_code == 201
    assert_problem(robot.get('/v3/users/me'), 401)
    assert robot.get('/v3/system-accounts/%s' % account['id']).json()['name'] == 'deployer'
    assert api.delete(tokens_path + '/' + created.json()['id']).status_code == 204
    assert_problem(robot.get('/v3/teams'), 401)
    # deleting the account takes its tokens along
    second = api.post(tokens_path, {'name': 'again', 'expires_at': in_days(1)}).json()['token']
    assert Client(fresh_emulator.url + '/global', second).get('/v3/teams').status_code == 200
    assert api.delete('/v3/system-accounts/' + account['id']).status_code == 204
    assert_problem(Client(fresh_emulator.url + '/global', second).get('/v3/teams'), 401)


# ---- memberships ---------------------------------------------------------------------------


def test_team_memberships_list_full_objects_and_cascade(fresh_emulator, api):
    team = api.post('/v3/teams', {'name': 'platform'}).json()
    other_team = api.post('/v3/teams', {'name': 'apps'}).json()
    me = api.get('/v3/users/me').json()
    bob = invite_and_find(api, 'bob@example.com')
    members_path = '/v3/teams/%s/users' % team['id']
    added = api.post(members_path, {'id': bob['id']})
    assert added.status_code == 201 and added.content == b''
    assert api.post(members_path, {'id': me['id']}).status_code == 201
    assert api.post('/v3/teams/%s/users' % other_team['id'], {'id': bob['id']}).status_code == 201
    assert_problem(api.post(members_path, {'id': bob['id']}), 409)
    assert_problem(api.post(members_path, {'id': '00000000-0000-4000-8000-000000000000'}), 404)
    assert rules_by_field(assert_problem(api.post(members_path, {}), 400)) == {'id': 'required'}
    assert_problem(api.post('/v3/teams/00000000-0000-4000-8000-000000000000/users', {'id': bob['id']}), 404)

    listed = api.get(members_path).json()
    assert listed['meta']['page']['total'] == 2
    assert sorted(u['email'] for u in listed['data']) == sorted([DEMO_USER, 'bob@example.com'])
    assert all(set(u) >= {'id', 'email', 'active', 'created_at'} for u in listed['data'])
    assert [u['email'] for u in api.get(members_path, params={'filter[id]': bob['id']}).json()['data']] == ['bob@example.com']
    assert [u['email'] for u in api.get(members_path, params={'filter[email][eq]': DEMO_USER}).json()['data']] == [DEMO_USER]
    assert [u['email'] for u in api.get(members_path, params={'filter[active]': 'false'}).json()['data']] == ['bob@example.com']
    bob_teams = api.get('/v3/users/%s/teams' % bob['id']).json()
    assert sorted(t['name'] for t in bob_teams['data']) == ['apps', 'platform'] and bob_teams['data'][0]['id']
    assert [t['name'] for t in api.get('/v3/users/%s/teams' % bob['id'], params={'filter[name][eq]': 'apps'}).json()['data']] == ['apps']

    assert api.delete(members_path + '/' + me['id']).status_code == 204
    assert_problem(api.delete(members_path + '/' + me['id']), 404)
    # deleting a user removes their memberships; deleting a team removes its own
    assert api.delete('/v3/users/' + bob['id']).status_code == 204
    assert api.get(members_path).json()['data'] == []
    assert api.post(members_path, {'id': me['id']}).status_code == 201
    assert api.delete('/v3/teams/' + team['id']).status_code == 204
    assert api.get('/v3/users/%s/teams' % me['id']).json()['data'] == []


def test_system_account_memberships(api):
    team = api.post('/v3/teams', {'name': 'robots'}).json()
    account = api.post('/v3/system-accounts', {'name': 'deployer', 'description': 'CI'}).json()
    path = '/v3/teams/%s/system-accounts' % team['id']
    assert api.post(path, {'id': account['id']}).status_code == 201
    assert_problem(api.post(path, {'id': account['id']}), 409)
    assert_problem(api.post(path, {'id': '00000000-0000-4000-8000-000000000000'}), 404)
    listed = api.get(path).json()['data']
    assert [(a['name'], a['description']) for a in listed] == [('deployer', 'CI')]
    assert [a['name'] for a in api.get(path, params={'filter[name][contains]': 'deploy'}).json()['data']] == ['deployer']
    assert [t['name'] for t in api.get('/v3/system-accounts/%s/teams' % account['id']).json()['data']] == ['robots']
    assert api.delete('/v3/system-accounts/' + account['id']).status_code == 204
    assert api.get(path).json()['data'] == []
    assert_problem(api.get('/v3/system-accounts/%s/teams' % account['id']), 404)


# ---- roles ------------------------------------------------------------------------------------


def test_role_catalogue_is_the_spec_shape(api):
    roles = api.get('/v3/roles').json()
    names = dict((group['name'], sorted(role['name'] for role in group['roles'].values())) for group in roles.values())
    assert {'Control Planes', 'API Products', 'Audit Logs', 'Identity', 'Mesh Control Plane', 'Dashboards', 'Reports'} <= set(names)
    assert 'Viewer' in names['Control Planes'] and 'Gateway Service Admin' in names['Control Planes']
    assert names['Identity'] == ['Admin'] and names['Audit Logs'] == ['Admin']
    assert all(role['description'] for group in roles.values() for role in group['roles'].values())


def test_role_assignments_are_validated_and_unique(fresh_emulator, api):
    team = api.post('/v3/teams', {'name': 'viewers'}).json()
    path = '/v3/teams/%s/assigned-roles' % team['id']
    entity = '18ee2573-dec0-4b83-be99-fa7700bcdc61'
    body = {'role_name': 'Viewer', 'entity_id': entity, 'entity_type_name': 'Control Planes', 'entity_region': 'us'}
    created = api.post(path, body)
    assert created.status_code == 201 and dict(created.json(), id=None) == dict(body, id=None)
    assert_problem(api.post(path, body), 409)
    assert api.post(path, dict(body, entity_region='*')).status_code == 201
    assert api.post(path, dict(body, role_name='Admin', entity_type_name='Portals')).status_code == 201

    bad = assert_problem(api.post(path, dict(body, role_name='Overlord', entity_type_name='Teams', entity_region='mars')), 400)
    assert rules_by_field(bad) == {'role_name': 'enum', 'entity_type_name': 'enum', 'entity_region': 'enum'}
    assert 'sg' in [item for item in bad['invalid_parameters'] if item['field'] == 'entity_region'][0]['choices']
    # the role must be one of the catalogue's roles for that entity type
    mismatch = assert_problem(api.post(path, dict(body, role_name='Publisher')), 400)
    assert rules_by_field(mismatch) == {'role_name': 'enum'} and 'Viewer' in mismatch['invalid_parameters'][0]['choices']
    assert rules_by_field(assert_problem(api.post(path, dict(body, entity_id='*')), 400)) == {'entity_id': 'is_uuid'}
    assert rules_by_field(assert_problem(api.post(path, {'role_name': 'Viewer'}), 400)) == {
        'entity_type_name': 'required', 'entity_id': 'required', 'entity_region': 'required'}

    listed = api.get(path).json()
    assert len(listed['data']) == 3 and listed['meta']['page']['total'] == 3
    assert [r['entity_region'] for r in api.get(path, params={'filter[entity_type_name][eq]': 'Control Planes'}).json()['data']] == ['us', '*']
    assert [r['entity_type_name'] for r in api.get(path, params={'filter[role_name]': 'Admin'}).json()['data']] == ['Portals']
    assert_problem(api.get(path, params={'filter[entity_id][eq]': entity}), 400)
    assigned = api.get(path + '/' + created.json()['id'])
    assert assigned.status_code == 200 and assigned.json()['role_name'] == 'Viewer'
    assert api.delete(path + '/' + created.json()['id']).status_code == 204
    assert_problem(api.get(path + '/' + created.json()['id']), 404)

    me = api.get('/v3/users/me').json()
    user_path = '/v3/users/%s/assigned-roles' % me['id']
    assert api.post(user_path, body).status_code == 201
    assert len(api.get(user_path, params={'filter[entity_id][eq]': entity}).json()['data']) == 1
    account = api.post('/v3/system-accounts', {'name': 'sa', 'description': 'sa'}).json()
    account_path = '/v3/system-accounts/%s/assigned-roles' % account['id']
    assert api.post(account_path, body).status_code == 201
    assert_problem(api.post(account_path, body), 409)
    # role assignments go with their team, user or system account
    assert api.delete('/v3/teams/' + team['id']).status_code == 204
    assert api.delete('/v3/system-accounts/' + account['id']).status_code == 204
    assert_problem(api.get(path), 404)
    assert_problem(api.get(account_path), 404)
    recreated = api.post('/v3/system-accounts', {'name': 'sa', 'description': 'sa'}).json()
    assert api.get('/v3/system-accounts/%s/assigned-roles' % recreated['id']).json()['data'] == []


# ---- identity providers ------------------------------------------------------------------------


OIDC = {'issuer_url': 'https://idp.example.com/oauth2', 'client_id': 'konnect', 'client_secret': 's3cret'}


def test_identity_providers_never_return_the_client_secret(api):
    created = api.post('/v3/identity-providers', {'type': 'oidc', 'login_path': 'acme', 'config': OIDC})
    assert created.status_code == 201, created.text
    oidc = created.json()
    assert oidc['enabled'] is False and oidc['config']['scopes'] == ['email', 'openid', 'profile']
    assert 'client_secret' not in oidc['config']
    assert 'client_secret' not in api.get('/v3/identity-providers/' + oidc['id']).json()['config']
    assert all('client_secret' not in p['config'] for p in api.get('/v3/identity-providers').json())
    assert_problem(api.post('/v3/identity-providers', {'type': 'oidc', 'login_path': 'other', 'config': OIDC}), 409)

    null_secret = dict(OIDC, client_id='renamed', client_secret=None)
    assert_problem(api.patch('/v3/identity-providers/' + oidc['id'], {'enabled': True, 'config': null_secret}), 400)
    config = {'issuer_url': OIDC['issuer_url'], 'client_id': 'renamed'}
    patched = api.patch('/v3/identity-providers/' + oidc['id'], {'enabled': True, 'type': 'saml', 'config': config})
    assert patched.status_code == 200, patched.text
    assert patched.json()['type'] == 'oidc' and patched.json()['enabled'] is True and patched.json()['config']['client_id'] == 'renamed'
    assert 'client_secret' not in patched.json()['config']

    saml = api.post('/v3/identity-providers', {'type': 'saml', 'login_path': 'acme-saml', 'config': {'idp_metadata_url': 'https://idp.example.com/metadata'}})
    assert saml.status_code == 201, saml.text
    assert saml.json()['config']['login_url'].endswith('/login/acme-saml') and saml.json()['config']['sp_entity_id']
    assert_problem(api.patch('/v3/identity-providers/' + saml.json()['id'], {'enabled': True}), 409)
    assert [p['type'] for p in api.get('/v3/identity-providers', params={'filter[type][eq]': 'saml'}).json()] == ['saml']
    assert [p['type'] for p in api.get('/v3/identity-providers', params={'filter[type]': 'oidc'}).json()] == ['oidc']


def test_identity_provider_validation(api):
    assert rules_by_field(assert_problem(api.post('/v3/identity-providers', {'login_path': 'x'}), 400)) == {'type': 'required'}
    assert rules_by_field(assert_problem(api.post('/v3/identity-providers', {'type': 'ldap'}), 400)) == {'type': 'enum'}
    mixed = assert_problem(api.post('/v3/identity-providers', {'type': 'saml', 'config': OIDC}), 400)
    assert {item['field'] for item in mixed['invalid_parameters']} >= {'config.issuer_url'}
    missing = assert_problem(api.post('/v3/identity-providers', {'type': 'oidc', 'config': {'client_id': 'x'}}), 400)
    assert rules_by_field(missing) == {'config.issuer_url': 'required'}
    assert_problem(api.post('/v3/identity-providers', {'type': 'oidc', 'config': dict(OIDC, issuer_url='not a uri')}), 400)


def test_team_group_mappings(api):
    provider = api.post('/v3/identity-providers', {'type': 'oidc', 'login_path': 'acme', 'config': OIDC}).json()
    team = api.post('/v3/teams', {'name': 'leads'}).json()
    path = '/v3/identity-providers/%s/team-group-mappings' % provider['id']
    created = api.post(path, {'team_id': team['id'], 'group': 'Tech Leads'})
    assert created.status_code == 201, created.text
    assert set(created.json()) == {'id', 'team_id', 'group', 'created_at', 'updated_at'}
    assert_problem(api.post(path, {'team_id': team['id'], 'group': 'Tech Leads'}), 409)
    assert api.post(path, {'team_id': team['id'], 'group': 'Engineers'}).status_code == 201
    unknown = assert_problem(api.post(path, {'team_id': '00000000-0000-4000-8000-000000000000', 'group': 'x'}), 400)
    assert rules_by_field(unknown) == {'team_id': 'missing_reference'}
    assert rules_by_field(assert_problem(api.post(path, {'group': 'x'}), 400)) == {'team_id': 'required'}
    listed = api.get(path).json()
    assert len(listed['data']) == 2 and listed['meta']['page']['next'] is None
    assert [m['group'] for m in api.get(path, params={'filter[group][eq]': 'Engineers'}).json()['data']] == ['Engineers']
    assert len(api.get(path, params={'filter[team_id]': team['id']}).json()['data']) == 2
    assert api.get(path + '/' + created.json()['id']).json()['group'] == 'Tech Leads'
    assert api.delete(path + '/' + created.json()['id']).status_code == 204
    assert_problem(api.delete(path + '/' + created.json()['id']), 404)
    # a deleted team's mappings go with it; a deleted provider takes its mappings along
    assert api.delete('/v3/teams/' + team['id']).status_code == 204
    assert api.get(path).json()['data'] == []
    assert api.delete('/v3/identity-providers/' + provider['id']).status_code == 204
    assert_problem(api.get(path), 404)


# ---- singletons and organization settings -------------------------------------------------------


def test_authentication_settings(api):
    defaults = api.get('/v3/authentication-settings').json()
    assert defaults == {'basic_auth_enabled': True, 'oidc_auth_enabled': False, 'saml_auth_enabled': False,
                        'idp_mapping_enabled': False, 'konnect_mapping_enabled': True}
    all_off = assert_problem(api.patch('/v3/authentication-settings', {'basic_auth_enabled': False}), 400)
    assert set(rules_by_field(all_off)) == {'basic_auth_enabled', 'oidc_auth_enabled', 'saml_auth_enabled'}
    assert rules_by_field(assert_problem(api.patch('/v3/authentication-settings', {'oidc_auth_enabled': True}), 400)) == {'oidc_auth_enabled': 'invalid'}
    api.post('/v3/identity-providers', {'type': 'oidc', 'login_path': 'acme', 'config': OIDC})
    changed = api.patch('/v3/authentication-settings', {'oidc_auth_enabled': True, 'basic_auth_enabled': False})
    assert changed.status_code == 200 and changed.json()['oidc_auth_enabled'] is True
    assert api.get('/v3/authentication-settings').json() == dict(defaults, oidc_auth_enabled=True, basic_auth_enabled=False)
    assert_problem(api.patch('/v3/authentication-settings', {'basic_auth_enabled': 'yes'}), 400)


def test_impersonation_settings(api):
    assert api.get('/v3/organizations/impersonation').json() == {'enabled': False}
    assert api.patch('/v3/organizations/impersonation', {'enabled': True}).json() == {'enabled': True}
    assert api.get('/v3/organizations/impersonation').json() == {'enabled': True}


def test_ip_allow_list(api):
    organization = api.get('/v3/organizations/me').json()
    path = '/v3/organizations/%s/ip-allow-list' % organization['id']
    assert_problem(api.get(path), 404)  # GET declares a 404: there is none until a PUT creates it
    assert_problem(api.patch(path, {'enabled': False}), 404)
    put = api.put(path, {'enabled': True, 'allowed_ips': ['192.168.1.1', '10.0.0.0/8']})
    assert put.status_code == 201 and put.json() == {'enabled': True, 'allowed_ips': ['192.168.1.1', '10.0.0.0/8']}
    assert_problem(api.put(path, {'enabled': True, 'allowed_ips': ['10.0.0.1']}), 409)  # PUT declares a 409
    assert api.patch(path, {'enabled': False}).json() == {'enabled': False, 'allowed_ips': ['192.168.1.1', '10.0.0.0/8']}
    assert rules_by_field(assert_problem(api.put(path, {'enabled': True}), 400)) == {'allowed_ips': 'required'}
    assert_problem(api.patch(path, {}), 400)
    other = '/v3/organizations/00000000-0000-4000-8000-000000000000/ip-allow-list'
    assert_problem(api.get(other), 404)
    assert_problem(api.put(other, {'enabled': True, 'allowed_ips': ['10.0.0.1']}), 404)


def test_identity_paths_are_global_only(fresh_emulator):
    for base in ('/us', '/eu', '/sg'):
        regional = Client(fresh_emulator.url + base)
        for path in ('/v3/users/me', '/v3/invites', '/v3/roles', '/v3/identity-providers', '/v3/authentication-settings',
                     '/v3/organizations/me', '/v3/organizations/impersonation'):
            assert_problem(regional.get(path), 404)
    assert Client(fresh_emulator.url).get('/v3/users/me').status_code == 200


def test_answers_match_the_response_schemas(fresh_emulator, api):
    """Every body the identity handlers build validates against its operation's response schema."""
    schemas = Api()

    def conforms(response, method, template):
        op = schemas.routes[template].ops[method]
        assert response.status_code == op.success_status, response.text
        errors = list(op.schemas.validator(op.response_schema).iter_errors(response.json()))
        assert not errors, (template, [error.message for error in errors])
        return response.json()

    me = conforms(api.get('/v3/users/me'), 'GET', '/v3/users/me')
    api.post('/v3/invites', {'email': 'pending@example.com'})
    conforms(api.get('/v3/users'), 'GET', '/v3/users')
    tokens = '/v3/users/%s/access-tokens' % me['id']
    pat = conforms(api.post(tokens, {'name': 'schema', 'ttl_seconds': 86400}), 'POST', '/v3/users/{userId}/access-tokens')
    conforms(api.get(tokens), 'GET', '/v3/users/{userId}/access-tokens')
    conforms(api.get(tokens + '/' + pat['id']), 'GET', '/v3/users/{userId}/access-tokens/{tokenId}')
    conforms(api.patch(tokens + '/%s/revoke' % pat['id']), 'PATCH', '/v3/users/{userId}/access-tokens/{tokenId}/revoke')
    account = api.post('/v3/system-accounts', {'name': 'schema', 'description': 'x'}).json()
    spat_path = '/v3/system-accounts/%s/access-tokens' % account['id']
    spat = conforms(api.post(spat_path, {'name': 'schema', 'expires_at': in_days(3)}), 'POST', '/v3/system-accounts/{accountId}/access-tokens')
    Client(fresh_emulator.url, spat['token']).get('/v3/teams')
    conforms(api.get(spat_path), 'GET', '/v3/system-accounts/{accountId}/access-tokens')
    team = api.post('/v3/teams', {'name': 'schema'}).json()
    api.post('/v3/teams/%s/users' % team['id'], {'id': me['id']})
    api.post('/v3/teams/%s/system-accounts' % team['id'], {'id': account['id']})
    conforms(api.get('/v3/teams/%s/users' % team['id']), 'GET', '/v3/teams/{teamId}/users')
    conforms(api.get('/v3/teams/%s/system-accounts' % team['id']), 'GET', '/v3/teams/{teamId}/system-accounts')
    conforms(api.get('/v3/users/%s/teams' % me['id']), 'GET', '/v3/users/{userId}/teams')
    role = {'role_name': 'Admin', 'entity_id': team['id'], 'entity_type_name': 'Audit Logs', 'entity_region': 'eu'}
    conforms(api.post('/v3/teams/%s/assigned-roles' % team['id'], role), 'POST', '/v3/teams/{teamId}/assigned-roles')
    conforms(api.get('/v3/teams/%s/assigned-roles' % team['id']), 'GET', '/v3/teams/{teamId}/assigned-roles')
    conforms(api.get('/v3/roles'), 'GET', '/v3/roles')
    saml = conforms(api.post('/v3/identity-providers', {'type': 'saml', 'login_path': 'schema', 'config': {'idp_metadata_url': 'https://idp.example.com/m'}}),
                    'POST', '/v3/identity-providers')
    conforms(api.post('/v3/identity-providers', {'type': 'oidc', 'config': OIDC}), 'POST', '/v3/identity-providers')
    conforms(api.get('/v3/identity-providers'), 'GET', '/v3/identity-providers')
    mappings = '/v3/identity-providers/%s/team-group-mappings' % saml['id']
    conforms(api.post(mappings, {'team_id': team['id'], 'group': 'g'}), 'POST', '/v3/identity-providers/{idpId}/team-group-mappings')
    conforms(api.get(mappings), 'GET', '/v3/identity-providers/{idpId}/team-group-mappings')
    conforms(api.get('/v3/authentication-settings'), 'GET', '/v3/authentication-settings')
    conforms(api.get('/v3/organizations/impersonation'), 'GET', '/v3/organizations/impersonation')
    organization = conforms(api.get('/v3/organizations/me'), 'GET', '/v3/organizations/me')
    org = '/v3/organizations/%s' % organization['id']
    conforms(api.get(org + '/personal-access-tokens'), 'GET', '/v3/organizations/{organizationId}/personal-access-tokens')
    conforms(api.get(org + '/personal-access-token-settings'), 'GET', '/v3/organizations/{organizationId}/personal-access-token-settings')
    conforms(api.put(org + '/ip-allow-list', {'enabled': True, 'allowed_ips': ['10.0.0.1']}), 'PUT', '/v3/organizations/{organizationId}/ip-allow-list')
    conforms(api.get(org + '/ip-allow-list'), 'GET', '/v3/organizations/{organizationId}/ip-allow-list')
