# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""meta/runtime.yml lists every module in the action group and routes each to the in-process action plugin."""

from __future__ import annotations

import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def modules():
    return sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if name.endswith('.py'))


def runtime():
    with open(os.path.join(ROOT, 'meta', 'runtime.yml')) as handle:
        return yaml.safe_load(handle)


def test_every_module_is_in_one_action_group_once():
    groups = runtime()['action_groups']
    assert sorted(groups) == ['konnect', 'portal_client']
    everything = groups['konnect'] + groups['portal_client']
    assert sorted(everything) == modules() and len(everything) == len(set(everything)), 'run hacking/update_runtime.py'


def test_portal_client_modules_are_in_their_own_group():
    groups = runtime()['action_groups']
    assert groups['portal_client'] == [name for name in modules() if name.startswith('portal_client_')]
    assert not [name for name in groups['konnect'] if name.startswith('portal_client_')]


def test_every_module_is_routed_to_the_in_process_action_plugin():
    routing = runtime()['plugin_routing']
    assert list(routing) == ['modules'], 'an action redirect would give every module the same name for module_defaults'
    assert sorted(routing['modules']) == modules(), 'run hacking/update_runtime.py'
    assert set(entry['action_plugin'] for entry in routing['modules'].values()) == {'konnect.konnect.konnect'}


def test_the_collection_version_is_the_one_the_user_agent_names():
    from ansible_collections.konnect.konnect.plugins.module_utils.version import COLLECTION_VERSION
    with open(os.path.join(ROOT, 'galaxy.yml')) as handle:
        assert re.search(r'^version:\s*["\']?%s["\']?\s*$' % re.escape(COLLECTION_VERSION), handle.read(), re.M)
