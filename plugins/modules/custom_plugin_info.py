#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: custom_plugin_info
short_description: List the streamed custom plugins of a Konnect control plane
version_added: 0.1.0
description:
  - Read the streamed custom plugins of a control plane, by id, by name, or with filters; every page is read.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the plugin with this name (an empty list if there is none). Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.custom_plugin
'''

EXAMPLES = r'''
- name: All streamed custom plugins of a control plane
  konnect.konnect.custom_plugin_info:
    control_plane: prod-eu
    konnect_region: eu
  register: plugins

- name: One by name
  konnect.konnect.custom_plugin_info:
    control_plane: prod-eu
    name: request-stamp

- name: One by id
  konnect.konnect.custom_plugin_info:
    control_plane: prod-eu
    id: 3f1a8c52-6a1e-4a8e-9d0e-2f5b7c9d1e4a

- name: Those tagged for a team (filtered after listing)
  konnect.konnect.custom_plugin_info:
    control_plane: prod-eu
    filters:
      tags: [team-edge]
'''

RETURN = r'''
custom_plugins:
  description: The plugins found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3f1a8c52-6a1e-4a8e-9d0e-2f5b7c9d1e4a
      name: request-stamp
      handler: 'return { PRIORITY = 1000, VERSION = "1.0.0" }'
      schema: 'return { name = "request-stamp", fields = {} }'
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('custom_plugin')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
