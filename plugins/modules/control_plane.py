#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: control_plane
short_description: Manage Konnect control planes
version_added: 0.1.0
description:
  - Create, update and delete control planes (including control plane groups) in a Konnect region.
  - A control plane is found by O(id) or by its unique O(name).
  - Only the fields the task sets are compared and updated.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The control plane's name, unique in the region. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - Free-text description.
    type: str
  cluster_type:
    description:
      - The kind of control plane. Konnect uses V(CLUSTER_TYPE_CONTROL_PLANE) when this is not set.
      - Can only be set when the control plane is created (see O(recreate)).
    type: str
    choices:
      - CLUSTER_TYPE_CONTROL_PLANE
      - CLUSTER_TYPE_K8S_INGRESS_CONTROLLER
      - CLUSTER_TYPE_CONTROL_PLANE_GROUP
      - CLUSTER_TYPE_SERVERLESS
      - CLUSTER_TYPE_KAFKA_NATIVE_EVENT_PROXY
      - CLUSTER_TYPE_SERVERLESS_V1
  auth_type:
    description:
      - How data planes authenticate; V(pinned_client_certs) pins certificates, V(pki_client_certs) trusts a CA.
    type: str
    choices: [pinned_client_certs, pki_client_certs]
  cloud_gateway:
    description:
      - Whether the control plane backs Dedicated or Serverless Cloud Gateways. Can only be set on creation.
    type: bool
  proxy_urls:
    description:
      - The URLs where the data planes of this control plane are reachable, shown in Konnect's UI.
      - Compared as a set; order does not matter.
    type: list
    elements: dict
    suboptions:
      host:
        description: Host name of the proxy.
        type: str
        required: true
      port:
        description: Port of the proxy.
        type: int
        required: true
      protocol:
        description: Protocol of the proxy, for example V(https).
        type: str
        required: true
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.control_plane_info
  - module: konnect.konnect.gateway_service
'''

EXAMPLES = r'''
- name: Create a control plane in the EU region
  konnect.konnect.control_plane:
    name: prod-eu
    description: Production gateways in Frankfurt
    konnect_region: eu
    labels:
      env: prod
      team: platform
  register: cp

- name: Show where data planes connect
  ansible.builtin.debug:
    msg: "{{ cp.control_plane.config.control_plane_endpoint }}"

- name: A control plane group with PKI authentication
  konnect.konnect.control_plane:
    name: prod-group
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    auth_type: pki_client_certs

- name: Set the proxy URLs shown in Konnect (order does not matter)
  konnect.konnect.control_plane:
    name: prod-eu
    konnect_region: eu
    proxy_urls:
      - host: api.example.com
        port: 443
        protocol: https

- name: Keep only the labels given (labels owned by other tools stay)
  konnect.konnect.control_plane:
    name: prod-eu
    konnect_region: eu
    labels:
      env: prod
    purge_labels: true

- name: Rename a control plane found by id
  konnect.konnect.control_plane:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: prod-eu-1

- name: Turn a control plane into a group (deletes and re-creates it, with a new id)
  konnect.konnect.control_plane:
    name: staging
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    recreate: true

- name: Set authentication once for a whole play and use the legacy login (discouraged)
  konnect.konnect.control_plane:
    name: lab
    konnect_email: admin@example.com
    konnect_password: "{{ vault_konnect_password }}"

- name: Delete a control plane
  konnect.konnect.control_plane:
    name: prod-eu
    konnect_region: eu
    state: absent
'''

RETURN = r'''
control_plane:
  description:
    - The control plane as Konnect returns it after the task (the predicted one in check mode, whose O(id) is null on create).
    - An empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: prod-eu
    description: Production gateways in Frankfurt
    labels: {env: prod}
    config:
      cluster_type: CLUSTER_TYPE_CONTROL_PLANE
      auth_type: pinned_client_certs
      cloud_gateway: false
      proxy_urls: []
      control_plane_endpoint: https://acfe5f253f.eu.cp.konghq.com
      telemetry_endpoint: https://acfe5f253f.eu.tp0.konghq.com
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('control_plane')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
