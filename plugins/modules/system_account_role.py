#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_role
short_description: Assign Konnect roles to system accounts
version_added: 0.1.0
description:
  - Give a system account (a machine identity used by automation) a predefined role on some Konnect entities, or take
    it away. Its access tokens can then do what the role allows.
  - An assignment is O(role_name) on O(entity) of type O(entity_type_name) in O(entity_region); these four values together
    identify it, so a task that changes nothing only reads.
  - An assignment cannot be changed. A task with other values makes another assignment and leaves the old one in place;
    remove that one with O(state=absent).
  - System accounts and roles are global; the calls go to the global API whatever O(konnect_region) says. Only a control
    plane given by name is looked up, in O(entity_region).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - The id of an existing assignment of this system account, to find it without the four values (for example to remove it).
      - With O(state=present) the assignment must exist and the four values, which are then required as well, must match it.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.system_account
  - konnect.konnect.identity.role_assignment
  - konnect.konnect.entity
  - konnect.konnect.identity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.system_account_role_info
  - module: konnect.konnect.role_info
  - module: konnect.konnect.system_account
  - module: konnect.konnect.system_account_team
'''

EXAMPLES = r'''
- name: Let the CI account deploy to one control plane (given by name, looked up in the EU region)
  konnect.konnect.system_account_role:
    system_account: ci-deployer
    role_name: Deployer
    entity_type_name: Control Planes
    entity: prod-eu
    entity_region: eu

- name: Let a monitoring robot read a control plane in Australia
  konnect.konnect.system_account_role:
    system_account: monitoring
    role_name: Viewer
    entity_type_name: Control Planes
    entity: prod-au
    entity_region: au

- name: Publish one API product, with the account and the product given by id
  konnect.konnect.system_account_role:
    system_account: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    role_name: Publisher
    entity_type_name: API Products
    entity: 5b1e8c1a-3a2d-4a44-9b0e-6d1f2c3b4a5e
    entity_region: us

- name: Take the role away
  konnect.konnect.system_account_role:
    system_account: ci-deployer
    role_name: Deployer
    entity_type_name: Control Planes
    entity: prod-eu
    entity_region: eu
    state: absent

- name: Remove an assignment by its id
  konnect.konnect.system_account_role:
    system_account: ci-deployer
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
    state: absent
'''

RETURN = r'''
system_account_role:
  description:
    - The assignment as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on creation);
      an empty dict after a removal.
  returned: always
  type: dict
  sample:
    id: 54cc6168-ebb1-4300-8168-d62a0dd08fc8
    role_name: Deployer
    entity_type_name: Control Planes
    entity_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    entity_region: eu
diff:
  description: Before and after of the assignment (with the entity's id as C(entity)), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('system_account_role')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
