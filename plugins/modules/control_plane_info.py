#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: control_plane_info
short_description: List Konnect control planes
version_added: 0.1.0
description:
  - Read control planes in a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one control plane.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the control plane with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.control_plane
'''

EXAMPLES = r'''
- name: Find a control plane by name
  konnect.konnect.control_plane_info:
    name: prod-eu
    konnect_region: eu
  register: found

- name: Use its id
  ansible.builtin.debug:
    msg: "{{ found.control_planes[0].id }}"
  when: found.control_planes | length == 1

- name: All control plane groups
  konnect.konnect.control_plane_info:
    filters:
      cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP

- name: Control planes whose name contains "prod"
  konnect.konnect.control_plane_info:
    filters:
      name: {contains: prod}

- name: One control plane by id
  konnect.konnect.control_plane_info:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
'''

RETURN = r'''
control_planes:
  description: The control planes found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
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
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('control_plane')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
