#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mesh_resource_info
short_description: List the Kuma resources of a Konnect mesh control plane
version_added: 0.1.0
description:
  - Read the Kuma resources of one kind in a mesh control plane (inside one mesh, for the kinds that live in a mesh), or one
    of them by name; every page is read.
  - Always returns a list, also when looking up one resource. A Secret's C(data) reads C(********).
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
      - The Kuma kind to list, as in M(konnect.konnect.mesh_resource).
    type: str
    required: true
  mesh:
    description:
      - The mesh to list in; required for the kinds that live inside a mesh.
    type: str
  name:
    description:
      - Return only the resource with this name (an empty list if there is none).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.mesh_resource
'''

EXAMPLES = r'''
- name: The meshes of a control plane
  konnect.konnect.mesh_resource_info:
    mesh_control_plane: mesh-prod
    kind: Mesh

- name: Every MeshTimeout of the default mesh
  konnect.konnect.mesh_resource_info:
    mesh_control_plane: mesh-prod
    kind: MeshTimeout
    mesh: default
  register: timeouts

- name: One policy by name
  konnect.konnect.mesh_resource_info:
    mesh_control_plane: mesh-prod
    kind: MeshTrafficPermission
    mesh: default
    name: allow-web
'''

RETURN = r'''
mesh_resources:
  description: The resources found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - type: MeshTimeout
      mesh: default
      name: timeout-global
      spec:
        targetRef: {kind: Mesh}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.mesh_runner import MeshResourceInfoTask

TASK = MeshResourceInfoTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
