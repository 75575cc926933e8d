#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_application_registration
short_description: Register a developer's application to an API of a Konnect developer portal
version_added: 0.1.0
description:
  - Register an application of the developer the task logs in as (O(portal_email)) to an API the portal shows, or
    remove the registration, through the portal's own host. RV(status) says whether it is approved.
  - A new registration is V(pending) until an administrator approves it (M(konnect.konnect.portal_application_registration)),
    or V(approved) at once when the publication or the portal approves registrations automatically. Re-run the task
    with C(until) to wait for the approval (see the examples); an unchanged re-run only reads.
  - Before registering, the task makes sure the portal shows the API to the developer and lets the application register
    for it; otherwise it fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  application:
    description:
      - The developer's application (M(konnect.konnect.portal_client_application)), by name or id.
    type: str
    required: true
  api:
    description:
      - The API, by id, slug or name, among those the portal shows the developer. Required unless O(id) is given.
    type: str
  api_version:
    description:
      - The API's version, when several APIs of the portal share the name O(api).
    type: str
  state:
    description:
      - V(present) registers the application to the API.
      - V(absent) removes the registration; removing one that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The id of an existing registration, to find it by id.
    type: str
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.attributes
seealso:
  - module: konnect.konnect.portal_client_application
  - module: konnect.konnect.portal_client_api_info
  - module: konnect.konnect.portal_application_registration
'''

EXAMPLES = r'''
- name: Register the payments service for the orders API
  konnect.konnect.portal_client_application_registration:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    api: orders
  register: registration

- name: Wait until an administrator has approved it (at most 30 minutes)
  konnect.konnect.portal_client_application_registration:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    api: orders
    api_version: v2
  register: registration
  until: registration.status == 'approved'
  retries: 60
  delay: 30

- name: Unregister
  konnect.konnect.portal_client_application_registration:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    application: payments-service
    api: 3bbfd3aa-e9ab-48a9-9881-ed589e4615d1
    state: absent
'''

RETURN = r'''
portal_client_application_registration:
  description:
    - The registration as the portal returns it after the task (predicted in check mode, without a status when it
      would be created); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 0e7b8a2c-4d3f-4b1a-9c8d-7e6f5a4b3c2d
    api_id: 3bbfd3aa-e9ab-48a9-9881-ed589e4615d1
    api_name: orders
    api_slug: orders
    application_id: 5f9c1d3e-8a2b-4c6d-9e0f-1a2b3c4d5e6f
    status: pending
status:
  description: The registration's status.
  returned: when the registration exists
  type: str
  choices: [approved, pending, rejected, revoked]
  sample: approved
diff:
  description: Before and after of the API and the id, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalEntityTask

TASK = PortalEntityTask('portal_client_application_registration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
