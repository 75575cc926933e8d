# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options and notes shared by the modules of who may see and use a developer portal (developers, teams, roles,
    applications, registrations, single sign-on). Their O(portal) comes from konnect.konnect.portal."""

    TEAM = r'''
options:
  team:
    description:
      - The portal team, by name or id. Giving the id saves a lookup.
      - Team names need not be unique in a portal; a name that several teams share is refused, give the id then.
    type: str
    required: true
'''

    STATUS = r'''
options: {}
notes:
  - >-
    Konnect's documentation lists the four statuses but not which may follow which. The collection allows these changes,
    and refuses any other before anything is written: V(pending) to V(approved) or V(rejected), V(approved) to
    V(revoked), V(revoked) or V(rejected) to V(approved). Nothing goes back to V(pending).
'''
