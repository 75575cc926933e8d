# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""No secret anywhere: every module that takes or returns a secret runs in real ``ansible-playbook`` at ``-vvvv`` with
``--diff``, in check mode and not, in-process (the action plugin) and as a module on the target
(``konnect_execution: target``), against an emulator process. The output, every event a callback receives, and the
registered results (but for the one key that hands a minted secret to the user) must not hold a secret value.

All modules run in one playbook per mode (four playbooks), so the search costs seconds, not minutes.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from emulator.testing import EmulatorProcess  # pylint: disable=import-error

COLLECTION_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
COLLECTIONS_PATH = os.path.abspath(os.path.join(COLLECTION_ROOT, '..', '..', '..'))


def secret(name):
    """A secret value no other string of a run contains."""
    return 'Sekr1t-%s-q7Zx' % name.replace('_', '-')


def _key_pair():
    """A self-signed certificate and its private key (PEM), made here: the private key is a secret to search for."""
    from cryptography import x509  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives import hashes, serialization  # pylint: disable=import-outside-toplevel
    from cryptography.hazmat.primitives.asymmetric import ec  # pylint: disable=import-outside-toplevel
    from cryptography.x509.oid import NameOID  # pylint: disable=import-outside-toplevel
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, u'developer.example.com')])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key()).serial_number(1)
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(u'developer.example.com')]), critical=False)
            .sign(key, hashes.SHA256()))
    pem_key = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()
    return cert.public_bytes(serialization.Encoding.PEM).decode(), pem_key


def _public_half(pem_key):
    from cryptography.hazmat.primitives import serialization  # pylint: disable=import-outside-toplevel
    key = serialization.load_pem_private_key(pem_key.encode(), password=None)
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


CERT, PRIVATE_KEY = _key_pair()
PUBLIC_KEY = _public_half(PRIVATE_KEY)
# A JSON Web Key whose private part ("d") is the secret to search for.
JWK = json.dumps({'kty': 'EC', 'crv': 'P-256', 'kid': 'ss-jwk-1', 'x': 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
                  'y': 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', 'd': secret('jwk')})
IN_A_MONTH = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).strftime('%Y-%m-%dT%H:%M:%SZ')

# Parents the secret-bearing tasks need (no secrets of their own).
SETUP = [
    ('control_plane', dict(name='ss-cp')),
    ('gateway_consumer', dict(control_plane='ss-cp', username='ss-consumer')),
    ('config_store', dict(control_plane='ss-cp', name='ss-store')),
    ('event_gateway', dict(name='ss-egw')),
    ('event_gateway_backend_cluster', dict(event_gateway='ss-egw', name='ss-backend', bootstrap_servers=['kafka-1:9092'],
                                           authentication=dict(type='anonymous'), tls=dict(enabled=False))),
    ('event_gateway_virtual_cluster', dict(event_gateway='ss-egw', name='ss-vc', backend_cluster='ss-backend', dns_label='ss',
                                           authentication=[dict(type='anonymous')], acl_mode='passthrough')),
    ('event_gateway_listener', dict(event_gateway='ss-egw', name='ss-listener', addresses=['0.0.0.0'], ports=[9092])),
    ('auth_server', dict(name='ss-auth-server', audience='https://api.example.com')),
    ('portal', dict(name='ss-portal')),
    ('realm', dict(name='ss-realm')),
    ('realm_consumer', dict(realm='ss-realm', username='ss-realm-consumer')),
    ('system_account', dict(name='ss-system-account', description='secret search')),
]

# (module, arguments, the secret values it is given, the result key that hands a minted secret to the user or None).
SECRET_TASKS = [
    ('audit_log_destination', dict(name='ss-siem', endpoint='https://siem.example.com/konnect', log_format='json',
                                   authorization='Bearer ' + secret('audit')), [secret('audit')], None),
    ('auth_server_client', dict(auth_server='ss-auth-server', name='ss-client', grant_types=['client_credentials'], response_types=['token'],
                                client_secret=secret('client')), [secret('client')], None),
    ('auth_server_client', dict(auth_server='ss-auth-server', name='ss-minted', grant_types=['client_credentials'], response_types=['token']),
     [], 'client_secret'),
    ('config_store_secret', dict(control_plane='ss-cp', config_store='ss-store', key='ss-key', value=secret('store')), [secret('store')], None),
    ('dcr_provider', dict(name='ss-dcr', provider_type='okta', issuer='https://acme.okta.com/oauth2/default',
                          dcr_config=dict(dcr_token=secret('dcr'))), [secret('dcr')], None),
    ('event_gateway_backend_cluster', dict(event_gateway='ss-egw', name='ss-sasl', bootstrap_servers=['kafka-1:9092'], tls=dict(enabled=False),
                                           authentication=dict(type='sasl_plain', username='gw', password=secret('sasl'))),
     [secret('sasl')], None),
    ('event_gateway_schema_registry', dict(event_gateway='ss-egw', name='ss-registry', type='confluent',
                                           config=dict(schema_type='avro', endpoint='https://registry.example.com',
                                                       authentication=dict(type='basic', username='gw', password=secret('registry')))),
     [secret('registry')], None),
    ('event_gateway_static_key', dict(event_gateway='ss-egw', name='ss-static', value=secret('static')), [secret('static')], None),
    ('gateway_basic_auth', dict(control_plane='ss-cp', consumer='ss-consumer', username='ss-basic', password=secret('basic')),
     [secret('basic')], None),
    ('gateway_hmac_auth', dict(control_plane='ss-cp', consumer='ss-consumer', username='ss-hmac', secret=secret('hmac')), [secret('hmac')], None),
    ('gateway_jwt', dict(control_plane='ss-cp', consumer='ss-consumer', key='ss-jwt', algorithm='HS256', secret=secret('jwt')),
     [secret('jwt')], None),
    ('gateway_key_auth', dict(control_plane='ss-cp', consumer='ss-consumer', key=secret('keyauth')), [secret('keyauth')], None),
    ('gateway_certificate', dict(control_plane='ss-cp', cert=CERT, key=PRIVATE_KEY), [PRIVATE_KEY], None),
    ('gateway_plugin', dict(control_plane='ss-cp', name='rate-limiting',  # a field of config its plugin's schema marks encrypted
                            config=dict(minute=5, policy='redis', redis=dict(host='redis.example.com', password=secret('redis')))),
     [secret('redis')], None),
    ('gateway_key', dict(control_plane='ss-cp', name='ss-jwk', kid='ss-jwk-1', jwk=JWK), [secret('jwk')], None),
    ('gateway_key', dict(control_plane='ss-cp', name='ss-pem', kid='ss-pem-1', pem=dict(public_key=PUBLIC_KEY, private_key=PRIVATE_KEY)),
     [PRIVATE_KEY], None),
    # a key pair generated on the host that runs the task, into the run's own directory: the key is handed to the user
    ('dp_client_certificate', dict(control_plane='ss-cp', generate=True, cert_path='{{ playbook_dir }}/dp.crt', key_path='{{ playbook_dir }}/dp.key'),
     [], 'key'),
    ('identity_provider', dict(type='oidc', config=dict(issuer_url='https://idp.example.com', client_id='konnect',
                                                        client_secret=secret('idp'))), [secret('idp')], None),
    ('portal_identity_provider', dict(portal='ss-portal', type='oidc', config=dict(issuer_url='https://idp.example.com', client_id='portal',
                                                                                   client_secret=secret('portal-idp'))),
     [secret('portal-idp')], None),
    ('portal_custom_domain', dict(portal='ss-portal', hostname='developer.example.com', custom_certificate=CERT, custom_private_key=PRIVATE_KEY),
     [PRIVATE_KEY], None),
    ('realm_consumer_key', dict(realm='ss-realm', consumer='ss-realm-consumer', tags=['ss']), [], 'secret'),
    ('personal_access_token', dict(name='ss-pat', ttl_seconds=86400), [], 'token'),
    ('system_account_access_token', dict(system_account='ss-system-account', name='ss-sat', expires_at=IN_A_MONTH), [], 'token'),
]

# The _info twins read back what the tasks above wrote; (module, arguments).
INFO_TASKS = [
    ('audit_log_destination_info', dict(name='ss-siem')),
    ('auth_server_client_info', dict(auth_server='ss-auth-server')),
    ('config_store_secret_info', dict(control_plane='ss-cp', config_store='ss-store')),
    ('dcr_provider_info', dict(name='ss-dcr')),
    ('event_gateway_backend_cluster_info', dict(event_gateway='ss-egw')),
    ('event_gateway_schema_registry_info', dict(event_gateway='ss-egw')),
    ('event_gateway_static_key_info', dict(event_gateway='ss-egw')),
    ('gateway_basic_auth_info', dict(control_plane='ss-cp', consumer='ss-consumer')),
    ('gateway_hmac_auth_info', dict(control_plane='ss-cp', consumer='ss-consumer')),
    ('gateway_jwt_info', dict(control_plane='ss-cp', consumer='ss-consumer')),
    ('gateway_key_auth_info', dict(control_plane='ss-cp', consumer='ss-consumer')),
    ('gateway_certificate_info', dict(control_plane='ss-cp')),
    ('gateway_plugin_info', dict(control_plane='ss-cp')),
    ('gateway_key_info', dict(control_plane='ss-cp')),
    ('identity_provider_info', dict()),
    ('portal_identity_provider_info', dict(portal='ss-portal')),
    ('realm_consumer_key_info', dict(realm='ss-realm', consumer='ss-realm-consumer')),
    ('personal_access_token_info', dict()),
    ('system_account_access_token_info', dict(system_account='ss-system-account')),
]

CALLBACK = '''
import json
from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    """Writes every event and its whole result, as a callback plugin receives it, one JSON line each."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'events_to_file'
    CALLBACK_NEEDS_ENABLED = True

    def _write(self, event, result=None, extra=None):
        with open(__import__('os').environ['SECRET_SEARCH_EVENTS'], 'a') as handle:
            record = {'event': event, 'extra': extra}
            if result is not None:
                record['task'] = result.task_name
                record['result'] = result._result
            handle.write(json.dumps(record, default=str) + '\\n')

    def v2_runner_on_ok(self, result):
        self._write('ok', result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._write('failed', result)

    def v2_runner_on_skipped(self, result):
        self._write('skipped', result)

    def v2_on_file_diff(self, result):
        self._write('diff', result)

    def v2_runner_item_on_ok(self, result):
        self._write('item_ok', result)

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._write('task_start', extra=task.get_name())
'''


def task(module, args, register=None, check_mode=None, ignore_errors=False):
    entry = {'name': '%s %s' % (module, register or ''), 'konnect.konnect.' + module: args}
    if register:
        entry['register'] = register
    if check_mode is not None:
        entry['check_mode'] = check_mode
    if ignore_errors:
        entry['ignore_errors'] = True
    return entry


def playbook(emulator, execution, workdir):
    """One play: set-up (always for real), every secret-bearing task, its _info twin (in-process), then the registered
    results to a file."""
    tasks = [dict(task(module, args, check_mode=False), vars={'konnect_execution': 'controller'}) for module, args in SETUP]  # no secrets: fast
    registered = []
    for index, (module, args, _secrets, _minted) in enumerate(SECRET_TASKS):
        tasks.append(task(module, args, register='secret_%d' % index, ignore_errors=True))
        registered.append('secret_%d' % index)
    for index, (module, args) in enumerate(INFO_TASKS):
        # the _info twins take and return no secret of their own: searched in-process only, where a module on a target
        # costs a second a task for what the secret-bearing tasks above already show
        tasks.append(dict(task(module, args, register='info_%d' % index, ignore_errors=True), vars={'konnect_execution': 'controller'}))
        registered.append('info_%d' % index)
    results = '{%s}' % ', '.join('"%s": %s' % (name, name) for name in registered)
    tasks.append({'name': 'keep the registered results', 'no_log': True, 'check_mode': False,
                  'ansible.builtin.copy': {'content': '{{ %s | to_json }}' % results, 'dest': os.path.join(workdir, 'registered.json')}})
    return [{
        'hosts': 'localhost', 'connection': 'local', 'gather_facts': False,
        'vars': {'konnect_execution': execution, 'ansible_python_interpreter': sys.executable},
        'module_defaults': {'group/konnect.konnect.konnect': {
            'konnect_api_url': emulator.url + '/{region}', 'konnect_global_api_url': emulator.url + '/global',
            'konnect_token': DEMO_TOKEN, 'timeout': 10, 'max_retries': 1}},
        'tasks': tasks,
    }]


def run_playbook(emulator, execution, check_mode):
    emulator.reset()
    workdir = tempfile.mkdtemp(prefix='secret-search-')
    with open(os.path.join(workdir, 'events_to_file.py'), 'w') as handle:
        handle.write(CALLBACK)
    with open(os.path.join(workdir, 'play.yml'), 'w') as handle:
        json.dump(playbook(emulator, execution, workdir), handle)
    # as a user runs it: nothing of the test runner's environment (ansible-test puts a stub of ansible on PYTHONPATH)
    clean = dict((name, value) for name, value in os.environ.items() if not name.startswith(('ANSIBLE_', 'PYTHON', 'PYTEST', 'KONNECT_')))
    env = dict(clean, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_CALLBACK_PLUGINS=workdir, ANSIBLE_CALLBACKS_ENABLED='events_to_file',
               SECRET_SEARCH_EVENTS=os.path.join(workdir, 'events.jsonl'), ANSIBLE_NOCOLOR='1', ANSIBLE_HOST_KEY_CHECKING='0',
               ANSIBLE_LOCAL_TEMP=os.path.join(workdir, 'tmp'), ANSIBLE_REMOTE_TEMP=os.path.join(workdir, 'remote'),
               ANSIBLE_RETRY_FILES_ENABLED='0', ANSIBLE_DEPRECATION_WARNINGS='0',
               KONNECT_COORDINATION_DIR=os.path.join(workdir, 'coordination'))  # this run's own: the emulator was reset
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,', '-vvvv', '--diff',
               os.path.join(workdir, 'play.yml')] + (['--check'] if check_mode else [])
    process = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True, timeout=900, check=False)
    return process, workdir


def _minted_values(registered):
    """The secrets the run minted (tokens, client secrets), which the task hands to the user under one key."""
    values = []
    for index, (_module, _args, _secrets, minted) in enumerate(SECRET_TASKS):
        result = registered.get('secret_%d' % index) or {}
        if minted and isinstance(result.get(minted), str):
            values.append(result[minted])
    return values


def _visible(registered):
    """The registered results without the key that delivers a minted secret (that key is the user's copy)."""
    visible = dict(registered)
    for index, (_module, _args, _secrets, minted) in enumerate(SECRET_TASKS):
        name = 'secret_%d' % index
        if minted and isinstance(visible.get(name), dict):
            visible[name] = dict((key, value) for key, value in visible[name].items() if key != minted)
    return visible


@pytest.fixture(scope='module')
def emulator():
    with EmulatorProcess() as process:
        yield process


@pytest.mark.playbook
@pytest.mark.parametrize('execution', ['controller', 'target'])
@pytest.mark.parametrize('check_mode', [False, True], ids=['apply', 'check'])
def test_no_secret_anywhere(emulator, execution, check_mode):
    process, workdir = run_playbook(emulator, execution, check_mode)
    output = process.stdout + process.stderr
    assert process.returncode == 0, output[-4000:]
    with open(os.path.join(workdir, 'registered.json')) as handle:
        registered = json.load(handle)
    with open(os.path.join(workdir, 'events.jsonl')) as handle:
        events = handle.read()
    secrets = [value for _module, _args, given, _minted in SECRET_TASKS for value in given]
    minted = _minted_values(registered)
    if not check_mode:
        assert len(minted) == sum(1 for task_ in SECRET_TASKS if task_[3]), 'a minted secret is missing: %s' % registered
    visible = json.dumps(_visible(registered), default=str)
    leaks = []
    for value in secrets + minted:
        for place, text in (('output', output), ('callback events', events), ('registered result', visible)):
            for probe in set([value, json.dumps(value)[1:-1]]):
                if probe in text:
                    at = text.index(probe)
                    leaks.append('%s in %s: ...%s...' % (value[:24], place, text[max(0, at - 300):at + 40]))
    assert not leaks, '\n\n'.join(leaks)
    shutil.rmtree(workdir, ignore_errors=True)
    failed = dict((name, result.get('msg')) for name, result in registered.items() if result.get('failed'))
    assert not failed, failed  # searched on the error path too, but every task should work
