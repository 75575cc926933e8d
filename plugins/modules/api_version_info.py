#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_version_info
short_description: List the versions of a Konnect API
version_added: 0.1.0
description:
  - Read the version of an API of the Konnect API catalog (Konnect allows one per API), by id or with filters.
  - The list holds summaries (C(id), C(version), C(spec.type)); one read by O(id) holds the specification's content too.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_version
  - module: konnect.konnect.api_specification_info
'''

EXAMPLES = r'''
- name: The version of the Orders API
  konnect.konnect.api_version_info:
    api: Orders
    api_version: v1
  register: versions

- name: Only if it is an AsyncAPI specification
  konnect.konnect.api_version_info:
    api: Orders
    api_version: v1
    filters:
      type: asyncapi

- name: One version by id, with its content
  konnect.konnect.api_version_info:
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    id: 7710d5c4-d902-410b-992f-18b814155b53
'''

RETURN = r'''
api_versions:
  description: The versions found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7710d5c4-d902-410b-992f-18b814155b53
      version: 1.0.0
      spec: {type: oas3}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_version')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
