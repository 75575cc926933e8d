#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_snippet_info
short_description: List the snippets of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the snippets of a developer portal, by id, by name, or with filters; every page is read.
  - Listed snippets carry no C(content) (Konnect lists them without it); a snippet read by O(id) does.
  - Always returns a list, also when looking up one snippet.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the snippet with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_snippet
'''

EXAMPLES = r'''
- name: Every snippet of the portal
  konnect.konnect.portal_snippet_info:
    portal: partners
  register: snippets

- name: A snippet by name
  konnect.konnect.portal_snippet_info:
    portal: partners
    name: support-notice

- name: Public snippets whose name contains "guides"
  konnect.konnect.portal_snippet_info:
    portal: partners
    filters:
      name: {contains: guides}
      visibility: public

- name: One snippet with its content
  konnect.konnect.portal_snippet_info:
    portal: partners
    id: 59601748-a798-4821-9994-d21566924e61
'''

RETURN = r'''
portal_snippets:
  description: The snippets found.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 59601748-a798-4821-9994-d21566924e61
      name: support-notice
      title: Support
      visibility: public
      status: published
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_snippet')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
