#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_sni_info
short_description: List SNIs (host names of TLS certificates) in a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway SNIs of a Konnect control plane, by id, by host name, or with filters; every page is read.
  - Always returns a list, also when looking up one SNI.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the SNI with this host name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_sni
  - module: konnect.konnect.gateway_certificate_info
'''

EXAMPLES = r'''
- name: All SNIs of a control plane
  konnect.konnect.gateway_sni_info:
    control_plane: prod-eu
    konnect_region: eu
  register: snis

- name: Which certificate serves a host name
  konnect.konnect.gateway_sni_info:
    control_plane: prod-eu
    name: shop.example.com

- name: The host names of one certificate (filtered after listing)
  konnect.konnect.gateway_sni_info:
    control_plane: prod-eu
    filters:
      certificate.id: b2f34145-0343-41a4-9602-4c69dec2f269

- name: An SNI by id
  konnect.konnect.gateway_sni_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 36c4566c-14cc-4132-9011-4139fcbbe50a
'''

RETURN = r'''
gateway_snis:
  description: The SNIs found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 36c4566c-14cc-4132-9011-4139fcbbe50a
      name: shop.example.com
      certificate: {id: b2f34145-0343-41a4-9602-4c69dec2f269}
      tags: [shop]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_sni')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
