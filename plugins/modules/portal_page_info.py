#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_page_info
short_description: List the pages of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the pages of a developer portal, by id, by slug, or with filters.
  - Konnect answers the page tree in one request; it is returned as a list, parents before their children, each page with
    its full C(path) (for example C(/guides/start)) and its C(parent_page_id). Listed pages carry no C(content); a page read
    by O(id) does (and has no C(path)).
  - Always returns a list, also when looking up one page.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  slug:
    description:
      - Return the pages with this slug, under any parent (with or without the leading C(/)). To find one page by its place,
        filter on C(path).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_page
'''

EXAMPLES = r'''
- name: Every page of the portal
  konnect.konnect.portal_page_info:
    portal: partners
  register: pages

- name: Their paths
  ansible.builtin.debug:
    msg: "{{ pages.portal_pages | map(attribute='path') | list }}"

- name: The page at /guides/start
  konnect.konnect.portal_page_info:
    portal: partners
    filters:
      path: /guides/start

- name: Published pages
  konnect.konnect.portal_page_info:
    portal: partners
    filters:
      status: published

- name: One page with its content
  konnect.konnect.portal_page_info:
    portal: partners
    id: 437c7192-fea0-4f35-8478-c8d57783f8c1

- name: Pages with slug "start", wherever they are
  konnect.konnect.portal_page_info:
    portal: partners
    slug: start
'''

RETURN = r'''
portal_pages:
  description: The pages found.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 8f9fd312-a987-4628-b4c5-bb4f4fddd5f7
      slug: guides
      path: /guides
      title: Guides
      visibility: public
      status: published
      parent_page_id: null
    - id: 437c7192-fea0-4f35-8478-c8d57783f8c1
      slug: start
      path: /guides/start
      title: Getting started
      visibility: private
      status: published
      parent_page_id: 8f9fd312-a987-4628-b4c5-bb4f4fddd5f7
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_page')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
