#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: organization
short_description: Configure organization-wide Konnect settings
version_added: 0.1.0
description:
  - Read the Konnect organization the credentials belong to and converge its settings for personal access tokens and its
    IP allow list.
  - Each group of settings is only read and compared when the task gives it, and within a group only the keys the task
    sets; a task that gives neither just returns the organization.
  - The organization itself (its name, its owner) is not changed by this module, and cannot be created or deleted with it.
  - Organization settings are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  personal_access_token_settings:
    description:
      - Whether people of the organization may use personal access tokens, and for how long.
    type: dict
    suboptions:
      pats_enabled:
        description:
          - Whether personal access tokens may be used in the organization.
        type: bool
      max_expiration_period_days:
        description:
          - The longest lifetime, in days (1 to 365), a new personal access token may have.
        type: int
  ip_allow_list:
    description:
      - Restrict the IP addresses from which Konnect accepts requests for the organization.
      - The first time (when the organization has no allow list yet) give both O(ip_allow_list.enabled) and a non-empty
        O(ip_allow_list.allowed_ips).
      - An enabled list that does not include the address Ansible's requests come from locks Ansible out as well.
    type: dict
    suboptions:
      enabled:
        description:
          - Whether the allow list is enforced.
        type: bool
      allowed_ips:
        description:
          - The allowed IP addresses and CIDR ranges (up to 1000), such as V(203.0.113.7) or V(198.51.100.0/24).
          - This is the complete list; addresses not in it are removed. Compared as a set, so order does not matter.
        type: list
        elements: str
  impersonation_settings:
    description:
      - Whether Konnect's support may impersonate people of the organization (to see what they see when helping them).
    type: dict
    suboptions:
      enabled:
        description:
          - Whether impersonation is allowed.
        type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.organization_info
  - module: konnect.konnect.personal_access_token
  - module: konnect.konnect.authentication_settings
'''

EXAMPLES = r'''
- name: Let Konnect's support impersonate people while helping them
  konnect.konnect.organization:
    impersonation_settings:
      enabled: true

- name: Read the organization (changes nothing)
  konnect.konnect.organization:
  register: org

- name: Personal access tokens live at most 90 days
  konnect.konnect.organization:
    personal_access_token_settings:
      pats_enabled: true
      max_expiration_period_days: 90

- name: No personal access tokens at all (system accounts only)
  konnect.konnect.organization:
    personal_access_token_settings:
      pats_enabled: false

- name: Only the office, the CI runners and the Ansible controller may reach the organization
  konnect.konnect.organization:
    ip_allow_list:
      enabled: true
      allowed_ips:
        - 198.51.100.0/24
        - 203.0.113.7
        - 192.0.2.10  # where Ansible's requests come from

- name: Keep the list but stop enforcing it
  konnect.konnect.organization:
    ip_allow_list:
      enabled: false
'''

RETURN = r'''
organization:
  description: The organization, as Konnect returns it.
  returned: always
  type: dict
  sample:
    id: 6f1d4a5e-2b7c-4c3e-9a8f-0e1d2c3b4a59
    name: Acme
    owner_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    login_path: acme
    state: active
    retention_period_days: 90
    created_at: "2024-01-01T00:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
personal_access_token_settings:
  description: The personal access token settings after the task (the predicted ones in check mode).
  returned: when O(personal_access_token_settings) is given
  type: dict
  sample:
    pats_enabled: true
    max_expiration_period_days: 90
ip_allow_list:
  description: The IP allow list after the task (the predicted one in check mode).
  returned: when O(ip_allow_list) is given
  type: dict
  sample:
    enabled: true
    allowed_ips: [198.51.100.0/24, 203.0.113.7]
diff:
  description:
    - Before and after of the settings the task gives, when run with C(--diff), under the keys
      C(personal_access_token_settings) and C(ip_allow_list).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import OrganizationTask

TASK = OrganizationTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
