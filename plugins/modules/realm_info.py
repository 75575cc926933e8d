#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm_info
short_description: List consumer realms
version_added: 0.1.0
description:
  - Read consumer realms by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the realm with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.realm
'''

EXAMPLES = r'''
- name: Every realm of the region
  konnect.konnect.realm_info:
  register: realms

- name: One realm by name
  konnect.konnect.realm_info:
    name: partners

- name: One realm by id
  konnect.konnect.realm_info:
    id: 5f4e5c2b-3a8e-4d6c-9a7b-1c2d3e4f5a6b

- name: Realms with a 15-minute cache (filtered after listing)
  konnect.konnect.realm_info:
    filters:
      ttl: 15
'''

RETURN = r'''
realms:
  description: The consumer realms found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5f4e5c2b-3a8e-4d6c-9a7b-1c2d3e4f5a6b
      name: partners
      ttl: 15
      negative_ttl: 5
      consumer_groups: [gold]
      allowed_control_planes: ["*"]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('realm')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
