# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Glue between a module's entity description and the two places a task can run.

``EntityTask``/``InfoTask`` build the module's argument spec from the entity description and run
the engine on validated parameters. ``main()`` runs it as a classic module on the target through
``AnsibleModule``; the collection's action plugin runs the same ``execute()`` in-process on the
controller.
"""

from __future__ import annotations

import os
import re

from ansible.module_utils.basic import AnsibleModule, missing_required_lib
from ansible.module_utils.errors import AnsibleFallbackNotFound

from ansible_collections.konnect.konnect.plugins.module_utils.client import HAS_REQUESTS, REGIONS, REQUESTS_IMPORT_ERROR, KonnectClient
from ansible_collections.konnect.konnect.plugins.module_utils.engine import InfoEngine, SingletonEngine, engine_for
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, TAGS, Token
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.special import DataPlaneCertificateEngine, GroupMembershipEngine, StaleNodeEngine


def env_fallback_if_set(*names):
    """The first of the environment variables that is set and not empty.

    Unlike ``env_fallback``, an empty variable counts as unset: AWX renders a credential field the
    user left empty as an empty environment variable.
    """
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    raise AnsibleFallbackNotFound


CONNECTION_SPEC = dict(
    konnect_token=dict(type='str', no_log=True, fallback=(env_fallback_if_set, ['KONNECT_TOKEN', 'KONNECT_SPAT'])),
    konnect_region=dict(type='str', choices=list(REGIONS), default='us', fallback=(env_fallback_if_set, ['KONNECT_REGION'])),
    konnect_api_url=dict(type='str', fallback=(env_fallback_if_set, ['KONNECT_API_URL'])),
    konnect_global_api_url=dict(type='str', fallback=(env_fallback_if_set, ['KONNECT_GLOBAL_API_URL'])),
    konnect_email=dict(type='str', fallback=(env_fallback_if_set, ['KONNECT_EMAIL'])),
    konnect_password=dict(type='str', no_log=True, fallback=(env_fallback_if_set, ['KONNECT_PASSWORD'])),
    validate_certs=dict(type='bool', default=True),
    ca_path=dict(type='path'),
    timeout=dict(type='int', default=30),
    max_retries=dict(type='int', default=5),
)

# A result or error key holding values to mask wherever they appear (secrets of a document that are not options).
SECRET_VALUES = '_konnect_secret_values'

# Options the collection itself defines (not Konnect fields) and the least value each can take.
AT_LEAST = {'rotate_before_days': 0, 'wait_timeout': 0, 'valid_days': 1, 'parallelism': 1}
# Every label schema of Konnect's APIs (Labels, LabelsUpdate, PublicLabels, MeshControlPlaneLabels, SCGWLabels in the
# merged OpenAPI spec): keys of 1-63 characters; values of 1-63 characters matching this pattern (or null, to remove).
LABEL_VALUE = re.compile(r'^[a-z0-9A-Z]([a-z0-9A-Z._-]*[a-z0-9A-Z])?$')
# A Konnect access token: 'kpat_' (personal) or 'spat_' (system account), then its random part.
TOKEN_SHAPE = re.compile(r'^\s*(kpat|spat)_[A-Za-z0-9]{20,}\s*$')


def refuse_misplaced_values(spec, params, identity_options=()):
    """Before any request: a Konnect token in an option that is not secret (it would be sent as a name and shown in
    messages and logs), and an empty name or id (which would otherwise mean "not given")."""
    for name, option in sorted(spec.items()):
        value = params.get(name)
        if option.get('no_log'):
            continue
        for item in (value if isinstance(value, list) else [value]):
            if not isinstance(item, str):
                continue
            if TOKEN_SHAPE.match(item):
                raise KonnectParameterError('%s: the value looks like a Konnect access token (kpat_/spat_), which belongs in konnect_token only; '
                                            'it was not sent anywhere and is not shown.' % name, **{SECRET_VALUES: [item]})
            if name in identity_options and not item.strip():
                raise KonnectParameterError('%s: empty; give a name or an id, or leave the option out.' % name)
        if name in AT_LEAST and isinstance(value, int) and value < AT_LEAST[name]:
            raise KonnectParameterError('%s: must be %d or more, got %d.' % (name, AT_LEAST[name], value))


SECRET_NAME = re.compile(r'pass(?!ive)|secret|token|key|credential', re.IGNORECASE)


def _secret_leaves(value, secret):
    """The strings in ``value`` that are secret: all of a secret value, or below it those under secret-looking keys
    (``{"type": "basic", "username": "u", "password": "p"}`` gives only ``p``: masking ``basic`` would garble logs)."""
    if isinstance(value, str):
        return [value] if secret and value else []
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _secret_leaves(item, bool(SECRET_NAME.search(str(key))))]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _secret_leaves(item, secret)]
    return []


def check_labels(name, labels):
    """Konnect's rules for labels, checked before any request (Konnect would refuse them only at the write)."""
    for key, value in sorted((labels or {}).items(), key=lambda item: str(item[0])):
        if not 1 <= len(str(key)) <= 63:
            raise KonnectParameterError('%s: the key %r must have 1 to 63 characters.' % (name, key))
        if value is not None and not (isinstance(value, str) and len(value) <= 63 and LABEL_VALUE.match(value)):
            raise KonnectParameterError('%s: the value of %r must have 1 to 63 characters: letters, digits, "-", "." and "_", '
                                        'starting and ending with a letter or digit; got %r.' % (name, key, value))


class TaskModule(AnsibleModule):
    """``AnsibleModule`` that masks the task's nested secrets (``hidden_values``: a plugin's Redis password) before it
    logs its invocation to syslog, which it does inside its constructor, before ``run_as_module`` could add them."""

    def __init__(self, task, **kwargs):
        self.task = task
        super(TaskModule, self).__init__(**kwargs)

    def mask_hidden_values(self):
        self.no_log_values.update(str(value) for value in getattr(self.task, 'hidden_values', lambda params: [])(self.params))

    def _log_invocation(self):
        self.mask_hidden_values()
        super(TaskModule, self)._log_invocation()


def run_as_module(task, missing=None):
    """Run ``task`` as a classic module on the target: AnsibleModule validates, ``task.execute`` does the work.

    ``missing`` is a library the task needs, as (name, import error), when it could not be imported.
    """
    module = TaskModule(task, **task.module_kwargs())
    module.mask_hidden_values()  # also when the task is no_log, so nothing was logged
    missing_libraries = ([] if HAS_REQUESTS else [('requests', REQUESTS_IMPORT_ERROR)]) + ([missing] if missing else [])
    for name, error in missing_libraries:
        module.fail_json(msg=missing_required_lib(name), exception=error)
    try:
        result = task.execute(module.params, module.check_mode, module._diff, module.warn)
    except KonnectError as exc:
        module.no_log_values.update(str(value) for value in exc.details.pop(SECRET_VALUES, []))
        module.fail_json(msg=exc.msg, **exc.details)
    module.no_log_values.update(str(value) for value in result.pop(SECRET_VALUES, []))
    result.pop('_ansible_no_log', None)  # modules may not set it; the action plugin restores it (see returns_secret)
    module.exit_json(**result)


CONNECTION_RULES = dict(
    mutually_exclusive=[('konnect_token', 'konnect_email')],
    required_together=[('konnect_email', 'konnect_password')],
)


class _Task(object):
    """What entity and info tasks share: the connection options and how they are run."""

    connection_spec = CONNECTION_SPEC  # the options that say where to connect and as whom
    connection_rules = CONNECTION_RULES

    def __init__(self, entity_name, registry=get_entity):
        self.registry = registry
        self.entity = registry(entity_name)

    def argument_spec(self):
        spec = dict(self.connection_spec)
        for parent in self.entity.parents:
            spec[parent.option] = dict(type='str', required=parent.required)
            spec.update(parent.options)
        spec.update(self.entity_options())
        return spec

    def entity_options(self):
        raise NotImplementedError

    def module_kwargs(self):
        rules = dict((name, list(value)) for name, value in self.connection_rules.items())
        for name, value in self.extra_rules().items():
            rules[name] = rules.get(name, []) + list(value)
        return dict(argument_spec=self.argument_spec(), supports_check_mode=True, **rules)

    def extra_rules(self):
        return {}

    def execute(self, params, check_mode=False, diff_mode=False, warn=None, progress=None):
        """Run the engine on validated parameters; return its result dict or raise KonnectError."""
        self.refuse_misplaced(params)
        client = KonnectClient.from_params(params, warn=warn)
        engine = self.engine(params, client, check_mode, diff_mode)
        if progress is not None:
            engine.progress = progress
        return engine.run()

    def engine(self, params, client, check_mode, diff_mode):
        raise NotImplementedError

    def refuse_misplaced(self, params):
        refuse_misplaced_values(self.argument_spec(), params, self.identity_options())
        for field in self.entity.fields_of_kind(LABELS):
            if isinstance(params.get(field.name), dict):
                check_labels(field.name, params[field.name])

    def identity_options(self):
        """The options that name or identify an entity: an empty string there is a mistake, not "not given" (for a
        reference, an empty string removes the link)."""
        entity = self.entity
        names = ['id'] + [parent.option for parent in entity.parents]
        return names + [key for key in entity.keys if entity.field(key) is not None and entity.field(key).type == 'str']

    def hidden_values(self, params):
        """Values the wrapper must mask beyond the no_log options: the secret keys inside dict options (a backend
        cluster's ``authentication.password``), which an argument spec without sub-options cannot mark no_log."""
        values = []
        for field in getattr(self.entity, 'fields', ()):
            value = params.get(field.name)
            if field.secret_keys and isinstance(value, dict):
                for key in field.secret_keys:
                    values.extend(_secret_leaves(value.get(key), True))
        return values + getattr(self.entity, 'secrets_inside', lambda params: [])(params)

    def main(self):
        run_as_module(self)

    def returns_secret(self, result):
        """Whether ``result`` carries a one-time secret, so that logs and callbacks must not show it."""
        result_field = getattr(self.entity, 'result_field', None)  # a Token's, or another entity type's one-time secret
        return bool(result_field) and bool(result.get(result_field))


class EntityTask(_Task):
    """A module that converges one entity: ``state: present|absent`` (singletons: present only, unless deletable)."""

    def entity_options(self):
        entity = self.entity
        options = {}
        if not entity.singleton:
            options['id'] = dict(type='str')
        if not entity.singleton or entity.deletable:
            options['state'] = dict(type='str', choices=['present', 'absent'], default='present')
        for field in entity.fields:
            options[field.name] = field.option_spec()
        for reference in entity.references:
            options[reference.option] = reference.option_spec()
        if entity.fields_of_kind(LABELS):
            options['purge_labels'] = dict(type='bool', default=False)
        if entity.fields_of_kind(TAGS):
            options['purge_tags'] = dict(type='bool', default=False)
        if entity.has_secrets:
            options['update_secrets'] = dict(type='str', choices=['on_create', 'always'], default='on_create')
        if entity.has_create_only:
            options['recreate'] = dict(type='bool', default=False)
        if isinstance(entity, Token):
            options['rotate'] = dict(type='bool', default=False)
            options['rotate_before_days'] = dict(type='int')
        options.update(entity.extra_options or {})
        return options

    def argument_spec(self):
        spec = super(EntityTask, self).argument_spec()
        if self.entity.singleton:
            return spec
        for name, option in spec.items():
            if option.get('required') and name not in [parent.option for parent in self.entity.parents]:
                option['required'] = False  # needed to create or find the entity, not to delete it by id
        return spec

    def extra_rules(self):
        entity = self.entity
        if entity.singleton:
            return {}
        needed = [field.name for field in entity.fields if field.required]
        needed += [reference.option for reference in entity.references if reference.required]
        if entity.identified_by:
            return dict(required_one_of=[tuple(entity.identified_by) + ('id',)], required_if=[('state', 'present', needed)] if needed else [])
        if entity.key_field:
            return dict(required_one_of=[(entity.key, 'id')], required_if=[('state', 'present', needed)] if needed else [])
        return dict(required_if=[('state', 'present', needed)] if needed else [])

    def engine(self, params, client, check_mode, diff_mode):
        return engine_for(self.entity)(self.entity, params, client, self.registry, check_mode=check_mode, diff_mode=diff_mode)


class InfoTask(_Task):
    """A ``_info`` module: reads entities, always returns a list under the plural key."""

    def entity_options(self):
        if self.entity.singleton:
            return {}
        options = {'id': dict(type='str'), 'filters': dict(type='dict')}
        lookup = self.entity.lookup_field
        if lookup:
            key_spec = dict(lookup.option_spec())
            key_spec.pop('choices', None)
            key_spec.pop('required', None)
            options[lookup.name] = key_spec
        return options

    def extra_rules(self):
        if self.entity.singleton:
            return {}
        exclusive = ['id', 'filters'] + ([self.entity.lookup_field.name] if self.entity.lookup_field else [])
        return dict(mutually_exclusive=[tuple(exclusive)])

    def engine(self, params, client, check_mode, diff_mode):
        return (self.entity.info_engine_class or InfoEngine)(self.entity, params, client, self.registry)


class OrganizationTask(_Task):
    """The organization: read ``/v3/organizations/me`` and converge the settings the task gives, each a singleton."""

    SETTINGS = ('personal_access_token_settings', 'ip_allow_list', 'impersonation_settings')

    def __init__(self, registry=get_entity):
        super(OrganizationTask, self).__init__('organization', registry)
        self.settings = [registry(name) for name in self.SETTINGS]

    def entity_options(self):
        return dict((entity.name, dict(type='dict', no_log=False, options=dict((field.name, field.option_spec()) for field in entity.fields)))
                    for entity in self.settings)

    def execute(self, params, check_mode=False, diff_mode=False, warn=None, progress=None):
        self.refuse_misplaced(params)
        client = KonnectClient.from_params(params, warn=warn)
        result = {'changed': False, 'organization': client.get_once('/v3/organizations/me', what='the organization')}
        diff = {'before': {}, 'after': {}}
        for entity in self.settings:
            wanted = params.get(entity.name)
            if wanted is None:
                continue
            sub = SingletonEngine(entity, dict(params, **wanted), client, self.registry, check_mode=check_mode, diff_mode=diff_mode).run()
            result['changed'] = result['changed'] or sub['changed']
            result[entity.name] = sub[entity.name]
            for side in ('before', 'after'):
                diff[side][entity.name] = sub.get('diff', {}).get(side, {})
        result['action'] = 'updated' if result['changed'] else 'unchanged'
        if diff_mode:
            result['diff'] = diff
        return result


class GroupMembershipTask(_Task):
    """The members of a control plane group: add (present), remove (absent), or make exact (exclusive)."""

    def __init__(self, registry=get_entity):
        super(GroupMembershipTask, self).__init__('control_plane', registry)

    def entity_options(self):
        return dict(
            group=dict(type='str', required=True),
            members=dict(type='list', elements='str', default=[]),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
            exclusive=dict(type='bool', default=False),
        )

    def engine(self, params, client, check_mode, diff_mode):
        return GroupMembershipEngine(params, client, self.registry, check_mode=check_mode, diff_mode=diff_mode)


class DataPlaneCertificateTask(EntityTask):
    """A pinned data-plane certificate, which the task may generate (key pair and self-signed certificate) first."""

    def __init__(self, registry=get_entity):
        super(DataPlaneCertificateTask, self).__init__('dp_client_certificate', registry)

    def entity_options(self):
        options = super(DataPlaneCertificateTask, self).entity_options()
        options.update(
            generate=dict(type='bool', default=False),
            cert_path=dict(type='path'),
            key_path=dict(type='path', no_log=False),
            common_name=dict(type='str'),
            valid_days=dict(type='int', default=365),
        )
        return options

    def extra_rules(self):
        return dict(required_if=[('generate', True, ('cert_path', 'key_path'))])

    def engine(self, params, client, check_mode, diff_mode):
        return DataPlaneCertificateEngine(params, client, self.registry, check_mode=check_mode, diff_mode=diff_mode)

    def returns_secret(self, result):
        return bool(result.get('key'))


class DataPlaneNodeTask(_Task):
    """``dp_node``: removes data-plane node records, by id, host name or age (``state: absent`` only)."""

    def __init__(self, registry=get_entity):
        super(DataPlaneNodeTask, self).__init__('dp_node', registry)

    def entity_options(self):
        return dict(id=dict(type='str'), hostname=dict(type='str'), not_seen_for=dict(type='int'),
                    state=dict(type='str', choices=['absent'], required=True))

    def extra_rules(self):
        return dict(required_one_of=[('id', 'hostname', 'not_seen_for')])

    def engine(self, params, client, check_mode, diff_mode):
        return StaleNodeEngine(params, client, self.registry, check_mode=check_mode, diff_mode=diff_mode)
