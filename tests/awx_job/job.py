# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a playbook the way AWX runs a job template, then look for secrets in everything the job left.

AWX prepares a private data directory (the project, ``inventory/hosts`` as a script, ``env/extravars``
with the job template's extra variables, ``env/cmdline``, ``env/settings``), injects each credential
into the job's environment, and hands the job to ansible-runner in three stages joined by one stream:
``transmit`` on the control node, ``ansible-runner worker`` in the execution environment (receptor
carries the stream there and back), and ``process`` on the control node, which writes the job events
and artifacts AWX reads. This script does the same, with the worker in a process of its own that
inherits nothing from the caller's environment but PATH, as in a container.

    python tests/awx_job/job.py --report FILE --project DIR --playbook bootstrap.yml [--extra-vars DOC.yml]
        --credential-type docs/awx/credential_type.yml --inputs INPUTS.json --collections-path DIR
        [--workdir DIR] [--extra-var NAME=VALUE ...] [--verbosity N] [--diff] [--check]
        [--secret-env NAME ...] [--secret-values FILE] [--secret-files DIR] [--keep]

``--inputs`` is the credential (a JSON object, e.g. ``{"token": ..., "region": ...}``): it is read from
a file so that no secret is on a command line. Every ``--secret-env`` variable gets a random value in
the job's environment, the same in every job that names the same ``--secret-values`` file (which keeps
them). After the job, the secrets are the credential's secret inputs, those values, and the content of
every ``*.token`` and ``*.key`` file in ``--secret-files``; the report lists each file and event that
holds one.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile

import ansible_runner
import yaml

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from awx_job import credential  # noqa: E402  pylint: disable=wrong-import-position,import-error

JOB_ID = 42
INVENTORY_ID = 7
# ansible-runner's record of the command and environment it started; AWX keeps it only masked (job_env).
RUNNER_ENV_RECORD = 'command'
SECRET_FILE_SUFFIXES = ('.token', '.key')


def write(path, content, mode=0o600):
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write(content)
    os.chmod(path, mode)
    return path


def build_private_data_dir(root, args, extra_vars):
    """What AWX writes before it starts a job: project, inventory script, extravars, cmdline, settings."""
    shutil.copytree(args.project, os.path.join(root, 'project'))
    inventory = {'all': {'children': ['ungrouped']}, 'ungrouped': {'hosts': ['localhost']},
                 '_meta': {'hostvars': {'localhost': {'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable}}}}
    write(os.path.join(root, 'inventory', 'hosts'), '#! /usr/bin/env python3\nprint(%r)\n' % json.dumps(inventory), 0o700)
    write(os.path.join(root, 'env', 'extravars'), yaml.safe_dump(extra_vars, sort_keys=False))
    cmdline = ['-u', 'root'] + (['--check'] if args.check else []) + (['--diff'] if args.diff else [])
    if args.verbosity:
        cmdline.append('-' + 'v' * min(5, args.verbosity))
    write(os.path.join(root, 'env', 'cmdline'), ' '.join(cmdline))
    write(os.path.join(root, 'env', 'settings'), json.dumps({
        'job_timeout': 0,
        'suppress_ansible_output': True,
        # AWX leaves the stdout file out and reads the same text from the events; it is kept here to be searched too.
        'suppress_output_file': False,
    }))


def load_extra_vars(args):
    extra_vars = {}
    if args.extra_vars:
        with open(args.extra_vars, encoding='utf-8') as handle:
            extra_vars = yaml.safe_load(handle) or {}
    for assignment in args.extra_var:
        name, value = assignment.split('=', 1)
        extra_vars[name] = value
    return extra_vars


def job_env(args, credential_env, secret_env):
    """The environment AWX gives a job: its own variables, then each credential's injected ones."""
    env = {
        'ANSIBLE_RETRY_FILES_ENABLED': 'False',
        'ANSIBLE_COLLECTIONS_PATH': os.path.abspath(args.collections_path),
        'ANSIBLE_FORCE_COLOR': 'False',
        'JOB_ID': str(JOB_ID),
        'INVENTORY_ID': str(INVENTORY_ID),
        'MAX_EVENT_RES': '700000',
        'AWX_HOST': 'https://awx.example.com',
    }
    env.update(secret_env)
    env.update(credential_env)
    return env


def execution_environment(workdir):
    """The worker's own environment: nothing of the caller's but where its programs are."""
    home = os.path.join(workdir, 'ee-home')
    os.makedirs(home, exist_ok=True)
    return {'PATH': os.path.dirname(sys.executable) + os.pathsep + '/usr/bin:/bin', 'HOME': home, 'LANG': 'C.UTF-8'}


def run_job(control_dir, worker_dir, workdir, playbook, envvars):
    """transmit | ansible-runner worker | process, as AWX and receptor chain them; returns the events."""
    with tempfile.TemporaryFile() as stream:  # receptor's buffer; it holds the job's environment, so it has no name
        ansible_runner.run(streamer='transmit', _output=stream, private_data_dir=control_dir, ident=JOB_ID, playbook=playbook,
                           inventory='hosts', envvars=envvars, suppress_env_files=True)
        stream.seek(0)
        worker = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-runner'), 'worker', '--private-data-dir', worker_dir],
                                stdin=stream, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=execution_environment(workdir), check=False)
    # The worker exits with the playbook's return code; only a worker that streamed nothing back has failed itself.
    if not worker.stdout:
        raise SystemExit('ansible-runner worker failed (%d): %s' % (worker.returncode, worker.stderr.decode('utf-8', 'replace')[-2000:]))
    events = []
    result = ansible_runner.run(streamer='process', _input=io.BytesIO(worker.stdout), private_data_dir=control_dir, ident=JOB_ID,
                                event_handler=lambda event: events.append(event) or True, quiet=True)
    return result, events


def secret_env_values(names, keep_file=None):
    """A random value for each name; with keep_file, the values it holds and the new ones kept in it."""
    values = {}
    if keep_file and os.path.exists(keep_file):
        with open(keep_file, encoding='utf-8') as handle:
            values = json.load(handle)
    values = dict((name, values.get(name) or 'secret-' + secrets.token_hex(16)) for name in names)
    if keep_file:
        write(keep_file, json.dumps(values))
    return values


def secrets_of_the_job(credential_type, inputs, secret_env, secret_files):
    found = dict(('credential input %s' % name, inputs[name]) for name in credential.secret_fields(credential_type) if inputs.get(name))
    found.update(('environment variable %s' % name, value) for name, value in secret_env.items())
    if secret_files and os.path.isdir(secret_files):
        for name in sorted(os.listdir(secret_files)):
            if name.endswith(SECRET_FILE_SUFFIXES):
                with open(os.path.join(secret_files, name), encoding='utf-8') as handle:
                    found['content of %s' % name] = handle.read()
    return found


def needle(value):
    """What to search for: the value itself, or for a multi-line value (a PEM key) its longest line,
    since JSON and terminals show line breaks in other ways."""
    lines = [line.strip() for line in value.splitlines() if line.strip()]
    return (max(lines, key=len) if len(lines) > 1 else value.strip()).encode('utf-8')


def files_holding(roots, secret_values):
    hits = []
    for root in roots:
        for directory, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(directory, name)
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    continue
                with open(path, 'rb') as handle:
                    data = handle.read()
                hits.extend({'secret': label, 'file': os.path.relpath(path, os.path.dirname(root)), 'runner_env_record': name == RUNNER_ENV_RECORD}
                            for label, value in secret_values.items() if needle(value) in data)
    return hits


def events_holding(events, secret_values):
    text = [(event.get('counter'), json.dumps(event)) for event in events]
    return [{'secret': label, 'event': counter} for label, value in secret_values.items()
            for counter, dumped in text if needle(value).decode('utf-8') in dumped]


def masked_env_holding(artifacts, secret_values):
    """Secrets left in the job environment ansible-runner recorded, once AWX has masked it (its job_env)."""
    hits = []
    for root in artifacts:
        path = os.path.join(root, str(JOB_ID), RUNNER_ENV_RECORD)
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as handle:
            dumped = json.dumps(credential.masked_env(json.load(handle)['env']))
        hits.extend({'secret': label, 'file': os.path.relpath(path, os.path.dirname(root))}
                    for label, value in secret_values.items() if needle(value).decode('utf-8') in dumped)
    return hits


def stats(events):
    final = [event for event in events if event.get('event') == 'playbook_on_stats']
    data = final[-1]['event_data'] if final else {}
    return dict((key, sum((data.get(key) or {}).values())) for key in ('ok', 'changed', 'failures', 'dark', 'skipped'))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--report', required=True)
    parser.add_argument('--project', required=True)
    parser.add_argument('--playbook', required=True)
    parser.add_argument('--extra-vars')
    parser.add_argument('--extra-var', action='append', default=[])
    parser.add_argument('--credential-type', required=True)
    parser.add_argument('--inputs', required=True)
    parser.add_argument('--collections-path', required=True)
    parser.add_argument('--workdir')
    parser.add_argument('--verbosity', type=int, default=0)
    parser.add_argument('--diff', action='store_true')
    parser.add_argument('--check', action='store_true')
    parser.add_argument('--secret-env', action='append', default=[])
    parser.add_argument('--secret-values', help='a file that keeps the random values of --secret-env from job to job')
    parser.add_argument('--secret-files')
    parser.add_argument('--keep', action='store_true', help='keep the private data directories (for debugging)')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    credential_type = credential.load(args.credential_type)
    refused = credential.problems(credential_type)
    if refused:
        raise SystemExit('AWX would refuse the credential type %s: %s' % (args.credential_type, '; '.join(refused)))
    with open(args.inputs, encoding='utf-8') as handle:
        inputs = json.load(handle)
    secret_env = secret_env_values(args.secret_env, args.secret_values)
    credential_env = credential.injected_env(credential_type, inputs)
    workdir = tempfile.mkdtemp(prefix='awx-job-', dir=args.workdir)
    control_dir, worker_dir = os.path.join(workdir, 'control'), os.path.join(workdir, 'worker')
    build_private_data_dir(control_dir, args, load_extra_vars(args))
    result, events = run_job(control_dir, worker_dir, workdir, args.playbook, job_env(args, credential_env, secret_env))
    secret_values = secrets_of_the_job(credential_type, inputs, secret_env, args.secret_files)
    artifacts = [os.path.join(control_dir, 'artifacts'), os.path.join(worker_dir, 'artifacts')]
    report = dict(stats(events), status=result.status, rc=result.rc, events=len(events), secrets=sorted(secret_values),
                  credential_env=sorted(credential_env), artifacts=[os.path.relpath(path, workdir) for path in artifacts],
                  stdout_files=[os.path.relpath(os.path.join(path, str(JOB_ID), 'stdout'), workdir) for path in artifacts
                                if os.path.exists(os.path.join(path, str(JOB_ID), 'stdout'))],
                  files_holding_secrets=files_holding(artifacts, secret_values),
                  job_env_holding_secrets=masked_env_holding(artifacts, secret_values), events_holding_secrets=events_holding(events, secret_values),
                  stdout_tail=''.join(event.get('stdout', '') + '\n' for event in events)[-3000:] if result.status != 'successful' else '',
                  task_names=sorted(set(event['event_data'].get('task', '') for event in events if event.get('event') == 'runner_on_ok')))
    write(args.report, json.dumps(report, indent=2))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    main()
