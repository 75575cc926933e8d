#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_ip_allow_list_info
short_description: List the IP allow lists of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the IP allow lists of a developer portal, all of them or one by id; every page is read.
  - Always returns a list, also when looking up one allow list.
  - Whether the portal enforces them is the portal's C(sipr_enabled) (see M(konnect.konnect.portal_info)).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  filters:
    description:
      - Conditions on the allow lists' fields, applied after listing (Konnect filters these lists on no field).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains). C(contains) on C(allowed_ips) finds the lists that hold an address.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_ip_allow_list
'''

EXAMPLES = r'''
- name: The allow lists of a portal
  konnect.konnect.portal_ip_allow_list_info:
    portal: developer-portal
  register: allow_lists

- name: Every address that may reach the portal
  ansible.builtin.debug:
    msg: "{{ allow_lists.portal_ip_allow_lists | map(attribute='allowed_ips') | flatten }}"

- name: One allow list by id
  konnect.konnect.portal_ip_allow_list_info:
    portal: developer-portal
    id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7

- name: The allow lists that hold the VPN's block
  konnect.konnect.portal_ip_allow_list_info:
    portal: developer-portal
    filters:
      allowed_ips: {contains: 198.51.100.0/24}
'''

RETURN = r'''
portal_ip_allow_lists:
  description: The allow lists found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      allowed_ips: [192.0.2.10, 198.51.100.0/24]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_ip_allow_list')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
