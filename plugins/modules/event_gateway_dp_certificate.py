#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_dp_certificate
short_description: Manage the data-plane certificates of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete the certificates an event gateway's data-plane nodes authenticate with.
  - A certificate is found by O(id) or by its O(name) in the event gateway (Konnect does not require a name; this module does, to find it again).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The certificate's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the certificate (up to 512 characters).
    type: str
  certificate:
    description:
      - The PEM certificate. Required to create one.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_dp_certificate_info
'''

EXAMPLES = r'''
- name: The certificate of the orders data planes
  konnect.konnect.event_gateway_dp_certificate:
    event_gateway: orders
    name: orders-dp
    description: Issued by the platform CA
    certificate: "{{ lookup('file', 'orders-dp.crt') }}"

- name: Delete it
  konnect.konnect.event_gateway_dp_certificate:
    event_gateway: orders
    name: orders-dp
    state: absent
'''

RETURN = r'''
event_gateway_dp_certificate:
  description:
  - The data-plane certificate as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create);
    an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: c2b1c8e6-3e4f-4f26-9d7b-1d1bba1f1f2c
    name: orders-dp
    certificate: '-----BEGIN CERTIFICATE-----...'
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_dp_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
