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

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.konnect.konnect.plugins.module_utils.client import HAS_REQUESTS, REGIONS, REQUESTS_IMPORT_ERROR, KonnectClient
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, InfoEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, TAGS
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError

CONNECTION_SPEC = dict(
    konnect_token=dict(type='str', no_log=True, fallback=(env_fallback, ['KONNECT_TOKEN', 'KONNECT_SPAT'])),
    konnect_region=dict(type='str', choices=list(REGIONS), default='us', fallback=(env_fallback, ['KONNECT_REGION'])),
    konnect_api_url=dict(type='str', fallback=(env_fallback, ['KONNECT_API_URL'])),
    konnect_global_api_url=dict(type='str', fallback=(env_fallback, ['KONNECT_GLOBAL_API_URL'])),
    konnect_email=dict(type='str', fallback=(env_fallback, ['KONNECT_EMAIL'])),
    konnect_password=dict(type='str', no_log=True, fallback=(env_fallback, ['KONNECT_PASSWORD'])),
    validate_certs=dict(type='bool', default=True),
    ca_path=dict(type='path'),
    timeout=dict(type='int', default=30),
    max_retries=dict(type='int', default=5),
)

CONNECTION_RULES = dict(
    mutually_exclusive=[('konnect_token', 'konnect_email')],
    required_together=[('konnect_email', 'konnect_password')],
)


class _Task(object):
    """What entity and info tasks share: the connection options and how they are run."""

    def __init__(self, entity_name, registry=get_entity):
        self.registry = registry
        self.entity = registry(entity_name)

    def argument_spec(self):
        spec = dict(CONNECTION_SPEC)
        for parent in self.entity.parents:
            spec[parent.option] = dict(type='str', required=parent.required)
        spec.update(self.entity_options())
        return spec

    def entity_options(self):
        raise NotImplementedError

    def module_kwargs(self):
        rules = dict(CONNECTION_RULES)
        rules.update(self.extra_rules())
        return dict(argument_spec=self.argument_spec(), supports_check_mode=True, **rules)

    def extra_rules(self):
        return {}

    def execute(self, params, check_mode=False, diff_mode=False, warn=None):
        """Run the engine on validated parameters; return its result dict or raise KonnectError."""
        client = KonnectClient.from_params(params, warn=warn)
        return self.engine(params, client, check_mode, diff_mode).run()

    def engine(self, params, client, check_mode, diff_mode):
        raise NotImplementedError

    def main(self):
        module = AnsibleModule(**self.module_kwargs())
        if not HAS_REQUESTS:
            module.fail_json(msg=missing_required_lib('requests'), exception=REQUESTS_IMPORT_ERROR)
        try:
            result = self.execute(module.params, module.check_mode, module._diff, module.warn)
        except KonnectError as exc:
            module.fail_json(msg=exc.msg, **exc.details)
        module.exit_json(**result)


class EntityTask(_Task):
    """A module that converges one entity: ``state: present|absent``."""

    def entity_options(self):
        entity = self.entity
        options = dict(
            id=dict(type='str'),
            state=dict(type='str', choices=['present', 'absent'], default='present'),
        )
        for field in entity.fields:
            options[field.name] = field.option_spec()
        for reference in entity.references:
            options[reference.option] = dict(type='str')
        if entity.fields_of_kind(LABELS):
            options['purge_labels'] = dict(type='bool', default=False)
        if entity.fields_of_kind(TAGS):
            options['purge_tags'] = dict(type='bool', default=False)
        if entity.has_secrets:
            options['update_secrets'] = dict(type='str', choices=['on_create', 'always'], default='on_create')
        if entity.has_create_only:
            options['recreate'] = dict(type='bool', default=False)
        return options

    def extra_rules(self):
        return dict(required_one_of=[(self.entity.key, 'id')])

    def engine(self, params, client, check_mode, diff_mode):
        return EntityEngine(self.entity, params, client, self.registry, check_mode=check_mode, diff_mode=diff_mode)


class InfoTask(_Task):
    """A ``_info`` module: reads entities, always returns a list under the plural key."""

    def argument_spec(self):
        spec = super(InfoTask, self).argument_spec()
        for parent in self.entity.parents:
            spec[parent.option]['required'] = parent.required
        return spec

    def entity_options(self):
        key_spec = dict(self.entity.key_field.option_spec()) if self.entity.key_field else dict(type='str')
        key_spec.pop('choices', None)
        return {
            'id': dict(type='str'),
            self.entity.key: key_spec,
            'filters': dict(type='dict'),
        }

    def extra_rules(self):
        return dict(mutually_exclusive=[('id', self.entity.key, 'filters')] + CONNECTION_RULES['mutually_exclusive'])

    def engine(self, params, client, check_mode, diff_mode):
        return InfoEngine(self.entity, params, client, self.registry)
