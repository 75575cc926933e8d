#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: application_auth_strategy_info
short_description: List the application auth strategies of a Konnect region
version_added: 0.1.0
description:
  - Read application auth strategies (how developers' applications authenticate to published APIs), by id, by name, or
    with filters; every page is read.
  - Application auth strategies are regional; set O(konnect_region) to the region to read.
  - Always returns a list, also when looking up one strategy.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the strategies with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Konnect filters the strategies by C(name), C(display_name), C(strategy_type), C(dcr_provider_name),
        C(dcr_provider_type) (operators C(eq), C(neq), C(contains), C(oeq), C(ocontains)) and C(dcr_provider_id) (C(eq),
        C(neq), C(oeq)). Conditions on any other field (such as C(active)) are applied to the listed strategies.
      - A plain value means equality (C(eq)); a one-key dict names the operator.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.application_auth_strategy
  - module: konnect.konnect.dcr_provider_info
'''

EXAMPLES = r'''
- name: All strategies of the eu region
  konnect.konnect.application_auth_strategy_info:
    konnect_region: eu
  register: strategies

- name: Their names and kinds
  ansible.builtin.debug:
    msg: "{{ strategies.application_auth_strategies | items2dict(key_name='name', value_name='strategy_type') }}"

- name: A strategy by name
  konnect.konnect.application_auth_strategy_info:
    name: key-auth

- name: A strategy by id
  konnect.konnect.application_auth_strategy_info:
    id: 22f8380e-7798-4566-99e3-2edf2b57d289

- name: The OpenID Connect strategies whose clients an Okta DCR provider creates
  konnect.konnect.application_auth_strategy_info:
    filters:
      strategy_type: openid_connect
      dcr_provider_type: okta

- name: Strategies a published API uses (filtered after listing)
  konnect.konnect.application_auth_strategy_info:
    filters:
      active: true
'''

RETURN = r'''
application_auth_strategies:
  description: The strategies found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 22f8380e-7798-4566-99e3-2edf2b57d289
      name: key-auth
      display_name: API key
      strategy_type: key_auth
      configs:
        key-auth:
          key_names: [apikey]
      dcr_provider: null
      active: true
      labels: {}
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('application_auth_strategy')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
