#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: catalog_scorecard
short_description: Manage scorecards of the Konnect Service Catalog
version_added: 0.1.0
description:
  - Create, update and delete the scorecards that grade catalog services against criteria.
  - A scorecard is found by O(id) or by its O(name).
  - Its criteria are compared with those Konnect holds, in order; when they differ, the scorecard is written with the
    criteria the task gives, which replace the others.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The scorecard's name. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - Free-text description.
    type: str
  entity_selector:
    description:
      - Which services the scorecard grades, as Konnect takes it.
      - Required to create a scorecard.
    type: dict
    suboptions:
      selector:
        description: How services are selected.
        type: str
        required: true
        choices: [all, ids, name, display_name, custom_field, label, has_label_key, has_docs, api_count, resource_count]
      selector_parameters:
        description:
          - The selector's parameters as Konnect takes them for that selector, null for C(all); for C(label) a dict with
            C(label_key), C(operator) and C(value).
        type: raw
  criteria:
    description:
      - The criteria, in order. Required to create a scorecard (at least one).
    type: list
    elements: dict
    suboptions:
      name:
        description: A display name for the criterion in this scorecard.
        type: str
      enabled:
        description: Whether the criterion counts.
        type: bool
        required: true
      template_name:
        description: The criteria template it uses (see C(GET /v1/criteria-templates)), for example C(has_docs).
        type: str
        required: true
      template_parameters:
        description: The template's parameters, for example C(measure) and C(threshold).
        type: dict
      section_name:
        description: The section of the scorecard the criterion is shown in.
        type: str
  scorecard_template:
    description:
      - The scorecard template the scorecard was made from, if any.
    type: str
    choices: [kong_best_practices, service_documentation, service_maturity, security_and_compliance]
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.catalog_scorecard_info
'''

EXAMPLES = r'''
- name: Every service must have docs
  konnect.konnect.catalog_scorecard:
    name: Documentation
    description: Services are documented
    entity_selector:
      selector: all
      selector_parameters: null
    criteria:
      - template_name: has_docs
        enabled: true
        section_name: Docs

- name: Delete it
  konnect.konnect.catalog_scorecard:
    name: Documentation
    state: absent
'''

RETURN = r'''
catalog_scorecard:
  description:
    - The scorecard as Konnect returns it after the task, with its C(criteria) (the predicted one in check mode); an empty
      dict after a deletion.
  returned: always
  type: dict
  sample:
    id: f3704e4c-104d-4f21-998a-20d4364c893f
    name: Documentation
    description: Services are documented
    entity_selector: {selector: all, selector_parameters: null}
    scorecard_template: null
    criteria:
      - {enabled: true, template_name: has_docs, template_parameters: null, section_name: Docs}
diff:
  description: Before and after of the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('catalog_scorecard')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
