# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One playbook, run with real ``ansible-playbook`` both ways at once: host ``in_process`` (the action plugin's
default for a local connection) and host ``on_target`` (``konnect_execution: target``: the classic module), each
against its own emulator. Every task keyword a module honours is used once; the registered results must be equal
once what differs by nature (ids, times, ports, job ids) is normalised.

The credentials and the API URL come only from the play's ``environment:`` (templated per host); the block and the
task levels override them. About 10 s: the module path costs ~0.4 s a task.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from emulator.testing import EmulatorThread  # pylint: disable=import-error

ANSIBLE_PLAYBOOK = os.path.join(os.path.dirname(sys.executable), 'ansible-playbook')
HERE = os.path.dirname(os.path.abspath(__file__))
# .../ansible_collections/konnect/konnect/tests/unit/plugins/action -> the directory holding ansible_collections
COLLECTIONS_PATH = os.path.abspath(os.path.join(HERE, *(['..'] * 7)))
BAD_TOKEN = 'kpat_' + 'x' * 40
HOSTS = ('in_process', 'on_target')

pytestmark = [pytest.mark.playbook,
              pytest.mark.skipif(not os.access(ANSIBLE_PLAYBOOK, os.X_OK), reason='ansible-playbook is not next to this Python')]


def team(name, **options):
    return {'konnect.konnect.team': dict(name=name, **options)}


def team_info(**options):
    return {'konnect.konnect.team_info': options}


def faults(body):
    """Sets the emulator's faults from the playbook (the in-process and the module tasks share nothing else)."""
    return {'ansible.builtin.uri': {'url': '{{ emulator_url }}/_emulator/faults', 'method': 'PUT', 'body_format': 'json',
                                    'body': body, 'status_code': [200, 204]}}


# (name, task): each task is registered under its name and compared, but for the set_ helpers (the emulator's knobs).
KEYWORD_TASKS = [
    ('play_environment', team('tasksenv-a', description='one')),
    ('rerun_unchanged', team('tasksenv-a', description='one')),
    ('check_mode_and_diff', dict(team('tasksenv-a', description='check'), check_mode=True, diff=True)),
    ('diff', dict(team('tasksenv-a', description='two'), diff=True)),
    ('no_log', dict(team('tasksenv-a', description='three'), no_log=True)),
    ('task_environment_wins', dict(team_info(), environment='{{ task_env }}', ignore_errors=True)),
    ('empty_environment_is_unset', dict(team_info(), environment={'KONNECT_TOKEN': ''}, ignore_errors=True)),
    ('unknown_option', dict(team('tasksenv-a', colour='blue'), ignore_errors=True)),
    ('args_keyword', {'konnect.konnect.team': None, 'args': {'name': 'tasksenv-args'}}),
    ('loop_until', dict(team_info(name='{{ item }}'), loop=['tasksenv-args', 'nobody'], until='r_loop_until.teams is defined', retries=2, delay=0)),
    ('changed_and_failed_when', dict(team_info(), changed_when=True, failed_when='r_changed_and_failed_when.teams | length < 99',
                                     ignore_errors=True)),
    ('delegate_to_localhost', dict(team_info(name='tasksenv-a'), delegate_to='localhost')),
    ('async_poll', dict(team_info(name='tasksenv-a'), **{'async': 30, 'poll': 1})),
    ('become', dict(team_info(name='tasksenv-a'), become=True, become_method='su', become_user='root')),
    ('set_slow_konnect', faults({'latency_ms': 2500})),
    ('timeout', dict(team_info(), timeout=1, ignore_errors=True)),
    ('set_fast_konnect', faults({})),
    ('delete', team('tasksenv-args', state='absent')),
    ('check_mode_delete', dict(team('tasksenv-a', state='absent'), check_mode=True)),
]
BLOCK_TASKS = [
    # the block's environment moves the regional calls to eu and names an API URL where nothing listens: the group's
    # module_defaults give the emulator's; module_defaults of one module apply to it alone
    ('block_environment', {'konnect.konnect.control_plane': {'name': 'tasksenv-cp'}}),
    ('module_defaults', team('tasksenv-defaults')),
    ('module_defaults_group', team_info()),
]


def compared(tasks):
    return [(name, task) for name, task in tasks if not name.startswith('set_')]


def playbook(out_dir):
    tasks = [dict(task, name=name, register='r_' + name) for name, task in compared(KEYWORD_TASKS)]
    tasks += [dict(task, name=name) for name, task in KEYWORD_TASKS if name.startswith('set_')]
    tasks.sort(key=lambda task: [name for name, dummy in KEYWORD_TASKS].index(task['name']))
    block = {'name': 'block', 'environment': {'KONNECT_REGION': 'eu', 'KONNECT_API_URL': 'http://127.0.0.1:9/{region}'},
             'module_defaults': {'konnect.konnect.team': {'description': 'from module_defaults'},
                                 'konnect.konnect.team_info': {'name': 'tasksenv-defaults'},
                                 'group/konnect.konnect.konnect': {'konnect_api_url': '{{ emulator_url }}/{region}'}},
             'block': [dict(task, name=name, register='r_' + name) for name, task in BLOCK_TASKS]}
    names = [name for name, dummy in compared(KEYWORD_TASKS + BLOCK_TASKS)]
    save = {'name': 'save', 'ansible.builtin.copy': {
        'content': '{{ {%s} | to_json }}' % ', '.join("'%s': r_%s" % (name, name) for name in names),
        'dest': '%s/{{ inventory_hostname }}.json' % out_dir}}
    return [{'hosts': 'all', 'gather_facts': False, 'environment': {'KONNECT_TOKEN': '{{ vault_token }}',
                                                                    'KONNECT_API_URL': '{{ emulator_url }}/{region}'},
             'vars': {'bad_token': BAD_TOKEN, 'task_env': {'KONNECT_TOKEN': '{{ bad_token }}'}},
             'tasks': tasks + [block, save]}]


def inventory(emulators):
    hosts = {}
    for host, emulator in zip(HOSTS, emulators):
        hosts[host] = {'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable,
                       'emulator_url': emulator.url, 'vault_token': DEMO_TOKEN}
    hosts['on_target']['konnect_execution'] = 'target'
    return {'all': {'hosts': hosts}}


def run_playbook(tmp_path, emulators):
    (tmp_path / 'play.yml').write_text(json.dumps(playbook(str(tmp_path))))
    (tmp_path / 'inventory.yml').write_text(json.dumps(inventory(emulators)))
    env = dict((name, value) for name, value in os.environ.items() if not name.startswith(('KONNECT_', 'ANSIBLE_')))
    env.update(ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_PATH, ANSIBLE_NOCOLOR='1', ANSIBLE_LOCALHOST_WARNING='false',
               ANSIBLE_HOME=str(tmp_path / 'ansible_home'), ANSIBLE_ASYNC_DIR=str(tmp_path / 'async'), ANSIBLE_FORKS='2',
               ANSIBLE_PIPELINING='true')  # a fifth less CPU on the module path; results are the same
    proc = subprocess.run([ANSIBLE_PLAYBOOK, '-i', str(tmp_path / 'inventory.yml'), str(tmp_path / 'play.yml')], cwd=str(tmp_path),
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False, timeout=300)
    assert proc.returncode == 0, proc.stdout[-6000:]
    return dict((host, json.loads((tmp_path / ('%s.json' % host)).read_text())) for host in HOSTS), proc.stdout


UUID = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
TIME = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?')
JOB_ID = re.compile(r'j\d+\.\d+')
TRACE = re.compile(r'konnect:trace:\d+')
DATA_PLANE_HOST = re.compile(r'//[0-9a-f]{10}\.')  # a control plane's endpoints: https://<10 hex>.<region>.cp.konghq.com
# frame: ansible-core 2.18's timedout.frame, the Python frame the task was interrupted in (differs between the two paths by nature)
VOLATILE_KEYS = frozenset(('ansible_job_id', 'results_file', 'start', 'end', 'delta', 'started', 'finished', 'frame'))


def normalised(value, url, ids):
    """``value`` with ids numbered in order of appearance, times, trace ids and the emulator's URL replaced."""
    if isinstance(value, dict):
        return dict((key, '<volatile>' if key in VOLATILE_KEYS else normalised(value[key], url, ids)) for key in sorted(value))
    if isinstance(value, list):
        return [normalised(item, url, ids) for item in value]
    if isinstance(value, str):
        value = value.replace(url, '<url>')
        value = UUID.sub(lambda match: '<id%d>' % ids.setdefault(match.group(0), len(ids)), value)
        value = DATA_PLANE_HOST.sub('//<host>.', value)
        return TRACE.sub('<trace>', JOB_ID.sub('<job>', TIME.sub('<time>', value)))
    return value


def test_every_task_keyword_gives_the_same_result_in_process_and_as_a_module(tmp_path):
    with EmulatorThread() as first, EmulatorThread() as second:
        results, output = run_playbook(tmp_path, (first, second))
        eu_control_planes = [emulator_names(emulator, '/eu/v2/control-planes') for emulator in (first, second)]
        team_names = [sorted(emulator_names(emulator, '/global/v3/teams?page[size]=100', custom=True)) for emulator in (first, second)]
    urls = dict(zip(HOSTS, (first.url, second.url)))
    in_process, on_target = (normalised(results[host], urls[host], {}) for host in HOSTS)
    for name in in_process:
        assert in_process[name] == on_target[name], name
    assert set(in_process) == set(name for name, dummy in compared(KEYWORD_TASKS + BLOCK_TASKS))
    assert eu_control_planes == [['tasksenv-cp'], ['tasksenv-cp']], 'the block environment did not reach both paths'
    assert team_names == [['tasksenv-a', 'tasksenv-defaults']] * 2, 'check mode wrote, or a task went astray'
    assert_each_keyword_took_effect(results['in_process'])
    assert 'PLAY RECAP' in output


def emulator_names(emulator, path, custom=False):
    import requests  # pylint: disable=import-outside-toplevel
    answer = requests.get(emulator.url + path, headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return [item['name'] for item in answer.json()['data'] if not (custom and item.get('system_team'))]


def assert_each_keyword_took_effect(result):
    """Equal results could also be equally wrong: each keyword did what it says (on the in-process host)."""
    assert result['play_environment']['changed'] and not result['rerun_unchanged']['changed']
    assert result['check_mode_and_diff']['changed'] and result['diff']['diff']['after']['description'] == 'two'
    assert result['task_environment_wins']['failed'] and '401' in result['task_environment_wins']['msg']
    assert 'No Konnect credentials' in result['empty_environment_is_unset']['msg']
    assert 'colour' in result['unknown_option']['msg'] and result['args_keyword']['team']['name'] == 'tasksenv-args'
    assert [(len(item['teams']), item['attempts']) for item in result['loop_until']['results']] == [(1, 1), (0, 1)]
    assert result['changed_and_failed_when']['changed'] and result['changed_and_failed_when']['failed']
    assert result['delegate_to_localhost']['teams'] and result['async_poll']['teams'] and result['become']['teams']
    # ansible-core 2.19 says "timed out"; 2.16-2.18 "failed to execute in the expected time frame (1) and was terminated"
    assert re.search('timed out|expected time frame', result['timeout']['msg'], re.I), result['timeout']['msg']
    assert result['delete']['changed'] and result['check_mode_delete']['changed']
    assert result['module_defaults']['team']['description'] == 'from module_defaults'
    assert [team['description'] for team in result['module_defaults_group']['teams']] == ['from module_defaults']
