# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""API Builder v3: APIs with their versions, specifications, documents, implementations, publications and packages (regional)."""

from __future__ import annotations

ENTITIES = ()
