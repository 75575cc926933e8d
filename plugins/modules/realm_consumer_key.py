#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: realm_consumer_key
short_description: Mint and delete API keys of consumers of a Konnect realm
version_added: 0.1.0
description:
  - Make sure a consumer of a realm has an API key, replace it, or delete it.
  - Konnect's keys have no name; a key is found by O(id) or by its O(tags), compared as a set. Give each key of a consumer
    its own tags.
  - When a key is minted, its secret is returned once, as RV(secret). Konnect never shows it again. A plain re-run finds
    the key and mints nothing.
  - Keys cannot be changed. O(rotate=true) mints a new key with the same tags first and deletes the old one after.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  realm:
    description:
      - The realm, by name or id. Giving the id saves a lookup.
    type: str
    required: true
  consumer:
    description:
      - The consumer, by username or id.
    type: str
    required: true
  tags:
    description:
      - The key's tags, which identify it among the consumer's keys (order does not matter). Required unless O(id) is given.
    type: list
    elements: str
  type:
    description:
      - V(new) (Konnect generates the secret) or V(legacy) (the task gives it in O(secret)). Konnect's default is V(new).
      - It cannot change once the key exists; the task fails if it asks for another type.
    type: str
    choices: [new, legacy]
  secret:
    description:
      - The secret of a V(legacy) key, unique within the realm. Write-only; only a legacy key takes it.
    type: str
  update_secrets:
    description:
      - O(secret) is write-only, so it is sent only when the key is minted (V(on_create)). Keys cannot be changed, so
        V(always) fails for a key that exists; use O(rotate) to replace a key.
    type: str
    choices: [on_create, always]
    default: on_create
  rotate:
    description:
      - Replace the key on this run. A new key with the same tags is minted first and returned as RV(secret); the old key
        is deleted only once the new one exists. Always reports a change.
    type: bool
    default: false
  rotate_before_days:
    description:
      - Realm keys do not expire, so this never replaces a key; it is accepted for symmetry with the other token modules.
    type: int
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.attributes
notes:
  - The result of a task that minted a key is marked as C(no_log), so Ansible does not print it (nor send it to callbacks
    and logs), while the registered variable keeps it. Give C(no_log=true) to every task that uses the secret as well.
seealso:
  - module: konnect.konnect.realm_consumer_key_info
  - module: konnect.konnect.realm_consumer
'''

EXAMPLES = r'''
- name: An API key for the CI of partner acme (only the first run returns the secret)
  konnect.konnect.realm_consumer_key:
    realm: partners
    consumer: acme
    tags: [ci]
  register: acme_key

- name: Keep the new secret in the vault
  ansible.builtin.copy:
    content: "{{ acme_key.secret }}"
    dest: /etc/partners/acme.key
    mode: '0600'
  no_log: true
  when: acme_key.secret is defined

- name: A legacy key carrying the secret the partner already uses
  konnect.konnect.realm_consumer_key:
    realm: partners
    consumer: acme
    tags: [migrated]
    type: legacy
    secret: "{{ acme_legacy_secret }}"

- name: Rotate the CI key
  konnect.konnect.realm_consumer_key:
    realm: partners
    consumer: acme
    tags: [ci]
    rotate: true

- name: Delete it
  konnect.konnect.realm_consumer_key:
    realm: partners
    consumer: acme
    tags: [ci]
    state: absent
'''

RETURN = r'''
realm_consumer_key:
  description: The key as Konnect returns it after the task, without its secret; an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3f1c2b1a-9f8e-4d7c-8b6a-5e4d3c2b1a09
    type: new
    tags: [ci]
    created_at: "2026-03-20T09:29:14.52Z"
secret:
  description:
    - The secret of the key minted by this run. Konnect shows it only once; the whole result is hidden from Ansible's
      output and logs, but the registered variable keeps it.
  returned: when a key was minted (created or rotated)
  type: str
  sample: kcs_Vb3nW2m0cX1kq9yZp4sT7uH8jL5dF6gA

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

TASK = EntityTask('realm_consumer_key')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
