# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The modules' HTTP client for the collection's other plugins (inventory, lookup).

Those plugins declare the connection options of the doc fragment ``konnect.konnect.connection.plugins`` (the modules'
names, the modules' environment variables); this turns what ``get_option`` gives into the parameters the modules'
client takes, with the modules' rule that an environment variable set but empty counts as unset.
"""

from __future__ import annotations

from ansible.module_utils.errors import AnsibleFallbackNotFound

from ansible_collections.konnect.konnect.plugins.module_utils.client import regional_clients
from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_SPEC


def connection_params(get_option):
    """The connection parameters of a module task, from a plugin's options (``get_option``: the plugin's method)."""
    params = {}
    for name, spec in CONNECTION_SPEC.items():
        value = get_option(name)
        if value is None or value == '':
            # ansible's config takes the last variable set, even empty: ask again as the modules do (first set and not empty)
            value = _fallback(spec)
        params[name] = spec.get('default') if value is None else value
    return params


def _fallback(spec):
    fallback = spec.get('fallback')
    if not fallback:
        return None
    function, names = fallback
    try:
        return function(*names)
    except AnsibleFallbackNotFound:
        return None


def plugin_clients(get_option, regions, warn=None):
    """One client per region in ``regions`` (and the global one), built by the modules' client from a plugin's options."""
    return regional_clients(connection_params(get_option), regions, warn=warn)
