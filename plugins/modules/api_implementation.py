#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_implementation
short_description: Link a Konnect API to the gateway service or control plane that implements it
version_added: 0.1.0
description:
  - Link an API of the Konnect API catalog to what implements it, either a gateway service of a control plane (Konnect then
    binds the API to the service's gateway entities) or a whole control plane (Konnect enforces access control on the routes
    that match the API's operations).
  - Konnect allows one implementation per API, and links a gateway service to one API only; a service that already
    implements another API fails the task before anything is written, naming that API.
  - An implementation cannot be changed. Another service or control plane fails the task with a clear message unless
    O(recreate=true), which unlinks the current one and links the new one.
  - O(state=absent) unlinks the API's implementation; with O(control_plane) (and O(service)) given, only if it is that one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  api:
    description:
      - The API, by id or by name. Giving the id saves a lookup.
      - Required. (The option is optional only in M(konnect.konnect.api_implementation_info).)
      - When several APIs share the name (with different versions), set O(api_version) to pick one; otherwise the task
        fails and lists them with their versions and ids.
    type: str
  api_version:
    description:
      - The version of the API that O(api) names, to pick one of several APIs with the same name. Ignored when O(api) is an id.
    type: str
  control_plane:
    description:
      - The control plane, by name or id. Alone, the API is implemented by the control plane (access control enforcement);
        with O(service), by that service of the control plane.
      - Required with O(state=present).
    type: str
  service:
    description:
      - The gateway service that implements the API, by name or id, in O(control_plane).
    type: str
  id:
    description:
      - The id of the implementation, to manage only that one. It is found through the API in any case.
    type: str
  state:
    description:
      - V(present) links the API, V(absent) unlinks it; unlinking what is not linked is not an error and reports no change.
    type: str
    choices: [present, absent]
    default: present
  recreate:
    description:
      - When the API is implemented by another service or control plane than the task names, unlink it and link the one
        named (the implementation gets a new id). Without it, the task fails and says what implements the API now.
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - APIs and control planes live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to their region.
seealso:
  - module: konnect.konnect.api_implementation_info
  - module: konnect.konnect.api
  - module: konnect.konnect.gateway_service
'''

EXAMPLES = r'''
- name: The orders service implements the Orders API
  konnect.konnect.api_implementation:
    api: Orders
    api_version: v1
    control_plane: prod
    service: orders

- name: The whole control plane implements it (access control enforcement)
  konnect.konnect.api_implementation:
    api: Orders
    api_version: v1
    control_plane: prod
    recreate: true

- name: By ids (a run that changes nothing makes a single request)
  konnect.konnect.api_implementation:
    api: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    service: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7

- name: Unlink whatever implements the API
  konnect.konnect.api_implementation:
    api: Orders
    api_version: v1
    state: absent
'''

RETURN = r'''
api_implementation:
  description:
    - The implementation as Konnect returns it after the task, with C(api_id); the predicted one in check mode. An empty
      dict after it was unlinked.
  returned: always
  type: dict
  sample:
    id: 032d905a-ed33-46a3-a093-d8f536af9a8a
    api_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    service:
      control_plane_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    created_at: "2026-11-23T10:00:00.000Z"
    updated_at: "2026-11-23T10:00:00.000Z"
action:
  description: What the task did, one of V(created), V(updated) (re-created), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: created
diff:
  description: Before and after (control plane and service ids), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_implementation')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
