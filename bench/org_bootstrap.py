# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: the org_bootstrap role on a reference organization, first run and no-op re-run.

Generates a reference ``konnect_org`` document (3 regions, 10 teams with members and role assignments,
50 users, 10 system accounts with a team, a role and a token each, single sign-on, 6 control planes and a
control plane group, data-plane certificates, config stores, and at least 300 gateway entities spread over
the control planes), then, in one go against a fresh local Konnect emulator:

- runs ``ansible-playbook konnect.konnect.bootstrap -e @doc.yml`` on the empty organization, then again
  (the no-op re-run), and prints for each run its wall time, the HTTP requests the emulator received (and
  how many were writes), ``changed`` from the recap (tasks) and the changed loop items; for the re-run,
  the requests per entity of the document and whether it reported ``changed=0`` (what changed, if not);
- runs an empty playbook and one of N ``ansible.builtin.ping`` tasks, the cost of a trivial module task,
  printed next to the role's no-op time per entity.

The role converges through the one ``konnect.konnect.apply`` task. ``make bench`` does not run this script:
``bench/apply.py`` makes the same two role runs (with ``role_runs`` and ``reference_org`` from here) next to
the apply task alone and the per-entity module path. Alone (from the repository root)::

    .venv/bin/python bench/org_bootstrap.py [--scale 1] [--ping-tasks 40] [--collections-path DIR]

``--scale N`` multiplies the teams, users, system accounts and gateway entities (not the regions and
control planes). It is a measurement, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os

from benchlib import add_collections_path_option, bench_session, changed_items, module_baseline, print_counts, recap  # pylint: disable=import-error

REGIONS = ('us', 'eu', 'au')
CONTROL_PLANES_PER_REGION = 2
GATEWAY_TYPES = ('vaults', 'services', 'routes', 'consumers', 'plugins')
# The plugins of one control plane, per unit of scale: (plugin name, scope kind or None for global, config).
PLUGINS = (
    ('rate-limiting', None, {'minute': 600, 'policy': 'local'}),
    ('correlation-id', None, {'header_name': 'X-Request-ID'}),
    ('key-auth', 'service', {'key_names': ['apikey']}),
    ('request-size-limiting', 'service', {'allowed_payload_size': 8}),
    ('cors', 'service', {'origins': ['*']}),
    ('rate-limiting', 'route', {'second': 10, 'policy': 'local'}),
    ('ip-restriction', 'route', {'allow': ['10.0.0.0/8']}),
    ('rate-limiting', 'consumer', {'hour': 1000, 'policy': 'local'}),
)


def reference_org(scale, files_dir):
    """The reference document and its entity counts per type (one entity = one item the role converges)."""
    teams_count, users_count, accounts_count = 10 * scale, 50 * scale, 10 * scale
    control_planes = []
    for region in REGIONS:
        for number in range(1, CONTROL_PLANES_PER_REGION + 1):
            control_planes.append(gateway_control_plane('%s-gw-%d' % (region, number), region, scale, files_dir))
    control_planes.append({'name': 'eu-shared', 'region': 'eu', 'description': 'Every EU gateway',
                           'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP',
                           'members': [cp['name'] for cp in control_planes if cp['region'] == 'eu']})
    plain = [cp for cp in control_planes if 'members' not in cp]
    users = [{'email': 'user%03d@bench.example.com' % i, 'full_name': 'Bench User %d' % i} for i in range(users_count)]
    teams = []
    for i in range(teams_count):
        first, second = plain[i % len(plain)], plain[(i + 1) % len(plain)]
        members = [user['email'] for user in users[i::teams_count]]
        if i + 1 < teams_count:
            members.append(users[i + 1]['email'])  # some users are in two teams
        teams.append({'name': 'Bench Team %02d' % i, 'description': 'Team %d of the reference organization' % i,
                      'labels': {'bench': 'true'}, 'users': members,
                      'roles': [{'role_name': 'Admin', 'entity': first['name'], 'entity_region': first['region']},
                                {'role_name': 'Viewer', 'entity': second['name'], 'entity_region': second['region']}]})
    expires_at = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=180)).strftime('%Y-%m-%dT00:00:00Z')
    accounts = []
    for i in range(accounts_count):
        target = plain[i % len(plain)]
        accounts.append({'name': 'bench-robot-%02d' % i, 'description': 'CI robot %d' % i, 'teams': [teams[i % teams_count]['name']],
                         'roles': [{'role_name': 'Deployer', 'entity': target['name'], 'entity_region': target['region']}],
                         'tokens': [{'name': 'ci', 'expires_at': expires_at, 'rotate_before_days': 30,
                                     'token_file': os.path.join(files_dir, 'bench-robot-%02d.token' % i)}]})
    provider = {'type': 'oidc', 'enabled': True, 'login_path': 'bench-org',
                'config': {'issuer_url': 'https://login.example.com/oauth2/default', 'client_id': 'konnect', 'client_secret': 'bench'},
                'team_mappings': [{'team': team['name'], 'group': 'konnect-team-%02d' % i} for i, team in enumerate(teams)]}
    document = {'managed_by': 'org-bench', 'prune': False, 'teams': teams, 'users': users, 'system_accounts': accounts,
                'identity_providers': [provider], 'control_planes': control_planes}
    return document, entity_counts(document)


def gateway_control_plane(name, region, scale, files_dir):
    """One control plane with 51 * SCALE gateway entities, a pinned data-plane certificate and a config store."""
    services = [{'name': '%s-svc-%02d' % (name, i), 'url': 'https://svc-%02d.%s.internal:8443/v1' % (i, region), 'retries': 3,
                 'tags': ['bench']} for i in range(10 * scale)]
    routes = []
    for i, service in enumerate(services):
        routes.append({'name': '%s-read' % service['name'], 'service': service['name'], 'paths': ['/svc-%02d' % i], 'methods': ['GET']})
        routes.append({'name': '%s-write' % service['name'], 'service': service['name'], 'paths': ['/svc-%02d' % i],
                       'methods': ['POST', 'PUT']})
    consumers = [{'username': '%s-app-%02d' % (name, i), 'custom_id': '%s-%02d' % (name, i)} for i in range(12 * scale)]
    plugins, targets = [], {'service': services, 'route': routes, 'consumer': consumers}
    for unit in range(scale):
        for number, (plugin, scope, config) in enumerate(PLUGINS):
            if scope is None and unit:
                scope = 'service'  # one global plugin of a name per control plane
            entry = {'name': plugin, 'instance_name': '%s-%s-%d-%d' % (name, plugin, unit, number), 'config': config}
            if scope:
                # the scoped plugins of one kind go to different entities, so no name is used twice in one scope
                entity = targets[scope][(unit * len(PLUGINS) + number) % len(targets[scope])]
                entry[scope] = entity.get('name', entity.get('username'))
            plugins.append(entry)
    return {'name': name, 'region': region, 'description': 'Reference gateway %s' % name, 'labels': {'env': 'bench'},
            'auth_type': 'pinned_client_certs',
            'dp_certificates': [{'title': '%s data planes' % name, 'generate': True,
                                 'cert_path': os.path.join(files_dir, name + '.crt'), 'key_path': os.path.join(files_dir, name + '.key')}],
            'config_stores': [{'name': '%s-secrets' % name, 'secrets': [{'key': 'db-password', 'value': 'bench-%s' % name},
                                                                        {'key': 'api-key', 'value': 'bench-key-%s' % name}]}],
            'vaults': [{'prefix': 'env-%d' % i, 'name': 'env', 'config': {'prefix': 'BENCH_%d_' % i}} for i in range(scale)],
            'services': services, 'routes': routes, 'consumers': consumers, 'plugins': plugins}


def entity_counts(document):
    """Items the role converges, per type: entities and links (memberships, role assignments)."""
    counts = collections.OrderedDict()
    counts['team'] = len(document['teams'])
    counts['user'] = len(document['users'])
    counts['system_account'] = len(document['system_accounts'])
    counts['team_user'] = sum(len(team['users']) for team in document['teams'])
    counts['system_account_team'] = sum(len(account['teams']) for account in document['system_accounts'])
    counts['system_account_access_token'] = sum(len(account['tokens']) for account in document['system_accounts'])
    counts['identity_provider'] = len(document['identity_providers'])
    counts['identity_provider_team_group_mapping'] = sum(len(idp['team_mappings']) for idp in document['identity_providers'])
    counts['team_role'] = sum(len(team['roles']) for team in document['teams'])
    counts['system_account_role'] = sum(len(account['roles']) for account in document['system_accounts'])
    cps = document['control_planes']
    counts['control_plane'] = len(cps)
    counts['control_plane_membership'] = sum(1 for cp in cps if 'members' in cp)
    counts['dp_client_certificate'] = sum(len(cp.get('dp_certificates', [])) for cp in cps)
    counts['config_store'] = sum(len(cp.get('config_stores', [])) for cp in cps)
    counts['config_store_secret'] = sum(len(store['secrets']) for cp in cps for store in cp.get('config_stores', []))
    for kind in GATEWAY_TYPES:
        counts['gateway_' + kind[:-1]] = sum(len(cp.get(kind, [])) for cp in cps)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--scale', type=int, default=1, help='multiplies teams, users, system accounts and gateway entities')
    parser.add_argument('--ping-tasks', type=int, default=40, help='tasks of the ansible.builtin.ping playbook')
    add_collections_path_option(parser)
    args = parser.parse_args()
    with bench_session(args.collections_path) as session:
        document, counts = reference_org(max(args.scale, 1), os.path.join(session.workdir, 'files'))
        runs = role_runs(session, write_document(session, document, 'org.json'))
        empty, ping = module_baseline(session, args.ping_tasks)
    report(counts, runs, empty, ping, args.ping_tasks)


def write_document(session, document, name):
    """The document as a vars file (``konnect_org: ...``) in the session's directory; returns its path."""
    path = os.path.join(session.workdir, name)
    with open(path, 'w', encoding='utf-8') as handle:
        json.dump({'konnect_org': document}, handle)
    return path


def role_runs(session, doc_path):
    """``ansible-playbook konnect.konnect.bootstrap -e @DOC_PATH`` against the session's emulator, first run then no-op
    re-run: ``(label, run, recap counts, (requests, writes))`` of each."""
    runs = []
    for label in ('first run', 'no-op re-run'):
        run = session.ansible_playbook(['konnect.konnect.bootstrap', '-e', '@' + doc_path], label)
        runs.append((label, run, recap(run.output), session.take_requests()))
    return runs


def print_document(counts, what):
    gateway = sum(counts['gateway_' + kind[:-1]] for kind in GATEWAY_TYPES)
    print('%s on a reference organization (%d regions, %d entities, %d of them gateway entities)'
          % (what, len(REGIONS), sum(counts.values()), gateway))
    print('entities of the document, per type:')
    print_counts(counts)


def report(counts, runs, empty, ping, ping_tasks):
    entities = sum(counts.values())
    print_document(counts, 'konnect.konnect org_bootstrap')
    header = ('ansible-playbook konnect.konnect.bootstrap', 'wall s', 'requests', 'writes', 'changed', 'changed items')
    print('%-42s %8s %9s %8s %8s %14s' % header)
    for label, run, counted, (total, writes) in runs:
        print('%-42s %8.2f %9d %8d %8d %14d' % (label, run.seconds, total, writes, counted['changed'], len(changed_items(run.output))))
    _label, noop, noop_recap, (noop_requests, noop_writes) = runs[-1]
    print('no-op re-run: %.2f requests per entity (%d requests, %d writes, for %d entities)'
          % (float(noop_requests) / entities, noop_requests, noop_writes, entities))
    if noop_recap['changed'] == 0:
        print('no-op re-run reported changed=0')
    else:
        print('no-op re-run is NOT idempotent: changed=%d' % noop_recap['changed'])
        for task, line in changed_items(noop.output):
            print('  changed: %s: %s' % (task, line))
    per_ping = (ping - empty) / ping_tasks
    per_entity = (noop.seconds - empty) / entities
    print('empty playbook (start-up) %.2f s; %d ansible.builtin.ping tasks %.2f s' % (empty, ping_tasks, ping))
    print('per unit, above an empty playbook:  no-op entity of the role %.3f s   trivial module task (ping) %.3f s   ping / entity: %.1fx'
          % (per_entity, per_ping, per_ping / max(per_entity, 1e-6)))


if __name__ == '__main__':
    main()
