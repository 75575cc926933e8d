# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: konnect.konnect.apply on the reference organization, next to the same document converged entity by entity.

Generates the reference ``konnect_org`` document of ``bench/org_bootstrap.py`` (3 regions, 528 entities, 306 of
them gateway entities) and converges it three ways, each first on an empty organization and then again (the no-op
re-run), each pair against a fresh emulator subprocess of its own:

- the apply task through Ansible: ``ansible-playbook konnect.konnect.bootstrap -e @doc.json``, the collection's
  playbook, whose role checks the document and converges it with one ``konnect.konnect.apply`` task (then a
  ``set_fact`` and a summary); wall time of the whole ``ansible-playbook`` run;
- the apply task alone: ``ApplyTask().execute(params, ...)`` in this process, with the parameters the in-process
  action plugin gives it (the task's arguments ``document`` and ``parallelism: 10`` validated against the module's
  argument spec, plus ``konnect_token``, ``konnect_api_url=<emulator>/{region}`` and
  ``konnect_global_api_url=<emulator>/global``, what the playbook takes from the environment); time of that call;
- the per-entity path, what the role did before apply: ``ansible-playbook bench/per_entity.yml``, one looped task per
  entity type with the entity's own module (``konnect.konnect.team``, ``gateway_service``, ...), its loop items
  flattened here into a vars file, parents named by name and every control plane's entities with its
  ``konnect_region``; wall time of the run.

For each run it prints the seconds, the HTTP requests the emulator received, how many were writes, and requests per
entity, with the targets of the apply task next to its figures (a column, not an assertion), and an empty playbook's
wall time (Ansible's start-up, part of both playbook figures). Minted system-account tokens are not written to files
on the per-entity path (the role did that with one ``copy`` per minted token, first run only).

Usage (from the repository root; ``make bench`` runs it after the task-overhead benchmark)::

    .venv/bin/python bench/apply.py [--scale 1] [--collections-path DIR]

It is a measurement, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import collections
import json
import os

from benchlib import (HERE, InProcessApply, add_collections_path_option, bench_session, empty_playbook, entities_in, met,  # pylint: disable=import-error
                      recap, task_seconds)
from org_bootstrap import print_document, reference_org, role_runs, write_document  # pylint: disable=import-error

TARGETS = {'first converge': 3.0, 'no-op re-run': 1.5}  # seconds of the apply task
NOOP_REQUESTS_PER_ENTITY = 0.15
LABELS = ('first converge', 'no-op re-run')
GATEWAY_SECTIONS = (('vaults', 'gateway_vault', 'prefix'), ('services', 'gateway_service', 'name'), ('routes', 'gateway_route', 'name'),
                    ('consumers', 'gateway_consumer', 'username'), ('plugins', 'gateway_plugin', 'instance_name'))

Measured = collections.namedtuple('Measured', 'seconds requests writes unchanged')


def per_entity_items(document):
    """The loop items of bench/per_entity.yml: per module, one dict of its options per entity of DOCUMENT, with the
    ownership marks apply adds (the label managed-by on teams and control planes, the tag managed-by:<owner> on
    gateway entities) and a ``_label``."""
    items = collections.OrderedDict((name, []) for name in (
        'team', 'user', 'system_account', 'team_user', 'system_account_team', 'system_account_access_token', 'identity_provider',
        'identity_provider_team_group_mapping', 'control_plane', 'control_plane_membership', 'dp_client_certificate', 'config_store',
        'config_store_secret', 'gateway_vault', 'gateway_service', 'gateway_route', 'gateway_consumer', 'gateway_plugin', 'team_role',
        'system_account_role'))
    owner = document['managed_by']
    identity_items(document, items, owner)
    for control_plane in document['control_planes']:
        control_plane_items(control_plane, items, owner)
    for section, kind, owner_option in (('teams', 'team_role', 'team'), ('system_accounts', 'system_account_role', 'system_account')):
        for entry in document[section]:
            for role in entry.get('roles', []):
                add(items, kind, '%s: %s on %s/%s' % (entry['name'], role['role_name'], role['entity_region'], role['entity']),
                    {owner_option: entry['name'], 'role_name': role['role_name'], 'entity_type_name': 'Control Planes',
                     'entity': role['entity'], 'entity_region': role['entity_region']})
    return items


def add(items, kind, label, options):
    items[kind].append(dict(options, _label=label))


def identity_items(document, items, owner):
    for team in document['teams']:
        add(items, 'team', team['name'], {'name': team['name'], 'description': team['description'],
                                          'labels': dict(team.get('labels', {}), **{'managed-by': owner})})
        for email in team['users']:
            add(items, 'team_user', '%s <- %s' % (team['name'], email), {'team': team['name'], 'user': email})
    for user in document['users']:
        add(items, 'user', user['email'], dict(user))
    for account in document['system_accounts']:
        add(items, 'system_account', account['name'], {'name': account['name'], 'description': account['description']})
        for team in account['teams']:
            add(items, 'system_account_team', '%s -> %s' % (account['name'], team), {'team': team, 'system_account': account['name']})
        for token in account['tokens']:
            add(items, 'system_account_access_token', '%s/%s' % (account['name'], token['name']),
                {'system_account': account['name'], 'name': token['name'], 'expires_at': token['expires_at'],
                 'rotate_before_days': token['rotate_before_days']})
    for provider in document['identity_providers']:
        add(items, 'identity_provider', provider['type'], dict((key, provider[key]) for key in ('type', 'enabled', 'login_path', 'config')))
        for mapping in provider['team_mappings']:
            add(items, 'identity_provider_team_group_mapping', '%s -> %s' % (mapping['group'], mapping['team']),
                {'identity_provider': provider['type'], 'team': mapping['team'], 'group': mapping['group']})


def control_plane_items(control_plane, items, owner):
    region, name = control_plane['region'], control_plane['name']
    where = {'konnect_region': region, 'control_plane': name}
    options = dict((key, control_plane[key]) for key in ('name', 'description', 'cluster_type', 'auth_type') if key in control_plane)
    options.update(konnect_region=region, labels=dict(control_plane.get('labels', {}), **{'managed-by': owner}))
    add(items, 'control_plane', '%s/%s' % (region, name), options)
    if control_plane.get('members'):
        add(items, 'control_plane_membership', '%s/%s' % (region, name), {'konnect_region': region, 'group': name, 'members': control_plane['members']})
    for certificate in control_plane.get('dp_certificates', []):
        add(items, 'dp_client_certificate', '%s/%s' % (region, certificate['title']), dict(where, **certificate))
    for store in control_plane.get('config_stores', []):
        add(items, 'config_store', '%s/%s/%s' % (region, name, store['name']), dict(where, name=store['name']))
        for secret in store['secrets']:
            add(items, 'config_store_secret', '%s/%s/%s/%s' % (region, name, store['name'], secret['key']),
                dict(where, config_store=store['name'], key=secret['key'], value=secret['value']))
    for section, kind, key in GATEWAY_SECTIONS:
        for entry in control_plane.get(section, []):
            tags = list(entry.get('tags', [])) + ['managed-by:%s' % owner]
            add(items, kind, '%s/%s/%s' % (region, name, entry[key]), dict(where, **dict(entry, tags=tags)))


def files_dir(session, name):
    """A directory of its own for the files each path writes (tokens, data-plane key pairs); the modules need it to exist."""
    path = os.path.join(session.workdir, name)
    os.makedirs(path)
    return path


def per_entity_runs(session, document):
    """bench/per_entity.yml on DOCUMENT, first converge then no-op re-run, against the session's emulator."""
    path = os.path.join(session.workdir, 'per_entity.json')
    with open(path, 'w', encoding='utf-8') as handle:
        json.dump({'per_entity': per_entity_items(document)}, handle)
    runs = []
    for label in LABELS:
        run = session.ansible_playbook([os.path.join(HERE, 'per_entity.yml'), '-e', '@' + path], 'per-entity ' + label)
        total, writes = session.take_requests()
        runs.append(Measured(run.seconds, total, writes, recap(run.output)['changed'] == 0))
    return runs


def apply_runs(session, document):
    """ApplyTask.execute on DOCUMENT in this process, first converge then no-op re-run, against the session's emulator."""
    apply = InProcessApply(session)
    runs = [apply.run(document, 'apply ' + label) for label in LABELS]
    return [Measured(run.seconds, run.requests, run.writes, not run.result['changed']) for run in runs], runs, apply.warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--scale', type=int, default=1, help='multiplies teams, users, system accounts and gateway entities')
    add_collections_path_option(parser)
    args = parser.parse_args()
    scale = max(args.scale, 1)

    with bench_session(args.collections_path) as session:
        session.run_playbook(empty_playbook(), 'warm-up')  # a fresh layout compiles the collection's Python on its first run
        empty = session.run_playbook(empty_playbook(), 'empty').seconds
        doc, counts = reference_org(scale, files_dir(session, 'role'))
        session.take_requests()
        runs = role_runs(session, write_document(session, doc, 'org.json'))
        role = [Measured(run.seconds, total, writes, counted['changed'] == 0) for _label, run, counted, (total, writes) in runs]
        session.fresh_emulator()
        in_process, applied, warnings = apply_runs(session, reference_org(scale, files_dir(session, 'in-process'))[0])
        session.fresh_emulator()
        per_entity = per_entity_runs(session, reference_org(scale, files_dir(session, 'per-entity'))[0])
    report(counts, empty, [('apply, ansible-playbook konnect.konnect.bootstrap (wall)', role, True),
                           ('apply task in-process (ApplyTask.execute)', in_process, True),
                           ('per-entity, ansible-playbook bench/per_entity.yml (wall)', per_entity, False)])
    role_tasks([run for _label, run, _counted, _requests in runs])
    check(counts, applied, warnings, role, in_process, per_entity)


def report(counts, empty, paths):
    entities = sum(counts.values())
    print_document(counts, 'konnect.konnect.apply and the per-entity path')
    print('each path: first converge on an empty organization, then the no-op re-run, against a fresh emulator of its own')
    print('%-58s %8s %7s %4s %9s %7s %10s %7s %4s' % ('path / run', 'seconds', 'target', 'met', 'requests', 'writes', 'req/entity', 'target', 'met'))
    for title, runs, targeted in paths:
        print(title)
        for label, run in zip(LABELS, runs):
            per_entity = float(run.requests) / entities
            seconds = ('%7.2f %4s' % (TARGETS[label], met(run.seconds, TARGETS[label]))) if targeted else '%7s %4s' % ('-', '')
            requests = '%7s %4s' % ('-', '')
            if targeted and label == 'no-op re-run':
                requests = '%7.2f %4s' % (NOOP_REQUESTS_PER_ENTITY, met(per_entity, NOOP_REQUESTS_PER_ENTITY))
            print(('  %-56s %8.2f %s %9d %7d %10.2f %s' % (label, run.seconds, seconds, run.requests, run.writes, per_entity, requests)).rstrip())
    role, in_process, per_entity = (runs for _title, runs, _targeted in paths)
    print('empty playbook (ansible-playbook start-up): %.2f s;  bootstrap playbook minus the task alone: first %.2f s, no-op %.2f s'
          % (empty, role[0].seconds - in_process[0].seconds, role[1].seconds - in_process[1].seconds))
    print('per-entity / apply (both ansible-playbook, wall):  first converge %.1fx (requests %.1fx),  no-op re-run %.1fx (requests %.1fx)' % (
        per_entity[0].seconds / role[0].seconds, float(per_entity[0].requests) / role[0].requests,
        per_entity[1].seconds / role[1].seconds, float(per_entity[1].requests) / role[1].requests))


def role_tasks(runs):
    """Where the bootstrap playbook's time goes, per task (bench/callback_plugins/task_seconds.py) and the rest."""
    print('%-58s %8s %8s' % ('bootstrap playbook, seconds per task', 'first', 'no-op'))
    per_run = [task_seconds(run.output) for run in runs]
    for index, (name, _seconds) in enumerate(per_run[0]):
        short = name.split(' : ', 1)[-1].split(' - ', 1)[0]
        print('  %-56s %s' % (short[:56], ' '.join('%8.2f' % tasks[index][1] for tasks in per_run)))
    print('  %-56s %s' % ('the rest: start-up, reading the playbook and document',
                          ' '.join('%8.2f' % (run.seconds - sum(seconds for _name, seconds in tasks)) for run, tasks in zip(runs, per_run))))


def check(counts, applied, warnings, *paths):
    """What is not a figure: every no-op re-run changed nothing, the apply accounted for every entity, no warnings."""
    names = ('bootstrap playbook', 'apply in-process', 'per-entity playbook')
    verdicts = ['%s %s' % (name, 'yes' if runs[1].unchanged and not runs[1].writes else 'NO') for name, runs in zip(names, paths)]
    print('no-op re-runs changed nothing and wrote nothing: %s' % ', '.join(verdicts))
    _per_type, total = entities_in(applied[1].result)
    if total != sum(counts.values()):
        print('the apply result accounts for %d entities, the document has %d' % (total, sum(counts.values())))
    for warning in warnings:
        print('apply warning: %s' % warning)


if __name__ == '__main__':
    main()
