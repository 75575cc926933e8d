#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_info
short_description: List Konnect developer portals
version_added: 0.1.0
description:
  - Read the developer portals of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one portal.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the portal with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal
'''

EXAMPLES = r'''
- name: All portals of the region
  konnect.konnect.portal_info:
  register: portals

- name: Their addresses
  ansible.builtin.debug:
    msg: "{{ portals.portals | map(attribute='canonical_domain') | list }}"

- name: A portal by name
  konnect.konnect.portal_info:
    name: partners

- name: Portals with RBAC whose name contains "partner"
  konnect.konnect.portal_info:
    filters:
      name: {contains: partner}
      rbac_enabled: true

- name: A portal by id, in the EU region
  konnect.konnect.portal_info:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    konnect_region: eu
'''

RETURN = r'''
portals:
  description: The portals found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
      name: partners
      display_name: Partner Developer Portal
      authentication_enabled: true
      rbac_enabled: true
      default_domain: 3f1a6c2b9e04.edge.us.portal.konghq.com
      canonical_domain: developer.example.com
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
