# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_consumer, gateway_consumer_group, gateway_consumer_group_member and their _info twins against the
in-process emulator: the engine's decisions (requests sent, predictions, comparisons, check mode, refusals).

Moved from the integration target gateway_consumers (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, paths, writes

NO_PLANE = '00000000-0000-4000-8000-000000000000'
NO_CONSUMER = '00000000-0000-4000-8000-000000000001'
ALICE = dict(username='it-alice', custom_id='4711', tags=['partner'])


class Org(object):
    """A control plane and the modules of the family, talking to it."""

    def __init__(self, emulator):
        self.plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-consumers-cp'})['id']
        self.consumers_path = '/v2/control-planes/%s/core-entities/consumers' % self.plane
        self.groups_path = '/v2/control-planes/%s/core-entities/consumer_groups' % self.plane
        self.consumer = Module(emulator, 'gateway_consumer')
        self.group = Module(emulator, 'gateway_consumer_group')
        self.member = Module(emulator, 'gateway_consumer_group_member')
        self.consumer_info = Module(emulator, 'gateway_consumer_info')
        self.group_info = Module(emulator, 'gateway_consumer_group_info')
        self.member_info = Module(emulator, 'gateway_consumer_group_member_info')

    def members_path(self, group_id):
        return '%s/%s/consumers' % (self.groups_path, group_id)


def test_gateway_consumer_bad_input_is_refused_before_any_write(emulator):
    org = Org(emulator)
    assert_refused(org.consumer, dict(control_plane=org.plane, custom_id='4711'), 'username', 'id')
    assert_refused(org.consumer, dict(control_plane=org.plane, username='it-alice', email='alice@example.com'), 'email')
    assert_refused(org.consumer, dict(control_plane='it-nowhere', username='it-alice'), 'control_plane', 'it-nowhere')
    assert_refused(org.consumer, dict(control_plane=NO_PLANE, username='it-alice'), 'control_plane', NO_PLANE, check_mode=True)


def test_gateway_consumer_life(emulator):
    org = Org(emulator)
    predicted, sent = org.consumer.counted(check_mode=True, diff=True, control_plane=org.plane, **ALICE)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_consumer']['id'] is None
    assert (predicted['gateway_consumer']['username'], predicted['gateway_consumer']['custom_id']) == ('it-alice', '4711')
    assert predicted['diff']['before'] == {}
    assert (predicted['diff']['after']['username'], predicted['diff']['after']['custom_id']) == ('it-alice', '4711')

    created, sent = org.consumer.counted(diff=True, control_plane=org.plane, **ALICE)
    alice = created['gateway_consumer']
    assert created['changed'] and len(alice['id']) == 36
    assert (alice['username'], alice['custom_id'], alice['tags']) == ('it-alice', '4711', ['partner'])
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == alice['id']
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status']) == ('POST', org.consumers_path, 201)
    assert post['body'] == {'username': 'it-alice', 'custom_id': '4711', 'tags': ['partner']}
    assert {request['base'] for request in sent} == {'us'}  # the harness's region

    again, sent = org.consumer.counted(control_plane=org.plane, **ALICE)
    assert not again['changed'] and again['gateway_consumer']['id'] == alice['id']
    assert [(request['method'], request['path']) for request in sent] == [('GET', org.consumers_path + '/it-alice')]
    by_name, sent = org.consumer.counted(control_plane='it-consumers-cp', username='it-alice', tags=['partner'])
    assert not by_name['changed'] and len(sent) == 2 and not writes(sent) and sent[0]['path'] == '/v2/control-planes'

    updated, sent = org.consumer.counted(diff=True, control_plane=org.plane, username='it-alice', custom_id='4712', tags=['tier-gold'])
    assert updated['changed'] and updated['gateway_consumer']['id'] == alice['id']
    assert updated['gateway_consumer']['custom_id'] == '4712' and sorted(updated['gateway_consumer']['tags']) == ['partner', 'tier-gold']
    assert (updated['diff']['before']['custom_id'], updated['diff']['after']['custom_id']) == ('4711', '4712')
    assert updated['diff']['before']['tags'] == ['partner'] and sorted(updated['diff']['after']['tags']) == ['partner', 'tier-gold']
    [put] = writes(sent)
    assert (put['method'], put['path'], put['status']) == ('PUT', '%s/%s' % (org.consumers_path, alice['id']), 200)
    assert (put['body']['username'], put['body']['custom_id'], sorted(put['body']['tags'])) == ('it-alice', '4712', ['partner', 'tier-gold'])

    purge, sent = org.consumer.counted(check_mode=True, diff=True, control_plane=org.plane, username='it-alice', tags=['partner'], purge_tags=True)
    assert purge['changed'] and purge['gateway_consumer']['tags'] == ['partner'] and not writes(sent)
    assert sorted(purge['diff']['before']['tags']) == ['partner', 'tier-gold'] and purge['diff']['after']['tags'] == ['partner']


def test_gateway_consumer_rename_by_id_duplicate_refusal_and_info(emulator):
    org = Org(emulator)
    alice = org.consumer(control_plane=org.plane, username='it-alice', custom_id='4712')['gateway_consumer']
    bob = org.consumer(control_plane=org.plane, username='it-bob')['gateway_consumer']

    renamed = org.consumer(diff=True, control_plane=org.plane, id=bob['id'], username='it-robert')
    assert renamed['changed'] and renamed['gateway_consumer']['id'] == bob['id'] and renamed['gateway_consumer']['username'] == 'it-robert'
    assert (renamed['diff']['before']['username'], renamed['diff']['after']['username']) == ('it-bob', 'it-robert')

    duplicate, sent = org.consumer.counted(control_plane=org.plane, username='it-robert', custom_id='4712')
    assert duplicate['failed'] and duplicate['status'] == 400 and 'custom_id' in duplicate['msg']
    assert [request['status'] for request in writes(sent)] == [400]

    info = org.consumer_info
    by_username = info(control_plane='it-consumers-cp', username='it-alice')
    assert not by_username['changed'] and [found['id'] for found in by_username['gateway_consumers']] == [alice['id']]
    assert [found['username'] for found in info(control_plane=org.plane, id=bob['id'])['gateway_consumers']] == ['it-robert']
    assert [found['username'] for found in info(control_plane=org.plane, filters={'custom_id': '4712'})['gateway_consumers']] == ['it-alice']
    assert sorted(found['username'] for found in info(control_plane=org.plane)['gateway_consumers']) == ['it-alice', 'it-robert']
    assert info(control_plane=org.plane, username='it-nobody')['gateway_consumers'] == []
    assert_refused(info, dict(control_plane=org.plane, username='it-alice', id=bob['id']), 'username', 'id')


def test_gateway_consumer_group_life_and_info(emulator):
    org = Org(emulator)
    assert_refused(org.group, dict(control_plane=org.plane, tags=['tier']), 'name', 'id')
    assert_refused(org.group, dict(control_plane=org.plane, name='it-gold', tags={'tier': 'gold'}), 'tags')

    predicted, sent = org.group.counted(check_mode=True, diff=True, control_plane=org.plane, name='it-gold', tags=['tier'])
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_consumer_group']['id'] is None and predicted['gateway_consumer_group']['name'] == 'it-gold'
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'it-gold'

    created, sent = org.group.counted(control_plane=org.plane, name='it-gold', tags=['tier'])
    gold = created['gateway_consumer_group']
    assert created['changed'] and len(gold['id']) == 36 and (gold['name'], gold['tags']) == ('it-gold', ['tier'])
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status'], post['body']) == ('POST', org.groups_path, 201, {'name': 'it-gold', 'tags': ['tier']})

    again, sent = org.group.counted(control_plane=org.plane, name='it-gold', tags=['tier'])
    assert not again['changed'] and again['gateway_consumer_group']['id'] == gold['id'] and again['gateway_consumer_group']['name'] == 'it-gold'
    assert paths(sent) == [org.groups_path + '/it-gold']

    planned, sent = org.group.counted(check_mode=True, control_plane=org.plane, name='it-gold', tags=['paid'])
    assert planned['changed'] and sorted(planned['gateway_consumer_group']['tags']) == ['paid', 'tier'] and not writes(sent)
    updated, sent = org.group.counted(diff=True, control_plane=org.plane, name='it-gold', tags=['paid'])
    assert updated['changed'] and updated['gateway_consumer_group']['id'] == gold['id']
    assert sorted(updated['gateway_consumer_group']['tags']) == ['paid', 'tier']
    assert updated['diff']['before']['tags'] == ['tier'] and sorted(updated['diff']['after']['tags']) == ['paid', 'tier']
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (org.groups_path, gold['id']))
    assert put['body']['name'] == 'it-gold' and sorted(put['body']['tags']) == ['paid', 'tier']

    silver = org.group(control_plane=org.plane, name='it-silver-draft')['gateway_consumer_group']
    renamed = org.group(control_plane=org.plane, id=silver['id'], name='it-silver')
    assert renamed['changed'] and renamed['gateway_consumer_group']['id'] == silver['id'] and renamed['gateway_consumer_group']['name'] == 'it-silver'

    info = org.group_info
    assert [found['id'] for found in info(control_plane=org.plane, name='it-gold')['gateway_consumer_groups']] == [gold['id']]
    assert [found['name'] for found in info(control_plane=org.plane, id=silver['id'])['gateway_consumer_groups']] == ['it-silver']
    assert sorted(found['name'] for found in info(control_plane=org.plane)['gateway_consumer_groups']) == ['it-gold', 'it-silver']
    assert_refused(info, dict(control_plane=org.plane, name='it-gold', id=silver['id']), 'name', 'id')


def test_gateway_consumer_group_members(emulator):
    org = Org(emulator)
    alice = org.consumer(control_plane=org.plane, username='it-alice')['gateway_consumer']['id']
    bob = org.consumer(control_plane=org.plane, username='it-robert')['gateway_consumer']['id']
    gold = org.group(control_plane=org.plane, name='it-gold')['gateway_consumer_group']['id']
    org.group(control_plane=org.plane, name='it-silver')
    gold_members = org.members_path(gold)
    plane = dict(control_plane=org.plane)

    assert_refused(org.member, dict(plane, consumer_group='it-gold', consumer='it-nobody'), 'consumer', 'it-nobody')
    assert_refused(org.member, dict(plane, consumer_group=gold, consumer=NO_CONSUMER), 'consumer', NO_CONSUMER)
    assert_refused(org.member, dict(plane, consumer_group='it-platinum', consumer='it-alice'), 'consumer_group', 'it-platinum')
    assert_refused(org.member, dict(plane, consumer_group='it-gold'), 'consumer')
    assert_refused(org.member, dict(plane, consumer_group='it-gold', id=alice), 'consumer')

    by_name = dict(control_plane='it-consumers-cp', consumer_group='it-gold', consumer='it-alice')
    predicted, sent = org.member.counted(check_mode=True, diff=True, **by_name)
    assert predicted['changed'] and predicted['gateway_consumer_group_member']['consumer'] == alice and not writes(sent)
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['consumer'] == 'it-alice (%s)' % alice

    added, sent = org.member.counted(diff=True, **by_name)
    assert added['changed'] and added['gateway_consumer_group_member']['id'] == alice
    assert added['gateway_consumer_group_member']['username'] == 'it-alice'
    assert added['diff']['before'] == {} and added['diff']['after']['consumer'] == 'it-alice (%s)' % alice
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status'], post['body']) == ('POST', gold_members, 201, {'consumer': alice})

    again, sent = org.member.counted(consumer_group=gold, consumer=alice, **plane)
    assert not again['changed'] and again['gateway_consumer_group_member']['id'] == alice
    assert [(request['method'], request['path']) for request in sent] == [('GET', gold_members)]
    assert not org.member(check_mode=True, consumer_group='it-gold', consumer='it-alice', **plane)['changed']

    bob_added, sent = org.member.counted(consumer_group=gold, consumer=bob, **plane)
    assert bob_added['changed'] and bob_added['gateway_consumer_group_member']['id'] == bob
    assert bob_added['gateway_consumer_group_member']['username'] == 'it-robert'
    assert [(request['path'], request['body']) for request in writes(sent)] == [(gold_members, {'consumer': bob})]
    assert org.member(consumer_group='it-silver', consumer='it-alice', **plane)['changed']

    listed, sent = org.member_info.counted(consumer_group=gold, **plane)
    assert not listed['changed'] and len(sent) == 1
    assert sorted(found['username'] for found in listed['gateway_consumer_group_members']) == ['it-alice', 'it-robert']
    assert sorted(found['id'] for found in listed['gateway_consumer_group_members']) == sorted([alice, bob])
    by_id = org.member_info(control_plane='it-consumers-cp', consumer_group='it-gold', id=bob)['gateway_consumer_group_members']
    assert [found['username'] for found in by_id] == ['it-robert']
    filtered = org.member_info(consumer_group='it-gold', filters={'username': 'it-alice'}, **plane)['gateway_consumer_group_members']
    assert [found['id'] for found in filtered] == [alice]
    assert [found['username'] for found in org.member_info(consumer_group='it-silver', **plane)['gateway_consumer_group_members']] == ['it-alice']
    assert_refused(org.member_info, dict(plane, consumer_group='it-platinum'), 'consumer_group', 'it-platinum')
    assert_refused(org.member_info, dict(plane, consumer_group='it-gold', id=bob, filters={'username': 'it-robert'}), 'id', 'filters')

    planned, sent = org.member.counted(check_mode=True, consumer_group='it-gold', consumer='it-alice', state='absent', **plane)
    assert planned['changed'] and not writes(sent)
    removed, sent_alice = org.member.counted(diff=True, consumer_group='it-gold', consumer='it-alice', state='absent', **plane)
    assert removed['changed'] and removed['gateway_consumer_group_member'] == {}
    assert removed['diff']['before']['consumer'] == 'it-alice (%s)' % alice and removed['diff']['after'] == {}
    removed_bob, sent_bob = org.member.counted(consumer_group=gold, id=bob, state='absent', **plane)
    assert removed_bob['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent_alice) + writes(sent_bob)] == [
        ('DELETE', '%s/%s' % (gold_members, alice), 204), ('DELETE', '%s/%s' % (gold_members, bob), 204)]

    again, sent = org.member.counted(consumer_group=gold, consumer=alice, state='absent', **plane)
    assert not again['changed'] and paths(sent) == [gold_members]
    assert not org.member(consumer_group='it-gold', id=bob, state='absent', **plane)['changed']
    assert not org.member(consumer_group='it-gold', consumer='it-nobody', state='absent', **plane)['changed']
    assert org.member_info(consumer_group='it-gold', **plane)['gateway_consumer_group_members'] == []


def test_gateway_consumer_and_group_deletes(emulator):
    org = Org(emulator)
    alice = org.consumer(control_plane=org.plane, username='it-alice')['gateway_consumer']['id']
    bob = org.consumer(control_plane=org.plane, username='it-robert')['gateway_consumer']['id']
    org.group(control_plane=org.plane, name='it-gold')
    silver = org.group(control_plane=org.plane, name='it-silver')['gateway_consumer_group']['id']
    assert org.member(control_plane=org.plane, consumer_group='it-silver', consumer=alice)['changed']
    plane = dict(control_plane=org.plane)

    silver_check, sent_silver = org.group.counted(check_mode=True, name='it-silver', state='absent', **plane)
    robert_check, sent_robert = org.consumer.counted(check_mode=True, username='it-robert', state='absent', **plane)
    assert silver_check['changed'] and robert_check['changed'] and not writes(sent_silver + sent_robert)

    silver_deleted, sent_silver = org.group.counted(diff=True, name='it-silver', state='absent', **plane)
    assert silver_deleted['changed'] and silver_deleted['gateway_consumer_group'] == {}
    assert silver_deleted['diff']['before']['name'] == 'it-silver' and silver_deleted['diff']['after'] == {}
    robert_deleted, sent_robert = org.consumer.counted(username='it-robert', state='absent', **plane)
    assert robert_deleted['changed'] and robert_deleted['gateway_consumer'] == {}
    assert [(request['method'], request['path'], request['status']) for request in writes(sent_silver) + writes(sent_robert)] == [
        ('DELETE', '%s/%s' % (org.groups_path, silver), 204), ('DELETE', '%s/%s' % (org.consumers_path, bob), 204)]

    again, sent = org.group.counted(name='it-silver', state='absent', **plane)
    assert not again['changed'] and paths(sent) == [org.groups_path + '/it-silver']
    again, sent = org.consumer.counted(username='it-robert', state='absent', **plane)
    assert not again['changed'] and paths(sent) == [org.consumers_path + '/it-robert']
    assert not org.consumer(id=bob, state='absent', **plane)['changed']
    assert not org.group(control_plane='it-nowhere', name='it-silver', state='absent')['changed']

    assert org.consumer(username='it-alice', state='absent', **plane)['changed']
    assert org.group(name='it-gold', state='absent', **plane)['changed']
    assert org.consumer_info(**plane)['gateway_consumers'] == []
    assert org.group_info(**plane)['gateway_consumer_groups'] == []
