# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Application auth strategies and DCR providers: how developers' applications authenticate (regional, /v2)."""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.entity import Entity, Field

# A first sketch, so that other families can refer to it by name; its module fleshes it out.
APPLICATION_AUTH_STRATEGY = Entity(
    'application_auth_strategy', 'application auth strategy', '/v2/application-auth-strategies',
    fields=[Field('name')], filterable={'name': ('eq',)},
)

ENTITIES = (APPLICATION_AUTH_STRATEGY,)
