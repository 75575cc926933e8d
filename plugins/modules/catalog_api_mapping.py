#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_api_mapping
short_description: Map APIs to services of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Map an API (of the API Builder, M(konnect.konnect.api)) to a catalog service, or remove the mapping. A mapping has
    nothing to change; it exists or not.
  - A mapping is found among the service's mappings by its API, or by O(id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  catalog_service:
    description:
      - The catalog service, by name or id. Giving the id saves a lookup, so a task that changes nothing makes a single request.
    type: str
    required: true
  api:
    description:
      - The API, by name or id. Required unless O(id) is given.
    type: str
  id:
    description:
      - The id of an existing mapping, to find it by id.
    type: str
  state:
    description:
      - V(present) maps the API to the service; V(absent) removes the mapping (removing one that does not exist reports no change).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.catalog_api_mapping_info
  - module: konnect.konnect.catalog_service
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: Map the payments API to the billing service
  konnect.konnect.catalog_api_mapping:
    catalog_service: billing
    api: payments

- name: Remove the mapping
  konnect.konnect.catalog_api_mapping:
    catalog_service: billing
    api: payments
    state: absent
'''

RETURN = r'''
catalog_api_mapping:
  description:
    - The mapping as Konnect returns it after the task (the predicted one in check mode); an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 9c3a5d2e-1f0b-4c8e-a6d4-2b7f1e0c9a8d
    service_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    api_id: 2c851ccc-2231-4eb8-85f1-150dc682b8b3
diff:
  description: Before and after, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('catalog_api_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
