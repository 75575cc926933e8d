#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm_consumer_key_info
short_description: List the API keys of a realm consumer
version_added: 0.1.0
description:
  - Read the API keys of a realm consumer by id, by tags, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  realm:
    description:
      - The realm, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  consumer:
    description:
      - The consumer, by username or id.
    type: str
    required: true
  tags:
    description:
      - Return only the keys with these tags (as a set; an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: list
    elements: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.realm_consumer_key
'''

EXAMPLES = r'''
- name: Every key of a consumer (never their secrets)
  konnect.konnect.realm_consumer_key_info:
    realm: partners
    consumer: acme

- name: The CI key
  konnect.konnect.realm_consumer_key_info:
    realm: partners
    consumer: acme
    tags: [ci]

- name: Legacy keys only
  konnect.konnect.realm_consumer_key_info:
    realm: partners
    consumer: acme
    filters:
      type: legacy
'''

RETURN = r'''
realm_consumer_keys:
  description: The the API keys of a realm consumer found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3f1c2b1a-9f8e-4d7c-8b6a-5e4d3c2b1a09
      type: new
      tags: [ci]
      created_at: "2026-03-20T09:29:14.52Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('realm_consumer_key')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
