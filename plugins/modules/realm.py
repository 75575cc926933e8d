#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm
short_description: Manage consumer realms of Konnect
version_added: 0.1.0
description:
  - Create, update or delete a consumer realm, a set of consumers that the data planes of the allowed control planes
    can use.
  - A realm is found by O(id) or by its O(name); Konnect has no name filter for realms, so they are listed and matched.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The realm's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  ttl:
    description:
      - Minutes a consumer of the realm stays in the gateway's cache, at least 5 (checked before anything is sent).
        Konnect's default is 10.
    type: int
  negative_ttl:
    description:
      - Minutes the gateway caches that a consumer does not exist, at least 5. Konnect's default is 10.
    type: int
  consumer_groups:
    description:
      - The consumer groups of the realm, compared as a set.
    type: list
    elements: str
  allowed_control_planes:
    description:
      - The control planes whose data planes may use the realm, by name or id (names are looked up in O(konnect_region)),
        compared as a set. V(*) allows every control plane.
    type: list
    elements: str
  force:
    description:
      - With O(state=absent), delete the realm with its consumers and their keys. Without it Konnect refuses to delete a
        realm that has consumers, and the task fails with its message.
    type: bool
    default: false
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.realm_info
  - module: konnect.konnect.realm_consumer
  - module: konnect.konnect.realm_consumer_key
'''

EXAMPLES = r'''
- name: A realm for the partners' consumers, usable by two control planes
  konnect.konnect.realm:
    name: partners
    ttl: 15
    negative_ttl: 5
    consumer_groups: [gold, silver]
    allowed_control_planes: [prod-eu, 0d2b7a1e-50f5-4a5b-8f0e-0ac0c0e1e0f1]

- name: Let every control plane use it
  konnect.konnect.realm:
    name: partners
    allowed_control_planes: ["*"]

- name: Rename a realm found by id
  konnect.konnect.realm:
    id: 5f4e5c2b-3a8e-4d6c-9a7b-1c2d3e4f5a6b
    name: partners-eu

- name: Delete a realm with all its consumers
  konnect.konnect.realm:
    name: partners-eu
    force: true
    state: absent
'''

RETURN = r'''
realm:
  description: The realm as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 5f4e5c2b-3a8e-4d6c-9a7b-1c2d3e4f5a6b
    name: partners
    ttl: 15
    negative_ttl: 5
    consumer_groups: [gold, silver]
    allowed_control_planes: ["*"]

action:
  description: What the task did, in one word.
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets (secrets masked), when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('realm')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
