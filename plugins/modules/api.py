#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api
short_description: Manage APIs of the Konnect API catalog
version_added: 0.1.0
description:
  - Create, update and delete APIs of the Konnect API catalog (API Builder v3), the entities that are published to developer portals.
  - An API is found by O(id), or by O(name) and O(version) together, which Konnect keeps unique. An API without a version is
    a different API from one with a version of the same name.
  - Only the fields the task sets are compared and updated. The fields Konnect computes (C(portals), C(api_spec_ids),
    C(current_version_summary), C(implementation_mode)) are returned but never compared, so publishing the API or giving
    it a specification never makes this task report a change.
  - The API's specification is managed with M(konnect.konnect.api_version) (or M(konnect.konnect.api_specification)), its
    documents with M(konnect.konnect.api_document), its gateway with M(konnect.konnect.api_implementation) and where it is
    published with M(konnect.konnect.api_publication).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The API's name (1 to 255 characters). Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  version:
    description:
      - The API's version, if it is versioned (1 to 255 characters). With O(name) it identifies the API.
      - With O(id), a different version changes it.
    type: str
  description:
    description:
      - A description of the API, shown in the portal.
    type: str
  slug:
    description:
      - The part of the portal's URLs that names the API (letters, digits, C(_) and C(-)). Konnect derives it from the name
        and version when it is not set (V(my-api-v1) for C(myAPI) C(v1)); slugs are unique across APIs and API packages.
    type: str
  attributes:
    description:
      - Attributes that describe the API, as a map of keys to lists of values, for example the key C(env) with the list C([production]).
      - Compared and set as a whole; keys that are not given are removed.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
notes:
  - APIs live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the API.
seealso:
  - module: konnect.konnect.api_info
  - module: konnect.konnect.api_version
  - module: konnect.konnect.api_document
  - module: konnect.konnect.api_publication
  - module: konnect.konnect.api_implementation
'''

EXAMPLES = r'''
- name: Create a versioned API
  konnect.konnect.api:
    name: Orders
    version: v1
    description: Place and track orders
    labels:
      team: commerce
    attributes:
      env: [production]
      domains: [web, mobile]
  register: orders_api

- name: An API with a slug of its own
  konnect.konnect.api:
    name: Orders
    version: v1
    slug: orders

- name: An unversioned API in the EU region
  konnect.konnect.api:
    name: Payments
    konnect_region: eu

- name: Keep only the labels given (labels owned by other tools stay)
  konnect.konnect.api:
    name: Orders
    version: v1
    labels:
      team: commerce
    purge_labels: true

- name: Rename an API found by id
  konnect.konnect.api:
    id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    name: Orders API

- name: Delete an API (its version, documents, implementation and publications go with it)
  konnect.konnect.api:
    name: Orders
    version: v1
    state: absent
'''

RETURN = r'''
api:
  description:
    - The API as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create).
    - An empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    name: Orders
    version: v1
    slug: orders-v1
    description: Place and track orders
    labels: {team: commerce}
    attributes: {env: [production]}
    portals: []
    api_spec_ids: []
    current_version_summary: null
    implementation_mode: null
    created_at: "2026-11-23T10:00:00.000Z"
    updated_at: "2026-11-23T10:00:00.000Z"
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
