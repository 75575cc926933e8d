#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_configuration
short_description: Manage the dedicated cloud gateway configuration of a control plane
version_added: 0.1.0
description:
  - "Set the data-plane groups a control plane runs in dedicated cloud gateways, across providers and regions."
  - "Konnect keeps one configuration per control plane and geo and replaces it whole (PUT). The task compares the data-plane groups field by
    field, in provider and region order, and sends the whole document only when something differs."
  - "O(state=absent) removes every data-plane group (Konnect has no way to delete the configuration itself)."
  - "Data-plane groups provision asynchronously; with O(wait=true) the task waits until every group is C(ready)."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  control_plane:
    description:
      - The control plane, by name or id, in O(control_plane_geo). Required unless O(id) is given.
    type: str
  control_plane_geo:
    description:
      - The geo (Konnect region) of the control plane. Defaults to O(konnect_region).
    type: str
    choices: [us, eu, au, me, in, sg]
  dataplane_groups:
    description:
      - Every data-plane group of the configuration, one per provider and region; groups not listed are removed.
      - Required with O(state=present); V([]) leaves the control plane without data-plane groups.
    type: list
    elements: dict
    suboptions:
      provider:
        description: The cloud provider.
        type: str
        choices: [aws, azure, gcp]
        required: true
      region:
        description: The provider's region, for example C(us-east-2).
        type: str
        required: true
      network:
        description: The cloud gateway network the group runs in, by name or id (found once, sent as its id).
        type: str
      cloud_gateway_network_id:
        description: The id of the network, as Konnect names it (instead of O(dataplane_groups[].network)).
        type: str
      autoscale:
        description:
          - "How the group scales, for example C({kind: autopilot, base_rps: 100}) or
            C({kind: static, instance_type: small, requested_instances: 2})."
        type: dict
      environment:
        description: Environment variables of the data planes (names start with C(KONG_) or C(OTEL_)).
        type: list
        elements: dict
        suboptions:
          name:
            description: The variable's name.
            type: str
            required: true
          value:
            description: The variable's value.
            type: str
            required: true
  api_access:
    description:
      - Whether the gateways' API is reachable privately, publicly or both. Konnect's default is C(private+public).
    type: str
    choices: [private, public, private+public]
  kind:
    description:
      - The kind of cloud gateway. Konnect's default is C(dedicated.v0).
    type: str
    choices: [dedicated.v0, serverless.v1]
  version:
    description:
      - The Kong Gateway version the data planes run, one M(konnect.konnect.cloud_gateway_info) lists (for example C("3.10")).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_configuration_info
  - module: konnect.konnect.cloud_gateway_network
  - module: konnect.konnect.control_plane
'''

EXAMPLES = r'''
- name: Two regions of AWS for a cloud gateway control plane, waited for
  konnect.konnect.cloud_gateway_configuration:
    control_plane: payments
    control_plane_geo: us
    version: "3.10"
    api_access: private+public
    dataplane_groups:
      - provider: aws
        region: us-east-2
        network: prod-us
        autoscale: {kind: autopilot, base_rps: 100}
      - provider: aws
        region: eu-central-1
        cloud_gateway_network_id: 6a1f55b1-2b0e-4f9c-9d0e-6c0f3b1b2a77
        autoscale: {kind: static, instance_type: small, requested_instances: 2}
        environment:
          - {name: KONG_LOG_LEVEL, value: info}
    wait: true

- name: No data-plane groups any more
  konnect.konnect.cloud_gateway_configuration:
    control_plane: payments
    state: absent
'''

RETURN = r'''
cloud_gateway_configuration:
  description: The configuration as Konnect returns it, with the state of each data-plane group.
  returned: always
  type: dict
  sample:
    id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
    control_plane_id: 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
    control_plane_geo: us
    dataplane_groups:
      - {provider: aws, region: us-east-2, state: ready}
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

TASK = EntityTask('cloud_gateway_configuration')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
