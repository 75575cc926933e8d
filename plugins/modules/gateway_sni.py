#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_sni
short_description: Manage SNIs (host names of TLS certificates) in a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway SNIs in a Konnect control plane. An SNI ties a host name to a certificate;
    when a client names that host in its TLS handshake, Kong serves the certificate.
  - An SNI is found by O(id) or by its O(name) within the control plane (Konnect reads it by name directly).
  - Pointing an existing SNI at another O(certificate) updates it in place.
  - Creating, changing or deleting an SNI in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The host name, unique in the control plane, for example V(shop.example.com) or a wildcard such as
        V(*.example.com). Required unless O(id) is given; with O(id), a different name renames the SNI.
    type: str
  certificate:
    description:
      - The certificate to serve for O(name). Required with O(state=present).
      - A certificate has no name, so give its id, or its PEM text (the C(cert) of
        M(konnect.konnect.gateway_certificate)), which is looked up among all certificates of the control plane.
        The id is cheaper.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_sni_info
  - module: konnect.konnect.gateway_certificate
'''

EXAMPLES = r'''
- name: Upload a certificate
  konnect.konnect.gateway_certificate:
    control_plane: prod-eu
    konnect_region: eu
    cert: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.fullchain.pem') }}"
    key: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.key') }}"
  register: shop_cert

- name: Serve it for a host name (certificate by id)
  konnect.konnect.gateway_sni:
    control_plane: prod-eu
    konnect_region: eu
    name: shop.example.com
    certificate: "{{ shop_cert.gateway_certificate.id }}"
    tags: [shop]

- name: And for every subdomain, with the certificate given by its PEM text
  konnect.konnect.gateway_sni:
    control_plane: prod-eu
    name: "*.shop.example.com"
    certificate: "{{ lookup('ansible.builtin.file', 'tls/shop.example.com.fullchain.pem') }}"

- name: Keep exactly these tags
  konnect.konnect.gateway_sni:
    control_plane: prod-eu
    name: shop.example.com
    certificate: "{{ shop_cert.gateway_certificate.id }}"
    tags: [shop, public]
    purge_tags: true

- name: Delete an SNI (the certificate stays)
  konnect.konnect.gateway_sni:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: "*.shop.example.com"
    state: absent
'''

RETURN = r'''
gateway_sni:
  description:
    - The SNI as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 36c4566c-14cc-4132-9011-4139fcbbe50a
    name: shop.example.com
    certificate: {id: b2f34145-0343-41a4-9602-4c69dec2f269}
    tags: [shop]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id, the certificate's id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_sni')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
