# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""TLS and connection failures: the emulator over HTTPS (``tls=DIR``), every kind of task (an entity module, an ``_info``
module, ``apply``, a portal_client module) with the same client settings; each failure one sentence naming the host and
the cause, retried only when a retry can help, and nothing written."""

from __future__ import annotations

import os
import socket
import ssl
import stat
import threading

import pytest
import requests

from ansible_collections.konnect.konnect.plugins.module_utils.client import INSECURE_WARNING, KonnectClient
from ansible_collections.konnect.konnect.plugins.module_utils.errors import AmbiguousWriteError, KonnectConnectionError
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module

from emulator.app import Emulator  # pylint: disable=import-error,wrong-import-order
from emulator.server import make_server, parse_tokens, parse_users  # pylint: disable=import-error,wrong-import-order
from emulator.testing import EmulatorProcess, EmulatorThread, JsonClient  # pylint: disable=import-error,wrong-import-order
from emulator.tls import CA_CERT, ensure_certificates, issue_server_certificate  # pylint: disable=import-error,wrong-import-order

TRUST_FAILURE = ('ca_path', 'validate_certs', 'not signed by')
EMAIL = 'tls-dev@example.com'
PASSWORD = 'Tls-Pass-0ne!'
DOCUMENT = {
    'managed_by': 'tls-tests',
    'teams': [{'name': 'tls-team'}],
    'control_planes': [{'name': 'tls-us', 'region': 'us'}, {'name': 'tls-eu', 'region': 'eu'}],
}


@pytest.fixture(scope='module')
def tls_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp('tls') / 'pki')


@pytest.fixture(scope='module')
def https_konnect(tls_dir):
    with EmulatorThread(tls=tls_dir) as emulator:
        yield emulator


@pytest.fixture
def https(https_konnect):  # pylint: disable=redefined-outer-name
    https_konnect.reset()
    yield https_konnect
    https_konnect.set_faults({})


@pytest.fixture
def other_bundle(tmp_path, monkeypatch):
    """REQUESTS_CA_BUNDLE names a bundle without the emulator's CA (as a corporate environment may): it must not override
    ca_path or validate_certs: false, as requests would let it override a session's settings."""
    directory = str(tmp_path / 'other')
    ensure_certificates(directory)
    monkeypatch.setenv('REQUESTS_CA_BUNDLE', os.path.join(directory, CA_CERT))
    monkeypatch.setenv('CURL_CA_BUNDLE', os.path.join(directory, CA_CERT))
    return os.path.join(directory, CA_CERT)


class TlsModule(Module):
    """A module run in-process (as the action plugin runs it) against the HTTPS emulator with given TLS settings."""

    def __init__(self, emulator, name, **tls):
        super(TlsModule, self).__init__(emulator, name)
        self.tls = tls

    def connection_args(self):
        return dict(super(TlsModule, self).connection_args(), **self.tls)


class PortalTlsModule(TlsModule):
    def __init__(self, emulator, name, portal_url, **tls):
        super(PortalTlsModule, self).__init__(emulator, name, **tls)
        self.portal_url = portal_url

    def connection_args(self):
        return dict(portal_url=self.portal_url, portal_email=EMAIL, portal_password=PASSWORD, timeout=10, max_retries=2, **self.tls)


def admin(emulator):
    return JsonClient(emulator.url + '/us', verify=emulator.ca_file)


def portal_url(emulator):
    """A portal that lets developers sign up, reached through the emulator's portal host prefix."""
    portal = admin(emulator).post('/v3/portals', {'name': 'tls-portal', 'authentication_enabled': True}).json()
    return emulator.portal_url(portal['default_domain'])


def every_kind_of_task(emulator, **tls):
    """(module, arguments) of an entity module, an _info module, apply, dump and a portal_client module."""
    portal = portal_url(emulator)
    emulator.clear_requests()
    return [
        (TlsModule(emulator, 'team', **tls), dict(name='tls-team')),
        (TlsModule(emulator, 'control_plane_info', **tls), dict()),
        (TlsModule(emulator, 'apply', **tls), dict(document=DOCUMENT, parallelism=4)),
        (TlsModule(emulator, 'dump', **tls), dict(regions=['us', 'eu'])),
        (PortalTlsModule(emulator, 'portal_client_developer', portal, **tls), dict(full_name='TLS Dev')),
    ]


def sent(emulator):
    return [(request['method'], request['path']) for request in emulator.requests()]


# -- the emulator's HTTPS ---------------------------------------------------------------------------------------------

def test_emulator_process_serves_https_with_a_ca_it_made_and_reuses(tmp_path):
    directory = str(tmp_path / 'pki')
    with EmulatorProcess(tls=directory) as emulator:
        assert emulator.url.startswith('https://127.0.0.1:')
        for host in ('127.0.0.1', 'localhost'):  # the certificate names both
            answer = requests.get('https://%s:%d/us/v2/control-planes' % (host, emulator.port), verify=emulator.ca_file,
                                  headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
            assert answer.status_code == 200
        assert emulator.requests()[-1]['path'] == '/v2/control-planes'
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(emulator.url + '/us/v2/control-planes', verify=True, timeout=10)
        with open(emulator.ca_file, 'rb') as handle:
            first_ca = handle.read()
    assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(os.path.join(directory, 'server-key.pem')).st_mode) == 0o600
    with EmulatorThread(tls=directory) as emulator:  # present: reused, so a CA handed to clients stays valid
        with open(emulator.ca_file, 'rb') as handle:
            assert handle.read() == first_ca
        assert admin(emulator).get('/v2/control-planes').status_code == 200


def test_a_client_that_refuses_the_certificate_does_not_stall_the_emulator(https):
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(https.url + '/us/v2/control-planes', verify=True, timeout=5)
    silent = socket.create_connection(('127.0.0.1', https.port))  # never starts its handshake
    try:
        assert admin(https).get('/v2/control-planes').status_code == 200
    finally:
        silent.close()


# -- validate_certs and ca_path, for every kind of task ---------------------------------------------------------------

def test_every_kind_of_task_works_over_https_with_ca_path(https, other_bundle):
    for module, args in every_kind_of_task(https, ca_path=https.ca_file):
        result = module(**args)
        assert not result.get('failed'), '%s: %s' % (module.name, result.get('msg'))
        assert not module.warnings, module.warnings
    methods = set(method for method, _path in sent(https))
    assert 'POST' in methods  # the team, the control planes and the developer were created over HTTPS


@pytest.mark.parametrize('use_other_bundle', [False, True])
def test_without_the_ca_every_kind_of_task_fails_naming_ca_path_and_validate_certs_with_nothing_sent(https, use_other_bundle, request):
    if use_other_bundle:
        request.getfixturevalue('other_bundle')
    for module, args in every_kind_of_task(https):
        result = module(**args)
        assert result.get('failed'), '%s did not fail' % module.name
        message = result['msg']
        for word in TRUST_FAILURE + (https.url,):
            assert word in message, '%s: %r not in %r' % (module.name, word, message)
        assert 'retrying' not in ' '.join(module.warnings), 'a certificate that does not verify was retried: %s' % module.warnings
        assert 'urllib3' not in message and 'Max retries' not in message and 'SSLError' not in message
    assert sent(https) == [], 'requests reached the emulator: %s' % sent(https)


def test_a_wrong_ca_in_ca_path_is_named(https, tmp_path):
    directory = str(tmp_path / 'another')
    wrong = ensure_certificates(directory)['ca']
    https.clear_requests()
    result = TlsModule(https, 'team', ca_path=wrong)(name='tls-team')
    assert result['failed'] and 'not signed by the CA in ca_path %s' % wrong in result['msg'] and 'validate_certs' in result['msg']
    assert sent(https) == []


@pytest.mark.parametrize('ca_path, words', [('/nonexistent/ca.pem', ('ca_path', 'does not exist')),
                                            (__file__, ('ca_path', 'no PEM CA certificate'))])
def test_a_ca_path_that_cannot_be_used_is_refused_before_anything_is_sent(https, ca_path, words):
    https.clear_requests()
    for module, args in every_kind_of_task(https, ca_path=ca_path):
        result = module(**args)
        assert result.get('failed') and all(word in result['msg'] for word in words), '%s: %s' % (module.name, result)
    assert sent(https) == []


def test_validate_certs_false_works_for_every_kind_of_task_and_warns_once_each(https, other_bundle, recwarn):
    for module, args in every_kind_of_task(https, validate_certs=False):
        result = module(**args)
        assert not result.get('failed'), '%s: %s' % (module.name, result.get('msg'))
        # apply and dump talk to three hosts (global, us, eu) through three clients: still one warning
        assert module.warnings == [INSECURE_WARNING], '%s: %s' % (module.name, module.warnings)
    assert not [warning for warning in recwarn if 'Unverified HTTPS request' in str(warning.message)], \
        "urllib3's own warning would be printed by every worker"


# -- certificates that cannot verify: one sentence, no retry ----------------------------------------------------------

@pytest.mark.parametrize('problem, words', [
    ('expired', ('its TLS certificate has expired', 'validate_certs')),
    ('wrong host', ('its TLS certificate is not valid for 127.0.0.1', 'konnect_global_api_url', 'validate_certs')),
])
def test_an_expired_or_misnamed_certificate_fails_at_once_in_one_sentence(tmp_path, problem, words):
    directory = str(tmp_path / 'pki')
    ensure_certificates(directory)
    if problem == 'expired':
        issue_server_certificate(directory, expired=True)
    else:
        issue_server_certificate(directory, hosts=('localhost',))
    with EmulatorThread(tls=directory) as emulator:
        module = TlsModule(emulator, 'team', ca_path=emulator.ca_file)
        result = module(name='tls-team')
        assert result['failed'] and result['msg'].startswith('Could not reach Konnect at %s for ' % emulator.url), result['msg']
        for word in words:
            assert word in result['msg']
        assert result['msg'].count('. ') == 0 and result['msg'].endswith('.'), 'not one sentence: %r' % result['msg']
        assert not module.warnings and emulator.server.emulator.requests() == []  # read in-process: the control calls would not verify either


# -- connection failures in the client: the host, the cause, the retries that can help --------------------------------

def client(url, max_retries=3, **kwargs):
    sleeps, warnings = [], []
    kwargs.setdefault('timeout', 5)
    made = KonnectClient(token=DEMO_TOKEN, api_url=url + '/{region}', max_retries=max_retries, sleep=sleeps.append, warn=warnings.append,
                         **kwargs)
    return made, sleeps, warnings


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


def test_a_refused_connection_is_retried_then_named_in_one_sentence():
    url = 'http://127.0.0.1:%d' % free_port()
    konnect, sleeps, warnings = client(url)
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v2/control-planes')
    assert info.value.msg == ('Could not reach Konnect at %s for GET /v2/control-planes: the connection was refused (4 attempts); '
                              'check konnect_api_url and that the server is up.' % url)
    assert len(sleeps) == 3 and all('the connection was refused; retrying' in warning and url in warning for warning in warnings)


def test_a_create_that_never_reached_the_server_is_retried_not_ambiguous():
    url = 'http://127.0.0.1:%d' % free_port()
    konnect, sleeps, dummy = client(url, max_retries=1)
    with pytest.raises(KonnectConnectionError) as info:  # not AmbiguousWriteError: nothing can have been created
        konnect.request('POST', '/v2/control-planes', body={'name': 'x'})
    assert not isinstance(info.value, AmbiguousWriteError) and 'refused (2 attempts)' in info.value.msg and len(sleeps) == 1


def test_a_refused_connection_heals_when_the_server_comes_up(tls_dir):
    ca_file = ensure_certificates(tls_dir)['ca']  # the client checks ca_path before its first attempt
    port = free_port()
    servers = []

    def start_while_the_client_waits(seconds):
        if not servers:
            servers.append(make_server('127.0.0.1', port, Emulator(parse_tokens(None), parse_users(None)), tls_dir))
            threading.Thread(target=servers[0].serve_forever, kwargs={'poll_interval': 0.05}, daemon=True).start()

    konnect = KonnectClient(token=DEMO_TOKEN, api_url='https://127.0.0.1:%d/{region}' % port, ca_path=ca_file, max_retries=2,
                            sleep=start_while_the_client_waits)
    try:
        assert konnect.get('/v2/control-planes').status == 200
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def test_a_name_that_does_not_resolve_is_not_retried():
    konnect, sleeps, dummy = client('https://konnect-no-such-host.invalid')
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v2/control-planes')
    assert info.value.msg.startswith('Could not reach Konnect at https://konnect-no-such-host.invalid for GET /v2/control-planes: '
                                     'the name konnect-no-such-host.invalid does not resolve (')
    assert info.value.msg.endswith('); check the host name in konnect_api_url.')
    assert sleeps == []


def test_a_temporary_dns_failure_is_retried():
    konnect, sleeps, dummy = client('https://us.api.example.com')
    failure = requests.exceptions.ConnectionError(socket.gaierror(socket.EAI_AGAIN, 'Temporary failure in name resolution'))
    konnect.session.request = Raise(failure)
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v2/control-planes')
    assert 'temporary DNS failure' in info.value.msg and '(4 attempts)' in info.value.msg and len(sleeps) == 3


def test_the_global_host_is_named_with_its_own_option():
    konnect = KonnectClient(token=DEMO_TOKEN, api_url='http://127.0.0.1:%d/{region}' % free_port(),
                            global_api_url='http://konnect-global.invalid', max_retries=0)
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v3/teams')
    assert 'at http://konnect-global.invalid for GET /v3/teams' in info.value.msg and 'konnect_global_api_url' in info.value.msg


class Raise(object):
    def __init__(self, exc):
        self.exc = exc
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        raise self.exc


@pytest.fixture
def silent_server():
    """A port that accepts connections (the kernel's backlog) and never answers."""
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(8)
    yield 'http://127.0.0.1:%d' % listener.getsockname()[1]
    listener.close()


def test_a_read_timeout_is_retried_for_a_read_and_ambiguous_for_a_create(silent_server):
    konnect, sleeps, dummy = client(silent_server, max_retries=1, timeout=0.2)
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v2/control-planes')
    assert info.value.msg == ('Could not reach Konnect at %s for GET /v2/control-planes: no answer within the timeout of 0.2s '
                              '(2 attempts); raise timeout if Konnect is merely slow.' % silent_server)
    assert len(sleeps) == 1
    with pytest.raises(AmbiguousWriteError) as info:
        konnect.request('POST', '/v2/control-planes', body={'name': 'x'})
    assert 'no answer within the timeout of 0.2s' in info.value.msg and 'may or may not have been applied' in info.value.msg


def test_a_connect_timeout_is_retried_even_for_a_create():
    konnect, sleeps, dummy = client('https://us.api.example.com', max_retries=2)
    konnect.session.request = Raise(requests.exceptions.ConnectTimeout('connect timed out'))
    with pytest.raises(KonnectConnectionError) as info:
        konnect.request('POST', '/v2/control-planes', body={'name': 'x'})
    assert 'no connection within the timeout of 5s (3 attempts)' in info.value.msg and len(sleeps) == 2


def test_a_dropped_read_is_retried_and_heals(https):
    https.set_faults({'drop': {'count': 1, 'methods': ['GET']}})
    konnect, sleeps, warnings = client(https.url, ca_path=https.ca_file)
    assert konnect.get('/v2/control-planes').status == 200
    assert len(sleeps) == 1 and 'the connection was closed before a complete answer' in warnings[0]


def test_plain_http_to_an_https_server_and_https_to_a_plain_one_are_named(https):
    konnect, sleeps, dummy = client(https.url.replace('https:', 'http:'), max_retries=0)
    with pytest.raises(KonnectConnectionError) as info:
        konnect.get('/v2/control-planes')
    assert info.value.msg.startswith('Could not reach Konnect at %s for GET /v2/control-planes: ' % https.url.replace('https:', 'http:'))
    with EmulatorThread() as plain:
        konnect, sleeps, dummy = client(plain.url.replace('http:', 'https:'))
        with pytest.raises(KonnectConnectionError) as info:
            konnect.get('/v2/control-planes')
        assert 'the TLS handshake failed' in info.value.msg and 'names an HTTPS server' in info.value.msg and sleeps == []


# -- URLs refused before any attempt ----------------------------------------------------------------------------------

BAD_URLS = ['localhost:8443', 'us.api.konghq.com', 'ftp://us.api.konghq.com', 'https://', 'https://exa mple.com',
            'https://host:99999', '/us', 'https://user:secret@us.api.konghq.com']


@pytest.mark.parametrize('bad', BAD_URLS)
@pytest.mark.parametrize('option', ['konnect_api_url', 'konnect_global_api_url'])
def test_a_konnect_url_that_is_not_absolute_http_is_refused_for_every_kind_of_task(https, option, bad):
    for module, args in every_kind_of_task(https, ca_path=https.ca_file)[:4]:
        module.tls[option] = bad
        result = module(**args)
        assert result.get('failed') and result['msg'].startswith(option + ' (or KONNECT_'), '%s: %s' % (module.name, result)
        assert 'secret' not in result['msg']
    assert sent(https) == []


@pytest.mark.parametrize('bad', ['ftp://portal.example.com', 'https://', 'portal example.com', 'https://portal.example.com:0x'])
def test_a_portal_url_that_is_not_absolute_http_is_refused(https, bad):
    module = PortalTlsModule(https, 'portal_client_developer', bad, ca_path=https.ca_file)
    result = module(full_name='TLS Dev')
    assert result.get('failed') and result['msg'].startswith('portal_url (or KONNECT_PORTAL_URL)'), result
    assert sent(https) == []


def test_url_checks_accept_the_forms_users_give():
    for url in ('https://{region}.api.konghq.com', 'https://us.svc.konghq.com/', 'http://127.0.0.1:8080/us', 'https://[::1]:8443/{region}'):
        KonnectClient(token=DEMO_TOKEN, api_url=url, global_api_url=url.replace('{region}', 'global'))


def test_ssl_module_sees_the_same_certificate_as_requests(https):
    """The emulator's certificate verifies with the standard library too (what the control calls use)."""
    context = ssl.create_default_context(cafile=https.ca_file)
    with socket.create_connection(('127.0.0.1', https.port)) as raw:
        with context.wrap_socket(raw, server_hostname='127.0.0.1') as tls:
            assert tls.version() in ('TLSv1.2', 'TLSv1.3')
