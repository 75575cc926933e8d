#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dp_client_certificate
short_description: Pin data-plane certificates to a Konnect control plane, generating them if asked
version_added: 0.1.0
description:
  - Pin a client certificate to a Konnect control plane, or unpin it. A data plane that presents a pinned certificate (and
    holds its private key) may connect to the control plane, which applies to control planes whose C(auth_type) is
    V(pinned_client_certs), Konnect's default.
  - The certificate is the one given in O(cert), or the one read from O(cert_path), or, with O(generate=true) and no file
    at O(cert_path) yet, a new self-signed certificate with a new EC (P-256) key, written to O(cert_path) and O(key_path).
    A later run finds the file and pins the same certificate again, so the key pair is generated only once.
  - A pinned certificate is found by O(id) or by its PEM text among the control plane's pinned certificates (whitespace around
    the PEM does not matter).
  - Also returns what a data plane needs to connect, RV(cluster_endpoint) and RV(telemetry_endpoint), and, when it was
    generated or O(key_path) exists, the private key as RV(key).
  - Files are read and written on the host that runs the task; that is the controller when the task runs in-process
    (a local connection), and the target host when the module runs there.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  cert:
    description:
      - The PEM-encoded certificate to pin. When given, O(cert_path) and O(key_path) are not used.
      - Mutually exclusive with O(generate).
    type: str
  cert_path:
    description:
      - A PEM certificate file. When it exists and O(cert) is not given, the certificate in it is pinned.
      - With O(generate=true) and no file here yet, the generated certificate is written here (mode C(0600)).
      - Required with O(generate=true).
    type: path
  key_path:
    description:
      - The private key file that belongs to O(cert_path). When it exists and the certificate comes from O(cert_path), the
        key is read and returned as RV(key).
      - With O(generate=true) and no file at O(cert_path) yet, the generated key is written here with mode C(0600). A key
        already here (a run interrupted between writing the key and its certificate) is kept and the certificate is made
        for it, so a key is never generated twice. Both files are written whole or not at all.
      - Required with O(generate=true).
    type: path
  generate:
    description:
      - Generate a key pair and a self-signed certificate when there is no file at O(cert_path) yet, write them to
        O(key_path) and O(cert_path), and pin the certificate.
      - Needs the Python library C(cryptography) on the host that runs the task; nothing else does.
      - In check mode the key pair is generated in memory and nothing is written, so a real run generates another one.
    type: bool
    default: false
  common_name:
    description:
      - The common name (CN) of a generated certificate, which is also its issuer. V(kong-data-plane) when not set.
      - Only used when a certificate is generated.
    type: str
  valid_days:
    description:
      - How many days a generated certificate is valid. Data planes can no longer connect with it afterwards; pin a new
        one (a new O(cert_path)) before it runs out.
      - Only used when a certificate is generated.
    type: int
    default: 365
  title:
    description:
      - A title for the pinned certificate, shown in Konnect. Compared and updated when given.
    type: str
  id:
    description:
      - The id of a pinned certificate. When given, the certificate is found by id; a different O(cert) then replaces the
        pinned certificate in place.
      - The certificate (O(cert) or an existing O(cert_path)) is needed as well, also with O(state=absent).
    type: str
  state:
    description:
      - V(present) pins the certificate, or updates its O(title).
      - V(absent) unpins the certificate given by O(cert) or read from O(cert_path); data planes that connect with it are
        refused from then on. The files are left alone. Leave O(generate) out with V(absent).
      - Unpinning a certificate that is not pinned reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.attributes
requirements:
  - cryptography (only with O(generate=true))
notes:
  - When RV(key) is returned, the whole result is marked C(no_log) so that Ansible does not print it or pass it to
    callbacks and logs; the registered variable keeps it. Give C(no_log=true) to every task that uses the key.
seealso:
  - module: konnect.konnect.control_plane
  - module: konnect.konnect.dp_node_info
'''

EXAMPLES = r'''
- name: Generate a certificate once on the controller and pin it
  konnect.konnect.dp_client_certificate:
    control_plane: prod-eu
    konnect_region: eu
    generate: true
    cert_path: "{{ playbook_dir }}/pki/prod-eu-dp.crt"
    key_path: "{{ playbook_dir }}/pki/prod-eu-dp.key"
    common_name: prod-eu-data-plane
    valid_days: 730
    title: prod-eu data planes
  register: dp_cert

- name: Install the certificate and key on the data plane
  ansible.builtin.copy:
    content: "{{ item.content }}"
    dest: "{{ item.dest }}"
    owner: kong
    mode: '0600'
  loop:
    - {content: "{{ dp_cert.cert }}", dest: /etc/kong/cluster.crt}
    - {content: "{{ dp_cert.key }}", dest: /etc/kong/cluster.key}
  no_log: true
  delegate_to: kong-dp-1.eu.internal

- name: Write the data plane's kong.conf from the returned endpoints
  ansible.builtin.copy:
    dest: /etc/kong/kong.conf
    mode: '0644'
    content: |
      role = data_plane
      database = off
      cluster_mtls = pki
      cluster_control_plane = {{ dp_cert.cluster_endpoint | urlsplit('hostname') }}:443
      cluster_server_name = {{ dp_cert.cluster_endpoint | urlsplit('hostname') }}
      cluster_telemetry_endpoint = {{ dp_cert.telemetry_endpoint | urlsplit('hostname') }}:443
      cluster_telemetry_server_name = {{ dp_cert.telemetry_endpoint | urlsplit('hostname') }}
      cluster_cert = /etc/kong/cluster.crt
      cluster_cert_key = /etc/kong/cluster.key
      lua_ssl_trusted_certificate = system
      konnect_mode = on
      vitals = off
  delegate_to: kong-dp-1.eu.internal

- name: Pin a certificate an internal CA issued (the key stays where it is)
  konnect.konnect.dp_client_certificate:
    control_plane: prod-eu
    konnect_region: eu
    cert: "{{ lookup('ansible.builtin.file', 'pki/issued/kong-dp-2027.pem') }}"
    title: issued by the platform CA

- name: Pin a certificate read from a file that already exists on the controller
  konnect.konnect.dp_client_certificate:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    cert_path: /srv/pki/kong-dp.crt

- name: Replace a pinned certificate found by id with a new one
  konnect.konnect.dp_client_certificate:
    control_plane: prod-eu
    konnect_region: eu
    id: 9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f
    cert: "{{ lookup('ansible.builtin.file', 'pki/issued/kong-dp-2028.pem') }}"

- name: Unpin the old certificate (its data planes are refused from then on)
  konnect.konnect.dp_client_certificate:
    control_plane: prod-eu
    konnect_region: eu
    cert_path: "{{ playbook_dir }}/pki/prod-eu-dp-2026.crt"
    state: absent
'''

RETURN = r'''
dp_client_certificate:
  description:
    - The pinned certificate as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null when
      it would be pinned); an empty dict after unpinning.
  returned: always
  type: dict
  sample:
    id: 9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f
    cert: "-----BEGIN CERTIFICATE-----\nMIIBgTCCASegAwIBAgIUZ3kq...\n-----END CERTIFICATE-----\n"
    title: prod-eu data planes
    created_at: 1763892000
    updated_at: 1763892000
cert:
  description: The PEM certificate the task pinned (or unpinned), as given, read or generated.
  returned: always
  type: str
  sample: "-----BEGIN CERTIFICATE-----\nMIIBgTCCASegAwIBAgIUZ3kq...\n-----END CERTIFICATE-----\n"
key:
  description:
    - The PEM (PKCS 8) private key of the certificate, when the task generated it or read it from O(key_path).
    - The result is then hidden from Ansible's output and logs; the registered variable keeps it.
  returned: when a key was generated or O(key_path) exists
  type: str
  sample: "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg...\n-----END PRIVATE KEY-----\n"
cluster_endpoint:
  description:
    - The control plane's endpoint for data planes (its C(config.control_plane_endpoint)). A data plane's
      C(cluster_control_plane) is its host name with port 443, and C(cluster_server_name) its host name.
  returned: always
  type: str
  sample: https://acfe5f253f.eu.cp0.konghq.com
telemetry_endpoint:
  description:
    - The control plane's telemetry endpoint (its C(config.telemetry_endpoint)). A data plane's
      C(cluster_telemetry_endpoint) is its host name with port 443, and C(cluster_telemetry_server_name) its host name.
  returned: always
  type: str
  sample: https://acfe5f253f.eu.tp0.konghq.com
diff:
  description: Before and after of the certificate, the id and the title, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import DataPlaneCertificateTask

TASK = DataPlaneCertificateTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
