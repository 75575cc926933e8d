#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_package_document_info
short_description: List documents of a Konnect API package
version_added: 0.1.0
description:
  - Read the documents of an API package of the Konnect API catalog, by id, by slug, or with filters.
  - The list is Konnect's document tree flattened, parents before their children, each a summary without C(content) (its
    place is in C(parent_document_id)); a document found by O(id) or O(slug) is read in full.
  - Always returns a list.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis.package
  - konnect.konnect.apis.document_info
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.api_package_document
'''

EXAMPLES = r'''
- name: The documents, parents first
  konnect.konnect.api_package_document_info:
    api_package: Orders
    api_package_version: v1
  register: documents

- name: The published ones
  konnect.konnect.api_package_document_info:
    api_package: Orders
    api_package_version: v1
    filters:
      status: published

- name: One document with its content
  konnect.konnect.api_package_document_info:
    api_package: Orders
    api_package_version: v1
    slug: getting-started
'''

RETURN = r'''
api_package_documents:
  description: The documents found.
  returned: always
  type: list
  elements: dict
  sample:
    - id: de5c9818-be5c-42e6-b514-e3d4bc30ddeb
      slug: getting-started
      title: Getting started
      status: published
      parent_document_id: null
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('api_package_document')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
