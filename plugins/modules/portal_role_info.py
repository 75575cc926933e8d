#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_role_info
short_description: List the roles Konnect developer portal teams can be given
version_added: 0.1.0
description:
  - Read Konnect's catalogue of portal roles, the roles M(konnect.konnect.portal_team_role) gives teams on APIs, one entry
    per role.
  - The catalogue is regional; the call goes to the region of O(konnect_region).
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_team_role
'''

EXAMPLES = r'''
- name: The portal roles
  konnect.konnect.portal_role_info:
  register: catalogue

- name: Show them
  ansible.builtin.debug:
    msg: "{{ item.name }} on {{ item.entity_type_name }}: {{ item.description }}"
  loop: "{{ catalogue.portal_roles }}"
  loop_control:
    label: "{{ item.name }}"
'''

RETURN = r'''
portal_roles:
  description: One entry per role, with the entity type it applies to (Konnect calls APIs C(Services) here).
  returned: always
  type: list
  elements: dict
  sample:
    - entity_type_name: Services
      name: API Consumer
      description: Lets developers register applications for the API.
    - entity_type_name: Services
      name: API Viewer
      description: Lets developers see the API's documentation.
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
