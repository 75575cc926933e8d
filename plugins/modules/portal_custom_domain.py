#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_custom_domain
short_description: Serve a Konnect developer portal on your own domain
version_added: 0.1.0
description:
  - Create, update and delete the custom domain of a developer portal. A portal has at most one.
  - The result says where the domain's DNS must point (C(cname_target), the portal's default domain) and how far Konnect
    got verifying it (C(verification_status); also C(portal_custom_domain.cname_status)). Verification happens at Konnect
    after the DNS record exists, so the first run reports C(pending).
  - O(hostname) and O(domain_verification_method) can only be set when the domain is created; a different value fails the
    task, unless O(recreate=true), which deletes the domain and creates it again.
  - The certificate and its private key are write-only. Konnect never returns them, so they cannot be compared; they are
    sent when the domain is created and, with O(update_secrets=always), on every run (to install a renewed certificate).
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  state:
    description:
      - V(present) creates the custom domain or updates what the task sets; V(absent) removes it, so that the portal is
        served on its default domain only. Removing one that does not exist is not an error.
    type: str
    choices: [present, absent]
    default: present
  hostname:
    description:
      - The fully qualified domain name, for example V(developer.example.com). Required to create the domain.
      - Can only be set when the domain is created (see O(recreate)).
    type: str
  enabled:
    description:
      - Whether the portal is served on the domain. A new domain is enabled unless this says otherwise.
    type: bool
  domain_verification_method:
    description:
      - How the domain's certificate comes about. V(http) lets Konnect prove the domain over HTTP and obtain a certificate;
        V(custom_certificate) uses O(custom_certificate) and O(custom_private_key).
      - When not set, V(custom_certificate) if a certificate is given, otherwise V(http).
      - Can only be set when the domain is created (see O(recreate)).
    type: str
    choices: [http, custom_certificate]
  custom_certificate:
    description:
      - The domain's certificate (with its chain), PEM text, for O(domain_verification_method=custom_certificate). Given
        together with O(custom_private_key).
      - Write-only; see O(update_secrets).
    type: str
  custom_private_key:
    description:
      - The certificate's private key, PEM text.
      - Write-only; never shown in output, diffs or errors.
    type: str
  skip_ca_check:
    description:
      - With a custom certificate, whether Konnect accepts a certificate that a public certificate authority did not issue.
    type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.entity.secrets
  - konnect.konnect.entity.recreate
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal
'''

EXAMPLES = r'''
- name: Serve the partner portal on developer.example.com (Konnect obtains the certificate)
  konnect.konnect.portal_custom_domain:
    portal: partners
    hostname: developer.example.com
  register: domain

- name: What to put in DNS
  ansible.builtin.debug:
    msg: "developer.example.com. CNAME {{ domain.cname_target }}. (verification: {{ domain.verification_status }})"

- name: With our own certificate
  konnect.konnect.portal_custom_domain:
    portal: partners
    hostname: developer.example.com
    domain_verification_method: custom_certificate
    custom_certificate: "{{ lookup('ansible.builtin.file', 'certs/developer.example.com.crt') }}"
    custom_private_key: "{{ vault_developer_key }}"
    skip_ca_check: false

- name: Install a renewed certificate
  konnect.konnect.portal_custom_domain:
    portal: partners
    custom_certificate: "{{ lookup('ansible.builtin.file', 'certs/developer.example.com.2027.crt') }}"
    custom_private_key: "{{ vault_developer_key_2027 }}"
    update_secrets: always

- name: Stop serving the portal there for now
  konnect.konnect.portal_custom_domain:
    portal: partners
    enabled: false

- name: Move the portal to another domain (deletes the domain and creates the new one)
  konnect.konnect.portal_custom_domain:
    portal: partners
    hostname: api.example.com
    recreate: true

- name: Remove the custom domain
  konnect.konnect.portal_custom_domain:
    portal: partners
    state: absent
'''

RETURN = r'''
portal_custom_domain:
  description:
    - The custom domain as Konnect returns it after the task (the predicted one in check mode); an empty dict after a
      deletion. Never contains the certificate or its key.
  returned: always
  type: dict
  sample:
    hostname: developer.example.com
    enabled: true
    cname_status: pending
    ssl: {domain_verification_method: http, verification_status: pending}
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
cname_target:
  description: The host name the domain's DNS CNAME record must point to (the portal's default domain).
  returned: when the portal has a custom domain after the task
  type: str
  sample: 3f1a6c2b9e04.edge.us.portal.konghq.com
verification_status:
  description: How far Konnect got verifying the domain and its certificate, V(pending), V(verified) or V(error).
  returned: when the portal has a custom domain after the task
  type: str
  sample: pending
diff:
  description: Before and after of the host name and the fields the task sets, when run with C(--diff); the key as C(********).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_custom_domain')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
