#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_custom_domain_info
short_description: List custom domains of Konnect dedicated cloud gateways
version_added: 0.1.0
description:
  - "Read the custom domains of the organization, by id, by domain, or with filters; each with its C(online_status)."
  - "Always returns a list."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  domain:
    description:
      - Return only the custom domain with this host name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_custom_domain
'''

EXAMPLES = r'''
- name: All custom domains
  konnect.konnect.cloud_gateway_custom_domain_info:

- name: One domain and whether it is online
  konnect.konnect.cloud_gateway_custom_domain_info:
    domain: api.example.com
'''

RETURN = r'''
cloud_gateway_custom_domains:
  description: The custom domains found, each with C(online_status).
  returned: always
  type: list
  elements: dict
  sample:
    - domain: api.example.com
      state: ready
      online_status: {cname: verified, ssl: verified}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway_custom_domain')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
