#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_plugin_info
short_description: List plugins of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway plugins of a Konnect control plane, by id, by plugin type, or with filters; every page is read.
  - Always returns a list, also when looking up one plugin.
  - A filter on the plugin type (C(name)) is sent to Konnect; filters on other fields, such as C(instance_name) or
    C(service.id), are applied after listing.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the plugins of this type, for example V(rate-limiting), whatever their scope (an empty list if there are none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: All plugins of a control plane
  konnect.konnect.gateway_plugin_info:
    control_plane: prod-eu
    konnect_region: eu
  register: plugins

- name: Every rate-limiting plugin, whatever it applies to
  konnect.konnect.gateway_plugin_info:
    control_plane: prod-eu
    name: rate-limiting

- name: A plugin by its instance name
  konnect.konnect.gateway_plugin_info:
    control_plane: prod-eu
    filters:
      instance_name: orders-cors

- name: The plugins that apply to one service (its id)
  konnect.konnect.gateway_plugin_info:
    control_plane: prod-eu
    filters:
      service.id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9

- name: Disabled plugins
  konnect.konnect.gateway_plugin_info:
    control_plane: prod-eu
    filters:
      enabled: false

- name: A plugin by id
  konnect.konnect.gateway_plugin_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 3fd1eea1-885a-4011-b986-289943ff8177
'''

RETURN = r'''
gateway_plugins:
  description: The plugins found, as Konnect returns them, with their whole configuration.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3fd1eea1-885a-4011-b986-289943ff8177
      name: rate-limiting
      instance_name: null
      service: {id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9}
      route: null
      consumer: null
      consumer_group: null
      enabled: true
      protocols: [http, https]
      config:
        minute: 100
        policy: local
      tags: [team-orders]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_plugin')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
