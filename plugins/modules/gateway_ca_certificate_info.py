#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_ca_certificate_info
short_description: List trusted CA certificates of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway CA certificates of a Konnect control plane, by id, by their PEM text, or with filters; every page
    is read.
  - Always returns a list, also when looking up one CA certificate.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  cert:
    description:
      - Return only the CA certificate with this PEM text, compared without surrounding white space (an empty list if
        there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_ca_certificate
'''

EXAMPLES = r'''
- name: All CA certificates of a control plane
  konnect.konnect.gateway_ca_certificate_info:
    control_plane: prod-eu
    konnect_region: eu
  register: cas

- name: Is this CA trusted? (an empty list means no)
  konnect.konnect.gateway_ca_certificate_info:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'pki/internal-root-ca.pem') }}"

- name: A CA certificate by its SHA-256 digest (filtered after listing)
  konnect.konnect.gateway_ca_certificate_info:
    control_plane: prod-eu
    filters:
      cert_digest: 9b8aaf19a276885f6c8a6bc48a30700fdb3a351d8b05374d153bfb7b178e2a9f

- name: A CA certificate by id
  konnect.konnect.gateway_ca_certificate_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 3c31f18a-f27a-4f9b-8cd4-bf841554612f
'''

RETURN = r'''
gateway_ca_certificates:
  description: The CA certificates found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3c31f18a-f27a-4f9b-8cd4-bf841554612f
      cert: |-
        -----BEGIN CERTIFICATE-----
        MIIDazCCAlOgAwIBAgIUV0nR...
        -----END CERTIFICATE-----
      cert_digest: 9b8aaf19a276885f6c8a6bc48a30700fdb3a351d8b05374d153bfb7b178e2a9f
      tags: [internal-pki]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_ca_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
