# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Portal Client API of the emulator: portal hosts, the developer's session cookies, sign-up through the outbox, and
the state it shares with the admin side (developers, applications, registrations)."""

import email.utils
import time

import pytest
import requests

from emulator import DEMO_PASSWORD, DEMO_USER
from emulator.testing import JsonClient, assert_problem

PASSWORD = 'S3cret-pass!'
SPEC = '{"openapi": "3.0.3", "info": {"title": "Orders", "version": "1.0.0"}, "paths": {}}'


class Portal:
    """A developer's view of one portal host: explicit cookies (they are Secure, so a cookie jar would not send them
    over http)."""

    def __init__(self, base_url, headers=None):
        self.base_url = base_url
        self.headers = dict(headers or {})
        self.cookies = {}

    def call(self, method, path, body=None, cookies=None):
        jar = self.cookies if cookies is None else cookies
        headers = dict(self.headers)
        if jar:
            headers['Cookie'] = '; '.join('%s=%s' % item for item in jar.items())
        return requests.request(method, self.base_url + '/api/v3' + path, json=body, headers=headers, timeout=10)

    def login(self, username, password=PASSWORD):
        response = self.call('POST', '/developer/authenticate', {'username': username, 'password': password}, cookies={})
        if response.status_code == 204:
            self.cookies = set_cookies(response)
        return response


def set_cookies(response):
    """{name: value} of every Set-Cookie header."""
    found = {}
    for header in response.raw.headers.getlist('Set-Cookie'):
        name, _sep, rest = header.partition('=')
        found[name] = rest.split(';', 1)[0]
    return found


def cookie_attributes(response, name):
    for header in response.raw.headers.getlist('Set-Cookie'):
        if header.startswith(name + '='):
            parts = [part.strip() for part in header.split(';')[1:]]
            return dict((part.partition('=')[0], part.partition('=')[2]) for part in parts)
    raise AssertionError('no Set-Cookie for %s' % name)


@pytest.fixture
def admin(fresh_emulator):
    return JsonClient(fresh_emulator.url + '/us')


def created(response, status=201):
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def make_portal(admin, name='dev', **fields):
    return created(admin.post('/v3/portals', dict(dict(authentication_enabled=True), name=name, **fields)))


def key_auth_strategy(admin, name='key-auth', **config):
    return created(admin.post('/v2/application-auth-strategies', {
        'name': name, 'display_name': 'API key', 'strategy_type': 'key_auth',
        'configs': {'key-auth': dict({'key_names': ['apikey']}, **config)}}))


def publish(admin, portal, name='orders', **publication):
    api = created(admin.post('/v3/apis', {'name': name, 'version': '1.0.0', 'spec_content': SPEC}))
    response = admin.put('/v3/apis/%s/publications/%s' % (api['id'], portal['id']), publication)
    assert response.status_code == 200, response.text
    return api


def sign_up(emulator, portal_host, portal, email_address='dev@example.com', password=PASSWORD):
    """Register, verify with the emailed token and set the password; the developer's id on the admin side."""
    created(portal_host.call('POST', '/developer', {'email': email_address, 'full_name': 'Dev Eloper'}))
    verify = [mail for mail in emulator.outbox() if mail['to'] == email_address and mail['kind'] == 'verify-email'][-1]
    assert verify['portal_id'] == portal['id']
    reset = created(portal_host.call('POST', '/developer/verify-email', {'token': verify['token']}), 202)
    assert reset['email'] == email_address
    assert portal_host.call('POST', '/developer/reset-password', {'token': reset['token'], 'password': password}).status_code == 204
    return reset['token']


def developer_id(admin, portal, email_address='dev@example.com'):
    developers = admin.get('/v3/portals/%s/developers' % portal['id']).json()['data']
    return [developer['id'] for developer in developers if developer['email'] == email_address][0]


def approve_developer(admin, portal, email_address='dev@example.com'):
    response = admin.patch('/v3/portals/%s/developers/%s' % (portal['id'], developer_id(admin, portal, email_address)), {'status': 'approved'})
    assert response.status_code == 200, response.text


@pytest.fixture
def world(fresh_emulator, admin):
    """A portal with a key-auth default strategy, one API published to it and an approved, logged-in developer."""
    strategy = key_auth_strategy(admin)
    portal = make_portal(admin, default_application_auth_strategy_id=strategy['id'], auto_approve_developers=True)
    api = publish(admin, portal)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    sign_up(fresh_emulator, host, portal)
    assert host.login('dev@example.com').status_code == 204
    return {'portal': portal, 'api': api, 'host': host, 'strategy': strategy}


# ---- hosts ---------------------------------------------------------------------------------------------------------


def test_unknown_portal_domain_is_a_404_on_every_path(fresh_emulator):
    for path in ('/api/v3/portal', '/api/v3/developer/me', '/v2/control-planes', '/'):
        response = requests.get(fresh_emulator.url + '/portal/nowhere.example.com' + path, timeout=10)
        body = assert_problem(response, 404)
        assert set(body) >= {'status', 'title', 'detail', 'instance'}


def test_portal_host_serves_only_the_portal_client_api(fresh_emulator, admin):
    portal = make_portal(admin)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    assert host.call('GET', '/portal').json()['portal_id'] == portal['id']
    admin_on_portal = requests.get(fresh_emulator.portal_url(portal['default_domain']) + '/v3/portals', timeout=10)
    assert_problem(admin_on_portal, 404)
    client_on_admin = requests.get(fresh_emulator.url + '/api/v3/portal', timeout=10)
    assert_problem(client_on_admin, 404)


def test_host_header_reaches_the_portal_by_default_or_custom_domain(fresh_emulator, admin):
    portal = make_portal(admin)
    by_default = requests.get(fresh_emulator.url + '/api/v3/portal', headers={'Host': portal['default_domain'] + ':443'}, timeout=10)
    assert by_default.status_code == 200 and by_default.json()['portal_id'] == portal['id']
    created(admin.post('/v3/portals/%s/custom-domain' % portal['id'], {
        'hostname': 'developer.example.com', 'enabled': True, 'ssl': {'domain_verification_method': 'http'}}))
    by_custom = requests.get(fresh_emulator.url + '/api/v3/portal', headers={'Host': 'developer.example.com'}, timeout=10)
    assert by_custom.json()['canonical_domain'] == 'developer.example.com'
    via_prefix = requests.get(fresh_emulator.url + '/portal/developer.example.com/api/v3/portal', timeout=10)
    assert via_prefix.json()['portal_id'] == portal['id']
    # A Host header that is no portal's leaves the request on the admin API.
    assert requests.get(fresh_emulator.url + '/api/v3/portal', headers={'Host': 'other.example.com'}, timeout=10).status_code == 404


# ---- sign-up, verification, sessions ---------------------------------------------------------------------------


def test_sign_up_flow_through_the_outbox_then_admin_approval_then_login(fresh_emulator, admin):
    portal = make_portal(admin)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    created(host.call('POST', '/developer', {'email': 'new@example.com', 'full_name': 'New Dev'}))
    developer = [d for d in admin.get('/v3/portals/%s/developers' % portal['id']).json()['data'] if d['email'] == 'new@example.com'][0]
    assert developer['status'] == 'pending'
    [mail] = fresh_emulator.outbox()
    assert mail == {'portal_id': portal['id'], 'to': 'new@example.com', 'kind': 'verify-email', 'token': mail['token']}
    # No password yet: login fails as invalid credentials.
    assert_problem(host.login('new@example.com', 'anything'), 401, 'Invalid Credentials')
    reset = created(host.call('POST', '/developer/verify-email', {'token': mail['token']}), 202)
    assert_problem(host.call('POST', '/developer/verify-email', {'token': mail['token']}), 410)
    assert host.call('POST', '/developer/reset-password', {'token': reset['token'], 'password': PASSWORD}).status_code == 204
    assert_problem(host.call('POST', '/developer/reset-password', {'token': reset['token'], 'password': PASSWORD}), 410)
    assert_problem(host.login('new@example.com', PASSWORD), 401, 'Approval Required')
    assert_problem(host.login('new@example.com', 'wrong'), 401, 'Invalid Credentials')
    approve_developer(admin, portal, 'new@example.com')
    assert host.login('new@example.com').status_code == 204
    me = host.call('GET', '/developer/me').json()
    assert me == {'id': developer['id'], 'email': 'new@example.com', 'full_name': 'New Dev',
                  'created_at': me['created_at'], 'updated_at': me['updated_at']}


def test_sign_up_refusals(fresh_emulator, admin):
    portal = make_portal(admin, auto_approve_developers=True)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    created(host.call('POST', '/developer', {'email': 'dev@example.com', 'full_name': 'Dev'}))
    assert admin.get('/v3/portals/%s/developers' % portal['id']).json()['data'][0]['status'] == 'approved'
    assert_problem(host.call('POST', '/developer', {'email': 'DEV@example.com', 'full_name': 'Dev'}), 409)
    body = assert_problem(host.call('POST', '/developer', {'email': 'other@example.com'}), 400)
    assert {'field': 'full_name', 'rule': 'required'}.items() <= body['invalid_parameters'][0].items()
    assert_problem(host.call('POST', '/developer', {'email': 'x@example.com', 'full_name': 'X', 'password': 'p'}), 400)
    assert_problem(host.call('POST', '/developer/verify-email', {'token': '11111111-1111-4111-8111-111111111111'}), 404)
    assert_problem(host.call('POST', '/developer/reset-password', {'token': '11111111-1111-4111-8111-111111111111', 'password': 'x'}), 404)


def test_forgot_password_emails_a_reset_token(fresh_emulator, admin):
    portal = make_portal(admin, auto_approve_developers=True)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    sign_up(fresh_emulator, host, portal)
    assert host.call('POST', '/developer/forgot-password', {'email': 'nobody@example.com'}).status_code == 200
    assert host.call('POST', '/developer/forgot-password', {'email': 'dev@example.com'}).status_code == 200
    reset = fresh_emulator.outbox()[-1]
    assert reset['kind'] == 'reset-password' and reset['to'] == 'dev@example.com'
    assert len(fresh_emulator.outbox()) == 2  # the verification, then this one: none for the unknown email
    assert host.call('POST', '/developer/reset-password', {'token': reset['token'], 'password': 'N3w-password'}).status_code == 204
    assert_problem(host.login('dev@example.com', PASSWORD), 401, 'Invalid Credentials')
    assert host.login('dev@example.com', 'N3w-password').status_code == 204


def test_session_cookies_are_real_http_only_with_expiry(world):
    host = world['host']
    response = host.login('dev@example.com')
    access = cookie_attributes(response, 'portalaccesstoken')
    refresh = cookie_attributes(response, 'portalrefreshtoken')
    assert access['Path'] == '/' and refresh['Path'] == '/api/v3/developer/refresh'
    for attributes in (access, refresh):
        assert {'HttpOnly', 'Secure'} <= set(attributes) and attributes['SameSite'] == 'None'
    expires = email.utils.parsedate_to_datetime(access['Expires']).timestamp()
    assert 3500 < expires - time.time() <= 3601
    assert email.utils.parsedate_to_datetime(refresh['Expires']).timestamp() > expires


def test_requests_needing_a_session_answer_401_without_one(world):
    host = world['host']
    for method, path in (('GET', '/developer/me'), ('GET', '/applications'), ('POST', '/applications'),
                         ('GET', '/developer/teams'), ('GET', '/application-auth-strategies')):
        assert_problem(host.call(method, path, {'name': 'x'} if method == 'POST' else None, cookies={}), 401)
    assert_problem(host.call('GET', '/developer/me', cookies={'portalaccesstoken': 'forged'}), 401)
    # Optional-session operations answer anonymous requests, but a dead cookie is a 401 where one is declared.
    assert host.call('GET', '/apis', cookies={}).status_code == 200
    assert_problem(host.call('GET', '/apis', cookies={'portalaccesstoken': 'forged'}), 401)


def test_expired_token_refresh_and_logout(world, fresh_emulator):
    host = world['host']
    assert host.call('GET', '/developer/me').status_code == 200
    assert fresh_emulator.expire_portal_tokens() >= 1
    assert_problem(host.call('GET', '/developer/me'), 401)
    assert_problem(host.call('POST', '/developer/refresh', cookies={'portalaccesstoken': host.cookies['portalaccesstoken']}), 401)
    refreshed = host.call('POST', '/developer/refresh', cookies={'portalrefreshtoken': host.cookies['portalrefreshtoken']})
    assert refreshed.status_code == 204
    # A refresh token is spent once used.
    assert_problem(host.call('POST', '/developer/refresh', cookies={'portalrefreshtoken': host.cookies['portalrefreshtoken']}), 401)
    host.cookies = set_cookies(refreshed)
    assert host.call('GET', '/developer/me').status_code == 200
    logout = host.call('POST', '/developer/logout')
    assert logout.status_code == 204 and set_cookies(logout) == {'portalaccesstoken': '', 'portalrefreshtoken': ''}
    assert_problem(host.call('GET', '/developer/me'), 401)
    assert_problem(host.call('POST', '/developer/refresh', cookies={'portalrefreshtoken': host.cookies['portalrefreshtoken']}), 401)


def test_admin_revoking_the_developer_ends_the_session(world, admin):
    host, portal = world['host'], world['portal']
    response = admin.patch('/v3/portals/%s/developers/%s' % (portal['id'], developer_id(admin, portal)), {'status': 'revoked'})
    assert response.status_code == 200
    assert_problem(host.call('GET', '/developer/me'), 401)
    assert_problem(host.login('dev@example.com'), 401, 'Approval Required')


def test_short_token_lifetime_from_the_command_line():
    from emulator.testing import EmulatorThread  # pylint: disable=import-outside-toplevel
    emulator = EmulatorThread(portal_token_lifetime=1).start()
    try:
        admin = JsonClient(emulator.url + '/us')
        portal = make_portal(admin, auto_approve_developers=True)
        host = Portal(emulator.portal_url(portal['default_domain']))
        sign_up(emulator, host, portal)
        assert host.login('dev@example.com').status_code == 204
        time.sleep(1.1)
        assert_problem(host.call('GET', '/developer/me'), 401)
    finally:
        emulator.stop()


# ---- APIs ----------------------------------------------------------------------------------------------------


def test_apis_visible_to_anonymous_and_developers(world, admin, fresh_emulator):
    host, portal = world['host'], world['portal']
    public = publish(admin, portal, name='public-api', visibility='public')
    publish(admin, make_portal(admin, name='other'), name='elsewhere', visibility='public')
    anonymous = host.call('GET', '/apis', cookies={}).json()
    assert [api['name'] for api in anonymous['data']] == ['public-api'] and anonymous['meta']['page']['total'] == 1
    assert sorted(api['name'] for api in host.call('GET', '/apis').json()['data']) == ['orders', 'public-api']
    by_slug = host.call('GET', '/apis/' + world['api']['slug']).json()
    assert by_slug['id'] == world['api']['id'] and by_slug['visibility'] == 'private'
    assert [s['credential_type'] for s in by_slug['auth_strategies']] == ['key_auth']
    assert_problem(host.call('GET', '/apis/' + world['api']['id'], cookies={}), 404)
    assert host.call('GET', '/apis/%s/actions' % public['id'], cookies={}).json() == {
        'actions': {'view': True, 'register': False, 'view_documentation': True}}
    assert host.call('GET', '/apis/%s/actions' % public['id']).json()['actions']['register'] is True
    versions = host.call('GET', '/apis/%s/versions' % public['id']).json()['data']
    assert [(v['version'], v['spec']['type']) for v in versions] == [('1.0.0', 'oas3')]
    version = host.call('GET', '/apis/%s/versions/%s' % (public['id'], versions[0]['id'])).json()
    assert version['spec']['content'] == SPEC
    assert host.call('GET', '/apis/%s/versions/%s/raw' % (public['id'], versions[0]['id'])).json()['info']['title'] == 'Orders'


def test_rbac_shows_private_apis_to_teams_with_roles(world, admin):
    host, portal, api = world['host'], world['portal'], world['api']
    assert admin.patch('/v3/portals/%s' % portal['id'], {'rbac_enabled': True}).status_code == 200
    assert host.call('GET', '/apis').json()['data'] == []
    team = created(admin.post('/v3/portals/%s/teams' % portal['id'], {'name': 'consumers'}))
    created(admin.post('/v3/portals/%s/teams/%s/developers' % (portal['id'], team['id']), {'id': developer_id(admin, portal)}))
    created(admin.post('/v3/portals/%s/teams/%s/assigned-roles' % (portal['id'], team['id']), {
        'role_name': 'API Viewer', 'entity_type_name': 'Services', 'entity_id': api['id'], 'entity_region': 'us'}))
    assert [a['id'] for a in host.call('GET', '/apis').json()['data']] == [api['id']]
    assert host.call('GET', '/apis/%s/actions' % api['id']).json()['actions'] == {'view': True, 'register': False, 'view_documentation': True}
    assert [t['name'] for t in host.call('GET', '/developer/teams').json()['data']] == ['consumers']
    members = host.call('GET', '/developer/teams/%s/developers' % team['id']).json()['data']
    assert [m['email'] for m in members] == ['dev@example.com']


# ---- applications, registrations, credentials --------------------------------------------------------------


def test_application_is_the_admin_sides_portal_application(world, admin):
    host, portal = world['host'], world['portal']
    application = created(host.call('POST', '/applications', {'name': 'billing', 'description': 'Bills'}))
    assert application['auth_strategy']['id'] == world['strategy']['id'] and 'client_secret' not in application
    seen = admin.get('/v3/portals/%s/applications/%s' % (portal['id'], application['id'])).json()
    assert seen['name'] == 'billing' and seen['owner'] == {'type': 'developer', 'id': developer_id(admin, portal)}
    assert_problem(host.call('POST', '/applications', {'name': 'billing'}), 409)
    assert_problem(host.call('POST', '/applications', {'name': 'x', 'auth_strategy_id': '11111111-1111-4111-8111-111111111111'}), 400)
    assert_problem(host.call('POST', '/applications', {'name': 'x', 'client_id': 'abc'}), 400)
    patched = host.call('PATCH', '/applications/' + application['id'], {'description': 'Invoices', 'redirect_uri': 'https://a.example.com/cb'})
    assert patched.json()['description'] == 'Invoices' and patched.json()['redirect_uri'] == 'https://a.example.com/cb'
    assert_problem(host.call('PATCH', '/applications/' + application['id'], {'auth_strategy_id': world['strategy']['id']}), 400)
    assert [a['name'] for a in host.call('GET', '/applications?filter[name][eq]=billing').json()['data']] == ['billing']
    assert host.call('DELETE', '/applications/' + application['id']).status_code == 204
    assert admin.get('/v3/portals/%s/applications/%s' % (portal['id'], application['id'])).status_code == 404
    assert_problem(host.call('GET', '/applications/' + application['id']), 404)


def test_registration_approved_by_the_admin_shows_approved(world, admin):
    host, portal, api = world['host'], world['portal'], world['api']
    application = created(host.call('POST', '/applications', {'name': 'billing'}))
    registration = created(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': api['id']}))
    assert (registration['status'], registration['api_name'], registration['api_slug']) == ('pending', 'orders', api['slug'])
    assert_problem(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': api['id']}), 409)
    path = '/v3/portals/%s/applications/%s/registrations/%s' % (portal['id'], application['id'], registration['id'])
    assert admin.get(path).json()['status'] == 'pending'
    assert admin.patch(path, {'status': 'approved'}).status_code == 200
    seen = host.call('GET', '/applications/%s/registrations/%s' % (application['id'], registration['id'])).json()
    assert seen['status'] == 'approved'
    listed = host.call('GET', '/applications/%s/registrations?filter[status]=approved' % application['id']).json()['data']
    assert [r['id'] for r in listed] == [registration['id']]
    by_api = host.call('GET', '/apis/%s/applications' % api['id']).json()['data']
    assert [(a['name'], a['registration_status']) for a in by_api] == [('billing', 'approved')]
    assert host.call('DELETE', '/applications/%s/registrations/%s' % (application['id'], registration['id'])).status_code == 204
    assert admin.get(path).status_code == 404


def test_registration_status_follows_auto_approve_and_needs_a_published_api(world, admin):
    host, portal = world['host'], world['portal']
    application = created(host.call('POST', '/applications', {'name': 'billing'}))
    auto = publish(admin, portal, name='auto', auto_approve_registrations=True)
    assert created(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': auto['id']}))['status'] == 'approved'
    unpublished = created(admin.post('/v3/apis', {'name': 'hidden', 'version': '1'}))
    assert_problem(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': unpublished['id']}), 404)
    no_strategy = publish(admin, portal, name='no-auth', auth_strategy_ids=None)
    assert_problem(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': no_strategy['id']}), 400)
    assert admin.patch('/v3/portals/%s' % portal['id'], {'auto_approve_applications': True}).status_code == 200
    late = publish(admin, portal, name='late')
    assert created(host.call('POST', '/applications/%s/registrations' % application['id'], {'api_id': late['id']}))['status'] == 'approved'


def test_api_key_credentials_returned_only_at_creation(world):
    host = world['host']
    application = created(host.call('POST', '/applications', {'name': 'billing'}))
    path = '/applications/%s/credentials' % application['id']
    key = created(host.call('POST', path, {'display_name': 'prod'}))
    assert key['type'] == 'api_key' and key['credential'] and key['status'] == 'active' and key['expires_at'] is None
    listed = host.call('GET', path).json()['data']
    assert listed == [{'type': 'api_key', 'id': key['id'], 'display_name': 'prod', 'created_at': key['created_at'],
                       'expires_at': None, 'status': 'active'}]
    assert key['credential'] not in host.call('GET', path).text
    renamed = host.call('PUT', '%s/%s' % (path, key['id']), {'display_name': 'production'})
    assert renamed.status_code == 200 and renamed.json()['display_name'] == 'production'
    assert_problem(host.call('PUT', '%s/%s' % (path, key['id']), {}), 400)
    assert_problem(host.call('POST', '/applications/%s/regenerate-secret' % application['id']), 400)
    assert host.call('DELETE', '%s/%s' % (path, key['id'])).status_code == 204
    assert_problem(host.call('DELETE', '%s/%s' % (path, key['id'])), 404)
    for _number in range(20):
        created(host.call('POST', path, {}))
    assert_problem(host.call('POST', path, {}), 403, 'Maximum number of Credentials exceeded. Max Allowed: 20')


def test_key_ttl_sets_the_expiry(fresh_emulator, admin):
    strategy = key_auth_strategy(admin, name='short', ttl={'value': 2, 'unit': 'days'})
    portal = make_portal(admin, default_application_auth_strategy_id=strategy['id'], auto_approve_developers=True)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    sign_up(fresh_emulator, host, portal)
    host.login('dev@example.com')
    application = created(host.call('POST', '/applications', {'name': 'billing'}))
    key = created(host.call('POST', '/applications/%s/credentials' % application['id'], {}))
    assert key['expires_at'] is not None and key['display_name']


def test_dcr_application_gets_a_secret_that_can_be_regenerated(fresh_emulator, admin):
    provider = created(admin.post('/v2/dcr-providers', {
        'name': 'idp', 'provider_type': 'http', 'issuer': 'https://idp.example.com',
        'dcr_config': {'dcr_base_url': 'https://idp.example.com/dcr', 'api_key': 'k' * 16}}))
    strategy = created(admin.post('/v2/application-auth-strategies', {
        'name': 'oidc', 'display_name': 'OIDC', 'strategy_type': 'openid_connect', 'dcr_provider_id': provider['id'],
        'configs': {'openid-connect': {'issuer': 'https://idp.example.com', 'credential_claim': ['client_id'],
                                       'scopes': ['openid'], 'auth_methods': ['client_credentials']}}}))
    portal = make_portal(admin, default_application_auth_strategy_id=strategy['id'], auto_approve_developers=True)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    sign_up(fresh_emulator, host, portal)
    host.login('dev@example.com')
    application = created(host.call('POST', '/applications', {'name': 'svc'}))
    assert application['auth_strategy']['credential_type'] == 'client_credentials'
    assert application['client_id'] and application['client_secret']
    assert 'client_secret' not in host.call('GET', '/applications/' + application['id']).json()
    regenerated = created(host.call('POST', '/applications/%s/regenerate-secret' % application['id']))
    assert regenerated['client_id'] == application['client_id'] and regenerated['client_secret'] != application['client_secret']
    created(host.call('POST', '/applications/%s/credentials' % application['id'], {}))
    assert_problem(host.call('POST', '/applications/%s/regenerate-secret' % application['id']), 409)
    imported = created(host.call('POST', '/applications', {'name': 'existing', 'client_id': 'my-client'}))
    assert imported['client_id'] == 'my-client'


# ---- the older admin login -----------------------------------------------------------------------------------


def test_legacy_host_serves_only_the_older_login(fresh_emulator):
    base = fresh_emulator.url + '/legacy'
    current = requests.post(base + '/kauth/api/v1/authenticate', json={'username': DEMO_USER, 'password': DEMO_PASSWORD}, timeout=10)
    assert current.status_code == 404
    assert requests.post(base + '/api/auth', json={'username': DEMO_USER, 'password': 'wrong'}, timeout=10).status_code == 401
    assert requests.get(base + '/v2/control-planes', timeout=10).status_code == 401
    login = requests.post(base + '/api/auth', json={'username': DEMO_USER, 'password': DEMO_PASSWORD}, timeout=10)
    assert login.status_code == 200
    user = login.json()
    assert set(user) == {'id', 'email', 'org_id', 'org_name', 'first_name', 'last_name', 'expiration_date'}
    assert user['email'] == DEMO_USER
    assert 'HttpOnly' in login.headers['Set-Cookie']
    session = set_cookies(login)
    assert list(session) == ['konnectaccesstoken']
    listed = requests.get(base + '/v2/control-planes', headers={'Cookie': 'konnectaccesstoken=' + session['konnectaccesstoken']}, timeout=10)
    assert listed.status_code == 200
    # The default host keeps the current form only.
    assert requests.post(fresh_emulator.url + '/api/auth', json={'username': DEMO_USER, 'password': DEMO_PASSWORD}, timeout=10).status_code == 404


def test_self_managed_and_team_owned_applications(fresh_emulator, admin):
    strategy = created(admin.post('/v2/application-auth-strategies', {
        'name': 'own-idp', 'display_name': 'Own IdP', 'strategy_type': 'openid_connect',
        'configs': {'openid-connect': {'issuer': 'https://idp.example.com', 'credential_claim': ['client_id'],
                                       'scopes': ['openid'], 'auth_methods': ['client_credentials']}}}))
    portal = make_portal(admin, default_application_auth_strategy_id=strategy['id'], auto_approve_developers=True)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    sign_up(fresh_emulator, host, portal)
    host.login('dev@example.com')
    body = assert_problem(host.call('POST', '/applications', {'name': 'svc'}), 400)
    assert body['invalid_parameters'][0]['field'] == 'client_id'
    application = created(host.call('POST', '/applications', {'name': 'svc', 'client_id': 'idp-client'}))
    assert application['auth_strategy']['credential_type'] == 'self_managed_client_credentials' and 'client_secret' not in application
    assert_problem(host.call('POST', '/applications/%s/credentials' % application['id'], {}), 400)
    team = created(admin.post('/v3/portals/%s/teams' % portal['id'], {'name': 'ops'}))
    assert_problem(host.call('POST', '/applications', {'name': 't', 'client_id': 'c', 'team_id': team['id']}), 400)
    created(admin.post('/v3/portals/%s/teams/%s/developers' % (portal['id'], team['id']), {'id': developer_id(admin, portal)}))
    assert_problem(host.call('POST', '/applications', {'name': 't', 'client_id': 'c', 'team_id': team['id']}), 403)
    assert admin.patch('/v3/portals/%s/teams/%s' % (portal['id'], team['id']), {'can_own_applications': True}).status_code == 200
    owned = created(host.call('POST', '/applications', {'name': 't', 'client_id': 'c', 'team_id': team['id']}))
    assert owned['team_id'] == team['id']
    seen = admin.get('/v3/portals/%s/applications/%s' % (portal['id'], owned['id'])).json()
    assert seen['owner'] == {'type': 'team', 'id': team['id']}


def test_portal_without_authentication_refuses_sign_up_and_login(fresh_emulator, admin):
    portal = make_portal(admin, authentication_enabled=False)
    host = Portal(fresh_emulator.portal_url(portal['default_domain']))
    assert host.call('GET', '/portal').json()['authentication_enabled'] is False
    assert_problem(host.call('POST', '/developer', {'email': 'dev@example.com', 'full_name': 'Dev'}), 400)
    assert_problem(host.login('dev@example.com'), 404)
    assert fresh_emulator.outbox() == []
