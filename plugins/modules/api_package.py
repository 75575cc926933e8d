#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package
short_description: Manage API packages of the Konnect API catalog
version_added: 0.1.0
description:
  - Create, update and delete API packages, which bundle operations of several APIs (those that enforce access control)
    into one product for developer portals, with their own rate limits, documents, specification and publications.
  - An API package is found by O(id), or by O(name) and O(version) together, which Konnect keeps unique.
  - Only the fields the task sets are compared and updated.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The API package's name (1 to 255 characters). Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  version:
    description:
      - The API package's version, if it is versioned. With O(name) it identifies the package.
    type: str
  description:
    description:
      - A description, shown in portals.
    type: str
  slug:
    description:
      - The part of the portal's URLs that names the package (letters, digits, C(_) and C(-)), unique across APIs and API
        packages. Konnect derives it from the name and version when it is not set.
    type: str
  rate_limiting_config:
    description:
      - The rate limit of each operation in the package, unless the operation has its own (see M(konnect.konnect.api_package_operation)).
    type: dict
    suboptions:
      limit:
        description: How many requests an application may make in one O(rate_limiting_config.duration).
        type: int
        required: true
      duration:
        description: The time frame of the limit.
        type: str
        required: true
        choices: [seconds, minutes, hours]
  attributes:
    description:
      - Attributes that describe the package, as a map of keys to lists of values. Compared and set as a whole; keys that are
        not given are removed.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
notes:
  - API packages live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the package.
seealso:
  - module: konnect.konnect.api_package_info
  - module: konnect.konnect.api_package_operation
  - module: konnect.konnect.api_package_document
  - module: konnect.konnect.api_package_specification
  - module: konnect.konnect.api_package_publication
'''

EXAMPLES = r'''
- name: An API package for partners
  konnect.konnect.api_package:
    name: Partner bundle
    version: v1
    description: Orders and payments for partners
    rate_limiting_config:
      limit: 100
      duration: minutes
    labels:
      team: partners

- name: Rename it by id
  konnect.konnect.api_package:
    id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    name: Partner API bundle

- name: Delete it (its documents, operations, specification and publications go with it)
  konnect.konnect.api_package:
    name: Partner bundle
    version: v1
    state: absent
'''

RETURN = r'''
api_package:
  description:
    - The API package as Konnect returns it after the task (the predicted one in check mode), an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    name: Partner bundle
    version: v1
    slug: partner-bundle-v1
    rate_limiting_config: {limit: 100, duration: minutes}
    labels: {team: partners}
    attributes: {}
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

TASK = EntityTask('api_package')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
