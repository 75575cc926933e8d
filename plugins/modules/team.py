#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: team
short_description: Manage Konnect teams
version_added: 0.1.0
description:
  - Create, update and delete custom teams of a Konnect organization.
  - Teams are global; the calls go to the global API whatever O(konnect_region) says.
  - A team is found by O(id) or by its unique O(name).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The team's name, unique in the organization. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - Free-text description (1 to 250 characters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.team_info
'''

EXAMPLES = r'''
- name: Create a team
  konnect.konnect.team:
    name: API Platform
    description: Owns the shared gateways
    labels:
      cost_center: "4711"

- name: Create a team with the token given explicitly (otherwise KONNECT_TOKEN is used)
  konnect.konnect.team:
    name: Security
    konnect_token: "{{ vault_konnect_token }}"

- name: Rename a team by id
  konnect.konnect.team:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: Platform Engineering

- name: Delete a team
  konnect.konnect.team:
    name: API Platform
    state: absent
'''

RETURN = r'''
team:
  description:
    - The team as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: API Platform
    description: Owns the shared gateways
    system_team: false
    labels: {cost_center: "4711"}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
