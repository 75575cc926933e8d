# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options and notes shared by the modules of a portal's access and delivery settings (their O(portal) comes from
    konnect.konnect.portal)."""

    DOCUMENTATION = r'''
options: {}
notes:
  - Giving O(portal) by id saves a lookup, so a task that changes nothing makes a single request.
'''

    SETTINGS = r'''
options:
  state:
    description:
      - V(present) sets the settings the task gives; those it does not give are left as they are.
      - V(absent) returns the settings to Konnect's defaults (a DELETE); settings already at their defaults report no change.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Konnect always has these settings for a portal (its defaults until they are changed), so there is nothing to create
    and no C(_info) module; a task that gives no setting just reads them.
'''
