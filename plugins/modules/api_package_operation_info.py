#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package_operation_info
short_description: List the operations of a Konnect API package
version_added: 0.1.0
description:
  - Read the API operations in an API package, by id or with filters (C(api_id), C(method) and C(path) are filtered by
    Konnect).
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.package
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_package_operation
'''

EXAMPLES = r'''
- name: The operations of the partner bundle
  konnect.konnect.api_package_operation_info:
    api_package: Partner bundle
    api_package_version: v1
  register: operations

- name: Those of one API
  konnect.konnect.api_package_operation_info:
    api_package: Partner bundle
    api_package_version: v1
    filters:
      api_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
'''

RETURN = r'''
api_package_operations:
  description: The operations found.
  returned: always
  type: list
  elements: dict
  sample:
    - id: b42d905a-ed33-46a3-a093-d8f536af9a8a
      api: {id: 9f5061ce-78f6-4452-9108-ad7c02821fd5, name: Orders, version: v1}
      method: GET
      path: /orders
      rate_limiting_config: null
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_package_operation')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
