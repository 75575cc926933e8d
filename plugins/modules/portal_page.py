#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_page
short_description: Manage the pages of a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update, move and delete the custom pages of a developer portal. Pages form a tree; a page's address is its
    parent's path and its own slug, for example C(/guides/start) for slug C(start) under C(/guides).
  - A page is found by O(id), or by its O(slug) under its O(parent_page) (at the top level when O(parent_page) is not
    given). A slug with or without its leading C(/) is the same slug.
  - To rename or move a page, give its O(id) with the new O(slug) or O(parent_page). A page cannot take a place another
    page has, nor move below itself; such a task fails before anything is written.
  - Only the fields the task sets are compared and updated. Konnect lists pages without their content, so a task reads
    the page it found once more (two requests when nothing changes, one when O(id) and the portal's id are given).
  - Konnect takes C(title) and C(description) from the front matter of O(content) when it has them; a task that sets a
    different O(title) or O(description) fails, since that value would never stick.
  - The portal's home page is the published top-level page with slug C(/); O(konnect.konnect.portal#module:default_content)
    creates one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  slug:
    description:
      - The page's own path segment, for example V(start) or V(/start); V(/) is the home page, at the top level only.
      - One segment; the page's parent is given with O(parent_page).
      - Required unless O(id) is given; with O(id), a different slug renames the page.
    type: str
  parent_page:
    description:
      - The page this page sits under, by its full path (V(/guides), V(/guides/advanced)) or its id.
      - An empty string means the top level (moves a page found by O(id) there). Not given means the top level when the page
        is looked up or created, and no change for a page found by O(id).
    type: str
  content:
    description:
      - The page's Markdown. Required to create a page.
      - Front matter (C(title:), C(description:) between C(---) lines at the start) sets the title and description.
    type: str
  title:
    description:
      - The page's title. Konnect uses the slug when a new page has none.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal.content
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_page_info
  - module: konnect.konnect.portal_snippet
  - module: konnect.konnect.portal
'''

EXAMPLES = r'''
- name: The home page
  konnect.konnect.portal_page:
    portal: partners
    slug: /
    title: Welcome
    content: "{{ lookup('ansible.builtin.file', 'pages/home.md') }}"
    visibility: public
    status: published

- name: A section
  konnect.konnect.portal_page:
    portal: partners
    slug: guides
    title: Guides
    description: How to use our APIs
    content: "# Guides"
    status: published

- name: A page in it, at /guides/start
  konnect.konnect.portal_page:
    portal: partners
    parent_page: /guides
    slug: start
    content: |
      ---
      title: Getting started
      ---
      Sign up, create an application, register it for an API.
    visibility: private
    status: published
  register: start

- name: Move it to the top level (/start), by id
  konnect.konnect.portal_page:
    portal: partners
    id: "{{ start.portal_page.id }}"
    parent_page: ""

- name: Unpublish it
  konnect.konnect.portal_page:
    portal: partners
    slug: start
    status: unpublished

- name: Delete /guides/start
  konnect.konnect.portal_page:
    portal: partners
    parent_page: /guides
    slug: start
    state: absent
'''

RETURN = r'''
portal_page:
  description:
    - The page as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an
      empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 437c7192-fea0-4f35-8478-c8d57783f8c1
    slug: start
    title: Getting started
    content: "Sign up, create an application, register it for an API."
    visibility: private
    status: published
    parent_page_id: 8f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the slug, the parent page, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_page')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
