#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_identity_provider_team_group_mapping
short_description: Map identity provider groups to the teams of a Konnect developer portal
version_added: 0.1.0
description:
  - Make sure developers in a group of the portal's single sign-on identity provider join a portal team, or stop doing so.
  - A mapping links one O(group) to one O(team); these two together identify it, so a task that changes nothing only reads.
    A group can be mapped to several teams and a team to several groups, with one task each.
  - A mapping cannot be changed. A task with another group or team makes another mapping and leaves the old one in place;
    remove that one with O(state=absent).
  - M(konnect.konnect.portal_team_group_mappings) sets all groups of several teams in one task.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  identity_provider:
    description:
      - The portal's identity provider, by type (V(oidc) or V(saml)) or by id.
    type: str
    required: true
  team:
    description:
      - The portal team the group's developers join, by name or id. Required with O(state=present).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.identity_provider.team_group_mapping
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_identity_provider_team_group_mapping_info
  - module: konnect.konnect.portal_identity_provider
  - module: konnect.konnect.portal_team_group_mappings
'''

EXAMPLES = r'''
- name: Developers in the Okta group "acme-developers" join the Acme Corp team
  konnect.konnect.portal_identity_provider_team_group_mapping:
    portal: Partner Portal
    identity_provider: oidc
    team: Acme Corp
    group: acme-developers

- name: Remove the mapping
  konnect.konnect.portal_identity_provider_team_group_mapping:
    portal: Partner Portal
    identity_provider: oidc
    team: Acme Corp
    group: acme-developers
    state: absent
'''

RETURN = r'''
portal_identity_provider_team_group_mapping:
  description:
    - The mapping as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 2e8baade-0d26-476a-b384-71543af9a055
    team_id: d32d905a-ed33-46a3-a093-d8f536af9a8a
    group: acme-developers
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the mapping (the team as C(team), C(name (id))), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_identity_provider_team_group_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
