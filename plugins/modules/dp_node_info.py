#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dp_node_info
short_description: List the data-plane nodes of a Konnect control plane
version_added: 0.1.0
description:
  - Read the records Konnect keeps of the data-plane nodes (Kong Gateway instances) that have connected to a control plane,
    by id, by host name, or with filters; every page is read.
  - Each node carries Konnect's end-of-life notice under C(eol) when its Kong Gateway version is at or near the end of its
    support, and C(null) otherwise.
  - Always returns a list, also when looking up one node.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  hostname:
    description:
      - Return only the nodes with this host name (an empty list if there is none). Several nodes can share one, for example
        a container restarted under the same name.
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect filters node records on no field, so every filter is applied after listing.
  - A node keeps its record for a while after it stopped sending heartbeats; compare C(last_ping) with the current time to
    tell live nodes from gone ones.
seealso:
  - module: konnect.konnect.dp_client_certificate
  - module: konnect.konnect.control_plane_info
'''

EXAMPLES = r'''
- name: Every data-plane node of a control plane, with end-of-life notices
  konnect.konnect.dp_node_info:
    control_plane: prod-eu
    konnect_region: eu
  register: nodes

- name: Warn about nodes whose Kong Gateway version is at its end of life
  ansible.builtin.debug:
    msg: "{{ item.hostname }} runs {{ item.version }}. {{ item.eol.message }}"
  loop: "{{ nodes.dp_nodes | selectattr('eol') | list }}"
  loop_control:
    label: "{{ item.hostname }}"

- name: Nodes of one host
  konnect.konnect.dp_node_info:
    control_plane: prod-eu
    hostname: kong-dp-1.eu.internal

- name: Nodes still on a 3.4 release (filtered after listing)
  konnect.konnect.dp_node_info:
    control_plane: prod-eu
    filters:
      version: {contains: "3.4."}

- name: One node by id, with the control plane given by id
  konnect.konnect.dp_node_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 0b2c3d4e-5f60-4718-92a3-b4c5d6e7f809
'''

RETURN = r'''
dp_nodes:
  description:
    - The data-plane nodes found, as Konnect returns them, each with the key C(eol) added.
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
    config_hash:
      description: Hash of the configuration the node runs.
      type: str
    compatibility_status:
      description: Whether the node can run the control plane's configuration, and the issues found if not.
      type: dict
    eol:
      description:
        - Konnect's end-of-life notice for the node's version, with the keys C(version) and C(message) (what to upgrade to).
        - C(null) when the node's version is not near the end of its support.
      type: dict
  sample:
    - id: 0b2c3d4e-5f60-4718-92a3-b4c5d6e7f809
      hostname: kong-dp-1.eu.internal
      version: 3.4.3.12
      type: kong
      last_ping: 1763892000
      config_hash: 5a1e3f6b0c9d2e4f7a8b1c3d5e7f9a0b
      created_at: 1763800000
      updated_at: 1763892000
      eol:
        version: 3.4.3.12
        message: This version is past the end of its full support; upgrade to the closest Long Term Support release.
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('dp_node')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
