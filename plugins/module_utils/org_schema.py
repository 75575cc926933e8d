# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JSON schema (draft 2020-12) of a konnect_org document: the org_bootstrap role and the apply module check a
document against it before any request (see org_document.py). Values marked writeOnly are secrets: they are never
repeated in a message and are left out of what the role loops over."""

from __future__ import annotations

ORG_SCHEMA = {
    '$schema': 'https://json-schema.org/draft/2020-12/schema',
    '$id': 'https://github.com/konnect-konnect/konnect.konnect/plugins/module_utils/org_schema.py',
    'title': 'konnect_org: a Konnect organization for the konnect.konnect.org_bootstrap role and the konnect.konnect.apply module',
    'type': 'object',
    'additionalProperties': False,
    'required': ['managed_by'],
    'properties': {
        'managed_by': {'type': 'string', 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'},
        'prune': {'type': 'boolean'},
        'teams': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'properties': {
                    'name': {'type': 'string', 'minLength': 1, 'maxLength': 250},
                    'description': {'type': 'string', 'minLength': 1, 'maxLength': 250},
                    'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}},
                    'protected': {'type': 'boolean'},
                    'users': {'type': 'array', 'items': {'type': 'string', 'format': 'email', 'minLength': 3}},
                    'roles': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'role_name': {'type': 'string', 'minLength': 1},
                                'entity_type_name': {'type': 'string', 'minLength': 1},
                                'entity': {'type': 'string', 'minLength': 1},
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
                    'name': {'type': 'string', 'minLength': 1},
                    'description': {'type': 'string', 'minLength': 1},
                    'teams': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                    'roles': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'role_name': {'type': 'string', 'minLength': 1},
                                'entity_type_name': {'type': 'string', 'minLength': 1},
                                'entity': {'type': 'string', 'minLength': 1},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'expires_at': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T'},
                                'token_file': {'type': 'string', 'minLength': 1},
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
                    'enabled': {'type': 'boolean'},
                    'login_path': {'type': 'string', 'minLength': 1},
                    'config': {'type': 'object', 'properties': {'client_secret': {'type': 'string', 'writeOnly': True}}},
                    'team_mappings': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {'team': {'type': 'string', 'minLength': 1}, 'group': {'type': 'string', 'minLength': 1}},
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
                    'name': {'type': 'string', 'minLength': 1},
                    'region': {'enum': ['us', 'eu', 'au', 'me', 'in', 'sg']},
                    'description': {'type': 'string'},
                    'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}},
                    'protected': {'type': 'boolean'},
                    'cluster_type': {'enum': ['CLUSTER_TYPE_CONTROL_PLANE', 'CLUSTER_TYPE_CONTROL_PLANE_GROUP']},
                    'auth_type': {'enum': ['pinned_client_certs', 'pki_client_certs']},
                    'proxy_urls': {'type': 'array', 'items': {'type': 'object'}},
                    'members': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                    'dp_certificates': {
                        'type': 'array',
                        'items': {
                            'type': 'object',
                            'additionalProperties': False,
                            'properties': {
                                'title': {'type': 'string', 'minLength': 1},
                                'cert': {'type': 'string', 'minLength': 1},
                                'cert_path': {'type': 'string', 'minLength': 1},
                                'key_path': {'type': 'string', 'minLength': 1},
                                'generate': {'type': 'boolean'},
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
                                'prefix': {'type': 'string', 'minLength': 1},
                                'name': {'type': 'string', 'minLength': 1},
                                'description': {'type': 'string'},
                                'config': {'type': 'object'},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                'cert': {'type': 'string', 'minLength': 1},
                                'cert_path': {'type': 'string', 'minLength': 1},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                'cert': {'type': 'string', 'minLength': 1},
                                'cert_path': {'type': 'string', 'minLength': 1},
                                'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                'key_path': {'type': 'string', 'minLength': 1},
                                'cert_alt': {'type': 'string', 'minLength': 1},
                                'key_alt': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
                                'snis': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'name': {'type': 'string', 'minLength': 1},
                                            'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                            'protected': {'type': 'boolean'},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'algorithm': {'enum': ['consistent-hashing', 'least-connections', 'round-robin', 'latency', 'sticky-sessions']},
                                'hash_on': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
                                'hash_fallback': {'enum': ['none', 'consumer', 'ip', 'header', 'cookie', 'path', 'query_arg', 'uri_capture']},
                                'hash_on_header': {'type': 'string', 'minLength': 1},
                                'hash_fallback_header': {'type': 'string', 'minLength': 1},
                                'hash_on_cookie': {'type': 'string', 'minLength': 1},
                                'hash_on_cookie_path': {'type': 'string', 'minLength': 1},
                                'hash_on_query_arg': {'type': 'string', 'minLength': 1},
                                'hash_fallback_query_arg': {'type': 'string', 'minLength': 1},
                                'hash_on_uri_capture': {'type': 'string', 'minLength': 1},
                                'hash_fallback_uri_capture': {'type': 'string', 'minLength': 1},
                                'host_header': {'type': 'string', 'minLength': 1},
                                'slots': {'type': 'integer', 'minimum': 10, 'maximum': 65536},
                                'healthchecks': {'type': 'object'},
                                'use_srv_name': {'type': 'boolean'},
                                'sticky_sessions_cookie': {'type': 'string', 'minLength': 1},
                                'sticky_sessions_cookie_path': {'type': 'string', 'minLength': 1},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                            'failover': {'type': 'boolean'},
                                            'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                            'protected': {'type': 'boolean'},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'url': {'type': 'string', 'minLength': 1},
                                'host': {'type': 'string', 'minLength': 1},
                                'port': {'type': 'integer', 'minimum': 0, 'maximum': 65535},
                                'protocol': {'enum': ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss']},
                                'path': {'type': 'string'},
                                'enabled': {'type': 'boolean'},
                                'retries': {'type': 'integer', 'minimum': 0},
                                'connect_timeout': {'type': 'integer', 'minimum': 1},
                                'read_timeout': {'type': 'integer', 'minimum': 1},
                                'write_timeout': {'type': 'integer', 'minimum': 1},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'service': {'type': 'string', 'minLength': 1},
                                'paths': {'type': 'array', 'items': {'type': 'string'}},
                                'hosts': {'type': 'array', 'items': {'type': 'string'}},
                                'methods': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[A-Z]+$'}},
                                'protocols': {'type': 'array', 'items': {'type': 'string'}},
                                'strip_path': {'type': 'boolean'},
                                'preserve_host': {'type': 'boolean'},
                                'headers': {'type': 'object'},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'instance_name': {'type': 'string', 'minLength': 1},
                                'service': {'type': 'string', 'minLength': 1},
                                'route': {'type': 'string', 'minLength': 1},
                                'consumer': {'type': 'string', 'minLength': 1},
                                'consumer_group': {'type': 'string', 'minLength': 1},
                                'config': {'type': 'object'},
                                'enabled': {'type': 'boolean'},
                                'protocols': {'type': 'array', 'items': {'type': 'string'}},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
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
                                'username': {'type': 'string', 'minLength': 1},
                                'custom_id': {'type': 'string', 'minLength': 1},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
                                'keyauth_credentials': {
                                    'type': 'array',
                                    'items': {
                                        'type': 'object',
                                        'additionalProperties': False,
                                        'properties': {
                                            'key': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                            'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                            'protected': {'type': 'boolean'},
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
                                            'username': {'type': 'string', 'minLength': 1},
                                            'password': {'type': 'string', 'minLength': 1, 'writeOnly': True},
                                            'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                            'protected': {'type': 'boolean'},
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
                                            'group': {'type': 'string', 'minLength': 1},
                                            'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                            'protected': {'type': 'boolean'},
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
                                'name': {'type': 'string', 'minLength': 1},
                                'tags': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
                                'protected': {'type': 'boolean'},
                                'members': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}},
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
