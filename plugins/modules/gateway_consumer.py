#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer
short_description: Manage consumers of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway consumers in a Konnect control plane. A consumer stands for a client of your
    APIs; credentials, consumer group memberships and consumer-scoped plugins hang off it.
  - A consumer is found by O(id) or by its O(username) within the control plane (Konnect reads it by username directly).
    A consumer that has only a O(custom_id) is managed by O(id).
  - Only the fields the task sets are compared.
  - Creating, changing or deleting a consumer in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  username:
    description:
      - The consumer's username, unique in the control plane. Required unless O(id) is given; with O(id), a different
        username renames the consumer.
    type: str
  custom_id:
    description:
      - An identifier of your own for the consumer, such as the client's id in your user database; unique in the control plane.
      - Kong passes it to the upstream in the C(X-Consumer-Custom-ID) header once a request is authenticated.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_consumer_info
  - module: konnect.konnect.gateway_consumer_group_member
  - module: konnect.konnect.gateway_plugin
  - module: konnect.konnect.gateway_key_auth
  - module: konnect.konnect.gateway_basic_auth
  - module: konnect.konnect.gateway_jwt
  - module: konnect.konnect.gateway_hmac_auth
  - module: konnect.konnect.gateway_mtls_auth
  - module: konnect.konnect.gateway_acl
'''

EXAMPLES = r'''
- name: Create a consumer
  konnect.konnect.gateway_consumer:
    control_plane: prod-eu
    konnect_region: eu
    username: acme-mobile
    custom_id: "4711"
    tags: [partner, tier-gold]

- name: Keep exactly these tags
  konnect.konnect.gateway_consumer:
    control_plane: prod-eu
    username: acme-mobile
    tags: [partner]
    purge_tags: true

- name: Rename a consumer by id
  konnect.konnect.gateway_consumer:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
    username: acme-mobile-app

- name: Delete a consumer (its credentials and consumer plugins go with it)
  konnect.konnect.gateway_consumer:
    control_plane: prod-eu
    username: acme-mobile-app
    state: absent
'''

RETURN = r'''
gateway_consumer:
  description:
    - The consumer as Konnect returns it after the task (the predicted one in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
    username: acme-mobile
    custom_id: "4711"
    tags: [partner, tier-gold]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the username, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_consumer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
