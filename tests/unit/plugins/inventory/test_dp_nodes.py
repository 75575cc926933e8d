# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The dp_nodes inventory against the emulator: nodes of several control planes in two regions, the groups and host
variables it makes, the constructed options, the cache (a second read sends nothing), the control-plane selection,
not_seen_for, and the errors. One test runs the real ``ansible-inventory``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
import yaml
from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import init_plugin_loader, inventory_loader

from emulator import DEMO_TOKEN  # pylint: disable=import-error
from emulator.testing import EmulatorProcess  # pylint: disable=import-error
from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
COLLECTIONS = os.path.dirname(os.path.dirname(os.path.dirname(REPO)))  # .../<dir>/ansible_collections/konnect/konnect
LAID_OUT = os.path.basename(os.path.dirname(os.path.dirname(REPO))) == 'ansible_collections'
HOUR = 3600
INCOMPATIBLE = {'state': 'COMPATIBILITY_STATE_INCOMPATIBLE', 'issues': [{
    'code': 'P101', 'severity': 'error', 'description': 'Plugin ai-proxy is not available before 3.6.', 'resolution': 'Upgrade.',
    'affected_resources': [{'id': 'f00', 'type': 'plugin'}], 'documentation_url': 'https://docs.konghq.com/konnect/compatibility/'}]}

pytestmark = pytest.mark.skipif(not LAID_OUT, reason='needs the collection laid out under ansible_collections/ (make pytest, ansible-test units)')


@pytest.fixture(scope='module', autouse=True)
def collection_loader():
    """What ansible-inventory does first: ansible's collection loader, which finds plugins by their collection name
    (``ansible-test units`` installs it before any test; plain pytest does not). The packages of the collection that
    plain imports made before are dropped so that the loader makes them again with its metadata; the modules in them
    stay the objects other tests imported."""
    for name, module in list(sys.modules.items()):
        if (name == 'ansible_collections' or name.startswith('ansible_collections.')) and hasattr(module, '__path__') \
                and not getattr(module, '_collection_meta', None) and 'AnsibleCollection' not in type(getattr(module, '__loader__', None)).__name__:
            del sys.modules[name]
    init_plugin_loader([COLLECTIONS])


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in ('KONNECT_TOKEN', 'KONNECT_SPAT', 'KONNECT_REGION', 'KONNECT_API_URL', 'KONNECT_GLOBAL_API_URL', 'KONNECT_EMAIL',
                 'KONNECT_PASSWORD'):
        monkeypatch.delenv(name, raising=False)


def control_plane(emulator, region, name, labels=None):
    client = KonnectClient(token=DEMO_TOKEN, region=region, api_url=emulator.url + '/{region}')
    return client.request('POST', '/v2/control-planes', body={'name': name, 'labels': labels or {}}).body


def expected_config_hash(emulator, region, control_plane_id):
    client = KonnectClient(token=DEMO_TOKEN, region=region, api_url=emulator.url + '/{region}')
    return client.get('/v2/control-planes/%s/expected-config-hash' % control_plane_id).body['expected_hash']


@pytest.fixture
def org(emulator):
    """Three control planes in two regions, five nodes: one of them not heard from for two hours, one incompatible, two
    of the same host name in two control planes."""
    now = int(time.time())
    planes = {
        'orders-prod': control_plane(emulator, 'us', 'orders-prod', {'env': 'prod', 'team': 'orders'}),
        'billing': control_plane(emulator, 'eu', 'billing', {'env': 'prod'}),
        'sandbox': control_plane(emulator, 'eu', 'sandbox', {'env': 'dev'}),
    }
    in_sync = expected_config_hash(emulator, 'us', planes['orders-prod']['id'])
    emulator.register_node(planes['orders-prod']['id'], 'orders-1', '3.9.1.0', config_hash=in_sync, type='kong-proxy')
    emulator.register_node(planes['orders-prod']['id'], 'shared', '3.9.1.0', last_ping=now - 60, config_hash='0' * 32)
    emulator.register_node(planes['billing']['id'], 'billing-1', '3.10.0.1', compatibility_status=INCOMPATIBLE,
                           eol_message='3.10 reaches its end of support; upgrade to 3.12.')
    emulator.register_node(planes['billing']['id'], 'shared', '3.10.0.1', last_ping=now - 10)
    emulator.register_node(planes['sandbox']['id'], 'sandbox-old', '3.4.3.2', last_ping=now - 2 * HOUR)
    emulator.clear_requests()
    return planes


def source(tmp_path, emulator, name='test.konnect.yml', token=DEMO_TOKEN, **options):
    config = dict(plugin='konnect.konnect.dp_nodes', konnect_api_url=emulator.url + '/{region}', **options)
    if token:
        config['konnect_token'] = token
    path = tmp_path / name
    path.write_text(yaml.safe_dump(config))
    return str(path)


def read(path, cache=True):
    """One read of the source, as ansible-inventory does it (the plugin's cache written afterwards)."""
    inventory = InventoryData()
    plugin = inventory_loader.get('konnect.konnect.dp_nodes')
    assert plugin.verify_file(path)
    plugin.parse(inventory, DataLoader(), path, cache=cache)
    if plugin.get_option('cache'):
        plugin.update_cache_if_changed()
    return inventory


def hosts(inventory, group=None):
    if group is None:
        return sorted(inventory.hosts)
    return sorted(host.name for host in inventory.groups[group].get_hosts())


def host_vars(inventory, name):
    return inventory.get_host(name).get_vars()


def test_nodes_of_every_control_plane_in_every_region_with_their_groups(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator))
    shared_in_orders = [node for node in inventory.hosts if node.startswith('shared_')]
    assert hosts(inventory) == sorted(['billing-1', 'orders-1', 'sandbox-old', 'shared'] + shared_in_orders)
    assert len(shared_in_orders) == 1, 'the second node named shared gets its id appended'
    assert hosts(inventory, 'konnect_region_us') == sorted(['orders-1'] + shared_in_orders)
    assert hosts(inventory, 'konnect_region_eu') == ['billing-1', 'sandbox-old', 'shared']
    assert hosts(inventory, 'konnect_control_plane_orders_prod') == sorted(['orders-1'] + shared_in_orders)
    assert hosts(inventory, 'konnect_control_plane_billing') == ['billing-1', 'shared']
    assert hosts(inventory, 'konnect_version_3_9_1_0') == sorted(['orders-1'] + shared_in_orders)
    assert hosts(inventory, 'konnect_version_3_10_0_1') == ['billing-1', 'shared']
    assert hosts(inventory, 'konnect_version_3_4_3_2') == ['sandbox-old']
    regions = set(entry['base'] for entry in emulator.requests())
    assert regions == {'us', 'eu', 'au', 'me', 'in', 'sg'}, 'every region is read by default'


def test_host_variables(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator))
    orders = host_vars(inventory, 'orders-1')
    assert orders['konnect_hostname'] == 'orders-1' and orders['konnect_version'] == '3.9.1.0'
    assert orders['konnect_config_hash'] == orders['konnect_expected_config_hash'] and orders['konnect_type'] == 'kong-proxy'
    assert orders['konnect_expected_config_hash'] == expected_config_hash(emulator, 'us', org['orders-prod']['id'])
    assert orders['konnect_config_in_sync'] is True
    assert abs(orders['konnect_last_ping'] - time.time()) < 60
    assert orders['konnect_control_plane'] == {'id': org['orders-prod']['id'], 'name': 'orders-prod', 'region': 'us',
                                               'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE'}
    assert orders['konnect_control_plane_labels'] == {'env': 'prod', 'team': 'orders'}
    assert orders['konnect_compatibility_issues'] == [] and orders['konnect_eol'] is None
    billing = host_vars(inventory, 'billing-1')
    assert billing['konnect_compatibility_state'] == 'COMPATIBILITY_STATE_INCOMPATIBLE'
    assert billing['konnect_compatibility_issues'] == INCOMPATIBLE['issues']
    assert billing['konnect_eol'] == {'version': '3.10.0.1', 'message': '3.10 reaches its end of support; upgrade to 3.12.'}
    assert billing['konnect_control_plane']['region'] == 'eu'


def test_the_node_seen_last_keeps_a_shared_host_name(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator))
    assert host_vars(inventory, 'shared')['konnect_control_plane']['name'] == 'billing'  # pinged 10 s ago, the other 60 s
    other = [name for name in inventory.hosts if name.startswith('shared_')][0]
    assert other == 'shared_' + host_vars(inventory, other)['konnect_node_id']
    assert host_vars(inventory, other)['konnect_hostname'] == 'shared'
    assert host_vars(inventory, other)['konnect_config_in_sync'] is False  # reports a hash the control plane does not expect
    assert host_vars(inventory, 'shared')['konnect_config_in_sync'] is None  # reports none


def test_keyed_groups_groups_and_compose(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator, keyed_groups=[{'key': 'konnect_control_plane_labels.env', 'prefix': 'env'},
                                                              {'key': 'konnect_compatibility_state', 'prefix': 'compat'}],
                            groups={'outdated': "konnect_version is version('3.10', '<')"},
                            compose={'ansible_host': 'konnect_hostname', 'kong_series': "konnect_version.split('.')[:2] | join('.')"}))
    assert hosts(inventory, 'env_prod') == sorted(name for name in inventory.hosts if name != 'sandbox-old')
    assert hosts(inventory, 'env_dev') == ['sandbox-old']
    assert hosts(inventory, 'compat_COMPATIBILITY_STATE_INCOMPATIBLE') == ['billing-1']
    assert hosts(inventory, 'outdated') == sorted(name for name in inventory.hosts if not name.startswith(('billing', 'shared'))
                                                  or host_vars(inventory, name)['konnect_version'] == '3.9.1.0')
    other = [name for name in inventory.hosts if name.startswith('shared_')][0]
    assert host_vars(inventory, other)['ansible_host'] == 'shared'
    assert host_vars(inventory, 'orders-1')['kong_series'] == '3.9'


def test_strict_fails_on_a_compose_that_does_not_render(tmp_path, emulator, org):
    options = dict(compose={'port': 'konnect_no_such_variable + 1'})
    inventory = read(source(tmp_path, emulator, **options))
    assert 'port' not in host_vars(inventory, 'orders-1')
    with pytest.raises(AnsibleError, match='Could not set port for host'):
        read(source(tmp_path, emulator, strict=True, **options))


def test_a_second_read_comes_from_the_cache_without_a_request(tmp_path, emulator, org):
    path = source(tmp_path, emulator, cache=True, cache_plugin='ansible.builtin.jsonfile', cache_connection=str(tmp_path / 'cache'))
    first = read(path)
    assert emulator.requests(), 'the first read asks Konnect'
    emulator.clear_requests()
    second = read(path)
    assert emulator.requests() == []
    assert sorted(second.hosts) == sorted(first.hosts)
    assert host_vars(second, 'billing-1') == host_vars(first, 'billing-1')
    assert hosts(second, 'konnect_region_eu') == hosts(first, 'konnect_region_eu')
    read(path, cache=False)  # what --flush-cache asks: Konnect is read again, and the cache refreshed
    assert emulator.requests()


def test_a_cache_of_another_selection_is_not_used(tmp_path, emulator, org):
    cache = dict(cache=True, cache_plugin='ansible.builtin.jsonfile', cache_connection=str(tmp_path / 'cache'))
    read(source(tmp_path, emulator, **cache))
    emulator.clear_requests()
    inventory = read(source(tmp_path, emulator, regions=['eu'], **cache))
    assert emulator.requests() and hosts(inventory) == ['billing-1', 'sandbox-old', 'shared']


def test_not_seen_for_leaves_out_the_nodes_not_heard_from(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator, not_seen_for=HOUR))
    assert 'sandbox-old' not in inventory.hosts and 'orders-1' in inventory.hosts and len(inventory.hosts) == 4
    assert 'sandbox-old' in read(source(tmp_path, emulator, not_seen_for=3 * HOUR)).hosts
    with pytest.raises(AnsibleParserError, match='not_seen_for must be a number of seconds, 0 or more'):
        read(source(tmp_path, emulator, not_seen_for=-1))


def test_control_planes_by_name_and_by_id(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator, control_planes=['sandbox', org['orders-prod']['id']]))
    assert set(host_vars(inventory, name)['konnect_control_plane']['name'] for name in inventory.hosts) == {'sandbox', 'orders-prod'}
    assert len(inventory.hosts) == 3


def test_control_planes_by_label_selector(tmp_path, emulator, org):
    prod = read(source(tmp_path, emulator, control_plane_labels={'env': 'prod'}))
    assert set(host_vars(prod, name)['konnect_control_plane']['name'] for name in prod.hosts) == {'billing', 'orders-prod'}
    assert set(entry['query'].get('labels', [None])[0] for entry in emulator.requests() if entry['path'] == '/v2/control-planes') == {'env:prod'}
    team = read(source(tmp_path, emulator, control_plane_labels={'team': None}))
    assert set(host_vars(team, name)['konnect_control_plane']['name'] for name in team.hosts) == {'orders-prod'}
    both = read(source(tmp_path, emulator, control_plane_labels={'env': 'prod'}, control_planes=['billing', 'sandbox']))
    assert hosts(both) == ['billing-1', 'shared']


def test_regions_limit_what_is_read(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator, regions=['us']))
    assert hosts(inventory) == hosts(inventory, 'konnect_region_us') and len(inventory.hosts) == 2
    assert set(entry['base'] for entry in emulator.requests()) == {'us'}


def test_an_unknown_control_plane_warns_and_fails_when_strict(tmp_path, emulator, org):
    inventory = read(source(tmp_path, emulator, control_planes=['orders-prod', 'no-such-cp']))
    assert len(inventory.hosts) == 2
    with pytest.raises(AnsibleParserError, match='no control plane named no-such-cp'):
        read(source(tmp_path, emulator, control_planes=['no-such-cp'], strict=True))


def test_a_wrong_token_is_one_clear_sentence(tmp_path, emulator, org):
    with pytest.raises(AnsibleParserError) as failure:
        read(source(tmp_path, emulator, token='kpat_' + 'w' * 40))
    message = str(failure.value.message)
    assert 'Konnect rejected the credentials (401 Unauthorized) on GET /v2/control-planes' in message
    assert 'konnect_token' in message and 'w' * 40 not in message and message.count('. ') == 0


def test_a_token_that_is_no_konnect_token_is_refused_before_any_request(tmp_path, emulator, org):
    with pytest.raises(AnsibleParserError, match="does not look like a Konnect token"):
        read(source(tmp_path, emulator, token='not-a-token'))
    assert emulator.requests() == []


def test_the_environment_variables_of_the_modules(tmp_path, emulator, org, monkeypatch):
    monkeypatch.setenv('KONNECT_TOKEN', '')  # set but empty: unset, as for the modules
    monkeypatch.setenv('KONNECT_SPAT', DEMO_TOKEN)
    monkeypatch.setenv('KONNECT_API_URL', emulator.url + '/{region}')
    path = tmp_path / 'env.konnect.yaml'
    path.write_text('plugin: konnect.konnect.dp_nodes\nregions: [eu]\n')
    assert hosts(read(str(path))) == ['billing-1', 'sandbox-old', 'shared']


def test_only_konnect_sources_are_taken(tmp_path):
    plugin = inventory_loader.get('konnect.konnect.dp_nodes')
    for name, taken in (('konnect.yml', True), ('prod.konnect.yaml', True), ('hosts.yml', False), ('konnect.json', False)):
        path = tmp_path / name
        path.write_text('plugin: konnect.konnect.dp_nodes\n')
        assert plugin.verify_file(str(path)) is taken, name


def find_ansible_inventory():
    for directory in (os.path.dirname(sys.executable), os.path.join(sys.prefix, 'bin')):
        candidate = os.path.join(directory, 'ansible-inventory')
        if os.path.exists(candidate):
            return candidate
    return shutil.which('ansible-inventory') or 'ansible-inventory'


@pytest.mark.playbook
def test_ansible_inventory_graph_and_list(tmp_path):
    """The real ansible-inventory, with the token and the API URL from the environment, against an emulator process."""
    with EmulatorProcess() as emulator:
        orders = control_plane(emulator, 'us', 'orders-prod', {'env': 'prod'})
        billing = control_plane(emulator, 'eu', 'billing', {'env': 'prod'})
        emulator.register_node(orders['id'], 'orders-1', '3.9.1.0')
        emulator.register_node(billing['id'], 'billing-1', '3.10.0.1')
        path = tmp_path / 'prod.konnect.yml'
        path.write_text(yaml.safe_dump({'plugin': 'konnect.konnect.dp_nodes', 'regions': ['us', 'eu'],
                                        'keyed_groups': [{'key': 'konnect_control_plane_labels.env', 'prefix': 'env'}]}))
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, KONNECT_TOKEN=DEMO_TOKEN, KONNECT_API_URL=emulator.url + '/{region}',
                   ANSIBLE_NOCOLOR='1', ANSIBLE_INVENTORY_UNPARSED_FAILED='true', PYTHONWARNINGS='ignore')
        for name in ('KONNECT_SPAT', 'KONNECT_REGION', 'KONNECT_GLOBAL_API_URL'):
            env.pop(name, None)

        def inventory(*args):
            done = subprocess.run([find_ansible_inventory(), '-i', str(path)] + list(args), env=env, capture_output=True, text=True,
                                  timeout=120, check=False)
            assert done.returncode == 0, done.stdout + done.stderr
            return done.stdout

        graph = inventory('--graph')
        for line in ('@konnect_region_us:', '@konnect_control_plane_billing:', '@konnect_version_3_10_0_1:', '@env_prod:',
                     '|--orders-1', '|--billing-1'):
            assert line in graph, graph
        listed = json.loads(inventory('--list'))
        assert sorted(listed['env_prod']['hosts']) == ['billing-1', 'orders-1']
        assert listed['_meta']['hostvars']['billing-1']['konnect_control_plane']['region'] == 'eu'
