# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A portal's access and delivery settings: IP allow list, email domains, email config, delivery and templates, audit-log webhook (regional)."""

from __future__ import annotations

ENTITIES = ()
