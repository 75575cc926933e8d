#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package_operation
short_description: Put an API operation in a Konnect API package
version_added: 0.1.0
description:
  - Add an operation of an API to an API package, with an optional rate limit of its own; change that limit; take the
    operation out of the package.
  - The operation is named by its id (O(operation)) or by O(api), O(method) and O(path). Only APIs implemented by a whole
    control plane (access control enforcement, see M(konnect.konnect.api_implementation)) have operations.
  - Konnect adds and changes operations with a JSON Patch of the package's operations and answers without them; the task
    reads the operation back.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  operation:
    description:
      - The id of the API operation. Mutually exclusive with O(api).
    type: str
  api:
    description:
      - The API the operation belongs to, by name or id (give the id when several APIs share the name); with O(method) and
        O(path) it names the operation.
    type: str
  method:
    description:
      - The operation's HTTP method, with O(api).
    type: str
    choices: [GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD, CONNECT, TRACE]
  path:
    description:
      - The operation's path as the API's specification has it (for example V(/orders/{id})), with O(api).
    type: str
  rate_limiting_config:
    description:
      - A rate limit for this operation in the package, instead of the package's own. Compared by the keys given.
    type: dict
    suboptions:
      limit:
        description: How many requests an application may make in one O(rate_limiting_config.duration).
        type: int
        required: true
      duration:
        description: The time frame of the limit.
        type: str
        required: true
        choices: [seconds, minutes, hours]
  id:
    description:
      - The id of the operation, the same as O(operation).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.package
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.api_package_operation_info
  - module: konnect.konnect.api_package
'''

EXAMPLES = r'''
- name: Orders' GET /orders in the partner bundle, 10 a second
  konnect.konnect.api_package_operation:
    api_package: Partner bundle
    api_package_version: v1
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    method: GET
    path: /orders
    rate_limiting_config:
      limit: 10
      duration: seconds

- name: An operation by id, with the package's own limit
  konnect.konnect.api_package_operation:
    api_package: Partner bundle
    api_package_version: v1
    operation: b42d905a-ed33-46a3-a093-d8f536af9a8a

- name: Take it out of the package
  konnect.konnect.api_package_operation:
    api_package: Partner bundle
    api_package_version: v1
    operation: b42d905a-ed33-46a3-a093-d8f536af9a8a
    state: absent
'''

RETURN = r'''
api_package_operation:
  description:
    - The operation in the package as Konnect returns it after the task (the predicted one in check mode), an empty dict
      after it was taken out.
  returned: always
  type: dict
  sample:
    id: b42d905a-ed33-46a3-a093-d8f536af9a8a
    api: {id: 9f5061ce-78f6-4452-9108-ad7c02821fd5, name: Orders, version: v1}
    method: GET
    path: /orders
    rate_limiting_config: {limit: 10, duration: seconds}
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: created
diff:
  description: Before and after, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_package_operation')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
