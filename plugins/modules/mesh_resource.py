#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mesh_resource
short_description: Manage the Kuma resources of a Konnect mesh control plane
version_added: 0.1.0
description:
  - Create, update and delete any Kuma resource of a Konnect mesh control plane (meshes, policies such as MeshTimeout or
    MeshTrafficPermission, MeshService, secrets, zone ingresses, access roles, ...); one module for every kind the
    Mesh Control Planes API lists.
  - A resource is found by its O(kind), its O(name) and, for the kinds that live inside a mesh, its O(mesh).
  - The body (O(name), O(mesh), O(labels), O(spec)) is checked against the JSON schema the API gives for the kind before any
    request is sent; a wrong field is named in the error.
  - Kuma replaces a resource whole (PUT). The module sends what Konnect holds with the task's values laid over it, so the
    keys of O(spec) the task leaves out are kept; give the whole spec to be sure of the result.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  mesh_control_plane:
    description:
      - The mesh control plane, by name or id.
    type: str
    required: true
  kind:
    description:
      - The Kuma kind of the resource, any kind the Mesh Control Planes API can write.
      - The policies (MeshTimeout, MeshTrafficPermission, ...) and most newer kinds live inside a mesh (O(mesh)); Mesh,
        ZoneIngress, ZoneEgress, HostnameGenerator, AccessRole, AccessRoleBinding and AccessAudit do not.
    type: str
    required: true
    choices:
      - AccessAudit
      - AccessRole
      - AccessRoleBinding
      - Dataplane
      - HostnameGenerator
      - Mesh
      - MeshAccessLog
      - MeshCircuitBreaker
      - MeshExternalService
      - MeshFaultInjection
      - MeshGateway
      - MeshGlobalRateLimit
      - MeshHTTPRoute
      - MeshHealthCheck
      - MeshIdentity
      - MeshLoadBalancingStrategy
      - MeshMetric
      - MeshMultiZoneService
      - MeshOPA
      - MeshOpenTelemetryBackend
      - MeshPassthrough
      - MeshProxyPatch
      - MeshRateLimit
      - MeshRetry
      - MeshService
      - MeshTCPRoute
      - MeshTLS
      - MeshTimeout
      - MeshTrace
      - MeshTrafficPermission
      - MeshTrust
      - MeshZoneAddress
      - Secret
      - Workload
      - ZoneEgress
      - ZoneIngress
  mesh:
    description:
      - The mesh the resource belongs to (its name). Required for the kinds that live inside a mesh, refused for the others
        (Mesh, ZoneIngress, ZoneEgress, HostnameGenerator and the access kinds).
    type: str
  name:
    description:
      - The resource's name, unique per kind (and mesh).
    type: str
    required: true
  spec:
    description:
      - The resource's settings. For the kinds whose schema has a C(spec) (the policies, MeshService, ...) this is that C(spec).
      - For the older kinds that keep their settings at the top level of the resource (Mesh, MeshGateway, Dataplane, Secret,
        ZoneIngress, ZoneEgress, AccessRole, AccessRoleBinding, AccessAudit) these are those top-level fields, for example
        C(mtls) of a Mesh or C(data) of a Secret.
      - Keys the task gives are compared with Konnect's; others are left as they are.
      - A Secret's C(data) is never shown in the result or the diff.
    type: dict
  state:
    description:
      - V(present) creates the resource or updates what the task sets; V(absent) deletes it (deleting one that does not exist
        reports no change).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
notes:
  - O(state=absent) deletes the resource; deleting a Mesh deletes everything inside it.
seealso:
  - module: konnect.konnect.mesh_resource_info
  - module: konnect.konnect.mesh_control_plane
'''

EXAMPLES = r'''
- name: The default mesh, with mutual TLS
  konnect.konnect.mesh_resource:
    mesh_control_plane: mesh-prod
    kind: Mesh
    name: default
    spec:
      mtls:
        enabledBackend: ca-1
        backends:
          - name: ca-1
            type: builtin

- name: A timeout policy in it
  konnect.konnect.mesh_resource:
    mesh_control_plane: mesh-prod
    kind: MeshTimeout
    mesh: default
    name: timeout-global
    labels:
      team: platform
    spec:
      targetRef: {kind: Mesh}
      to:
        - targetRef: {kind: Mesh}
          default:
            idleTimeout: 20s
            connectionTimeout: 2s

- name: Traffic permission between two services
  konnect.konnect.mesh_resource:
    mesh_control_plane: mesh-prod
    kind: MeshTrafficPermission
    mesh: default
    name: allow-web
    spec:
      targetRef: {kind: MeshService, name: backend}
      from:
        - targetRef: {kind: MeshService, name: web}
          default: {action: Allow}

- name: A secret (its data is never shown)
  konnect.konnect.mesh_resource:
    mesh_control_plane: mesh-prod
    kind: Secret
    mesh: default
    name: db-password
    spec:
      data: "{{ 'hunter2' | b64encode }}"
  no_log: true

- name: Remove the policy
  konnect.konnect.mesh_resource:
    mesh_control_plane: mesh-prod
    kind: MeshTimeout
    mesh: default
    name: timeout-global
    state: absent
'''

RETURN = r'''
mesh_resource:
  description:
    - The resource as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
    - A Secret's C(data) reads C(********).
  returned: always
  type: dict
  sample:
    type: MeshTimeout
    mesh: default
    name: timeout-global
    labels: {team: platform}
    spec:
      targetRef: {kind: Mesh}
    creationTime: "2026-11-23T10:00:00Z"
    modificationTime: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the name, labels and settings, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.mesh_runner import MeshResourceTask

TASK = MeshResourceTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
