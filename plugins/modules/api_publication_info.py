#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_publication_info
short_description: List where Konnect APIs are published
version_added: 0.1.0
description:
  - Read the publications of APIs to developer portals in a Konnect region, one (both O(api) and
    O(portal) given), those of one API, those in one portal, or all of them.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  portal:
    description:
      - Only the publications in this portal, by name or id.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.api_selects
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_publication
'''

EXAMPLES = r'''
- name: Where the Orders API is published
  konnect.konnect.api_publication_info:
    api: Orders
    api_version: v1
  register: publications

- name: What is public in a portal
  konnect.konnect.api_publication_info:
    portal: developers
    filters:
      visibility: public

- name: One publication
  konnect.konnect.api_publication_info:
    api: Orders
    api_version: v1
    portal: developers
'''

RETURN = r'''
api_publications:
  description: The publications found, each with C(api_id) and C(portal_id).
  returned: always
  type: list
  elements: dict
  sample:
    - api_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
      portal_id: 25a2624c-49fc-4764-99e1-224ed819f200
      visibility: public
      auth_strategy_ids: [5f9fd312-a987-4628-b4c5-bb4f4fddd5f7]
      auto_approve_registrations: true
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_publication')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
