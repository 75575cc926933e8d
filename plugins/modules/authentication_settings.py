#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: authentication_settings
short_description: Choose how people sign in to a Konnect organization and how they get their teams
version_added: 0.1.0
description:
  - Read and update the organization's authentication settings. There is exactly one set of them, so there is nothing to
    create or delete and no C(state) option.
  - Only the settings the task gives are compared and updated; a task that gives none just reads them and returns them.
  - Authentication settings are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  basic_auth_enabled:
    description:
      - Whether people may sign in with their email address and password.
      - Turning this off leaves single sign-on as the only way in; make sure it works first.
    type: bool
  oidc_auth_enabled:
    description:
      - Whether people may sign in through the organization's OIDC identity provider (see M(konnect.konnect.identity_provider)).
    type: bool
  saml_auth_enabled:
    description:
      - Whether people may sign in through the organization's SAML identity provider (see M(konnect.konnect.identity_provider)).
    type: bool
  idp_mapping_enabled:
    description:
      - Whether the groups the identity provider reports decide which teams people are in
        (see M(konnect.konnect.identity_provider_team_group_mapping)).
    type: bool
  konnect_mapping_enabled:
    description:
      - Whether team membership is given in Konnect itself, by an administrator or with M(konnect.konnect.team_user).
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.identity_provider
  - module: konnect.konnect.identity_provider_team_group_mapping
  - module: konnect.konnect.organization
'''

EXAMPLES = r'''
- name: Read the current settings (changes nothing)
  konnect.konnect.authentication_settings:
  register: auth

- name: Show them
  ansible.builtin.debug:
    var: auth.authentication_settings

- name: Single sign-on over OIDC, with teams taken from the provider's groups
  konnect.konnect.authentication_settings:
    oidc_auth_enabled: true
    idp_mapping_enabled: true
    konnect_mapping_enabled: false

- name: SAML only - no more passwords
  konnect.konnect.authentication_settings:
    saml_auth_enabled: true
    oidc_auth_enabled: false
    basic_auth_enabled: false

- name: Teams given in Konnect again
  konnect.konnect.authentication_settings:
    idp_mapping_enabled: false
    konnect_mapping_enabled: true
'''

RETURN = r'''
authentication_settings:
  description: The settings as Konnect returns them after the task (the predicted ones in check mode).
  returned: always
  type: dict
  sample:
    basic_auth_enabled: true
    oidc_auth_enabled: true
    saml_auth_enabled: false
    idp_mapping_enabled: true
    konnect_mapping_enabled: false
diff:
  description: Before and after of the settings the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('authentication_settings')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
