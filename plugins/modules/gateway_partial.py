#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_partial
short_description: Manage partials (shared plugin configuration) of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway partials in a Konnect control plane. A partial holds a piece of configuration
    that several plugins share, such as the connection to a Redis server; changing the partial changes it for every
    plugin linked to it.
  - A partial is found by O(id) or by its O(name), among all partials of the control plane (Konnect cannot filter them,
    so every page is read).
  - M(konnect.konnect.gateway_plugin) keeps the links a plugin has to partials when it updates the plugin, but has no option
    to set them.
  - O(config) is compared only on the keys the task gives, and on update it is merged into the partial's current
    configuration.
  - The O(type) of a partial cannot change; a task that asks for another type for an existing partial fails. Delete it
    and create a new one instead.
  - Creating, changing or deleting a partial in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The partial's name, unique in the control plane. Required unless O(id) is given; with O(id), a different name
        renames the partial.
    type: str
  type:
    description:
      - What the partial configures, for example V(redis-ce) (Redis settings of the open-source plugins), V(redis-ee)
        (Redis settings of the Enterprise plugins, with Sentinel and cluster support), V(vectordb), V(embeddings) or
        V(model) (settings of the AI plugins). Required to create a partial.
    type: str
  config:
    description:
      - The partial's settings, whose keys depend on O(type); Konnect fills in defaults for the rest.
      - Only the keys given are compared and changed.
      - Not treated as secret; prefer vault references (see M(konnect.konnect.gateway_vault)) for passwords, or set
        C(no_log) on the task.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_partial_info
  - module: konnect.konnect.gateway_plugin
  - module: konnect.konnect.gateway_vault
'''

EXAMPLES = r'''
- name: The Redis server the rate limiting plugins share, its password from a vault
  konnect.konnect.gateway_partial:
    control_plane: prod-eu
    konnect_region: eu
    name: redis-rate-limits
    type: redis-ee
    config:
      host: redis.internal
      port: 6379
      database: 0
      username: kong
      password: "{vault://aws-prod/redis/password}"
      ssl: true
      ssl_verify: true
      server_name: redis.internal
    tags: [platform]

- name: Point it at a new host (the other settings stay)
  konnect.konnect.gateway_partial:
    control_plane: prod-eu
    name: redis-rate-limits
    config:
      host: redis-2.internal
      server_name: redis-2.internal

- name: Redis settings for the open-source plugins, with the control plane by id
  konnect.konnect.gateway_partial:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    name: redis-ce-cache
    type: redis-ce
    config:
      host: redis.internal
      port: 6379
      timeout: 2000

- name: Keep exactly these tags
  konnect.konnect.gateway_partial:
    control_plane: prod-eu
    name: redis-rate-limits
    tags: [platform, redis]
    purge_tags: true

- name: Delete a partial
  konnect.konnect.gateway_partial:
    control_plane: prod-eu
    name: redis-ce-cache
    state: absent
'''

RETURN = r'''
gateway_partial:
  description:
    - The partial as Konnect returns it after the task, with its defaults (the predicted one in check mode); an empty dict
      after a deletion.
  returned: always
  type: dict
  sample:
    id: cff1230a-00f7-4ae8-b376-c370f0eb4dae
    name: redis-rate-limits
    type: redis-ee
    config:
      host: redis.internal
      port: 6379
      database: 0
      username: kong
      password: "{vault://aws-prod/redis/password}"
      ssl: true
      ssl_verify: true
      server_name: redis.internal
      connect_timeout: 2000
      read_timeout: 2000
      send_timeout: 2000
      keepalive_pool_size: 256
    tags: [platform]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_partial')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
