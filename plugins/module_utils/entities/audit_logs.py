# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Audit Logs v3: audit-log destinations, the webhook and replay jobs (regional)."""

from __future__ import annotations

ENTITIES = ()
