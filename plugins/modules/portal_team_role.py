#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_team_role
short_description: Give the teams of a Konnect developer portal roles on APIs
version_added: 0.1.0
description:
  - Give a team of a developer portal a role from the portal role catalogue on an API, or take it away. Every member of
    the team gets what the role allows. M(konnect.konnect.portal_role_info) lists the catalogue.
  - An assignment is O(role_name) on O(api) in O(entity_region); Konnect stores the API as an entity of type
    C(Services). These values together identify it, so a task that changes nothing only reads the team's roles.
  - Konnect has no way to read one assignment, so it is always looked for among the team's roles, also when O(id) is given.
  - An assignment cannot be changed. A task with other values makes another assignment and leaves the old one in place;
    remove that one with O(state=absent).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  role_name:
    description:
      - The role. V(API Viewer) lets the team's developers see the API's documentation; V(API Consumer) also lets them
        register applications for it. Required with O(state=present).
    type: str
    choices: [API Viewer, API Consumer]
  api:
    description:
      - The API the role applies to, by name or id. A name is looked up in O(entity_region); when several versions of
        the API share the name, give the id. Required with O(state=present).
    type: str
  entity_region:
    description:
      - The Konnect region the API lives in, or V(*) for every region (the API must then be given by id).
      - Defaults to O(konnect_region).
    type: str
    choices: [us, eu, au, me, in, sg, '*']
  id:
    description:
      - The id of an existing assignment of this team, to find it without the other values (for example to remove it).
      - With O(state=present) the assignment must exist and O(role_name) and O(api), which are then required as well,
        must match it.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_access.team
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_team_role_info
  - module: konnect.konnect.portal_role_info
  - module: konnect.konnect.portal_team
'''

EXAMPLES = r'''
- name: Let a team register applications for an API
  konnect.konnect.portal_team_role:
    portal: Partner Portal
    team: Acme Corp
    role_name: API Consumer
    api: Payments API

- name: Let a team read the docs of an API of the EU region, everything given by id
  konnect.konnect.portal_team_role:
    portal: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    team: d32d905a-ed33-46a3-a093-d8f536af9a8a
    role_name: API Viewer
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    entity_region: eu
    konnect_region: eu

- name: Take the role away
  konnect.konnect.portal_team_role:
    portal: Partner Portal
    team: Acme Corp
    role_name: API Consumer
    api: Payments API
    state: absent

- name: Remove an assignment by its id
  konnect.konnect.portal_team_role:
    portal: Partner Portal
    team: Acme Corp
    id: 8350205f-a305-4e39-abe9-bc082a80091a
    state: absent
'''

RETURN = r'''
portal_team_role:
  description:
    - The assignment as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 8350205f-a305-4e39-abe9-bc082a80091a
    role_name: API Consumer
    entity_type_name: Services
    entity_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    entity_region: us
diff:
  description: Before and after of the assignment (the API as C(api), C(name (id))), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_team_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
