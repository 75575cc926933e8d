#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_info
short_description: Read a Konnect developer portal, the developer's profile and teams
version_added: 0.1.0
description:
  - What the developer the task logs in as (O(portal_email)) can see of the portal and of itself, through the portal's
    own host. A clear error says when the login fails (a wrong password, a developer not approved yet) or when
    O(portal_url) is not a developer portal, so it also serves as a check of the connection.
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.info_attributes
seealso:
  - module: konnect.konnect.portal_client_developer
  - module: konnect.konnect.portal_client_api_info
'''

EXAMPLES = r'''
- name: Read the portal, the developer and the developer's teams
  konnect.konnect.portal_client_info:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
  register: me

- name: Show the teams
  ansible.builtin.debug:
    msg: "{{ me.developer.email }} is in {{ me.teams | map(attribute='name') | join(', ') }}"
'''

RETURN = r'''
portal:
  description: The portal's public context.
  returned: always
  type: dict
  sample:
    portal_id: 0f1e2d3c-4b5a-4697-8a9b-0c1d2e3f4a5b
    org_id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
    name: developer
    canonical_domain: developer.example.com
    authentication_enabled: true
    basic_auth_enabled: true
    oidc_auth_enabled: false
    saml_auth_enabled: false
    rbac_enabled: false
developer:
  description: The developer's profile.
  returned: always
  type: dict
  sample: {id: 8d2e5a61-0d1a-4a2f-9a55-0a4b2b1f1c11, email: payments-ci@example.com, full_name: Payments CI}
teams:
  description: The portal teams the developer belongs to.
  returned: always
  type: list
  elements: dict
  sample: [{id: 6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d, name: payments, description: The payments squad}]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalInfoTask

TASK = PortalInfoTask('portal_client_info')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
