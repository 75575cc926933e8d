#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_ca_certificate
short_description: Manage trusted CA certificates of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway CA certificates in a Konnect control plane. Kong trusts them to verify the
    certificates of upstream services (see O(konnect.konnect.gateway_service#module:ca_certificates)) and of clients
    (for example with the mTLS authentication plugin).
  - A CA certificate has no name. It is found by O(id) or by its O(cert) text, compared without surrounding white space,
    among all CA certificates of the control plane (Konnect cannot filter on it, so every page is read).
  - Creating, changing or deleting a CA certificate in a control plane group or in a control plane managed by the Kong
    Ingress Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  cert:
    description:
      - The PEM-encoded certificate of the CA; it must be a CA certificate. Required unless O(id) is given.
      - With O(id), a different value replaces the certificate while the id (which services refer to) stays.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_ca_certificate_info
  - module: konnect.konnect.gateway_certificate
  - module: konnect.konnect.gateway_service
  - module: konnect.konnect.gateway_mtls_auth
'''

EXAMPLES = r'''
- name: Trust the internal CA
  konnect.konnect.gateway_ca_certificate:
    control_plane: prod-eu
    konnect_region: eu
    cert: "{{ lookup('ansible.builtin.file', 'pki/internal-root-ca.pem') }}"
    tags: [internal-pki]
  register: internal_ca

- name: Verify a service's certificate against it
  konnect.konnect.gateway_service:
    control_plane: prod-eu
    name: orders
    tls_verify: true
    ca_certificates:
      - "{{ internal_ca.gateway_ca_certificate.id }}"

- name: Replace the CA certificate but keep its id
  konnect.konnect.gateway_ca_certificate:
    control_plane: prod-eu
    id: "{{ internal_ca.gateway_ca_certificate.id }}"
    cert: "{{ lookup('ansible.builtin.file', 'pki/internal-root-ca-2027.pem') }}"

- name: Keep exactly these tags
  konnect.konnect.gateway_ca_certificate:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'pki/internal-root-ca-2027.pem') }}"
    tags: [internal-pki, root]
    purge_tags: true

- name: Stop trusting a CA, with the control plane by id
  konnect.konnect.gateway_ca_certificate:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    cert: "{{ lookup('ansible.builtin.file', 'pki/old-partner-ca.pem') }}"
    state: absent
'''

RETURN = r'''
gateway_ca_certificate:
  description:
    - The CA certificate as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3c31f18a-f27a-4f9b-8cd4-bf841554612f
    cert: |-
      -----BEGIN CERTIFICATE-----
      MIIDazCCAlOgAwIBAgIUV0nR...
      -----END CERTIFICATE-----
    cert_digest: 9b8aaf19a276885f6c8a6bc48a30700fdb3a351d8b05374d153bfb7b178e2a9f
    tags: [internal-pki]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the certificate, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_ca_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
