# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who may see and use a portal: developers, teams and their roles, applications, registrations, identity providers (regional)."""

from __future__ import annotations

ENTITIES = ()
