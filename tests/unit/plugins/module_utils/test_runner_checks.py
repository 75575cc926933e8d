# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The checks every task makes before any request, and the nested secrets the wrappers mask."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.client import check_limits
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.runner import SECRET_VALUES, EntityTask, check_labels, refuse_misplaced_values

TOKEN = 'spat_' + 'a1B2' * 10
SPEC = {'name': {'type': 'str'}, 'control_plane': {'type': 'str'}, 'konnect_token': {'type': 'str', 'no_log': True},
        'auth_strategies': {'type': 'list'}, 'wait_timeout': {'type': 'int'}}


def refusal(params, identity=('control_plane',)):
    with pytest.raises(KonnectParameterError) as raised:
        refuse_misplaced_values(SPEC, params, identity)
    return raised.value


def test_a_token_where_a_name_goes_is_refused_without_showing_it():
    error = refusal({'control_plane': TOKEN})
    assert error.msg.startswith('control_plane:') and TOKEN not in error.msg and error.details[SECRET_VALUES] == [TOKEN]
    assert refusal({'auth_strategies': ['key-auth', TOKEN]}).msg.startswith('auth_strategies:')
    refuse_misplaced_values(SPEC, {'konnect_token': TOKEN, 'name': 'kpat_short'}, ())  # where it belongs; too short to be one


def test_an_empty_identity_is_refused_but_not_an_empty_reference():
    assert refusal({'control_plane': ' '}).msg.startswith('control_plane: empty')
    refuse_misplaced_values(SPEC, {'name': ''}, ('control_plane',))


def test_options_of_the_collection_have_lower_bounds():
    assert refusal({'wait_timeout': -1}).msg == 'wait_timeout: must be 0 or more, got -1.'
    for timeout, retries in ((0, 5), (-1, 5), (30, -1)):
        with pytest.raises(KonnectParameterError):
            check_limits(timeout, retries)
    check_limits(0.5, 0)


@pytest.mark.parametrize('labels', [{'k' * 64: 'v'}, {'env': u'pr\u00f6d'}, {'env': '-prod'}, {'env': 'x' * 64}, {'env': ''}, {'env': 3}])
def test_labels_konnect_refuses(labels):
    with pytest.raises(KonnectParameterError) as raised:
        check_labels('labels', labels)
    assert raised.value.msg.startswith('labels: ')


def test_labels_konnect_takes():
    check_labels('labels', {'env': 'prod', 'team.name': 'a_b-c.d', 'gone': None, 'x': '1'})


def test_secret_keys_inside_dict_options_are_hidden_but_not_their_neighbours():
    cluster = EntityTask('event_gateway_backend_cluster')
    hidden = cluster.hidden_values({'authentication': {'type': 'sasl_plain', 'username': 'gw', 'password': 'pw-1'},
                                    'tls': {'enabled': True, 'client_identity': {'certificate': 'CERT', 'key': 'KEY'}}})
    assert sorted(hidden) == ['KEY', 'pw-1']
    registry = EntityTask('event_gateway_schema_registry')
    assert registry.hidden_values({'config': {'authentication': {'type': 'basic', 'username': 'u', 'password': 'pw-2'}}}) == ['pw-2']
