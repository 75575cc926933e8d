# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Developer self-service against the emulator's portal hosts: the portal_client modules, the PortalClient session, and
the older admin login. The admin side is set up with the admin modules or ``konnect()``; the developer side talks to the
portal host only (``/portal/<default_domain>``)."""

from __future__ import annotations

import json
import os
import stat

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.portal_client import ACCESS_COOKIE, REFRESH_COOKIE, PortalClient
from ansible_collections.konnect.konnect.plugins.module_utils.runner import SECRET_VALUES
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    writes,
)

EMAIL = 'payments-ci@example.com'
PASSWORD = 'Portal-Pass-0ne!'
SPEC = '{"openapi": "3.0.3", "info": {"title": "Orders", "version": "1.0.0"}, "paths": {}}'
# Logging in and refreshing the session write nothing the task manages: they are left out of the counted writes.
SESSION_PATHS = frozenset(('/api/v3/developer/authenticate', '/api/v3/developer/refresh'))
SEEN_SECRETS = []  # every value the portal tasks were told to hide (passwords, cookies, tokens), for the leak checks


class PortalModule(Module):
    """A portal_client module run as the action plugin runs it, connected to one portal host as one developer.

    The result is what the task returns, less the values it asks the wrapper to mask (kept in SEEN_SECRETS), so the tests
    see whether the task itself ever puts the password, a cookie or a token in a result.
    """

    def __init__(self, emulator, name, portal_url, email=EMAIL, password=PASSWORD):
        super(PortalModule, self).__init__(emulator, name)
        self.portal_url = portal_url
        self.email = email
        self.password = password

    def connection_args(self):
        return dict(portal_url=self.portal_url, portal_email=self.email, portal_password=self.password, timeout=10, max_retries=2)

    def __call__(self, check_mode=False, diff=False, **args):
        if not dict(self.connection_args(), **args).get('portal_url'):
            self.password = None  # refused before a client exists: nothing to mask
        result = super(PortalModule, self).__call__(check_mode=check_mode, diff=diff, **args)
        hidden = result.pop(SECRET_VALUES, [])
        assert self.validated is None or self.password in hidden or not self.password, 'the password is not masked'
        SEEN_SECRETS.extend(hidden)
        return result

    def counted(self, check_mode=False, diff=False, **args):
        result, sent = super(PortalModule, self).counted(check_mode=check_mode, diff=diff, **args)
        return result, [request for request in sent if request['path'] not in SESSION_PATHS]


def assert_no_secret(result, *extra):
    text = json.dumps(result, default=str)
    for secret in list(SEEN_SECRETS) + list(extra):
        assert secret not in text, 'a secret is shown: %s...' % secret[:4]


# -- the admin side ---------------------------------------------------------------------------------------------

def admin_world(emulator, auto_approve_developers=False, **portal_fields):
    """A key-auth strategy, a portal whose default it is, and the API 'orders' published there with it."""
    strategy = konnect(emulator, 'POST', '/v2/application-auth-strategies', {
        'name': 'key-auth', 'display_name': 'key-auth', 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['apikey']}}})
    portal = konnect(emulator, 'POST', '/v3/portals', dict(
        name='developer', authentication_enabled=True, auto_approve_developers=auto_approve_developers,
        default_application_auth_strategy_id=strategy['id'], **portal_fields))
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'orders', 'version': '1.0.0', 'spec_content': SPEC})
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api['id'], portal['id']), {'auth_strategy_ids': [strategy['id']]})
    return {'portal': portal, 'api': api, 'strategy': strategy, 'url': emulator.portal_url(portal['default_domain'])}


def outbox_token(emulator, email=EMAIL, kind='verify-email'):
    return [mail for mail in emulator.outbox() if mail['to'] == email and mail['kind'] == kind][-1]['token']


def admin_developer(emulator, portal, email=EMAIL):
    developers = konnect(emulator, 'GET', '/v3/portals/%s/developers' % portal['id'])['data']
    return [developer for developer in developers if developer['email'] == email][0]


def active_developer(emulator, world, email=EMAIL):
    """Sign the developer up through the module, verify with the emailed token; approved by the portal or the admin."""
    developer = PortalModule(emulator, 'portal_client_developer', world['url'], email=email)
    assert developer(full_name='Payments CI')['status'] == 'verification pending'
    done = developer(full_name='Payments CI', verification_token=outbox_token(emulator, email))
    if done['status'] == 'approval pending':
        konnect(emulator, 'PATCH', '/v3/portals/%s/developers/%s' % (world['portal']['id'], admin_developer(emulator, world['portal'], email)['id']),
                {'status': 'approved'})
    return developer


@pytest.fixture
def world(emulator):
    """A portal with the API 'orders' published, and an active developer."""
    world = admin_world(emulator, auto_approve_developers=True)
    active_developer(emulator, world)
    return world


def portal_module(emulator, world, name, **kwargs):
    return PortalModule(emulator, name, world['url'], **kwargs)


# -- the issue's "Must show": the whole flow, re-run, check mode -------------------------------------------------------

def test_developer_self_service_end_to_end(emulator, tmp_path):
    admin = dict((name, Module(emulator, name)) for name in (
        'application_auth_strategy', 'portal', 'api', 'api_version', 'api_publication', 'portal_developer', 'portal_application_registration'))
    assert not admin['application_auth_strategy'](name='key-auth', display_name='key-auth', strategy_type='key_auth',
                                                  configs={'key_auth': {'key_names': ['apikey']}}).get('failed')
    portal = admin['portal'](name='developer', authentication_enabled=True, default_application_auth_strategy='key-auth')['portal']
    assert not admin['api'](name='orders', version='1.0.0').get('failed')
    specified = admin['api_version'](api='orders', api_version='1.0.0', version='1.0.0', content=SPEC)
    assert not specified.get('failed'), specified['msg']
    published = admin['api_publication'](api='orders', portal='developer', auth_strategies=['key-auth'])
    assert not published.get('failed'), published['msg']
    url = emulator.portal_url(portal['default_domain'])
    key_file = str(tmp_path / 'orders-api-key')

    developer = PortalModule(emulator, 'portal_client_developer', url)
    application = PortalModule(emulator, 'portal_client_application', url)
    registration = PortalModule(emulator, 'portal_client_application_registration', url)
    credential = PortalModule(emulator, 'portal_client_credential', url)

    signed_up = developer(full_name='Payments CI', diff=True)
    assert (signed_up['changed'], signed_up['status']) == (True, 'verification pending')
    assert admin_developer(emulator, portal)['status'] == 'pending'
    again, sent = developer.counted(full_name='Payments CI')
    assert (again['changed'], again['status']) == (False, 'verification pending')
    assert len([mail for mail in emulator.outbox() if mail['to'] == EMAIL]) == 1, 'signed up twice'

    token = outbox_token(emulator)
    verified = developer(full_name='Payments CI', verification_token=token, diff=True)
    assert (verified['changed'], verified['status']) == (True, 'approval pending')
    assert verified['diff'] == {'before': {'email': EMAIL, 'status': 'verification pending'}, 'after': {'email': EMAIL, 'status': 'approval pending'}}
    refused = assert_refused(application, dict(name='payments-service'), 'not been approved', 'portal_developer')
    assert_no_secret(refused)

    approved = admin['portal_developer'](portal='developer', email=EMAIL, status='approved')
    assert approved['changed'], approved.get('msg')
    active = developer(full_name='Payments CI', verification_token=token)
    assert (active['changed'], active['status']) == (False, 'active')
    assert active['portal_client_developer']['email'] == EMAIL

    def self_service(check_mode=False, steps=4):
        """The consuming team's playbook: its results and the writes it sent (logins left out)."""
        results, sent = [], []
        for module, args in ((developer, dict(full_name='Payments CI', verification_token=token)),
                             (application, dict(name='payments-service', description='Calls the orders API', auth_strategy='key-auth')),
                             (registration, dict(application='payments-service', api='orders')),
                             (credential, dict(application='payments-service', display_name='production', dest=key_file)))[:steps]:
            result, requests = module.counted(check_mode=check_mode, diff=True, **args)
            assert not result.get('failed'), '%s: %s' % (module.name, result.get('msg'))
            results.append(result)
            sent.extend(writes(requests))
        return results, sent

    # A first run in check mode: the application it would create does not exist yet, so the later tasks cannot find it
    # (as with every module whose parent is missing); the steps up to the application predict their changes.
    predicted, sent = self_service(check_mode=True, steps=2)
    assert not sent, 'check mode wrote %s' % sent
    assert [result['changed'] for result in predicted] == [False, True]

    first, sent = self_service()
    assert [result['changed'] for result in first] == [False, True, True, True]
    assert first[2]['status'] == 'pending'
    minted = first[3]['credential']
    assert minted and first[3]['_ansible_no_log'] is True
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    with open(key_file) as handle:
        assert handle.read() == minted
    application_id = first[1]['portal_client_application']['id']
    seen = konnect(emulator, 'GET', '/v3/portals/%s/applications/%s' % (portal['id'], application_id))
    assert seen['name'] == 'payments-service' and seen['owner']['type'] == 'developer'

    approval = admin['portal_application_registration'](portal='developer', application='payments-service', api='orders', status='approved')
    assert approval['changed'], approval.get('msg')

    rerun, sent = self_service()
    assert not [result for result in rerun if result['changed']], [result.get('diff') for result in rerun if result['changed']]
    assert not sent, 'the re-run wrote %s' % sent
    assert rerun[2]['status'] == 'approved'
    assert 'credential' not in rerun[3], 'minted twice'
    checked, sent = self_service(check_mode=True)
    assert not sent and not [result for result in checked if result['changed']]

    every_result = [signed_up, again, verified, active, approved] + predicted + first + rerun + checked
    first[3].pop('credential')
    assert_no_secret(every_result, PASSWORD, token, minted)
    assert len(SEEN_SECRETS) > 1 and any(len(value) > 20 and value != PASSWORD for value in SEEN_SECRETS), 'no cookie was hidden'


# -- one module at a time -----------------------------------------------------------------------------------------------

def test_application_lifecycle(emulator, world):
    module = portal_module(emulator, world, 'portal_client_application')
    created = assert_lifecycle(module, create=dict(name='billing', description='Bills', auth_strategy='key-auth'),
                               update=dict(description='Invoices', scopes=['orders.read']), secrets=(PASSWORD,), noop_requests=2)
    assert created['auth_strategy']['id'] == world['strategy']['id']
    seen = konnect(emulator, 'GET', '/v3/portals/%s/applications' % world['portal']['id'])['data']
    assert seen == [], 'deleted on the admin side too'


def test_application_refusals(emulator, world):
    module = portal_module(emulator, world, 'portal_client_application')
    assert_refused(module, dict(name='billing', auth_strategy='oauth'), 'auth_strategy', 'oauth')
    assert not module(name='billing', auth_strategy='key-auth').get('failed')
    other = konnect(emulator, 'POST', '/v2/application-auth-strategies', {
        'name': 'other', 'display_name': 'other', 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['k']}}})
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'second', 'version': '1'})
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api['id'], world['portal']['id']), {'auth_strategy_ids': [other['id']]})
    assert_refused(module, dict(name='billing', auth_strategy='other'), 'auth_strategy', 'cannot be changed')


def test_registration_lifecycle_and_status(emulator, world):
    application = portal_module(emulator, world, 'portal_client_application')
    assert not application(name='billing').get('failed')
    module = portal_module(emulator, world, 'portal_client_application_registration')
    args = dict(application='billing', api='orders')
    predicted, sent = module.counted(check_mode=True, diff=True, **args)
    assert predicted['changed'] and not writes(sent)
    created, sent = module.counted(diff=True, **args)
    assert created['changed'] and created['status'] == 'pending' and created['diff']['after']['api'] == 'orders (%s)' % world['api']['id']
    for api in (world['api']['id'], world['api']['slug'], 'orders'):
        again, sent = module.counted(application='billing', api=api, api_version='1.0.0')
        assert not again['changed'] and not writes(sent), api
    gone, sent = module.counted(state='absent', **args)
    assert gone['changed'] and [request['method'] for request in writes(sent)] == ['DELETE']
    twice, sent = module.counted(state='absent', **args)
    assert not twice['changed'] and not writes(sent)
    auto = dict(world['portal'], auto_approve_applications=True)
    konnect(emulator, 'PATCH', '/v3/portals/%s' % auto['id'], {'auto_approve_applications': True})
    assert module(**args)['status'] == 'approved'


def test_registration_refusals(emulator, world):
    assert not portal_module(emulator, world, 'portal_client_application')(name='billing').get('failed')
    module = portal_module(emulator, world, 'portal_client_application_registration')
    konnect(emulator, 'POST', '/v3/apis', {'name': 'hidden', 'version': '1'})
    assert_refused(module, dict(application='billing', api='hidden'), 'api', 'hidden', 'published to this portal')
    assert_refused(module, dict(application='billing', api='orders', api_version='9'), 'api', 'version 9')
    assert_refused(module, dict(application='nope', api='orders'), 'application', 'nope')
    no_strategy = konnect(emulator, 'POST', '/v3/apis', {'name': 'no-auth', 'version': '1'})
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (no_strategy['id'], world['portal']['id']), {'auth_strategy_ids': None})
    assert_refused(module, dict(application='billing', api='no-auth'), 'api', 'no-auth')


def test_credential_minted_once_rotated_renamed_revoked(emulator, world, tmp_path):
    assert not portal_module(emulator, world, 'portal_client_application')(name='billing').get('failed')
    module = portal_module(emulator, world, 'portal_client_credential')
    dest = str(tmp_path / 'key')
    args = dict(application='billing', display_name='prod', dest=dest)

    predicted, sent = module.counted(check_mode=True, **args)
    assert predicted['changed'] and 'credential' not in predicted and not writes(sent) and not os.path.exists(dest)
    minted = module(**args)
    key = minted['credential']
    assert minted['changed'] and minted['_ansible_no_log'] and open(dest).read() == key
    assert 'credential' not in minted['portal_client_credential']
    again, sent = module.counted(**args)
    assert not again['changed'] and 'credential' not in again and not writes(sent)

    rotated = module(rotate=True, **args)
    assert rotated['changed'] and rotated['credential'] != key and open(dest).read() == rotated['credential']
    listed = [item['display_name'] for item in konnect_credentials(emulator, world, module, 'billing')]
    assert listed == ['prod'], 'the old key is gone, the new one carries the name'

    renamed = module(id=rotated['portal_client_credential']['id'], application='billing', display_name='production', diff=True)
    assert renamed['changed'] and 'credential' not in renamed and renamed['diff']['after']['display_name'] == 'production'

    os.unlink(dest)
    lost = module(application='billing', display_name='production', dest=dest)
    assert not lost['changed'] and not os.path.exists(dest)
    assert 'rotate: true' in module.warnings[-1] and dest in module.warnings[-1]

    gone = module(application='billing', display_name='production', state='absent')
    assert gone['changed']
    assert not module(application='billing', display_name='production', state='absent')['changed']
    assert_no_secret([again, renamed, gone], key)


def konnect_credentials(emulator, world, module, application_name):
    """The application's credentials as the developer lists them (through the client the modules use)."""
    client = PortalClient(world['url'], EMAIL, PASSWORD, timeout=10)
    application = [item for item in client.paginate('/api/v3/applications', 'page') if item['name'] == application_name][0]
    return list(client.paginate('/api/v3/applications/%s/credentials' % application['id'], 'page'))


def test_client_credentials_application_secret_returned_once_and_regenerated(emulator, tmp_path):
    provider = konnect(emulator, 'POST', '/v2/dcr-providers', {
        'name': 'idp', 'provider_type': 'http', 'issuer': 'https://idp.example.com',
        'dcr_config': {'dcr_base_url': 'https://idp.example.com/dcr', 'api_key': 'k' * 16}})
    strategy = konnect(emulator, 'POST', '/v2/application-auth-strategies', {
        'name': 'oidc', 'display_name': 'oidc', 'strategy_type': 'openid_connect', 'dcr_provider_id': provider['id'],
        'configs': {'openid-connect': {'issuer': 'https://idp.example.com', 'credential_claim': ['client_id'],
                                       'scopes': ['openid'], 'auth_methods': ['client_credentials']}}})
    portal = konnect(emulator, 'POST', '/v3/portals', dict(name='developer', authentication_enabled=True, auto_approve_developers=True,
                                                           default_application_auth_strategy_id=strategy['id']))
    world = {'portal': portal, 'url': emulator.portal_url(portal['default_domain'])}
    active_developer(emulator, world)
    application = portal_module(emulator, world, 'portal_client_application')
    created = application(name='svc')
    secret = created['client_secret']
    assert secret and created['_ansible_no_log'] and 'client_secret' not in created['portal_client_application']
    again = application(name='svc')
    assert not again['changed'] and 'client_secret' not in again

    module = portal_module(emulator, world, 'portal_client_credential')
    dest = str(tmp_path / 'secret')
    predicted, sent = module.counted(check_mode=True, application='svc', regenerate_secret=True, dest=dest)
    assert predicted['changed'] and not writes(sent) and not os.path.exists(dest)
    regenerated = module(application='svc', regenerate_secret=True, dest=dest)
    assert regenerated['changed'] and regenerated['client_secret'] not in (None, secret)
    assert open(dest).read() == regenerated['client_secret'] and stat.S_IMODE(os.stat(dest).st_mode) == 0o600
    assert regenerated['client_id'] == created['portal_client_application']['client_id']
    assert_refused(module, dict(application='svc', regenerate_secret=True, rotate=True), 'mutually exclusive')


def test_developer_refusals_and_wrong_password(emulator, world):
    developer = portal_module(emulator, world, 'portal_client_developer', password='not-the-password')
    stuck = developer(full_name='Payments CI')
    assert not stuck['changed'] and stuck['status'] == 'verification pending', 'a wrong password looks like a pending sign-up'
    refused, sent = developer.counted(verification_token=outbox_token(emulator))
    assert refused['failed'] and 'verification_token' in refused['msg'] and 'already used' in refused['msg']
    # Only the portal can say whether a token is spent: the one write is its refusal of the token, which changes nothing.
    assert [(request['path'], request['status']) for request in writes(sent)] == [('/api/v3/developer/verify-email', 410)]
    newcomer = portal_module(emulator, world, 'portal_client_developer', email='new@example.com')
    assert_refused(newcomer, dict(), 'full_name', 'required')
    predicted, sent = newcomer.counted(check_mode=True, full_name='New')
    assert predicted['changed'] and not writes(sent) and not [mail for mail in emulator.outbox() if mail['to'] == 'new@example.com']


def test_wrong_password_unapproved_developer_and_not_a_portal_are_clear_errors(emulator):
    world = admin_world(emulator)
    active_developer(emulator, world)  # approved by the admin
    wrong = portal_module(emulator, world, 'portal_client_application', password='wrong-password')
    result = assert_refused(wrong, dict(name='billing'), 'portal_password', 'Invalid Credentials')
    assert_no_secret(result, 'wrong-password')
    pending = portal_module(emulator, world, 'portal_client_developer', email='late@example.com')
    pending(full_name='Late')
    pending(full_name='Late', verification_token=outbox_token(emulator, 'late@example.com'))
    late = portal_module(emulator, world, 'portal_client_application', email='late@example.com')
    assert_refused(late, dict(name='billing'), 'late@example.com', 'not been approved')
    nowhere = PortalModule(emulator, 'portal_client_application', emulator.portal_url('nowhere.example.com'))
    assert_refused(nowhere, dict(name='billing'), 'portal_url', 'is not a Konnect developer portal')
    admin_host = PortalModule(emulator, 'portal_client_info', emulator.url + '/us')
    assert_refused(admin_host, dict(), 'portal_url', 'is not a Konnect developer portal')
    no_url = PortalModule(emulator, 'portal_client_info', '')
    assert_refused(no_url, dict(), 'portal_url')


def test_api_info_lists_versions_and_writes_a_spec(emulator, world, tmp_path):
    module = portal_module(emulator, world, 'portal_client_api_info')
    listed = module()
    assert [api['name'] for api in listed['apis']] == ['orders'] and not listed['changed']
    assert listed['apis'][0]['versions'] and listed['apis'][0]['versions'][0]['spec']['type']
    assert module(api=world['api']['slug'])['apis'][0]['id'] == world['api']['id']
    dest = str(tmp_path / 'orders.json')
    planned = module(api='orders', spec_dest=dest, check_mode=True)
    assert planned['changed'] and not os.path.exists(dest)
    written = module(api='orders', spec_dest=dest)
    assert written['changed'] and json.loads(open(dest).read())['info']['title'] == 'Orders'
    assert not module(api='orders', spec_dest=dest)['changed']
    assert_refused(module, dict(spec_dest=dest, api_version='2'), 'spec_dest', '0 APIs')
    assert_refused(module, dict(api='hidden'), 'api', 'hidden')


def test_info_reads_the_portal_profile_and_teams(emulator, world):
    team = konnect(emulator, 'POST', '/v3/portals/%s/teams' % world['portal']['id'], {'name': 'payments'})
    developer = admin_developer(emulator, world['portal'])
    konnect(emulator, 'POST', '/v3/portals/%s/teams/%s/developers' % (world['portal']['id'], team['id']), {'id': developer['id']})
    info = portal_module(emulator, world, 'portal_client_info')()
    assert info['portal']['portal_id'] == world['portal']['id'] and info['developer']['email'] == EMAIL
    assert [item['name'] for item in info['teams']] == ['payments'] and not info['changed']
    assert_no_secret(info, PASSWORD)


# -- the session ------------------------------------------------------------------------------------------------------

def test_session_logs_in_once_refreshes_once_on_401_and_hides_its_cookies(emulator, world):
    client = PortalClient(world['url'], EMAIL, PASSWORD, timeout=10)
    emulator.clear_requests()
    client.get('/api/v3/developer/me')
    client.get('/api/v3/developer/me')
    assert [request['path'] for request in emulator.requests()] == ['/api/v3/developer/authenticate'] + ['/api/v3/developer/me'] * 2
    assert ACCESS_COOKIE not in client.session.cookies and REFRESH_COOKIE not in client.session.cookies, 'left to requests'
    cookies = [value for value in client.secret_values() if value != PASSWORD]
    assert len(cookies) == 2

    assert emulator.expire_portal_tokens() >= 1
    emulator.clear_requests()
    assert client.get('/api/v3/developer/me').body['email'] == EMAIL
    assert [(request['path'], request['status']) for request in emulator.requests()] == [
        ('/api/v3/developer/me', 401), ('/api/v3/developer/refresh', 204), ('/api/v3/developer/me', 200)]
    assert len(client.secret_values()) == 5, 'the refreshed cookies are hidden too'


def test_a_session_that_cannot_be_renewed_is_a_clear_error(emulator, world):
    client = PortalClient(world['url'], EMAIL, PASSWORD, timeout=10)
    client.get('/api/v3/developer/me')
    client._credentials = None  # pylint: disable=protected-access
    client._cookies.pop(REFRESH_COOKIE)  # pylint: disable=protected-access
    emulator.expire_portal_tokens()
    with pytest.raises(KonnectError) as info:
        client.get('/api/v3/developer/me')
    assert 'refused the developer session' in info.value.msg and '401' in info.value.msg
    anonymous = PortalClient(world['url'], timeout=10)
    with pytest.raises(KonnectParameterError) as info:
        anonymous.get('/api/v3/applications')
    assert 'portal_email and portal_password' in info.value.msg


# -- the admin client's older login ----------------------------------------------------------------------------------

def legacy_params(emulator, password):
    from emulator import DEMO_USER  # pylint: disable=import-error,import-outside-toplevel
    params = dict(connection(emulator), konnect_token=None, konnect_email=DEMO_USER, konnect_password=password,
                  konnect_api_url=emulator.url + '/legacy', konnect_global_api_url=emulator.url + '/legacy')
    return params


def test_admin_login_falls_back_to_the_older_form_and_logs_in_again_on_401(emulator):
    from emulator import DEMO_PASSWORD  # pylint: disable=import-error,import-outside-toplevel
    client = KonnectClient.from_params(legacy_params(emulator, DEMO_PASSWORD))
    emulator.clear_requests()
    client.get('/v2/control-planes')
    assert [(request['path'], request['status']) for request in emulator.requests()] == [
        ('/kauth/api/v1/authenticate', 404), ('/api/auth', 200), ('/v2/control-planes', 200)]
    cookie = [value for value in client.secret_values() if value != DEMO_PASSWORD]
    assert cookie and cookie[0] == client.session.cookies.get('konnectaccesstoken')

    client.session.cookies.clear()  # the session ended: the next request is refused once, then sent again after a new login
    emulator.clear_requests()
    client.get('/v2/control-planes')
    assert [(request['path'], request['status']) for request in emulator.requests()] == [
        ('/v2/control-planes', 401), ('/kauth/api/v1/authenticate', 404), ('/api/auth', 200), ('/v2/control-planes', 200)]

    listed = Module(emulator, 'control_plane_info')
    result = listed.task.execute(dict(legacy_params(emulator, DEMO_PASSWORD), id=None, name=None, filters=None))
    assert result['control_planes'] == []
    with pytest.raises(KonnectParameterError) as info:
        KonnectClient.from_params(legacy_params(emulator, 'wrong')).get('/v2/control-planes')
    assert 'konnect_email and konnect_password' in info.value.msg and 'wrong' not in info.value.msg


def test_admin_request_without_a_session_is_a_clear_401(emulator):
    from emulator import DEMO_PASSWORD  # pylint: disable=import-error,import-outside-toplevel
    client = KonnectClient.from_params(legacy_params(emulator, DEMO_PASSWORD))
    client.get('/v2/control-planes')
    client.session.cookies.clear()
    client._credentials = None  # pylint: disable=protected-access
    with pytest.raises(KonnectError) as info:
        client.get('/v2/control-planes')
    assert info.value.details['status'] == 401 and '401 Unauthorized' in info.value.msg
