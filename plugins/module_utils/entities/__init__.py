# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The catalogue of Konnect entity types the collection manages, one declarative entry each.

Each entry states facts from Konnect's OpenAPI documents: where the entity lives, its natural
key and how to look it up, how it is updated, and its fields with their quirks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entities import (
    apis, audit_logs, auth, cloud_gateways, event_gateways, gateway, identity, mesh, portal_access, portal_client, portal_settings,
    portals, realms, service_catalog,
)

FAMILIES = (identity, gateway, auth, apis, portals, portal_access, portal_settings, portal_client, audit_logs, cloud_gateways,
            service_catalog, event_gateways, realms, mesh)
ENTITIES = dict((entity.name, entity) for family in FAMILIES for entity in family.ENTITIES)


def get_entity(name):
    return ENTITIES[name]
