#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_upstream
short_description: Manage upstreams (load balancers) of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway upstreams in a Konnect control plane. An upstream is a virtual host name that
    Kong load-balances over its targets (see M(konnect.konnect.gateway_target)), with optional health checks.
  - An upstream is found by O(id) or by its O(name) within the control plane (Konnect reads it by name directly).
  - Only the fields the task sets are compared. O(healthchecks) is compared on the keys given, and on update merged into
    the current health check settings.
  - Creating, changing or deleting an upstream in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The upstream's name, a host name unique in the control plane. A gateway service whose host is this name sends
        its traffic through the upstream. Required unless O(id) is given.
    type: str
  algorithm:
    description:
      - How Kong picks a target for a request. Konnect's default is V(round-robin).
      - V(consistent-hashing) hashes what O(hash_on) names, V(least-connections) picks the target with the fewest open
        connections, V(latency) the one that answers fastest, and V(sticky-sessions) keeps a client on one target with
        the cookie O(sticky_sessions_cookie).
    type: str
    choices: [consistent-hashing, least-connections, round-robin, latency, sticky-sessions]
  hash_on:
    description:
      - What the hash for consistent hashing is computed from. V(none), Konnect's default, means weighted round robin
        without hashing.
      - V(header), V(cookie), V(query_arg) and V(uri_capture) need the name in O(hash_on_header), O(hash_on_cookie),
        O(hash_on_query_arg) or O(hash_on_uri_capture).
    type: str
    choices: [none, consumer, ip, header, cookie, path, query_arg, uri_capture]
  hash_fallback:
    description:
      - What to hash when O(hash_on) gives no value for a request (no such header, no consumer). Konnect's default is V(none).
      - Cannot be used when O(hash_on) is V(cookie).
    type: str
    choices: [none, consumer, ip, header, cookie, path, query_arg, uri_capture]
  hash_on_header:
    description:
      - The request header whose value is hashed when O(hash_on=header).
    type: str
  hash_fallback_header:
    description:
      - The request header whose value is hashed when O(hash_fallback=header).
    type: str
  hash_on_cookie:
    description:
      - The cookie whose value is hashed when O(hash_on) or O(hash_fallback) is V(cookie). When a request has no such
        cookie, Kong makes up a value and sets the cookie in the response.
    type: str
  hash_on_cookie_path:
    description:
      - The path of the cookie Kong sets for O(hash_on_cookie). Konnect's default is V(/).
    type: str
  hash_on_query_arg:
    description:
      - The query string argument whose value is hashed when O(hash_on=query_arg).
    type: str
  hash_fallback_query_arg:
    description:
      - The query string argument whose value is hashed when O(hash_fallback=query_arg).
    type: str
  hash_on_uri_capture:
    description:
      - The named capture group of the route's path regular expression whose value is hashed when O(hash_on=uri_capture).
    type: str
  hash_fallback_uri_capture:
    description:
      - The named capture group whose value is hashed when O(hash_fallback=uri_capture).
    type: str
  host_header:
    description:
      - The C(Host) header Kong sends to the targets of this upstream.
    type: str
  slots:
    description:
      - Number of slots in the load balancer, between 10 and 65536. Konnect's default is V(10000).
    type: int
  healthchecks:
    description:
      - Active and passive health checks of the targets, as a dict with the keys C(active), C(passive) and C(threshold)
        (the percentage of healthy target weight below which the whole upstream counts as unhealthy).
      - Only the keys given are compared and changed. Kong sends active probes only while C(active.healthy.interval) or
        C(active.unhealthy.interval) is above zero; both are V(0) by default.
    type: dict
  use_srv_name:
    description:
      - When a target's host name resolves to a DNS SRV record, send the name from the SRV record as C(Host) upstream.
        Konnect's default is V(false).
    type: bool
  sticky_sessions_cookie:
    description:
      - The cookie that keeps a client on one target when O(algorithm=sticky-sessions).
    type: str
  sticky_sessions_cookie_path:
    description:
      - The path of the O(sticky_sessions_cookie) cookie. Konnect's default is V(/).
    type: str
  client_certificate:
    description:
      - The certificate Kong presents as client certificate in the TLS handshake with the targets (mutual TLS).
      - Given by id, or by the certificate's PEM text (the C(cert) of M(konnect.konnect.gateway_certificate)), which
        is looked up among all certificates of the control plane.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_upstream_info
  - module: konnect.konnect.gateway_target
  - module: konnect.konnect.gateway_service
  - module: konnect.konnect.gateway_certificate
'''

EXAMPLES = r'''
- name: A round-robin upstream, used by services whose host is orders.upstream
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    konnect_region: eu
    name: orders.upstream
    algorithm: round-robin
    slots: 1000
    host_header: orders.internal
    tags: [team-orders]

- name: Consistent hashing on a header, falling back to the client IP
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: carts.upstream
    algorithm: consistent-hashing
    hash_on: header
    hash_on_header: X-Cart-ID
    hash_fallback: ip

- name: Hash on a cookie that Kong sets when it is missing
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: session.upstream
    algorithm: consistent-hashing
    hash_on: cookie
    hash_on_cookie: lb_affinity
    hash_on_cookie_path: /app

- name: Hash on a query argument, then on a capture of the route's path regex
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: tenants.upstream
    algorithm: consistent-hashing
    hash_on: query_arg
    hash_on_query_arg: tenant
    hash_fallback: uri_capture
    hash_fallback_uri_capture: tenant_id

- name: Hash on a capture of the route's path regex, falling back to a header
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: shards.upstream
    algorithm: consistent-hashing
    hash_on: uri_capture
    hash_on_uri_capture: shard
    hash_fallback: header
    hash_fallback_header: X-Shard

- name: Fall back to a query argument
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: search.upstream
    algorithm: consistent-hashing
    hash_on: consumer
    hash_fallback: query_arg
    hash_fallback_query_arg: q

- name: Sticky sessions
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: legacy.upstream
    algorithm: sticky-sessions
    sticky_sessions_cookie: kong_sticky
    sticky_sessions_cookie_path: /

- name: Active and passive health checks (only the keys given are changed)
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: orders.upstream
    healthchecks:
      active:
        type: https
        http_path: /healthz
        https_verify_certificate: true
        healthy:
          interval: 5
          successes: 2
        unhealthy:
          interval: 5
          http_failures: 3
          timeouts: 3
      passive:
        unhealthy:
          http_failures: 5
      threshold: 50

- name: Targets found through DNS SRV records, and mutual TLS towards them with a certificate given by id
  konnect.konnect.gateway_upstream:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: billing.upstream
    use_srv_name: true
    client_certificate: b2f34145-0343-41a4-9602-4c69dec2f269

- name: Keep exactly these tags
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: orders.upstream
    tags: [team-orders, tier-1]
    purge_tags: true

- name: Delete an upstream (its targets go with it)
  konnect.konnect.gateway_upstream:
    control_plane: prod-eu
    name: legacy.upstream
    state: absent
'''

RETURN = r'''
gateway_upstream:
  description:
    - The upstream as Konnect returns it after the task, with its defaults (the predicted one in check mode); an empty dict
      after a deletion.
  returned: always
  type: dict
  sample:
    id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e
    name: orders.upstream
    algorithm: round-robin
    hash_on: none
    hash_fallback: none
    hash_on_cookie_path: /
    slots: 1000
    host_header: orders.internal
    use_srv_name: false
    client_certificate: null
    healthchecks:
      active:
        type: http
        http_path: /
        concurrency: 10
        timeout: 1
        healthy: {interval: 0, successes: 0, http_statuses: [200, 302]}
        unhealthy:
          interval: 0
          http_failures: 0
          tcp_failures: 0
          timeouts: 0
          http_statuses: [429, 404, 500, 501, 502, 503, 504, 505]
      passive:
        type: http
        healthy:
          successes: 0
          http_statuses: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308]
        unhealthy: {http_failures: 0, tcp_failures: 0, timeouts: 0, http_statuses: [429, 500, 503]}
      threshold: 0
    tags: [team-orders]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_upstream')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
