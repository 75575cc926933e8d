# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pure decisions: what changes, what is sent, and a diff that shows every field that will change."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

ENTITIES = all_entities()

LUA = 'return { name = "%s", fields = {} }'
SPEC = '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}'
SPEC_2 = 'openapi: 3.0.3\ninfo: {title: t, version: "2"}\npaths: {}\n'

# Every entity type whose options are rewritten before they are sent (``prepare``): the entity as Konnect holds it,
# the options of a task that changes it, and the fields that must show as changed although the task never names them.
REWRITTEN = {
    'gateway_service': (
        {'id': 's1', 'name': 'a', 'protocol': 'https', 'host': 'a.internal', 'port': 443, 'path': '/v1'},
        {'name': 'a', 'url': 'https://b.internal:8443/v2'},
        {'host': 'b.internal', 'port': 8443, 'path': '/v2'}),
    'gateway_target': (
        {'id': 't1', 'target': 'orders-1.internal:8000', 'weight': 100},
        {'target': 'orders-1.internal', 'weight': 50},
        {'weight': 50}),
    'user': (
        {'id': 'u1', 'email': 'ana@example.com', 'full_name': 'Ana'},
        {'email': 'Ana@Example.com', 'full_name': 'Ana Lima'},
        {'full_name': 'Ana Lima'}),
    'portal_developer': (
        {'id': 'd1', 'email': 'ana@example.com', 'full_name': 'Ana', 'status': 'pending'},
        {'email': 'Ana@Example.com', 'status': 'approved'},
        {'status': 'approved'}),
    'custom_plugin_schema': (
        {'name': 'my-plugin', 'lua_schema': LUA % 'my-plugin'},
        {'lua_schema': LUA % 'my-plugin' + ' -- v2'},
        {'lua_schema': LUA % 'my-plugin' + ' -- v2'}),
    # a specification from src or content (read, checked to be JSON or YAML)
    'api_version': ({'id': 'v1', 'version': '1', 'spec': {'content': SPEC}}, {'content': SPEC_2}, {'content': SPEC_2}),
    'api_specification': ({'id': 'v1', 'version': '1', 'spec': {'content': SPEC}}, {'content': SPEC_2}, {'content': SPEC_2}),
    'api_package_specification': ({'id': 's1', 'content': SPEC}, {'content': SPEC_2}, {'content': SPEC_2}),
    'portal_email_config': (
        {'id': 'c1', 'domain_name': 'mail.example.com', 'from_name': 'Acme'},
        {'domain_name': 'Mail.Example.com', 'from_name': 'Acme APIs'},
        {'from_name': 'Acme APIs'}),
    'portal_email_template': (
        {'name': 'reset-password', 'content': {'subject': 'Reset', 'title': 'Reset it'}},
        {'name': 'reset-password', 'content': {'subject': 'New', 'title': None, 'body': None, 'button_label': None}},
        {'content': {'subject': 'New', 'title': 'Reset it'}}),
    'application_auth_strategy': (
        {'id': 'a1', 'name': 'k', 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['apikey'], 'ttl': {'value': 3, 'unit': 'days'}}}},
        {'name': 'k', 'configs': {'key_auth': {'key_names': ['x-api-key'], 'ttl': None}, 'openid_connect': None}},
        {'configs': {'key-auth': {'key_names': ['x-api-key'], 'ttl': {'value': 3, 'unit': 'days'}}}}),
    'portal_customization': (
        {'layout': 'topnav', 'css': '.hero {}', 'theme': {'name': 'mint_rocket', 'mode': 'light'}},
        {'css': '', 'theme': {'mode': 'dark', 'name': None}},
        {'css': None, 'theme': {'name': 'mint_rocket', 'mode': 'dark'}}),
    'portal_logo': (
        {'data': 'data:image/png;base64,iVBORw0KGgpvbmU='},
        {'data': 'data:image/png,%89PNG%0D%0A%1A%0Atwo'},
        {'data': 'data:image/png;base64,iVBORw0KGgp0d28='}),
    'portal_favicon': (
        {'data': 'data:image/x-icon;base64,AAABAG9uZQ=='},
        {'data': 'data:image/jpg;base64,/9j/dHdv'},
        {'data': 'data:image/jpeg;base64,/9j/dHdv'}),
    'portal_page': (
        {'id': 'p1', 'slug': 'faq', 'parent_page_id': None, 'title': 'faq', 'content': 'Q?'},
        {'slug': '/faq', 'content': '---\ntitle: Questions\n---\nQ?'},
        {'title': 'Questions', 'content': '---\ntitle: Questions\n---\nQ?'}),
    'portal_snippet': (
        {'id': 's1', 'name': 'notice', 'title': 'notice', 'content': 'Call us'},
        {'name': 'notice', 'content': '---\ndescription: Support\n---\nCall us'},
        {'description': 'Support'}),
}


def test_every_rewritten_option_is_covered():
    assert sorted(name for name, entity in ENTITIES.items() if entity.prepare) == sorted(REWRITTEN)


@pytest.mark.parametrize('name', sorted(REWRITTEN))
def test_the_diff_shows_every_field_that_changes(name):
    entity = ENTITIES[name]
    current, options, derived = REWRITTEN[name]
    desired = decide.desired_body(entity, options, {})
    decision = decide.decide(entity, options, current, desired, {})
    assert decision.action == decide.UPDATE
    assert set(derived) <= set(decision.changes)
    names = decide.diff_names(entity, options, desired, decision.changes)
    before = decide.diff_view(entity, options, current, names)
    after = decide.diff_view(entity, options, decision.predicted, names)
    for field, value in derived.items():
        assert after[field] == value and before[field] != value, field
    assert all(after[field] == before[field] for field in names if field not in decision.changes)


def test_a_service_url_diff_names_its_parts():
    entity = ENTITIES['gateway_service']
    current, options, _derived = REWRITTEN['gateway_service']
    desired = decide.desired_body(entity, options, {})
    decision = decide.decide(entity, options, current, desired, {})
    names = decide.diff_names(entity, options, desired, decision.changes)
    assert 'url' not in names and {'protocol', 'host', 'port', 'path'} <= set(names)


def test_references_read_name_and_id():
    entity = ENTITIES['gateway_route']
    options = {'name': 'r', 'service': 'b'}
    names = ['name']
    labels = {'e75c': 'a', '0da1': 'b'}
    view = decide.diff_view(entity, options, {'id': 'r1', 'name': 'r', 'service': {'id': 'e75c'}}, names,
                            lambda reference, identifier: labels.get(identifier))
    assert view['service'] == 'a (e75c)'


def test_create_sends_secrets_and_predicts_without_them():
    entity = ENTITIES['gateway_key_auth']
    options = {'key': 'sekrit', 'tags': ['a']}
    desired = decide.desired_body(entity, options, {})
    decision = decide.decide(entity, options, None, desired, decide.secret_values(entity, options))
    assert decision.action == decide.CREATE
    assert decision.body == {'key': 'sekrit', 'tags': ['a']}
    assert 'key' not in decision.predicted


def test_put_update_sends_the_whole_entity():
    entity = ENTITIES['gateway_service']
    current = {'id': 's1', 'name': 'a', 'host': 'h', 'port': 80, 'retries': 5, 'created_at': 1}
    options = {'name': 'a', 'retries': 3}
    desired = decide.desired_body(entity, options, {})
    decision = decide.decide(entity, options, current, desired, {})
    assert decision.body == {'name': 'a', 'host': 'h', 'port': 80, 'retries': 3}
    assert decision.changes == {'retries': 3}


def test_create_only_change_is_refused_or_recreated():
    entity = ENTITIES['control_plane']
    current = {'id': 'c1', 'name': 'p', 'config': {'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE'}}
    options = {'name': 'p', 'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'}
    desired = decide.desired_body(entity, options, {})
    with pytest.raises(KonnectParameterError, match='cannot be changed once it exists'):
        decide.decide(entity, options, current, desired, {})
    decision = decide.decide(entity, dict(options, recreate=True), current, desired, {})
    assert decision.action == decide.RECREATE and decision.body['cluster_type'] == 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'


def test_a_normalized_field_compares_as_data_and_is_replaced_whole():
    entity = ENTITIES['api_specification']
    current = {'id': 'v1', 'spec': {'content': SPEC, 'type': 'oas3'}}
    same = 'paths: {}\ninfo:\n  version: "1"\n  title: t\nopenapi: 3.0.3\n'
    assert not decide.decide(entity, {}, current, decide.desired_body(entity, {'content': same}, {}), {}).writes
    api = ENTITIES['api']
    current = {'id': 'a', 'name': 'n', 'attributes': {'env': ['prod'], 'domains': ['web']}}
    decision = decide.decide(api, {}, current, decide.desired_body(api, {'name': 'n', 'attributes': {'env': ['prod']}}, {}), {})
    assert decision.changes == {'attributes': {'env': ['prod']}} and decision.predicted['attributes'] == {'env': ['prod']}


def test_unchanged_writes_nothing():
    entity = ENTITIES['team']
    current = {'id': 't', 'name': 'x', 'labels': {'a': 'b', 'KONGCTL-n': 'y'}}
    options = {'name': 'x', 'labels': {'a': 'b'}}
    decision = decide.decide(entity, options, current, decide.desired_body(entity, options, {}), {})
    assert not decision.writes and decision.predicted is current
