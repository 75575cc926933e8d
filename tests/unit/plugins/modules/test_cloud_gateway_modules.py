# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Dedicated cloud gateways against the emulator: networks, configurations, custom domains, transit gateways, private DNS and
add-ons through their life cycle; waiting that reaches ready, times out, and reports a failed provisioning."""

from __future__ import annotations

import time

import pytest
import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    returned,
    writes,
)

FAST = 0.02  # seconds the emulator takes to provision, in these tests
AWS = dict(provider='aws', region='us-east-2', availability_zones=['use2-az1', 'use2-az2'], cidr_block='10.0.0.0/16')


@pytest.fixture
def cloud(emulator):
    emulator.set_provisioning(delay_seconds=FAST)
    return emulator


def settle():
    time.sleep(FAST * 3)


def new_network(emulator, name='prod', **extra):
    module = Module(emulator, 'cloud_gateway_network')
    result = module(name=name, wait=True, **dict(AWS, **extra))
    assert not result.get('failed'), result
    return returned(module, result)


def new_control_plane(emulator, name='payments', region='us'):
    return konnect(emulator, 'POST', '/v2/control-planes', {'name': name, 'cloud_gateway': True}, region=region)


# -- networks --------------------------------------------------------------------------------------------------------


def test_network_lifecycle(cloud):
    """A network's one changeable field is its name (its natural key): the update here is a re-creation in another CIDR
    block, waited for; the rename by id has its own test."""
    network = Module(cloud, 'cloud_gateway_network')
    created = assert_lifecycle(network, create=dict(name='prod', wait=True, **AWS),
                               update=dict(cidr_block='10.2.0.0/16', recreate=True))
    assert created['state'] == 'ready' and created['cloud_gateway_provider_account_id']


def test_waiting_reports_progress(cloud):
    cloud.set_provisioning(delay_seconds=1.0)  # the first read comes after at most 0.5 s of backoff: still initializing
    network = Module(cloud, 'cloud_gateway_network')
    assert network(name='prod', wait=True, **AWS)['cloud_gateway_network']['state'] == 'ready'
    assert network.progress[-1].startswith("cloud gateway network 'prod': ready after "), network.progress
    assert any(": initializing after " in line for line in network.progress), network.progress


def test_network_rename_by_id(cloud):
    network = Module(cloud, 'cloud_gateway_network')
    first = new_network(cloud, 'prod')
    renamed = assert_lifecycle(network, create=dict(id=first['id'], name='prod-us'), update=dict(name='prod-us-east'),
                               absent=dict(name='prod-us-east', wait=True))
    assert renamed['id'] == first['id']


def test_network_create_idempotent_and_delete_twice(cloud):
    network = Module(cloud, 'cloud_gateway_network')
    predicted, sent = network.counted(check_mode=True, name='edge', **AWS)
    assert predicted['changed'] and not writes(sent)
    created, sent = network.counted(name='edge', **AWS)
    assert created['changed'] and returned(network, created)['state'] == 'initializing'
    settle()
    reordered = dict(AWS)
    reordered['availability_zones'] = ['use2-az2', 'use2-az1']
    again, sent = network.counted(name='edge', **reordered)
    assert not again.get('changed') and len(sent) == 1, again
    gone, sent = network.counted(name='edge', state='absent')
    assert gone['changed'] and writes(sent)
    twice, sent = network.counted(name='edge', state='absent')
    assert not twice['changed'] and not writes(sent), 'a terminating network is not deleted again'
    waited, sent = network.counted(name='edge', state='absent', wait=True)
    assert not waited['changed'] and not writes(sent)
    assert Module(cloud, 'cloud_gateway_network_info')()['cloud_gateway_networks'] == []


def test_network_diff_and_create_only_refusal(cloud):
    network = Module(cloud, 'cloud_gateway_network')
    new_network(cloud, 'prod')
    result = network(diff=True, check_mode=True, id=returned(network, network(name='prod', **AWS))['id'], name='renamed')
    assert result['diff']['before']['name'] == 'prod' and result['diff']['after']['name'] == 'renamed'
    assert_refused(network, dict(name='prod', **dict(AWS, cidr_block='10.9.0.0/16')), 'cidr_block', 'recreate')


def test_network_bad_input_is_refused_before_writing(cloud):
    network = Module(cloud, 'cloud_gateway_network')
    assert_refused(network, dict(name='n', region='us-east-2', availability_zones=['use2-az1'], cidr_block='10.0.0.0/16'), 'provider')
    assert_refused(network, dict(name='n', provider='aws', cidr_block='10.0.0.0/16'), 'region', 'availability_zones')
    result = network(name='n', **dict(AWS, region='mars-1'))
    assert result['failed'] and 'mars-1' in result['msg']
    result = network(name='n', **dict(AWS, cidr_block='8.8.0.0/16'))
    assert result['failed'] and 'cidr_block' in result['msg']
    assert Module(cloud, 'cloud_gateway_network_info')()['cloud_gateway_networks'] == []


def test_network_wait_times_out_with_a_clear_message(cloud):
    cloud.set_provisioning(delay_seconds=30)
    network = Module(cloud, 'cloud_gateway_network')
    started = time.time()
    result = network(name='slow', wait=True, wait_timeout=1, **AWS)
    assert time.time() - started < 5
    assert result['failed']
    assert 'Timed out after 1s' in result['msg'] and "state 'initializing'" in result['msg'] and 'wait_timeout' in result['msg']
    assert result['cloud_gateway_network']['name'] == 'slow'


def test_network_failed_provisioning_is_reported(cloud):
    cloud.set_provisioning(delay_seconds=FAST, fail={'path_regex': 'networks', 'reason': 'No capacity in use2-az1.'})
    network = Module(cloud, 'cloud_gateway_network')
    result = network(name='doomed', wait=True, **AWS)
    assert result['failed']
    assert "state 'offline'" in result['msg'] and 'No capacity in use2-az1.' in result['msg']
    again = network(name='doomed', wait=True, **AWS)
    assert again['failed'] and 'offline' in again['msg'], 'a later run does not hide the failure'


def test_network_info_by_name_and_id(cloud):
    created = new_network(cloud, 'prod')
    info = Module(cloud, 'cloud_gateway_network_info')
    assert [n['id'] for n in info(name='prod')['cloud_gateway_networks']] == [created['id']]
    assert [n['id'] for n in info(id=created['id'])['cloud_gateway_networks']] == [created['id']]
    assert info(filters={'state': 'ready'})['cloud_gateway_networks'][0]['name'] == 'prod'


# -- configurations --------------------------------------------------------------------------------------------------


def groups(network, tier=100):
    return [dict(provider='aws', region='us-east-2', network=network, autoscale=dict(kind='autopilot', base_rps=tier))]


def test_configuration_lifecycle(cloud):
    control_plane = new_control_plane(cloud)
    new_network(cloud, 'prod')
    network_id = new_network(cloud, 'eu', region='eu-central-1', availability_zones=['euc1-az1'], cidr_block='10.1.0.0/16')['id']
    configuration = Module(cloud, 'cloud_gateway_configuration')
    created = assert_lifecycle(
        configuration, create=dict(control_plane=control_plane['id'], dataplane_groups=groups('prod'), wait=True),
        update=dict(dataplane_groups=groups('prod', 200) + [dict(provider='aws', region='eu-central-1', cloud_gateway_network_id=network_id,
                                                                 autoscale=dict(kind='static', instance_type='small', requested_instances=2))]),
        noop_requests=2)
    assert created['control_plane_geo'] == 'us'


def test_configuration_waits_for_its_groups_and_compares_them_as_a_set(cloud):
    control_plane = new_control_plane(cloud)
    network_id = new_network(cloud, 'prod')['id']
    eu = new_network(cloud, 'eu', region='eu-central-1', availability_zones=['euc1-az1'], cidr_block='10.1.0.0/16')['id']
    configuration = Module(cloud, 'cloud_gateway_configuration')
    both = [dict(provider='aws', region='us-east-2', cloud_gateway_network_id=network_id, autoscale=dict(kind='autopilot', base_rps=100)),
            dict(provider='aws', region='eu-central-1', cloud_gateway_network_id=eu, autoscale=dict(kind='autopilot', base_rps=100),
                 environment=[dict(name='KONG_LOG_LEVEL', value='info')])]
    result = configuration(control_plane=control_plane['id'], dataplane_groups=both, wait=True)
    assert not result.get('failed'), result
    assert [group['state'] for group in result['cloud_gateway_configuration']['dataplane_groups']] == ['ready', 'ready']
    again, sent = configuration.counted(control_plane=control_plane['id'], dataplane_groups=list(reversed(both)))
    assert not again['changed'] and len(sent) == 1


def test_configuration_by_control_plane_name_in_its_geo(cloud):
    new_control_plane(cloud, 'eu-payments', region='eu')
    new_network(cloud, 'prod')
    configuration = Module(cloud, 'cloud_gateway_configuration')
    result = configuration(control_plane='eu-payments', control_plane_geo='eu', dataplane_groups=groups('prod'))
    assert result['changed'] and returned(configuration, result)['control_plane_geo'] == 'eu'
    assert_refused(configuration, dict(control_plane='eu-payments', dataplane_groups=groups('prod')), 'control_plane', 'eu-payments')


def test_configuration_failed_group_is_reported(cloud):
    control_plane = new_control_plane(cloud)
    new_network(cloud, 'prod')
    cloud.set_provisioning(delay_seconds=FAST, fail={'path_regex': 'configurations', 'reason': 'Quota of data planes reached.'})
    result = Module(cloud, 'cloud_gateway_configuration')(control_plane=control_plane['id'], dataplane_groups=groups('prod'), wait=True)
    assert result['failed']
    assert 'aws us-east-2' in result['msg'] and 'Quota of data planes reached.' in result['msg']


def test_configuration_bad_input(cloud):
    control_plane = new_control_plane(cloud)
    configuration = Module(cloud, 'cloud_gateway_configuration')
    assert_refused(configuration, dict(control_plane=control_plane['id'], dataplane_groups=groups('nope')), 'network', 'nope')
    assert_refused(configuration, dict(control_plane=control_plane['id']), 'dataplane_groups')
    twice = [dict(provider='aws', region='us-east-2'), dict(provider='aws', region='us-east-2')]
    assert_refused(configuration, dict(control_plane=control_plane['id'], dataplane_groups=twice), 'dataplane_groups[1]')
    assert_refused(configuration, dict(control_plane='missing', dataplane_groups=[]), 'control_plane', 'missing')


def test_configuration_info(cloud):
    control_plane = new_control_plane(cloud)
    new_network(cloud, 'prod')
    Module(cloud, 'cloud_gateway_configuration')(control_plane=control_plane['id'], dataplane_groups=groups('prod'))
    info = Module(cloud, 'cloud_gateway_configuration_info')
    found = info(filters={'control_plane_id': control_plane['id']})['cloud_gateway_configurations']
    assert len(found) == 1 and info(id=found[0]['id'])['cloud_gateway_configurations'][0]['id'] == found[0]['id']


def test_network_in_use_cannot_be_deleted(cloud):
    control_plane = new_control_plane(cloud)
    new_network(cloud, 'prod')
    Module(cloud, 'cloud_gateway_configuration')(control_plane=control_plane['id'], dataplane_groups=groups('prod'), wait=True)
    result = Module(cloud, 'cloud_gateway_network')(name='prod', state='absent')
    assert result['failed'] and 'referenced by a configuration' in result['msg']


# -- custom domains, transit gateways, private DNS, add-ons ----------------------------------------------------------------


def test_custom_domain_lifecycle_and_online_status(cloud):
    control_plane = new_control_plane(cloud)
    other = new_control_plane(cloud, 'other')
    domain = Module(cloud, 'cloud_gateway_custom_domain')
    # nothing about a custom domain changes in place: the update is a re-creation for another control plane
    assert_lifecycle(domain, create=dict(domain='api.example.com', control_plane=control_plane['id'], wait=True),
                     update=dict(control_plane=other['id'], recreate=True), noop_requests=2)  # the lookup and the online status
    created = domain(domain='api.example.com', control_plane=control_plane['id'], wait=True)
    assert created['online_status'] == {'cname': 'verified', 'ssl': 'verified'}
    assert_refused(domain, dict(domain='api.example.com', control_plane=control_plane['id'], kind='serverless.v1'), 'kind', 'recreate')
    info = Module(cloud, 'cloud_gateway_custom_domain_info')(domain='api.example.com')['cloud_gateway_custom_domains']
    assert info[0]['online_status']['cname'] == 'verified'


def test_custom_domain_refusals(cloud):
    domain = Module(cloud, 'cloud_gateway_custom_domain')
    assert_refused(domain, dict(domain='api.example.com', control_plane='nope'), 'control_plane', 'nope')


def test_transit_gateway_lifecycle(cloud):
    network = new_network(cloud, 'prod')
    transit = Module(cloud, 'cloud_gateway_transit_gateway')
    attachment = dict(kind='aws-transit-gateway-attachment', transit_gateway_id='tgw-1', ram_share_arn='arn:aws:ram:us-east-2:1:share/a')
    assert_lifecycle(transit, create=dict(network=network['id'], name='corp', cidr_blocks=['10.10.0.0/16'],
                                          transit_gateway_attachment_config=attachment, wait=True),
                     update=dict(cidr_blocks=['10.10.0.0/16', '10.20.0.0/16']))
    assert_refused(transit, dict(network='nope', name='corp', transit_gateway_attachment_config=attachment), 'network', 'nope')
    info = Module(cloud, 'cloud_gateway_transit_gateway_info')
    assert info(network='prod')['cloud_gateway_transit_gateways'] == []


def test_private_dns_lifecycle(cloud):
    network = new_network(cloud, 'prod')
    private_dns = Module(cloud, 'cloud_gateway_private_dns')
    zone = dict(kind='aws-private-hosted-zone-attachment', hosted_zone_id='Z1')
    created = assert_lifecycle(private_dns, create=dict(network=network['id'], name='zone', private_dns_attachment_config=zone, wait=True),
                               update=dict(private_dns_attachment_config=dict(zone, hosted_zone_id='Z2'), recreate=True))
    assert created['state'] == 'ready'
    private_dns(network=network['id'], name='zone', private_dns_attachment_config=zone, wait=True)
    assert_refused(private_dns, dict(network=network['id'], name='zone', private_dns_attachment_config=dict(zone, hosted_zone_id='Z2')),
                   'private_dns_attachment_config', 'recreate')
    listed = Module(cloud, 'cloud_gateway_private_dns_info')(network='prod', name='zone')['cloud_gateway_private_dns']
    assert [item['private_dns_attachment_config']['hosted_zone_id'] for item in listed] == ['Z1']


def tier(name):
    return dict(kind='managed-cache.v0', capacity_config=dict(kind='tiered', tier=name))


def test_add_on_lifecycle_and_refused_downgrade(cloud):
    control_plane = new_control_plane(cloud)
    add_on = Module(cloud, 'cloud_gateway_add_on')
    owner = dict(kind='control-plane', control_plane_id=control_plane['id'], control_plane_geo='us')
    assert_lifecycle(add_on, create=dict(name='cache', owner=owner, config=tier('small'), wait=True), update=dict(config=tier('medium')))
    add_on(name='cache2', owner=owner, config=tier('medium'), wait=True)
    result = add_on(name='cache2', config=tier('micro'))
    assert result['failed'] and 'downgrading' in result['msg']
    assert [item['name'] for item in Module(cloud, 'cloud_gateway_add_on_info')()['cloud_gateway_add_ons']] == ['cache2']


def test_add_on_failed_cache_is_reported(cloud):
    control_plane = new_control_plane(cloud)
    new_network(cloud, 'prod')
    Module(cloud, 'cloud_gateway_configuration')(control_plane=control_plane['id'], dataplane_groups=groups('prod'), wait=True)
    cloud.set_provisioning(delay_seconds=FAST, fail={'path_regex': 'add-ons', 'reason': 'Cache cluster unavailable.'})
    owner = dict(kind='control-plane', control_plane_id=control_plane['id'], control_plane_geo='us')
    result = Module(cloud, 'cloud_gateway_add_on')(name='cache', owner=owner, config=tier('small'), wait=True)
    assert result['failed'] and 'Cache cluster unavailable.' in result['msg']


def test_cloud_gateway_info(cloud):
    result = Module(cloud, 'cloud_gateway_info')()
    assert 'us-east-2' in [region['region'] for provider in result['availability']['providers'] for region in provider['regions']]
    assert sorted(account['provider'] for account in result['provider_accounts']) == ['aws', 'azure', 'gcp']
    assert result['resource_quotas'] and result['resource_configurations']


def test_emulator_provisioning_knob_is_validated(cloud):
    from emulator.testing import EmulatorError  # pylint: disable=import-error
    with pytest.raises(EmulatorError):
        cloud.set_provisioning(delay_seconds=-1)
    assert cloud.set_provisioning(delay_seconds=0.5)['delay_seconds'] == 0.5


def test_network_recreate_waits_for_the_old_one_to_go(cloud):
    network = Module(cloud, 'cloud_gateway_network')
    old = new_network(cloud, 'prod')
    result = network(name='prod', recreate=True, wait=True, **dict(AWS, cidr_block='10.2.0.0/16'))
    assert result['changed'] and not result.get('failed'), result
    new = returned(network, result)
    assert new['id'] != old['id'] and new['cidr_block'] == '10.2.0.0/16' and new['state'] == 'ready'
    assert [n['id'] for n in Module(cloud, 'cloud_gateway_network_info')()['cloud_gateway_networks']] == [new['id']]


def test_deleting_with_wait_lets_a_provisioning_network_finish_first(cloud):
    cloud.set_provisioning(delay_seconds=0.5)  # long enough to still be initializing on a loaded machine
    network = Module(cloud, 'cloud_gateway_network')
    network(name='young', **AWS)  # initializing: Konnect refuses to delete it yet
    refused = network(name='young', state='absent')
    assert refused['failed'] and 'initializing' in refused['msg']
    deleted = network(name='young', state='absent', wait=True)
    assert deleted['changed'] and not deleted.get('failed'), deleted
    assert Module(cloud, 'cloud_gateway_network_info')(name='young')['cloud_gateway_networks'] == []


def test_a_network_being_deleted_is_not_hidden(cloud):
    cloud.set_provisioning(delay_seconds=FAST)
    network = Module(cloud, 'cloud_gateway_network')
    new_network(cloud, 'prod')
    cloud.set_provisioning(delay_seconds=30)
    network(name='prod', state='absent')
    result = network(name='prod', **AWS)
    assert result['failed'] and 'being deleted' in result['msg'] and 'terminating' in result['msg']


def answer(emulator, method, path, body=None):
    response = requests.request(method, '%s/global%s' % (emulator.url, path), json=body,
                                headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


def test_emulator_answers_of_cloud_gateways(cloud):
    network = new_network(cloud, 'prod')
    body = dict(name='prod', cloud_gateway_provider_account_id=network['cloud_gateway_provider_account_id'], region='us-east-2',
                availability_zones=['use2-az1'], cidr_block='10.0.0.0/16')
    assert answer(cloud, 'POST', '/v2/cloud-gateways/networks', body)[0] == 409
    status, problem = answer(cloud, 'POST', '/v2/cloud-gateways/networks', dict(body, name='x', availability_zones=['euc1-az1']))
    assert status == 400 and problem['invalid_parameters'][0]['field'] == 'availability_zones'
    groups_body = dict(control_plane_id=network['id'], control_plane_geo='us',
                       dataplane_groups=[dict(provider='aws', region='us-east-2'), dict(provider='aws', region='us-east-2')])
    status, problem = answer(cloud, 'PUT', '/v2/cloud-gateways/configurations', groups_body)
    assert status == 400 and problem['invalid_parameters'][0]['field'] == 'dataplane_groups[1]'
    cloud.set_provisioning(delay_seconds=30)  # still initializing when the DELETE comes, however loaded the machine
    status, created = answer(cloud, 'POST', '/v2/cloud-gateways/networks/%s/private-dns' % network['id'],
                             dict(name='zone', private_dns_attachment_config=dict(kind='aws-private-hosted-zone-attachment', hosted_zone_id='Z')))
    assert status == 201 and created['state'] == 'initializing'
    status, problem = answer(cloud, 'DELETE', '/v2/cloud-gateways/networks/%s/private-dns/%s' % (network['id'], created['id']))
    assert status == 400 and 'initializing' in problem['detail']
    assert answer(cloud, 'GET', '/v2/cloud-gateways/networks/%s/configuration-references' % network['id'])[1]['data'] == []


def test_waiting_stops_with_a_warning_where_konnect_waits_for_the_user(cloud):
    account = Module(cloud, 'cloud_gateway_info')()['provider_accounts']
    aws = [item['id'] for item in account if item['provider'] == 'aws'][0]
    konnect(cloud, 'POST', '/v2/cloud-gateways/networks', dict(name='spare', cloud_gateway_provider_account_id=aws, region='us-east-2',
                                                               availability_zones=['use2-az1'], cidr_block='10.3.0.0/16', state='offline'),
            region='global')
    network = Module(cloud, 'cloud_gateway_network')
    result = network(name='spare', wait=True, **dict(AWS, availability_zones=['use2-az1'], cidr_block='10.3.0.0/16'))
    assert not result.get('failed') and not result['changed'], result
    assert any("state 'offline'" in warning and 'configuration uses it' in warning for warning in network.warnings), network.warnings
