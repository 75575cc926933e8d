#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_network
short_description: Manage Konnect dedicated cloud gateway networks
version_added: 0.1.0
description:
  - "Create, rename and delete the networks (a VPC or VNet in a cloud provider) that dedicated cloud gateways run in."
  - "Cloud gateways are global: the calls go to the global API whatever O(konnect_region) says."
  - "A network is found by O(id) or by its O(name). Only the name can change; provider, region, availability zones and CIDR block are set when
    it is created (O(recreate) replaces the network)."
  - "Konnect provisions a network asynchronously (C(initializing), then C(ready)); see O(wait). Deleting waits too with O(wait=true)."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The network's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  provider:
    description:
      - The cloud provider; the organization's provider account for it is used. Needed to create a network unless
        O(cloud_gateway_provider_account_id) is given. Not compared afterwards (the region tells the provider).
    type: str
    choices: [aws, azure, gcp]
  cloud_gateway_provider_account_id:
    description:
      - The id of the provider account to create the network with (see M(konnect.konnect.cloud_gateway_info)). Set on create only.
    type: str
  region:
    description:
      - The provider's region (for example C(us-east-2)), one that M(konnect.konnect.cloud_gateway_info) lists as available. Set on create only.
    type: str
  availability_zones:
    description:
      - The availability zones of the region the network spans (for example C(use2-az1)), compared as a set. Set on create only.
    type: list
    elements: str
  cidr_block:
    description:
      - The network's private IPv4 CIDR block (for example C(10.0.0.0/16)). Set on create only.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_network_info
  - module: konnect.konnect.cloud_gateway_configuration
  - module: konnect.konnect.cloud_gateway_info
'''

EXAMPLES = r'''
- name: A network in AWS Ohio, waited for until it is ready
  konnect.konnect.cloud_gateway_network:
    name: prod-us
    provider: aws
    region: us-east-2
    availability_zones: [use2-az1, use2-az2, use2-az3]
    cidr_block: 10.0.0.0/16
    wait: true
    wait_timeout: 3600

- name: The same network with a provider account given by id
  konnect.konnect.cloud_gateway_network:
    name: prod-us
    cloud_gateway_provider_account_id: 5f4b6d0e-8a6b-4c39-9f0e-0a1b2c3d4e01
    region: us-east-2
    availability_zones: [use2-az1, use2-az2, use2-az3]
    cidr_block: 10.0.0.0/16

- name: Rename a network found by id
  konnect.konnect.cloud_gateway_network:
    id: 0bd180a4-9847-4613-90bf-f72e1acf1839
    name: prod-us-east

- name: Move to another CIDR block (deletes and re-creates the network)
  konnect.konnect.cloud_gateway_network:
    name: prod-us
    provider: aws
    region: us-east-2
    availability_zones: [use2-az1]
    cidr_block: 10.1.0.0/16
    recreate: true

- name: Delete a network and wait until it is gone
  konnect.konnect.cloud_gateway_network:
    name: prod-us
    state: absent
    wait: true
'''

RETURN = r'''
cloud_gateway_network:
  description: The network as Konnect returns it (after waiting, as it is then); empty when absent.
  returned: always
  type: dict
  sample:
    id: 0bd180a4-9847-4613-90bf-f72e1acf1839
    name: prod-us
    region: us-east-2
    availability_zones: [use2-az1]
    cidr_block: 10.0.0.0/16
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

TASK = EntityTask('cloud_gateway_network')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
