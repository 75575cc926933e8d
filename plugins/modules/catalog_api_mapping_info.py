#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_api_mapping_info
short_description: List API mappings of a Konnect catalog service
version_added: 0.1.0
description:
  - Read the API mappings of a catalog service of a Konnect region, by id or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  catalog_service:
    description:
      - The catalog service, by name or id.
    type: str
    required: true
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.catalog_api_mapping
'''

EXAMPLES = r'''
- name: The APIs mapped to the billing service
  konnect.konnect.catalog_api_mapping_info:
    catalog_service: billing

- name: The mapping of one API
  konnect.konnect.catalog_api_mapping_info:
    catalog_service: billing
    filters:
      api_id: 2c851ccc-2231-4eb8-85f1-150dc682b8b3
'''

RETURN = r'''
catalog_api_mappings:
  description: The API mappings of a catalog service found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9c3a5d2e-1f0b-4c8e-a6d4-2b7f1e0c9a8d
      service_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      api_id: 2c851ccc-2231-4eb8-85f1-150dc682b8b3
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('catalog_api_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
