# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""apply on the sections of issue 10: auth strategies, DCR providers, APIs and portals, against the emulator."""

from __future__ import annotations

import copy

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
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
    by_hand = {'name': 'by-hand', 'display_name': 'x', 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['k']}}}
    konnect(emulator, 'POST', '/v2/application-auth-strategies', by_hand)
    document = dict(copy.deepcopy(DOCUMENT), prune=True, auth_strategies=[KEY_AUTH])
    result = apply(emulator, document)
    assert counts(result, 'deleted') == {'application_auth_strategy': 1}
    names = [item['name'] for item in konnect(emulator, 'GET', '/v2/application-auth-strategies')['data']]
    assert sorted(names) == ['by-hand', 'key-auth']


PORTAL = {
    'name': 'developers', 'region': 'us', 'display_name': 'Developers', 'authentication_enabled': True, 'rbac_enabled': True,
    'default_application_auth_strategy': 'key-auth', 'default_content': True,
    'customization': {'theme': {'mode': 'dark'}, 'css': 'body { margin: 0 }'},
    'auth_settings': {'basic_auth_enabled': True},
    'custom_domain': {'hostname': 'developer.example.com', 'enabled': True, 'domain_verification_method': 'http'},
    'pages': [{'slug': '/', 'title': 'Home', 'content': '# Welcome', 'status': 'published', 'visibility': 'public'},
              {'slug': 'guides', 'title': 'Guides', 'content': '# Guides', 'pages': [
                  {'slug': 'start', 'title': 'Getting started', 'content': '# Start here'}]}],
    'snippets': [{'name': 'banner', 'content': 'Hello'}],
    'developers': [{'email': 'Ana@Example.com', 'full_name': 'Ana Lima', 'status': 'approved'}],
    'teams': [{'name': 'partners', 'description': 'Partner developers', 'developers': ['ana@example.com']}],
}


def test_a_portal_with_teams_and_developers(emulator):
    document = dict(copy.deepcopy(DOCUMENT), portals=[PORTAL])
    planned = apply(emulator, document, check_mode=True)
    assert not writes(planned)
    assert counts(planned, 'created') == {'dcr_provider': 1, 'application_auth_strategy': 2, 'portal': 1, 'portal_team': 1,
                                          'portal_developer': 1, 'portal_team_developer': 1, 'portal_custom_domain': 1,
                                          'portal_page': 3, 'portal_snippet': 1}
    assert counts(planned, 'updated') == {'portal_customization': 1, 'portal_auth_settings': 1}  # made with the portal
    first = apply(emulator, document)
    # Konnect's default content came with the portal: its home page is updated, not created twice
    assert counts(first, 'created') == dict(counts(planned, 'created'), portal_page=2)
    assert counts(first, 'updated') == {'portal_customization': 1, 'portal_page': 1}  # basic auth is on from the start
    portal = first['ids']['portal']['us/developers']
    pages = konnect(emulator, 'GET', '/v3/portals/%s/pages' % portal)['data']
    assert sorted(page['slug'].strip('/') for page in pages) == ['', 'about', 'guides', 'privacy']
    guides = [page for page in pages if page['slug'].strip('/') == 'guides'][0]
    assert [child['slug'] for child in guides['children']] == ['start']
    again = apply(emulator, document)
    assert not again['changed'] and not writes(again), again['changes']


SPEC = '''openapi: 3.0.3
info: {title: Orders, version: 1.0.0}
paths:
  /orders:
    get:
      responses:
        '200': {description: The orders}
'''


def publishing_document():
    """An API implemented by a gateway service, published to a portal with a key-auth strategy; a team with a role on it,
    a developer in the team, and an application registered for the API."""
    portal = copy.deepcopy(PORTAL)
    portal['teams'][0]['roles'] = [{'role_name': 'API Consumer', 'api': 'orders'}]
    portal['teams'][0]['can_own_applications'] = True
    portal['applications'] = [{'name': 'ana-app', 'developer': 'ana@example.com', 'auth_strategy': 'key-auth',
                               'registrations': [{'api': 'orders', 'status': 'approved'}]}]
    api = {'name': 'orders', 'version': 'v1', 'region': 'us', 'description': 'Orders API',
           'specification': {'content': SPEC},
           'documents': [{'slug': 'overview', 'title': 'Overview', 'content': '# Orders', 'status': 'published',
                          'documents': [{'slug': 'auth', 'title': 'Authentication', 'content': 'Use an API key.', 'status': 'published'}]}],
           'implementation': {'control_plane': 'orders-prod', 'service': 'orders'},
           'publications': [{'portal': 'developers', 'visibility': 'public', 'auth_strategies': ['key-auth']}]}
    control_plane = {'name': 'orders-prod', 'region': 'us', 'services': [{'name': 'orders', 'url': 'http://orders.internal:8080'}]}
    return dict(copy.deepcopy(DOCUMENT), control_planes=[control_plane], apis=[api], portals=[portal])


def test_an_api_published_to_a_portal_converges_and_then_changes_nothing(emulator):
    document = publishing_document()
    planned = apply(emulator, document, check_mode=True)
    assert not writes(planned)
    created = counts(planned, 'created')
    assert created['api'] == 1 and created['api_specification'] == 1 and created['api_document'] == 2
    assert created['api_implementation'] == 1 and created['api_publication'] == 1 and created['portal_team_role'] == 1
    assert created['portal_application'] == 1 and created['portal_application_registration'] == 1
    first = apply(emulator, document, diff_mode=True)
    assert counts(first, 'created') == dict(created, portal_page=2)
    registrations = konnect(emulator, 'GET', '/v3/portals/%s/application-registrations' % first['ids']['portal']['us/developers'])['data']
    assert [registration['status'] for registration in registrations] == ['approved']
    again = apply(emulator, document)
    assert not again['changed'] and not writes(again), again['changes']
    planned_again = apply(emulator, document, check_mode=True)
    assert not planned_again['changed']


def test_prune_deletes_what_a_listed_section_no_longer_lists_and_owned_top_level_entities(emulator):
    document = publishing_document()
    first = apply(emulator, document)
    portal_id = first['ids']['portal']['us/developers']
    other = konnect(emulator, 'POST', '/v3/portals', {'name': 'by-hand'})  # not the document's: never pruned
    pruned = copy.deepcopy(document)
    pruned['prune'] = True
    portal = pruned['portals'][0]
    portal['pages'] = [page for page in portal['pages'] if page['slug'] != 'guides']
    portal['snippets'] = []
    portal['teams'][0]['roles'] = []
    pruned['auth_strategies'] = [KEY_AUTH]  # oidc and its provider are no longer listed
    pruned['dcr_providers'] = []
    planned = apply(emulator, pruned, check_mode=True)
    assert not writes(planned)
    result = apply(emulator, pruned)
    assert counts(result, 'deleted') == counts(planned, 'deleted')
    deleted = counts(result, 'deleted')
    # the default content's pages (/about, /privacy) are not listed either: a listed section is the whole list
    assert deleted == {'portal_page': 4, 'portal_snippet': 3, 'portal_team_role': 1, 'application_auth_strategy': 1, 'dcr_provider': 1}
    slugs = sorted(page['slug'].strip('/') for page in konnect(emulator, 'GET', '/v3/portals/%s/pages' % portal_id)['data'])
    assert slugs == ['']
    assert konnect(emulator, 'GET', '/v3/portals/%s' % other['id'])['name'] == 'by-hand'
    assert not apply(emulator, pruned)['changed']


def test_a_document_with_a_missing_spec_file_or_a_repeated_entry_is_refused_before_any_request(emulator):
    document = publishing_document()
    document['apis'][0]['specification'] = {'src': '/nowhere/orders.yaml'}
    document['portals'][0]['snippets'].append({'name': 'banner', 'content': 'again'})
    document['portals'][0]['teams'][0]['developers'].append('ana@example.com')
    document['audit_log_webhooks'] = [{'region': 'us', 'enabled': False}, {'region': 'us', 'enabled': True}]
    network = {'name': 'prod', 'provider': 'aws', 'region': 'us-east-2', 'availability_zones': ['use2-az1'], 'cidr_block': '10.0.0.0/16'}
    document['cloud_gateway_networks'] = [network, dict(network, region='us-west-2')]
    emulator.clear_requests()
    with pytest.raises(KonnectParameterError) as refused:
        apply(emulator, document)
    assert refused.value.details['problems'] == [
        "konnect_org.apis[0].specification.src: '/nowhere/orders.yaml' is not a file",
        "konnect_org.portals[0].snippets[1]: name 'banner' is listed twice",
        "konnect_org.portals[0].teams[0].developers[1]: developer 'ana@example.com' is listed twice",
        "konnect_org.audit_log_webhooks[1]: region 'us' is listed twice",
        "konnect_org.cloud_gateway_networks[1]: name 'prod' is listed twice"]
    assert not emulator.requests()


def test_auth_servers_realms_and_audit_log_destinations_converge_then_change_nothing(emulator, tmp_path):
    secret_file = tmp_path / 'secrets' / 'billing.secret'
    auth_server = {'name': 'partners', 'region': 'us', 'audience': 'https://api.example.com',
                   'scopes': [{'name': 'orders:read', 'description': 'Read orders'}],
                   'claims': [{'name': 'tier', 'value': 'gold'}],
                   'clients': [{'name': 'billing', 'grant_types': ['client_credentials'], 'response_types': ['token'],
                                'allow_scopes': ['orders:read'], 'client_secret_file': str(secret_file)}]}
    realm = {'name': 'partners', 'region': 'us', 'allowed_control_planes': ['*'], 'consumers': [{'username': 'acme'}]}
    destination = {'name': 'siem', 'region': 'us', 'endpoint': 'https://siem.example.com/konnect', 'authorization': 'Bearer siem-secret-token',
                   'log_format': 'cef'}
    document = {'managed_by': 'identity', 'auth_servers': [auth_server], 'realms': [realm], 'audit_log_destinations': [destination]}
    planned = apply(emulator, document, check_mode=True)
    assert not writes(planned)
    first = apply(emulator, document, diff_mode=True)
    minted = [request for request in first['requests'] if request['path'].endswith('/clients') and request['method'] == 'POST']
    assert minted and 'client_secret' not in str(first['diff']) and 'client_secret' not in str(first['changes'])
    assert counts(first, 'created') == counts(planned, 'created') == {
        'audit_log_destination': 1, 'realm': 1, 'realm_consumer': 1, 'auth_server': 1, 'auth_server_scope': 1, 'auth_server_claim': 1,
        'auth_server_client': 1}
    shown = dict((key, value) for key, value in first.items() if key not in ('requests', SECRET_VALUES))
    assert 'siem-secret-token' not in str(shown)
    minted = secret_file.read_text()
    assert minted and minted in first[SECRET_VALUES] and minted not in str(shown), 'the client secret Konnect answered once is kept'
    assert oct(secret_file.stat().st_mode & 0o777) == '0o600' and oct(secret_file.parent.stat().st_mode & 0o777) == '0o700'
    written = secret_file.stat().st_mtime_ns
    again = apply(emulator, document)
    assert secret_file.stat().st_mtime_ns == written and secret_file.read_text() == minted
    assert not again['changed'] and not writes(again), again['changes']


def test_audit_log_webhook_and_cloud_gateways_converge_waiting_then_change_nothing(emulator):
    emulator.set_provisioning(delay_seconds=0.3)
    destination = {'name': 'siem', 'region': 'us', 'endpoint': 'https://siem.example.com/konnect', 'authorization': 'Bearer siem-token',
                   'log_format': 'cef'}
    network = {'name': 'prod', 'provider': 'aws', 'region': 'us-east-2', 'availability_zones': ['use2-az1', 'use2-az2'],
               'cidr_block': '10.0.0.0/16', 'wait': True, 'wait_timeout': 60}
    configuration = {'control_plane': 'payments', 'region': 'us', 'wait': True, 'wait_timeout': 60,
                     'dataplane_groups': [{'provider': 'aws', 'region': 'us-east-2', 'network': 'prod',
                                           'autoscale': {'kind': 'autopilot', 'base_rps': 100}}]}
    document = {'managed_by': 'cloud', 'control_planes': [{'name': 'payments', 'region': 'us', 'cloud_gateway': True}],
                'audit_log_destinations': [destination],
                'audit_log_webhooks': [{'region': 'us', 'enabled': True, 'audit_log_destination': 'siem'}],
                'cloud_gateway_networks': [network], 'cloud_gateway_configurations': [configuration]}
    planned = apply(emulator, document, check_mode=True)
    assert not writes(planned), writes(planned)
    assert counts(planned, 'created') == {'control_plane': 1, 'audit_log_destination': 1, 'cloud_gateway_network': 1,
                                          'cloud_gateway_configuration': 1}
    assert counts(planned, 'updated') == {'audit_log_webhook': 1}
    first = apply(emulator, document)
    assert counts(first, 'created') == counts(planned, 'created') and counts(first, 'updated') == counts(planned, 'updated')
    webhook = konnect(emulator, 'GET', '/v3/audit-log-webhook')
    assert webhook['enabled'] and webhook['audit_log_destination_id'] == first['ids']['audit_log_destination']['us/siem']
    networks = konnect(emulator, 'GET', '/v2/cloud-gateways/networks', region='global')['data']
    assert [(item['name'], item['state']) for item in networks] == [('prod', 'ready')], 'the configuration waited for its network'
    configuration_read = konnect(emulator, 'GET', '/v2/cloud-gateways/configurations', region='global')['data']
    assert [group['state'] for group in configuration_read[0]['dataplane_groups']] == ['ready']
    assert configuration_read[0]['dataplane_groups'][0]['cloud_gateway_network_id'] == networks[0]['id']
    assert any(line.startswith("cloud gateway network 'prod': ready after") for line in first['progress']), first['progress']
    again = apply(emulator, document)
    assert not again['changed'] and not writes(again), again['changes']
