# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options and notes shared by the identity and organization modules (users, teams, roles, system accounts, tokens, SSO)."""

    DOCUMENTATION = r'''
options: {}
notes:
  - Users, teams, roles, system accounts, access tokens, single sign-on and organization settings are global in Konnect.
    These calls go to the global API (C(https://global.api.konghq.com), or O(konnect_global_api_url)) whatever
    O(konnect_region) says; only a control plane named in a role assignment is looked up in a region.
'''

    TEAM = r'''
options:
  team:
    description:
      - The team, by name or id. Predefined teams (such as C(Organization Admin)) can be given by name too.
      - Giving the id saves a lookup.
    type: str
    required: true
'''

    SYSTEM_ACCOUNT = r'''
options:
  system_account:
    description:
      - The system account, by name or id. Giving the id saves a lookup.
    type: str
    required: true
'''

    ROLE_ASSIGNMENT = r'''
options:
  role_name:
    description:
      - The predefined role to assign, for example V(Viewer), V(Admin) or V(Deployer).
      - Not every role exists for every O(entity_type_name); M(konnect.konnect.role_info) lists which roles Konnect offers
        for which kind of entity.
      - Required with O(state=present).
    type: str
    choices:
      - Admin
      - Appearance Maintainer
      - Application Registration
      - Certificate Admin
      - Cloud Gateway Cluster Admin
      - Cloud Gateway Cluster Viewer
      - Consumer Admin
      - Connector
      - Creator
      - Debug Session Creator
      - Deployer
      - Discovery Admin
      - Discovery Viewer
      - Editor
      - Gateway Service Admin
      - Integration Admin
      - Integration Viewer
      - Key Admin
      - Maintainer
      - Network Admin
      - Network Creator
      - Network Viewer
      - Plugin Admin
      - Plugins Admin
      - Product Publisher
      - Publisher
      - Route Admin
      - SNI Admin
      - Scorecard Admin
      - Scorecard Viewer
      - Service Admin
      - Service Creator
      - Service Viewer
      - Upstream Admin
      - Vault Admin
      - Viewer
      - Registration Approver
      - Content Editor
      - Add On Admin
      - Add On Viewer
  entity_type_name:
    description:
      - The kind of Konnect entity the role applies to, for example V(Control Planes) or V(API Products).
      - Required with O(state=present).
    type: str
    choices:
      - Add Ons
      - APIs
      - API Products
      - Application Auth Strategies
      - Audit Logs
      - Control Planes
      - Dashboards
      - DCR Providers
      - Mesh Control Planes
      - Networks
      - Portals
      - Reports
      - Service Hub
      - Auth Servers
  entity:
    description:
      - Which entity of type O(entity_type_name) the role applies to, by id (Konnect's API takes an id here).
      - For V(Control Planes) the control plane's name works as well; it is looked up in O(entity_region), which must
        then name one region (not V(*)). Entities of other types must be given by id.
      - Konnect stores the id, so the returned assignment shows it as C(entity_id).
      - Required with O(state=present).
    type: str
  entity_region:
    description:
      - The Konnect region the entity lives in, or V(*) for every region.
      - O(konnect_region) plays no part here; a control plane given by name in O(entity) is looked up in this region.
      - Required with O(state=present).
    type: str
    choices: [us, eu, au, me, in, sg, '*']
'''

    ROLE_ASSIGNMENT_INFO = r'''
options:
  filters:
    description:
      - Conditions on the assignments' fields, sent as Konnect's C(filter[<field>][<op>]=<value>) for C(role_name) and
        C(entity_type_name) (Konnect accepts only C(eq) for those), and applied to the listed assignments for any other
        field (such as C(entity_id) or C(entity_region)).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
'''

    ROTATION = r'''
options:
  rotate:
    description:
      - Replace the token on this run, for example from a scheduled rotation job.
      - A new token, with the expiry the task gives (see O(expires_at)), is minted first and returned as RV(token); the old token is deleted
        only once the new one exists, so a failure in between never leaves the holder without a valid token.
      - Always reports a change. Leave it V(false) in the playbook that normally converges the token.
    type: bool
    default: false
  rotate_before_days:
    description:
      - Replace the token, as O(rotate=true) does, when it expires within this many days (or has already expired).
        Runs before that leave it alone.
      - The replacement gets the expiry the task gives (see O(expires_at)). Compute it from the current date so the new
        token lives longer than the old one, or every later run would replace it again.
    type: int
'''
