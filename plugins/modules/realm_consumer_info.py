#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm_consumer_info
short_description: List the consumers of a realm
version_added: 0.1.0
description:
  - Read the consumers of a realm by id, by username, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  realm:
    description:
      - The realm, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  username:
    description:
      - Return only the consumer with this username (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.realm_consumer
'''

EXAMPLES = r'''
- name: Every consumer of a realm
  konnect.konnect.realm_consumer_info:
    realm: partners
  register: consumers

- name: One consumer by username
  konnect.konnect.realm_consumer_info:
    realm: partners
    username: acme

- name: By custom id (Konnect filters on it)
  konnect.konnect.realm_consumer_info:
    realm: partners
    filters:
      custom_id: crm-4711
'''

RETURN = r'''
realm_consumers:
  description: The the consumers of a realm found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7b0e3b2c-0b0a-4b8e-8f2e-6f1f7d1e2a3b
      username: acme
      custom_id: crm-4711
      type: partner
      tags: []
      consumer_groups: [gold]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('realm_consumer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
