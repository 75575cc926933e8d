#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_mtls_auth
short_description: Manage mTLS credentials of gateway consumers in Konnect
version_added: 0.1.0
description:
  - Create, update and delete the mTLS credentials of a Kong gateway consumer in a Konnect control plane. The C(mtls-auth)
    plugin maps a verified client certificate to the consumer whose credential names the certificate's subject, optionally
    only when the certificate was issued by a given CA.
  - An mTLS credential is found by O(id), or by its O(subject_name) among the consumer's mTLS credentials. A consumer with
    several credentials for one subject name (for different CAs) must have them addressed by O(id).
  - An mTLS credential holds no secret; the client proves itself with its private key during the TLS handshake.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  subject_name:
    description:
      - The subject name of the client certificates this credential accepts, compared by the plugin with the certificate's
        common name or subject alternative names.
      - Required unless O(id) is given; with O(id), a different name changes it in place.
    type: str
  ca_certificate:
    description:
      - Accept only certificates issued by this CA certificate of the control plane, given by id or by its PEM text
        (see M(konnect.konnect.gateway_ca_certificate)).
      - Compared by id when given. Leaving it out keeps whatever the credential has.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.credentials.consumer
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.credentials
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_mtls_auth_info
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_ca_certificate
  - module: konnect.konnect.gateway_plugin
'''

EXAMPLES = r'''
- name: Accept the partner's client certificate for its consumer
  konnect.konnect.gateway_mtls_auth:
    control_plane: prod-eu
    konnect_region: eu
    consumer: partner-acme
    subject_name: gateway-client.acme.example
    tags: [partner]

- name: Only when the certificate comes from the partner CA (given by its PEM text)
  konnect.konnect.gateway_mtls_auth:
    control_plane: prod-eu
    consumer: partner-acme
    subject_name: gateway-client.acme.example
    ca_certificate: "{{ lookup('ansible.builtin.file', 'files/acme-client-ca.pem') }}"

- name: The same with the CA certificate, control plane and consumer given by id (fewer lookups)
  konnect.konnect.gateway_mtls_auth:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    consumer: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f
    subject_name: gateway-client.acme.example
    ca_certificate: b2f34145-0343-41a4-9602-4c69dec2f260

- name: Change the subject name of a credential found by id
  konnect.konnect.gateway_mtls_auth:
    control_plane: prod-eu
    consumer: partner-acme
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    subject_name: gateway-client-2027.acme.example

- name: Keep exactly these tags
  konnect.konnect.gateway_mtls_auth:
    control_plane: prod-eu
    consumer: partner-acme
    subject_name: gateway-client-2027.acme.example
    tags: [partner]
    purge_tags: true

- name: Stop accepting the old certificate's subject
  konnect.konnect.gateway_mtls_auth:
    control_plane: prod-eu
    consumer: partner-acme
    subject_name: gateway-client.acme.example
    state: absent
'''

RETURN = r'''
gateway_mtls_auth:
  description:
    - The mTLS credential as Konnect returns it after the task (the predicted one in check mode, whose C(id) is null on
      create); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: b2f34145-0343-41a4-9602-4c69dec2f269
    consumer: {id: 84a73fb8-50fc-44a7-a4d5-aa17728ee83f}
    subject_name: gateway-client.acme.example
    ca_certificate: {id: b2f34145-0343-41a4-9602-4c69dec2f260}
    tags: [partner]
    created_at: 1763892000
diff:
  description: Before and after of the subject name, the id, the CA certificate's id and the fields the task sets, when run
    with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_mtls_auth')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
