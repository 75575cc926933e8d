#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_application_registration_info
short_description: List the API registrations of an application of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the registrations of an application of a developer portal, by id or with filters; every page is read.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  application:
    description:
      - The application, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[status][<op>]=<value>) for C(status), and applied to the listed
        registrations for any other field (such as C(api.name)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_application_registration
'''

EXAMPLES = r'''
- name: Every registration of an application
  konnect.konnect.portal_application_registration_info:
    portal: Partner Portal
    application: Acme Billing
  register: registrations

- name: Registrations waiting for approval
  konnect.konnect.portal_application_registration_info:
    portal: Partner Portal
    application: Acme Billing
    filters:
      status: pending

- name: The registration for one API, by the API's name
  konnect.konnect.portal_application_registration_info:
    portal: Partner Portal
    application: Acme Billing
    filters:
      api.name: Payments API
'''

RETURN = r'''
portal_application_registrations:
  description: The registrations found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: e23fa716-d434-4c0e-8f44-18987344d0f4
      status: approved
      api: {id: 9f5061ce-78f6-4452-9108-ad7c02821fd5, name: Payments API, version: v1, entity_type: api}
      application: {id: 2be1735c-653e-45be-b614-c763a2dee98a, name: Acme Billing}
      created_at: "2026-11-23T10:00:00Z"
      updated_at: "2026-11-23T10:00:00Z"
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_application_registration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
