# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Engine features the identity entities need: memberships, composite keys, singletons, invitations, tokens."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.client import Response
from ansible_collections.konnect.konnect.plugins.module_utils.engine import InfoEngine, engine_for
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

from ansible_collections.konnect.konnect.tests.unit.plugins.module_utils.fake_konnect import FakeKonnect, filter_accepts

ENTITIES = all_entities()

TEAM_ID = '22222222-2222-4222-8222-222222222222'
USER_ID = '33333333-3333-4333-8333-333333333333'
SA_ID = '44444444-4444-4444-8444-444444444444'
CP_ID = '55555555-5555-4555-8555-555555555555'


def run(entity_name, params, konnect, check_mode=False, diff_mode=False, now=1000.0):
    params = dict(params)
    params.setdefault('state', 'present')
    entity = ENTITIES[entity_name]
    return engine_for(entity)(entity, params, konnect, ENTITIES.get, check_mode=check_mode, diff_mode=diff_mode,
                              sleep=lambda s: None, now=lambda: now).run()


class IdentityKonnect(FakeKonnect):
    """Adds what identity endpoints do: invitations create users, tokens are minted once, singletons."""

    token_kind = 'personal'

    def __init__(self):
        super(IdentityKonnect, self).__init__()
        self.store['/v3/teams'] = [{'id': TEAM_ID, 'name': 'ops'}]
        self.store['/v3/users'] = [{'id': USER_ID, 'email': 'ann@example.com', 'active': True}]
        self.store['/v3/system-accounts'] = [{'id': SA_ID, 'name': 'ci'}]
        self.store['/v3/teams/%s/users' % TEAM_ID] = []
        self.store['/v3/teams/%s/assigned-roles' % TEAM_ID] = []
        self.store['/v3/system-accounts/%s/access-tokens' % SA_ID] = []
        self.store['/v3/authentication-settings'] = []
        self.settings = {'basic_auth_enabled': True, 'oidc_auth_enabled': False}
        self.minted = 0
        self.once = {}

    def get_once(self, path, what=None):
        return {'id': USER_ID} if path == '/v3/users/me' else self.get(path).body

    def request(self, method, path, params=None, body=None, what=None, expected=None, region=None, verb=None):
        if path == '/v3/invites':
            self.calls.append((method, path, body))
            self.store['/v3/users'].append({'id': next(self.ids), 'email': body['email'], 'active': False})
            return Response(201, None)
        if path == '/v3/authentication-settings':
            self.calls.append((method, path, body))
            if method == 'PATCH':
                self.settings.update(body)
            return Response(200, dict(self.settings))
        if path.startswith('/v3/control-planes-by-region/'):
            raise AssertionError(path)
        response = super(IdentityKonnect, self).request(method, path, params, body, what, expected, region)
        if method == 'POST' and path.endswith('/access-tokens'):
            self.minted += 1
            stored = self._find(path, response.body['id'])
            stored['created_at'] = '2026-01-0%dT00:00:00Z' % self.minted
            response.body['token'] = 'spat_minted%d' % self.minted
            response.body['created_at'] = stored['created_at']
        if method == 'POST' and path.endswith('/users') and body.get('id'):
            member = self._find('/v3/users', body['id'])
            stored = self._find(path, body['id'])
            stored.update(member)
        return response

    def paginate(self, path, style, params=None, what=None, region=None):
        self.calls.append(('GET', path, params, region))
        items = self.store.get(path, [])
        for key, value in (params or {}).items():
            items = [item for item in items if filter_accepts(item, key, value)]
        return iter([dict(item) for item in items])


@pytest.fixture
def konnect():
    return IdentityKonnect()


def test_inviting_a_user_once_then_naming_them(konnect):
    result = run('user', {'email': 'bob@example.com', 'full_name': 'Bob'}, konnect)
    assert result['changed'] and result['pending'] is True and result['user']['full_name'] == 'Bob'
    assert [call[:2] for call in konnect.writes()] == [('POST', '/v3/invites'), ('PATCH', result['user']['id'] and '/v3/users/' + result['user']['id'])]
    assert konnect.writes()[0][2] == {'email': 'bob@example.com'}
    konnect.calls = []
    again = run('user', {'email': 'bob@example.com', 'full_name': 'Bob'}, konnect)
    assert not again['changed'] and konnect.writes() == []


def test_membership_by_id_is_found_in_the_list(konnect):
    run('team_user', {'team': 'ops', 'user': 'ann@example.com'}, konnect)
    result = run('team_user', {'team': TEAM_ID, 'id': USER_ID, 'state': 'absent'}, konnect)
    assert result['changed'] and konnect.writes()[-1][:2] == ('DELETE', '/v3/teams/%s/users/%s' % (TEAM_ID, USER_ID))


def test_membership_by_email_and_removal(konnect):
    result = run('team_user', {'team': 'ops', 'user': 'ann@example.com'}, konnect)
    assert result['changed'] and konnect.writes() == [('POST', '/v3/teams/%s/users' % TEAM_ID, {'id': USER_ID})]
    konnect.calls = []
    assert not run('team_user', {'team': TEAM_ID, 'user': USER_ID}, konnect)['changed']
    assert len(konnect.calls) == 1  # parents and member given by id: one request
    assert run('team_user', {'team': 'ops', 'user': USER_ID, 'state': 'absent'}, konnect)['changed']
    assert konnect.writes()[-1][:2] == ('DELETE', '/v3/teams/%s/users/%s' % (TEAM_ID, USER_ID))
    assert not run('team_user', {'team': 'ops', 'user': 'nobody@example.com', 'state': 'absent'}, konnect)['changed']


def test_membership_of_an_unknown_user_fails_clearly(konnect):
    with pytest.raises(KonnectParameterError, match="user: no user 'nobody@example.com'"):
        run('team_user', {'team': 'ops', 'user': 'nobody@example.com'}, konnect)
    assert konnect.writes() == []


def test_role_assignment_by_composite_key_with_entity_looked_up_in_its_region(konnect):
    konnect.store['/v2/control-planes'] = [{'id': CP_ID, 'name': 'prod'}]
    params = {'team': 'ops', 'role_name': 'Viewer', 'entity_type_name': 'Control Planes', 'entity': 'prod', 'entity_region': 'eu'}
    result = run('team_role', params, konnect)
    assert result['changed']
    assert konnect.writes()[-1][2] == {'role_name': 'Viewer', 'entity_type_name': 'Control Planes', 'entity_id': CP_ID, 'entity_region': 'eu'}
    assert ('GET', '/v2/control-planes', {'filter[name][eq]': 'prod'}, 'eu') in konnect.calls
    assert not run('team_role', params, konnect)['changed']
    assert run('team_role', dict(params, entity_region='us', entity=CP_ID), konnect)['changed']  # another region is another assignment


def test_role_assignment_by_name_needs_a_region(konnect):
    with pytest.raises(KonnectParameterError, match='entity_region'):
        run('team_role', {'team': 'ops', 'role_name': 'Viewer', 'entity_type_name': 'Control Planes', 'entity': 'prod',
                          'entity_region': '*'}, konnect)


def test_singleton_updates_only_what_differs(konnect):
    assert not run('authentication_settings', {'basic_auth_enabled': True}, konnect)['changed']
    result = run('authentication_settings', {'basic_auth_enabled': True, 'oidc_auth_enabled': True}, konnect, diff_mode=True)
    assert result['changed'] and konnect.writes()[-1] == ('PATCH', '/v3/authentication-settings', {'oidc_auth_enabled': True})
    assert result['diff'] == {'before': {'oidc_auth_enabled': False, 'basic_auth_enabled': True},
                              'after': {'oidc_auth_enabled': True, 'basic_auth_enabled': True}}


def test_token_is_returned_once_and_not_regenerated(konnect):
    params = {'system_account': 'ci', 'name': 'deploy', 'expires_at': '2027-01-01T00:00:00Z'}
    created = run('system_account_access_token', params, konnect)
    assert created['token'] == 'spat_minted1' and created['_ansible_no_log'] is True
    assert 'token' not in created['system_account_access_token']
    again = run('system_account_access_token', dict(params, expires_at='2028-01-01T00:00:00Z'), konnect)
    assert not again['changed'] and 'token' not in again and konnect.minted == 1


def test_rotation_mints_first_then_deletes_the_old_token(konnect):
    params = {'system_account': 'ci', 'name': 'deploy', 'expires_at': '2027-01-01T00:00:00Z'}
    first = run('system_account_access_token', params, konnect)
    konnect.calls = []
    rotated = run('system_account_access_token', dict(params, rotate=True), konnect)
    assert rotated['changed'] and rotated['token'] == 'spat_minted2'
    tokens = '/v3/system-accounts/%s/access-tokens' % SA_ID
    writes = konnect.writes()
    assert [call[:2] for call in writes[:2]] == [('POST', tokens), ('DELETE', tokens + '/' + first['system_account_access_token']['id'])]
    assert writes[0][2]['name'] == 'deploy-rotating'  # names are unique: the new token waits under a temporary name
    assert writes[2] == ('PATCH', tokens + '/' + rotated['system_account_access_token']['id'], {'name': 'deploy'})
    assert [item['name'] for item in konnect.store[tokens]] == ['deploy']
    plain = run('system_account_access_token', params, konnect)
    assert not plain['changed'] and 'token' not in plain


def test_rotation_before_expiry(konnect):
    params = {'system_account': 'ci', 'name': 'deploy', 'expires_at': '1970-01-11T00:00:00Z', 'rotate_before_days': 3}
    run('system_account_access_token', params, konnect, now=0.0)
    assert not run('system_account_access_token', params, konnect, now=0.0)['changed']  # 10 days left
    assert run('system_account_access_token', params, konnect, now=8 * 86400.0)['changed']  # 2 days left


def test_a_token_left_under_its_temporary_name_is_removed(konnect):
    tokens = '/v3/system-accounts/%s/access-tokens' % SA_ID
    konnect.seed(tokens, {'id': 'old', 'name': 'deploy'})
    konnect.seed(tokens, {'id': 'stray', 'name': 'deploy-rotating'})
    result = run('system_account_access_token', {'system_account': 'ci', 'name': 'deploy'}, konnect)
    assert result['changed'] and result['system_account_access_token']['id'] == 'old'
    assert [item['id'] for item in konnect.store[tokens]] == ['old']


def test_creation_requirements_are_checked_before_writing(konnect):
    with pytest.raises(KonnectParameterError, match='expires_at: required to create'):
        run('system_account_access_token', {'system_account': 'ci', 'name': 'deploy'}, konnect)
    with pytest.raises(KonnectParameterError, match='Exactly one of expires_at, ttl_seconds'):
        run('personal_access_token', {'name': 'laptop'}, konnect)
    assert konnect.writes() == []


def test_personal_tokens_refuse_system_account_tokens(konnect):
    konnect.token_kind = 'system'
    with pytest.raises(KonnectParameterError, match='spat_'):
        run('personal_access_token', {'name': 'laptop', 'expires_at': '2027-01-01T00:00:00Z'}, konnect)
    assert konnect.calls == []


def test_nested_write_only_secret_is_sent_on_create_only_and_hidden(konnect):
    konnect.store['/v3/identity-providers'] = []
    params = {'type': 'oidc', 'config': {'issuer_url': 'https://idp', 'client_id': 'c', 'client_secret': 's3cr3t'}}
    result = run('identity_provider', params, konnect, diff_mode=True)
    assert konnect.writes()[0][2]['config'] == {'issuer_url': 'https://idp', 'client_id': 'c', 'client_secret': 's3cr3t'}
    assert result['diff']['after']['config']['client_secret'] == '********'
    konnect.store['/v3/identity-providers'][0]['config'].pop('client_secret')
    assert not run('identity_provider', dict(params, config=dict(params['config'], client_secret='other')), konnect)['changed']
    rotated = run('identity_provider', dict(params, update_secrets='always'), konnect)
    assert rotated['changed'] and konnect.writes()[-1][2] == {'config': dict(params['config'])}  # the whole config, secret inside
    # a changed config is sent whole, so the secret the task gives travels with it
    changed = run('identity_provider', dict(params, config=dict(params['config'], client_id='c2')), konnect)
    assert changed['changed'] and konnect.writes()[-1][2] == {'config': {'issuer_url': 'https://idp', 'client_id': 'c2', 'client_secret': 's3cr3t'}}


def test_role_catalogue_is_listed_flat(konnect):
    konnect.store['/v3/roles'] = []
    catalogue = {'control_planes': {'name': 'Control Planes', 'roles': {'admin': {'name': 'Admin', 'description': 'd'}}}}
    konnect.get = lambda path, params=None, what=None, expected=None, region=None: Response(200, catalogue)
    result = InfoEngine(ENTITIES['role'], {}, konnect, ENTITIES.get).run()
    assert result['roles'] == [{'entity_type_name': 'Control Planes', 'name': 'Admin', 'description': 'd'}]
