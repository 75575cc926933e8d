#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_specification_info
short_description: Read the specification of a Konnect API
version_added: 0.1.0
description:
  - Read the specification of an API of the Konnect API catalog, in full (its content, type and Konnect's validation
    messages), from the API's version.
  - Always returns a list (an empty one when the API has no specification).
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_specification
'''

EXAMPLES = r'''
- name: The Orders API's specification
  konnect.konnect.api_specification_info:
    api: Orders
    api_version: v1
  register: specification

- name: Its paths
  ansible.builtin.debug:
    msg: "{{ (specification.api_specifications | first).spec.content | from_yaml | dict2items | selectattr('key', 'eq', 'paths') }}"
'''

RETURN = r'''
api_specifications:
  description: The specifications found (at most one), as the API's version with its content.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 7710d5c4-d902-410b-992f-18b814155b53
      version: 1.0.0
      spec:
        content: "openapi: 3.0.3\n..."
        type: oas3
        validation_messages: []
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_specification')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
