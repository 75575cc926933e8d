#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: role_info
short_description: List the predefined roles Konnect offers
version_added: 0.1.0
description:
  - Read the catalogue of predefined roles that can be assigned to teams, users and system accounts, with what each role
    allows.
  - Konnect groups its roles by the kind of entity they apply to; this module flattens that into one list entry per role
    and kind of entity, sorted by kind of entity, then role name.
  - The catalogue is global; the call goes to the global API whatever O(konnect_region) says.
  - There are no options besides the connection; the whole catalogue is always returned.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.team_role
  - module: konnect.konnect.user_role
  - module: konnect.konnect.system_account_role
'''

EXAMPLES = r'''
- name: Read the role catalogue
  konnect.konnect.role_info:
  register: catalogue

- name: The roles that exist for control planes
  ansible.builtin.debug:
    msg: "{{ catalogue.roles | selectattr('entity_type_name', 'equalto', 'Control Planes') | map(attribute='name') | list }}"

- name: Check a role before assigning it
  ansible.builtin.assert:
    that:
      - catalogue.roles | selectattr('entity_type_name', 'equalto', 'API Products') | selectattr('name', 'equalto', 'Publisher') | list
    fail_msg: Konnect offers no Publisher role for API products
'''

RETURN = r'''
roles:
  description:
    - One entry per predefined role and kind of entity.
    - The kind of entity is named the way Konnect names it in the catalogue, which is usually, but not always, the value
      role assignments take as C(entity_type_name).
  returned: always
  type: list
  elements: dict
  contains:
    entity_type_name:
      description: The kind of entity the role applies to.
      type: str
      sample: Control Planes
    name:
      description: The role's name, as given to C(role_name) when assigning it.
      type: str
      sample: Deployer
    description:
      description: What the role allows, in Konnect's words.
      type: str
  sample:
    - entity_type_name: Control Planes
      name: Admin
      description: Can change everything in the control plane.
    - entity_type_name: Control Planes
      name: Viewer
      description: Can read everything in the control plane, but change nothing.
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
