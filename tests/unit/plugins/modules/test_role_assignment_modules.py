# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""role_info, team_role, user_role, system_account_role and their _info twins against the in-process emulator: the
engine's decisions (requests sent, predictions, comparisons, check mode, refusals). Every task runs with
konnect_region eu: assignments are global, only a control plane named in an assignment is looked up, in the
assignment's entity_region.

Moved from the integration target role_assignments (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

import json

import pytest

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, writes
from emulator import DEMO_USER  # pylint: disable=import-error

CONTROL_PLANES = '/v2/control-planes'


def identity(emulator, name):
    module = Module(emulator, name)
    module.connection_args = lambda: dict(connection(emulator), konnect_region='eu')
    return module


def bases(sent):
    return sorted(set(request['base'] for request in sent))


def organization(emulator):
    """Team Platform, system account ci-deployer, the admin the token belongs to, control plane it-cp-eu (eu only)."""
    ids = dict(team=identity(emulator, 'team')(name='Platform')['team']['id'],
               system_account=identity(emulator, 'system_account')(name='ci-deployer', description='Deploys from CI')['system_account']['id'],
               user=identity(emulator, 'user_info')(email=DEMO_USER)['users'][0]['id'],
               cp=identity(emulator, 'control_plane')(name='it-cp-eu')['control_plane']['id'])
    assert identity(emulator, 'control_plane_info')(name='it-cp-eu', konnect_region='us')['control_planes'] == []
    return ids


def sent_by_refusal(module, args, *words):
    """The requests a refused task sent (assert_refused already checked they hold no write)."""
    assert_refused(module, args, *words)
    return module.emulator.requests()


def assignment(role, entity, region, **owner):
    return dict(owner, role_name=role, entity_type_name='Control Planes', entity=entity, entity_region=region)


def test_role_info_is_the_flat_catalogue(emulator):
    info = identity(emulator, 'role_info')
    catalogue, sent = info.counted()
    roles = catalogue['roles']
    assert not catalogue['changed'] and len(roles) > 10
    assert all(sorted(role) == ['description', 'entity_type_name', 'name'] and isinstance(role['description'], str) for role in roles)
    names = [(role['entity_type_name'], role['name']) for role in roles]
    for wanted in (('Control Planes', 'Admin'), ('Control Planes', 'Viewer'), ('Control Planes', 'Deployer'), ('API Products', 'Publisher')):
        assert names.count(wanted) == 1, wanted
    assert ('Control Planes', 'Publisher') not in names
    assert names == sorted(names) and len(set(map(json.dumps, roles))) == len(roles)
    assert [(r['method'], r['path'], r['base']) for r in sent] == [('GET', '/v3/roles', 'global')]
    assert_refused(info, dict(entity_type_name='Control Planes'), 'entity_type_name')


def test_team_role(emulator):
    ids = organization(emulator)
    role, info = identity(emulator, 'team_role'), identity(emulator, 'team_role_info')
    roles = '/v3/teams/%s/assigned-roles' % ids['team']
    named = 'it-cp-eu (%s)' % ids['cp']  # the name the task gave, beside the id
    admin_eu = assignment('Admin', 'it-cp-eu', 'eu', team='Platform')

    predicted, sent = role.counted(check_mode=True, diff=True, **admin_eu)
    assert predicted['changed'] and predicted['team_role']['id'] is None and predicted['team_role']['entity_id'] == ids['cp']
    assert predicted['team_role']['role_name'] == 'Admin' and predicted['diff']['before'] == {}
    assert (predicted['diff']['after']['entity'], predicted['diff']['after']['entity_region']) == (named, 'eu') and not writes(sent)

    created, sent = role.counted(diff=True, **admin_eu)
    made = created['team_role']
    assert created['changed'] and len(made['id']) == 36
    assert (made['entity_id'], made['entity_region'], made['entity_type_name']) == (ids['cp'], 'eu', 'Control Planes')
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == made['id']
    lookups = [r for r in sent if r['path'] == CONTROL_PLANES]
    assert [r['base'] for r in lookups] == ['eu'] and [r['query']['filter[name][eq]'] for r in lookups] == [['it-cp-eu']]
    assert bases([r for r in sent if r['path'] != CONTROL_PLANES]) == ['global']
    assert [(w['method'], w['base'], w['path'], w['body'], w['status']) for w in writes(sent)] == [
        ('POST', 'global', roles, {'role_name': 'Admin', 'entity_type_name': 'Control Planes', 'entity_id': ids['cp'], 'entity_region': 'eu'}, 201)]

    again, sent = role.counted(diff=True, **admin_eu)
    assert not again['changed'] and again['team_role']['id'] == made['id'] and again['diff']['before'] == again['diff']['after']
    assert not writes(sent)
    again, sent = role.counted(**assignment('Admin', ids['cp'], 'eu', team=ids['team']))
    assert not again['changed'] and again['team_role']['id'] == made['id']
    assert [(r['method'], r['path'], r['base']) for r in sent] == [('GET', roles, 'global')]

    us, sent = role.counted(**assignment('Admin', ids['cp'], 'us', team=ids['team']))
    assert us['changed'] and us['team_role']['id'] != made['id'] and us['team_role']['entity_region'] == 'us'
    assert bases(sent) == ['global'] and [w['body']['entity_region'] for w in writes(sent)] == ['us']
    everywhere = role(**assignment('Viewer', ids['cp'], '*', team='Platform'))
    assert everywhere['changed']

    emulator.clear_requests()
    listed = info(team='Platform')
    assert not listed['changed'] and len(listed['team_roles']) == 3 and set(r['entity_id'] for r in listed['team_roles']) == {ids['cp']}
    assert sorted(r['entity_region'] for r in info(team=ids['team'], filters={'role_name': 'Admin'})['team_roles']) == ['eu', 'us']
    assert sorted(r['id'] for r in info(team=ids['team'], filters={'entity_region': {'oeq': ['eu', '*']}})['team_roles']) == sorted(
        [made['id'], everywhere['team_role']['id']])
    assert [r['id'] for r in info(team=ids['team'], id=us['team_role']['id'])['team_roles']] == [us['team_role']['id']]
    sent = emulator.requests()
    queries = [json.dumps(r['query']) for r in sent]
    assert len([q for q in queries if 'filter[role_name][eq]' in q]) == 1 and not [q for q in queries if 'filter[entity_region][oeq]' in q]
    assert bases(sent) == ['global'] and not writes(sent)

    # an existing assignment given by id: found with the values it has; another role cannot be set on it
    by_id, sent = role.counted(id=us['team_role']['id'], **assignment('Admin', ids['cp'], 'us', team=ids['team']))
    assert not by_id['changed'] and by_id['team_role']['id'] == us['team_role']['id']
    assert_refused(role, dict(id=us['team_role']['id'], **assignment('Viewer', ids['cp'], 'us', team=ids['team'])), 'role_name')

    planned, sent = role.counted(check_mode=True, diff=True, state='absent', **admin_eu)
    assert planned['changed'] and planned['diff']['before']['id'] == made['id'] and planned['diff']['after'] == {} and not writes(sent)
    emulator.clear_requests()
    deleted = role(state='absent', **admin_eu)
    assert deleted['changed'] and deleted['team_role'] == {}
    assert role(team=ids['team'], id=us['team_role']['id'], state='absent')['changed']
    assert [(w['method'], w['path'], w['base']) for w in writes(emulator.requests())] == [
        ('DELETE', '%s/%s' % (roles, made['id']), 'global'), ('DELETE', '%s/%s' % (roles, us['team_role']['id']), 'global')]
    again, sent = role.counted(state='absent', **assignment('Admin', ids['cp'], 'eu', team=ids['team']))
    assert not again['changed'] and len(sent) == 1
    assert not role(team=ids['team'], id=us['team_role']['id'], state='absent')['changed']
    assert [r['id'] for r in info(team='Platform')['team_roles']] == [everywhere['team_role']['id']]


def test_team_role_refusals(emulator):
    ids = organization(emulator)
    role = identity(emulator, 'team_role')
    no_role = assignment('Admin', ids['cp'], 'eu', team=ids['team'])
    del no_role['role_name']
    # refused before any request
    assert sent_by_refusal(role, assignment('Boss', ids['cp'], 'eu', team=ids['team']), 'role_name', 'Boss') == []
    assert sent_by_refusal(role, dict(assignment('Admin', ids['cp'], 'eu', team=ids['team']), entity_type_name='Gateways'),
                           'entity_type_name', 'Gateways') == []
    assert sent_by_refusal(role, assignment('Admin', ids['cp'], 'mars', team=ids['team']), 'entity_region', 'mars') == []
    assert sent_by_refusal(role, no_role, 'role_name') == []
    assert sent_by_refusal(role, assignment('Admin', 'it-cp-eu', '*', team=ids['team']), 'entity', 'entity_region', 'it-cp-eu') == []
    assert sent_by_refusal(role, dict(team=ids['team'], role_name='Publisher', entity_type_name='API Products', entity='petstore', entity_region='eu'),
                           'entity', 'API Products') == []

    sent = sent_by_refusal(role, assignment('Admin', 'it-cp-eu', 'us', team=ids['team']), 'entity', 'it-cp-eu', 'us')
    sent += sent_by_refusal(role, assignment('Admin', ids['cp'], 'eu', team='No Such Team'), 'team', 'No Such Team')
    assert [r['base'] for r in sent if r['path'] == CONTROL_PLANES] == ['us']
    refused, sent = role.counted(**assignment('Publisher', ids['cp'], 'eu', team=ids['team']))
    assert refused['failed'] and refused['status'] == 400 and 'role_name' in refused['msg'] and 'Deployer' in refused['msg']
    assert [w['status'] for w in writes(sent)] == [400]


@pytest.mark.parametrize('kind, module_name, info_name', [
    ('user', 'user_role', 'user_role_info'),
    ('system_account', 'system_account_role', 'system_account_role_info'),
])
def test_user_and_system_account_roles(emulator, kind, module_name, info_name):
    """user_role and system_account_role: the owner by name (email) or id, the control plane looked up in eu."""
    ids = organization(emulator)
    module, info = identity(emulator, module_name), identity(emulator, info_name)
    result, listed = kind + '_role', kind + '_roles'
    owner_name = DEMO_USER if kind == 'user' else 'ci-deployer'
    owner_id = ids[kind]
    roles = '/v3/%s/%s/assigned-roles' % ('users' if kind == 'user' else 'system-accounts', owner_id)
    role_name, other_region = ('Deployer', 'au') if kind == 'user' else ('Viewer', 'sg')
    by_names = assignment(role_name, 'it-cp-eu', 'eu', **{kind: owner_name})
    by_ids = assignment(role_name, ids['cp'], 'eu', **{kind: owner_id})

    # refused before any request
    bad_role = 'Superuser' if kind == 'user' else 'viewer'  # role names are case-sensitive
    assert sent_by_refusal(module, dict(by_ids, role_name=bad_role), 'role_name', bad_role) == []
    bad_type = 'control planes' if kind == 'user' else 'Clusters'
    assert sent_by_refusal(module, dict(by_ids, entity_type_name=bad_type), 'entity_type_name', bad_type) == []
    assert sent_by_refusal(module, dict(by_ids, entity='it-cp-eu', entity_region='*'), 'entity_region', 'it-cp-eu') == []
    assert sent_by_refusal(module, dict((k, v) for k, v in by_ids.items() if k != kind), kind) == []
    assert_refused(module, dict(by_ids, **{kind: 'nobody@example.com' if kind == 'user' else 'no-such-robot'}),
                   kind, 'nobody@example.com' if kind == 'user' else 'no-such-robot')

    predicted, sent = module.counted(check_mode=True, diff=True, **by_names)
    assert predicted['changed'] and predicted[result]['id'] is None and predicted[result]['entity_id'] == ids['cp']
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['entity'] == 'it-cp-eu (%s)' % ids['cp']
    assert predicted['diff']['after']['role_name'] == role_name and not writes(sent)

    emulator.clear_requests()
    created = module(diff=True, **by_names)
    made = created[result]
    again = module(**by_names)
    sent = emulator.requests()
    assert created['changed'] and len(made['id']) == 36 and made['entity_id'] == ids['cp']
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == made['id']
    assert created['diff']['after']['entity'] == 'it-cp-eu (%s)' % ids['cp']
    assert not again['changed'] and again[result]['id'] == made['id']
    assert [r['base'] for r in sent if r['path'] == CONTROL_PLANES] == ['eu', 'eu']
    assert bases([r for r in sent if r['path'] != CONTROL_PLANES]) == ['global']
    if kind == 'system_account':
        assert len([r for r in sent if r['path'] == '/v3/system-accounts']) == 2
    assert [(w['method'], w['base'], w['path'], w['body']) for w in writes(sent)] == [
        ('POST', 'global', roles, {'role_name': role_name, 'entity_type_name': 'Control Planes', 'entity_id': ids['cp'], 'entity_region': 'eu'})]

    again, sent = module.counted(**by_ids)
    assert not again['changed'] and again[result]['id'] == made['id']
    assert [(r['path'], r['base']) for r in sent] == [(roles, 'global')]

    emulator.clear_requests()
    other = module(**dict(by_ids, entity_region=other_region))[result]
    every = info(**{kind: owner_name})[listed]
    sent = emulator.requests()
    assert other['id'] != made['id'] and sorted(r['entity_region'] for r in every) == sorted(['eu', other_region])
    assert [w['body']['entity_region'] for w in writes(sent)] == [other_region] and bases(sent) == ['global']
    emulator.clear_requests()
    if kind == 'user':
        assert [r['id'] for r in info(user=owner_id, filters={'entity_region': other_region})[listed]] == [other['id']]
        assert len(info(user=owner_id, filters={'entity_type_name': 'Control Planes'})[listed]) == 2
        queries = [json.dumps(r['query']) for r in emulator.requests()]
        assert len([q for q in queries if 'filter[entity_type_name][eq]' in q]) == 1
        assert not [q for q in queries if 'filter[entity_region][eq]' in q]  # filtered after listing
    else:
        assert len(info(system_account=owner_id, filters={'entity_region': {'oeq': ['eu', 'sg']}})[listed]) == 2
        assert [r['entity_region'] for r in info(system_account=owner_id, id=other['id'])[listed]] == ['sg']
    assert bases(emulator.requests()) == ['global'] and not writes(emulator.requests())

    planned, sent = module.counted(check_mode=True, diff=True, state='absent', **by_names)
    assert planned['changed'] and planned['diff']['before']['id'] == made['id'] and planned['diff']['after'] == {} and not writes(sent)
    emulator.clear_requests()
    deleted = module(state='absent', **by_names)
    assert deleted['changed'] and deleted[result] == {}
    assert module(id=other['id'], state='absent', **{kind: owner_id})['changed']
    assert [(w['method'], w['path'], w['base']) for w in writes(emulator.requests())] == [
        ('DELETE', '%s/%s' % (roles, made['id']), 'global'), ('DELETE', '%s/%s' % (roles, other['id']), 'global')]
    again, sent = module.counted(state='absent', **by_ids)
    assert not again['changed'] and len(sent) == 1 and not writes(sent)
    assert not module(id=other['id'], state='absent', **{kind: owner_name})['changed']
    assert info(**{kind: owner_id})[listed] == []
