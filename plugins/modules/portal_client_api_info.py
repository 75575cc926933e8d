#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_api_info
short_description: List the APIs a Konnect developer portal shows a developer, and fetch their specifications
version_added: 0.1.0
description:
  - The APIs the portal shows the developer the task logs in as (O(portal_email)), each with its versions, through the
    portal's own host.
  - O(spec_dest) writes the specification of one API to a file, for example to generate a client from it. The file is
    written only when its content differs (which the task reports as a change), never in check mode.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  api:
    description:
      - One API, by id, slug or name. Without it, every API the portal shows the developer.
    type: str
  api_version:
    description:
      - The API's version, when several APIs of the portal share the name O(api); without O(api), only the APIs of this version.
    type: str
  spec_dest:
    description:
      - A file to write the specification of the API that O(api) names to (its current version's, else its first).
    type: path
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.info_attributes
seealso:
  - module: konnect.konnect.portal_client_application_registration
  - module: konnect.konnect.api_publication
'''

EXAMPLES = r'''
- name: Every API the portal shows the developer
  konnect.konnect.portal_client_api_info:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
  register: catalogue

- name: The orders API's specification, for the client generator
  konnect.konnect.portal_client_api_info:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    api: orders
    api_version: v2
    spec_dest: "{{ playbook_dir }}/specs/orders.yaml"
'''

RETURN = r'''
apis:
  description: The APIs, as the portal returns them, each with its C(versions).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3bbfd3aa-e9ab-48a9-9881-ed589e4615d1
      name: orders
      slug: orders
      version: v2
      visibility: public
      auth_strategies: [{id: 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d, name: key-auth}]
      versions: [{id: 7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f, version: 2.1.0, spec: {type: oas3}}]
spec_dest:
  description: The file the specification was written to.
  returned: when O(spec_dest) is given
  type: str
spec_version:
  description: The version whose specification was written.
  returned: when O(spec_dest) is given
  type: str
spec_type:
  description: The kind of specification (C(oas2), C(oas3), C(asyncapi)).
  returned: when O(spec_dest) is given
  type: str
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalInfoTask

TASK = PortalInfoTask('portal_client_api_info')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
