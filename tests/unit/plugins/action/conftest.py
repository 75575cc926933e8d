# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``playbook`` marker: tests that run real ``ansible-playbook`` (seconds each, not milliseconds); ``-m 'not playbook'`` skips them."""

from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line('markers', 'playbook: runs real ansible-playbook against an emulator (seconds, not milliseconds)')
