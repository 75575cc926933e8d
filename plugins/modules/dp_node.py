#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dp_node
short_description: Remove stale data-plane node records from a Konnect control plane
version_added: 0.1.0
description:
  - Konnect keeps a record of every data-plane node (Kong Gateway instance) that has connected to a control plane, and
    keeps it for a while after the node stopped sending heartbeats. This module removes such records, typically the ones
    of nodes that are gone, so that the control plane's node list shows the nodes that run.
  - Removes the node given by O(id), or every node of a O(hostname), or every node of the control plane; with
    O(not_seen_for), only those Konnect has not heard from for that many seconds.
  - Records are created by Konnect when a node connects, so O(state=absent) is the only state. A node that is still
    running registers again on its next heartbeat.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  state:
    description:
      - V(absent) removes the node records the other options select.
    type: str
    choices: [absent]
    required: true
  id:
    description:
      - The id of one node record to remove.
      - With O(not_seen_for), the node is removed only if it is stale.
    type: str
  hostname:
    description:
      - Remove the records of the nodes with this host name (several nodes can share one, for example a container
        restarted under the same name).
      - Ignored when O(id) is given.
    type: str
  not_seen_for:
    description:
      - Remove only the nodes whose last heartbeat (C(last_ping)) is at least this many seconds old.
      - Without O(id) and O(hostname), this selects among all the nodes of the control plane.
      - At least one of O(id), O(hostname) and O(not_seen_for) is required, so that a task never removes every node by
        accident.
    type: int
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.attributes
notes:
  - A control plane that does not exist has no nodes to remove; the task then reports no change.
  - In check mode the nodes that would be removed are returned and nothing is removed.
seealso:
  - module: konnect.konnect.dp_node_info
  - module: konnect.konnect.control_plane
'''

EXAMPLES = r'''
- name: Remove the records of nodes not seen for a day
  konnect.konnect.dp_node:
    control_plane: prod-eu
    konnect_region: eu
    not_seen_for: 86400
    state: absent
  register: cleaned

- name: Say which nodes were removed
  ansible.builtin.debug:
    msg: "Removed {{ cleaned.dp_nodes | map(attribute='hostname') | join(', ') }}"

- name: Remove the stale records of one host, keeping its live one
  konnect.konnect.dp_node:
    control_plane: prod-eu
    hostname: kong-dp-1.eu.internal
    not_seen_for: 3600
    state: absent

- name: Remove one node record by id, with the control plane given by id
  konnect.konnect.dp_node:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 0b2c3d4e-5f60-4718-92a3-b4c5d6e7f809
    state: absent
'''

RETURN = r'''
dp_nodes:
  description:
    - The node records removed (in check mode, the ones that would be), as Konnect listed them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The node's id.
      type: str
    hostname:
      description: The host name the node reported.
      type: str
    version:
      description: The node's Kong Gateway version.
      type: str
    last_ping:
      description: When Konnect last heard from the node, in seconds since the epoch.
      type: int
  sample:
    - id: 0b2c3d4e-5f60-4718-92a3-b4c5d6e7f809
      hostname: kong-dp-1.eu.internal
      version: 3.9.1.0
      type: kong
      last_ping: 1763800000
      config_hash: 5a1e3f6b0c9d2e4f7a8b1c3d5e7f9a0b
      created_at: 1763700000
      updated_at: 1763800000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import DataPlaneNodeTask

TASK = DataPlaneNodeTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
