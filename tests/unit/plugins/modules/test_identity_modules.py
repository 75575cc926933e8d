# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The life-cycle harness on modules that have their own integration targets: it must agree with them; and the
engine's decisions for the identity modules (user, team, team_user and their _info twins) against the in-process
emulator: requests sent (all to the global host, although the region is eu), predictions, comparisons, check mode,
refusals. Moved from the integration targets user, team and team_user (issue 13), which keep one thin run each.
"""

from __future__ import annotations

import json
import re
import threading
import time

import pytest

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN, connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_lifecycle, assert_refused, writes
from emulator import DEMO_PASSWORD, DEMO_USER  # pylint: disable=import-error
from emulator.testing import EmulatorThread  # pylint: disable=import-error


def test_team(emulator):
    team = Module(emulator, 'team')
    assert_lifecycle(team, create=dict(name='ops', description='one', labels={'a': 'b'}), update=dict(description='two'))
    assert_refused(team, dict(id='99999999-9999-4999-8999-999999999999', name='x'), 'team')


def test_gateway_service_under_a_control_plane_given_by_id(emulator):
    cp = Module(emulator, 'control_plane')(name='prod')['control_plane']['id']
    service = Module(emulator, 'gateway_service')
    assert_lifecycle(service, create=dict(control_plane=cp, name='pets', host='pets.internal'), update=dict(port=8080))
    assert_refused(service, dict(control_plane='nope', name='pets', host='h'), 'control plane', 'nope')


# --- user (moved from the integration target user, issue 13) ------------------------------------------------------

JANE = dict(email='jane.doe@example.com', full_name='Jane Doe', preferred_name='Jane')
GHOST = '00000000-0000-4000-8000-000000000000'


def bases(sent):
    """The hosts requests went to: with konnect_region eu, identity requests must all go to the global host."""
    return sorted(set(request['base'] for request in sent) | set(request['host_family'] for request in sent))


def identity(emulator, name):
    """A module of the global identity API, run with konnect_region eu: no request may reach the eu host."""
    module = Module(emulator, name)
    module.connection_args = lambda: dict(connection(emulator), konnect_region='eu')
    return module


def test_user_invitation_check_mode_and_names(emulator):
    user = identity(emulator, 'user')
    predicted, sent = user.counted(check_mode=True, diff=True, **JANE)
    assert predicted['changed'] and predicted['user']['id'] is None
    assert (predicted['user']['email'], predicted['user']['full_name']) == ('jane.doe@example.com', 'Jane Doe')
    assert predicted['diff']['before'] == {}
    assert (predicted['diff']['after']['email'], predicted['diff']['after']['preferred_name']) == ('jane.doe@example.com', 'Jane')
    assert sent and not writes(sent) and bases(sent) == ['global']

    invited, sent = user.counted(**JANE)
    jane = invited['user']
    assert invited['changed'] and invited['pending'] is True and len(jane['id']) == 36
    assert (jane['email'], jane['full_name'], jane['preferred_name'], jane['active']) == ('jane.doe@example.com', 'Jane Doe', 'Jane', False)
    assert [(w['method'], w['path'], w['body'], w['status']) for w in writes(sent)] == [
        ('POST', '/v3/invites', {'email': 'jane.doe@example.com'}, 201),
        ('PATCH', '/v3/users/' + jane['id'], {'full_name': 'Jane Doe', 'preferred_name': 'Jane'}, 200)]
    assert bases(sent) == ['global']

    again, sent = user.counted(**JANE)
    assert not again['changed'] and again['pending'] is True and again['user']['id'] == jane['id']
    assert [(r['method'], r['path'], r['base']) for r in sent] == [('GET', '/v3/users', 'global')]

    updated, sent = user.counted(diff=True, email='jane.doe@example.com', preferred_name='JD')
    assert updated['changed'] and (updated['user']['preferred_name'], updated['user']['full_name']) == ('JD', 'Jane Doe')
    assert (updated['diff']['before']['preferred_name'], updated['diff']['after']['preferred_name']) == ('Jane', 'JD')
    assert updated['diff']['before']['email'] == 'jane.doe@example.com' and 'full_name' not in updated['diff']['after']
    assert [(w['method'], w['body']) for w in writes(sent)] == [('PATCH', {'preferred_name': 'JD'})] and bases(sent) == ['global']

    planned, sent = user.counted(check_mode=True, diff=True, email='jane.doe@example.com', full_name='Jane Q. Doe')
    assert planned['changed'] and planned['user']['full_name'] == 'Jane Q. Doe' and not writes(sent)
    assert (planned['diff']['before']['full_name'], planned['diff']['after']['full_name']) == ('Jane Doe', 'Jane Q. Doe')

    by_id = user(id=jane['id'], full_name='Jane Q. Doe')
    assert by_id['changed'] and by_id['user']['full_name'] == 'Jane Q. Doe' and by_id['user']['id'] == jane['id']
    again, sent = user.counted(id=jane['id'], full_name='Jane Q. Doe')
    assert not again['changed'] and [(r['path'], r['base']) for r in sent] == [('/v3/users/' + jane['id'], 'global')]

    assert emulator.activate_user(jane['id'])['active'] is True
    active, sent = user.counted(email='jane.doe@example.com', full_name='Jane Q. Doe')
    assert not active['changed'] and active['pending'] is False and active['user']['active'] is True
    assert (active['user']['full_name'], active['user']['preferred_name']) == ('Jane Q. Doe', 'JD')
    assert len(sent) == 1 and not writes(sent)

    # an address that differs only in letter case is the same user: no second invitation
    case = user(email='case.test@example.com')
    again, sent = user.counted(email='Case.Test@Example.com')
    assert case['changed'] and not again['changed'] and again['user']['id'] == case['user']['id']
    assert not [w for w in writes(sent) if w['path'] == '/v3/invites']


def test_user_bad_input_and_refusals(emulator):
    user, info = identity(emulator, 'user'), identity(emulator, 'user_info')
    jane = user(email='jane.doe@example.com', full_name='Jane Q. Doe')['user']
    assert_refused(user, dict(id=jane['id'], email='jane.smith@example.com'), 'email', 'jane.smith@example.com')
    assert_refused(user, dict(full_name='Nobody'), 'email', 'id')
    assert_refused(user, dict(email='jane.doe@example.com', state='invited'), 'state')
    assert_refused(user, dict(id=GHOST, full_name='Ghost'), 'id')

    refused, sent = user.counted(email='jane.doe@example.com', full_name='x' * 300)
    assert refused['failed'] and refused['status'] == 400 and 'full_name' in refused['msg']
    assert not [w for w in writes(sent) if w['status'] != 400]
    assert info(email='jane.doe@example.com')['users'][0]['full_name'] == 'Jane Q. Doe'

    assert_refused(info, dict(filters={'email': {'startswith': 'jane'}}), 'filters.email')
    assert_refused(info, dict(email='jane.doe@example.com', filters={'active': True}), 'email', 'filters')


def test_user_invitation_rate_limited(emulator):
    user, info = identity(emulator, 'user'), identity(emulator, 'user_info')
    emulator.set_faults({'rate_limit': {'requests_per_second': 0, 'retry_after': 0, 'methods': ['POST'], 'path_regex': '^/v3/invites$'}})
    failed, sent = user.counted(email='rate.limited@example.com', max_retries=1)
    emulator.set_faults({})
    assert failed['failed'] and failed['status'] == 429 and '429' in failed['msg'] and '/v3/invites' in failed['msg']
    assert len([w for w in user.warnings if '429' in w]) == 1 and len([w for w in user.warnings if 'retrying' in w]) == 1
    assert [(w['path'], w['status']) for w in writes(sent)] == [('/v3/invites', 429)] * 2
    assert info(email='rate.limited@example.com')['users'] == []

    # the limit lasts until the knobs are cleared: a thread lifts it once the first invitation was refused
    emulator.set_faults({'rate_limit': {'requests_per_second': 0, 'retry_after': 1, 'methods': ['POST'], 'path_regex': '^/v3/invites$'}})
    emulator.clear_requests()
    user.warnings[:] = []

    def lift():
        deadline = time.time() + 20
        while time.time() < deadline:
            if any(r['path'] == '/v3/invites' and r['status'] == 429 for r in emulator.requests()):
                emulator.set_faults({})
                return
            time.sleep(0.05)

    lifter = threading.Thread(target=lift)
    lifter.start()
    retried = user(email='rate.limited@example.com')
    lifter.join()
    sent = emulator.requests()
    assert retried['changed'] and retried['pending'] is True and retried['user']['email'] == 'rate.limited@example.com'
    assert [w for w in user.warnings if '429' in w]
    invites = [w['status'] for w in writes(sent) if w['path'] == '/v3/invites']
    assert 429 in invites and invites.count(201) == 1


def test_user_info_filters(emulator):
    user, info = identity(emulator, 'user'), identity(emulator, 'user_info')
    jane = user(email='jane.doe@example.com', full_name='Jane Q. Doe', preferred_name='JD')['user']
    emulator.activate_user(jane['id'])
    user(email='rate.limited@example.com')
    emulator.clear_requests()
    assert [u['id'] for u in info(email='jane.doe@example.com')['users']] == [jane['id']]
    [by_id] = info(id=jane['id'])['users']
    assert by_id['email'] == 'jane.doe@example.com' and by_id['active'] is True
    assert info(email='nobody@example.com')['users'] == []
    example = info(filters={'email': {'contains': '@example.com'}})
    assert not example['changed']
    assert sorted(u['email'] for u in example['users']) == ['admin@example.com', 'jane.doe@example.com', 'rate.limited@example.com']
    assert [u['email'] for u in info(filters={'active': False})['users']] == ['rate.limited@example.com']
    assert [u['id'] for u in info(filters={'full_name': {'contains': 'Q.'}, 'preferred_name': 'JD'})['users']] == [jane['id']]
    assert len(info()['users']) == 3
    sent = emulator.requests()
    queries = [json.dumps(r['query']) for r in sent]
    assert len([q for q in queries if 'filter[email][contains]' in q]) == 1
    assert len([q for q in queries if 'filter[active]' in q]) == 1
    assert len([q for q in queries if 'filter[full_name][contains]' in q]) == 1
    assert not [q for q in queries if 'filter[preferred_name]' in q]
    assert bases(sent) == ['global'] and not writes(sent)


def test_user_removal(emulator):
    user = identity(emulator, 'user')
    jane = user(email='jane.doe@example.com')['user']
    emulator.activate_user(jane['id'])
    pending = user(email='rate.limited@example.com')['user']
    planned, sent = user.counted(check_mode=True, diff=True, email='jane.doe@example.com', state='absent')
    assert planned['changed'] and planned['diff']['before']['id'] == jane['id'] and planned['diff']['after'] == {} and not writes(sent)

    emulator.clear_requests()
    deleted = user(email='jane.doe@example.com', state='absent')
    assert deleted['changed'] and deleted['user'] == {}
    assert not user(email='jane.doe@example.com', state='absent')['changed']
    assert not user(id=jane['id'], state='absent')['changed']
    assert user(id=pending['id'], state='absent')['changed']
    sent = emulator.requests()
    assert [(w['method'], w['path']) for w in writes(sent)] == [('DELETE', '/v3/users/' + jane['id']), ('DELETE', '/v3/users/' + pending['id'])]
    assert bases(sent) == ['global']


# --- team (moved from the integration target team, issue 13) -------------------------------------------------------

READONLY_TOKEN = 'kpat_thinIdReadOnlyToken00000000000000000000000000'


@pytest.fixture(scope='module')
def konnect_with_readers():
    """An emulator that also knows a read-only token (and the demo user's email and password, as every emulator)."""
    with EmulatorThread(tokens=[DEMO_TOKEN, READONLY_TOKEN + ':readonly']) as emulator:
        yield emulator


PLATFORM = dict(name='Platform', description='Owns the gateways', labels={'env': 'test', 'owner': 'platform'})


def test_team_life_labels_and_rename(emulator):
    team, info = identity(emulator, 'team'), identity(emulator, 'team_info')
    predicted, sent = team.counted(check_mode=True, diff=True, **PLATFORM)
    assert predicted['changed'] and predicted['team']['name'] == 'Platform' and predicted['team']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['labels'] == {'env': 'test', 'owner': 'platform'}
    assert not writes(sent)

    created, sent = team.counted(**PLATFORM)
    made = created['team']
    assert created['changed'] and len(made['id']) == 36 and made['labels'] == {'env': 'test', 'owner': 'platform'}
    assert [w['method'] for w in writes(sent)] == ['POST'] and bases(sent) == ['global']

    again, sent = team.counted(**PLATFORM)
    assert not again['changed'] and again['team']['id'] == made['id'] and len(sent) == 1

    # labels merge by default
    updated = team(diff=True, name='Platform', description='Owns the shared gateways', labels={'tier': 'gold'})
    assert updated['changed'] and updated['team']['description'] == 'Owns the shared gateways'
    assert updated['team']['labels'] == {'env': 'test', 'owner': 'platform', 'tier': 'gold'}
    assert (updated['diff']['before']['description'], updated['diff']['after']['description']) == ('Owns the gateways', 'Owns the shared gateways')
    purged = team(name='Platform', labels={'tier': 'gold'}, purge_labels=True)
    assert purged['changed'] and purged['team']['labels'] == {'tier': 'gold'}

    planned, sent = team.counted(check_mode=True, name='Platform', description='Something else')
    assert planned['changed'] and planned['team']['description'] == 'Something else' and not writes(sent)

    renamed = team(id=made['id'], name='Platform Engineering')
    assert renamed['changed']
    assert [t['id'] for t in info(name='Platform Engineering')['teams']] == [made['id']]

    assert team(check_mode=True, name='Platform Engineering', state='absent')['changed']
    deleted = team(name='Platform Engineering', state='absent')
    assert deleted['changed'] and deleted['team'] == {}
    assert not team(name='Platform Engineering', state='absent')['changed']


def test_team_connection_refusals(emulator):
    team = identity(emulator, 'team')
    emulator.clear_requests()
    bad_token = team(name='Nope', konnect_token='ghp_notAKonnectToken')
    assert bad_token['failed'] and 'kpat_' in bad_token['msg'] and 'ghp_notAKonnectToken' not in json.dumps(bad_token)
    bad_region = team(name='Nope', konnect_region='xx')
    assert bad_region['failed'] and 'konnect_region' in bad_region['msg']
    bad_field = team(name='Nope', description='x' * 300)
    assert bad_field['failed'] and 'description' in bad_field['msg']
    unknown = team(name='Nope', konnect_token='kpat_unknownTokenForTheEmulator000000000000000000')
    assert unknown['failed'] and '401' in unknown['msg'] and 'kpat_unknownTokenForTheEmulator000000000000000000' not in json.dumps(unknown)
    assert not [r for r in emulator.requests() if r['method'] == 'POST' and r['status'] == 201]
    assert DEMO_TOKEN not in json.dumps(team(name='Shown'))


def test_team_readonly_token_and_legacy_login(konnect_with_readers):
    emulator = konnect_with_readers
    emulator.reset()
    team = identity(emulator, 'team')
    forbidden = team(name='Readers', konnect_token=READONLY_TOKEN)
    assert forbidden['failed'] and forbidden['status'] == 403 and "lacks the permission to create team 'Readers'" in forbidden['msg']

    team.connection_args = lambda: dict((k, v) for k, v in dict(connection(emulator), konnect_region='eu').items() if k != 'konnect_token')
    emulator.clear_requests()
    legacy = team(name='Legacy', konnect_email=DEMO_USER, konnect_password=DEMO_PASSWORD)
    assert legacy['changed'] and legacy['team']['name'] == 'Legacy' and DEMO_PASSWORD not in json.dumps(legacy)
    assert [r['base'] for r in emulator.requests() if r['path'] == '/kauth/api/v1/authenticate'] == ['global']
    bad_login = team(name='Legacy', konnect_email=DEMO_USER, konnect_password='not-the-password')
    assert bad_login['failed'] and 'legacy email/password login' in bad_login['msg'] and 'not-the-password' not in json.dumps(bad_login)


def test_team_created_once_through_a_storm(emulator):
    team, info = identity(emulator, 'team'), identity(emulator, 'team_info')
    emulator.set_faults({'rate_limit': {'requests_per_second': 2, 'retry_after': 1}, 'drop': {'count': 1, 'methods': ['POST'], 'after_processing': True}})
    storm = team(name='Storm')
    emulator.set_faults({})
    assert storm['changed'], storm.get('msg')
    assert [t['id'] for t in info(filters={'name': 'Storm'})['teams']] == [storm['team']['id']]


# --- team_user (moved from the integration target team_user, issue 13) --------------------------------------------

def a_team_and_members(emulator):
    """Team Platform, Jane invited (pending), and the admin the token belongs to."""
    team_id = identity(emulator, 'team')(name='Platform')['team']['id']
    jane_id = identity(emulator, 'user')(email='jane.doe@example.com')['user']['id']
    admin_id = identity(emulator, 'user_info')(email=DEMO_USER)['users'][0]['id']
    return team_id, jane_id, admin_id


def test_team_user_add_list_remove(emulator):
    team_id, jane_id, admin_id = a_team_and_members(emulator)
    member, info = identity(emulator, 'team_user'), identity(emulator, 'team_user_info')
    members = '/v3/teams/%s/users' % team_id
    jane = 'jane.doe@example.com (%s)' % jane_id  # the name the task gave, beside the id

    predicted, sent = member.counted(check_mode=True, diff=True, team='Platform', user='jane.doe@example.com')
    assert predicted['changed'] and predicted['team_user']['id'] == jane_id
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['user'] == jane
    assert not writes(sent) and bases(sent) == ['global']

    added, sent = member.counted(team='Platform', user='jane.doe@example.com')
    assert added['changed'] and bases(sent) == ['global']
    assert [(w['method'], w['path'], w['body'], w['status']) for w in writes(sent)] == [('POST', members, {'id': jane_id}, 201)]

    again, sent = member.counted(diff=True, team='Platform', user='jane.doe@example.com')
    assert not again['changed'] and again['team_user']['id'] == jane_id and again['team_user']['email'] == 'jane.doe@example.com'
    assert again['diff']['before'] == again['diff']['after'] and not writes(sent) and bases(sent) == ['global']
    again, sent = member.counted(team=team_id, user=jane_id)
    assert not again['changed'] and again['team_user']['id'] == jane_id
    assert [(r['method'], r['path'], r['base']) for r in sent] == [('GET', members, 'global')]

    by_id, sent = member.counted(team=team_id, user=admin_id)
    assert by_id['changed'] and [(w['body'], w['status']) for w in writes(sent)] == [({'id': admin_id}, 201)] and bases(sent) == ['global']

    emulator.clear_requests()
    listed = info(team='Platform')
    assert not listed['changed'] and sorted(m['email'] for m in listed['team_users']) == ['admin@example.com', 'jane.doe@example.com']
    assert [m['id'] for m in info(team=team_id, filters={'email': {'contains': 'jane'}})['team_users']] == [jane_id]
    assert [m['id'] for m in info(team=team_id, filters={'active': False})['team_users']] == [jane_id]  # filtered after listing
    sent = emulator.requests()
    queries = [json.dumps(r['query']) for r in sent]
    assert len([q for q in queries if 'filter[email][contains]' in q]) == 1 and not [q for q in queries if 'filter[active]' in q]
    assert bases(sent) == ['global'] and not writes(sent)

    # Konnect cannot read one membership, so a member given by id is found in the team's list
    emulator.clear_requests()
    assert member(check_mode=True, team=team_id, id=jane_id, state='absent')['changed']
    assert [m['id'] for m in info(team=team_id, id=jane_id)['team_users']] == [jane_id]
    assert not writes(emulator.requests())

    planned, sent = member.counted(check_mode=True, diff=True, team='Platform', user='jane.doe@example.com', state='absent')
    assert planned['changed'] and planned['diff']['before']['user'] == jane and planned['diff']['after'] == {} and not writes(sent)
    removed, sent = member.counted(team='Platform', user='jane.doe@example.com', state='absent')
    assert removed['changed'] and removed['team_user'] == {} and bases(sent) == ['global']
    assert [(w['method'], w['path']) for w in writes(sent)] == [('DELETE', '%s/%s' % (members, jane_id))]

    emulator.clear_requests()
    assert not member(team='Platform', user='jane.doe@example.com', state='absent')['changed']
    assert not member(team=team_id, user=jane_id, state='absent')['changed']
    assert not member(team='Platform', user='nobody@example.com', state='absent')['changed']
    sent = emulator.requests()
    assert not writes(sent) and len([r for r in sent if r['path'] == members]) == 2
    alone, sent = member.counted(team=team_id, user=jane_id, state='absent')
    assert not alone['changed'] and len(sent) == 1

    assert [m['id'] for m in info(team='Platform')['team_users']] == [admin_id]
    assert len(identity(emulator, 'user_info')(id=jane_id)['users']) == 1  # Jane stays in the organization


def test_team_user_refusals(emulator):
    team_id, jane_id, admin_id = a_team_and_members(emulator)
    member, info = identity(emulator, 'team_user'), identity(emulator, 'team_user_info')
    assert_refused(member, dict(team='Platform', user='nobody@example.com'), 'user', 'nobody@example.com')
    assert_refused(member, dict(team='No Such Team', user='jane.doe@example.com'), 'team', 'No Such Team')
    refused = assert_refused(member, dict(team=GHOST, user=jane_id))
    assert re.search('^team. no team with id ' + GHOST, refused['msg']), refused['msg']
    assert_refused(member, dict(team='Platform'), 'user')

    # a team or user given by an id that does not exist
    refused = assert_refused(member, dict(team=GHOST, user=admin_id))
    assert 'no team membership' not in refused['msg']
    assert re.search('team.*%s.*(not found|was found)|no team .*%s' % (GHOST, GHOST), refused['msg']), refused['msg']
    refused = assert_refused(info, dict(team=GHOST))
    assert re.search('no team .*%s|team.*%s.*(not found|was found)' % (GHOST, GHOST), refused['msg']), refused['msg']
    refused = assert_refused(member, dict(team=team_id, user='00000000-0000-4000-8000-000000000001'))
    assert 'no team membership' not in refused['msg'] and re.search('user.*00000000-0000-4000-8000-000000000001', refused['msg'])


# --- system_account, system_account_team (moved from the integration target system_account, issue 13) --------------

CI = dict(name='ci-deployer', description='Deploys gateway configuration')


def test_system_account_life(emulator):
    account, info = identity(emulator, 'system_account'), identity(emulator, 'system_account_info')
    refused, sent = account.counted(name='ci-deployer')
    assert refused['failed'] and 'description: required to create a system account' in refused['msg'] and not writes(sent)
    for args, words in ((dict(description='Nameless'), ('name', 'id')), (dict(CI, konnect_managed='sometimes'), ('konnect_managed',))):
        assert_refused(account, args, *words)
        assert emulator.requests() == []

    predicted, sent = account.counted(check_mode=True, diff=True, **CI)
    assert predicted['changed'] and predicted['system_account']['name'] == 'ci-deployer' and predicted['system_account']['id'] is None
    assert predicted['diff']['before'] == {} and (predicted['diff']['after']['name'], predicted['diff']['after']['description']) == (
        'ci-deployer', 'Deploys gateway configuration') and not writes(sent)

    created, sent = account.counted(diff=True, **CI)
    made = created['system_account']
    assert created['changed'] and len(made['id']) == 36 and (made['name'], made['description']) == ('ci-deployer', 'Deploys gateway configuration')
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == made['id']
    assert [(w['method'], w['path'], w['body']) for w in writes(sent)] == [('POST', '/v3/system-accounts', CI)] and bases(sent) == ['global']

    again, sent = account.counted(**CI)
    assert not again['changed'] and again['system_account']['id'] == made['id']
    assert [(r['method'], r['path']) for r in sent] == [('GET', '/v3/system-accounts')]
    again, sent = account.counted(id=made['id'], **CI)
    assert not again['changed'] and [r['path'] for r in sent] == ['/v3/system-accounts/' + made['id']]

    planned, sent = account.counted(check_mode=True, diff=True, name='ci-deployer', description='Deploys from GitHub Actions')
    assert planned['changed'] and planned['system_account']['description'] == 'Deploys from GitHub Actions' and not writes(sent)
    assert (planned['diff']['before']['description'], planned['diff']['after']['description']) == ('Deploys gateway configuration',
                                                                                                   'Deploys from GitHub Actions')
    updated, sent = account.counted(diff=True, name='ci-deployer', description='Deploys from GitHub Actions')
    assert updated['changed'] and updated['system_account']['description'] == 'Deploys from GitHub Actions'
    assert (updated['diff']['before']['description'], updated['diff']['after']['description']) == ('Deploys gateway configuration',
                                                                                                   'Deploys from GitHub Actions')
    assert updated['diff']['before']['name'] == 'ci-deployer'
    assert [(w['method'], w['body']) for w in writes(sent)] == [('PATCH', {'description': 'Deploys from GitHub Actions'})]

    renamed, sent = account.counted(diff=True, id=made['id'], name='gha-deployer')
    assert renamed['changed'] and renamed['system_account']['id'] == made['id'] and renamed['system_account']['name'] == 'gha-deployer'
    assert (renamed['diff']['before']['name'], renamed['diff']['after']['name']) == ('ci-deployer', 'gha-deployer')
    assert [(w['method'], w['path'], w['body']) for w in writes(sent)] == [('PATCH', '/v3/system-accounts/' + made['id'], {'name': 'gha-deployer'})]
    assert not account(id=made['id'], name='gha-deployer')['changed']
    assert_refused(account, dict(id=GHOST, name='ghost'), 'id: no system account with id ' + GHOST)

    monitoring = account(name='monitoring', description='Reads analytics', konnect_managed=False)['system_account']
    refused = assert_refused(account, dict(name='monitoring', konnect_managed=True))
    assert re.search('^konnect_managed: .*cannot be changed', refused['msg']), refused['msg']
    recreate, sent = account.counted(check_mode=True, name='monitoring', konnect_managed=True, recreate=True)
    assert recreate['changed'] and recreate['system_account']['konnect_managed'] and recreate['system_account']['id'] is None
    assert not writes(sent)

    emulator.clear_requests()
    assert sorted(a['name'] for a in info()['system_accounts']) == ['gha-deployer', 'monitoring'] and not info()['changed']
    [by_name] = info(name='gha-deployer')['system_accounts']
    assert by_name['id'] == made['id'] and by_name['description'] == 'Deploys from GitHub Actions'
    assert [a['name'] for a in info(id=monitoring['id'])['system_accounts']] == ['monitoring']
    emulator.clear_requests()
    assert [a['name'] for a in info(filters={'name': {'contains': 'monit'}, 'konnect_managed': False})['system_accounts']] == ['monitoring']
    assert [a['name'] for a in info(filters={'description': {'contains': 'GitHub'}})['system_accounts']] == ['gha-deployer']
    assert info(name='nobody')['system_accounts'] == []
    sent = emulator.requests()
    assert len(sent) == 3 and not writes(sent)
    assert (sent[0]['query']['filter[name][contains]'], sent[0]['query']['filter[konnect_managed]']) == (['monit'], ['false'])
    assert sent[1]['query']['filter[description][contains]'] == ['GitHub']

    refused = assert_refused(info, dict(name='gha-deployer', id=made['id']), 'name')
    assert re.search('mutually exclusive: .*id', refused['msg'])
    assert emulator.requests() == []
    refused = assert_refused(info, dict(filters={'name': {'like': 'deploy'}}))
    assert re.search("^filters.name: unknown operator 'like'", refused['msg']) and emulator.requests() == []
    assert assert_refused(identity(emulator, 'system_account_team_info'), {})['msg'] == 'missing required arguments: team'
    assert emulator.requests() == []

    planned, sent = account.counted(check_mode=True, diff=True, name='gha-deployer', state='absent')
    assert planned['changed'] and planned['diff']['before']['name'] == 'gha-deployer' and planned['diff']['after'] == {} and not writes(sent)
    deleted, sent = account.counted(name='gha-deployer', state='absent')
    assert deleted['changed'] and deleted['system_account'] == {}
    assert [(w['method'], w['path']) for w in writes(sent)] == [('DELETE', '/v3/system-accounts/' + made['id'])]
    emulator.clear_requests()
    assert not account(name='gha-deployer', state='absent')['changed']
    assert account(id=monitoring['id'], state='absent')['changed']
    assert not account(id=monitoring['id'], state='absent')['changed']
    assert len(writes(emulator.requests())) == 1


def test_system_account_team(emulator):
    account, member = identity(emulator, 'system_account'), identity(emulator, 'system_account_team')
    info = identity(emulator, 'system_account_team_info')
    gha = account(name='gha-deployer', description='Deploys')['system_account']['id']
    monitoring = account(name='monitoring', description='Reads analytics')['system_account']['id']
    team = identity(emulator, 'team')(name='Robots', description='Automation accounts')['team']['id']
    members = '/v3/teams/%s/system-accounts' % team
    named = 'gha-deployer (%s)' % gha  # the name the task gave, beside the id

    predicted, sent = member.counted(check_mode=True, diff=True, team='Robots', system_account='gha-deployer')
    assert predicted['changed'] and predicted['diff']['before'] == {} and predicted['diff']['after']['system_account'] == named
    assert not writes(sent)
    added, sent = member.counted(diff=True, team='Robots', system_account='gha-deployer')
    assert added['changed'] and (added['system_account_team']['id'], added['system_account_team']['name']) == (gha, 'gha-deployer')
    assert added['diff']['before'] == {} and added['diff']['after']['system_account'] == named
    assert [(w['method'], w['path'], w['body'], w['status']) for w in writes(sent)] == [('POST', members, {'id': gha}, 201)]
    again, sent = member.counted(team='Robots', system_account='gha-deployer')
    assert not again['changed'] and again['system_account_team']['id'] == gha and not writes(sent)
    again, sent = member.counted(team=team, system_account=gha)
    assert not again['changed'] and [r['path'] for r in sent] == [members]

    emulator.clear_requests()
    refused = assert_refused(member, dict(team='Robots', system_account='nobody'))
    assert re.search('^system_account: no system account .nobody. was found', refused['msg']), refused['msg']
    refused = assert_refused(member, dict(team='Nobody', system_account='gha-deployer'))
    assert re.search('^team: no team .Nobody. was found', refused['msg']), refused['msg']
    assert_refused(member, dict(team='Robots'), 'system_account')
    refused = assert_refused(member, dict(team=GHOST, system_account=gha))
    assert re.search('^team: no team with id %s was found' % GHOST, refused['msg']), refused['msg']

    assert member(team=team, system_account=monitoring)['changed']
    emulator.clear_requests()
    listed = info(team='Robots')
    assert not listed['changed'] and sorted(m['name'] for m in listed['system_account_teams']) == ['gha-deployer', 'monitoring']
    assert [m['id'] for m in info(team=team, filters={'name': 'gha-deployer'})['system_account_teams']] == [gha]
    assert [m['name'] for m in info(team=team, filters={'id': monitoring})['system_account_teams']] == ['monitoring']
    sent = emulator.requests()
    assert len(sent) == 4 and sent[2]['query']['filter[name][eq]'] == ['gha-deployer'] and sent[3]['path'] == members

    planned, sent = member.counted(check_mode=True, diff=True, team='Robots', system_account='gha-deployer', state='absent')
    assert planned['changed'] and planned['diff']['before']['system_account'] == named and planned['diff']['after'] == {} and not writes(sent)
    removed, sent = member.counted(team='Robots', system_account='gha-deployer', state='absent')
    assert removed['changed'] and removed['system_account_team'] == {}
    assert [(w['method'], w['path']) for w in writes(sent)] == [('DELETE', '%s/%s' % (members, gha))]
    again, sent = member.counted(team=team, system_account=gha, state='absent')
    assert not again['changed'] and len(sent) == 1 and not writes(sent)
    assert member(team=team, system_account=gha)['changed']
    assert member(team=team, system_account=monitoring, state='absent')['changed']
    assert [m['name'] for m in info(team='Robots')['system_account_teams']] == ['gha-deployer']

    # deleting the account removes its membership; removals of what is gone change nothing
    assert account(name='gha-deployer', state='absent')['changed']
    emulator.clear_requests()
    assert not member(team='Robots', system_account='gha-deployer', state='absent')['changed']
    assert not member(team=GHOST, system_account=monitoring, state='absent')['changed']
    assert not writes(emulator.requests())
    assert info(team='Robots')['system_account_teams'] == []
    assert bases(emulator.requests()) == ['global']
