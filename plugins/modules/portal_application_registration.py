#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_application_registration
short_description: Register the applications of a Konnect developer portal for APIs
version_added: 0.1.0
description:
  - Register an application of a developer portal for an API, approve, reject or revoke the registration, link it to a
    gateway consumer, and delete it. Only approved registrations let the application's credentials call the API.
  - A registration is found by O(id) or by its API; an application registers once for an API.
  - The API must be published to the portal with an application auth strategy (M(konnect.konnect.api_publication));
    otherwise the task fails before anything is written.
  - Deleting a registration blocks the application's traffic to the API at once.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  application:
    description:
      - The application, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  api:
    description:
      - The API, by name or id, in the region of O(konnect_region). When several versions of the API share the name,
        give the id. Required with O(state=present).
    type: str
  status:
    description:
      - The registration's status. A registration is created V(approved) or V(pending); without O(status), the
        publication's C(auto_approve_registrations) approves it, else the portal's C(auto_approve_applications) decides.
      - Changes follow the status machine in the notes; another change fails before anything is written.
    type: str
    choices: [approved, pending, revoked, rejected]
  consumer:
    description:
      - The id of the gateway consumer the registration maps to (C(PUT .../consumer)); the consumer must exist in a control
        plane of the region.
      - An empty string removes the link.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.status
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_application_registration_info
  - module: konnect.konnect.portal_application
  - module: konnect.konnect.api_publication
'''

EXAMPLES = r'''
- name: Register an application for an API and approve it
  konnect.konnect.portal_application_registration:
    portal: Partner Portal
    application: Acme Billing
    api: Payments API
    status: approved

- name: Register it; the publication's or the portal's auto-approval decides the status
  konnect.konnect.portal_application_registration:
    portal: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    application: 2be1735c-653e-45be-b614-c763a2dee98a
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5

- name: Map the registration to a gateway consumer
  konnect.konnect.portal_application_registration:
    portal: Partner Portal
    application: Acme Billing
    api: Payments API
    consumer: 5b1e8c1a-3a2d-4a44-9b0e-6d1f2c3b4a5e

- name: Revoke it (approve it again later with status approved)
  konnect.konnect.portal_application_registration:
    portal: Partner Portal
    application: Acme Billing
    api: Payments API
    status: revoked

- name: Delete the registration
  konnect.konnect.portal_application_registration:
    portal: Partner Portal
    application: Acme Billing
    api: Payments API
    state: absent
'''

RETURN = r'''
portal_application_registration:
  description:
    - The registration as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      creation); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: e23fa716-d434-4c0e-8f44-18987344d0f4
    status: approved
    api: {id: 9f5061ce-78f6-4452-9108-ad7c02821fd5, name: Payments API, version: v1, entity_type: api}
    application: {id: 2be1735c-653e-45be-b614-c763a2dee98a, name: Acme Billing}
    consumer: {id: 5b1e8c1a-3a2d-4a44-9b0e-6d1f2c3b4a5e, control_plane_id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e, username: acme}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the API (C(name (id))), the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_application_registration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
