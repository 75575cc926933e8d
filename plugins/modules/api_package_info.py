#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package_info
short_description: List API packages of the Konnect API catalog
version_added: 0.1.0
description:
  - Read API packages of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the API packages with this name, whatever their version.
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_package
'''

EXAMPLES = r'''
- name: All API packages
  konnect.konnect.api_package_info:
  register: packages

- name: Every version of one
  konnect.konnect.api_package_info:
    name: Partner bundle
'''

RETURN = r'''
api_packages:
  description: The API packages found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
      name: Partner bundle
      version: v1
      slug: partner-bundle-v1
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_package')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
