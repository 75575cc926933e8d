#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_info
short_description: List APIs of the Konnect API catalog
version_added: 0.1.0
description:
  - Read APIs of the Konnect API catalog in one region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one API.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the APIs with this name, whatever their version (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: All APIs
  konnect.konnect.api_info:
  register: apis

- name: Every version of the Orders API
  konnect.konnect.api_info:
    name: Orders

- name: APIs with a label, and those that enforce access control
  konnect.konnect.api_info:
    filters:
      labels.team: commerce
      implementation_mode: access_control_enforcement

- name: An API by id
  konnect.konnect.api_info:
    id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
'''

RETURN = r'''
apis:
  description: The APIs found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
      name: Orders
      version: v1
      slug: orders-v1
      labels: {}
      portals: [{id: 25a2624c-49fc-4764-99e1-224ed819f200, name: developers, display_name: Developers}]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
