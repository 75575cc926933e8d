# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options and notes shared by the consumer credential modules and the config store modules."""

    DOCUMENTATION = r'''
options: {}
notes:
  - A credential is looked up among the credentials of its kind that the consumer holds (every page is read), by O(id) or by
    its natural key. Credentials of other consumers are not considered.
  - Gateway configuration cannot be written into a control plane group, whose configuration is the combination of its
    members', nor into a control plane that the Kong Ingress Controller manages. The task fails before it changes anything.
  - The credential only takes effect on a route or service that runs the matching authentication plugin
    (see M(konnect.konnect.gateway_plugin)).
'''

    CONSUMER = r'''
options:
  consumer:
    description:
      - The gateway consumer that holds the credentials, by username or id, in O(control_plane).
      - A consumer that has a C(custom_id) but no username can only be given by id.
      - Giving the id saves a lookup.
    type: str
    required: true
'''

    WRITE_ONLY = r'''
notes:
  - The secret is write-only for this module. It is sent when the entity is created, and later only with
    O(update_secrets=always); otherwise a changed secret in the task is never sent to Konnect, and the run reports no change.
  - The option holding the secret is C(no_log), so Ansible hides its value in the output, in logs and in error messages,
    and the diff shows it as C(********).
options: {}
'''

    INFO = r'''
options: {}
notes:
  - Konnect filters these lists on no field, so every filter is applied after listing.
'''

    CONFIG_STORE = r'''
options:
  config_store:
    description:
      - The config store that holds the secrets, by name or id, in O(control_plane).
      - Giving the id saves a lookup.
    type: str
    required: true
'''
