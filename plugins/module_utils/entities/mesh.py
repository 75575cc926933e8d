# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mesh control planes and their Kuma resources (regional)."""

from __future__ import annotations

ENTITIES = ()
