#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_private_dns
short_description: Manage private DNS of Konnect cloud gateway networks
version_added: 0.1.0
description:
  - "Attach private DNS to a network of dedicated cloud gateways: an AWS private hosted zone or outbound resolver, a GCP private zone, or an
    Azure private zone or outbound resolver, as O(private_dns_attachment_config) says."
  - "Found by O(id) or by its O(name) within its network; set on create (O(recreate) replaces it)."
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
      - The attachment's name, unique in its network. Required unless O(id) is given.
    type: str
  private_dns_attachment_config:
    description:
      - "What to attach, with its C(kind), for example C({kind: aws-private-hosted-zone-attachment, hosted_zone_id: Z0123})."
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_private_dns_info
  - module: konnect.konnect.cloud_gateway_network
'''

EXAMPLES = r'''
- name: An AWS private hosted zone
  konnect.konnect.cloud_gateway_private_dns:
    network: prod-us
    name: internal-zone
    private_dns_attachment_config:
      kind: aws-private-hosted-zone-attachment
      hosted_zone_id: Z0123456789ABCDEFGHIJ
    wait: true

- name: Remove it
  konnect.konnect.cloud_gateway_private_dns:
    network: prod-us
    name: internal-zone
    state: absent
'''

RETURN = r'''
cloud_gateway_private_dns:
  description: The private DNS attachment as Konnect returns it; empty when absent.
  returned: always
  type: dict
  sample:
    id: 740112ff-6f41-4761-96fc-9c41bbadef15
    name: internal-zone
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

TASK = EntityTask('cloud_gateway_private_dns')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
