# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The engine against a small in-memory Konnect, to pin down its decisions request by request."""

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.engine import InfoEngine, engine_for
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LOOKUP_FILTER, Entity, Field
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.tests.unit.plugins.module_utils.fake_konnect import FakeKonnect

ENTITIES = all_entities()

CP_ID = '11111111-1111-4111-8111-111111111111'
MISSING_ID = '99999999-9999-4999-8999-999999999999'

SECRET_THING = Entity('secret_thing', 'secret thing', '/v3/things', fields=[Field('name'), Field('client_secret', secret=True)],
                      lookup=LOOKUP_FILTER)


def registry(name):
    return SECRET_THING if name == 'secret_thing' else ENTITIES[name]


def run(entity_name, params, konnect, check_mode=False, diff_mode=False):
    params = dict(params)
    params.setdefault('state', 'present')
    entity = registry(entity_name)
    return engine_for(entity)(entity, params, konnect, registry, check_mode=check_mode, diff_mode=diff_mode,
                              sleep=lambda s: None).run()


@pytest.fixture
def konnect():
    fake = FakeKonnect()
    fake.store['/v3/teams'] = []
    fake.seed('/v2/control-planes', {'id': CP_ID, 'name': 'prod', 'labels': {}, 'config': {'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE'}})
    fake.store['/v2/control-planes/%s/core-entities/services' % CP_ID] = []
    return fake


def test_create_then_noop_with_one_request(konnect):
    result = run('team', {'name': 'ops', 'description': 'd'}, konnect)
    assert result['changed'] and result['team']['id'] and result['action'] == 'created'
    konnect.calls = []
    result = run('team', {'name': 'ops', 'description': 'd'}, konnect)
    assert not result['changed'] and len(konnect.calls) == 1


def test_check_mode_predicts_and_writes_nothing(konnect):
    result = run('team', {'name': 'ops', 'labels': {'a': 'b'}}, konnect, check_mode=True, diff_mode=True)
    assert result['changed'] and result['team'] == {'id': None, 'name': 'ops', 'labels': {'a': 'b'}}
    assert result['diff'] == {'before': {}, 'after': {'name': 'ops', 'labels': {'a': 'b'}}}
    assert konnect.writes() == []


def test_patch_sends_only_what_differs_and_nulls_purged_labels(konnect):
    konnect.seed('/v3/teams', {'id': 't1', 'name': 'ops', 'description': 'old', 'labels': {'a': '1', 'b': '2', 'KONGCTL-x': 'y'}})
    result = run('team', {'name': 'ops', 'description': 'old', 'labels': {'a': '1'}, 'purge_labels': True}, konnect, diff_mode=True)
    assert result['changed']
    assert konnect.writes() == [('PATCH', '/v3/teams/t1', {'labels': {'a': '1', 'KONGCTL-x': 'y', 'b': None}})]
    assert result['diff']['before']['labels'] == {'a': '1', 'b': '2', 'KONGCTL-x': 'y'}


def test_labels_merge_by_default_and_are_idempotent(konnect):
    konnect.seed('/v3/teams', {'id': 't1', 'name': 'ops', 'labels': {'a': '1', 'b': '2'}})
    assert not run('team', {'name': 'ops', 'labels': {'a': '1'}}, konnect)['changed']
    assert run('team', {'name': 'ops', 'labels': {'c': '3'}}, konnect)['changed']
    assert konnect.writes()[-1][2] == {'labels': {'a': '1', 'b': '2', 'c': '3'}}


def test_create_only_field_fails_clearly_unless_recreate(konnect):
    with pytest.raises(KonnectParameterError, match='cluster_type.*recreate: true'):
        run('control_plane', {'name': 'prod', 'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'}, konnect)
    assert konnect.writes() == []
    result = run('control_plane', {'name': 'prod', 'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', 'recreate': True}, konnect)
    assert [call[0] for call in konnect.writes()] == ['DELETE', 'POST'] and result['control_plane']['id'] != CP_ID


def test_response_paths_are_compared(konnect):
    assert not run('control_plane', {'name': 'prod', 'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE'}, konnect)['changed']


def test_put_update_sends_the_whole_entity_with_merged_tags(konnect):
    services = '/v2/control-planes/%s/core-entities/services' % CP_ID
    konnect.seed(services, {'id': 's1', 'name': 'orders', 'host': 'a', 'port': 80, 'tags': ['x', 'konnect-managed'], 'path': None,
                            'created_at': 1, 'updated_at': 1})
    result = run('gateway_service', {'control_plane': CP_ID, 'name': 'orders', 'host': 'b', 'tags': ['y']}, konnect)
    assert result['changed'] and len(konnect.calls) == 3  # the lookup, the control plane's type (before writing), the PUT
    assert konnect.calls[1][:2] == ('GET', '/v2/control-planes/%s' % CP_ID)
    assert konnect.writes() == [('PUT', services + '/s1', {'name': 'orders', 'host': 'b', 'port': 80, 'tags': ['x', 'konnect-managed', 'y']})]


def test_service_url_is_split_into_its_parts(konnect):
    services = '/v2/control-planes/%s/core-entities/services' % CP_ID
    konnect.seed(services, {'id': 's1', 'name': 'orders', 'protocol': 'https', 'host': 'h', 'port': 8443, 'path': '/v1'})
    assert not run('gateway_service', {'control_plane': CP_ID, 'name': 'orders', 'url': 'https://h:8443/v1'}, konnect)['changed']
    with pytest.raises(KonnectParameterError, match='url'):
        run('gateway_service', {'control_plane': CP_ID, 'name': 'orders', 'url': 'not a url'}, konnect)


def test_parent_by_name_is_resolved_and_a_missing_parent_fails_without_writes(konnect):
    run('gateway_service', {'control_plane': 'prod', 'name': 'orders', 'host': 'h'}, konnect)
    assert konnect.writes()[0][1] == '/v2/control-planes/%s/core-entities/services' % CP_ID
    with pytest.raises(KonnectParameterError, match="control_plane: no control plane 'nope'"):
        run('gateway_service', {'control_plane': 'nope', 'name': 'orders', 'host': 'h'}, konnect)
    konnect.calls = []
    with pytest.raises(KonnectParameterError, match='control_plane: no control plane with id'):
        run('gateway_service', {'control_plane': MISSING_ID, 'name': 'orders', 'host': 'h'}, konnect)
    assert konnect.writes() == []


def test_delete_and_delete_of_absent(konnect):
    konnect.seed('/v3/teams', {'id': 't1', 'name': 'ops'})
    assert run('team', {'name': 'ops', 'state': 'absent'}, konnect) == {'changed': True, 'team': {}, 'action': 'deleted'}
    assert run('team', {'name': 'ops', 'state': 'absent'}, konnect) == {'changed': False, 'team': {}, 'action': 'unchanged'}
    assert [call[0] for call in konnect.writes()] == ['DELETE']


def test_absent_under_a_missing_parent_is_not_an_error(konnect):
    assert not run('gateway_service', {'control_plane': 'gone', 'name': 'orders', 'state': 'absent'}, konnect)['changed']


def test_ambiguous_create_is_looked_up_not_repeated(konnect):
    konnect.drop_next_post = True
    result = run('team', {'name': 'ops'}, konnect)
    assert result['changed'] and len(konnect.store['/v3/teams']) == 1
    assert [call[0] for call in konnect.writes()] == ['POST']


def test_secrets_sent_on_create_only_by_default_and_hidden_in_diff(konnect):
    konnect.store['/v3/things'] = []
    result = run('secret_thing', {'name': 'idp', 'client_secret': 's3cr3t'}, konnect, diff_mode=True)
    assert konnect.writes()[0][2] == {'name': 'idp', 'client_secret': 's3cr3t'}
    assert result['diff']['after']['client_secret'] == '********'
    konnect.store['/v3/things'][0].pop('client_secret')  # Konnect never returns it
    assert not run('secret_thing', {'name': 'idp', 'client_secret': 'other'}, konnect)['changed']
    result = run('secret_thing', {'name': 'idp', 'client_secret': 'other', 'update_secrets': 'always'}, konnect)
    assert result['changed'] and konnect.writes()[-1][2] == {'client_secret': 'other'}


def test_id_lookup_allows_rename_and_unknown_id_fails(konnect):
    konnect.seed('/v3/teams', {'id': 't1', 'name': 'ops'})
    assert run('team', {'id': 't1', 'name': 'sre'}, konnect)['team']['name'] == 'sre'
    with pytest.raises(KonnectParameterError, match='id: no team'):
        run('team', {'id': MISSING_ID, 'name': 'x'}, konnect)


def test_ambiguous_names_fail_with_the_candidates(konnect):
    konnect.seed('/v3/teams', {'id': 't1', 'name': 'ops'})
    konnect.seed('/v3/teams', {'id': 't2', 'name': 'ops'})
    with pytest.raises(Exception, match="Found 2 teams with 'ops'.*t1, t2"):
        run('team', {'name': 'ops'}, konnect)


def test_info_by_name_and_with_local_filters(konnect):
    services = '/v2/control-planes/%s/core-entities/services' % CP_ID
    konnect.seed(services, {'id': 's1', 'name': 'a', 'protocol': 'https'})
    konnect.seed(services, {'id': 's2', 'name': 'b', 'protocol': 'http'})
    entity = ENTITIES['gateway_service']
    by_filter = InfoEngine(entity, {'control_plane': CP_ID, 'filters': {'protocol': 'https'}}, konnect, registry).run()
    assert [s['id'] for s in by_filter['gateway_services']] == ['s1'] and by_filter['changed'] is False
    with pytest.raises(KonnectParameterError, match='unknown operator'):
        InfoEngine(entity, {'control_plane': CP_ID, 'filters': {'name': {'like': 'a'}}}, konnect, registry).run()


@pytest.mark.parametrize('cluster_type, words', [('CLUSTER_TYPE_CONTROL_PLANE_GROUP', 'control plane group'),
                                                 ('CLUSTER_TYPE_K8S_INGRESS_CONTROLLER', 'Kong Ingress Controller')])
def test_no_gateway_writes_into_groups_or_ingress_managed_control_planes(konnect, cluster_type, words):
    konnect.store['/v2/control-planes'][0]['config']['cluster_type'] = cluster_type
    with pytest.raises(KonnectParameterError, match=words):
        run('gateway_service', {'control_plane': 'prod', 'name': 'orders', 'host': 'h'}, konnect)
    with pytest.raises(KonnectParameterError, match=words):
        run('gateway_service', {'control_plane': CP_ID, 'name': 'orders', 'host': 'h'}, konnect, check_mode=True)
    assert konnect.writes() == []


def test_a_hashed_secret_must_be_given_to_replace_the_credential(konnect):
    consumers = '/v2/control-planes/%s/core-entities/consumers' % CP_ID
    konnect.seed(consumers, {'id': 'c1', 'username': 'ann'})
    basic = consumers + '/c1/basic-auth'
    konnect.seed(basic, {'id': 'b1', 'username': 'ann', 'password': 'hash-of-the-password', 'tags': []})
    with pytest.raises(KonnectParameterError, match='password: needed to change'):
        run('gateway_basic_auth', {'control_plane': CP_ID, 'consumer': 'ann', 'username': 'ann', 'tags': ['x']}, konnect)
    result = run('gateway_basic_auth', {'control_plane': CP_ID, 'consumer': 'ann', 'username': 'ann', 'password': 'pw', 'tags': ['x']}, konnect)
    assert result['changed'] and konnect.writes()[-1][2]['password'] == 'pw'  # never the stored hash
    assert result['gateway_basic_auth']['password'] == '********'


def test_a_value_konnect_counts_down_is_not_compared(konnect):
    consumers = '/v2/control-planes/%s/core-entities/consumers' % CP_ID
    konnect.seed(consumers, {'id': 'c1', 'username': 'ann'})
    konnect.seed(consumers + '/c1/key-auth', {'id': 'k1', 'key': 'secret-key', 'ttl': 3599})
    assert not run('gateway_key_auth', {'control_plane': CP_ID, 'consumer': 'ann', 'key': 'secret-key', 'ttl': 3600}, konnect)['changed']


def test_diff_of_a_route_moved_to_another_service_names_both_services(konnect):
    services = '/v2/control-planes/%s/core-entities/services' % CP_ID
    old = konnect.seed(services, {'id': 'e75c0000-0000-4000-8000-000000000001', 'name': 'a'})
    new = konnect.seed(services, {'id': '0da10000-0000-4000-8000-000000000002', 'name': 'b'})
    konnect.seed('/v2/control-planes/%s/core-entities/routes' % CP_ID, {'id': 'r1', 'name': 'r', 'paths': ['/'], 'service': {'id': old['id']}})
    result = run('gateway_route', {'control_plane': CP_ID, 'name': 'r', 'service': 'b'}, konnect, check_mode=True, diff_mode=True)
    assert result['diff']['before']['service'] == 'a (%s)' % old['id']
    assert result['diff']['after']['service'] == 'b (%s)' % new['id']
    assert konnect.writes() == []


def test_diff_of_a_service_url_shows_its_parts(konnect):
    konnect.seed('/v2/control-planes/%s/core-entities/services' % CP_ID,
                 {'id': 's1', 'name': 'a', 'protocol': 'https', 'host': 'a.internal', 'port': 443, 'path': '/v1'})
    result = run('gateway_service', {'control_plane': CP_ID, 'name': 'a', 'url': 'https://b.internal:8443/v2'}, konnect,
                 check_mode=True, diff_mode=True)
    assert result['diff']['before'] == {'id': 's1', 'name': 'a', 'protocol': 'https', 'host': 'a.internal', 'port': 443, 'path': '/v1'}
    assert result['diff']['after'] == {'id': 's1', 'name': 'a', 'protocol': 'https', 'host': 'b.internal', 'port': 8443, 'path': '/v2'}
