#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_service
short_description: Manage services of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Create, update and delete the services of a Konnect region's Service Catalog.
  - A service is found by O(id) or by its unique machine O(name).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The machine name that identifies the service in the catalog (1 to 120 lower-case letters, digits, dots and dashes).
        Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  display_name:
    description:
      - The name shown in the catalog (1 to 120 characters). Required to create a service.
    type: str
  description:
    description:
      - Free-text description (up to 2048 characters).
    type: str
  custom_fields:
    description:
      - Values of the catalog's custom fields, by field name, for example C(owner) or C(dashboard).
      - The fields given are compared; others are left as they are.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.catalog_service_info
  - module: konnect.konnect.catalog_resource_mapping
  - module: konnect.konnect.catalog_api_mapping
'''

EXAMPLES = r'''
- name: A catalog service
  konnect.konnect.catalog_service:
    name: billing
    display_name: Billing
    description: Invoices and payments
    labels:
      team: payments
    custom_fields:
      owner: Jane Doe

- name: Rename it by id
  konnect.konnect.catalog_service:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: billing-v2

- name: Delete it
  konnect.konnect.catalog_service:
    name: billing
    state: absent
'''

RETURN = r'''
catalog_service:
  description:
    - The service as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: billing
    display_name: Billing
    description: Invoices and payments
    labels: {team: payments}
    custom_fields: {owner: Jane Doe}
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('catalog_service')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
