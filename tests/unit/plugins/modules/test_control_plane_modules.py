# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""control_plane and control_plane_info against the in-process emulator, in the eu region: the engine's decisions
(requests sent and where, predictions, PATCH bodies, labels, proxy URLs as a set, create-only cluster_type and
recreate, filters, refusals, a 429/5xx storm).

Moved from the integration target control_plane (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import assert_refused, konnect, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.storm import STORM, statuses, virtual_clock
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.test_gateway_service_modules import EuModule, names

PLANES = '/v2/control-planes'
URLS = [{'host': 'api.example.com', 'port': 443, 'protocol': 'https'}, {'host': 'api.example.net', 'port': 8443, 'protocol': 'https'}]
PROD = dict(name='it-prod-eu', description='Production gateways in Frankfurt', cluster_type='CLUSTER_TYPE_CONTROL_PLANE', proxy_urls=URLS,
            labels={'env': 'test', 'owner': 'platform'})
GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'


def bases(sent):
    return {request['base'] for request in sent}


def test_control_plane_life_in_eu(emulator):
    plane = EuModule(emulator, 'control_plane')
    predicted, sent = plane.counted(check_mode=True, diff=True, **PROD)
    guess = predicted['control_plane']
    assert predicted['changed'] and sent and not writes(sent) and bases(sent) == {'eu'}
    assert guess['id'] is None and guess['name'] == 'it-prod-eu' and guess['labels'] == {'env': 'test', 'owner': 'platform'}
    assert guess['config']['cluster_type'] == 'CLUSTER_TYPE_CONTROL_PLANE' and len(guess['config']['proxy_urls']) == 2
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'it-prod-eu'

    created, sent = plane.counted(**PROD)
    made = created['control_plane']
    assert created['changed'] and len(made['id']) == 36 and made['labels'] == {'env': 'test', 'owner': 'platform'}
    assert made['config']['cluster_type'] == 'CLUSTER_TYPE_CONTROL_PLANE' and len(made['config']['proxy_urls']) == 2
    assert '.eu.' in made['config']['control_plane_endpoint']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent)] == [('POST', PLANES, 201)]
    assert bases(sent) == {'eu'} and {request['host_family'] for request in sent} == {'regional'}
    # state is per region
    assert EuModule(emulator, 'control_plane_info')(name='it-prod-eu', konnect_region='us')['control_planes'] == []

    reordered = dict(PROD)
    reordered.update(proxy_urls=URLS[::-1], labels={'owner': 'platform', 'env': 'test'})
    again, sent = plane.counted(**reordered)
    assert not again['changed'] and again['control_plane']['id'] == made['id']
    assert [(request['method'], request['base']) for request in sent] == [('GET', 'eu')]
    by_id, sent = plane.counted(id=made['id'], description='Production gateways in Frankfurt')
    assert not by_id['changed'] and by_id['control_plane']['name'] == 'it-prod-eu'
    assert [request['path'] for request in sent] == [PLANES + '/' + made['id']]

    updated, sent = plane.counted(diff=True, name='it-prod-eu', description='Production gateways in Frankfurt and Paris',
                                  auth_type='pki_client_certs')
    result = updated['control_plane']
    assert updated['changed'] and result['id'] == made['id'] and result['description'] == 'Production gateways in Frankfurt and Paris'
    assert result['config']['auth_type'] == 'pki_client_certs' and len(result['config']['proxy_urls']) == 2
    assert (updated['diff']['before']['description'], updated['diff']['after']['description']) == (
        'Production gateways in Frankfurt', 'Production gateways in Frankfurt and Paris')
    assert (updated['diff']['before']['auth_type'], updated['diff']['after']['auth_type']) == ('pinned_client_certs', 'pki_client_certs')
    [patch] = writes(sent)
    assert patch['method'] == 'PATCH' and sorted(patch['body']) == ['auth_type', 'description'] and bases(sent) == {'eu'}

    planned, sent = plane.counted(check_mode=True, diff=True, name='it-prod-eu', description='Something else')
    assert planned['changed'] and planned['control_plane']['description'] == 'Something else' and not writes(sent)
    assert (planned['diff']['before']['description'], planned['diff']['after']['description']) == (
        'Production gateways in Frankfurt and Paris', 'Something else')
    read_back = EuModule(emulator, 'control_plane_info')(id=made['id'])['control_planes']
    assert read_back[0]['description'] == 'Production gateways in Frankfurt and Paris'


def test_control_plane_labels_merge_purge_and_keep_foreign_ones(emulator):
    plane = EuModule(emulator, 'control_plane')
    made = plane(**PROD)['control_plane']

    merged, sent = plane.counted(name='it-prod-eu', labels={'tier': 'gold'})
    assert merged['changed'] and merged['control_plane']['labels'] == {'env': 'test', 'owner': 'platform', 'tier': 'gold'}
    assert [request['body'] for request in writes(sent)] == [{'labels': {'env': 'test', 'owner': 'platform', 'tier': 'gold'}}]

    konnect(emulator, 'PATCH', PLANES + '/' + made['id'], {'labels': {'env': 'test', 'owner': 'platform', 'tier': 'gold', 'k8s-cluster': 'prod-1'}},
            region='eu')
    purged = plane(diff=True, name='it-prod-eu', labels={'tier': 'gold'}, purge_labels=True)
    assert purged['changed'] and purged['control_plane']['labels'] == {'tier': 'gold', 'k8s-cluster': 'prod-1'}
    assert purged['diff']['before']['labels'] == {'env': 'test', 'owner': 'platform', 'tier': 'gold', 'k8s-cluster': 'prod-1'}
    # a foreign label is never changed or removed
    foreign = plane(name='it-prod-eu', labels={'k8s-cluster': 'someone-else'}, purge_labels=True)
    assert foreign['changed'] and foreign['control_plane']['labels'] == {'k8s-cluster': 'prod-1'}
    assert not plane(name='it-prod-eu', labels={'k8s-cluster': 'someone-else'}, purge_labels=True)['changed']


def test_control_plane_proxy_urls_are_a_set(emulator):
    plane = EuModule(emulator, 'control_plane')
    plane(**PROD)
    reordered, sent = plane.counted(name='it-prod-eu', proxy_urls=URLS[::-1])
    assert not reordered['changed'] and len(sent) == 1
    moved = plane(name='it-prod-eu', proxy_urls=[dict(URLS[1], port=9443), URLS[0]])
    assert moved['changed'] and sorted(url['port'] for url in moved['control_plane']['config']['proxy_urls']) == [443, 9443]


def test_control_plane_cluster_type_is_create_only_unless_recreate(emulator):
    plane = EuModule(emulator, 'control_plane')
    made = plane(**PROD)['control_plane']
    assert_refused(plane, dict(name='it-prod-eu', cluster_type=GROUP), 'cluster_type', 'recreate')
    planned, sent = plane.counted(check_mode=True, name='it-prod-eu', cluster_type=GROUP, recreate=True)
    assert planned['changed'] and not writes(sent)
    assert planned['control_plane']['id'] is None and planned['control_plane']['config']['cluster_type'] == GROUP

    recreated, sent = plane.counted(diff=True, name='it-prod-eu', cluster_type=GROUP, recreate=True)
    new = recreated['control_plane']
    assert recreated['changed'] and len(new['id']) == 36 and new['id'] != made['id'] and new['config']['cluster_type'] == GROUP
    assert (recreated['diff']['before']['id'], recreated['diff']['after']['id']) == (made['id'], new['id'])
    assert [(request['method'], request['path']) for request in writes(sent)] == [('DELETE', PLANES + '/' + made['id']), ('POST', PLANES)]
    assert bases(writes(sent)) == {'eu'}
    assert EuModule(emulator, 'control_plane_info')(id=made['id'])['control_planes'] == []
    again = plane(name='it-prod-eu', cluster_type=GROUP, recreate=True)  # recreate acts on a difference only
    assert not again['changed'] and again['control_plane']['id'] == new['id']


def test_control_plane_info_lookups_and_filters(emulator):
    plane, info = EuModule(emulator, 'control_plane'), EuModule(emulator, 'control_plane_info')
    prod = plane(**dict(PROD, cluster_type=GROUP))['control_plane']
    staging = plane(name='it-staging-eu', labels={'env': 'staging'})['control_plane']

    by_name = info(name='it-staging-eu')
    assert not by_name['changed'] and [found['id'] for found in by_name['control_planes']] == [staging['id']]
    assert names(info(id=prod['id'])['control_planes']) == ['it-prod-eu']
    assert info(name='it-nowhere')['control_planes'] == []

    emulator.clear_requests()
    assert names(info(filters={'cluster_type': GROUP})['control_planes']) == ['it-prod-eu']
    assert names(info(filters={'name': {'contains': 'staging'}})['control_planes']) == ['it-staging-eu']
    sent = emulator.requests()
    assert len(sent) == 2 and sent[0]['query']['filter[cluster_type][eq]'] == [GROUP] and sent[1]['query']['filter[name][contains]'] == ['staging']

    # cloud_gateway is a plain boolean filter; name has no oeq operator in Konnect, so that one is applied to the listing
    not_cloud = info(filters={'cloud_gateway': False})['control_planes']
    assert not_cloud and {found['config']['cloud_gateway'] for found in not_cloud} == {False}
    assert sorted(names(info(filters={'name': {'oeq': ['it-prod-eu', 'it-staging-eu']}})['control_planes'])) == ['it-prod-eu', 'it-staging-eu']


def test_control_plane_bad_input_is_refused_before_any_request(emulator):
    plane = EuModule(emulator, 'control_plane')
    for args, words in ((dict(name='it-nope', konnect_token='ghp_notAKonnectToken'), ('kpat_',)),
                        (dict(name='it-nope', colour='blue'), ('colour',)),
                        (dict(name='it-nope', cluster_type='CLUSTER_TYPE_MAINFRAME'), ('cluster_type', 'CLUSTER_TYPE_MAINFRAME')),
                        (dict(name='it-nope', labels={'env': 'not a valid value!'}), ('labels', 'env'))):
        refused, sent = plane.counted(**args)
        assert refused['failed'] and sent == [], (args, sent)
        assert all(word in refused['msg'] for word in words), refused['msg']
        assert 'ghp_notAKonnectToken' not in str(refused)
    assert EuModule(emulator, 'control_plane_info')(name='it-nope')['control_planes'] == []


def test_control_plane_deletes(emulator):
    plane = EuModule(emulator, 'control_plane')
    staging = plane(name='it-staging-eu')['control_plane']
    gone = dict(name='it-staging-eu', state='absent')
    planned, sent = plane.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent_first = plane.counted(**gone)
    twice, sent_second = plane.counted(**gone)
    assert deleted['changed'] and deleted['control_plane'] == {} and not twice['changed']
    assert [(request['method'], request['path'], request['base']) for request in writes(sent_first + sent_second)] == [
        ('DELETE', PLANES + '/' + staging['id'], 'eu')]


def test_control_plane_weathers_a_storm_without_duplicates(emulator, monkeypatch):
    plane = EuModule(emulator, 'control_plane')
    clock = virtual_clock(monkeypatch)
    emulator.set_faults(STORM)
    storm, sent_create = plane.counted(name='it-storm', description='Survives')
    changed, sent_update = plane.counted(name='it-storm', description='Survived')
    emulator.set_faults({})

    assert storm['changed'] and changed['changed'] and changed['control_plane']['description'] == 'Survived'
    found = EuModule(emulator, 'control_plane_info')(filters={'name': 'it-storm'})['control_planes']
    assert [found_plane['id'] for found_plane in found] == [storm['control_plane']['id']]
    assert len([warning for warning in plane.warnings if 'not created again' in warning]) == 1
    sent = sent_create + sent_update
    assert statuses(sent).count(503) == 2 and 429 in statuses(sent) and clock.slept
    # a rate-limited create was not processed; the one that was lost its answer and was not sent again
    assert [status for status in statuses(sent, 'POST') if status != 429] == [None]
