#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_acl
short_description: Manage the ACL groups of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Put a Kong gateway consumer into an ACL group, or take it out, in a Konnect control plane. The C(acl) plugin allows or
    denies an authenticated consumer by the groups it is in.
  - An ACL entry is found by O(id), or by its O(group) among the consumer's ACL entries. A consumer is in each group at most once.
  - ACL groups are names only; there is no group entity to create first.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  group:
    description:
      - The name of the group, as the C(acl) plugin's allow and deny lists name it.
      - Required unless O(id) is given; with O(id), a different name moves the entry to that group.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.consumer
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.credentials
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_acl_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Put a consumer into the groups that the acl plugin allows
  konnect.konnect.gateway_acl:
    control_plane: prod-eu
    konnect_region: eu
    consumer: partner-acme
    group: "{{ item }}"
    tags: [partner]
  loop: [orders-read, invoices-read]

- name: Move an entry found by id to another group, with the control plane and consumer given by id
  konnect.konnect.gateway_acl:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    id: b1f34145-0343-41a4-9602-4c69dec2f269
    group: orders-write

- name: Keep exactly these tags on the entry
  konnect.konnect.gateway_acl:
    control_plane: prod-eu
    consumer: partner-acme
    group: orders-read
    tags: [partner, reviewed-2026]
    purge_tags: true

- name: Take the consumer out of a group
  konnect.konnect.gateway_acl:
    control_plane: prod-eu
    consumer: partner-acme
    group: invoices-read
    state: absent
'''

RETURN = r'''
gateway_acl:
  description:
    - The ACL entry as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an
      empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: b1f34145-0343-41a4-9602-4c69dec2f269
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    group: orders-read
    tags: [partner]
    created_at: 1763892000
diff:
  description: Before and after of the group, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_acl')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
