#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_template
short_description: Customise the emails a Konnect developer portal sends
version_added: 0.1.0
description:
  - Customise one of the emails a developer portal sends to developers (confirming an address, approving an
    application, an expiring API key, ...), or return it to Konnect's default.
  - A portal sends Konnect's default of every template until it is customised. The first task that gives O(content) or
    O(enabled) customises the template; O(state=absent) returns it to the default.
  - Only the parts of O(content) the task gives are compared and sent; the others keep what the portal has (the
    default, until customised).
  - The texts may use the template's variables, written C({{ variable }}) (for example C({{ developer_fullname }})).
    Each template lists the ones it offers as C(variables) in its result. Quote such texts in YAML and keep Ansible from
    templating them, for example with C(!unsafe).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - Which email. Required unless O(id) is given.
    type: str
    choices:
      - confirm-email-address
      - app-registration-approved
      - app-registration-rejected
      - app-registration-revoked
      - reset-password
      - account-access-approved
      - account-access-rejected
      - account-access-revoked
      - api-key-expiring-soon
      - api-key-expired
      - developer-invitation
  id:
    description:
      - Konnect gives email templates no id of their own; a value given here is looked up as a template name, as O(name) is.
    type: str
  content:
    description:
      - The texts of the email. Parts the task leaves out are not compared and keep what the portal has.
    type: dict
    suboptions:
      subject:
        description:
          - The subject line, at most 1024 characters.
        type: str
      title:
        description:
          - The heading in the email, at most 1024 characters.
        type: str
      body:
        description:
          - The text of the email, at most 4096 characters.
        type: str
      button_label:
        description:
          - The label of the email's button (for example the confirmation link), at most 128 characters.
        type: str
  enabled:
    description:
      - Whether the portal sends this email at all. Konnect's default is V(true).
    type: bool
  state:
    description:
      - V(present) customises the template with what the task gives.
      - V(absent) returns it to Konnect's default; a template that is not customised reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_email_template_info
  - module: konnect.konnect.portal_email_config
'''

EXAMPLES = r'''
- name: Our own words for the approval of an application registration
  konnect.konnect.portal_email_template:
    portal: developer-portal
    name: app-registration-approved
    content:
      subject: !unsafe "{{ application_name }} may now call {{ api_name }}"
      body: !unsafe "Hello {{ developer_fullname }},\n\nyour application {{ application_name }} is approved for {{ api_name }}."
      button_label: Open the portal

- name: Do not send the expiring-key warning (portal given by id - one request when nothing changes)
  konnect.konnect.portal_email_template:
    portal: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    name: api-key-expiring-soon
    enabled: false

- name: Back to Konnect's default text
  konnect.konnect.portal_email_template:
    portal: developer-portal
    name: app-registration-approved
    state: absent
'''

RETURN = r'''
portal_email_template:
  description:
    - The customised template as Konnect returns it after the task (the predicted one in check mode), with the default
      texts (C(default_content)) and the variables it offers; an empty dict once it is back to the default.
  returned: always
  type: dict
  sample:
    name: app-registration-approved
    label: Inform the developer their app registration has been approved
    enabled: true
    content:
      subject: "{{ application_name }} may now call {{ api_name }}"
      button_label: Open the portal
    default_content:
      subject: Your registration has been approved
      title: Approved registration
      body: "Hello {{ developer_fullname }}, ..."
      button_label: ""
    variables: [developer_fullname, application_name, api_name]
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the parts the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_email_template')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
