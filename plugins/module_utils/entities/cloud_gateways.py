# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cloud Gateways v2: dedicated cloud gateway networks, configurations and what hangs off them (global)."""

from __future__ import annotations

ENTITIES = ()
