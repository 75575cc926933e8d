#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_publication
short_description: Publish a Konnect API to a developer portal
version_added: 0.1.0
description:
  - Publish an API of the Konnect API catalog to a developer portal, with its visibility, the application auth
    strategy developers' applications use, and whether their registrations are approved automatically.
  - A publication is found by the API and the portal (it has no id of its own). Konnect writes it whole (C(PUT)),
    so the task sends every setting, those it does not set as they are now.
  - A portal or strategy that does not exist fails the task before anything is written; so does more than one strategy.
  - O(state=absent) unpublishes it.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  api:
    description:
      - The API, by id or by name. Giving the id saves a lookup, so a task that changes nothing makes a single
        request when the portal is given by id too.
      - Required. (The option is optional only in M(konnect.konnect.api_publication_info).)
      - When several APIs share the name (with different versions), set O(api_version) to pick one.
    type: str
  api_version:
    description:
      - The version of the API that O(api) names, to pick one of several with the same name. Ignored
        when O(api) is an id.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.publication
  - konnect.konnect.attributes
notes:
  - Portals, APIs and application auth strategies live in one Konnect region; set O(konnect_region) (or
    E(KONNECT_REGION)) to their region.
seealso:
  - module: konnect.konnect.api_publication_info
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: Publish the Orders API publicly, with key authentication
  konnect.konnect.api_publication:
    api: Orders
    api_version: v1
    portal: developers
    visibility: public
    auth_strategies: [key-auth]
    auto_approve_registrations: true

- name: No application authentication at all
  konnect.konnect.api_publication:
    api: Orders
    api_version: v1
    portal: developers
    auth_strategies: []

- name: The portal's default strategy (on creation; left as it is later)
  konnect.konnect.api_publication:
    api: Orders
    api_version: v1
    portal: developers

- name: Unpublish it
  konnect.konnect.api_publication:
    api: Orders
    api_version: v1
    portal: developers
    state: absent
'''

RETURN = r'''
api_publication:
  description:
    - The publication as Konnect returns it after the task, with C(api_id) and C(portal_id); the predicted one in
      check mode. An empty dict after it was unpublished.
  returned: always
  type: dict
  sample:
    api_id: 9f5061ce-78f6-4452-9108-ad7c02821fd5
    portal_id: 25a2624c-49fc-4764-99e1-224ed819f200
    visibility: public
    auth_strategy_ids: [5f9fd312-a987-4628-b4c5-bb4f4fddd5f7]
    auto_approve_registrations: true
    warnings: []
    created_at: "2026-11-23T10:00:00.000Z"
    updated_at: "2026-11-23T10:00:00.000Z"
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the settings the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_publication')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
