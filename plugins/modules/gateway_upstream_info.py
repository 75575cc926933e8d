#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_upstream_info
short_description: List upstreams of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway upstreams of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one upstream.
  - The targets of an upstream are listed by M(konnect.konnect.gateway_target_info).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the upstream with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_upstream
  - module: konnect.konnect.gateway_target_info
'''

EXAMPLES = r'''
- name: All upstreams of a control plane
  konnect.konnect.gateway_upstream_info:
    control_plane: prod-eu
    konnect_region: eu
  register: upstreams

- name: An upstream by name
  konnect.konnect.gateway_upstream_info:
    control_plane: prod-eu
    name: orders.upstream

- name: Upstreams that hash consistently (filtered after listing)
  konnect.konnect.gateway_upstream_info:
    control_plane: prod-eu
    filters:
      algorithm: consistent-hashing

- name: An upstream by id
  konnect.konnect.gateway_upstream_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e
'''

RETURN = r'''
gateway_upstreams:
  description: The upstreams found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e
      name: orders.upstream
      algorithm: round-robin
      hash_on: none
      hash_fallback: none
      slots: 1000
      host_header: orders.internal
      use_srv_name: false
      tags: [team-orders]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_upstream')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
