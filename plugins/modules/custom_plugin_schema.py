#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: custom_plugin_schema
short_description: Upload the schemas of custom Kong plugins to a Konnect control plane
version_added: 0.1.0
description:
  - Upload, replace and delete the Lua schema of a custom Kong plugin in a Konnect control plane. With the schema in place,
    Konnect accepts configuration for the plugin (see M(konnect.konnect.gateway_plugin)) and checks it against the schema.
  - The plugin's code is not uploaded; it must be installed on every data plane of the control plane.
  - A schema is found by the plugin's O(name). Konnect takes the name from the Lua schema itself, so O(name) must be the
    name that O(lua_schema) declares.
  - The task does not write schemas into a control plane group, whose configuration comes from its members, nor into a
    control plane that the Kong Ingress Controller manages; it fails before it changes anything.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The name of the plugin. Required unless O(id) is given.
      - When O(lua_schema) is given as well, the task fails if the schema declares another name.
    type: str
  id:
    description:
      - Konnect gives custom plugin schemas no id of their own; a value given here is looked up as a plugin name, as O(name) is.
    type: str
  lua_schema:
    description:
      - The Lua source of the plugin's C(schema.lua), for example read with the C(ansible.builtin.file) lookup. Required to
        upload a schema.
      - The plugin's name is read from the first C(name = "...") in it. A schema that sets C(name) from a variable needs
        O(name) as well; Konnect itself must then be able to read the name from the schema.
      - Compared as text with the schema Konnect holds; any difference uploads the new schema in place.
    type: str
  state:
    description:
      - V(present) uploads the schema if the control plane has none for the plugin, or replaces it when O(lua_schema) differs.
      - V(absent) deletes the schema. Deleting a schema that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.custom_plugin_schema_info
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Upload the schema of a custom plugin from its source tree
  konnect.konnect.custom_plugin_schema:
    control_plane: prod-eu
    konnect_region: eu
    name: request-stamp
    lua_schema: "{{ lookup('ansible.builtin.file', 'plugins/kong/plugins/request-stamp/schema.lua') }}"

- name: A schema written inline, with the control plane given by id
  konnect.konnect.custom_plugin_schema:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: tenant-header
    lua_schema: |
      local typedefs = require "kong.db.schema.typedefs"

      return {
        name = "tenant-header",
        fields = {
          { protocols = typedefs.protocols_http },
          { config = {
              type = "record",
              fields = {
                { header_name = { type = "string", required = true, default = "X-Tenant" } },
              },
          } },
        },
      }

- name: Then configure the plugin like any other
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    konnect_region: eu
    name: tenant-header
    config:
      header_name: X-Customer

- name: Delete a schema found through id (schemas are named by their plugin)
  konnect.konnect.custom_plugin_schema:
    control_plane: prod-eu
    id: request-stamp
    state: absent

- name: Delete a schema by plugin name
  konnect.konnect.custom_plugin_schema:
    control_plane: prod-eu
    name: tenant-header
    state: absent
'''

RETURN = r'''
custom_plugin_schema:
  description:
    - The schema as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    name: tenant-header
    lua_schema: 'return { name = "tenant-header", fields = { { config = { type = "record", fields = {} } } } }'
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('custom_plugin_schema')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
