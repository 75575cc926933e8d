#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_mtls_auth_info
short_description: List mTLS credentials of a gateway consumer in Konnect
version_added: 0.1.0
description:
  - Read the mTLS credentials of a Kong gateway consumer in a Konnect control plane, by id, by subject_name, or with filters; every
    page is read.
  - Always returns a list, also when looking up one mTLS credential.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  subject_name:
    description:
      - Return the credentials for this subject name (an empty list if the consumer has none; several if they differ in
        their CA certificate).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.consumer
  - konnect.konnect.credentials.info
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_mtls_auth
  - module: konnect.konnect.gateway_consumer_info
'''

EXAMPLES = r'''
- name: All mTLS credentials of a consumer
  konnect.konnect.gateway_mtls_auth_info:
    control_plane: prod-eu
    konnect_region: eu
    consumer: partner-acme
  register: found

- name: One by subject_name
  konnect.konnect.gateway_mtls_auth_info:
    control_plane: prod-eu
    consumer: partner-acme
    subject_name: gateway-client.acme.example

- name: Credentials tied to one CA certificate (filtered after listing)
  konnect.konnect.gateway_mtls_auth_info:
    control_plane: prod-eu
    consumer: partner-acme
    filters:
      ca_certificate.id: b2f34145-0343-41a4-9602-4c69dec2f260

- name: One by id, with the control plane and consumer given by id
  konnect.konnect.gateway_mtls_auth_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: b2f34145-0343-41a4-9602-4c69dec2f269
'''

RETURN = r'''
gateway_mtls_auths:
  description: The mTLS credentials found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: b2f34145-0343-41a4-9602-4c69dec2f269
      consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
      subject_name: gateway-client.acme.example
      ca_certificate: {id: b2f34145-0343-41a4-9602-4c69dec2f260}
      tags: [partner]
      created_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_mtls_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
