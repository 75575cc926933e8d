# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad input, generated from every module's argument spec: each case must fail with a message that names the option,
without a Python traceback, and without a write Konnect accepted.

Cases that argument validation refuses (wrong type, unknown choice, missing required option, unknown option) cost no
request. The others reach the engine and the emulator: an unknown parent or reference by name, an empty name or id, a
number out of range, an oversized or non-ASCII string, a Konnect token given where a name goes. They share one
emulator per test worker, with one organization ("the world") that has an entity of every parent type, so that a
case fails for the option it is about. A write Konnect refused (4xx) is the refusal relayed, not a write. A case
that needs the rest of its task to be valid is skipped (and counted) when that baseline alone is refused.

The cases run in groups of whole modules (``test_bad_input_is_refused[<first>..<last>]``); a failing group lists every
failing case by id (``<module>-<option>-<kind>``). The session's last lines give the number of cases run.
"""

from __future__ import annotations

import importlib
import json
import os
import re

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS
from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_SPEC, SECRET_VALUES, EntityTask, InfoTask
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import READS, Module

DERIVED_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'tests', 'emulator', 'derived')
MODULES_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'plugins', 'modules')
FAKE_TOKEN = 'kpat_' + 'B4dInPuT' * 5 + 'x1'  # shaped like a personal access token, valid nowhere
NO_SUCH = 'bi-no-such-%s'
NON_ASCII = u'n\u00e4me-\u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9-\u2603'
CONNECTION_OPTIONS = frozenset(CONNECTION_SPEC)

# Values of the wrong type for each argument-spec type; a string is never refused for 'str' (Ansible converts).
WRONG_TYPE = {'int': 'not-a-number', 'float': 'not-a-number', 'bool': 'maybe', 'dict': 'not a dict', 'list': {'not': 'a list'},
              'json': {1, 2}}

# One organization with an entity of every type another module's parent or reference names: (module, arguments).
# Parents given here by name are resolved as a user's task would; every name starts with 'bi-'.
PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUB0\n-----END CERTIFICATE-----'
WORLD = (
    ('control_plane', dict(name='bi-control-plane')),
    ('portal', dict(name='bi-portal')),
    ('event_gateway', dict(name='bi-event-gateway')),
    ('team', dict(name='bi-team')),
    ('api', dict(name='bi-api', version='v1')),
    ('realm', dict(name='bi-realm')),
    ('system_account', dict(name='bi-system-account', description='bad input')),
    ('user', dict(email='bi-user@example.com')),
    ('gateway_consumer', dict(control_plane='bi-control-plane', username='bi-consumer')),
    ('gateway_service', dict(control_plane='bi-control-plane', name='bi-service', host='example.com')),
    ('gateway_route', dict(control_plane='bi-control-plane', name='bi-route', paths=['/bi'])),
    ('gateway_upstream', dict(control_plane='bi-control-plane', name='bi-upstream')),
    ('gateway_consumer_group', dict(control_plane='bi-control-plane', name='bi-consumer-group')),
    ('config_store', dict(control_plane='bi-control-plane', name='bi-config-store')),
    ('portal_team', dict(portal='bi-portal', name='bi-portal-team')),
    ('auth_server', dict(name='bi-auth-server', audience='https://api.example.com')),
    ('mesh_control_plane', dict(name='bi-mesh-control-plane')),
    ('catalog_service', dict(name='bi-catalog-service', display_name='Bad input')),
    ('api_package', dict(name='bi-api-package', version='v1')),
    ('realm_consumer', dict(realm='bi-realm', username='bi-realm-consumer')),
    ('event_gateway_backend_cluster', dict(event_gateway='bi-event-gateway', name='bi-backend-cluster', bootstrap_servers=['kafka-1:9092'],
                                           tls=dict(enabled=False),
                                           authentication=dict(type='anonymous'))),
    ('event_gateway_virtual_cluster', dict(event_gateway='bi-event-gateway', name='bi-virtual-cluster', backend_cluster='bi-backend-cluster',
                                           dns_label='bi', authentication=[dict(type='anonymous')], acl_mode='passthrough')),
    ('event_gateway_listener', dict(event_gateway='bi-event-gateway', name='bi-listener', addresses=['0.0.0.0'], ports=[9092])),
    ('identity_provider', dict(type='oidc', config=dict(issuer_url='https://idp.example.com', client_id='bi', client_secret='bi-secret'))),
    ('portal_identity_provider', dict(portal='bi-portal', type='oidc',
                                      config=dict(issuer_url='https://idp.example.com', client_id='bi', client_secret='bi-secret'))),
    ('portal_developer', dict(portal='bi-portal', email='bi-developer@example.com', full_name='Bad Input')),
    ('application_auth_strategy', dict(name='bi-auth-strategy', display_name='Bad input', strategy_type='key_auth',
                                       configs=dict(key_auth=dict(key_names=['apikey'])))),
    ('portal_application', dict(portal='bi-portal', name='bi-application', developer='bi-developer@example.com', auth_strategy='bi-auth-strategy')),
    ('cloud_gateway_network', dict(name='bi-network', provider='aws', region='us-east-2', availability_zones=['use2-az1', 'use2-az2'],
                                   cidr_block='10.0.0.0/16')),
)


def module_names():
    return sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and not name.startswith('_'))


def load_task(name):
    return importlib.import_module('ansible_collections.konnect.konnect.plugins.modules.' + name).TASK


class Case(object):
    """One bad task: ``args`` for module ``module``; the message must name ``option``; ``network`` when it gets past
    argument validation (so it needs the world); ``hidden`` values must not appear in the result."""

    def __init__(self, module, option, kind, args, network=False, hidden=(), check_mode=False, needs_baseline=False):
        self.needs_baseline = needs_baseline  # the case fails for its option only if the rest of the task is valid
        self.module = module
        self.option = option
        self.kind = kind
        self.args = args
        self.network = network
        self.hidden = tuple(hidden)
        self.check_mode = check_mode

    @property
    def id(self):
        return '%s-%s-%s%s' % (self.module, self.option, self.kind, '-check' if self.check_mode else '')


# -- what a module needs ---------------------------------------------------------------------------------------------


def required_options(kwargs):
    """The options a present task must give: required ones, those required_if state=present, one of each required_one_of."""
    spec = kwargs['argument_spec']
    needed = [name for name, option in spec.items() if option.get('required')]
    for rule in kwargs.get('required_if', []):
        if rule[0] == 'state' and rule[1] == 'present':
            needed += [name for name in rule[2] if name not in needed]
    for group in kwargs.get('required_one_of', []):
        if not any(name in needed for name in group):
            needed.append(group[0])
    return needed


def world_names():
    """The name of the world's entity of each type, by entity name."""
    names = {}
    for module, args in WORLD:
        entity = load_task(module).entity
        names[entity.name] = args.get(entity.key) if entity.key in args else args.get('name')
    return names


def plausible(name, option, entity_names, task):
    """A value that argument validation accepts and that names a world entity where the option is a parent or reference."""
    target = _target_entity(task, name)
    if target and target in entity_names:
        return entity_names[target]
    if option.get('choices'):
        choice = option['choices'][0]
        return [choice] if option.get('type') == 'list' else choice
    return {'int': 1, 'float': 1.0, 'bool': False, 'dict': {}, 'list': [], 'path': '/nonexistent/bad-input'}.get(
        option.get('type', 'str'), 'bi-' + name.replace('_', '-'))


def _target_entity(task, option):
    entity = getattr(task, 'entity', None)
    if entity is None:
        return None
    for link in tuple(entity.parents) + tuple(entity.references):
        if link.option == option:
            return link.entity if isinstance(link.entity, str) else getattr(link.entity, 'name', None)
    return None


# What some modules need beyond their argument spec's required options, for a task that would succeed.
BASELINE_EXTRA = {
    'api_document': dict(content='# bad input'),
    'api_package_document': dict(content='# bad input'),
    'api_specification': dict(content='openapi: 3.0.0'),
    'api_version': dict(content='openapi: 3.0.0'),
    'application_auth_strategy': dict(display_name='Bad input', strategy_type='key_auth', configs=dict(key_auth=dict(key_names=['apikey']))),
    'audit_log_destination': dict(endpoint='https://siem.example.com/konnect', authorization='Bearer bad-input', log_format='json'),
    'auth_server': dict(audience='https://api.example.com'),
    'auth_server_claim': dict(value='bad-input'),
    'auth_server_client': dict(grant_types=['client_credentials'], response_types=['token']),
    'catalog_integration_instance': dict(integration_name='github', display_name='Bad input'),
    'dcr_provider': dict(provider_type='okta', issuer='https://acme.okta.com/oauth2/default', dcr_config=dict(dcr_token='bad-input')),
    'mesh_resource_info': dict(kind='AccessAudit'),
    'portal_application': dict(developer='bi-developer@example.com', auth_strategy='bi-auth-strategy'),
    'gateway_degraphql_route': dict(query='query { orders { id } }'),
    'system_account_access_token': dict(expires_at='2030-01-01T00:00:00Z'),
    'team_role': dict(entity_type_name='Control Planes', entity='bi-control-plane'),
    'user_role': dict(entity_type_name='Control Planes', entity='bi-control-plane'),
    'system_account_role': dict(entity_type_name='Control Planes', entity='bi-control-plane'),
    'apply': dict(document={'managed_by': 'bad-input'}),
    'catalog_service': dict(display_name='Bad input'),
    'system_account': dict(description='bad input'),
    'portal_developer': dict(full_name='Bad Input'),
    'portal_page': dict(content='# bad input'),
    'portal_snippet': dict(content='# bad input'),
    'event_gateway_static_key': dict(value='bad-input-value'),
    'config_store_secret': dict(value='bad-input-value'),
    'gateway_basic_auth': dict(password='bad-input-pw'),
    'event_gateway_listener': dict(addresses=['0.0.0.0'], ports=[9092]),
    'event_gateway_virtual_cluster': dict(authentication=[dict(type='anonymous')], dns_label='bi2', acl_mode='passthrough'),
    'event_gateway_backend_cluster': dict(bootstrap_servers=['kafka-1:9092'], authentication=dict(type='anonymous'), tls=dict(enabled=False)),
    'portal_ip_allow_list': dict(allowed_ips=['10.0.0.0/8']),
    'portal_email_domain': dict(domain='mail.example.com'),
    'personal_access_token': dict(ttl_seconds=86400),
    'gateway_service': dict(host='example.com'),
    'cloud_gateway_custom_domain': dict(control_plane='bi-control-plane'),
    'cloud_gateway_network': dict(provider='aws', region='us-east-2', availability_zones=['use2-az1', 'use2-az2'], cidr_block='10.1.0.0/16'),
    'cloud_gateway_configuration': dict(dataplane_groups=[]),
    'api_publication': dict(api='bi-api', portal='bi-portal'),
    'api_package_publication': dict(api_package='bi-api-package', portal='bi-portal'),
    'api_implementation': dict(api='bi-api', control_plane='bi-control-plane', service='bi-service'),
}


def baseline(task, kwargs, entity_names):
    spec = kwargs['argument_spec']
    values = dict((name, plausible(name, spec[name], entity_names, task)) for name in required_options(kwargs))
    return values


# -- the cases -------------------------------------------------------------------------------------------------------


def validation_cases(name, task, kwargs, base):
    """Cases argument validation refuses before any request."""
    spec = kwargs['argument_spec']
    yield Case(name, 'bogus_option', 'unknown-option', dict(base, bogus_option='x'))
    for option, option_spec in sorted(spec.items()):
        kind = option_spec.get('type', 'str')
        if kind in WRONG_TYPE:
            yield Case(name, option, 'wrong-type', dict(base, **{option: WRONG_TYPE[kind]}))
        if option_spec.get('choices'):
            bad = ['no-such-choice'] if kind == 'list' else 'no-such-choice'
            yield Case(name, option, 'unknown-choice', dict(base, **{option: bad}))
        for sub, sub_spec in sorted((option_spec.get('options') or {}).items()):
            sub_kind = sub_spec.get('type', 'str')
            if sub_kind in WRONG_TYPE and kind == 'dict':
                yield Case(name, sub, 'wrong-type-in-%s' % option, dict(base, **{option: {sub: WRONG_TYPE[sub_kind]}}))
    for option in required_options(kwargs):
        args = dict(base)
        args.pop(option)
        for group in kwargs.get('required_one_of', []):  # the other ways to identify it are missing too
            if option in group:
                for other in group:
                    args.pop(other, None)
        yield Case(name, option, 'missing', args)


def engine_cases(name, task, kwargs, base):
    """Cases only the engine or Konnect can refuse: they need the world."""
    spec = kwargs['argument_spec']
    entity = getattr(task, 'entity', None)
    links = []
    if entity is not None and isinstance(task, (EntityTask, InfoTask)):
        links = [link.option for link in tuple(entity.parents) + tuple(entity.references) if link.option in spec]
    for option in links:
        target = _target_entity(task, option)
        if not target:
            continue
        yield Case(name, option, 'unknown-by-name', dict(base, **{option: NO_SUCH % option}), network=True, needs_baseline=True)
        if option in [parent.option for parent in entity.parents]:  # an empty reference removes the link
            yield Case(name, option, 'empty', dict(base, **{option: ''}), network=True)
        yield Case(name, option, 'token-as-name', dict(base, **{option: FAKE_TOKEN}), network=True, hidden=(FAKE_TOKEN,))
    if 'id' in spec:
        yield Case(name, 'id', 'empty', dict(base, id=''), network=True)
        if isinstance(task, EntityTask):  # an _info module answers an id that matches nothing with an empty list
            yield Case(name, 'id', 'non-ascii', dict(base, id=NON_ASCII), network=True, needs_baseline=True)
    for option, bad in (('timeout', -1), ('timeout', 0), ('max_retries', -1)):
        yield Case(name, option, 'out-of-range-%s' % bad, dict(base, **{option: bad}), network=True)
    email = 'portal_email' if 'portal_email' in spec else 'konnect_email'
    yield Case(name, email, 'token-as-email', dict(base, **{email: FAKE_TOKEN}), network=True, hidden=(FAKE_TOKEN,))


# Numbers Konnect refuses, with the public rule: Kong's schema for services, routes, upstreams and targets
# (kong/db/schema/typedefs.lua: port 0-65535, timeout 1-2^31-2, retries 0-32767; targets' weight 0-65535;
# upstreams' slots 10-65536; tls_verify_depth 0-64), the route's redirect codes (426, 301, 302, 307, 308), and the
# collection's own rules where the option is the module's (a negative number of days or seconds).
OUT_OF_RANGE = {
    'port': 65536, 'retries': 32768, 'connect_timeout': 0, 'write_timeout': 0, 'read_timeout': 0, 'tls_verify_depth': 65,
    'weight': 65536, 'slots': 5, 'https_redirect_status_code': 200, 'rotate_before_days': -1, 'valid_days': 0,
    'ttl_seconds': -1, 'wait_timeout': -1,
}


def field_cases(name, task, kwargs, base):
    """Bad values of the entity's own fields, which the engine or Konnect refuses."""
    spec = kwargs['argument_spec']
    if not isinstance(task, EntityTask):
        return
    entity = task.entity
    for option, bad in sorted(OUT_OF_RANGE.items()):
        if spec.get(option, {}).get('type') in ('int', 'float'):
            yield Case(name, option, 'out-of-range', dict(base, **{option: bad}), network=True, needs_baseline=True)
    for field in entity.fields:
        limit = documented_max_length(entity, field.name) if field.type == 'str' and not field.choices and field.name in spec else None
        if limit:
            yield Case(name, field.name, 'oversized', dict(base, **{field.name: 'x' * (limit + 1)}), network=True, needs_baseline=True)
    for field in entity.fields_of_kind(LABELS):
        yield Case(name, field.name, 'non-ascii-label', dict(base, **{field.name: {'bi': NON_ASCII}}), network=True, needs_baseline=True)
        yield Case(name, field.name, 'oversized-label', dict(base, **{field.name: {'k' * 64: 'v'}}), network=True, needs_baseline=True)


def _spec_operations():
    """The create operations of Konnect's specs, as the emulator derived them: {path with {} for parameters: request schema}."""
    operations = {}
    for file_name in sorted(os.listdir(DERIVED_DIR)):
        with open(os.path.join(DERIVED_DIR, file_name)) as handle:
            facts = json.load(handle)
        for operation in facts.get('operations', []):
            if operation.get('method') == 'POST' and isinstance(operation.get('request'), dict):
                operations[re.sub(r'\{[^}]+\}', '{}', operation['path'])] = (operation['request'].get('schema') or {}, facts.get('$defs', {}))
    return operations


SPEC_OPERATIONS = _spec_operations()


def documented_max_length(entity, field):
    """The maxLength Konnect's spec gives the field in the entity's create request, if any: only there is a long value
    known to be refused (Kong's core entities, for one, set no limit on names)."""
    path = entity.create_path or entity.collection
    if not path:
        return None
    schema, defs = SPEC_OPERATIONS.get(re.sub(r'\{[^}]+\}', '{}', path), ({}, {}))
    for _depth in range(5):  # a $ref to an allOf of $refs at most
        if '$ref' in schema:
            schema = defs.get(schema['$ref'].rsplit('/', 1)[-1], {})
        elif schema.get('allOf'):
            merged = {}
            for part in schema['allOf']:
                part = defs.get(part['$ref'].rsplit('/', 1)[-1], {}) if '$ref' in part else part
                merged.update(part.get('properties') or {})
            schema = {'properties': merged}
    prop = (schema.get('properties') or {}).get(field) or {}
    if '$ref' in prop:
        prop = defs.get(prop['$ref'].rsplit('/', 1)[-1], {})
    return prop.get('maxLength')


def all_cases():
    entity_names = world_names()
    cases = []
    for name in module_names():
        task = load_task(name)
        kwargs = task.module_kwargs()
        base = baseline(task, kwargs, entity_names)
        base.update(BASELINE_EXTRA.get(name, {}))
        cases.extend(validation_cases(name, task, kwargs, base))
        cases.extend(engine_cases(name, task, kwargs, base))
        cases.extend(field_cases(name, task, kwargs, base))
    return cases


CASES = all_cases()


# -- running them ----------------------------------------------------------------------------------------------------


@pytest.fixture(scope='module')
def world(konnect):
    """The organization every case runs in, built once per worker."""
    konnect.reset()
    for module, args in WORLD:
        result = Module(konnect, module)(**args)
        assert not result.get('failed'), 'world: %s: %s' % (module, result.get('msg'))
    return konnect


def accepted_writes(sent):
    return [(request['method'], request['path'], request.get('status')) for request in sent
            if request['method'] not in READS and (request.get('status') or 0) < 400]


class PortalClientModule(Module):
    """A ``portal_client_*`` module: it connects to a portal host as a developer, not to Konnect's API."""

    def connection_args(self):
        return dict(portal_url=self.emulator.portal_url('bi-portal.example.com'), portal_email='bi-developer@example.com',
                    portal_password='bi-Passw0rd!', timeout=10, max_retries=0)


def module_for(emulator, name):
    if 'portal_url' in load_task(name).module_kwargs()['argument_spec']:
        return PortalClientModule(emulator, name)
    return Module(emulator, name)


BASELINE_VERDICTS = {}


def baseline_refusal(emulator, case):
    """Why Konnect or the engine refuses the case's task without its bad value (None: it accepts it, in check mode)."""
    if case.module not in BASELINE_VERDICTS:
        base = baseline(load_task(case.module), load_task(case.module).module_kwargs(), world_names())
        base.update(BASELINE_EXTRA.get(case.module, {}))
        result = module_for(emulator, case.module)(check_mode=True, **base)
        BASELINE_VERDICTS[case.module] = result.get('msg') if result.get('failed') else None
    return BASELINE_VERDICTS[case.module]


def problem_with(emulator, case):
    """What is wrong with how the task handles this bad input (None: it is refused as it should be)."""
    module = module_for(emulator, case.module)
    emulator.clear_requests()
    try:
        result = module(check_mode=case.check_mode, **case.args)
    except Exception as exc:  # pylint: disable=broad-except
        return 'an exception escaped: %r' % (exc,)
    sent = emulator.requests()
    msg = result.get('msg') or ''
    text = json.dumps(dict((key, value) for key, value in result.items() if key != SECRET_VALUES), default=str)  # what the wrapper masks
    if not result.get('failed'):
        return 'not refused: %s' % text[:300]
    if 'Traceback' in msg or 'exception' in result:
        return 'traceback: %s' % msg
    if case.option not in msg:
        return 'the message does not name %s: %s' % (case.option, msg)
    if accepted_writes(sent):
        return 'refused after writing: %s' % (accepted_writes(sent),)
    shown = [value for value in case.hidden if value in text]
    return 'shows %s' % shown[0][:12] if shown else None


def chunks(cases, size=200):
    """The cases in groups of whole modules: one test each, so that a forked test runner (ansible-test runs every
    test in a fork of its own) builds the world a few dozen times, not four thousand."""
    groups, group = [], []
    for name in module_names():
        group.extend(case for case in cases if case.module == name)
        if len(group) >= size:
            groups.append(group)
            group = []
    return groups + ([group] if group else [])


CHUNKS = chunks(CASES)


@pytest.mark.parametrize('chunk', CHUNKS, ids=['%s..%s' % (chunk[0].module, chunk[-1].module) for chunk in CHUNKS])
def test_bad_input_is_refused(world, chunk, record_property):
    problems, skipped = [], 0
    for case in chunk:
        if case.needs_baseline and baseline_refusal(world, case):
            skipped += 1  # the task is refused without the bad value too: the case would prove nothing
            continue
        problem = problem_with(world, case)
        if problem:
            problems.append('%s: %s' % (case.id, problem))
    record_property('bad_input_cases', len(chunk))
    record_property('bad_input_skipped', skipped)
    assert not problems, '%d of %d cases:\n%s' % (len(problems), len(chunk), '\n'.join(problems[:40]))


def test_case_count():
    """The issue asks for at least 1,000 generated cases, over every module; the session prints how many ran."""
    assert len(CASES) >= 1000
    assert set(case.module for case in CASES) == set(module_names())
    assert sum(case.needs_baseline for case in CASES) >= 400  # the engine-level cases are generated, not only argument errors


def test_case_ids_are_unique():
    assert len(set(case.id for case in CASES)) == len(CASES)
