# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``konnect.konnect.entity`` lookup against the in-process emulator: by name, by id, with filters, parents by name
or id, the errors of the ``_info`` modules (unknown type, unknown or missing parent, a wrong token), secrets masked, and
never a write. The lookup must give what the type's ``_info`` module gives: one engine, two ways in."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from ansible import constants as C
from ansible.errors import AnsibleLookupError

from ansible_collections.konnect.konnect.plugins.doc_fragments.connection import ModuleDocFragment
from ansible_collections.konnect.konnect.plugins.lookup import entity as entity_lookup
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN, connection
from ansible_collections.konnect.konnect.tests.unit.plugins import test_killed_runs
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import READS, Module, konnect

ENTITIES = all_entities()

NAME = 'konnect.konnect.entity'
WRONG_TOKEN = 'kpat_' + 'w' * 40


def definitions():
    """The plugin's options as ansible-core's plugin loader reads them: its own, then the connection fragment's."""
    options = yaml.safe_load(entity_lookup.DOCUMENTATION)['options']
    options.update(yaml.safe_load(ModuleDocFragment.PLUGINS)['options'])
    return options


C.config.initialize_plugin_configuration_definitions('lookup', NAME, definitions())


def run_lookup(emulator, *terms, **kwargs):
    """The lookup as a template calls it; the connection options of the emulator unless the call gives its own."""
    plugin = entity_lookup.LookupModule()
    plugin._load_name = NAME
    return plugin.run(list(terms), variables={}, **dict(connection(emulator), **kwargs))


@pytest.fixture
def orders(emulator):
    """A control plane ``orders-prod`` with three services and a consumer holding a key-auth credential."""
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'orders-prod', 'labels': {'env': 'prod'}})
    core = '/v2/control-planes/%s/core-entities' % plane['id']
    services = dict((name, konnect(emulator, 'POST', core + '/services', {'name': name, 'host': host, 'protocol': protocol}))
                    for name, host, protocol in (('orders', 'orders.internal', 'https'), ('billing', 'billing.internal', 'http'),
                                                 ('search', 'search.internal', 'https')))
    consumer = konnect(emulator, 'POST', core + '/consumers', {'username': 'app'})
    konnect(emulator, 'POST', core + '/consumers/%s/key-auth' % consumer['id'], {'key': 'app-secret-key-1234'})
    konnect(emulator, 'POST', '/v2/control-planes', {'name': 'orders-dev'})
    emulator.clear_requests()
    return dict(plane=plane, services=services)


def writes(emulator):
    return [request for request in emulator.requests() if request['method'] not in READS]


def test_by_name_with_the_parent_by_name_is_what_the_info_module_returns(emulator, orders):
    found = run_lookup(emulator, 'gateway_service', control_plane='orders-prod', name='orders')
    assert found == [orders['services']['orders']]
    info = Module(emulator, 'gateway_service_info')(control_plane='orders-prod', name='orders')
    assert found == info['gateway_services']
    assert writes(emulator) == []


def test_by_id_with_the_parent_by_id(emulator, orders):
    service = orders['services']['billing']
    assert run_lookup(emulator, 'gateway_service', control_plane=orders['plane']['id'], id=service['id']) == [service]
    assert run_lookup(emulator, 'control_plane', id=orders['plane']['id'])[0]['name'] == 'orders-prod'
    assert writes(emulator) == []


def test_nothing_found_is_an_empty_list_not_an_error(emulator, orders):
    assert run_lookup(emulator, 'gateway_service', control_plane='orders-prod', name='nope') == []
    assert run_lookup(emulator, 'control_plane', id='7f9fd312-a987-4628-b4c5-bb4f4fddd5f7') == []


def test_with_filters_on_the_server_and_after_listing(emulator, orders):
    https = run_lookup(emulator, 'gateway_service', control_plane='orders-prod', filters={'protocol': 'https'})
    assert sorted(service['name'] for service in https) == ['orders', 'search']
    contains = run_lookup(emulator, 'control_plane', filters={'name': {'contains': 'orders'}})
    assert sorted(plane['name'] for plane in contains) == ['orders-dev', 'orders-prod']
    assert [plane['name'] for plane in run_lookup(emulator, 'control_plane', filters={'name': {'neq': 'orders-dev'}})] == ['orders-prod']
    assert writes(emulator) == []


def test_a_listing_without_key_or_filters_gives_every_entity(emulator, orders):
    assert sorted(service['name'] for service in run_lookup(emulator, 'gateway_service', control_plane='orders-prod')) == \
        ['billing', 'orders', 'search']


def test_write_only_values_are_masked_as_the_info_module_masks_them(emulator, orders):
    found = run_lookup(emulator, 'gateway_key_auth', control_plane='orders-prod', consumer='app')
    assert len(found) == 1 and found[0]['key'] == '********'
    assert found == Module(emulator, 'gateway_key_auth_info')(control_plane='orders-prod', consumer='app')['gateway_key_auths']
    assert 'app-secret-key-1234' not in repr(found)


def test_a_singleton_without_an_info_module_is_read_through_the_same_engine(emulator):
    portal = konnect(emulator, 'POST', '/v3/portals', {'name': 'developers'})
    emulator.clear_requests()
    found = run_lookup(emulator, 'portal_customization', portal='developers')
    assert len(found) == 1 and isinstance(found[0], dict)
    assert [request['method'] for request in emulator.requests()] == ['GET'] * len(emulator.requests())
    assert any(request['path'].endswith('/portals/%s/customization' % portal['id']) for request in emulator.requests())


@pytest.mark.parametrize('type_name', sorted(name for name in ENTITIES if name not in entity_lookup.DEVELOPER_TYPES))
def test_every_type_of_the_catalogue_has_an_info_task(type_name):
    task = entity_lookup.info_task(type_name)
    assert task.entity.name == type_name and 'konnect_token' in task.module_kwargs()['argument_spec']


def test_an_unknown_type_names_the_closest_types(emulator):
    with pytest.raises(AnsibleLookupError, match=r"unknown entity type 'gateway_servise'; did you mean gateway_service(, | or |\?)"):
        run_lookup(emulator, 'gateway_servise', control_plane='orders-prod')
    with pytest.raises(AnsibleLookupError, match=r"did you mean .*gateway_service"):
        run_lookup(emulator, 'gateway_service_info', control_plane='orders-prod')
    with pytest.raises(AnsibleLookupError, match=r"unknown entity type 'zzz'; the types are the names of the collection's modules"):
        run_lookup(emulator, 'zzz')
    assert emulator.requests() == []


def test_one_type_only_and_no_developer_types(emulator):
    with pytest.raises(AnsibleLookupError, match='exactly one entity type'):
        run_lookup(emulator, 'team', 'user')
    with pytest.raises(AnsibleLookupError, match='portal_client_application is read as a developer'):
        run_lookup(emulator, 'portal_client_application')


def test_an_unknown_parent_by_name_is_named(emulator, orders):
    with pytest.raises(AnsibleLookupError) as error:
        run_lookup(emulator, 'gateway_service', control_plane='orders-nope', name='orders')
    assert 'control_plane' in str(error.value) and 'orders-nope' in str(error.value)
    assert writes(emulator) == []


def test_an_unknown_parent_by_id_is_named(emulator, orders):
    with pytest.raises(AnsibleLookupError, match='control_plane: no control plane with id 7f9fd312'):
        run_lookup(emulator, 'gateway_service', control_plane='7f9fd312-a987-4628-b4c5-bb4f4fddd5f7')


def test_a_missing_required_parent_is_named_before_any_request(emulator):
    with pytest.raises(AnsibleLookupError, match=r'konnect.konnect.entity \(gateway_service\): missing required arguments: control_plane'):
        run_lookup(emulator, 'gateway_service', name='orders')
    assert emulator.requests() == []


def test_options_the_info_module_does_not_take_are_refused(emulator):
    with pytest.raises(AnsibleLookupError, match='unsupported parameters: colour'):
        run_lookup(emulator, 'team', colour='blue')
    with pytest.raises(AnsibleLookupError, match='mutually exclusive: id|name'):
        run_lookup(emulator, 'team', id='x', name='y')
    assert emulator.requests() == []


def test_a_wrong_token_is_a_clear_error_that_does_not_show_it(emulator, orders):
    with pytest.raises(AnsibleLookupError) as error:
        run_lookup(emulator, 'control_plane', name='orders-prod', konnect_token=WRONG_TOKEN)
    message = str(error.value)
    assert '401' in message and WRONG_TOKEN not in message
    assert writes(emulator) == []


def test_a_token_in_a_key_option_is_refused_unsent(emulator):
    with pytest.raises(AnsibleLookupError, match='looks like a Konnect access token') as error:
        run_lookup(emulator, 'team', name=WRONG_TOKEN)
    assert WRONG_TOKEN not in str(error.value) and emulator.requests() == []


def test_the_connection_comes_from_the_modules_environment_variables(emulator, orders, monkeypatch):
    monkeypatch.setenv('KONNECT_TOKEN', '')  # set but empty counts as unset, as for the modules: KONNECT_SPAT is used
    monkeypatch.setenv('KONNECT_SPAT', DEMO_TOKEN)
    monkeypatch.setenv('KONNECT_API_URL', emulator.url + '/{region}')
    plugin = entity_lookup.LookupModule()
    plugin._load_name = NAME
    assert [plane['name'] for plane in plugin.run(['control_plane'], variables={}, name='orders-prod')] == ['orders-prod']


@pytest.mark.parametrize('option', sorted(definitions()))
def test_every_option_has_an_example(option):
    examples = entity_lookup.EXAMPLES
    assert (option + '=') in examples if option != '_terms' else "lookup('konnect.konnect.entity', 'gateway_service'" in examples


# -- one real playbook: the plugin loader, the fragment, templates and vars, against an emulator process ----------------

PLAYBOOK_TEMPLATE = """upstream {{ lookup('konnect.konnect.entity', 'gateway_service', control_plane='pb-orders', name='orders').host }};
{% for route in query('konnect.konnect.entity', 'gateway_route', control_plane='pb-orders', filters={'service.id': service.id}) %}
route {{ route.name }};
{% endfor %}
"""
EXPECTED_TEMPLATE = 'upstream orders.internal;\nroute orders-read;\nroute orders-write;\n'
PLAYBOOK_TASKS = [  # two tasks: each task's worker loads the plugin anew, and this machine's seconds are shared
    {'name': 'a template, vars, by id with connection options as keywords, query and lookup',
     'ansible.builtin.assert': {'that': [
         "lookup('ansible.builtin.template', workdir + '/upstream.j2') == expected",
         'service.host == "orders.internal"',
         "lookup('konnect.konnect.entity', 'control_plane', id=service.control_plane_id, konnect_api_url=api_url, timeout=5).name == 'pb-orders'",
         "query('konnect.konnect.entity', 'control_plane', filters={'name': {'contains': 'pb-'}}) | length == 2",
         "query('konnect.konnect.entity', 'gateway_service', control_plane='pb-orders', name='nope') == []"]}},
    {'name': 'errors', 'ansible.builtin.debug': {'msg': "{{ lookup('konnect.konnect.entity', item[0], konnect_token=item[1]) }}"},
     'loop': [['gateway_servise', DEMO_TOKEN], ['team', WRONG_TOKEN]], 'loop_control': {'label': '{{ item[0] }}'}, 'ignore_errors': True},
]


@pytest.fixture(scope='module')
def emulator_process():
    with test_killed_runs.EmulatorProcess() as process:
        yield process


@pytest.mark.playbook
@pytest.mark.skipif(not test_killed_runs.REPO.endswith(os.path.join('ansible_collections', 'konnect', 'konnect')),
                    reason='needs the collection laid out under ansible_collections/ (make pytest, ansible-test units)')
def test_a_playbook_reads_with_the_lookup_in_templates_and_vars_and_writes_nothing(emulator_process, tmp_path):  # pylint: disable=redefined-outer-name
    emulator_process.reset()
    api = test_killed_runs.JsonClient(emulator_process.url)
    plane = api.post('/us/v2/control-planes', {'name': 'pb-orders'}).json()
    api.post('/us/v2/control-planes', {'name': 'pb-billing'})
    core = '/us/v2/control-planes/%s/core-entities' % plane['id']
    service = api.post(core + '/services', {'name': 'orders', 'host': 'orders.internal'}).json()
    for name in ('orders-read', 'orders-write'):
        api.post(core + '/routes', {'name': name, 'paths': ['/' + name], 'service': {'id': service['id']}})
    emulator_process.clear_requests()
    (tmp_path / 'upstream.j2').write_text(PLAYBOOK_TEMPLATE)
    play = {'hosts': 'localhost', 'connection': 'local', 'gather_facts': False, 'tasks': PLAYBOOK_TASKS,
            'vars': {'workdir': str(tmp_path), 'api_url': emulator_process.url + '/{region}', 'expected': EXPECTED_TEMPLATE,
                     'service': "{{ lookup('konnect.konnect.entity', 'gateway_service', control_plane='pb-orders', name='orders') "
                                "| combine({'control_plane_id': '%s'}) }}" % plane['id']}}
    (tmp_path / 'playbook.yml').write_text(json.dumps([play]))
    process = test_killed_runs.start(emulator_process, str(tmp_path / 'playbook.yml'))  # KONNECT_TOKEN, KONNECT_API_URL in its environment
    output = process.communicate(timeout=120)[0]
    match = test_killed_runs.RECAP.search(output)
    assert process.returncode == 0 and match and match.group(4) == '0', output[-3000:]
    assert output.count('failed: [localhost]') == 2 and "unknown entity type 'gateway_servise'; did you mean gateway_service" in output
    assert 'Konnect rejected the credentials (401 Unauthorized)' in output, output[-3000:]
    assert [request for request in emulator_process.requests() if request['method'] not in READS] == []
    assert WRONG_TOKEN not in output
