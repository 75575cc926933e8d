# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API Builder v3: APIs with their versions, specifications, documents, implementations, publications and packages (regional)."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entity import Entity, Field

# A first sketch, so that other families can refer to it by name; its module fleshes it out.
API = Entity(
    'api', 'API', '/v3/apis',
    fields=[Field('name'), Field('version')], key=('name', 'version'), nullable_keys=('version',),
    filterable={'name': ('eq',), 'version': ('eq',)},
)

ENTITIES = (API,)
