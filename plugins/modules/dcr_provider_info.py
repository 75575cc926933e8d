#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dcr_provider_info
short_description: List the DCR providers of a Konnect region
version_added: 0.1.0
description:
  - Read dynamic client registration (DCR) providers, by id, by name, or with filters; every page is read.
  - Their secrets are never returned.
  - DCR providers are regional; set O(konnect_region) to the region to read.
  - Always returns a list, also when looking up one provider.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the providers with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  filters:
    description:
      - Konnect filters the providers by C(id), C(name), C(issuer), C(initial_client_id), C(initial_client_audience)
        (operators C(eq) and C(contains)) and C(provider_type) (C(eq)). Conditions on any other field (such as C(active))
        are applied to the listed providers.
      - A plain value means equality (C(eq)); a one-key dict names the operator.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.dcr_provider
  - module: konnect.konnect.application_auth_strategy_info
'''

EXAMPLES = r'''
- name: All DCR providers of the eu region
  konnect.konnect.dcr_provider_info:
    konnect_region: eu
  register: providers

- name: Their names and kinds
  ansible.builtin.debug:
    msg: "{{ providers.dcr_providers | items2dict(key_name='name', value_name='provider_type') }}"

- name: A provider by name
  konnect.konnect.dcr_provider_info:
    name: okta-dcr

- name: A provider by id
  konnect.konnect.dcr_provider_info:
    id: 93f8380e-7798-4566-99e3-2edf2b57d289

- name: The Okta providers of one Okta organization
  konnect.konnect.dcr_provider_info:
    filters:
      provider_type: okta
      issuer: {contains: acme.okta.com}

- name: Providers no active strategy uses (filtered after listing)
  konnect.konnect.dcr_provider_info:
    filters:
      active: false
'''

RETURN = r'''
dcr_providers:
  description: The providers found, as Konnect returns them (without secrets).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 93f8380e-7798-4566-99e3-2edf2b57d289
      name: auth0-dcr
      provider_type: auth0
      issuer: https://acme.eu.auth0.com/
      active: true
      dcr_config:
        initial_client_id: Xk2dGkR2a3v0aQmS
        initial_client_audience: https://login.acme.com/api/v2/
        use_developer_managed_scopes: true
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('dcr_provider')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
