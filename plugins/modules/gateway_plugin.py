#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: gateway_plugin
short_description: Manage plugins of a Konnect control plane
version_added: 0.1.0
description:
  - Create, update and delete Kong Gateway plugins in a Konnect control plane, applied globally or limited to a service,
    a route, a consumer, a consumer group, or a combination of them.
  - A plugin is found by O(id); else by O(instance_name) when the task gives one; else by its type O(name) together with
    its scope, that is O(service), O(route), O(consumer) and O(consumer_group). A scope option the task leaves out must
    be unset on the plugin, so a task that gives none of them manages the global plugin of that type.
  - To move a plugin to another scope, find it by O(instance_name) or O(id) and give its new scope; the scope options the
    task gives are then the whole scope (a route left out is unset). A task that finds a plugin this way and gives no
    scope option leaves the scope as it is. Otherwise the task looks for a plugin in the new scope and creates one there.
  - O(config) is compared only on the keys the task gives (nested dicts likewise, lists in order), and on update it is
    merged into the plugin's current configuration, so keys the task leaves out keep their values. Konnect fills in the
    plugin's defaults for everything not set.
  - O(config), O(protocols) and the scope are checked against the plugin's own schema before any request, in check
    mode too; an unknown plugin name, an unknown field, a value of the wrong type, outside its choices or bounds, a scope
    the plugin cannot be limited to and, when the plugin is created, a missing required field fail the task with the
    path of what is wrong (for example that C(config.minute) is not a number). The schemas of the plugins bundled with
    Kong Gateway come with the collection; a custom plugin is checked against the schema its control plane gives (one
    request), and passed through unchecked when that schema cannot be read.
  - The plugin type (O(name)) cannot change; a task that asks for another type for an existing plugin fails. Delete the
    plugin and create a new one instead.
  - Creating, changing or deleting a plugin in a control plane group or in a control plane managed by the Kong Ingress
    Controller fails before anything is written.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The plugin type, for example V(rate-limiting), V(key-auth) or V(cors). Custom plugins need their schema in the
        control plane first.
      - Required to create a plugin, and to find one unless O(id) is given.
    type: str
  instance_name:
    description:
      - A name for this plugin instance, unique in the control plane.
      - When given, the plugin is found by it alone (whatever its type and scope), which lets a task change the scope.
    type: str
  config:
    description:
      - The plugin's configuration, whose keys depend on the plugin type (see the plugin's documentation).
      - Only the keys given are compared and changed; the others keep their current values, or Konnect's defaults when
        the plugin is created.
    type: dict
  enabled:
    description:
      - Whether the plugin runs. Konnect's default is V(true).
    type: bool
  protocols:
    description:
      - Request protocols on which the plugin runs, for example V([http, https]). The default and the allowed values
        depend on the plugin type. Compared as a set.
    type: list
    elements: str
  ordering:
    description:
      - Run the plugin before or after other plugins instead of in the static order Kong gives plugin types, as a dict
        with V(before) and/or V(after), each mapping the phase V(access) to a list of plugin type names.
      - A Kong Gateway Enterprise feature.
    type: dict
  partials:
    description:
      - Partials (shared configuration, see M(konnect.konnect.gateway_partial)) the plugin uses, each a dict with the
        partial's C(id) and, where a plugin takes several, the C(path) in its configuration it fills.
    type: list
    elements: dict
  condition:
    description:
      - An expression that Kong evaluates for each request; the plugin runs only when it is true (up to 1024 characters).
      - Needs data planes whose Kong Gateway version supports conditional plugins.
    type: str
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity.control_plane
  - konnect.konnect.gateway.plugin_scope
  - konnect.konnect.entity
  - konnect.konnect.entity.tags
  - konnect.konnect.gateway
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.gateway_plugin_info
  - module: konnect.konnect.gateway_service
  - module: konnect.konnect.gateway_route
  - module: konnect.konnect.gateway_consumer
  - module: konnect.konnect.gateway_consumer_group
  - module: konnect.konnect.gateway_partial
'''

EXAMPLES = r'''
- name: A global plugin (no scope) that adds a correlation id to every request
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    konnect_region: eu
    name: correlation-id
    config:
      header_name: X-Request-ID
      generator: uuid
      echo_downstream: true

- name: Rate limit one service (only the limits given are compared and changed)
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    service: orders
    name: rate-limiting
    config:
      minute: 100
      policy: local
    protocols: [http, https]
    tags: [team-orders]

- name: Require an API key on one route, with service and route given by id
  konnect.konnect.gateway_plugin:
    control_plane: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    route: 9c1e0a77-35f3-4a59-9f0a-0f7c2d2b0e6b
    name: key-auth
    config:
      key_names: [apikey]
      hide_credentials: true

- name: A higher limit for one consumer on one service
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    service: orders
    consumer: acme-mobile
    name: rate-limiting
    config:
      minute: 1000

- name: A limit for a whole consumer group
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    consumer_group: gold
    name: rate-limiting-advanced
    config:
      limit: [10000]
      window_size: [3600]
      window_type: sliding
      strategy: local

- name: A named plugin instance, found by its instance name (so it can be moved to another route)
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    instance_name: orders-cors
    name: cors
    route: orders-public
    config:
      origins: [https://shop.example.com]
      methods: [GET, POST]

- name: Authenticate before the rate limiter runs, only for requests with a header, and keep exactly these tags
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    instance_name: orders-basic-auth
    name: basic-auth
    service: orders
    ordering:
      before:
        access: [rate-limiting]
    condition: http.headers.x_auth_scheme == "basic"
    tags: [team-orders]
    purge_tags: true

- name: Switch a plugin off without deleting it
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    service: orders
    name: rate-limiting
    enabled: false

- name: Delete a plugin by id
  konnect.konnect.gateway_plugin:
    control_plane: prod-eu
    id: 3fd1eea1-885a-4011-b986-289943ff8177
    state: absent
'''

RETURN = r'''
gateway_plugin:
  description:
    - The plugin as Konnect returns it after the task, with its whole configuration including defaults (the predicted one
      in check mode); an empty dict after a deletion.
  returned: always
  type: dict
  sample:
    id: 3fd1eea1-885a-4011-b986-289943ff8177
    name: rate-limiting
    instance_name: null
    service: {id: 5d2c5e0a-2a3a-4ba0-9e1c-3bbbd4c5b1c9}
    route: null
    consumer: null
    consumer_group: null
    enabled: true
    protocols: [http, https]
    config:
      minute: 100
      hour: null
      policy: local
      limit_by: consumer
      fault_tolerant: true
      hide_client_headers: false
    tags: [team-orders]
    created_at: 1763892000
    updated_at: 1763892000
diff:
  description: Before and after of the plugin type, the id, the scope and the fields the task sets, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('gateway_plugin')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
