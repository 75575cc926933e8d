#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: cloud_gateway_custom_domain
short_description: Manage custom domains of Konnect dedicated cloud gateways
version_added: 0.1.0
description:
  - "Register or remove a custom domain (bring your own host name) for a control plane's cloud gateways; Konnect provisions its TLS
    certificate."
  - "A custom domain is found by O(id) or by its O(domain). It cannot be changed once created (O(recreate) replaces it)."
  - "The result also carries C(online_status): whether Konnect sees the CNAME record and the certificate online."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  domain:
    description:
      - The host name, for example C(api.example.com). Required unless O(id) is given.
    type: str
  control_plane:
    description:
      - The control plane the domain serves, by name or id, in O(control_plane_geo). Needed to create it.
    type: str
  control_plane_geo:
    description:
      - The geo (Konnect region) of the control plane. Defaults to O(konnect_region).
    type: str
    choices: [us, eu, au, me, in, sg]
  kind:
    description:
      - The kind of cloud gateway the domain is for. Konnect's default is C(dedicated.v0).
    type: str
    choices: [dedicated.v0, serverless.v1]
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.entity.recreate
  - konnect.konnect.cloud_gateways
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.cloud_gateway_custom_domain_info
  - module: konnect.konnect.cloud_gateway_configuration
'''

EXAMPLES = r'''
- name: A custom domain, waited for until its certificate is ready
  konnect.konnect.cloud_gateway_custom_domain:
    domain: api.example.com
    control_plane: payments
    control_plane_geo: eu
    wait: true
  register: domain

- name: Is the CNAME seen?
  ansible.builtin.debug:
    msg: "{{ domain.online_status.cname }}"

- name: Remove it
  konnect.konnect.cloud_gateway_custom_domain:
    domain: api.example.com
    state: absent
'''

RETURN = r'''
cloud_gateway_custom_domain:
  description: The custom domain as Konnect returns it; empty when absent.
  returned: always
  type: dict
  sample:
    id: 14144361-5a17-4a19-af6f-057f3c2e8d2c
    domain: api.example.com
    control_plane_geo: eu
    state: ready
action:
  description: What the task did.
  returned: always
  type: str
  sample: created
waited:
  description: Whether the task waited for the resource to be ready (O(wait=true) and the resource present).
  returned: when it waited
  type: bool
  sample: true
online_status:
  description: Whether Konnect sees the domain's CNAME and certificate online (C(verified) or C(unverified)).
  returned: when the domain exists and the task is not in check mode
  type: dict
  sample: {cname: verified, ssl: verified}
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('cloud_gateway_custom_domain')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
