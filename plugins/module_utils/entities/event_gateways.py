# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Event Gateway v1: event gateways and everything configured in them (regional)."""

from __future__ import annotations

ENTITIES = ()
