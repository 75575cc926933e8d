#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_consumer_info
short_description: List consumers of a Konnect control plane
version_added: 0.1.0
description:
  - Read Kong Gateway consumers of a Konnect control plane, by id, by username, or with filters; every page is read.
  - Always returns a list, also when looking up one consumer.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  username:
    description:
      - Return only the consumer with this username (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity.info
  - konnect.konnect.attributes.info_module
seealso:
  - module: konnect.konnect.gateway_consumer
'''

EXAMPLES = r'''
- name: All consumers of a control plane
  konnect.konnect.gateway_consumer_info:
    control_plane: prod-eu
    konnect_region: eu
  register: consumers

- name: A consumer by username
  konnect.konnect.gateway_consumer_info:
    control_plane: prod-eu
    username: acme-mobile

- name: A consumer by your own identifier
  konnect.konnect.gateway_consumer_info:
    control_plane: prod-eu
    filters:
      custom_id: "4711"

- name: Consumers whose username contains "acme"
  konnect.konnect.gateway_consumer_info:
    control_plane: prod-eu
    filters:
      username:
        contains: acme

- name: A consumer by id
  konnect.konnect.gateway_consumer_info:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    id: 8a388226-80e8-4027-a486-25e4f7db5d21
'''

RETURN = r'''
gateway_consumers:
  description: The consumers found, as Konnect returns them.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 8a388226-80e8-4027-a486-25e4f7db5d21
      username: acme-mobile
      custom_id: "4711"
      tags: [partner, tier-gold]
      created_at: 1763892000
      updated_at: 1763892000
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import InfoTask

TASK = InfoTask('gateway_consumer')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
