# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Developer portals and what belongs to one portal's site: customization, domain, assets, pages, snippets, email (regional)."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entity import Entity, Field

# A first sketch, so that other families can refer to it by name; its module fleshes it out.
PORTAL = Entity(
    'portal', 'portal', '/v3/portals',
    fields=[Field('name')], filterable={'name': ('eq',)},
)

ENTITIES = (PORTAL,)
