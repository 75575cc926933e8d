# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Control planes and the gateway configuration under them (regional APIs)."""

from __future__ import annotations

from urllib.parse import urlsplit

from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_FILTER,
    LOOKUP_PATH,
    PLAIN,
    TAGS,
    Entity,
    Field,
    Parent,
    Reference,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

CLUSTER_TYPES = [
    'CLUSTER_TYPE_CONTROL_PLANE', 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP',
    'CLUSTER_TYPE_SERVERLESS', 'CLUSTER_TYPE_KAFKA_NATIVE_EVENT_PROXY', 'CLUSTER_TYPE_SERVERLESS_V1',
]
GATEWAY_PROTOCOLS = ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']
CORE_ENTITIES = '/v2/control-planes/{control_plane}/core-entities'
ON_CONTROL_PLANE = Parent('control_plane', 'control_plane')


def _labels():
    return Field('labels', type='dict', kind=LABELS)


def _tags():
    return Field('tags', type='list', elements='str', kind=TAGS)


CONTROL_PLANE = Entity(
    'control_plane', 'control plane', '/v2/control-planes',
    fields=[
        Field('name'),
        Field('description'),
        Field('cluster_type', choices=CLUSTER_TYPES, create_only=True, response_path='config.cluster_type'),
        Field('auth_type', choices=['pinned_client_certs', 'pki_client_certs'], response_path='config.auth_type'),
        Field('cloud_gateway', type='bool', create_only=True, response_path='config.cloud_gateway'),
        Field('proxy_urls', type='list', elements='dict', unordered=True, response_path='config.proxy_urls',
              options=dict(host=dict(type='str', required=True), port=dict(type='int', required=True),
                           protocol=dict(type='str', required=True))),
        _labels(),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH',
    filterable={'id': ('eq', 'oeq'), 'name': ('eq', 'contains', 'neq'), 'cluster_type': ('eq', 'neq', 'oeq'), 'cloud_gateway': (PLAIN,)},
)


def split_service_url(body):
    """Konnect takes ``url`` as a write-time shorthand and returns its parts; compare the parts."""
    url = body.pop('url', None)
    if url is None:
        return body
    parts = urlsplit(url)
    if not parts.scheme or not parts.hostname:
        raise KonnectParameterError('url: %r is not an absolute URL such as https://example.com:8443/path.' % url)
    components = {'protocol': parts.scheme, 'host': parts.hostname,
                  'port': parts.port or {'https': 443, 'grpcs': 443, 'wss': 443, 'tls': 443}.get(parts.scheme, 80)}
    components['path'] = parts.path or None  # no path in the URL means no path, as Kong expands it
    for name, value in components.items():
        if body.get(name) is not None and body[name] != value:
            raise KonnectParameterError('url and %s disagree (%r vs %r); give one or the other.' % (name, url, body[name]))
        body[name] = value
    return body


GATEWAY_SERVICE = Entity(
    'gateway_service', 'gateway service', CORE_ENTITIES + '/services',
    fields=[
        Field('name'),
        Field('url', shown=False),
        Field('protocol', choices=GATEWAY_PROTOCOLS),
        Field('host'),
        Field('port', type='int'),
        Field('path'),
        Field('retries', type='int'),
        Field('connect_timeout', type='int'),
        Field('write_timeout', type='int'),
        Field('read_timeout', type='int'),
        Field('enabled', type='bool'),
        Field('tls_verify', type='bool'),
        Field('tls_verify_depth', type='int'),
        Field('ca_certificates', type='list', elements='str', unordered=True),
        _tags(),
    ],
    parents=[ON_CONTROL_PLANE],
    lookup=LOOKUP_PATH, pagination='offset', update_method='PUT',
    filterable={'name': ('eq', 'contains')}, prepare=split_service_url,
)

GATEWAY_ROUTE = Entity(
    'gateway_route', 'gateway route', CORE_ENTITIES + '/routes',
    fields=[
        Field('name'),
        Field('protocols', type='list', elements='str', unordered=True),
        Field('methods', type='list', elements='str', unordered=True),
        Field('hosts', type='list', elements='str', unordered=True),
        Field('paths', type='list', elements='str', unordered=True),
        Field('headers', type='dict'),
        Field('snis', type='list', elements='str', unordered=True),
        Field('https_redirect_status_code', type='int', choices=[301, 302, 307, 308, 426]),
        Field('regex_priority', type='int'),
        Field('strip_path', type='bool'),
        Field('preserve_host', type='bool'),
        Field('request_buffering', type='bool'),
        Field('response_buffering', type='bool'),
        Field('path_handling', choices=['v0', 'v1']),
        Field('expression'),
        Field('priority', type='int'),
        _tags(),
    ],
    parents=[ON_CONTROL_PLANE],
    references=[Reference('service', 'gateway_service')],
    lookup=LOOKUP_PATH, pagination='offset', update_method='PUT',
    filterable={'name': ('eq', 'contains')},
)

ENTITIES = (CONTROL_PLANE, GATEWAY_SERVICE, GATEWAY_ROUTE)
