# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options and notes shared by the modules of Kong Gateway entities in a Konnect control plane."""

    DOCUMENTATION = r'''
options: {}
notes:
  - Gateway entities live in one control plane, in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the
    region of the control plane.
  - A control plane group takes its configuration from its member control planes, and a control plane of type
    C(CLUSTER_TYPE_K8S_INGRESS_CONTROLLER) is configured by the Kong Ingress Controller from Kubernetes resources. A task
    that would create, change or delete a gateway entity in either kind fails before anything is written; reading works.
'''

    CONSUMER_GROUP = r'''
options:
  consumer_group:
    description:
      - The consumer group, by name or id, in the same control plane.
      - Giving the id saves a lookup.
    type: str
    required: true
'''

    UPSTREAM = r'''
options:
  upstream:
    description:
      - The upstream the targets belong to, by name or id, in the same control plane.
      - Giving the id saves a lookup.
    type: str
    required: true
'''

    PLUGIN_SCOPE = r'''
options:
  service:
    description:
      - Apply the plugin only to requests that go to this gateway service, by name or id.
      - Part of what identifies the plugin when O(instance_name) is not given.
    type: str
  route:
    description:
      - Apply the plugin only to requests that match this route, by name or id.
      - Part of what identifies the plugin when O(instance_name) is not given.
    type: str
  consumer:
    description:
      - Apply the plugin only to requests authenticated as this consumer, by username or id. Not every plugin can be
        limited to a consumer.
      - Part of what identifies the plugin when O(instance_name) is not given.
    type: str
  consumer_group:
    description:
      - Apply the plugin only to requests from consumers in this consumer group, by name or id. Only some plugins (such
        as the rate limiting ones) support consumer groups.
      - Part of what identifies the plugin when O(instance_name) is not given.
    type: str
'''
