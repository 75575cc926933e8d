#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_backend_cluster
short_description: Manage the backend Kafka clusters of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete backend clusters, the Kafka clusters an event gateway proxies.
  - A backend cluster is found by O(id) or by its O(name) in the event gateway.
  - 'Secrets are write-only: C(authentication.password) and C(tls.client_identity) are sent when the cluster is created (or with
    O(update_secrets=always)), never compared, and shown as C(********).'
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The backend cluster's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the backend cluster (up to 512 characters).
    type: str
  bootstrap_servers:
    description:
      - The Kafka bootstrap servers, C(host:port). Required to create a backend cluster.
    type: list
    elements: str
  authentication:
    description:
      - 'How the gateway authenticates to Kafka: C(type) V(anonymous), or V(sasl_plain) or V(sasl_scram) with C(username) and C(password) (C(sasl_scram)
        also takes C(algorithm)). Required to create a backend cluster.'
      - C(password) is write-only.
    type: dict
  tls:
    description:
      - 'TLS to Kafka: C(enabled) (required), C(insecure_skip_verify), C(tls_versions), C(ca_bundle) and C(client_identity) (C(certificate) and C(key),
        write-only). Required to create a backend cluster.'
    type: dict
  insecure_allow_anonymous_virtual_cluster_auth:
    description:
      - Let virtual clusters with anonymous authentication use this cluster.
    type: bool
  metadata_update_interval_seconds:
    description:
      - How often the gateway refreshes the cluster's metadata (Konnect's default is 60).
    type: int
  labels:
    description:
      - Labels (string keys and values) of the backend cluster; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.secrets
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_backend_cluster_info
'''

EXAMPLES = r'''
- name: The orders Kafka cluster, with SASL/PLAIN over TLS
  konnect.konnect.event_gateway_backend_cluster:
    event_gateway: orders
    name: orders-kafka
    description: Production Kafka of the orders team
    bootstrap_servers: [kafka-1.example.com:9092, kafka-2.example.com:9092]
    authentication:
      type: sasl_plain
      username: gateway
      password: "{{ vault_kafka_password }}"
    tls:
      enabled: true
      tls_versions: [tls13]
    insecure_allow_anonymous_virtual_cluster_auth: false
    metadata_update_interval_seconds: 30
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_backend_cluster:
    event_gateway: orders
    name: orders-kafka
    state: absent
'''

RETURN = r'''
event_gateway_backend_cluster:
  description:
  - The backend cluster as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty
    dict after a deletion.
  returned: always
  type: dict
  sample:
    id: f145e9de-40be-4b33-bdbe-130a51e698b0
    name: orders-kafka
    bootstrap_servers:
    - kafka-1.example.com:9092
    authentication:
      type: sasl_plain
      username: gateway
    tls:
      enabled: true
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_backend_cluster')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
