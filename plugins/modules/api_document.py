#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: api_document
short_description: Manage documents of a Konnect API
version_added: 0.1.0
description:
  - Create, update and delete the documents (markdown pages) of an API of the Konnect API catalog, shown with it in
    developer portals.
  - A document is found by O(id) or by its O(slug), which is unique among the API's documents, wherever it sits in
    the document tree; an existing document is therefore never created again, and moving it is an update.
  - A slug that another document already has, or a parent that does not exist or sits below the document itself, fails
    the task before anything is written.
  - Only the fields the task sets are compared and updated.
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.apis
  - konnect.konnect.apis.document
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.api_document_info
  - module: konnect.konnect.api
'''

EXAMPLES = r'''
- name: A getting-started page
  konnect.konnect.api_document:
    api: Orders
    api_version: v1
    slug: getting-started
    title: Getting started
    status: published
    content: "{{ lookup('file', 'docs/getting-started.md') }}"

- name: A page under it
  konnect.konnect.api_document:
    api: Orders
    api_version: v1
    slug: authentication
    title: Authentication
    parent_document: getting-started
    status: published
    content: |
      # Authentication
      Send your key in the `apikey` header.

- name: Move it to the top level
  konnect.konnect.api_document:
    api: Orders
    api_version: v1
    slug: authentication
    parent_document: ""

- name: Unpublish a page
  konnect.konnect.api_document:
    api: Orders
    api_version: v1
    slug: authentication
    status: unpublished

- name: Delete a page
  konnect.konnect.api_document:
    api: Orders
    api_version: v1
    slug: authentication
    state: absent
'''

RETURN = r'''
api_document:
  description:
    - The document as Konnect returns it after the task (the predicted one in check mode), an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: de5c9818-be5c-42e6-b514-e3d4bc30ddeb
    slug: getting-started
    title: Getting started
    status: published
    parent_document_id: null
    content: "# Getting started"
    created_at: "2026-11-23T10:00:00.000Z"
    updated_at: "2026-11-23T10:00:00.000Z"
action:
  description: What the task did, one of V(created), V(updated), V(deleted) or V(unchanged).
  returned: always
  type: str
  sample: created
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('api_document')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
