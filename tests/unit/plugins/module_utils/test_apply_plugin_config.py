# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""``apply`` checks every plugin of its document, decK files included, against its plugin's schema before anything is
written (issue 13)."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import konnect


def document(*plugins, **control_plane):
    return {'managed_by': 'tests', 'control_planes': [dict(dict(name='edge', region='us', plugins=list(plugins)), **control_plane)]}


def refused(emulator, doc, check_mode=False):
    emulator.clear_requests()
    params = dict(connection(emulator), prune=False, parallelism=2, document=doc)
    with pytest.raises(KonnectParameterError) as caught:
        ApplyTask().execute(params, check_mode=check_mode, diff_mode=False, warn=lambda message: None, progress=lambda line: None)
    return caught.value.details.get('problems'), emulator.requests()


@pytest.mark.parametrize('check_mode', [False, True])
def test_every_plugin_problem_is_named_with_its_path_before_any_request(emulator, check_mode):
    problems, sent = refused(emulator, document(
        {'name': 'rate-limiting', 'instance_name': 'rl', 'config': {'minute': 'x', 'policy': 'memcached'}},
        {'name': 'cors', 'instance_name': 'cors', 'config': {'origin': ['*']}}), check_mode)
    assert sent == []
    assert problems == [
        "konnect_org.control_planes[0].plugins[0].config.minute: 'x' is not a number.",
        "konnect_org.control_planes[0].plugins[0].config.policy: 'memcached' is not one of cluster, local, redis.",
        'konnect_org.control_planes[0].plugins[1].config.origin: unknown field (did you mean origins?).',
    ]


def test_a_plugin_of_a_deck_file_is_checked_too(emulator, tmp_path):
    deck = tmp_path / 'edge.yaml'
    deck.write_text('_format_version: "3.0"\nplugins:\n  - {name: key-auth, config: {key_names: apikey}}\n')
    problems, sent = refused(emulator, {'managed_by': 'tests', 'control_planes': [{'name': 'edge', 'region': 'us', 'gateway_file': str(deck)}]})
    assert sent == []
    assert len(problems) == 1 and "config.key_names: 'apikey' is not a list" in problems[0], problems


def test_an_unknown_plugin_name_is_refused_after_reads_only(emulator):
    problems, sent = refused(emulator, document({'name': 'no-such-plugin', 'instance_name': 'x'}))
    assert [request['method'] for request in sent] == ['GET'] * len(sent)
    assert len(problems) == 1 and "name: 'no-such-plugin' is neither a plugin bundled" in problems[0], problems


def test_a_custom_plugin_of_the_control_plane_is_checked_against_its_schema(emulator):
    cp_id = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'edge'})['id']
    lua = 'return { name = "stamp", fields = { { config = { type = "record", fields = { { ttl = { type = "integer" } } } } } } }'
    konnect(emulator, 'POST', '/v2/control-planes/%s/core-entities/plugin-schemas' % cp_id, {'lua_schema': lua})
    problems, sent = refused(emulator, document({'name': 'stamp', 'instance_name': 'stamp', 'config': {'ttl': 'soon'}}))
    assert problems == ["konnect_org.control_planes[0].plugins[0].config.ttl: 'soon' is not an integer."], problems
    assert any('/schemas/plugins/stamp' in request['path'] for request in sent)
    assert [request['method'] for request in sent] == ['GET'] * len(sent)
    params = dict(connection(emulator), prune=False, parallelism=2, document=document({'name': 'stamp', 'instance_name': 'stamp', 'config': {'ttl': 5}}))
    result = ApplyTask().execute(params, warn=lambda message: None, progress=lambda line: None)
    assert counts_created(result)['gateway_plugin'] == 1


def counts_created(result):
    return dict((row['type'], row['created']) for row in result['summary'] if row['created'])


def test_the_encrypted_fields_of_its_plugins_are_masked_and_hidden_in_the_changes(emulator):
    config = {'route_type': 'llm/v1/chat', 'model': {'provider': 'openai'},
              'auth': {'header_name': 'Authorization', 'header_value': 'Bearer sk-Apply-Secret'}}
    params = dict(connection(emulator), prune=False, parallelism=2, document=document({'name': 'ai-proxy', 'instance_name': 'ai', 'config': config}))
    result = ApplyTask().execute(params, check_mode=False, diff_mode=True, warn=lambda message: None, progress=lambda line: None)
    assert result['changed'] and 'Bearer sk-Apply-Secret' in result['_konnect_secret_values']  # what the wrapper masks in every output
    visible = dict(result)
    visible.pop('_konnect_secret_values')
    assert 'sk-Apply-Secret' not in repr(visible)
