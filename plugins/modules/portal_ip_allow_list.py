#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_ip_allow_list
short_description: Restrict which IP addresses can reach a Konnect developer portal
version_added: 0.1.0
description:
  - Create, update and delete the IP allow list of a developer portal. Only the addresses and CIDR blocks on it can reach
    the portal (its UI and the portal API), once the portal's C(sipr_enabled) is true. Konnect's own settings of the portal
    are not restricted.
  - Konnect keeps the list whatever C(sipr_enabled) says, and enforces it only while C(sipr_enabled) is true. Write the list
    first, then set C(sipr_enabled=true) with M(konnect.konnect.portal); the task warns when it writes a list that the
    portal does not enforce yet.
  - An allow list has no name. Without O(id) the task manages the one allow list the portal has, and fails if the portal
    has several (Konnect allows several, of up to 25 entries each); give O(id) to manage one of them.
  - O(allowed_ips) is compared as a set and replaces the addresses the list holds.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  id:
    description:
      - The id of an existing allow list of the portal, to manage that one when the portal has several.
      - With O(state=present) it must exist; leave it out to create the portal's first allow list.
    type: str
  allowed_ips:
    description:
      - The IPv4 and IPv6 addresses and CIDR blocks that may reach the portal, 1 to 25 of them, each once, for example
        V(192.0.2.10) or V(198.51.100.0/24).
      - Checked before anything is sent; a value that is neither an address nor a CIDR block fails the task.
      - Include the addresses you reach the portal from yourself, or you lose access to it once it is enforced.
      - Required with O(state=present).
    type: list
    elements: str
  state:
    description:
      - V(present) creates the allow list or sets its addresses.
      - V(absent) deletes it; deleting an allow list that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal_settings
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal_ip_allow_list_info
  - module: konnect.konnect.portal
  - name: Dev Portal security settings
    description: How Konnect applies a portal's IP allow list.
    link: https://developer.konghq.com/dev-portal/security-settings/
'''

EXAMPLES = r'''
- name: Allow the office and the VPN
  konnect.konnect.portal_ip_allow_list:
    portal: developer-portal
    allowed_ips:
      - 192.0.2.10
      - 198.51.100.0/24
      - 2001:db8::/32

- name: Then enforce it
  konnect.konnect.portal:
    name: developer-portal
    sipr_enabled: true

- name: Manage one of several allow lists of a portal given by id (one request when nothing changes)
  konnect.konnect.portal_ip_allow_list:
    portal: 0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e
    id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    allowed_ips: [203.0.113.0/24]

- name: Stop enforcing, then delete the allow list
  konnect.konnect.portal:
    name: developer-portal
    sipr_enabled: false

- name: Delete it
  konnect.konnect.portal_ip_allow_list:
    portal: developer-portal
    state: absent
'''

RETURN = r'''
portal_ip_allow_list:
  description:
    - The allow list as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 5f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    allowed_ips: [192.0.2.10, 198.51.100.0/24]
diff:
  description: Before and after of the addresses, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_ip_allow_list')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
