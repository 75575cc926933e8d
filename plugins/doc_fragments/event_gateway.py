# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """The event gateway (and listener or virtual cluster) an Event Gateway entity belongs to, and the options of policies."""

    DOCUMENTATION = r'''
options:
  event_gateway:
    description:
      - The event gateway, by name or id (see M(konnect.konnect.event_gateway)).
      - Giving the id saves a lookup, so a task that changes nothing makes a single request.
    type: str
    required: true
notes:
  - Event gateways live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the gateway's region.
  - Konnect filters names only with C(contains); the module keeps the exact matches.
'''

    LISTENER = r'''
options:
  listener:
    description:
      - The listener of the event gateway the policy belongs to, by name or id (see M(konnect.konnect.event_gateway_listener)).
    type: str
    required: true
'''

    VIRTUAL_CLUSTER = r'''
options:
  virtual_cluster:
    description:
      - The virtual cluster of the event gateway the policy belongs to, by name or id
        (see M(konnect.konnect.event_gateway_virtual_cluster)).
    type: str
    required: true
'''

    POLICY = r'''
options:
  name:
    description:
      - The policy's name, which finds it in its chain. Required unless O(id) is given.
    type: str
  description:
    description:
      - A description of the policy.
    type: str
  enabled:
    description:
      - Whether the policy applies. Konnect enables a new policy unless this says otherwise.
    type: bool
  config:
    description:
      - The policy's configuration, as the spec describes it for the policy's O(type).
      - It is checked against that schema before any request; a config the type does not take fails the task with every
        problem named.
    type: dict
  position:
    description:
      - The policy's place in the chain, counted from 0 (the first policy applies first).
      - A new policy is inserted there (appended when this is left out); an existing one elsewhere is moved there.
      - A position past the end of the chain fails the task before anything is written.
    type: int
'''
