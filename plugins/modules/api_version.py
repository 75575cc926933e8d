#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_version
short_description: Manage the version of a Konnect API, with its specification
version_added: 0.1.0
description:
  - Create, update and delete the version of an API of the Konnect API catalog, that is its version string and its
    specification (OpenAPI or AsyncAPI), through C(/v3/apis/{apiId}/versions).
  - Konnect allows one version per API and refuses a second one (409). So the task finds the API's version as I(the) one
    the API has, whatever its version string, and a new O(version) updates it; it never creates a second version.
  - M(konnect.konnect.api_specification) manages the same object and only its specification.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  version:
    description:
      - The version string, for example V(1.0.0). When it is not set on creation, Konnect takes the specification's
        C(info.version).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis
  - konnect.konnect.apis.specification
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.api_version_info
  - module: konnect.konnect.api_specification
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: Give the Orders API its specification from a file
  konnect.konnect.api_version:
    api: Orders
    api_version: v1
    version: 1.0.0
    src: files/orders.yaml

- name: A new release (updates the one version, never adds a second)
  konnect.konnect.api_version:
    api: Orders
    api_version: v1
    version: 1.1.0
    src: files/orders-1.1.yaml

- name: Inline, with the API given by id (a run that changes nothing makes two reads)
  konnect.konnect.api_version:
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    content: |
      openapi: 3.0.3
      info: {title: Orders, version: 1.0.0}
      paths: {}

- name: Remove the API's version and specification
  konnect.konnect.api_version:
    api: Orders
    api_version: v1
    state: absent
'''

RETURN = r'''
api_version:
  description:
    - The version as Konnect returns it after the task, with C(spec.content), C(spec.type) (V(oas2), V(oas3) or V(asyncapi))
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
  sample: updated
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_version')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
