# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The catalogue of Konnect entity types the collection manages, one declarative entry each.

Each entry states facts from Konnect's OpenAPI documents: where the entity lives, its natural
key and how to look it up, how it is updated, and its fields with their quirks.

A family of entity types is imported the first time ``get_entity`` looks into it, so a module loads its own family
and those of its parents, not the whole catalogue (a module on a target compiles every file it imports).
"""

from __future__ import annotations

import importlib

# The order get_entity looks through them in: the families most modules need (control planes, gateway entities) first.
FAMILIES = ('identity', 'gateway', 'auth', 'apis', 'portals', 'portal_access', 'portal_settings', 'portal_client', 'audit_logs',
            'cloud_gateways', 'service_catalog', 'event_gateways', 'realms', 'mesh')

_BY_FAMILY = {}


def family_entities(family):
    """The entity types of one family, by name."""
    if family not in _BY_FAMILY:
        module = importlib.import_module('%s.%s' % (__name__, family))
        _BY_FAMILY[family] = dict((entity.name, entity) for entity in module.ENTITIES)
    return _BY_FAMILY[family]


def get_entity(name):
    for family in FAMILIES:
        entities = family_entities(family)
        if name in entities:
            return entities[name]
    raise KeyError(name)


def all_entities():
    """Every entity type, by name, family by family."""
    # This statement is also what makes Ansible bundle every family into a module's zip for a target: it follows import
    # statements, and would leave out the families that family_entities imports by name.
    from ansible_collections.konnect.konnect.plugins.module_utils.entities import (  # noqa: F401  pylint: disable=unused-import
        apis, audit_logs, auth, cloud_gateways, event_gateways, gateway, identity, mesh, portal_access, portal_client, portal_settings,
        portals, realms, service_catalog,
    )
    return dict(item for family in FAMILIES for item in family_entities(family).items())
