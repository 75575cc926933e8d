# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rewrite meta/runtime.yml's action group and action routing from the modules in plugins/modules/.

Every module belongs to one action group (so ``module_defaults`` can set the connection once): ``portal_client``
for the ``portal_client_*`` modules, which connect to a developer portal as a developer, ``konnect`` for the rest.
Every module names the in-process action plugin ``konnect.konnect.konnect`` as its ``action_plugin``. Run after adding a module;
tests/unit/test_runtime.py fails until it has been run.
"""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = '''---
requires_ansible: ">=2.16.0"

'''


def module_names():
    names = [name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if name.endswith('.py') and not name.startswith('_')]
    return sorted(names)


PORTAL_CLIENT_PREFIX = 'portal_client_'


def action_group(name):
    return 'portal_client' if name.startswith(PORTAL_CLIENT_PREFIX) else 'konnect'


def render(names):
    lines = [HEADER.rstrip('\n'), '', 'action_groups:']
    for group in ('konnect', 'portal_client'):
        lines += ['  %s:' % group] + ['    - %s' % name for name in names if action_group(name) == group]
    lines += ['', '# Every module runs through one action plugin that executes it in-process on the controller',
              '# (falling back to the module on the target when the task runs elsewhere). The module names the plugin',
              '# (action_plugin) rather than an action redirect, so that each task keeps its module\'s own name for',
              '# module_defaults: an action redirect would resolve every module to konnect.konnect.konnect.',
              'plugin_routing:', '  modules:']
    for name in names:
        lines += ['    %s:' % name, '      action_plugin: konnect.konnect.konnect']
    return '\n'.join(lines) + '\n'


def main():
    with open(os.path.join(ROOT, 'meta', 'runtime.yml'), 'w') as handle:
        handle.write(render(module_names()))


if __name__ == '__main__':
    main()
