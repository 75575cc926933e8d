#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_email_domain_info
short_description: List the email domains Konnect developer portals may send from
version_added: 0.1.0
description:
  - Read the email domains of the organization in the region of O(konnect_region), one by name or all of them (with
    filters); every page is read.
  - Always returns a list, also when looking up one domain.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  domain:
    description:
      - Return only this domain (an empty list if there is none). Compared without regard to case.
      - Mutually exclusive with O(id) and O(filters).
    type: str
  id:
    description:
      - Konnect gives email domains no id of their own; a value given here is looked up as a domain, as O(domain) is.
      - Mutually exclusive with O(domain) and O(filters).
    type: str
  filters:
    description:
      - Conditions sent as Konnect's C(filter[<field>][<op>]=<value>) for C(domain) and C(verification_status) (the
        status of the DNS verification, for example V(pending) or V(success)), applied after listing for other fields.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.portal_email_domain
'''

EXAMPLES = r'''
- name: All email domains
  konnect.konnect.portal_email_domain_info:
  register: email_domains

- name: One domain and the DNS records it needs
  konnect.konnect.portal_email_domain_info:
    domain: mail.example.com

- name: Domains whose verification has not succeeded yet
  konnect.konnect.portal_email_domain_info:
    filters:
      verification_status: {neq: success}
'''

RETURN = r'''
portal_email_domains:
  description: The email domains found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - domain: mail.example.com
      verification: {status: success, last_time_checked: "2026-11-23T10:00:00Z", last_time_success: "2026-11-23T10:00:00Z"}
      dns_validation_records: []
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('portal_email_domain')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
