#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_specification
short_description: Manage the specification of a Konnect API
version_added: 0.1.0
description:
  - Set, compare and remove the specification (OpenAPI or AsyncAPI) of an API of the Konnect API catalog, from a file
    (O(src)) or inline (O(content)).
  - It manages the specification of the API's version, C(/v3/apis/{apiId}/versions), and not the older
    C(/v3/apis/{apiId}/specifications), which the API Builder v3 specification marks deprecated and to be removed ("use
    /versions instead"). Both hold the same one specification per API, so nothing is lost; use
    M(konnect.konnect.api_version) to set the version string as well.
  - When the API has no version yet, one is created; Konnect takes its version string from the specification's
    C(info.version) (a specification without one is refused).
  - O(state=absent) removes the API's version, and with it the specification.
author:
  - konnect.konnect contributors (@konnect-konnect)
options: {}
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis
  - konnect.konnect.apis.specification
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.api_specification_info
  - module: konnect.konnect.api_version
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: The Orders API's specification, from a YAML file next to the playbook
  konnect.konnect.api_specification:
    api: Orders
    api_version: v1
    src: files/orders.yaml

- name: The same specification as JSON changes nothing (compared as data)
  konnect.konnect.api_specification:
    api: Orders
    api_version: v1
    content: "{{ lookup('file', 'files/orders.yaml') | from_yaml | to_json }}"

- name: Remove it
  konnect.konnect.api_specification:
    api: Orders
    api_version: v1
    state: absent
'''

RETURN = r'''
api_specification:
  description:
    - The API's version as Konnect returns it after the task, the specification in C(spec.content) with its C(spec.type)
      and Konnect's C(spec.validation_messages); the predicted one in check mode. An empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7710d5c4-d902-410b-992f-18b814155b53
    version: 1.0.0
    spec:
      content: '{"openapi": "3.0.3", "info": {"title": "Orders", "version": "1.0.0"}, "paths": {}}'
      type: oas3
      validation_messages: []
    created_at: "2026-11-23T10:00:00.000Z"
    updated_at: "2026-11-23T10:00:00.000Z"
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: unchanged
diff:
  description: Before and after of the specification, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_specification')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
