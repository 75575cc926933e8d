#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_service_info
short_description: List services of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Read the catalog services of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the service with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.catalog_service
'''

EXAMPLES = r'''
- name: All catalog services
  konnect.konnect.catalog_service_info:
  register: services

- name: One by name
  konnect.konnect.catalog_service_info:
    name: billing

- name: Those whose display name contains "Pay"
  konnect.konnect.catalog_service_info:
    filters:
      display_name: {contains: Pay}
'''

RETURN = r'''
catalog_services:
  description: The catalog services found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      name: billing
      display_name: Billing
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('catalog_service')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
