#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: identity_provider_team_group_mapping
short_description: Map identity provider groups to Konnect teams
version_added: 0.1.0
description:
  - Make sure people in a group of the single sign-on identity provider become members of a Konnect team, or stop doing so.
  - A mapping links one O(group) to one O(team); these two together identify it, so a task that changes nothing only reads.
    A group can be mapped to several teams and a team to several groups, with one task each.
  - A mapping cannot be changed. A task with another group or team makes another mapping and leaves the old one in place;
    remove that one with O(state=absent).
  - Mappings decide team membership only while the organization lets provider groups do so
    (O(konnect.konnect.authentication_settings#module:idp_mapping_enabled)).
  - Identity providers and teams are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  identity_provider:
    description:
      - The identity provider, by type (V(oidc) or V(saml)) or by id.
    type: str
    required: true
  team:
    description:
      - The Konnect team the group's people join, by name or id. Required with O(state=present).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity_provider.team_group_mapping
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.identity_provider_team_group_mapping_info
  - module: konnect.konnect.identity_provider
  - module: konnect.konnect.authentication_settings
  - module: konnect.konnect.team
'''

EXAMPLES = r'''
- name: People in the Okta group "platform-engineers" join the API Platform team
  konnect.konnect.identity_provider_team_group_mapping:
    identity_provider: oidc
    team: API Platform
    group: platform-engineers

- name: Map several groups to the predefined team for auditors, by ids
  konnect.konnect.identity_provider_team_group_mapping:
    identity_provider: d32d905a-ed33-46a3-a093-d8f536af9a8a
    team: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    group: "{{ item }}"
  loop:
    - Security Auditors
    - Compliance

- name: Let provider groups decide teams
  konnect.konnect.authentication_settings:
    idp_mapping_enabled: true

- name: Remove a mapping
  konnect.konnect.identity_provider_team_group_mapping:
    identity_provider: oidc
    team: API Platform
    group: contractors
    state: absent

- name: Remove a mapping by its id
  konnect.konnect.identity_provider_team_group_mapping:
    identity_provider: saml
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    state: absent
'''

RETURN = r'''
identity_provider_team_group_mapping:
  description:
    - The mapping as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    team_id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    group: platform-engineers
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the mapping (the team's id as C(team)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('identity_provider_team_group_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
