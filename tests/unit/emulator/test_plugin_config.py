# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator checks plugins as Konnect does (issue 13): a known name, a config that fits its plugin's schema (the
committed facts, or a custom plugin's Lua schema), answered with Konnect's core-entity error body; and it serves
``/schemas/plugins/{name}``."""

import pytest

from emulator.testing import JsonClient as Client  # pylint: disable=import-error

DETAIL = 'type.googleapis.com/kong.admin.model.v1.ErrorDetail'
LUA_SCHEMA = '''
local typedefs = require "kong.db.schema.typedefs"
-- a custom plugin of the control plane
return {
  name = "request-stamp",
  fields = {
    { consumer = typedefs.no_consumer },
    { protocols = typedefs.protocols_http },
    { config = {
        type = "record",
        fields = {
          { header = { type = "string", required = true, default = "X-Stamp" } },
          { ttl = { type = "integer", between = { 1, 3600 } } },
          { tags = { type = "array", elements = { type = "string" } } },
        },
    } },
  },
}
'''


@pytest.fixture
def core(fresh_emulator):
    api = Client(fresh_emulator.url)
    response = api.post('/v2/control-planes', {'name': 'plugins'})
    assert response.status_code == 201, response.text
    return api, '/v2/control-planes/%s/core-entities' % response.json()['id']


def refused(response):
    """The fields and messages of Konnect's 400 ``validation error`` body."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body['code'] == 3 and body['message'] == 'validation error', body
    assert all(detail['@type'] == DETAIL and detail['type'] == 'ERROR_TYPE_FIELD' for detail in body['details']), body
    return dict((detail['field'], detail['messages']) for detail in body['details'])


def test_an_unknown_plugin_name_is_refused(core):
    api, prefix = core
    assert refused(api.post(prefix + '/plugins', {'name': 'no-such-plugin'})) == {'name': ['plugin(no-such-plugin) does not exist']}


def test_config_violations_are_named_per_path_with_kongs_messages(core):
    api, prefix = core
    fields = refused(api.post(prefix + '/plugins', {'name': 'rate-limiting', 'config': {
        'minute': 'x', 'minutes': 1, 'policy': 'memcached', 'redis': {'port': 70000, 'timeout': 'soon'}}}))
    assert fields == {
        'config.minute': ['expected a number'],
        'config.minutes': ['unknown field'],
        'config.policy': ['expected one of: cluster, local, redis'],
        'config.redis.port': ['value should be between 0 and 65535'],
        'config.redis.timeout': ['expected an integer'],
    }
    assert refused(api.post(prefix + '/plugins', {'name': 'redirect', 'config': {'status_code': 301}})) == {
        'config.location': ['required field missing']}
    assert refused(api.post(prefix + '/plugins', {'name': 'redirect'})) == {'config.location': ['required field missing']}
    assert refused(api.post(prefix + '/plugins', {'name': 'key-auth', 'config': {'key_names': ['a', 1]}})) == {
        'config.key_names[1]': ['expected a string']}


def test_put_is_checked_too_and_a_valid_config_is_stored(core):
    api, prefix = core
    created = api.post(prefix + '/plugins', {'name': 'rate-limiting', 'config': {'minute': 5, 'redis': {'password': '{vault://env/pw}'}}})
    assert created.status_code == 201, created.text
    path = prefix + '/plugins/' + created.json()['id']
    assert refused(api.put(path, {'name': 'rate-limiting', 'config': {'hour': 'many'}})) == {'config.hour': ['expected a number']}
    assert api.put(path, {'name': 'rate-limiting', 'config': {'hour': 9}}).status_code == 200


def test_scopes_and_protocols_the_plugin_does_not_take(core):
    api, prefix = core
    consumer = api.post(prefix + '/consumers', {'username': 'ann'}).json()
    assert refused(api.post(prefix + '/plugins', {'name': 'key-auth', 'consumer': {'id': consumer['id']}})) == {'consumer': ['value must be null']}
    assert refused(api.post(prefix + '/plugins', {'name': 'cors', 'protocols': ['tcp']}))['protocols[0]'][0].startswith('expected one of')


def test_custom_plugins_are_checked_against_their_lua_schema(core):
    api, prefix = core
    assert api.post(prefix + '/plugin-schemas', {'lua_schema': LUA_SCHEMA}).status_code == 201
    assert refused(api.post(prefix + '/plugins', {'name': 'request-stamp', 'config': {'ttl': 0, 'colour': 'red'}})) == {
        'config.colour': ['unknown field'], 'config.ttl': ['value should be between 1 and 3600']}
    assert api.post(prefix + '/plugins', {'name': 'request-stamp', 'config': {'ttl': 5, 'tags': ['a']}}).status_code == 201
    schema = api.get(prefix + '/schemas/plugins/request-stamp').json()
    config = [field['config'] for field in schema['fields'] if 'config' in field][0]
    assert config['type'] == 'record' and {'ttl': {'type': 'integer', 'between': [1, 3600]}} in config['fields']


def test_a_custom_plugin_of_unreadable_lua_passes_through(core):
    api, prefix = core
    lua = 'local name = "opaque"\nreturn { name = name, fields = { { config = build() } } }'
    assert api.post(prefix + '/plugin-schemas', {'lua_schema': lua}).status_code == 201
    assert api.post(prefix + '/plugins', {'name': 'opaque', 'config': {'anything': 1}}).status_code == 201


def test_the_schema_endpoint(core):
    api, prefix = core
    schema = api.get(prefix + '/schemas/plugins/rate-limiting').json()
    config = [field['config'] for field in schema['fields'] if 'config' in field][0]
    minute = [field['minute'] for field in config['fields'] if 'minute' in field][0]
    assert config['type'] == 'record' and minute == {'type': 'number'}
    assert api.get(prefix + '/schemas/plugins/no-such-plugin').status_code == 404
