#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_implementation_info
short_description: List what implements Konnect APIs
version_added: 0.1.0
description:
  - Read API implementations (the gateway service or control plane linked to each API) of a Konnect region, across APIs
    (C(/v3/api-implementations)) or for one API.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.api_selects
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_implementation
'''

EXAMPLES = r'''
- name: Every implementation in the region
  konnect.konnect.api_implementation_info:
  register: implementations

- name: What implements the Orders API
  konnect.konnect.api_implementation_info:
    api: Orders
    api_version: v1

- name: Which API a service implements
  konnect.konnect.api_implementation_info:
    filters:
      service_id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
'''

RETURN = r'''
api_implementations:
  description: The implementations found, each with its C(api_id).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 032d905a-ed33-46a3-a093-d8f536af9a8a
      api_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
      service: {control_plane_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7, id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_implementation')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
