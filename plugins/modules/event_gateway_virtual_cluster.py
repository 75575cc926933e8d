#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_virtual_cluster
short_description: Manage the virtual clusters of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete virtual clusters, what Kafka clients of an event gateway see of a backend cluster.
  - A virtual cluster is found by O(id) or by its O(name) in the event gateway.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The virtual cluster's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the virtual cluster (up to 512 characters).
    type: str
  backend_cluster:
    description:
      - The backend cluster it exposes, by name or id (see M(konnect.konnect.event_gateway_backend_cluster)).
      - Required to create a virtual cluster.
    type: str
  authentication:
    description:
      - 'How clients authenticate, one or more schemes: C(type) V(anonymous), or V(sasl_plain), V(sasl_scram), V(oauth_bearer) or V(client_certificate)
        with their settings. Required to create a virtual cluster.'
    type: list
    elements: dict
  dns_label:
    description:
      - The DNS label of the virtual cluster in the brokers' host names. Required to create a virtual cluster.
    type: str
  acl_mode:
    description:
      - V(enforce_on_gateway) applies the cluster policies' ACLs; V(passthrough) leaves authorization to Kafka.
      - Required to create a virtual cluster.
    type: str
    choices: [enforce_on_gateway, passthrough]
  namespace:
    description:
      - 'A prefix that hides topics and groups of other namespaces: C(prefix), C(mode) and C(additional).'
    type: dict
  topic_aliases:
    description:
      - 'Other names for topics: C(alias) and C(topic) each.'
    type: list
    elements: dict
  labels:
    description:
      - Labels (string keys and values) of the virtual cluster; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_virtual_cluster_info
'''

EXAMPLES = r'''
- name: The orders topics for partners, behind SASL/PLAIN
  konnect.konnect.event_gateway_virtual_cluster:
    event_gateway: orders
    name: partners
    description: What partners see
    backend_cluster: orders-kafka
    authentication:
      - type: anonymous
    dns_label: partners
    acl_mode: enforce_on_gateway
    namespace:
      prefix: "partners-"
      mode: hide_prefix
    topic_aliases:
      - alias: orders
        topic: partners-orders-v2
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_virtual_cluster:
    event_gateway: orders
    name: partners
    state: absent
'''

RETURN = r'''
event_gateway_virtual_cluster:
  description:
  - The virtual cluster as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty
    dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 2f5df167-6b7d-4c6b-8ce2-29b41ba1bbca
    name: partners
    destination:
      id: f145e9de-40be-4b33-bdbe-130a51e698b0
      name: orders-kafka
    dns_label: partners
    acl_mode: enforce_on_gateway
    authentication:
    - type: anonymous
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_virtual_cluster')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
