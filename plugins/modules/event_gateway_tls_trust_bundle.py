#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: event_gateway_tls_trust_bundle
short_description: Manage the TLS trust bundles of a Konnect event gateway
version_added: 0.1.0
description:
  - Create, update and delete TLS trust bundles, the CA certificates TLS listener policies verify client certificates with.
  - A trust bundle is found by O(id) or by its O(name) in the event gateway.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The trust bundle's name in the event gateway. Required unless O(id) is given; with O(id), a different name renames it.
    type: str
  description:
    description:
      - A description of the trust bundle (up to 512 characters).
    type: str
  config:
    description:
      - The bundle. Required to create one.
    type: dict
    suboptions:
      trusted_ca:
        description:
          - The trusted CA certificates, PEM.
        type: str
        required: true
  labels:
    description:
      - Labels (string keys and values) of the trust bundle; merged into the existing ones unless O(purge_labels=true).
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.event_gateway
  - konnect.konnect.entity
  - konnect.konnect.entity.labels
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.event_gateway_tls_trust_bundle_info
'''

EXAMPLES = r'''
- name: The CA of the partners' client certificates
  konnect.konnect.event_gateway_tls_trust_bundle:
    event_gateway: orders
    name: partners-ca
    description: Partner CA
    config:
      trusted_ca: "{{ lookup('file', 'partners-ca.pem') }}"
    labels:
      team: orders

- name: Delete it
  konnect.konnect.event_gateway_tls_trust_bundle:
    event_gateway: orders
    name: partners-ca
    state: absent
'''

RETURN = r'''
event_gateway_tls_trust_bundle:
  description:
  - The TLS trust bundle as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on create); an empty
    dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 8d2c4b6a-1f3e-4a5b-9c7d-2e4f6a8b0c1d
    name: partners-ca
    config:
      trusted_ca: '-----BEGIN CERTIFICATE-----...'
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('event_gateway_tls_trust_bundle')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
