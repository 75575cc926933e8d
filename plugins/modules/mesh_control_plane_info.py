#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: mesh_control_plane_info
short_description: List Konnect mesh control planes
version_added: 0.1.0
description:
  - Read the mesh control planes of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one control plane.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the mesh control plane with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.mesh_control_plane
'''

EXAMPLES = r'''
- name: All mesh control planes
  konnect.konnect.mesh_control_plane_info:
  register: meshes

- name: One by name
  konnect.konnect.mesh_control_plane_info:
    name: mesh-prod

- name: Those whose name contains "prod"
  konnect.konnect.mesh_control_plane_info:
    filters:
      name: {contains: prod}

- name: One by id
  konnect.konnect.mesh_control_plane_info:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
'''

RETURN = r'''
mesh_control_planes:
  description: The mesh control planes found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
      name: mesh-prod
      labels: {env: prod}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('mesh_control_plane')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
