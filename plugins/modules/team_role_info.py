#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: team_role_info
short_description: List the roles assigned to a Konnect team
version_added: 0.1.0
description:
  - Read the role assignments of a team of the Konnect organization, by id or with filters.
  - Teams and roles are global; the calls go to the global API whatever O(konnect_region) says.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - Return only the assignment with this id (an empty list if the team has none with it).
      - Mutually exclusive with O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.role_assignment_info
  - konnect.konnect.identity.team
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.team_role
  - module: konnect.konnect.role_info
'''

EXAMPLES = r'''
- name: Every role of a team
  konnect.konnect.team_role_info:
    team: API Platform
  register: roles

- name: Show them
  ansible.builtin.debug:
    msg: "{{ item.role_name }} on {{ item.entity_type_name }} {{ item.entity_id }} in {{ item.entity_region }}"
  loop: "{{ roles.team_roles }}"
  loop_control:
    label: "{{ item.id }}"

- name: The team's control plane roles
  konnect.konnect.team_role_info:
    team: API Platform
    filters:
      entity_type_name: Control Planes

- name: Roles on one control plane (filtered after listing)
  konnect.konnect.team_role_info:
    team: API Platform
    filters:
      entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7

- name: One assignment by id
  konnect.konnect.team_role_info:
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
'''

RETURN = r'''
team_roles:
  description: The assignments found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
      role_name: Deployer
      entity_type_name: Control Planes
      entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      entity_region: eu
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('team_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
