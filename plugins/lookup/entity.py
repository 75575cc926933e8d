# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
name: entity
short_description: Read Konnect entities of any type inside templates and vars
version_added: 0.1.0
description:
  - Reads entities of one type of the collection's catalogue (a control plane, a gateway service, a team, a portal, ...)
    by id, by natural key, or with filters, and returns them as Konnect returns them.
  - It is the C(_info) module of that type, run inside a template. It takes the same options as that module, as keyword
    arguments, checks them the same way, reads through the same client and fails with the same messages. For example
    C(lookup('konnect.konnect.entity', 'gateway_service', control_plane='orders-prod', name='orders')) is
    M(konnect.konnect.gateway_service_info) with O(konnect.konnect.gateway_service_info#module:control_plane=orders-prod)
    and O(konnect.konnect.gateway_service_info#module:name=orders).
  - "Keyword arguments beyond the options below are the options of the type's C(_info) module: its parents by name or id
    (O(konnect.konnect.gateway_service_info#module:control_plane), O(konnect.konnect.portal_page_info#module:portal), ...) and its
    natural key (C(name), C(username), C(email), ...). A type without an C(_info) module (a singleton such as
    C(portal_customization)) takes its parents only."
  - Nothing is ever written. Write-only values Konnect returns (a certificate's key, a password inside a configuration)
    are masked as C(********), as the C(_info) modules mask them, and so is every value given as a secret option.
  - "What it returns: a list with one element per entity found, in Konnect's order (empty when nothing matches: an id
    or a name that does not exist is not an error, as with the C(_info) modules). Ansible's C(query) (or C(wantlist=true))
    always gives that list. C(lookup) unwraps a list of one element, so a lookup by id or by name gives the entity itself
    (a dictionary), but several entities stay a list and none gives an empty list: use C(query) wherever more or fewer
    than one may match."
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  _terms:
    description:
      - The entity type, exactly one. The types are the names of the collection's modules, without C(_info)
        (C(control_plane), C(gateway_service), C(gateway_route), C(team), C(portal), ...).
      - An unknown type is an error that names the closest known types.
      - The C(portal_client_*) types read a portal as a developer, with other credentials; use their modules instead.
    required: true
    type: list
    elements: str
  id:
    description:
      - Return only the entity with this id (an empty list if there is none).
      - Mutually exclusive with O(filters) and the natural key.
    type: str
  filters:
    description:
      - "Conditions on fields, as the C(_info) modules take them (O(konnect.konnect.gateway_service_info#module:filters)):
        C({field: value}) for equality, or C({field: {op: value}}) with an operator C(eq), C(neq), C(contains), C(oeq)
        or C(ocontains). Konnect applies them where its API supports the field, the plugin after listing otherwise."
      - Mutually exclusive with O(id) and the natural key.
    type: dict
extends_documentation_fragment:
  - konnect.konnect.connection.plugins
notes:
  - Lookups run on the controller while the template is rendered, so the task's C(environment) keyword and
    C(module_defaults) do not apply. Give the connection options as keyword arguments or set the environment variables
    named above in the controller's environment.
  - Each call reads Konnect anew; store a result in a variable (C(set_fact), C(vars) are lazy and read on every use) when
    it is used many times.
seealso:
  - module: konnect.konnect.gateway_service_info
  - module: konnect.konnect.control_plane_info
'''

EXAMPLES = r'''
- name: A gateway service by name (the entity itself, lookup unwraps one result)
  ansible.builtin.debug:
    msg: "{{ lookup('konnect.konnect.entity', 'gateway_service', control_plane='orders-prod', name='orders').host }}"

- name: A control plane by id
  ansible.builtin.set_fact:
    orders_plane: "{{ lookup('konnect.konnect.entity', 'control_plane', id='7f9fd312-a987-4628-b4c5-bb4f4fddd5f7') }}"

- name: Every route of a service, always a list (query)
  ansible.builtin.debug:
    msg: "{{ query('konnect.konnect.entity', 'gateway_route', control_plane='orders-prod', filters={'service.id': service_id}) | map(attribute='name') }}"

- name: Control planes whose name contains prod (an operator)
  ansible.builtin.debug:
    msg: "{{ query('konnect.konnect.entity', 'control_plane', filters={'name': {'contains': 'prod'}}) | map(attribute='id') }}"

- name: A team in vars, read when the variable is used; token and URLs from the environment (KONNECT_TOKEN, KONNECT_API_URL)
  ansible.builtin.debug:
    var: platform_team.id
  vars:
    platform_team: "{{ lookup('konnect.konnect.entity', 'team', name='platform') }}"

- name: Connection options given as keyword arguments (region, a token from a vault variable, timeouts)
  ansible.builtin.debug:
    msg: >-
      {{ query('konnect.konnect.entity', 'portal', konnect_region='eu', konnect_token=vault_konnect_token,
               timeout=10, max_retries=2) | length }} portals in eu

- name: Through a Private Link host and a TLS-inspecting proxy's CA
  ansible.builtin.debug:
    msg: >-
      {{ query('konnect.konnect.entity', 'gateway_consumer', control_plane='orders-prod',
               konnect_api_url='https://{region}.svc.konghq.com', konnect_global_api_url='https://global.svc.konghq.com',
               ca_path='/etc/ssl/proxy-ca.pem') | map(attribute='username') }}

- name: Against a local emulator with a self-signed certificate (legacy email and password login)
  ansible.builtin.debug:
    msg: >-
      {{ query('konnect.konnect.entity', 'user', konnect_api_url='https://localhost:8443/{region}', validate_certs=false,
               konnect_email='admin@example.com', konnect_password=vault_admin_password) | length }} users
'''

RETURN = r'''
_list:
  description:
    - The entities found, as Konnect returns them, write-only values masked as C(********).
    - C(lookup) unwraps a list of one element into that entity; C(query) always gives the list.
  type: list
  elements: dict
'''

import difflib
import importlib
import os

from ansible.errors import AnsibleLookupError
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError
from ansible.plugins.lookup import LookupBase
from ansible.utils.display import Display

from ansible_collections.konnect.konnect.plugins.module_utils import runner
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities, family_entities
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError

display = Display()

PLUGIN = 'konnect.konnect.entity'
MODULES_PACKAGE = 'ansible_collections.konnect.konnect.plugins.modules'
MODULES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'modules')
# The options this plugin declares; every other keyword argument is an option of the type's _info module.
PLUGIN_OPTIONS = tuple(runner.CONNECTION_SPEC) + ('id', 'filters')
# Types read as a developer of a portal, with the portal's credentials rather than a Konnect token.
DEVELOPER_TYPES = frozenset(family_entities('portal_client'))


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        type_name = entity_type(terms)
        given = dict((name, value) for name, value in kwargs.items() if name in PLUGIN_OPTIONS)
        self.set_options(var_options=variables, direct=given)
        task = info_task(type_name)
        # Only what the call gives: defaults and environment variables are the modules' own (their argument spec's
        # fallbacks), so an empty variable counts as unset and KONNECT_TOKEN comes before KONNECT_SPAT, as for a module.
        args = dict((name, value) for name, value in kwargs.items() if value is not None)
        args.update((name, self.get_option(name)) for name in given if given[name] is not None)
        return read(task, type_name, args, warn=display.warning)


def entity_type(terms):
    if len(terms) != 1 or not isinstance(terms[0], str):
        raise AnsibleLookupError('%s takes exactly one entity type (for example gateway_service), got %r.' % (PLUGIN, list(terms)))
    return terms[0]


def info_task(type_name):
    """The task of the type's ``_info`` module (whatever its class), or an ``InfoTask`` for a type without one."""
    if type_name not in all_entities():
        raise AnsibleLookupError(unknown_type_message(type_name))
    if type_name in DEVELOPER_TYPES:
        raise AnsibleLookupError('%s: %s is read as a developer of a portal, with the portal\'s credentials; use the '
                                 'konnect.konnect.portal_client_* modules for it.' % (PLUGIN, type_name))
    if os.path.exists(os.path.join(MODULES_DIR, type_name + '_info.py')):
        module = importlib.import_module('%s.%s_info' % (MODULES_PACKAGE, type_name))
        return module.TASK
    return runner.InfoTask(type_name)


def unknown_type_message(type_name):
    known = sorted(name for name in all_entities() if name not in DEVELOPER_TYPES)
    close = difflib.get_close_matches(str(type_name).replace('konnect.konnect.', '').replace('_info', ''), known, n=3, cutoff=0.6)
    hint = ('did you mean %s?' % ', '.join(close)) if close else \
        'the types are the names of the collection\'s modules without _info, for example control_plane, gateway_service, team.'
    return '%s: unknown entity type %r; %s' % (PLUGIN, type_name, hint)


def read(task, type_name, args, warn=None):
    """Validate ``args`` against the ``_info`` module's argument spec, run its engine, return its list, secrets masked."""
    kwargs = task.module_kwargs()
    argument_spec = kwargs.pop('argument_spec')
    kwargs.pop('supports_check_mode', None)
    validation = ArgumentSpecValidator(argument_spec, **kwargs).validate(args)
    secrets = set(validation._no_log_values)
    if validation.error_messages:
        raise AnsibleLookupError(remove_values('%s (%s): %s' % (PLUGIN, type_name, argument_errors(validation)), secrets))
    params = validation.validated_parameters
    secrets.update(str(value) for value in task.hidden_values(params))
    try:
        result = task.execute(params, check_mode=False, diff_mode=False, warn=warn)
    except KonnectError as exc:
        secrets.update(str(value) for value in exc.details.get(runner.SECRET_VALUES, []))
        raise AnsibleLookupError(remove_values('%s (%s): %s' % (PLUGIN, type_name, exc.msg), secrets))
    secrets.update(str(value) for value in result.pop(runner.SECRET_VALUES, []))
    return remove_values(list(result[task.entity.plural]), secrets)


def argument_errors(validation):
    messages = []
    for error in validation.errors:
        messages.append('unsupported parameters: %s' % error.msg if isinstance(error, UnsupportedError) else error.msg)
    return '; '.join(messages)
