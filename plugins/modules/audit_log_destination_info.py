#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: audit_log_destination_info
short_description: List audit log destinations
version_added: 0.1.0
description:
  - Read audit log destinations by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the destinations with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str

extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.audit_log_destination
'''

EXAMPLES = r'''
- name: Every destination of the region
  konnect.konnect.audit_log_destination_info:
  register: destinations

- name: One destination by name
  konnect.konnect.audit_log_destination_info:
    name: siem

- name: One destination by id
  konnect.konnect.audit_log_destination_info:
    id: 07ec3858-066b-4629-bdc5-d4aa893b424d

- name: Destinations whose name contains "siem" (Konnect filters by name)
  konnect.konnect.audit_log_destination_info:
    filters:
      name: {contains: siem}

- name: Destinations that deliver JSON (filtered after listing)
  konnect.konnect.audit_log_destination_info:
    filters:
      log_format: json
'''

RETURN = r'''
audit_log_destinations:
  description: The audit log destinations found, as Konnect returns them (secrets are never listed).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 07ec3858-066b-4629-bdc5-d4aa893b424d
      name: siem
      endpoint: https://siem.example.com/konnect
      log_format: json
      skip_ssl_verification: false
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('audit_log_destination')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
