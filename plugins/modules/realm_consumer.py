#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm_consumer
short_description: Manage the consumers of a Konnect consumer realm
version_added: 0.1.0
description:
  - Create, update, move or delete a consumer of a realm.
  - A consumer is found by O(id) or by its O(username) within O(realm).
  - With O(from_realm), a consumer that is not in O(realm) but in O(from_realm) is moved to O(realm), with its keys
    (Konnect's move), then updated. Once it is in O(realm), O(from_realm) is not looked at, so a re-run makes one request.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  realm:
    description:
      - The realm, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  username:
    description:
      - The consumer's username, unique within the realm. Required unless O(id) is given.
    type: str
  custom_id:
    description:
      - An identifier of the consumer in another system.
    type: str
  type:
    description:
      - A free-form type of the consumer, as Konnect stores it.
    type: str
  consumer_groups:
    description:
      - The consumer groups the consumer is in, compared as a set.
    type: list
    elements: str
  from_realm:
    description:
      - The realm, by name or id, to move the consumer from when it is not in O(realm) yet.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.realm_consumer_info
  - module: konnect.konnect.realm
  - module: konnect.konnect.realm_consumer_key
'''

EXAMPLES = r'''
- name: A consumer of the partners realm
  konnect.konnect.realm_consumer:
    realm: partners
    username: acme
    custom_id: crm-4711
    type: partner
    tags: [tier-gold]
    consumer_groups: [gold]

- name: Move it to the EU partners realm (keys go with it)
  konnect.konnect.realm_consumer:
    realm: partners-eu
    from_realm: partners
    username: acme

- name: Delete it
  konnect.konnect.realm_consumer:
    realm: partners-eu
    username: acme
    state: absent
'''

RETURN = r'''
realm_consumer:
  description: The consumer as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 7b0e3b2c-0b0a-4b8e-8f2e-6f1f7d1e2a3b
    username: acme
    custom_id: crm-4711
    type: partner
    tags: [tier-gold]
    consumer_groups: [gold]

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

TASK = EntityTask('realm_consumer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
