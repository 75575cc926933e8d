# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Konnect's default of each field, per entity type, as the create requests' schemas declare them.

Written by hacking/update_defaults.py from tests/emulator/derived/*.json; do not edit.
"""

from __future__ import annotations

DEFAULTS = {
    'api': {'attributes': {}},
    'api_document': {'status': 'unpublished'},
    'api_package': {'attributes': {}},
    'api_package_document': {'status': 'unpublished'},
    'application_auth_strategy': {'principals': {'enabled': False}},
    'cloud_gateway_custom_domain': {'kind': 'dedicated.v0'},
    'cloud_gateway_network': {'state': 'initializing'},
    'gateway_jwt': {'algorithm': 'HS256'},
    'gateway_partial': {
        'config': {
            'auth': {'allow_override': False, 'azure_use_managed_identity': False, 'gcp_use_service_account': False},
            'cloud_authentication': {'aws_is_serverless': True},
            'cluster_max_redirections': 5,
            'connect_timeout': 2000,
            'connection_is_proxied': False,
            'database': 0,
            'keepalive_pool_size': 256,
            'logging': {'log_payloads': False, 'log_statistics': False},
            'model': {
                'options': {
                    'azure': {'api_version': '2023-05-15'},
                    'azure_api_version': '2023-05-15',
                    'bedrock': {'embeddings_normalize': False},
                    'cohere': {'embedding_input_type': 'classification'},
                    'dashscope': {'international': True},
                },
            },
            'pgvector': {
                'database': 'kong-pgvector',
                'host': '127.0.0.1',
                'port': 5432,
                'ssl': False,
                'ssl_required': False,
                'ssl_verify': True,
                'ssl_version': 'tlsv1_2',
                'timeout': 5000,
                'user': 'postgres',
            },
            'port': 6379,
            'read_timeout': 2000,
            'redis': {
                'cloud_authentication': {'aws_is_serverless': True},
                'cluster_max_redirections': 5,
                'connect_timeout': 2000,
                'connection_is_proxied': False,
                'database': 0,
                'host': '127.0.0.1',
                'keepalive_pool_size': 256,
                'port': 6379,
                'read_timeout': 2000,
                'send_timeout': 2000,
                'ssl': False,
                'ssl_verify': True,
            },
            'send_timeout': 2000,
            'ssl': False,
            'ssl_verify': True,
            'timeout': 2000,
            'weight': 100,
        },
    },
    'gateway_plugin': {'enabled': True, 'protocols': ['grpc', 'grpcs', 'http', 'https']},
    'gateway_route': {
        'https_redirect_status_code': 426,
        'path_handling': 'v0',
        'preserve_host': False,
        'priority': 0,
        'protocols': ['https'],
        'regex_priority': 0,
        'request_buffering': True,
        'response_buffering': True,
        'strip_path': True,
    },
    'gateway_service': {
        'connect_timeout': 60000,
        'enabled': True,
        'port': 80,
        'protocol': 'http',
        'read_timeout': 60000,
        'retries': 5,
        'write_timeout': 60000,
    },
    'gateway_target': {'failover': False, 'weight': 100},
    'gateway_upstream': {
        'algorithm': 'round-robin',
        'hash_fallback': 'none',
        'hash_on': 'none',
        'hash_on_cookie_path': '/',
        'healthchecks': {
            'active': {
                'concurrency': 10,
                'healthy': {'http_statuses': [200, 302], 'interval': 0, 'successes': 0},
                'http_path': '/',
                'https_verify_certificate': True,
                'timeout': 1,
                'type': 'http',
                'unhealthy': {
                    'http_failures': 0,
                    'http_statuses': [429, 404, 500, 501, 502, 503, 504, 505],
                    'interval': 0,
                    'tcp_failures': 0,
                    'timeouts': 0,
                },
            },
            'passive': {
                'healthy': {
                    'http_statuses': [200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308],
                    'successes': 0,
                },
                'type': 'http',
                'unhealthy': {'http_failures': 0, 'http_statuses': [429, 500, 503], 'tcp_failures': 0, 'timeouts': 0},
            },
            'threshold': 0,
        },
        'slots': 10000,
        'sticky_sessions_cookie_path': '/',
        'use_srv_name': False,
    },
    'identity_provider': {
        'config': {'claim_mappings': {'email': 'email', 'groups': 'groups', 'name': 'name'}, 'scopes': ['email', 'openid', 'profile']},
        'enabled': False,
    },
    'portal': {
        'authentication_enabled': True,
        'auto_approve_applications': False,
        'auto_approve_developers': False,
        'notifications_developer_pii_visibility_enabled': False,
        'rbac_enabled': False,
        'sipr_enabled': False,
    },
    'portal_developer': {'send_invitation_email': False},
    'portal_identity_provider': {
        'config': {'claim_mappings': {'email': 'email', 'groups': 'groups', 'name': 'name'}, 'scopes': ['email', 'openid', 'profile']},
        'enabled': False,
    },
    'portal_team': {'can_own_applications': False},
}
