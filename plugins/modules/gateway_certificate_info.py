#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_certificate_info
short_description: List TLS certificates of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway certificates of a Konnect control plane, by id, by their PEM text, or with filters; every page is read.
  - Always returns a list, also when looking up one certificate.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  cert:
    description:
      - Return only the certificate with this PEM text, compared without surrounding white space (an empty list if there
        is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect returns the private keys with the certificates; the module never does. RV(gateway_certificates) shows them
    as C(********).
seealso:
  - module: konnect.konnect.gateway_certificate
  - module: konnect.konnect.gateway_sni_info
'''

EXAMPLES = r'''
- name: All certificates of a control plane
  konnect.konnect.gateway_certificate_info:
    control_plane: prod-eu
    konnect_region: eu
  register: certificates
  no_log: true

- name: Is this certificate uploaded? (an empty list means no)
  konnect.konnect.gateway_certificate_info:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.fullchain.pem') }}"
  register: found
  no_log: true

- name: Certificates tagged for the shop (filtered after listing)
  konnect.konnect.gateway_certificate_info:
    control_plane: prod-eu
    filters:
      tags:
        contains: shop
  no_log: true

- name: A certificate by id
  konnect.konnect.gateway_certificate_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b2f34145-0343-41a4-9602-4c69dec2f269
  no_log: true
'''

RETURN = r'''
gateway_certificates:
  description: The certificates found, as Konnect returns them, with the private keys shown as C(********).
  returned: always
  type: list
  elements: dict
  sample:
    - id: b2f34145-0343-41a4-9602-4c69dec2f269
      cert: |-
        -----BEGIN CERTIFICATE-----
        MIIDdzCCAl+gAwIBAgIUQe1Y...
        -----END CERTIFICATE-----
      key: '********'
      cert_alt: null
      key_alt: null
      snis: [shop.example.com, www.shop.example.com]
      tags: [shop]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
