#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mesh_control_plane
short_description: Manage Konnect mesh control planes
version_added: 0.1.0
description:
  - Create, update and delete the mesh control planes (Kong Mesh) of a Konnect region.
  - A mesh control plane is found by O(id) or by its O(name). The resources inside it are managed with
    M(konnect.konnect.mesh_resource).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The control plane's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - Free-text description (up to 250 characters).
    type: str
  features:
    description:
      - Features enabled when the control plane is created, as Konnect takes them; for example a feature of C(type)
        V(MeshCreation) whose C(meshCreation.enabled) is false creates it without the default mesh.
      - Konnect takes them on creation only; see O(recreate).
    type: list
    elements: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.mesh_control_plane_info
  - module: konnect.konnect.mesh_resource
'''

EXAMPLES = r'''
- name: A mesh control plane
  konnect.konnect.mesh_control_plane:
    name: mesh-prod
    description: Production service mesh
    labels:
      env: prod

- name: One created without Kong Mesh's default mesh
  konnect.konnect.mesh_control_plane:
    name: mesh-empty
    features:
      - type: MeshCreation
        meshCreation: {enabled: false}

- name: Rename one by id
  konnect.konnect.mesh_control_plane:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: mesh-production

- name: Delete it
  konnect.konnect.mesh_control_plane:
    name: mesh-prod
    state: absent
'''

RETURN = r'''
mesh_control_plane:
  description:
    - The mesh control plane as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: mesh-prod
    description: Production service mesh
    labels: {env: prod}
    version: v2
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('mesh_control_plane')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
