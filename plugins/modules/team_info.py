#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: team_info
short_description: List Konnect teams
version_added: 0.1.0
description:
  - Read teams of the Konnect organization (global API), by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one team.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the team with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.team
'''

EXAMPLES = r'''
- name: All teams, including Konnect's predefined ones
  konnect.konnect.team_info:
  register: teams

- name: Names of the custom teams
  ansible.builtin.debug:
    msg: "{{ teams.teams | rejectattr('system_team') | map(attribute='name') | list }}"

- name: A team by name
  konnect.konnect.team_info:
    name: API Platform

- name: Teams whose name contains "Platform"
  konnect.konnect.team_info:
    filters:
      name: {contains: Platform}

- name: A team by id
  konnect.konnect.team_info:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
'''

RETURN = r'''
teams:
  description: The teams found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
      name: API Platform
      description: Owns the shared gateways
      system_team: false
      labels: {}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('team')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
