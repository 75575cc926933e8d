#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_dp_certificate_info
short_description: List the data-plane certificates of a Konnect event gateway
version_added: 0.1.0
description:
  - Read the data-plane certificates of a event gateway, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the data-plane certificate with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway_dp_certificate
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_dp_certificate_info:
    event_gateway: orders
  register: found

- name: One by name
  konnect.konnect.event_gateway_dp_certificate_info:
    event_gateway: orders
    name: orders-dp

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_dp_certificate_info:
    event_gateway: orders
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_dp_certificate_info:
    event_gateway: orders
    id: c2b1c8e6-3e4f-4f26-9d7b-1d1bba1f1f2c
'''

RETURN = r'''
event_gateway_dp_certificates:
  description: The data-plane certificates found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: c2b1c8e6-3e4f-4f26-9d7b-1d1bba1f1f2c
    name: orders-dp
    certificate: '-----BEGIN CERTIFICATE-----...'
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway_dp_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
