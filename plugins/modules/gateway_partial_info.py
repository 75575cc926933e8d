#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_partial_info
short_description: List partials (shared plugin configuration) of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway partials of a Konnect control plane, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one partial.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the partial with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_partial
'''

EXAMPLES = r'''
- name: All partials of a control plane
  konnect.konnect.gateway_partial_info:
    control_plane: prod-eu
    konnect_region: eu
  register: partials

- name: A partial by name
  konnect.konnect.gateway_partial_info:
    control_plane: prod-eu
    name: redis-rate-limits

- name: The Redis partials of the Enterprise plugins (filtered after listing)
  konnect.konnect.gateway_partial_info:
    control_plane: prod-eu
    filters:
      type: redis-ee

- name: A partial by id
  konnect.konnect.gateway_partial_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: cff1230a-00f7-4ae8-b376-c370f0eb4dae
'''

RETURN = r'''
gateway_partials:
  description: The partials found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: cff1230a-00f7-4ae8-b376-c370f0eb4dae
      name: redis-rate-limits
      type: redis-ee
      config:
        host: redis.internal
        port: 6379
        database: 0
        ssl: true
      tags: [platform]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_partial')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
