# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator's knobs for half-finished runs: a write applied whose answer is lost, a request held so a test can kill
its client at a chosen point."""

import threading
import time

import pytest
import requests

from emulator.testing import JsonClient  # pylint: disable=import-error


@pytest.fixture
def api(fresh_emulator):
    return JsonClient(fresh_emulator.url)


def team_names(api):  # pylint: disable=redefined-outer-name
    return sorted(team['name'] for team in api.get('/v3/teams').json()['data'])


def wait_until_held(emulator, held=1, timeout=5.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if emulator.faults().get('pause', {}).get('held', 0) >= held:
            return
        time.sleep(0.01)
    raise AssertionError('no request was held')


def in_background(call):
    outcome = {}

    def run():
        try:
            outcome['response'] = call()
        except requests.exceptions.RequestException as exc:
            outcome['error'] = exc
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_drop_after_write_applies_the_write_and_loses_its_answer(fresh_emulator, api):  # pylint: disable=redefined-outer-name
    fresh_emulator.set_faults({'drop_after_write': {'method': 'POST', 'path_regex': '^/v3/teams$', 'count': 1}})
    assert api.get('/v3/teams').status_code == 200, 'a read is never dropped'
    with pytest.raises(requests.exceptions.ConnectionError):
        api.post('/v3/teams', {'name': 'ghost'})
    assert team_names(api) == ['ghost']
    assert api.post('/v3/teams', {'name': 'second'}).status_code == 201, 'the count is used up'
    assert fresh_emulator.faults() == {}
    assert [(entry['method'], entry['status']) for entry in fresh_emulator.requests()] == [
        ('GET', 200), ('POST', None), ('GET', 200), ('POST', 201)]


def test_drop_after_write_matches_writes_of_every_method_by_default(fresh_emulator, api):  # pylint: disable=redefined-outer-name
    team = api.post('/v3/teams', {'name': 'ops'}).json()
    fresh_emulator.set_faults({'drop_after_write': {'count': 2}})
    with pytest.raises(requests.exceptions.ConnectionError):
        api.patch('/v3/teams/%s' % team['id'], {'description': 'patched'})
    with pytest.raises(requests.exceptions.ConnectionError):
        api.delete('/v3/teams/%s' % team['id'])
    assert api.get('/v3/teams/%s' % team['id']).status_code == 404


@pytest.mark.parametrize('knob, message', [
    ({'method': 'GET'}, 'methods must be among'),
    ({'method': 'POST', 'methods': ['POST']}, 'not both'),
    ({'count': 0}, 'count must be a positive integer'),
    ({'after_processing': True}, 'unknown keys'),
])
def test_drop_after_write_is_validated(fresh_emulator, knob, message):
    with pytest.raises(Exception, match=message):
        fresh_emulator.set_faults({'drop_after_write': knob})


def test_pause_after_processing_holds_the_answer_of_an_applied_write(fresh_emulator, api):  # pylint: disable=redefined-outer-name
    fresh_emulator.set_faults({'pause': {'skip': 1, 'after_processing': True, 'methods': ['POST']}})
    assert api.post('/v3/teams', {'name': 'first'}).status_code == 201, 'skipped'
    thread, outcome = in_background(lambda: api.post('/v3/teams', {'name': 'held'}))
    wait_until_held(fresh_emulator)
    assert team_names(api) == ['first', 'held'], 'applied while its answer is held'
    assert fresh_emulator.faults()['pause']['seen'] == 2
    fresh_emulator.set_faults({})
    thread.join(5)
    assert outcome['response'].status_code == 201


def test_pause_before_processing_released_drops_the_request_unprocessed(fresh_emulator, api):  # pylint: disable=redefined-outer-name
    fresh_emulator.set_faults({'pause': {'methods': ['POST'], 'path_regex': '^/v3/teams$'}})
    thread, outcome = in_background(lambda: api.post('/v3/teams', {'name': 'never'}))
    wait_until_held(fresh_emulator)
    assert api.get('/v3/teams').status_code == 200, 'other requests go on'
    fresh_emulator.set_faults({})
    thread.join(5)
    assert isinstance(outcome.get('error'), requests.exceptions.ConnectionError)
    assert team_names(api) == []


def test_pause_whose_seconds_run_out_goes_on(fresh_emulator, api):  # pylint: disable=redefined-outer-name
    fresh_emulator.set_faults({'pause': {'seconds': 0.2, 'methods': ['POST']}})
    started = time.time()
    assert api.post('/v3/teams', {'name': 'late'}).status_code == 201
    assert time.time() - started >= 0.19 and team_names(api) == ['late']


@pytest.mark.parametrize('knob, message', [
    ({'skip': -1}, 'skip'),
    ({'seconds': 0}, 'seconds'),
    ({'seconds': 601}, 'seconds'),
    ({'status': 500}, 'unknown keys'),
])
def test_pause_is_validated(fresh_emulator, knob, message):
    with pytest.raises(Exception, match=message):
        fresh_emulator.set_faults({'pause': knob})
