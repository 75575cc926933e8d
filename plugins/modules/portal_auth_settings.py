#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_auth_settings
short_description: Choose how developers sign in to a Konnect developer portal and how they get their teams
version_added: 0.1.0
description:
  - Read and update the developer authentication settings of a portal. Every portal has exactly one set of them, so there
    is nothing to create or delete and no C(state) option; a task that gives no setting just reads them.
  - Only the settings the task gives are compared and updated.
  - Konnect still answers the deprecated C(oidc_*) and C(saml_auth_enabled) settings (the OIDC ones nested in
    C(oidc_config)). They are returned as Konnect has them and never compared, so they cause no false change; single
    sign-on is set up with the portal's identity providers instead (M(konnect.konnect.portal_identity_provider)).
  - Developers sign in only when the portal has O(konnect.konnect.portal#module:authentication_enabled) on.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  basic_auth_enabled:
    description:
      - Whether developers may sign in with their email address and a password.
    type: bool
  konnect_mapping_enabled:
    description:
      - Whether an administrator assigns developers to portal teams in Konnect (see M(konnect.konnect.portal_team_developer)).
    type: bool
  idp_mapping_enabled:
    description:
      - Whether the groups the identity provider reports decide the developer's portal teams.
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal
'''

EXAMPLES = r'''
- name: Read the settings (changes nothing)
  konnect.konnect.portal_auth_settings:
    portal: partners
  register: auth

- name: Passwords, and teams given in Konnect
  konnect.konnect.portal_auth_settings:
    portal: partners
    basic_auth_enabled: true
    konnect_mapping_enabled: true
    idp_mapping_enabled: false

- name: Single sign-on only, with teams from the identity provider's groups
  konnect.konnect.portal_auth_settings:
    portal: partners
    basic_auth_enabled: false
    idp_mapping_enabled: true
'''

RETURN = r'''
portal_auth_settings:
  description: The settings as Konnect returns them after the task (the predicted ones in check mode).
  returned: always
  type: dict
  sample:
    basic_auth_enabled: true
    konnect_mapping_enabled: true
    idp_mapping_enabled: false
    oidc_auth_enabled: false
    oidc_team_mapping_enabled: false
diff:
  description: Before and after of the settings the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_auth_settings')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
