# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service Catalog v1: catalog services, integrations, mappings and scorecards (regional)."""

from __future__ import annotations

ENTITIES = ()
