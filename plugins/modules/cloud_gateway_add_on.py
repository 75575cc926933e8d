#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_add_on
short_description: Manage add-ons of Konnect dedicated cloud gateways
version_added: 0.1.0
description:
  - "Create, update and delete add-ons such as a managed cache for the data planes of a control plane or control plane group."
  - "Found by O(id) or by its O(name). O(owner) is set on create; O(config) can change (a cache tier goes up, never down)."
  - "With O(wait=true) the task waits until the add-on and its cache in every data-plane group are ready."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The add-on's name (1 to 70 characters). Required unless O(id) is given.
    type: str
  owner:
    description:
      - "Whose data planes get it, C({kind: control-plane, control_plane_id, control_plane_geo}) or
        C({kind: control-plane-group, control_plane_group_id, control_plane_group_geo}). Set on create only."
    type: dict
  config:
    description:
      - "The add-on, for example C({kind: managed-cache.v0, capacity_config: {kind: tiered, tier: small}})."
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_add_on_info
  - module: konnect.konnect.cloud_gateway_configuration
'''

EXAMPLES = r'''
- name: A managed cache for a control plane's cloud gateways
  konnect.konnect.cloud_gateway_add_on:
    name: payments-cache
    owner:
      kind: control-plane
      control_plane_id: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
      control_plane_geo: us
    config:
      kind: managed-cache.v0
      capacity_config: {kind: tiered, tier: small}
    wait: true

- name: A bigger tier
  konnect.konnect.cloud_gateway_add_on:
    name: payments-cache
    config:
      kind: managed-cache.v0
      capacity_config: {kind: tiered, tier: medium}
'''

RETURN = r'''
cloud_gateway_add_on:
  description: The add-on as Konnect returns it; empty when absent.
  returned: always
  type: dict
  sample:
    id: 004936b2-6030-47fb-b53c-af4ae0c43f4d
    name: payments-cache
    state: ready
action:
  description: What the task did.
  returned: always
  type: str
  sample: created
waited:
  description: Whether the task waited for the resource to be ready (O(wait=true) and the resource present).
  returned: when it waited
  type: bool
  sample: true
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('cloud_gateway_add_on')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
