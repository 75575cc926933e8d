# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Races with other writers, and Konnect's reads that lag its writes (issue 13).

A create refused because another writer created the same entity meanwhile (409 on platform APIs, Kong's 400
unique violation on core entities) converges on that entity; creates of a key Konnect does not enforce (teams)
are serialised on this machine; a read right after a create that finds nothing is tried again, briefly.
"""

from __future__ import annotations

import copy
import os
import shutil
import stat
import threading
import time
from types import SimpleNamespace

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils import coordination
from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask
from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient, Response
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import connection
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.test_portal_access_modules import Org

from emulator.testing import JsonClient  # pylint: disable=import-error,wrong-import-order

CONTROL_PLANES = '/us/v2/control-planes'
SERVICES = '/us/v2/control-planes/%s/core-entities/services'
TEAMS = '/global/v3/teams'


def another_writer_first(monkeypatch, emulator, path_suffix, create):
    """Just before this process's first POST to a path ending in ``path_suffix``, another writer runs ``create``."""
    original = KonnectClient._send
    done = []

    def send(client, method, path, params, body, region=None):
        if method == 'POST' and path.endswith(path_suffix) and not done:
            done.append(path)
            create(JsonClient(emulator.url))
        return original(client, method, path, params, body, region)
    monkeypatch.setattr(KonnectClient, '_send', send)
    return done


def summary(sent):
    return [(request['method'], request['status']) for request in sent]


# -- 409: a platform entity created meanwhile ---------------------------------------------------------

def test_a_control_plane_created_meanwhile_with_the_same_fields_is_ok_and_unchanged(emulator, monkeypatch):
    control_plane = Module(emulator, 'control_plane')
    another_writer_first(monkeypatch, emulator, '/control-planes', lambda other: other.post(CONTROL_PLANES, {'name': 'race-cp'}))
    result, sent = control_plane.counted(name='race-cp')
    assert not result.get('failed'), result['msg']
    assert not result['changed'] and result['action'] == 'unchanged'
    # find (nothing), the other writer's POST, this POST refused 409, read again (found), nothing to change
    assert summary(sent) == [('GET', 200), ('POST', 201), ('POST', 409), ('GET', 200)]
    assert len(JsonClient(emulator.url).get(CONTROL_PLANES).json()['data']) == 1


def test_a_control_plane_created_meanwhile_with_other_fields_is_updated(emulator, monkeypatch):
    control_plane = Module(emulator, 'control_plane')
    another_writer_first(monkeypatch, emulator, '/control-planes', lambda other: other.post(CONTROL_PLANES, {'name': 'race-cp'}))
    result, sent = control_plane.counted(name='race-cp', description='mine', diff=True)
    assert not result.get('failed'), result['msg']
    assert result['changed'] and result['action'] == 'updated'
    assert result['control_plane']['description'] == 'mine'
    assert result['diff']['before'].get('description') != 'mine'
    assert [request['method'] for request in writes(sent)] == ['POST', 'POST', 'PATCH']


# -- 400: Kong's unique violation on a core entity -------------------------------------------------------

def test_a_service_created_meanwhile_is_converged_after_the_400_unique_violation(emulator, monkeypatch):
    cp = JsonClient(emulator.url).post(CONTROL_PLANES, {'name': 'race-cp'}).json()['id']
    service = Module(emulator, 'gateway_service')
    another_writer_first(monkeypatch, emulator, '/services',
                         lambda other: other.post(SERVICES % cp, {'name': 'svc', 'host': 'a.example.com'}))
    result, sent = service.counted(control_plane=cp, name='svc', host='b.example.com')
    assert not result.get('failed'), result['msg']
    assert result['changed'] and result['action'] == 'updated' and result['gateway_service']['host'] == 'b.example.com'
    refused = [request for request in sent if request['status'] == 400]
    assert len(refused) == 1 and refused[0]['method'] == 'POST'
    assert [request['method'] for request in writes(sent)][:2] == ['POST', 'POST'] and len(writes(sent)) == 3  # then the update
    assert len(JsonClient(emulator.url).get(SERVICES % cp).json()['data']) == 1


def test_a_refusal_that_is_not_about_this_entity_still_fails(emulator, monkeypatch):
    """A 409 whose entity cannot be found again by its key is Konnect's refusal, relayed (after a short re-read)."""
    monkeypatch.setattr(coordination, 'CONFLICT_READS', 2)
    original = KonnectClient._send

    def send(client, method, path, params, body, region=None):
        if method == 'POST':
            return Response(409, {'status': 409, 'title': 'Resource Conflict', 'detail': 'Something else is in the way.'})
        return original(client, method, path, params, body, region)
    monkeypatch.setattr(KonnectClient, '_send', send)
    result, sent = Module(emulator, 'control_plane').counted(name='race-cp')
    assert result['failed'] and '409' in result['msg'] and 'Something else is in the way' in result['msg']
    assert summary(sent) == [('GET', 200), ('GET', 200), ('GET', 200)]  # the look, then two reads after the refusal


@pytest.mark.parametrize('status, body, duplicate', [
    (409, {'status': 409, 'title': 'Resource Conflict'}, True),
    (400, {'code': 3, 'message': 'data constraint error', 'details': [{'field': 'name', 'messages': ['name (type: unique) constraint failed']}]}, True),
    (400, {'code': 3, 'message': 'name (type: unique) constraint failed'}, True),
    (400, {'code': 3, 'message': 'data constraint error', 'details': [{'messages': ['service.id (type: foreign) constraint failed']}]}, False),
    (400, {'code': 3, 'message': 'validation error', 'details': [{'field': 'host', 'messages': ['missing properties']}]}, False),
    (400, {'status': 400, 'detail': 'Invalid', 'invalid_parameters': [{'field': 'name', 'rule': 'unique', 'reason': 'taken'}]}, True),
    (400, {'status': 400, 'detail': 'Invalid', 'invalid_parameters': [{'field': 'name', 'rule': 'required', 'reason': 'missing'}]}, False),
    (403, {'status': 403, 'title': 'Forbidden'}, False),
])
def test_which_refusals_mean_the_entity_exists(status, body, duplicate):
    assert coordination.refused_as_duplicate(KonnectApiError(status, 'POST', '/x', body)) is duplicate


def test_a_portal_created_meanwhile_is_converged_after_the_400_of_an_api_without_409(emulator, monkeypatch):
    another_writer_first(monkeypatch, emulator, '/portals', lambda other: other.post('/us/v3/portals', {'name': 'race-portal'}))
    result, sent = Module(emulator, 'portal').counted(name='race-portal')
    assert not result.get('failed'), result['msg']
    assert ('POST', 400) in summary(sent)
    assert len(JsonClient(emulator.url).get('/us/v3/portals').json()['data']) == 1


# -- apply ----------------------------------------------------------------------------------------------

def test_apply_converges_on_what_another_writer_created_while_it_ran(emulator, monkeypatch):
    document = {'managed_by': 'tests', 'control_planes': [{'name': 'race-cp', 'region': 'us', 'description': 'mine'}]}
    another_writer_first(monkeypatch, emulator, '/control-planes',
                         lambda other: other.post(CONTROL_PLANES, {'name': 'race-cp', 'description': 'theirs'}))
    params = dict(connection(emulator), prune=False, parallelism=4, document=copy.deepcopy(document))
    result = ApplyTask().execute(params, warn=lambda message: None)
    assert result['changed'] and [change['action'] for change in result['changes']] == ['updated']
    listed = JsonClient(emulator.url).get(CONTROL_PLANES).json()['data']
    assert len(listed) == 1 and listed[0]['description'] == 'mine'
    again = ApplyTask().execute(dict(params, document=copy.deepcopy(document)), warn=lambda message: None)
    assert not again['changed']


# -- teams: a key Konnect does not enforce -----------------------------------------------------------------

def run_at_once(count, work):
    """``work()`` in ``count`` threads started together; their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        barrier.wait()
        results[index] = work()
    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_teams_of_one_name_created_at_once_make_one_team(emulator):
    emulator.set_faults({'latency_ms': 20})  # a window wide enough for every writer to look before any creates
    results = run_at_once(6, lambda: Module(emulator, 'team')(name='race-team'))
    assert not any(result.get('failed') for result in results), results
    assert sorted(result['action'] for result in results) == ['created'] + ['unchanged'] * 5
    assert len(JsonClient(emulator.url).get(TEAMS).json()['data']) == 1


def test_without_the_lock_the_same_writers_make_duplicate_teams(emulator, monkeypatch):
    """What the lock prevents: Konnect itself accepts a second team of the same name."""
    monkeypatch.setattr(coordination, 'UNENFORCED_KEYS', frozenset())
    emulator.set_faults({'latency_ms': 20})
    run_at_once(6, lambda: Module(emulator, 'team')(name='race-team'))
    assert len(JsonClient(emulator.url).get(TEAMS).json()['data']) > 1


def test_the_lock_directory_is_private(coordination_directory, tmp_path, monkeypatch):
    assert coordination.private_directory() == str(coordination_directory)
    shared = tmp_path / 'shared'
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(coordination.DIRECTORY_ENV, str(shared))
    assert coordination.private_directory() is None  # readable by others: not trusted, nothing is locked there


def test_notes_no_read_looks_at_and_unused_locks_are_removed_every_ten_minutes(coordination_directory):
    directory = str(coordination_directory)
    now = time.time()
    ages = {'recent/ab/old': coordination.RECENT_SECONDS + 1, 'recent/cd/new': 1, 'lock-old': coordination.LOCK_LIFETIME_SECONDS + 1,
            'lock-new': coordination.RECENT_SECONDS + 1, 'someone-elses': coordination.LOCK_LIFETIME_SECONDS + 1}
    for name, age in ages.items():
        path = os.path.join(directory, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, 'w').close()
        os.utime(path, (now - age, now - age))

    def left():
        return sorted(os.path.relpath(os.path.join(root, name), directory) for root, _dirs, names in os.walk(directory) for name in names)

    coordination._tidy(directory, now=lambda: now)
    assert left() == ['lock-new', 'recent/cd/new', 'someone-elses', coordination.TIDIED]
    os.utime(os.path.join(directory, 'recent/cd/new'), (now - 3600, now - 3600))
    coordination._tidy(directory, now=lambda: now + coordination.TIDY_EVERY_SECONDS - 1)
    assert 'recent/cd/new' in left()  # tidied less than ten minutes ago: the notes are not looked through
    coordination._tidy(directory, now=lambda: now + coordination.TIDY_EVERY_SECONDS + 1)
    assert 'recent/cd/new' not in left()


def test_a_note_after_its_directory_was_removed_makes_the_directory_private_again(coordination_directory):
    client = SimpleNamespace(global_url='https://global.example', session=SimpleNamespace(headers={'Authorization': 'Bearer x'}))
    team = get_entity('team')
    coordination.note_created(client, team, {}, {'name': 'a'}, 'id-a')
    assert coordination.created_recently(client, team, {}, {'name': 'a'})
    shutil.rmtree(str(coordination_directory))  # checked and trusted by this process already
    coordination.note_created(client, team, {}, {'name': 'b'}, 'id-b')
    assert coordination.created_recently(client, team, {}, identifier='id-b')
    assert stat.S_IMODE(os.stat(str(coordination_directory)).st_mode) == 0o700


def test_apply_takes_the_same_lock(emulator):
    """Two applies at once (two hosts of a play running the role) make one team."""
    emulator.set_faults({'latency_ms': 20})
    document = {'managed_by': 'tests', 'teams': [{'name': 'race-team'}]}
    params = dict(connection(emulator), prune=False, parallelism=4)
    results = run_at_once(4, lambda: ApplyTask().execute(dict(params, document=copy.deepcopy(document)), warn=lambda message: None))
    assert sorted(result['changed'] for result in results) == [False, False, False, True]
    assert len(JsonClient(emulator.url).get(TEAMS).json()['data']) == 1


# -- eventual consistency -------------------------------------------------------------------------------

def test_the_emulator_hides_new_entities_while_visibility_lags(emulator):
    emulator.set_faults({'visibility_delay_ms': 60000})
    other = JsonClient(emulator.url)
    created = other.post(CONTROL_PLANES, {'name': 'late'})
    assert created.status_code == 201
    assert other.get(CONTROL_PLANES + '/' + created.json()['id']).status_code == 404
    assert other.get(SERVICES % created.json()['id']).status_code == 404
    assert other.get(CONTROL_PLANES).json()['data'] == []
    assert other.post(CONTROL_PLANES, {'name': 'late'}).status_code == 409  # writes see it


def test_a_parent_just_created_is_waited_for(emulator):
    emulator.set_faults({'visibility_delay_ms': 700})
    assert Module(emulator, 'control_plane')(name='race-cp')['changed']
    result, sent = Module(emulator, 'gateway_service').counted(control_plane='race-cp', name='svc', host='a.example.com')
    assert not result.get('failed'), result['msg']
    assert result['changed']
    looks = [request for request in sent if request['method'] == 'GET' and request['path'] == '/v2/control-planes']
    assert len(looks) > 1  # the first look did not find it yet


def test_a_parent_created_elsewhere_is_not_waited_for(emulator):
    """Only what this machine has just created is waited for: an unknown name fails at once."""
    emulator.set_faults({'visibility_delay_ms': 60000})
    JsonClient(emulator.url).post(CONTROL_PLANES, {'name': 'race-cp'})
    result, sent = Module(emulator, 'gateway_service').counted(control_plane='race-cp', name='svc', host='a.example.com')
    assert result['failed'] and 'race-cp' in result['msg'] and len(sent) == 1


def test_apply_waits_for_the_control_plane_it_has_just_created(emulator):
    emulator.set_faults({'visibility_delay_ms': 700})
    document = {'managed_by': 'tests', 'control_planes': [
        {'name': 'race-cp', 'region': 'us', 'services': [{'name': 'svc', 'host': 'a.example.com'}]}]}
    params = dict(connection(emulator), prune=False, parallelism=4, document=copy.deepcopy(document))
    result = ApplyTask().execute(params, warn=lambda message: None)
    assert [change['action'] for change in result['changes']] == ['created', 'created']


def test_a_create_refused_while_the_existing_entity_is_still_invisible_waits_for_it(emulator, monkeypatch):
    emulator.set_faults({'visibility_delay_ms': 300})
    another_writer_first(monkeypatch, emulator, '/control-planes', lambda other: other.post(CONTROL_PLANES, {'name': 'race-cp'}))
    result, sent = Module(emulator, 'control_plane').counted(name='race-cp')
    assert not result.get('failed'), result['msg']
    assert not result['changed']
    assert ('POST', 409) in summary(sent)


def test_an_approval_that_shows_late_is_waited_for(emulator):
    org = Org(emulator)
    jane = org.developer(status='pending')
    emulator.set_faults({'approval_delay_ms': 600})
    developer = Module(emulator, 'portal_developer')
    args = dict(portal=org.portal, email='jane@example.com', full_name='jane')
    result, sent = developer.counted(status='approved', **args)
    assert result['changed'] and result['portal_developer']['status'] == 'approved'
    reads_after = [request for request in sent if request['method'] == 'GET' and request['path'].endswith(jane)]
    assert len(reads_after) > 1  # read until Konnect shows the approval
    again, sent = developer.counted(status='approved', **args)
    assert not again['changed'] and not writes(sent)


def test_the_emulator_shows_an_approval_late(emulator):
    org = Org(emulator)
    jane = org.developer(status='pending')
    emulator.set_faults({'approval_delay_ms': 60000})
    other = JsonClient(emulator.url)
    path = '/us' + org.path('/developers/' + jane)
    assert other.patch(path, {'status': 'approved'}).json()['status'] == 'approved'
    assert other.get(path).json()['status'] == 'pending'
    assert other.get('/us' + org.path('/developers')).json()['data'][0]['status'] == 'pending'


def test_a_name_looked_up_in_another_region_is_not_waited_for(emulator):
    """A control plane this machine just created in eu is not what a lookup of its name in us waits for."""
    control_plane = Module(emulator, 'control_plane')
    control_plane.connection_args = lambda: dict(connection(emulator), konnect_region='eu')
    assert control_plane(name='edge-eu')['changed']
    team = Module(emulator, 'team')(name='ops')['team']
    role = Module(emulator, 'team_role')
    role.connection_args = control_plane.connection_args  # the task's region is eu; it names a control plane in us
    result, sent = role.counted(team=team['id'], role_name='Admin', entity_type_name='Control Planes', entity='edge-eu', entity_region='us')
    assert result['failed'] and 'edge-eu' in result['msg']
    assert [request['path'] for request in sent if request['path'] == '/v2/control-planes'] == ['/v2/control-planes'], sent
