# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""``dump`` against the emulator served in this process: applying what it writes changes nothing."""

from __future__ import annotations

import copy
import datetime
import importlib.util
import os
import re
import stat

import pytest
import yaml

from ansible_collections.konnect.konnect.plugins.module_utils import defaults
from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
from ansible_collections.konnect.konnect.plugins.module_utils.dump import DumpTask
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import document_problems
from ansible_collections.konnect.konnect.plugins.module_utils.special import generate_certificate

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection

from emulator.testing import JsonClient  # pylint: disable=import-error,wrong-import-order

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))

EXAMPLE = os.path.join(ROOT, 'docs', 'org.example.yml')
CA_ID = '0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02'

# Every entity kind deck.py reads (the example of tests/unit/plugins/module_utils/test_deck.py, with certificates that
# Konnect takes); {cert}, {key} and {ca} are filled in with a generated key pair.
DECK_FILE = '''\
_format_version: "3.0"
_konnect: {control_plane_name: payments-cp}
_info:
  select_tags: [team-payments]
  defaults:
    service: {retries: 3}
    route: {strip_path: false}
certificates:
  - id: 6f1f3c4e-0d1a-4a53-9c1e-3b8f0d2a1c01
    cert: "{cert}"
    key: "{key}"
    snis: [{name: api.payments.example.com}]
ca_certificates:
  - {id: %s, cert: "{ca}"}
vaults:
  - {name: env, prefix: payments-env, config: {prefix: PAYMENTS_}}
key_sets:
  - name: payments-jwks
keys:
  - name: payments-signing
    kid: payments-1
    set: {name: payments-jwks}
    jwk: '{"kty":"oct","kid":"payments-1","k":"c2VjcmV0LXNpZ25pbmcta2V5"}'
partials:
  - {name: payments-redis, type: redis-ee, config: {host: redis.payments.internal, port: 6379}}
upstreams:
  - name: payments.upstream
    algorithm: least-connections
    targets: [{target: "10.0.0.11:8443", weight: 100}, {target: "10.0.0.12:8443", weight: 50}]
services:
  - name: payments
    url: https://payments.upstream:8443/v1
    plugins:
      - name: rate-limiting-advanced
        config: {limit: [100], window_size: [60], window_type: sliding, strategy: redis, sync_rate: 1}
        partials: [{name: payments-redis}]
    routes:
      - name: payments-api
        paths: ["/payments"]
        protocols: [https]
        plugins: [{name: key-auth, config: {key_names: [apikey]}}]
routes:
  - {name: payments-health, service: {name: payments}, paths: ["~/health$"]}
consumer_groups:
  - name: gold
    plugins: [{name: rate-limiting-advanced, config: {limit: [1000], window_size: [60], window_type: sliding}}]
consumers:
  - username: alice
    custom_id: cust-0001
    groups: [{name: gold}]
    keyauth_credentials: [{key: alice-api-key}]
    basicauth_credentials: [{username: alice, password: alice-password}]
    hmacauth_credentials: [{username: alice-hmac, secret: alice-hmac-secret}]
    jwt_secrets: [{key: alice-issuer, algorithm: HS256, secret: alice-jwt-secret}]
    acls: [{group: payments-admins}]
    mtls_auth_credentials: [{subject_name: alice@payments.example.com, ca_certificate: {id: %s}}]
    plugins: [{name: request-transformer, config: {add: {headers: ["x-consumer-tier:gold"]}}}]
plugins:
  - {name: correlation-id, config: {header_name: X-Request-ID}}
  - {name: rate-limiting, route: payments-api, consumer: alice, config: {minute: 20, policy: local}}
''' % (CA_ID, CA_ID)


def apply(emulator, document):  # pylint: disable=redefined-outer-name
    params = dict(connection(emulator), prune=False, parallelism=4, document=copy.deepcopy(document))
    emulator.clear_requests()
    result = ApplyTask().execute(params, warn=lambda message: None)
    result['writes'] = [request for request in emulator.requests() if request['method'] in ('POST', 'PUT', 'PATCH', 'DELETE')]
    return result


def dump(emulator, check_mode=False, **options):  # pylint: disable=redefined-outer-name
    params = dict(connection(emulator), sections=['teams', 'users', 'system_accounts', 'identity_providers', 'control_planes'],
                  regions=['us', 'eu', 'au', 'me', 'in', 'sg'], control_planes=None, managed_by=None, format='document', dest=None)
    params.update(options)
    emulator.clear_requests()
    result = DumpTask().execute(params, check_mode=check_mode, warn=lambda message: None)
    result['requests'] = emulator.requests()
    return result


def rendered(value, files, key=None):
    """The example with its Jinja expressions replaced by plain values (an expiry half a year ahead, files in ``files``)."""
    if isinstance(value, dict):
        return dict((k, rendered(v, files, k)) for k, v in value.items())
    if isinstance(value, list):
        return [rendered(v, files, key) for v in value]
    if isinstance(value, str) and '{{' in value:
        if key == 'expires_at':
            return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=180)).strftime('%Y-%m-%dT00:00:00Z')
        return re.sub(r'\{\{.*?\}\}', 'rendered', value.replace('{{ org_files_dir }}', str(files)))
    return value


@pytest.fixture
def example(tmp_path):
    with open(EXAMPLE) as handle:
        return rendered(yaml.safe_load(handle)['konnect_org'], tmp_path / 'files')


@pytest.fixture
def deck_file():
    cert, key = generate_certificate('api.payments.example.com', 30)
    ca, _key = generate_certificate('payments CA', 30)
    text = DECK_FILE.replace('{cert}', cert.replace('\n', '\\n')).replace('{key}', key.replace('\n', '\\n')).replace('{ca}', ca.replace('\n', '\\n'))
    return yaml.safe_load(text)


def control_plane(document, name):
    return [entry for entry in document['control_planes'] if entry['name'] == name][0]


# -- round trips ------------------------------------------------------------------------------------

def test_applying_a_dump_of_the_example_changes_nothing(emulator, example):  # pylint: disable=redefined-outer-name
    assert apply(emulator, example)['changed']
    dumped = dump(emulator)
    document = dumped['document']
    assert document_problems(document) == []
    again = apply(emulator, document)
    assert again['writes'] == [] and not again['changed']
    assert sum(row['unchanged'] for row in again['summary']) > 40


def test_the_dump_of_the_example_says_what_apply_compares(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    document = dump(emulator)['document']
    assert document['managed_by'] == 'org-bootstrap'
    payments = [team for team in document['teams'] if team['name'] == 'Payments'][0]
    assert payments == {'name': 'Payments', 'description': 'Owns the payments APIs', 'protected': True, 'users': ['li@example.com'],
                        'roles': [{'role_name': 'Deployer', 'entity_type_name': 'Control Planes', 'entity': 'payments-prod', 'entity_region': 'us'}]}
    [account] = document['system_accounts']
    assert account == {'name': 'ci-deployer', 'description': 'Deploys the gateway configuration from CI', 'teams': ['Platform'],
                       'roles': [{'role_name': 'Deployer', 'entity_type_name': 'Control Planes', 'entity': 'orders-prod', 'entity_region': 'eu'}]}
    [provider] = document['identity_providers']
    assert 'client_secret' not in provider['config'] and provider['team_mappings'][0] == {'team': 'Payments', 'group': 'konnect-payments'}
    orders = control_plane(document, 'orders-prod')
    assert 'dp_certificates' not in orders and orders['config_stores'] == [{'name': 'orders-secrets'}]
    assert orders['services'] == [{'name': 'orders', 'protocol': 'https', 'host': 'orders.upstream', 'port': 8443, 'path': '/v1', 'retries': 3,
                                   'tags': ['team-orders']}]
    assert orders['routes'][1] == {'name': 'orders-write', 'methods': ['POST', 'PUT'], 'paths': ['/orders'], 'service': 'orders'}
    assert orders['ca_certificates'][0]['protected'] is True and 'tags' not in orders['ca_certificates'][0]
    assert [plugin.get('consumer_group') for plugin in orders['plugins']] == [None, None, 'gold']
    [partner] = [consumer for consumer in orders['consumers'] if consumer['username'] == 'partner-portal']
    assert re.match('^[0-9a-f]{40}$', partner['basicauth_credentials'][0]['password']), 'the hash Konnect keeps'
    assert control_plane(document, 'eu-shared') == {'name': 'eu-shared', 'region': 'eu', 'description': 'Everything the EU gateways serve',
                                                    'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', 'auth_type': 'pinned_client_certs',
                                                    'members': ['orders-prod']}


def test_notes_say_what_is_left_out_and_the_output_is_hidden(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    result = dump(emulator)
    notes = result['notes']
    assert 'eu/orders-prod: config store orders-secrets: the secrets db-password are left out: Konnect never returns their values.' in notes
    [edge] = [note for note in notes if note.startswith('us/payments-edge: given as a decK file (gateway), whose tags are compared as they are')]
    assert "'instance_name' is a required property" in edge and 'are not tagged managed-by:org-bootstrap' in edge and len(notes) == 2
    assert result['_ansible_no_log'] is True and DumpTask().returns_secret(result)
    assert not DumpTask().returns_secret(dump(emulator, sections=['teams']))


def test_what_konnect_and_other_tools_own_is_left_out(emulator, example):  # pylint: disable=redefined-outer-name
    ids = apply(emulator, example)['ids']
    client = JsonClient(emulator.url)
    services = '/eu/v2/control-planes/%s/core-entities/services' % ids['control_plane']['eu/orders-prod']
    assert client.post(services, {'name': 'konnect-own', 'host': 'own.internal', 'tags': ['konnect-managed']}).status_code == 201
    team = '/global/v3/teams/%s' % ids['team']['Platform']
    assert client.patch(team, {'labels': {'k8s-cluster': 'prod'}}).status_code == 200
    document = dump(emulator)['document']
    assert [service['name'] for service in control_plane(document, 'orders-prod')['services']] == ['orders']
    assert [team['labels'] for team in document['teams'] if team['name'] == 'Platform'] == [{'cost_center': 'platform'}]
    again = apply(emulator, document)
    assert again['writes'] == [] and not again['changed']


def test_each_list_is_read_once(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    paths = [(request['base'], request['path']) for request in dump(emulator)['requests']]
    assert len(paths) == len(set(paths)), 'a list was read twice'
    assert not any('/consumers/' in path for _base, path in paths), 'credentials are read for the whole control plane'


def test_a_second_dump_is_identical(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    first = dump(emulator)['document']
    apply(emulator, first)
    assert dump(emulator)['document'] == first


def test_applying_a_deck_dump_changes_nothing(emulator, deck_file):  # pylint: disable=redefined-outer-name
    created = apply(emulator, {'managed_by': 'tests', 'control_planes': [{'name': 'payments-cp', 'region': 'us', 'gateway': deck_file}]})
    assert created['changed']
    dumped = dump(emulator, format='deck', regions=['us'], control_planes=['payments-cp'])['document']
    assert dumped['_format_version'] == '3.0' and dumped['_konnect'] == {'control_plane_name': 'payments-cp'}
    assert set(dumped) >= {'certificates', 'ca_certificates', 'vaults', 'key_sets', 'keys', 'partials', 'upstreams', 'services', 'consumers',
                           'consumer_groups', 'plugins'}
    [alice] = dumped['consumers']
    assert set(alice) >= {'keyauth_credentials', 'basicauth_credentials', 'hmacauth_credentials', 'jwt_secrets', 'acls', 'mtls_auth_credentials',
                          'groups', 'plugins'}
    assert dumped['services'][0]['routes'][0]['tags'] == ['team-payments'], 'tags as Konnect holds them'
    again = apply(emulator, {'managed_by': 'tests', 'control_planes': [{'name': 'payments-cp', 'region': 'us', 'gateway': dumped}]})
    assert again['writes'] == [] and not again['changed']


def test_a_configuration_the_sections_cannot_hold_is_dumped_as_a_deck_file(emulator, deck_file):  # pylint: disable=redefined-outer-name
    apply(emulator, {'managed_by': 'tests', 'control_planes': [{'name': 'payments-cp', 'region': 'us', 'gateway': deck_file}]})
    result = dump(emulator, regions=['us'], sections=['control_planes'])
    entry = control_plane(result['document'], 'payments-cp')
    assert set(entry) == {'name', 'region', 'auth_type', 'gateway'} and entry['gateway']['keys'][0]['set'] == {'name': 'payments-jwks'}
    assert any(note.startswith('us/payments-cp: given as a decK file (gateway)') for note in result['notes'])
    again = apply(emulator, result['document'])
    assert again['writes'] == [] and not again['changed']


# -- options --------------------------------------------------------------------------------------

def test_sections_regions_and_control_planes_filter(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    assert set(dump(emulator, sections=['teams'])['document']) == {'managed_by', 'teams'}
    assert [(cp['region'], cp['name']) for cp in dump(emulator, regions=['eu'])['document']['control_planes']] == [
        ('eu', 'eu-shared'), ('eu', 'orders-prod')]
    result = dump(emulator, sections=['control_planes'], control_planes=['eu-shared'], managed_by='adopted')
    assert result['document']['managed_by'] == 'adopted'
    assert [cp['name'] for cp in result['document']['control_planes']] == ['eu-shared'] and 'members' not in result['document']['control_planes'][0]
    assert result['notes'] == ['eu/eu-shared: members not in this document are left out of members: orders-prod.']
    assert dump(emulator, sections=['users'])['document']['users'][0] == {'email': 'admin@example.com', 'full_name': 'Admin', 'preferred_name': 'admin'}


def test_an_owner_name_apply_would_refuse_is_an_error(emulator):  # pylint: disable=redefined-outer-name
    with pytest.raises(KonnectParameterError, match=r"managed_by: 'platform team' is not a valid owner name"):
        dump(emulator, managed_by='platform team')
    assert emulator.requests() == []


def test_a_control_plane_that_is_not_there_is_an_error(emulator, example):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    with pytest.raises(KonnectParameterError, match=r"control_planes: no control plane named 'orders-prod' in region us\."):
        dump(emulator, regions=['us'], control_planes=['orders-prod', 'payments-prod'])


@pytest.mark.parametrize('options, message', [
    (dict(regions=['au']), r'exactly one control plane, and none was found in region au; choose one'),
    (dict(regions=['eu']), r'exactly one control plane, and 2 were found: eu/eu-shared, eu/orders-prod; choose one'),
    (dict(regions=['eu'], control_planes=['eu-shared']), r"'eu/eu-shared' is a control plane group"),
    (dict(sections=['teams']), r'sections leaves out control_planes'),
], ids=['none', 'two', 'a group', 'no control planes section'])
def test_format_deck_needs_exactly_one_control_plane(emulator, example, options, message):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    with pytest.raises(KonnectParameterError, match=message):
        dump(emulator, format='deck', **options)


def test_dest_is_written_private_and_only_when_it_changes(emulator, example, tmp_path):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    dest = tmp_path / 'dumps' / 'org.yml'
    planned = dump(emulator, check_mode=True, dest=str(dest))
    assert planned['changed'] and planned['dest'] == str(dest) and not dest.parent.exists()
    written = dump(emulator, dest=str(dest))
    assert written['changed'] and stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(str(dest.parent)).st_mode) & 0o077 == 0
    with open(str(dest)) as handle:
        text = handle.read()
    assert yaml.safe_load(text) == written['document'] and '-----BEGIN CERTIFICATE-----\n' in text
    assert not dump(emulator, dest=str(dest))['changed']
    os.chmod(str(dest), 0o644)
    assert dump(emulator, check_mode=True, dest=str(dest))['changed'] and stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o644


def test_apply_takes_the_written_file(emulator, example, tmp_path):  # pylint: disable=redefined-outer-name
    apply(emulator, example)
    dest = tmp_path / 'org.yml'
    dump(emulator, dest=str(dest))
    params = dict(connection(emulator), prune=False, parallelism=4, src=str(dest))
    emulator.clear_requests()
    result = ApplyTask().execute(params, warn=lambda message: None)
    assert not result['changed'] and [request for request in emulator.requests() if request['method'] != 'GET'] == []


# -- defaults -------------------------------------------------------------------------------------

def test_defaults_are_what_update_defaults_derives():
    spec = importlib.util.spec_from_file_location('update_defaults', os.path.join(ROOT, 'hacking', 'update_defaults.py'))
    update_defaults = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update_defaults)
    with open(defaults.__file__) as handle:
        assert handle.read() == update_defaults.render(update_defaults.derive()), 'run hacking/update_defaults.py'
    assert defaults.DEFAULTS['gateway_service']['retries'] == 5 and defaults.DEFAULTS['gateway_target'] == {'failover': False, 'weight': 100}
