# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The org_bootstrap role's schema, as the filter tests read it."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os

import pytest

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'roles', 'org_bootstrap', 'files', 'org.schema.json')


@pytest.fixture(scope='session')
def shipped_schema():
    """roles/org_bootstrap/files/org.schema.json"""
    with open(SCHEMA_PATH) as handle:
        return json.load(handle)
