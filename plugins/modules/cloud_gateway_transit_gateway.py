#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_transit_gateway
short_description: Manage transit gateways of Konnect cloud gateway networks
version_added: 0.1.0
description:
  - "Attach a network of dedicated cloud gateways to your own: an AWS transit gateway or VPC peering, an AWS resource endpoint, an Azure VNet or
    vHub peering, or a GCP VPC peering, as O(transit_gateway_attachment_config) says."
  - "A transit gateway is found by O(id) or by its O(name) within its network. Only O(cidr_blocks) can change; the rest is set on create."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  network:
    description:
      - The cloud gateway network, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  name:
    description:
      - The transit gateway's name, unique in its network. Required unless O(id) is given.
    type: str
  cidr_blocks:
    description:
      - The CIDR blocks of your network routed through it, compared as a set.
    type: list
    elements: str
  dns_config:
    description:
      - "DNS forwarding, a list of C({remote_dns_server_ip_addresses, domain_proxy_list}). Set on create only."
    type: list
    elements: dict
  transit_gateway_attachment_config:
    description:
      - "What to attach, with its C(kind), for example C({kind: aws-transit-gateway-attachment, transit_gateway_id, ram_share_arn}).
        Set on create only."
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_transit_gateway_info
  - module: konnect.konnect.cloud_gateway_network
'''

EXAMPLES = r'''
- name: An AWS transit gateway attachment
  konnect.konnect.cloud_gateway_transit_gateway:
    network: prod-us
    name: corp-tgw
    cidr_blocks: [10.10.0.0/16]
    transit_gateway_attachment_config:
      kind: aws-transit-gateway-attachment
      transit_gateway_id: tgw-0123456789abcdef0
      ram_share_arn: arn:aws:ram:us-east-2:123456789012:resource-share/abc
    wait: true

- name: Route one more block
  konnect.konnect.cloud_gateway_transit_gateway:
    network: prod-us
    name: corp-tgw
    cidr_blocks: [10.10.0.0/16, 10.20.0.0/16]
'''

RETURN = r'''
cloud_gateway_transit_gateway:
  description: The transit gateway as Konnect returns it; empty when absent.
  returned: always
  type: dict
  sample:
    id: f5ff7e14-5565-437f-8ef4-2189312cc9f7
    name: corp-tgw
    cidr_blocks: [10.10.0.0/16]
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

TASK = EntityTask('cloud_gateway_transit_gateway')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
