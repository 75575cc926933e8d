# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Attributes shared by konnect.konnect modules."""

    DOCUMENTATION = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Every lookup still runs; the predicted entity is returned and nothing is created, changed or deleted.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - The diff shows the natural key, the id, the fields the task sets and every field that changes (a service's C(url)
        as its protocol, host, port and path); a reference reads C(name (id)); secrets are shown as C(********).
  action_group:
    description: Use C(group/konnect.konnect.konnect) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - konnect.konnect.konnect
'''

    INFO_MODULE = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - This module only reads, so it behaves the same in check mode.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - This module never changes anything.
  action_group:
    description: Use C(group/konnect.konnect.konnect) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - konnect.konnect.konnect
'''
