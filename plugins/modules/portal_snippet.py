#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_snippet
short_description: Manage the snippets of a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update and delete snippets, reusable pieces of Markdown that the pages of a developer portal include.
  - A snippet is found by O(id) or by its O(name), unique in the portal.
  - Only the fields the task sets are compared and updated. Konnect lists snippets without their content, so a task reads
    the snippet it found once more (two requests when nothing changes, one when O(id) and the portal's id are given).
  - Konnect takes C(title) and C(description) from the front matter of O(content) when it has them; a task that sets a
    different O(title) or O(description) fails, since that value would never stick.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The snippet's name, unique in the portal. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  content:
    description:
      - The snippet's Markdown. Required to create a snippet.
    type: str
  title:
    description:
      - The snippet's title. Konnect uses the name when a new snippet has none.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal.content
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_snippet_info
  - module: konnect.konnect.portal_page
'''

EXAMPLES = r'''
- name: A support notice the guides include
  konnect.konnect.portal_snippet:
    portal: partners
    name: support-notice
    title: Support
    description: Where to get help
    content: "Questions? Write to api-support@example.com."
    visibility: public
    status: published

- name: Rename it by id
  konnect.konnect.portal_snippet:
    portal: partners
    id: 59601748-a798-4821-9994-d21566924e61
    name: help-notice

- name: Delete it
  konnect.konnect.portal_snippet:
    portal: partners
    name: help-notice
    state: absent
'''

RETURN = r'''
portal_snippet:
  description:
    - The snippet as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create);
      an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 59601748-a798-4821-9994-d21566924e61
    name: support-notice
    title: Support
    content: "Questions? Write to api-support@example.com."
    visibility: public
    status: published
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_snippet')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
