# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options every entity module shares, and those of entities with labels, tags, secrets or create-only fields."""

    DOCUMENTATION = r'''
options:
  id:
    description:
      - The id of an existing entity. When given, the entity is found by id instead of by its natural key, which lets a
        task rename it.
      - With O(state=present) the entity must exist; leave O(id) out to create one.
    type: str
  state:
    description:
      - V(present) creates the entity or updates the fields the task sets; fields the task does not set are left as they are.
      - V(absent) deletes it; deleting something that does not exist is not an error and reports no change.
    type: str
    choices: [present, absent]
    default: present
'''

    LABELS = r'''
options:
  labels:
    description:
      - Labels (string keys and values) to set on the entity.
      - By default the labels given are merged into the existing ones; see O(purge_labels).
      - Labels owned by other tools (keys starting with C(KONGCTL-), C(konnect-managed) or C(k8s-)) are never changed or removed.
    type: dict
  purge_labels:
    description:
      - Remove existing labels that are not in O(labels) (except those owned by other tools).
      - Only takes effect when O(labels) is given; an empty O(labels) with O(purge_labels=true) removes all of yours.
    type: bool
    default: false
'''

    TAGS = r'''
options:
  tags:
    description:
      - Tags to set on the entity. They are compared as a set (order does not matter).
      - By default the tags given are added to the existing ones; see O(purge_tags).
      - Tags owned by other tools (starting with C(KONGCTL-), C(konnect-managed) or C(k8s-)) are never changed or removed.
    type: list
    elements: str
  purge_tags:
    description:
      - Remove existing tags that are not in O(tags) (except those owned by other tools).
      - Only takes effect when O(tags) is given.
    type: bool
    default: false
'''

    SECRETS = r'''
options:
  update_secrets:
    description:
      - Konnect never returns write-only secrets, so they cannot be compared.
      - V(on_create) sends them only when the entity is created; later runs leave the stored secret alone and stay idempotent.
      - V(always) sends them on every run and therefore always reports a change. Use it to rotate a secret, then switch back.
    type: str
    choices: [on_create, always]
    default: on_create
'''

    RECREATE = r'''
options:
  recreate:
    description:
      - Some fields can only be set when the entity is created. If the task asks for a different value of such a field, it
        fails with a clear message, unless this is V(true), in which case the entity is deleted and created again with the new value.
      - Re-creating gives the entity a new id and drops everything that hangs off it. It is never done silently.
    type: bool
    default: false
'''

    INFO = r'''
options:
  id:
    description:
      - Return only the entity with this id (an empty list if there is none).
      - Mutually exclusive with the natural key option and O(filters).
    type: str
  filters:
    description:
      - Conditions on fields, sent as Konnect's C(filter[<field>][<op>]=<value>) where the API supports the field and applied
        to the listed entities otherwise.
      - A plain value means equality (C(eq)); a one-key dict names the operator, one of C(eq), C(neq), C(contains), C(oeq)
        (any of a list) or C(ocontains).
      - All pages are read.
    type: dict
'''

    CONTROL_PLANE = r'''
options:
  control_plane:
    description:
      - The control plane, by name or id. Giving the id saves a lookup, so a task that changes nothing makes a single request.
    type: str
    required: true
'''
