#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package_specification
short_description: Manage the current specification of a Konnect API package
version_added: 0.1.0
description:
  - Set, compare and remove the current specification of an API package (C(/v3/api-packages/{packageId}/current-specification)),
    from a file (O(src)) or inline (O(content)).
  - An API package has one current specification, at a fixed path; Konnect writes it whole (C(PUT)).
  - O(state=absent) deletes it.
  - The task's result holds the specification as it is, so no C(_info) module is needed to read it.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - The id of the specification, to act only if the current specification is that one.
    type: str
  state:
    description:
      - V(present) sets the specification, V(absent) deletes it (deleting none is not an error and reports no change).
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.package
  - konnect.konnect.apis.specification
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.api_package
'''

EXAMPLES = r'''
- name: The partner bundle's specification
  konnect.konnect.api_package_specification:
    api_package: Partner bundle
    api_package_version: v1
    src: files/partner-bundle.yaml

- name: Read it without changing it
  konnect.konnect.api_package_specification:
    api_package: Partner bundle
    api_package_version: v1
  register: current

- name: Delete it
  konnect.konnect.api_package_specification:
    api_package: Partner bundle
    api_package_version: v1
    state: absent
'''

RETURN = r'''
api_package_specification:
  description:
    - The current specification as Konnect returns it after the task (the predicted one in check mode), an empty dict when
      there is none or after a deletion.
  returned: always
  type: dict
  sample:
    id: 7710d5c4-d902-410b-992f-18b814155b53
    content: "openapi: 3.0.3\n..."
    type: oas3
    validation_messages: []
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: updated
diff:
  description: Before and after of the specification, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_package_specification')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
