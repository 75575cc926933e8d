#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_role_info
short_description: List the roles of a team of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the role assignments of a team of a developer portal, by id or with filters; every page is read.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - Return only the assignment with this id (an empty list if the team has none with it).
      - Konnect has no way to read one assignment, so it is looked for among the team's roles.
      - Mutually exclusive with O(filters).
    type: str
  filters:
    description:
      - Conditions on the assignments' fields (such as C(role_name), C(entity_id) or C(entity_region)), applied to the
        listed assignments; Konnect cannot filter them.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.team
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_team_role
  - module: konnect.konnect.portal_role_info
'''

EXAMPLES = r'''
- name: Every role of a team
  konnect.konnect.portal_team_role_info:
    portal: Partner Portal
    team: Acme Corp
  register: roles

- name: The APIs the team may register applications for
  konnect.konnect.portal_team_role_info:
    portal: Partner Portal
    team: Acme Corp
    filters:
      role_name: API Consumer
'''

RETURN = r'''
portal_team_roles:
  description: The assignments found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 8350205f-a305-4e39-abe9-bc082a80091a
      role_name: API Consumer
      entity_type_name: Services
      entity_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
      entity_region: us
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_team_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
