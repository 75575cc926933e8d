# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_plugin checks a plugin's config against its plugin's schema before any request (issue 13): the named error
kinds, check mode, custom plugins, and the committed facts themselves."""

from __future__ import annotations

import json
import os

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils import plugin_config
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, writes

CP_ID = '7f9fd312-a987-4628-b4c5-bb4f4fddd5f7'  # by id: the bundled checks happen before the control plane is looked up

LUA_SCHEMA = '''
local typedefs = require "kong.db.schema.typedefs"
return {
  name = "request-stamp",
  fields = {
    { protocols = typedefs.protocols_http },
    { config = {
        type = "record",
        fields = {
          { header = { type = "string", required = true, default = "X-Stamp" } },
          { ttl = { type = "integer", between = { 1, 3600 } } },
          { mode = { type = "string", one_of = { "add", "replace" } } },
        },
    } },
  },
}
'''


def a_control_plane(emulator, name='cp'):
    return konnect(emulator, 'POST', '/v2/control-planes', {'name': name})['id']


def assert_no_request(emulator, args, *words, **kwargs):
    """Refused with every word in the message, and not one request sent (check mode too)."""
    module = Module(emulator, 'gateway_plugin')
    for check_mode in (False, True):
        emulator.clear_requests()
        result = module(check_mode=check_mode, **args)
        assert result.get('failed'), 'not refused: %s' % result
        assert emulator.requests() == [], 'sent %s' % [(r['method'], r['path']) for r in emulator.requests()]
        for word in words:
            assert word in result['msg'], '%r not in %r' % (word, result['msg'])
    return result


# -- the named error kinds, zero requests -------------------------------------------------------------------------------

def test_a_wrong_type_is_named_with_its_path(emulator):
    result = assert_no_request(emulator, dict(control_plane=CP_ID, name='rate-limiting', config={'minute': 'x'}),
                               "config.minute: 'x' is not a number")
    assert 'rate-limiting' in result['msg']


def test_an_unknown_field_is_named_with_a_suggestion(emulator):
    assert_no_request(emulator, dict(control_plane=CP_ID, name='rate-limiting', config={'minute': 5, 'minutes': 5}),
                      'config.minutes: unknown field', 'did you mean minute')


def test_a_value_outside_the_enum_is_named(emulator):
    assert_no_request(emulator, dict(control_plane=CP_ID, name='rate-limiting', config={'policy': 'memcached'}),
                      "config.policy: 'memcached' is not one of cluster, local, redis")


def test_nested_records_lists_and_bounds_are_checked(emulator):
    assert_no_request(emulator, dict(control_plane=CP_ID, name='rate-limiting', config={'redis': {'port': 70000, 'ssl': 'yes'}}),
                      'config.redis.port: 70000 is more than 65535', "config.redis.ssl: 'yes' is not a boolean")
    assert_no_request(emulator, dict(control_plane=CP_ID, name='key-auth', config={'key_names': ['apikey', 3]}),
                      'config.key_names[1]: 3 is not a string')


def test_an_unknown_plugin_name_is_refused_with_close_matches(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'gateway_plugin')
    for check_mode in (False, True):
        result = assert_refused(module, dict(control_plane=control_plane, name='rate-limting', config={'minute': 5}),
                                "'rate-limting'", 'did you mean rate-limiting', check_mode=check_mode)
        assert 'custom_plugin_schema' in result['msg']
    emulator.clear_requests()
    module(control_plane=control_plane, name='no-such-plugin')
    assert [r['method'] for r in emulator.requests()] == ['GET'] * len(emulator.requests())  # only reads, the schema among them
    assert any('/schemas/plugins/no-such-plugin' in r['path'] for r in emulator.requests())


def test_a_missing_required_field_is_refused_on_create_only(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'gateway_plugin')
    assert_refused(module, dict(control_plane=control_plane, name='redirect', config={'status_code': 302}), 'config.location: required')
    assert_refused(module, dict(control_plane=control_plane, name='redirect'), 'config: required by the redirect plugin (location)')
    created = module(control_plane=control_plane, name='redirect', config={'location': 'https://example.com/'})
    assert created['changed'], created
    changed = module(control_plane=control_plane, name='redirect', config={'status_code': 302})  # merged into the current config
    assert changed['changed'] and not changed.get('failed'), changed


def test_scope_and_protocols_the_plugin_does_not_take_are_refused(emulator):
    control_plane = a_control_plane(emulator)
    konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/consumers' % control_plane, {'username': 'ann'})
    module = Module(emulator, 'gateway_plugin')
    assert_refused(module, dict(control_plane=control_plane, name='key-auth', consumer='ann'), 'consumer: the key-auth plugin cannot be limited to a consumer')
    assert_refused(module, dict(control_plane=control_plane, name='cors', protocols=['tcp']), "protocols: 'tcp'")


def test_a_valid_config_is_written_and_vault_references_pass(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'gateway_plugin')
    result = module(control_plane=control_plane, name='rate-limiting',
                    config={'minute': 100, 'policy': 'redis', 'redis': {'host': 'redis.internal', 'port': 6379, 'password': '{vault://env/redis}'}})
    assert result['changed'] and not result.get('failed'), result
    again = module(control_plane=control_plane, name='rate-limiting', config={'minute': 100})
    assert not again['changed']


def test_an_update_of_a_plugin_found_by_id_is_checked_against_its_type(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'gateway_plugin')
    plugin = module(control_plane=control_plane, name='cors', config={'origins': ['https://a.example']})['gateway_plugin']
    result, sent = module.counted(control_plane=control_plane, id=plugin['id'], config={'max_age': 'long'})
    assert result.get('failed') and "config.max_age: 'long' is not a number" in result['msg'], result
    assert not writes(sent)


# -- secrets inside config: the fields Kong keeps encrypted ---------------------------------------------------------------

def test_encrypted_config_fields_are_hidden_in_results_diffs_and_info_and_masked_in_logs(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'gateway_plugin')
    args = dict(control_plane=control_plane, name='rate-limiting',
                config={'minute': 5, 'policy': 'redis', 'redis': {'host': 'redis.internal', 'password': 'old-Redis-pw'}})
    created = module(diff=True, **args)
    redis = created['gateway_plugin']['config']['redis']
    assert created['changed'] and (redis['host'], redis['password']) == ('redis.internal', '********')
    assert created['diff']['after']['config']['redis']['password'] == '********'
    args['config']['redis']['password'] = 'new-Redis-pw'
    assert module.task.hidden_values(module.validated) == ['old-Redis-pw']  # what the wrapper masks in every output
    changed = module(diff=True, **args)
    assert changed['changed'], 'a new password is a change: Konnect answers the current one'
    assert [changed['diff'][side]['config']['redis']['password'] for side in ('before', 'after')] == ['********', '********']
    assert 'Redis-pw' not in json.dumps(changed)
    info = Module(emulator, 'gateway_plugin_info')(control_plane=control_plane)
    assert [plugin['config']['redis']['password'] for plugin in info['gateway_plugins']] == ['********']
    assert konnect(emulator, 'GET', '/v2/control-planes/%s/core-entities/plugins' % control_plane)['data'][0]['config']['redis']['password'] == 'new-Redis-pw'


def test_vault_references_and_unencrypted_fields_stay_visible():
    schema = plugin_config.bundled()['rate-limiting']['config']
    config = {'minute': 5, 'redis': {'host': 'redis.internal', 'username': 'limiter', 'password': '{vault://env/redis}'}}
    assert plugin_config.hide_encrypted(config, schema) == config
    assert plugin_config.encrypted_values(config, schema) == []
    config['redis']['password'] = 's3cret'
    assert plugin_config.hide_encrypted(config, schema)['redis'] == {'host': 'redis.internal', 'username': 'limiter', 'password': '********'}
    assert plugin_config.encrypted_values(config, schema) == ['s3cret']
    assert plugin_config.encrypted_values(config, {}) == []  # a custom plugin: its schema is not read to show a result


# -- custom plugins ------------------------------------------------------------------------------------------------------

def test_a_custom_plugin_is_checked_against_the_schema_its_control_plane_answers(emulator):
    control_plane = a_control_plane(emulator)
    konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/plugin-schemas' % control_plane, {'lua_schema': LUA_SCHEMA})
    module = Module(emulator, 'gateway_plugin')
    assert_refused(module, dict(control_plane=control_plane, name='request-stamp', config={'ttl': 0}), 'config.ttl: 0 is less than 1')
    assert_refused(module, dict(control_plane=control_plane, name='request-stamp', config={'mode': 'drop'}), "config.mode: 'drop' is not one of add")
    assert_refused(module, dict(control_plane=control_plane, name='request-stamp', config={'colour': 'red'}), 'config.colour: unknown field')
    result = module(control_plane=control_plane, name='request-stamp', config={'ttl': 60, 'mode': 'add'})
    assert result['changed'] and not result.get('failed'), result
    assert not module(control_plane=control_plane, name='request-stamp', config={'ttl': 60})['changed']


def test_a_custom_plugin_whose_schema_cannot_be_read_passes_through(emulator):
    control_plane = a_control_plane(emulator)
    schema = 'local name = "opaque-plugin"\nreturn { name = name, fields = { { config = make_config() } } }'
    konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/plugin-schemas' % control_plane, {'lua_schema': schema})
    result = Module(emulator, 'gateway_plugin')(control_plane=control_plane, name='opaque-plugin', config={'anything': [1, 2]})
    assert result['changed'] and not result.get('failed'), result


# -- the checker and its facts -------------------------------------------------------------------------------------------

def test_the_committed_facts_name_the_bundled_plugins():
    plugins = plugin_config.bundled()
    assert len(plugins) > 100 and {'rate-limiting', 'key-auth', 'cors', 'openid-connect', 'ai-proxy'} <= set(plugins)
    assert plugins['rate-limiting']['config']['properties']['redis']['properties']['password']['x-encrypted'] is True
    assert plugins['rate-limiting']['config']['additionalProperties'] is False
    assert plugins['rate-limiting']['config']['properties']['redis']['properties']['port']['type'] == 'integer'


def test_importing_the_collection_modules_does_not_load_the_facts():
    """The action plugin runs per task: tasks that write no plugin must not pay for the schemas."""
    import subprocess
    import sys
    code = ('import ansible_collections.konnect.konnect.plugins.module_utils.entities as e, '
            'ansible_collections.konnect.konnect.plugins.module_utils.plugin_config as p, sys; e.get_entity("gateway_plugin"); '
            'print([name for name in sys.modules if name.endswith("plugin_schemas")])')
    output = subprocess.check_output([sys.executable, '-c', code], env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert output.strip() == b'[]'


@pytest.mark.parametrize('value, schema, message', [
    (True, {'type': 'integer'}, 'True is not an integer'),
    (1.0, {'type': 'integer'}, None),
    (None, {'type': ['number', 'null']}, None),
    ('abc', {'type': 'string', 'maxLength': 2}, 'longer than 2'),
    ({'type': 'jq', 'jq': 1}, {'oneOf': [{'type': 'object', 'properties': {'type': {'const': 'jq'}, 'jq': {'type': 'string'}}},
                                         {'type': 'object', 'properties': {'type': {'const': 'exit'}}}]}, 'config.jq: 1 is not a string'),
])
def test_checker_cases(value, schema, message):
    errors = plugin_config.config_errors(value, schema)
    assert (errors == []) if message is None else (message in errors[0]), errors
