# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The gateway leftovers of issue 12 against the emulator: streamed custom plugins, DeGraphQL routes, GraphQL cost
decorations, and the organization's impersonation settings."""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    writes,
)

HANDLER = 'return { PRIORITY = 1000, VERSION = "1.0.0" }'
SCHEMA = 'return { name = "request-stamp", fields = { { config = { type = "record", fields = {} } } } }'


def a_control_plane(emulator, name='cp'):
    return konnect(emulator, 'POST', '/v2/control-planes', {'name': name})['id']


def a_service(emulator, control_plane, name='people-graphql'):
    path = '/v2/control-planes/%s/core-entities/services' % control_plane
    return konnect(emulator, 'POST', path, {'name': name, 'host': 'graphql.internal', 'port': 80, 'protocol': 'http'})['id']


def test_custom_plugin_lifecycle(emulator):
    control_plane = a_control_plane(emulator)
    module = Module(emulator, 'custom_plugin')
    created = assert_lifecycle(module, dict(control_plane=control_plane, name='request-stamp', handler=HANDLER, schema=SCHEMA, tags=['a']),
                               dict(handler=HANDLER.replace('1000', '900')))
    assert created['name'] == 'request-stamp'


def test_custom_plugin_info(emulator):
    control_plane = a_control_plane(emulator)
    Module(emulator, 'custom_plugin')(control_plane=control_plane, name='request-stamp', handler=HANDLER, schema=SCHEMA)
    info = Module(emulator, 'custom_plugin_info')
    assert [plugin['name'] for plugin in info(control_plane=control_plane)['custom_plugins']] == ['request-stamp']
    assert info(control_plane=control_plane, name='other')['custom_plugins'] == []


def test_custom_plugin_needs_its_code_to_be_created(emulator):
    control_plane = a_control_plane(emulator)
    assert_refused(Module(emulator, 'custom_plugin'), dict(control_plane=control_plane, name='request-stamp', schema=SCHEMA), 'handler')


def test_custom_plugin_in_an_unknown_control_plane_is_refused(emulator):
    assert_refused(Module(emulator, 'custom_plugin'), dict(control_plane='nowhere', name='x', handler=HANDLER, schema=SCHEMA), 'nowhere')


def test_degraphql_route_lifecycle(emulator):
    control_plane = a_control_plane(emulator)
    service = a_service(emulator, control_plane)
    module = Module(emulator, 'gateway_degraphql_route')
    created = assert_lifecycle(module, dict(control_plane=control_plane, service=service, uri='/users/:id', methods=['GET'],
                                            query='query ($id: ID!) { user(id: $id) { name } }'),
                               dict(query='query ($id: ID!) { user(id: $id) { name email } }'))
    assert created['uri'] == '/users/:id'


def test_degraphql_route_info_and_unknown_service(emulator):
    control_plane = a_control_plane(emulator)
    a_service(emulator, control_plane)
    Module(emulator, 'gateway_degraphql_route')(control_plane=control_plane, service='people-graphql', uri='/users', query='{ users { name } }')
    info = Module(emulator, 'gateway_degraphql_route_info')
    assert [route['uri'] for route in info(control_plane=control_plane, service='people-graphql')['gateway_degraphql_routes']] == ['/users']
    assert info(control_plane=control_plane, service='people-graphql', uri='/other')['gateway_degraphql_routes'] == []
    assert_refused(Module(emulator, 'gateway_degraphql_route'), dict(control_plane=control_plane, service='nope', uri='/u', query='{ u }'), 'nope')


def test_graphql_cost_decoration_lifecycle(emulator):
    control_plane = a_control_plane(emulator)
    service = a_service(emulator, control_plane)
    module = Module(emulator, 'gateway_graphql_cost_decoration')
    created = assert_lifecycle(module, dict(control_plane=control_plane, service=service, type_path='Query.allPeople', add_constant=1.0,
                                            mul_arguments=['first']),
                               dict(add_constant=2.0))
    assert created['type_path'] == 'Query.allPeople'


def test_graphql_cost_decoration_info(emulator):
    control_plane = a_control_plane(emulator)
    a_service(emulator, control_plane)
    Module(emulator, 'gateway_graphql_cost_decoration')(control_plane=control_plane, service='people-graphql', type_path='Query.a')
    info = Module(emulator, 'gateway_graphql_cost_decoration_info')
    found = info(control_plane=control_plane, service='people-graphql', type_path='Query.a')['gateway_graphql_cost_decorations']
    assert [cost['type_path'] for cost in found] == ['Query.a']


def test_impersonation_settings_through_the_organization_module(emulator):
    module = Module(emulator, 'organization')
    planned, sent = module.counted(check_mode=True, diff=True, impersonation_settings=dict(enabled=True))
    assert planned['changed'] and not writes(sent)
    done, sent = module.counted(diff=True, impersonation_settings=dict(enabled=True))
    assert done['changed'] and done['impersonation_settings']['enabled'] is True and writes(sent)
    assert konnect(emulator, 'GET', '/v3/organizations/impersonation', region='global')['enabled'] is True
    again, sent = module.counted(impersonation_settings=dict(enabled=True))
    assert not again['changed'] and not writes(sent)
