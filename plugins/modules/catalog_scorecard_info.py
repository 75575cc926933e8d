#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_scorecard_info
short_description: List scorecards of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Read the scorecards of a Konnect region, by id, by name, or with filters; every page is read.
  - Always returns a list, also when looking up one.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only the scorecards with this name (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.catalog_scorecard
'''

EXAMPLES = r'''
- name: All scorecards
  konnect.konnect.catalog_scorecard_info:

- name: One by name
  konnect.konnect.catalog_scorecard_info:
    name: Documentation
'''

RETURN = r'''
catalog_scorecards:
  description: The scorecards found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: f3704e4c-104d-4f21-998a-20d4364c893f
      name: Documentation
      entity_selector: {selector: all, selector_parameters: null}
      score: null
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('catalog_scorecard')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
