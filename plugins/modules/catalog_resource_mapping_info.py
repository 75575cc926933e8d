#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_resource_mapping_info
short_description: List resource mappings of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Read the resource mappings of a Konnect region, by id or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.catalog_resource_mapping
'''

EXAMPLES = r'''
- name: All resource mappings
  konnect.konnect.catalog_resource_mapping_info:

- name: The mappings of one service
  konnect.konnect.catalog_resource_mapping_info:
    filters:
      service.name: billing

- name: The mappings of one resource
  konnect.konnect.catalog_resource_mapping_info:
    filters:
      resource.id: 4UdXnoaDYYJsH_Ir
'''

RETURN = r'''
catalog_resource_mappings:
  description: The resource mappings found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: d277faad-ed4e-4c56-a0fb-acce065dee34
      service: {id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7, name: billing, display_name: Billing}
      resource: {id: 4UdXnoaDYYJsH_Ir, type: pagerduty_service, config: {id: P1234AB}}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('catalog_resource_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
