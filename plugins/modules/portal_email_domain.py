#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_domain
short_description: Manage the email domains Konnect developer portals may send from
version_added: 0.1.0
description:
  - Add and remove the email domains of the organization that developer portals may send their emails from. A portal
    sends from one of them once its email config names it (see M(konnect.konnect.portal_email_config)).
  - Email domains belong to the organization, not to one portal, in the region of O(konnect_region).
  - A new domain is verified by DNS. The task returns the records to publish in the domain's DNS zone
    (C(dns_validation_records)) and the state of the verification (C(verification.status)).
  - A domain is found by its name, compared without regard to case; there is nothing to update. The task fails before
    anything is sent when O(domain) is not a domain name.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  domain:
    description:
      - The domain, for example V(mail.example.com). Compared without regard to case.
      - Required unless O(id) is given.
    type: str
  id:
    description:
      - Konnect gives email domains no id of their own; a value given here is looked up as a domain, as O(domain) is.
    type: str
  state:
    description:
      - V(present) adds the domain.
      - V(absent) removes it; removing a domain that is not there reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - The email domains live under the path C(/v3/portals/email-domains) of the regional API of O(konnect_region).
seealso:
  - module: konnect.konnect.portal_email_domain_info
  - module: konnect.konnect.portal_email_config
'''

EXAMPLES = r'''
- name: Let portals send from mail.example.com
  konnect.konnect.portal_email_domain:
    domain: mail.example.com
  register: email_domain

- name: The DNS records to publish
  ansible.builtin.debug:
    msg: "{{ item.type }} {{ item.name }} {{ item.value }}"
  loop: "{{ email_domain.portal_email_domain.dns_validation_records }}"

- name: A portal sends from it
  konnect.konnect.portal_email_config:
    portal: developer-portal
    domain_name: mail.example.com
    from_email: developers@mail.example.com

- name: Remove a domain
  konnect.konnect.portal_email_domain:
    domain: old.example.com
    state: absent
'''

RETURN = r'''
portal_email_domain:
  description:
    - The email domain as Konnect returns it after the task (the predicted one in check mode); an empty dict after a removal.
  returned: always
  type: dict
  sample:
    domain: mail.example.com
    verification:
      status: pending
      last_time_checked: "2026-11-23T10:00:00Z"
      last_time_success: "0001-01-01T00:00:00Z"
    dns_validation_records:
      - type: TXT
        name: _konnect-verification.mail.example.com
        value: konnect-verification=0e5f0c1d2f3a4b5c
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
diff:
  description: Before and after of the domain, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_email_domain')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
