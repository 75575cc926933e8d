# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A real ``ansible-playbook`` (tasks, then one ``apply``) SIGKILLed at several points of its run against an emulator
process: before the k-th write reaches Konnect, or after Konnect applied it and before its answer arrived (the
emulator's ``pause`` knob holds it there while the test kills). The next run converges with nothing duplicated and
nothing lost, and a run after that changes nothing; a generated key is never generated twice, a token never minted
twice."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from emulator import DEMO_TOKEN  # pylint: disable=import-error
from emulator.testing import EmulatorProcess, JsonClient  # pylint: disable=import-error

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
COLLECTIONS = os.path.dirname(os.path.dirname(os.path.dirname(REPO)))  # .../<dir>/ansible_collections/konnect/konnect


def find_ansible_playbook():
    """Next to this Python, in its environment (ansible-test runs a wrapper of it elsewhere), or on PATH."""
    for directory in (os.path.dirname(sys.executable), os.path.join(sys.prefix, 'bin')):
        candidate = os.path.join(directory, 'ansible-playbook')
        if os.path.exists(candidate):
            return candidate
    return shutil.which('ansible-playbook') or 'ansible-playbook'


ANSIBLE_PLAYBOOK = find_ansible_playbook()
WRITES = ['POST', 'PUT', 'PATCH', 'DELETE']
RECAP = re.compile(r'^localhost\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)', re.MULTILINE)

pytestmark = [pytest.mark.playbook,
              pytest.mark.skipif(os.path.basename(os.path.dirname(os.path.dirname(REPO))) != 'ansible_collections',
                                 reason='needs the collection laid out under ansible_collections/ (make pytest, ansible-test units)')]

CP = 'killed-cp'
TASKS = [
    {'konnect.konnect.control_plane': {'name': CP}},
    {'konnect.konnect.gateway_service': {'control_plane': CP, 'name': 'orders', 'host': 'orders.internal'}},
    {'konnect.konnect.gateway_route': {'control_plane': CP, 'service': 'orders', 'name': 'orders-read', 'paths': ['/orders']}},
    {'konnect.konnect.team': {'name': 'killed-team'}},  # Konnect lets two teams have one name: a duplicate would stay
    {'konnect.konnect.gateway_consumer': {'control_plane': CP, 'username': 'app'}},
    {'konnect.konnect.dp_client_certificate': {'control_plane': CP, 'generate': True, 'cert_path': '{{ workdir }}/dp.crt',
                                               'key_path': '{{ workdir }}/dp.key'}},
    {'konnect.konnect.system_account': {'name': 'killed-sa', 'description': 'deploys'}},
    {'konnect.konnect.system_account_access_token': {'system_account': 'killed-sa', 'name': 'deploy', 'expires_at': '{{ expiry }}'}},
]
DOCUMENT = {
    'managed_by': 'killed-tests',
    'teams': [{'name': 'apply-team'}],
    'system_accounts': [{'name': 'apply-sa', 'description': 'ci', 'teams': ['apply-team'],
                         'tokens': [{'name': 'ci', 'expires_at': '{{ expiry }}', 'token_file': '{{ workdir }}/ci.token'}]}],
    'control_planes': [{'name': 'apply-cp', 'region': 'us',
                        'services': [{'name': 'billing', 'host': 'billing.internal'}, {'name': 'search', 'host': 'search.internal'}],
                        'routes': [{'name': 'billing-read', 'service': 'billing', 'paths': ['/billing']}],
                        'consumers': [{'username': 'partner', 'acls': [{'group': 'readers'}]}]}],
}


@pytest.fixture(scope='module')
def konnect():
    with EmulatorProcess() as emulator:
        yield emulator


def playbook(workdir, tasks):
    expiry = time.strftime('%Y-%m-%dT00:00:00Z', time.gmtime(time.time() + 30 * 86400))
    play = {'hosts': 'localhost', 'connection': 'local', 'gather_facts': False, 'vars': {'workdir': str(workdir), 'expiry': expiry},
            'tasks': tasks}
    path = workdir / 'playbook.yml'
    path.write_text(json.dumps([play]))
    return str(path)


def start(emulator, path):
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, KONNECT_TOKEN=DEMO_TOKEN, KONNECT_API_URL=emulator.url + '/{region}',
               ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_NOCOLOR='1',
               ANSIBLE_INVENTORY_UNPARSED_WARNING='false', ANSIBLE_RETRY_FILES_ENABLED='false')
    return subprocess.Popen([ANSIBLE_PLAYBOOK, '-i', 'localhost,', path], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def run(emulator, path):
    """A whole run: (changed, failed) of its recap."""
    process = start(emulator, path)
    output = process.communicate(timeout=120)[0]
    match = RECAP.search(output)
    assert match and process.returncode == 0, output[-3000:]
    return int(match.group(2)), int(match.group(4))


def kill_at(emulator, path, write, after_processing):
    """Run until the ``write``-th write is held (applied or not), then SIGKILL ansible-playbook and all its workers (kill_tree)."""
    emulator.set_faults({'pause': {'skip': write - 1, 'methods': WRITES, 'after_processing': after_processing, 'seconds': 60}})
    process = start(emulator, path)
    deadline = time.time() + 60
    while emulator.faults()['pause']['held'] < 1:
        assert process.poll() is None, 'the run ended before its write %d: %s' % (write, process.communicate()[0][-3000:])
        assert time.time() < deadline, 'write %d never came' % write
        time.sleep(0.02)
    kill_tree(process.pid)
    process.communicate()
    emulator.set_faults({})  # releases the held request: dropped if it was not applied yet


def kill_tree(pid):
    """SIGKILL ``pid`` and every process below it. Not its process group alone: ansible-core's workers, where the
    in-process tasks run, call setsid() (executor/process/worker.py), and a worker left alive goes on writing once the
    held request is released."""
    children = {}
    for entry in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open('/proc/%s/stat' % entry) as handle:
                parent = int(handle.read().rsplit(')', 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    for member in tree:
        try:
            os.kill(member, signal.SIGKILL)
        except ProcessLookupError:
            pass


def names(api, path, field='name'):
    return sorted(item[field] for item in api.get(path).json()['data'])


def control_plane_id(api, name):
    planes = [plane for plane in api.get('/us/v2/control-planes').json()['data'] if plane['name'] == name]
    assert len(planes) == 1, planes
    return planes[0]['id']


def assert_tasks_converged(api, workdir):
    core = '/us/v2/control-planes/%s/core-entities/' % control_plane_id(api, CP)
    assert names(api, core + 'services') == ['orders'] and names(api, core + 'routes') == ['orders-read']
    assert names(api, core + 'consumers', 'username') == ['app']
    assert names(api, '/global/v3/teams') == ['killed-team']
    accounts = [account for account in api.get('/global/v3/system-accounts').json()['data'] if account['name'] == 'killed-sa']
    assert len(accounts) == 1
    assert names(api, '/global/v3/system-accounts/%s/access-tokens' % accounts[0]['id']) == ['deploy']
    pinned = [item['cert'].strip() for item in api.get('/us/v2/control-planes/%s/dp-client-certificates' % control_plane_id(api, CP)).json()['items']]
    assert pinned == [(workdir / 'dp.crt').read_text().strip()]


def kill_then_resume(konnect, path, kills, files=()):  # pylint: disable=redefined-outer-name
    """Kill a run at each of ``kills`` in turn (each run resuming what the killed ones left), then run to the end, then
    once more. ``files`` (written by the collection: keys, token files) must never be written twice: once one exists
    after a kill, the runs that follow leave it as it is."""
    seen = {}
    for write, applied in kills:
        kill_at(konnect, path, write, applied)
        for name in files:
            if name not in seen and os.path.exists(name):
                with open(name) as handle:
                    seen[name] = handle.read()
    resumed = run(konnect, path)
    assert resumed[1] == 0
    assert run(konnect, path) == (0, 0), 'a run after the resumed one changes nothing'
    for name, text in seen.items():
        with open(name) as handle:
            assert handle.read() == text, '%s was written twice' % name


# Each run resumes what the killed runs before it left, so each kill lands on a later task: the control plane (applied,
# its answer lost), the route (never sent), the team (applied), the generated certificate (applied), the token (applied).
TASK_KILLS = [(1, True), (2, False), (2, True), (2, True), (2, True)]
# apply with parallelism 1: the team, then a write never sent, then one applied whose answer was lost.
APPLY_KILLS = [(1, True), (2, False), (3, True), (2, True)]


def test_a_playbook_killed_at_write_after_write_converges_on_the_next_run(konnect, tmp_path):  # pylint: disable=redefined-outer-name
    konnect.reset()
    path = playbook(tmp_path, [dict(task, name='task %d' % index) for index, task in enumerate(TASKS)])
    kill_then_resume(konnect, path, TASK_KILLS, [str(tmp_path / 'dp.key')])
    assert_tasks_converged(JsonClient(konnect.url), tmp_path)


def test_an_apply_killed_at_write_after_write_converges_on_the_next_run(konnect, tmp_path):  # pylint: disable=redefined-outer-name
    konnect.reset()
    api = JsonClient(konnect.url)
    path = playbook(tmp_path, [{'konnect.konnect.apply': {'document': DOCUMENT, 'parallelism': 1}}])
    kill_then_resume(konnect, path, APPLY_KILLS, [str(tmp_path / 'ci.token')])
    core = '/us/v2/control-planes/%s/core-entities/' % control_plane_id(api, 'apply-cp')
    assert names(api, core + 'services') == ['billing', 'search'] and names(api, core + 'routes') == ['billing-read']
    assert names(api, core + 'consumers', 'username') == ['partner'] and names(api, core + 'acls', 'group') == ['readers']
    assert names(api, '/global/v3/teams') == ['apply-team']
    account = [item for item in api.get('/global/v3/system-accounts').json()['data'] if item['name'] == 'apply-sa']
    assert len(account) == 1 and names(api, '/global/v3/system-accounts/%s/access-tokens' % account[0]['id']) == ['ci']
