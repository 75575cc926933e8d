# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Loads the in-process action plugin, with the engine and ``requests``, in Ansible's main process.

Each module names ``konnect.konnect.konnect`` as its ``action_plugin`` (meta/runtime.yml), so the strategy never loads
that plugin itself: without this, every forked worker would import and compile the engine again (about 0.2 s a task).
Ansible imports this package in its main process whenever it looks up a task's action in the collection, before it
forks the task's worker, which then finds the plugin already in ``sys.modules``.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.action import konnect  # noqa: F401  pylint: disable=unused-import
