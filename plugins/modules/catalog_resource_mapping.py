#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_resource_mapping
short_description: Map resources of integrations to services of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Map a resource that an integration knows (a gateway service, a PagerDuty service, a GitHub repository, ...) to a catalog
    service, or remove the mapping. A mapping cannot be changed; map another resource and remove the old mapping.
  - The resource is named by its id (O(resource)), or by the integration instance it belongs to, its type and the config
    that identifies it in that integration (O(integration_instance), O(resource_type), O(resource_config)); Konnect then
    records the resource if it has not discovered it yet.
  - A mapping is found among the service's mappings by its resource, or by O(id).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  service:
    description:
      - The catalog service, by name or id.
    type: str
  resource:
    description:
      - The id of the resource (16 characters, as C(GET /v1/resources) lists them).
      - Mutually exclusive with O(integration_instance), O(resource_type) and O(resource_config).
    type: str
  integration_instance:
    description:
      - The integration instance the resource belongs to, by name or id; with O(resource_type) and O(resource_config).
    type: str
  resource_type:
    description:
      - The type of the resource in its integration, for example C(gateway_svc) or C(pagerduty_service).
    type: str
  resource_config:
    description:
      - What identifies the resource in its integration, for example the C(control_plane_id) and C(gateway_service_id) of a gateway service.
      - Compared as a whole.
    type: dict
  id:
    description:
      - The id of an existing mapping, to find it by id (for example to remove it).
    type: str
  state:
    description:
      - V(present) maps the resource to the service; V(absent) removes the mapping (removing one that does not exist reports no change).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.catalog_resource_mapping_info
  - module: konnect.konnect.catalog_service
  - module: konnect.konnect.catalog_integration_instance
'''

EXAMPLES = r'''
- name: Map a PagerDuty service to the billing service
  konnect.konnect.catalog_resource_mapping:
    service: billing
    integration_instance: pagerduty-prod
    resource_type: pagerduty_service
    resource_config:
      id: P1234AB

- name: Map a discovered resource by its id
  konnect.konnect.catalog_resource_mapping:
    service: billing
    resource: 4UdXnoaDYYJsH_Ir

- name: Remove that mapping
  konnect.konnect.catalog_resource_mapping:
    service: billing
    resource: 4UdXnoaDYYJsH_Ir
    state: absent
'''

RETURN = r'''
catalog_resource_mapping:
  description:
    - The mapping as Konnect returns it after the task (the predicted one in check mode); an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: d277faad-ed4e-4c56-a0fb-acce065dee34
    service: {id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7, name: billing, display_name: Billing}
    resource:
      id: 4UdXnoaDYYJsH_Ir
      name: null
      type: pagerduty_service
      config: {id: P1234AB}
      integration: {name: pagerduty, display_name: PagerDuty, instance: {id: 3f51fa25-310a-421d-bd1a-007f859021a3, name: pagerduty-prod}}
diff:
  description: Before and after (service and resource), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('catalog_resource_mapping')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
