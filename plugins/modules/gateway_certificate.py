#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_certificate
short_description: Manage TLS certificates of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway certificates (a certificate with its private key) in a Konnect control plane.
    Kong serves them for TLS termination to the host names of their SNIs (see M(konnect.konnect.gateway_sni)) and
    presents them as client certificates to upstreams (see M(konnect.konnect.gateway_upstream)).
  - A certificate has no name. It is found by O(id) or by its O(cert) text, compared without surrounding white space,
    among all certificates of the control plane (Konnect cannot filter on it, so every page is read).
  - The private keys O(key) and O(key_alt) are write-only for this module; see O(update_secrets).
  - To renew a certificate in place (same id, so its SNIs stay attached), find it by O(id) and give the new O(cert)
    and O(key) with O(update_secrets=always). Without it the new key is not sent, and the new certificate would be
    paired with the old key.
  - Creating, changing or deleting a certificate in a control plane group or in a control plane managed by the Kong
    Ingress Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  cert:
    description:
      - The PEM-encoded certificate, followed by any intermediate certificates of its chain. Required unless O(id) is given.
      - May instead be a reference to a secret in a vault, such as V({vault://env/orders-tls-cert}), which Kong resolves.
    type: str
  key:
    description:
      - The PEM-encoded private key of O(cert), or a vault reference to it. Required to create a certificate.
      - Write-only; sent when the certificate is created, or on every run with O(update_secrets=always).
    type: str
  cert_alt:
    description:
      - An alternate PEM-encoded certificate (chain) of another key type, typically ECDSA next to an RSA O(cert). Kong
        serves the ECDSA one to clients that support it.
    type: str
  key_alt:
    description:
      - The PEM-encoded private key of O(cert_alt), or a vault reference to it.
      - Write-only, like O(key).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.entity.secrets
  - konnect.konnect.gateway
  - konnect.konnect.attributes
notes:
  - Konnect returns the private keys with the certificate; the module never does. RV(gateway_certificate) shows them as
    C(********).
seealso:
  - module: konnect.konnect.gateway_certificate_info
  - module: konnect.konnect.gateway_sni
  - module: konnect.konnect.gateway_ca_certificate
  - module: konnect.konnect.gateway_upstream
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: Upload a certificate and its key, and serve it for two host names
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    konnect_region: eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.fullchain.pem') }}"
    key: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.key') }}"
    tags: [shop]
  register: shop_cert

- name: Attach host names to it
  konnect.konnect.gateway_sni:
    control_plane: prod-eu
    name: "{{ item }}"
    certificate: "{{ shop_cert.gateway_certificate.id }}"
  loop: [shop.example.com, www.shop.example.com]

- name: An RSA and an ECDSA pair for the same host names
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/api-rsa.pem') }}"
    key: "{{ lookup('ansible.builtin.file', 'tls/api-rsa.key') }}"
    cert_alt: "{{ lookup('ansible.builtin.file', 'tls/api-ecdsa.pem') }}"
    key_alt: "{{ lookup('ansible.builtin.file', 'tls/api-ecdsa.key') }}"

- name: A certificate whose key stays in a vault (Kong resolves the reference)
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/billing.pem') }}"
    key: "{vault://hcv/tls/billing/key}"

- name: Renew a certificate in place, keeping its id and SNIs
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    id: "{{ shop_cert.gateway_certificate.id }}"
    cert: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.2027.fullchain.pem') }}"
    key: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.2027.key') }}"
    update_secrets: always

- name: Keep exactly these tags on a certificate found by its PEM text
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/api-rsa.pem') }}"
    tags: [api, rsa]
    purge_tags: true

- name: Delete a certificate by id (its SNIs go with it)
  konnect.konnect.gateway_certificate:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    state: absent
'''

RETURN = r'''
gateway_certificate:
  description:
    - The certificate as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
    - The private keys show as C(********).
  returned: always
  type: dict
  sample:
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    cert: |-
      -----BEGIN CERTIFICATE-----
      MIIDdzCCAl+gAwIBAgIUQe1Y...
      -----END CERTIFICATE-----
    key: '********'
    cert_alt: null
    key_alt: null
    tags: [shop]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the certificate, the id and the fields the task sets (private keys as C(********)), when run
    with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_certificate')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
