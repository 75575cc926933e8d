# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JSON schema (draft 2020-12) of a konnect_org document: the org_bootstrap role and the apply module check a
document against it before any request (see org_document.py). Values marked writeOnly are secrets: they are never
repeated in a message and are left out of what the role loops over."""

from __future__ import annotations

TEXT = {'type': 'string', 'minLength': 1}
STRING = {'type': 'string'}
NAMES = {'type': 'array', 'items': TEXT}  # tags, names of other entities
BOOLEAN = {'type': 'boolean'}
INTEGER = {'type': 'integer'}
OBJECT = {'type': 'object'}

ORG_SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    '$id': 'https://github.com/konnect-konnect/konnect.konnect/plugins/module_utils/org_schema.py',
    'title': 'konnect_org: a Konnect organization for the konnect.konnect.org_bootstrap role and the konnect.konnect.apply module',
    'type': 'object',
    'additionalProperties': False,
    'required': ['managed_by'],
    'properties': {
        'managed_by': {'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'},
        'prune': BOOLEAN,
        'teams': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'name': {'type': 'string', 'minLength': 1, 'maxLength': 250},
                    'description': {'type': 'string', 'minLength': 1, 'maxLength': 250},
                    'labels': {'type': 'object', 'additionalProperties': STRING},
                    'protected': BOOLEAN,
                    'users': {'type': 'array', 'items': {'type': 'string', 'format': 'email', 'minLength': 3}},
                    'roles': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'role_name': TEXT,
                                'entity_type_name': TEXT,
                                'entity': TEXT,
                                'entity_region': {'enum': ['us', 'eu', 'au', 'me', 'in', 'sg', '*']},
                            },
                            'required': ['role_name', 'entity', 'entity_region'],
                        },
                    },
                },
                'required': ['name'],
            },
        },
        'users': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'email': {'type': 'string', 'minLength': 3, 'pattern': '^[^@\\s]+@[^@\\s]+$'},
                    'full_name': {'type': 'string', 'maxLength': 250},
                    'preferred_name': {'type': 'string', 'maxLength': 250},
                },
                'required': ['email'],
            },
        },
        'system_accounts': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'name': TEXT,
                    'description': TEXT,
                    'teams': NAMES,
                    'roles': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'role_name': TEXT,
                                'entity_type_name': TEXT,
                                'entity': TEXT,
                                'entity_region': {'enum': ['us', 'eu', 'au', 'me', 'in', 'sg', '*']},
                            },
                            'required': ['role_name', 'entity', 'entity_region'],
                        },
                    },
                    'tokens': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'expires_at': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T'},
                                'token_file': TEXT,
                                'rotate_before_days': {'type': 'integer', 'minimum': 1},
                            },
                            'required': ['name', 'expires_at'],
                        },
                    },
                },
                'required': ['name', 'description'],
            },
        },
        'identity_providers': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'type': {'enum': ['oidc', 'saml']},
                    'enabled': BOOLEAN,
                    'login_path': TEXT,
                    'config': {'type': 'object', 'properties': {'client_secret': {'type': 'string', 'writeOnly': True}}},
                    'team_mappings': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {'team': TEXT, 'group': TEXT},
                            'required': ['team', 'group'],
                        },
                    },
                },
                'required': ['type'],
            },
        },
        'control_planes': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'name': TEXT,
                    'region': {'enum': ['us', 'eu', 'au', 'me', 'in', 'sg']},
                    'description': STRING,
                    'labels': {'type': 'object', 'additionalProperties': STRING},
                    'protected': BOOLEAN,
                    'cluster_type': {'enum': ['CLUSTER_TYPE_CONTROL_PLANE', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP']},
                    'auth_type': {'enum': ['pinned_client_certs', 'pki_client_certs']},
                    'proxy_urls': {'type': 'array', 'items': OBJECT},
                    'members': NAMES,
                    'dp_certificates': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'title': TEXT,
                                'cert': TEXT,
                                'cert_path': TEXT,
                                'key_path': TEXT,
                                'generate': BOOLEAN,
                            },
                            'required': ['title'],
                            'if': {'not': {'required': ['cert']}},
                            'then': {'required': ['cert_path']},
                        },
                    },
                    'config_stores': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': {'type': 'string', 'minLength': 1, 'maxLength': 100},
                                'secrets': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'key': {'type': 'string', 'minLength': 1, 'maxLength': 512},
                                            'value': {'type': 'string', 'minLength': 1, 'maxLength': 5120, 'writeOnly': True},
                                        },
                                        'required': ['key', 'value'],
                                    },
                                },
                            },
                            'required': ['name'],
                        },
                    },
                    'vaults': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'prefix': TEXT,
                                'name': TEXT,
                                'description': STRING,
                                'config': OBJECT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                            },
                            'required': ['prefix', 'name'],
                        },
                    },
                    'ca_certificates': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'cert': TEXT,
                                'cert_path': TEXT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                            },
                            'if': {'not': {'required': ['cert']}},
                            'then': {'required': ['cert_path']},
                        },
                    },
                    'certificates': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'cert': TEXT,
                                'cert_path': TEXT,
                                'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                'key_path': TEXT,
                                'cert_alt': TEXT,
                                'key_alt': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                'tags': NAMES,
                                'protected': BOOLEAN,
                                'snis': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'name': TEXT,
                                            'tags': NAMES,
                                            'protected': BOOLEAN,
                                        },
                                        'required': ['name'],
                                    },
                                },
                            },
                            'allOf': [
                                {'if': {'not': {'required': ['cert']}}, 'then': {'required': ['cert_path']}},
                                {'if': {'not': {'required': ['key']}}, 'then': {'required': ['key_path']}},
                            ],
                        },
                    },
                    'upstreams': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'algorithm': {'enum': ['consistent-hashing', 'least-connections', 'round-robin', 'latency', 'sticky-sessions']},
                                'hash_on': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
                                'hash_fallback': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
                                'hash_on_header': TEXT,
                                'hash_fallback_header': TEXT,
                                'hash_on_cookie': TEXT,
                                'hash_on_cookie_path': TEXT,
                                'hash_on_query_arg': TEXT,
                                'hash_fallback_query_arg': TEXT,
                                'hash_on_uri_capture': TEXT,
                                'hash_fallback_uri_capture': TEXT,
                                'host_header': TEXT,
                                'slots': {'type': 'integer', 'minimum': 10, 'maximum': 65536},
                                'healthchecks': OBJECT,
                                'use_srv_name': BOOLEAN,
                                'sticky_sessions_cookie': TEXT,
                                'sticky_sessions_cookie_path': TEXT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                                'targets': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'target': {
                                                'type': 'string',
                                                'minLength': 1,
                                                'pattern': '^[^\\s:/]+(:\\d{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?$',
                                            },
                                            'weight': {'type': 'integer', 'minimum': 0, 'maximum': 65535},
                                            'failover': BOOLEAN,
                                            'tags': NAMES,
                                            'protected': BOOLEAN,
                                        },
                                        'required': ['target'],
                                    },
                                },
                            },
                            'required': ['name'],
                        },
                    },
                    'services': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'url': TEXT,
                                'host': TEXT,
                                'port': {'type': 'integer', 'minimum': 0, 'maximum': 65535},
                                'protocol': {'enum': ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']},
                                'path': STRING,
                                'enabled': BOOLEAN,
                                'retries': {'type': 'integer', 'minimum': 0},
                                'connect_timeout': {'type': 'integer', 'minimum': 1},
                                'read_timeout': {'type': 'integer', 'minimum': 1},
                                'write_timeout': {'type': 'integer', 'minimum': 1},
                                'tags': NAMES,
                                'protected': BOOLEAN,
                            },
                            'required': ['name'],
                            'if': {'not': {'required': ['url']}},
                            'then': {'required': ['host']},
                        },
                    },
                    'routes': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'service': TEXT,
                                'paths': {'type': 'array', 'items': STRING},
                                'hosts': {'type': 'array', 'items': STRING},
                                'methods': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[A-Z]+$'}},
                                'protocols': {'type': 'array', 'items': STRING},
                                'strip_path': BOOLEAN,
                                'preserve_host': BOOLEAN,
                                'headers': OBJECT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                            },
                            'required': ['name'],
                        },
                    },
                    'plugins': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'instance_name': TEXT,
                                'service': TEXT,
                                'route': TEXT,
                                'consumer': TEXT,
                                'consumer_group': TEXT,
                                'config': OBJECT,
                                'enabled': BOOLEAN,
                                'protocols': {'type': 'array', 'items': STRING},
                                'tags': NAMES,
                                'protected': BOOLEAN,
                            },
                            'required': ['name', 'instance_name'],
                        },
                    },
                    'consumers': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'username': TEXT,
                                'custom_id': TEXT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                                'keyauth_credentials': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                            'tags': NAMES,
                                            'protected': BOOLEAN,
                                        },
                                        'required': ['key'],
                                    },
                                },
                                'basicauth_credentials': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'username': TEXT,
                                            'password': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                            'tags': NAMES,
                                            'protected': BOOLEAN,
                                        },
                                        'required': ['username', 'password'],
                                    },
                                },
                                'acls': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'group': TEXT,
                                            'tags': NAMES,
                                            'protected': BOOLEAN,
                                        },
                                        'required': ['group'],
                                    },
                                },
                            },
                            'required': ['username'],
                        },
                    },
                    'consumer_groups': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'name': TEXT,
                                'tags': NAMES,
                                'protected': BOOLEAN,
                                'members': NAMES,
                            },
                            'required': ['name'],
                        },
                    },
                    'gateway': {
                        'type': 'object',
                        # writeOnly: a state file may hold credentials and private keys, so it is kept out of loop items and messages.
                        'writeOnly': True,
                        'description': 'The gateway configuration of the control plane as an inline decK state file (its content is checked where it '
                                       'is applied). Instead of gateway_file and of the sections vaults, ca_certificates, certificates, upstreams, '
                                       'services, routes, consumers, consumer_groups and plugins.',
                    },
                    'gateway_file': {
                        'type': 'string',
                        'minLength': 1,
                        'description': 'Path of a decK state file (YAML or JSON) on the controller: the gateway configuration of the control plane. '
                                       'Instead of gateway and of the gateway sections.',
                    },
                },
                'required': ['name', 'region'],
            },
        },
    },
}
