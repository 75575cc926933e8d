#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_integration_instance_info
short_description: List integration instances of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Read the integration instances of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the instance with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.catalog_integration_instance
'''

EXAMPLES = r'''
- name: All integration instances
  konnect.konnect.catalog_integration_instance_info:

- name: One by name
  konnect.konnect.catalog_integration_instance_info:
    name: pagerduty-prod

- name: The PagerDuty ones
  konnect.konnect.catalog_integration_instance_info:
    filters:
      integration.name: pagerduty
'''

RETURN = r'''
catalog_integration_instances:
  description: The integration instances found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3f51fa25-310a-421d-bd1a-007f859021a3
      name: pagerduty-prod
      integration: {name: pagerduty, display_name: PagerDuty}
      authorized: true
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('catalog_integration_instance')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
