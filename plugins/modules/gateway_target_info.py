#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_target_info
short_description: List the targets of an upstream in a Konnect control plane
version_added: 0.1.0
description:
  - Read the targets of a Kong Gateway upstream, by id, by address, or with filters; every page is read.
  - Always returns a list, also when looking up one target.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  target:
    description:
      - Return only the target with this address, host and port (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.gateway.upstream
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_target
  - module: konnect.konnect.gateway_upstream_info
'''

EXAMPLES = r'''
- name: All targets of an upstream
  konnect.konnect.gateway_target_info:
    control_plane: prod-eu
    konnect_region: eu
    upstream: orders.upstream
  register: targets

- name: A target by address
  konnect.konnect.gateway_target_info:
    control_plane: prod-eu
    upstream: orders.upstream
    target: 10.0.12.4:8080

- name: Targets taken out of rotation (filtered after listing)
  konnect.konnect.gateway_target_info:
    control_plane: prod-eu
    upstream: orders.upstream
    filters:
      weight: 0

- name: A target by id, with control plane and upstream by id
  konnect.konnect.gateway_target_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    upstream: 6eed5e9c-5398-4026-9a4c-d48f18a2431e
    id: 089292a7-ba3d-4d88-acf0-97b4b2e2621a
'''

RETURN = r'''
gateway_targets:
  description: The targets found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 089292a7-ba3d-4d88-acf0-97b4b2e2621a
      target: 10.0.12.4:8080
      upstream: {id: 6eed5e9c-5398-4026-9a4c-d48f18a2431e}
      weight: 100
      failover: false
      tags: [team-orders]
      created_at: 1763892000.123
      updated_at: 1763892000.123
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_target')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
