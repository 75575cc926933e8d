#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_template_info
short_description: List the customised emails of a Konnect developer portal
version_added: 0.1.0
description:
  - Read the email templates a developer portal has customised, all of them or one by name. Templates that are not
    listed are sent as Konnect's defaults.
  - Each template comes with Konnect's default texts (C(default_content)) and the variables it offers (C(variables)).
  - Always returns a list, also when looking up one template.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Return only this template (an empty list when the portal has not customised it), for example
        V(confirm-email-address).
      - Mutually exclusive with O(id) and O(filters).
    type: str
  id:
    description:
      - Konnect gives email templates no id of their own; a value given here is looked up as a template name, as O(name) is.
      - Mutually exclusive with O(name) and O(filters).
    type: str
  filters:
    description:
      - Conditions on the templates' fields, applied after listing (Konnect filters this list on no field).
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_email_template
'''

EXAMPLES = r'''
- name: The customised emails of a portal
  konnect.konnect.portal_email_template_info:
    portal: developer-portal
  register: templates

- name: The ones the portal does not send
  ansible.builtin.debug:
    msg: "{{ templates.portal_email_templates | rejectattr('enabled') | map(attribute='name') | list }}"

- name: One template
  konnect.konnect.portal_email_template_info:
    portal: developer-portal
    name: confirm-email-address
'''

RETURN = r'''
portal_email_templates:
  description: The customised templates, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - name: api-key-expiring-soon
      label: Warn the developer that an application's API key expires soon
      enabled: false
      content: null
      default_content: {subject: Your API key expires soon, title: API key expiring, body: "...", button_label: Manage keys}
      variables: [developer_fullname, application_name, credential_name, credential_expires_at]
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_email_template')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
