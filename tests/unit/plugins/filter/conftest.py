# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The org_bootstrap role's schema, as the filter tests read it."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.org_schema import ORG_SCHEMA


@pytest.fixture(scope='session')
def shipped_schema():
    """plugins/module_utils/org_schema.py"""
    return ORG_SCHEMA
