# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The plugins' connection options (fragment ``konnect.konnect.connection.plugins``) are the modules' own: ansible-test
wants a doc fragment's text as a literal, so the plugins' copy is written out and checked here against the modules'."""

from __future__ import annotations

import re

import yaml

from ansible_collections.konnect.konnect.plugins.doc_fragments.connection import ModuleDocFragment

SAME = ('type', 'default', 'choices', 'aliases')


def options(text):
    return yaml.safe_load(text)['options']


def test_the_plugins_have_every_connection_option_of_the_modules_alike():
    modules, plugins = options(ModuleDocFragment.DOCUMENTATION), options(ModuleDocFragment.PLUGINS)
    assert sorted(plugins) == sorted(modules)
    for name, option in modules.items():
        assert dict((key, option.get(key)) for key in SAME) == dict((key, plugins[name].get(key)) for key in SAME), name


def test_each_plugin_option_reads_the_environment_variables_its_module_option_names():
    modules, plugins = options(ModuleDocFragment.DOCUMENTATION), options(ModuleDocFragment.PLUGINS)
    for name, option in modules.items():
        fallback = ' '.join(line for line in option['description'] if line.startswith('If not set, the environment variable'))
        # ansible-core takes the last variable that is set, a module its first: the plugins list them in reverse
        wanted = list(reversed(re.findall(r'E\((\w+)\)', fallback)))
        assert [entry['name'] for entry in plugins[name].get('env', [])] == wanted, name
