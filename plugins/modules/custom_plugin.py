#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: custom_plugin
short_description: Stream a custom Kong plugin (handler and schema) to a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete a streamed custom plugin of a Konnect control plane; Konnect sends the plugin's Lua handler
    and schema to the data planes, so the plugin need not be installed on them.
  - A custom plugin is found by its O(name), which cannot change; O(handler) and O(schema) are compared as text and
    replaced in place when they differ.
  - The task does not write into a control plane group or a control plane the Kong Ingress Controller manages.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The plugin's name, as its schema declares it. Required unless O(id) is given.
    type: str
  id:
    description:
      - The plugin's id, instead of O(name), to find it.
    type: str
  handler:
    description:
      - The Lua source of the plugin's C(handler.lua). Required to create the plugin.
    type: str
  schema:
    description:
      - The Lua source of the plugin's C(schema.lua). Required to create the plugin.
    type: str
  state:
    description:
      - V(present) creates or updates the plugin, V(absent) deletes it (no change when it does not exist).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.tags
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.custom_plugin_info
  - module: konnect.konnect.custom_plugin_schema
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Stream a custom plugin from its source tree
  konnect.konnect.custom_plugin:
    control_plane: prod-eu
    konnect_region: eu
    name: request-stamp
    handler: "{{ lookup('ansible.builtin.file', 'kong/plugins/request-stamp/handler.lua') }}"
    schema: "{{ lookup('ansible.builtin.file', 'kong/plugins/request-stamp/schema.lua') }}"
    tags: [team-edge]

- name: Keep exactly these tags
  konnect.konnect.custom_plugin:
    control_plane: prod-eu
    name: request-stamp
    tags: [team-edge]
    purge_tags: true

- name: Remove it, found by id
  konnect.konnect.custom_plugin:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 3f1a8c52-6a1e-4a8e-9d0e-2f5b7c9d1e4a
    state: absent
'''

RETURN = r'''
custom_plugin:
  description: The plugin as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3f1a8c52-6a1e-4a8e-9d0e-2f5b7c9d1e4a
    name: request-stamp
    handler: 'return { PRIORITY = 1000, VERSION = "1.0.0" }'
    schema: 'return { name = "request-stamp", fields = { { config = { type = "record", fields = {} } } } }'
    tags: [team-edge]
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('custom_plugin')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
