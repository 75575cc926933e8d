#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_tls_trust_bundle_info
short_description: List the TLS trust bundles of a Konnect event gateway
version_added: 0.1.0
description:
  - Read the TLS trust bundles of a event gateway, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the TLS trust bundle with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.event_gateway_tls_trust_bundle
'''

EXAMPLES = r'''
- name: Every one
  konnect.konnect.event_gateway_tls_trust_bundle_info:
    event_gateway: orders
  register: found

- name: One by name
  konnect.konnect.event_gateway_tls_trust_bundle_info:
    event_gateway: orders
    name: partners-ca

- name: Those whose name contains "ord"
  konnect.konnect.event_gateway_tls_trust_bundle_info:
    event_gateway: orders
    filters:
      name: {contains: ord}

- name: One by id
  konnect.konnect.event_gateway_tls_trust_bundle_info:
    event_gateway: orders
    id: 8d2c4b6a-1f3e-4a5b-9c7d-2e4f6a8b0c1d
'''

RETURN = r'''
event_gateway_tls_trust_bundles:
  description: The TLS trust bundles found.
  returned: always
  type: list
  elements: dict
  sample:
  - id: 8d2c4b6a-1f3e-4a5b-9c7d-2e4f6a8b0c1d
    name: partners-ca
    config:
      trusted_ca: '-----BEGIN CERTIFICATE-----...'
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('event_gateway_tls_trust_bundle')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
