#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: user_role_info
short_description: List the roles assigned to a Konnect user
version_added: 0.1.0
description:
  - Read the roles assigned directly to one user of the Konnect organization, by id or with filters.
  - Roles the user has through their teams are not included; read those with M(konnect.konnect.team_role_info).
  - Users and roles are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  user:
    description:
      - The user, by email address or id. Giving the id saves a lookup.
    type: str
    required: true
  id:
    description:
      - Return only the assignment with this id (an empty list if the user has none with it).
      - Mutually exclusive with O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.role_assignment_info
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.user_role
  - module: konnect.konnect.role_info
'''

EXAMPLES = r'''
- name: Every role assigned to a user
  konnect.konnect.user_role_info:
    user: jane.doe@example.com
  register: roles

- name: Does she administer anything?
  ansible.builtin.debug:
    msg: "{{ roles.user_roles | selectattr('role_name', 'equalto', 'Admin') | list | length > 0 }}"

- name: Only her dashboard roles
  konnect.konnect.user_role_info:
    user: jane.doe@example.com
    filters:
      entity_type_name: Dashboards

- name: Roles that apply everywhere (filtered after listing)
  konnect.konnect.user_role_info:
    user: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    filters:
      entity_region: "*"

- name: One assignment by id
  konnect.konnect.user_role_info:
    user: jane.doe@example.com
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
'''

RETURN = r'''
user_roles:
  description: The assignments found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
      role_name: Admin
      entity_type_name: Control Planes
      entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      entity_region: us
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('user_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
