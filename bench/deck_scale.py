# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Benchmark: konnect.konnect.apply on one control plane whose gateway configuration is a decK file of about 5,000 entities.

Writes a decK 3.0 file (``_format_version: "3.0"``, YAML as ``deck gateway dump`` writes it, select tag
``bench-scale``): N services (default 800), each with a route and a rate-limiting plugin nested in it; N consumers,
each with a key-auth credential, one in 8 of them in one of 5 consumer groups that have a plugin each; 3N/8 upstreams
with 2 targets each. The document names it as the ``gateway_file`` of one control plane. Then, each measured run
against a fresh emulator subprocess of its own (real HTTP on loopback):

- (a) the first converge: ``ApplyTask().execute(params, ...)`` in this process with ``parallelism: 10`` (the
  parameters the in-process action plugin would give it, see ``benchlib.InProcessApply``), timed around that call,
  which also reads and checks the decK file; the requests the emulator received and how many were writes;
- (b) the same creates sent by a plain script: the writes the apply made in (a), as the emulator logged them (method,
  path, body), sent again in the same order of entity types (the apply writes one type after the other, its parents
  first, the items of a type in parallel) with the same parallelism: a ``ThreadPoolExecutor`` of 10 and one
  ``requests.Session`` with a connection pool of 10. The ids of parents in paths and bodies (the control plane, a
  route's service, a key-auth credential's consumer, ...) are replaced by those the fresh emulator gave; nothing else
  is read, checked or compared. The ratio apply / plain script is the apply's overhead on the first converge;
- (c) the no-op re-run of (a) against the emulator of (a): time and requests;
- (d) memory: this process's ``ru_maxrss`` before and after the timed first converge, and the ``tracemalloc`` peak of
  a first converge traced on its own (fresh emulator; slower, its time is not a figure).

It also times reading and checking the decK file alone (``deck.load``, part of (a) and (c)). Targets are printed next
to the figures (a column, not an assertion): apply / plain script <= 1.5, no-op re-run <= 5 s and <= 80 requests.

Usage (from the repository root; ``make bench`` runs it last)::

    .venv/bin/python bench/deck_scale.py [--services 800] [--collections-path DIR]

It is a measurement, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import sys
import time

import requests
import yaml

from benchlib import (DEMO_TOKEN, WRITE_METHODS, InProcessApply, add_collections_path_option, bench_session, entities_in, met,  # pylint: disable=import-error
                      print_counts)

PARALLELISM = 10
CONTROL_PLANE = 'deck-scale'
SELECT_TAG = 'bench-scale'
GROUPS = 5
RATIO_TARGET = 1.5
NOOP_SECONDS_TARGET = 5.0
NOOP_REQUESTS_TARGET = 80
ID = re.compile(r'[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}')
# The entity types whose ids other writes name (in a path or a body), by the label apply's ``ids`` gives them, and the
# last segment of the path that creates them.
REFERENCED = {'control_plane': 'control-planes', 'gateway_upstream': 'upstreams', 'gateway_service': 'services',
              'gateway_route': 'routes', 'gateway_consumer': 'consumers', 'gateway_consumer_group': 'consumer_groups'}
DUMPER = getattr(yaml, 'CSafeDumper', yaml.SafeDumper)

# One write of the plain script: its method, its path (with the region), its body as JSON text, the ids of other
# entities it names (old id, (collection, name)), and the (collection, name) of the entity it creates.
Write = collections.namedtuple('Write', 'method path body names creates')


def deck_sections(services):
    """The decK file's sections (lists of entities, nested as decK writes them) for SERVICES services."""
    upstreams = services * 3 // 8
    yield 'upstreams', ({'name': 'upstream-%04d.internal' % i, 'algorithm': 'round-robin',
                         'targets': [{'target': '10.%d.%d.%d:8080' % (i // 250, i % 250, host), 'weight': 100} for host in (1, 2)]}
                        for i in range(upstreams))
    yield 'services', ({'name': 'svc-%04d' % i, 'url': 'http://upstream-%04d.internal:8080/svc-%04d' % (i % upstreams, i), 'retries': 3,
                        'routes': [{'name': 'svc-%04d-route' % i, 'paths': ['/svc-%04d' % i], 'methods': ['GET', 'POST'], 'strip_path': False}],
                        'plugins': [{'name': 'rate-limiting', 'config': {'minute': 600, 'policy': 'local'}}]}
                       for i in range(services))
    yield 'consumers', (consumer(i) for i in range(services))
    yield 'consumer_groups', ({'name': 'tier-%d' % group, 'plugins': [{'name': 'rate-limiting', 'config': {'minute': 1000 * (group + 1),
                                                                                                           'policy': 'local'}}]}
                              for group in range(GROUPS))


def consumer(number):
    entry = {'username': 'app-%04d' % number, 'custom_id': 'app-%04d-id' % number, 'keyauth_credentials': [{'key': 'bench-key-%04d' % number}]}
    if number % 8 == 0:
        entry['groups'] = [{'name': 'tier-%d' % (number // 8 % GROUPS)}]
    return entry


def write_deck(path, services):
    """Writes the decK file entity by entity (nothing big in memory before the apply); returns its size in bytes."""
    with open(path, 'w', encoding='utf-8') as handle:
        handle.write('_format_version: "3.0"\n_info:\n  select_tags: [%s]\n' % SELECT_TAG)
        for section, entities in deck_sections(services):
            handle.write('%s:\n' % section)
            for entity in entities:
                handle.write(yaml.dump([entity], Dumper=DUMPER, sort_keys=False, default_flow_style=False))
    return os.path.getsize(path)


def composition(services):
    upstreams, members = services * 3 // 8, len(range(0, services, 8))
    return ('%d services, each with a route and a plugin; %d consumers, each with a key-auth credential, %d of them in %d consumer '
            'groups with a plugin each; %d upstreams with 2 targets each' % (services, services, members, GROUPS, upstreams))


def replay_plan(log, ids):
    """The writes of the apply's log as waves: one per run of writes of the same method and path (one entity type
    below one parent kind), in the apply's order; parents' ids become those of the emulator the plan is sent to."""
    names = {}
    for kind, collection in REFERENCED.items():
        for label, identifier in ids.get(kind, {}).items():
            names[identifier] = (collection, label.rsplit('/', 1)[-1])
    waves, last = [], None
    for entry in log:
        if entry['method'] not in WRITE_METHODS:
            continue
        template = (entry['method'], ID.sub('{id}', entry['path']))
        if template != last:
            waves.append([])
            last = template
        body = entry['body'] or {}
        text = json.dumps(body)
        named = [(old, names[old]) for old in sorted(set(ID.findall(entry['path'] + text))) if old in names]
        creates = (entry['path'].rsplit('/', 1)[-1], body.get('name') or body.get('username'))
        waves[-1].append(Write(entry['method'], '/%s%s' % (entry['base'], entry['path']), text, named, creates))
    return waves


def send_plan(url, waves, parallelism):
    """Sends the waves, one after the other, each with up to PARALLELISM requests at once; returns the seconds."""
    http = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=parallelism, pool_maxsize=parallelism)
    http.mount('http://', adapter)
    http.headers.update({'Authorization': 'Bearer ' + DEMO_TOKEN, 'Content-Type': 'application/json', 'Accept': 'application/json'})
    created, failures = {}, []

    def send(write):
        path, body = write.path, write.body
        for old, key in write.names:
            path, body = path.replace(old, created[key]), body.replace(old, created[key])
        response = http.request(write.method, url + path, data=body, timeout=30)
        if response.status_code >= 300:
            failures.append('%s %s: %d %s' % (write.method, path, response.status_code, response.text[:200]))
        elif write.creates[1] is not None:
            created[write.creates] = response.json()['id']

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=parallelism) as pool:
        for wave in waves:
            list(pool.map(send, wave))
            if failures:
                sys.exit('the plain script failed: %d writes were refused, the first: %s' % (len(failures), failures[0]))
    return time.monotonic() - start


def load_seconds(path):
    """Reading and checking the decK file alone, as apply does first."""
    from ansible_collections.konnect.konnect.plugins.module_utils import deck  # pylint: disable=import-outside-toplevel,import-error
    start = time.monotonic()
    deck.load(path, os.environ, 'konnect_org.control_planes[0].gateway_file')
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--services', type=int, default=800, help='services, as many consumers, 3/8 as many upstreams (800: about 5,000 entities)')
    add_collections_path_option(parser)
    args = parser.parse_args()
    with bench_session(args.collections_path) as session:
        path = os.path.join(session.workdir, 'gateway.yaml')
        size = write_deck(path, args.services)
        document = {'managed_by': 'bench', 'control_planes': [{'name': CONTROL_PLANE, 'region': 'us', 'gateway_file': path}]}
        apply = InProcessApply(session, PARALLELISM)
        first = apply.run(document, 'apply first converge')
        noop = apply.run(document, 'apply no-op re-run')
        waves = replay_plan(first.log, first.result['ids'])
        session.fresh_emulator()
        plain = send_plan(session.emulator.url, waves, PARALLELISM)
        plain_requests = session.take_requests()
        loading = load_seconds(path)
        session.fresh_emulator()
        traced = apply.run(document, 'apply traced first converge', trace=True)
    report(args.services, size, first, noop, plain, plain_requests, loading, traced)
    for warning in apply.warnings:
        print('apply warning: %s' % warning)


def report(services, size, first, noop, plain, plain_requests, loading, traced):
    per_type, total = entities_in(first.result)
    gateway = total - per_type.get('control_plane', 0)
    print('konnect.konnect.apply on a decK file of %d gateway entities (one control plane; %.1f MB of YAML)' % (gateway, size / 1e6))
    print('decK file: %s' % composition(services))
    print('entities the apply converged, per type (%d with the control plane):' % total)
    print_counts(per_type)
    print('each run against a fresh emulator, parallelism %d' % PARALLELISM)
    print('%-56s %8s %7s %4s %9s %7s %7s %4s' % ('run', 'seconds', 'target', 'met', 'requests', 'writes', 'target', 'met'))
    print('%-56s %8.2f %7s %4s %9d %7d' % ('(a) apply, first converge (ApplyTask in-process)', first.seconds, '-', '', first.requests, first.writes))
    print('%-56s %8.2f %7s %4s %9d %7d' % ('(b) plain script, the same creates (requests.Session)', plain, '-', '', plain_requests[0], plain_requests[1]))
    ratio = first.seconds / plain
    print('%-56s %7.2fx %6.2fx %4s   (without reading the decK file: %.2fx)' % ('    apply / plain script', ratio, RATIO_TARGET, met(ratio, RATIO_TARGET),
                                                                                (first.seconds - loading) / plain))
    print('%-56s %8.2f %7.2f %4s %9d %7d %7d %4s' % ('(c) apply, no-op re-run', noop.seconds, NOOP_SECONDS_TARGET, met(noop.seconds, NOOP_SECONDS_TARGET),
                                                     noop.requests, noop.writes, NOOP_REQUESTS_TARGET, met(noop.requests, NOOP_REQUESTS_TARGET)))
    print('reading and checking the decK file alone (deck.load), part of (a) and (c): %.2f s' % loading)
    print('(d) memory of the first converge: ru_maxrss of this process %.0f MiB before, %.0f MiB after (+%.0f MiB); '
          'tracemalloc peak %.0f MiB (a traced first converge of its own, %.1f s)'
          % (first.maxrss_before / 1024.0, first.maxrss_after / 1024.0, (first.maxrss_after - first.maxrss_before) / 1024.0,
             traced.peak / 1048576.0, traced.seconds))
    if noop.writes or noop.result['changed']:
        print('the no-op re-run is NOT idempotent: %d writes, %d changes' % (noop.writes, len(noop.result['changes'])))


if __name__ == '__main__':
    main()
