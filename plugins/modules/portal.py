#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal
short_description: Manage Konnect developer portals
version_added: 0.1.0
description:
  - Create, update and delete developer portals (Dev Portal v3) of a Konnect organization.
  - A portal is found by O(id) or by its unique O(name).
  - Only the fields the task sets are compared and updated.
  - The result carries the domains Konnect gives the portal, C(default_domain) and C(canonical_domain) (the custom domain
    once one is set with M(konnect.konnect.portal_custom_domain)).
  - A new portal has no pages. Browsers need a published home page (slug C(/)); O(default_content=true) asks Konnect for
    its default pages and snippets, the home page among them.
  - Portals are regional; set O(konnect_region) to the portal's region.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The portal's name, unique in the region. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  display_name:
    description:
      - The name developers see, the portal's C(name) in its own Portal API. Konnect uses O(name) when it is not set.
    type: str
  description:
    description:
      - Free-text description (up to 512 characters).
    type: str
  authentication_enabled:
    description:
      - Whether developers can sign up and sign in. Without it, developers cannot register or create applications.
      - Konnect enables it when the portal is created without it.
    type: bool
  rbac_enabled:
    description:
      - Whether portal teams and their roles decide which APIs a developer may see and use
        (see M(konnect.konnect.portal_team_role)).
      - Needs O(authentication_enabled); a task that would turn RBAC on without authentication fails before anything is written.
    type: bool
  auto_approve_developers:
    description:
      - Whether developers who sign up are approved at once, rather than pending until an administrator approves them.
    type: bool
  auto_approve_applications:
    description:
      - Whether applications' registrations for APIs are approved at once, rather than pending until approved.
    type: bool
  default_api_visibility:
    description:
      - The visibility of APIs newly published to the portal; V(public) APIs are shown to developers who are not signed in.
    type: str
    choices: [public, private]
  default_page_visibility:
    description:
      - The visibility of pages and snippets created without one (see M(konnect.konnect.portal_page)).
    type: str
    choices: [public, private]
  default_application_auth_strategy:
    description:
      - The application auth strategy, by name or id, that APIs published to the portal use unless their publication names
        another (see M(konnect.konnect.application_auth_strategy)).
      - An empty string removes the default; publications then use no strategy unless they name one.
    type: str
  sipr_enabled:
    description:
      - Whether the portal's IP allow list is enforced (see M(konnect.konnect.portal_ip_allow_list)).
    type: bool
  notifications_developer_pii_visibility_enabled:
    description:
      - Whether registration notifications name the developer (name and email address).
    type: bool
  default_content:
    description:
      - Ask Konnect for its default pages, snippets and customization when the portal is created, so that the portal has
        the published home page (slug C(/)) browsers need.
      - With an existing portal that has no top-level page with slug C(/), the default content is asked for as well; Konnect
        creates only the default pages and snippets that are missing and changes none that exist.
      - Checking for the home page costs one request per run.
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), delete the portal even though APIs are still published to it; their publications are deleted
        with it.
      - Without it Konnect refuses to delete a portal that APIs are published to, and the task fails saying so.
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_info
  - module: konnect.konnect.portal_customization
  - module: konnect.konnect.portal_custom_domain
  - module: konnect.konnect.portal_page
'''

EXAMPLES = r'''
- name: A portal for partners, with Konnect's default pages and a published home page
  konnect.konnect.portal:
    name: partners
    display_name: Partner Developer Portal
    description: APIs for our partners
    authentication_enabled: true
    rbac_enabled: true
    auto_approve_developers: false
    auto_approve_applications: false
    default_api_visibility: private
    default_page_visibility: public
    default_application_auth_strategy: key-auth
    default_content: true
    labels:
      team: platform
  register: partners

- name: Where the portal is served
  ansible.builtin.debug:
    msg: "https://{{ partners.portal.canonical_domain }} (Konnect's domain: {{ partners.portal.default_domain }})"

- name: Open the portal to everyone, approving sign-ups at once
  konnect.konnect.portal:
    name: partners
    auto_approve_developers: true
    auto_approve_applications: true
    default_api_visibility: public

- name: Publications use no strategy unless they name one
  konnect.konnect.portal:
    name: partners
    default_application_auth_strategy: ""

- name: Enforce the IP allow list and name developers in notifications
  konnect.konnect.portal:
    name: partners
    sipr_enabled: true
    notifications_developer_pii_visibility_enabled: true

- name: Keep only the given labels
  konnect.konnect.portal:
    name: partners
    labels:
      team: api-platform
    purge_labels: true

- name: Rename a portal by id
  konnect.konnect.portal:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: partner-portal

- name: Delete a portal and the publications of the APIs still published to it
  konnect.konnect.portal:
    name: partners
    state: absent
    force: true
'''

RETURN = r'''
portal:
  description:
    - The portal as Konnect returns it after the task (the predicted one in check mode; on create its C(id) is null and
      it has no domains yet); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: partners
    display_name: Partner Developer Portal
    description: APIs for our partners
    authentication_enabled: true
    rbac_enabled: true
    auto_approve_developers: false
    auto_approve_applications: false
    default_api_visibility: private
    default_page_visibility: public
    default_application_auth_strategy_id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    default_domain: 3f1a6c2b9e04.edge.us.portal.konghq.com
    canonical_domain: 3f1a6c2b9e04.edge.us.portal.konghq.com
    sipr_enabled: false
    labels: {team: platform}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
default_content:
  description: What Konnect's default content added (page slugs and snippet names), when the task asked for it.
  returned: when O(default_content=true) and the default content was created
  type: dict
  sample:
    pages: [/, /about, /privacy]
    snippets: [guides-sidebar-navigation, guides-sidebar-toc]
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
