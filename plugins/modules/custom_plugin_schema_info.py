#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: custom_plugin_schema_info
short_description: List the custom plugin schemas of a Konnect control plane
version_added: 0.1.0
description:
  - Read the schemas of custom Kong plugins uploaded to a Konnect control plane, by plugin name or with filters.
  - Always returns a list, also when looking up one schema.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the schema of this plugin (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  id:
    description:
      - Konnect gives custom plugin schemas no id of their own; a value given here is looked up as a plugin name.
      - Mutually exclusive with O(name) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
notes:
  - Konnect filters custom plugin schemas on no field, so every filter is applied after listing.
seealso:
  - module: konnect.konnect.custom_plugin_schema
'''

EXAMPLES = r'''
- name: Every custom plugin schema of a control plane
  konnect.konnect.custom_plugin_schema_info:
    control_plane: prod-eu
    konnect_region: eu
  register: schemas

- name: The plugin names only
  ansible.builtin.debug:
    msg: "{{ schemas.custom_plugin_schemas | map(attribute='name') | list }}"

- name: One plugin's schema
  konnect.konnect.custom_plugin_schema_info:
    control_plane: prod-eu
    name: tenant-header

- name: Schemas whose name contains a word (filtered after listing)
  konnect.konnect.custom_plugin_schema_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    filters:
      name: {contains: tenant}

- name: The same lookup as by name, through id
  konnect.konnect.custom_plugin_schema_info:
    control_plane: prod-eu
    id: tenant-header
'''

RETURN = r'''
custom_plugin_schemas:
  description: The custom plugin schemas found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - name: tenant-header
      lua_schema: 'return { name = "tenant-header", fields = { { config = { type = "record", fields = {} } } } }'
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('custom_plugin_schema')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
