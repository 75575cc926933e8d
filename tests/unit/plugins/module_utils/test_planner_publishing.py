# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""apply on the sections of issue 10: auth strategies, DCR providers, APIs and portals, against the emulator."""

from __future__ import annotations

import copy

from ansible_collections.konnect.konnect.plugins.module_utils.runner import SECRET_VALUES
from ansible_collections.konnect.konnect.tests.unit.plugins.module_utils.test_planner import apply, counts, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import konnect

KEY_AUTH = {'name': 'key-auth', 'region': 'us', 'display_name': 'API key', 'strategy_type': 'key_auth',
            'configs': {'key_auth': {'key_names': ['apikey']}}}
OKTA = {'name': 'okta', 'region': 'us', 'provider_type': 'okta', 'issuer': 'https://acme.okta.com/oauth2/default',
        'dcr_config': {'dcr_token': 'okta-dcr-token-secret'}}
OIDC = {'name': 'oidc', 'region': 'us', 'display_name': 'OIDC', 'strategy_type': 'openid_connect', 'dcr_provider': 'okta',
        'configs': {'openid_connect': {'issuer': 'https://acme.okta.com/oauth2/default', 'credential_claim': ['sub'],
                                       'scopes': ['openid'], 'auth_methods': ['client_credentials']}}}
DOCUMENT = {'managed_by': 'publishing', 'dcr_providers': [OKTA], 'auth_strategies': [KEY_AUTH, OIDC]}


def test_strategies_and_providers_converge_in_order_then_change_nothing(emulator):
    first = apply(emulator, DOCUMENT)
    assert counts(first, 'created') == {'dcr_provider': 1, 'application_auth_strategy': 2}
    posts = [request['path'] for request in writes(first)]
    assert posts.index('/v2/dcr-providers') < posts.index('/v2/application-auth-strategies')
    shown = dict((key, value) for key, value in first.items() if key not in ('requests', SECRET_VALUES))
    assert 'okta-dcr-token-secret' not in str(shown) and 'okta-dcr-token-secret' in first[SECRET_VALUES]
    again = apply(emulator, DOCUMENT)
    assert not again['changed'] and not writes(again)
    assert len(again['requests']) == 2  # one list per collection


def test_check_mode_plans_a_strategy_on_a_provider_it_would_create(emulator):
    planned = apply(emulator, DOCUMENT, check_mode=True)
    assert planned['changed'] and not writes(planned)
    assert counts(planned, 'created') == {'dcr_provider': 1, 'application_auth_strategy': 2}


def test_prune_deletes_owned_strategies_only(emulator):
    apply(emulator, DOCUMENT)
    konnect(emulator, 'POST', '/v2/application-auth-strategies', {'name': 'by-hand', 'display_name': 'x', 'strategy_type': 'key_auth',
                                                                 'configs': {'key-auth': {'key_names': ['k']}}})
    document = dict(copy.deepcopy(DOCUMENT), prune=True, auth_strategies=[KEY_AUTH])
    result = apply(emulator, document)
    assert counts(result, 'deleted') == {'application_auth_strategy': 1}
    names = [item['name'] for item in konnect(emulator, 'GET', '/v2/application-auth-strategies')['data']]
    assert sorted(names) == ['by-hand', 'key-auth']


PORTAL = {
    'name': 'developers', 'region': 'us',
    'developers': [{'email': 'Ana@Example.com', 'full_name': 'Ana Lima', 'status': 'approved'}],
    'teams': [{'name': 'partners', 'description': 'Partner developers', 'developers': ['ana@example.com']}],
}


def test_a_portal_with_teams_and_developers(emulator):
    document = dict(copy.deepcopy(DOCUMENT), portals=[PORTAL])
    planned = apply(emulator, document, check_mode=True)
    assert not writes(planned)
    assert counts(planned, 'created') == {'dcr_provider': 1, 'application_auth_strategy': 2, 'portal': 1, 'portal_team': 1,
                                          'portal_developer': 1, 'portal_team_developer': 1}
    first = apply(emulator, document)
    assert counts(first, 'created') == counts(planned, 'created')
    again = apply(emulator, document)
    assert not again['changed'] and not writes(again), again['changes']
