#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_info
short_description: Read what Konnect offers for dedicated cloud gateways
version_added: 0.1.0
description:
  - "Read the availability document (providers, regions, availability zones, CIDR blocks, gateway versions, instance types), the organization's
    provider accounts, its resource quotas and resource configurations, with their defaults."
  - "Use it to find valid inputs for M(konnect.konnect.cloud_gateway_network) and M(konnect.konnect.cloud_gateway_configuration)."
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.cloud_gateway_network
  - module: konnect.konnect.cloud_gateway_configuration
'''

EXAMPLES = r'''
- name: What Konnect offers
  konnect.konnect.cloud_gateway_info:
  register: cloud

- name: The AWS regions
  ansible.builtin.debug:
    msg: "{{ (cloud.availability.providers | selectattr('provider', 'eq', 'aws') | first).regions | map(attribute='region') }}"
'''

RETURN = r'''
availability:
  description: The availability document.
  returned: always
  type: dict
  sample: {versions: ["3.10"], providers: [{provider: aws, regions: [{region: us-east-2}]}]}
provider_accounts:
  description: The organization's provider accounts.
  returned: always
  type: list
  elements: dict
  sample: [{id: 5f4b6d0e-8a6b-4c39-9f0e-0a1b2c3d4e01, provider: aws}]
resource_quotas:
  description: The organization's resource quotas.
  returned: always
  type: list
  elements: dict
  sample: [{resource: count/networks.not-offline, value: 5}]
default_resource_quotas:
  description: Konnect's default resource quotas, with the organization's overrides.
  returned: always
  type: list
  elements: dict
  sample: []
resource_configurations:
  description: The organization's resource configuration overrides.
  returned: always
  type: list
  elements: dict
  sample: [{qualifier: data-plane-group-idle-timeout-minutes, value: 60}]
default_resource_configurations:
  description: Konnect's default resource configurations, with the organization's overrides.
  returned: always
  type: list
  elements: dict
  sample: []
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('cloud_gateway')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
