# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The tasks of the ``portal_client_*`` modules: the runner's tasks, connected to a portal host as a developer.

They take the portal's connection options instead of Konnect's, talk through ``PortalClient``, and hand the values the
client holds (the password, the session cookies, sign-up tokens) to the wrapper as ``SECRET_VALUES``, so that neither a
result nor an error shows them.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError
from ansible_collections.konnect.konnect.plugins.module_utils.portal_client import PortalClient
from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_SPEC, SECRET_VALUES, EntityTask, _Task, env_fallback_if_set

PORTAL_CONNECTION_SPEC = dict(
    portal_url=dict(type='str', fallback=(env_fallback_if_set, ['KONNECT_PORTAL_URL'])),
    portal_email=dict(type='str', fallback=(env_fallback_if_set, ['KONNECT_PORTAL_EMAIL'])),
    portal_password=dict(type='str', no_log=True, fallback=(env_fallback_if_set, ['KONNECT_PORTAL_PASSWORD'])),
    **dict((name, CONNECTION_SPEC[name]) for name in ('validate_certs', 'ca_path', 'timeout', 'max_retries'))
)

# What a task returns beside its entity that Konnect shows once: the task's result is then hidden from logs.
ONE_TIME_SECRETS = ('credential', 'client_secret')


class PortalTaskMixin(object):
    """Connects as the developer to the portal at ``portal_url``; masks what the client holds in results and errors."""

    connection_spec = PORTAL_CONNECTION_SPEC
    connection_rules = {}

    def execute(self, params, check_mode=False, diff_mode=False, warn=None, progress=None):
        self.refuse_misplaced(params)
        client = PortalClient.from_params(params, warn=warn)
        try:
            result = self.engine(params, client, check_mode, diff_mode).run()
        except KonnectError as exc:
            exc.details[SECRET_VALUES] = client.secret_values() + list(exc.details.get(SECRET_VALUES, []))
            raise
        result[SECRET_VALUES] = client.secret_values() + list(result.get(SECRET_VALUES, []))
        return result

    def returns_secret(self, result):
        return any(result.get(name) for name in ONE_TIME_SECRETS)


class PortalEntityTask(PortalTaskMixin, EntityTask):
    """An entity the developer owns (an application, a registration, a credential)."""


class PortalCredentialTask(PortalEntityTask):
    """A credential, or with ``regenerate_secret`` the one client secret of a client-credentials application."""

    def __init__(self):
        super(PortalCredentialTask, self).__init__('portal_client_credential')

    def extra_rules(self):
        rules = super(PortalCredentialTask, self).extra_rules()
        rules['required_one_of'] = [('display_name', 'id', 'regenerate_secret')]
        rules['mutually_exclusive'] = [('regenerate_secret', 'rotate'), ('regenerate_secret', 'rotate_before_days')]
        return rules


class PortalDeveloperTask(PortalEntityTask):
    """The developer's own account (sign-up, its completion, its status); the developer is ``portal_email``."""

    def __init__(self):
        super(PortalDeveloperTask, self).__init__('portal_client_developer')

    def entity_options(self):
        return dict(
            full_name=dict(type='str'),
            verification_token=dict(type='str', no_log=True),
            password=dict(type='str', no_log=True),
        )

    def extra_rules(self):
        return {}


class PortalInfoTask(PortalTaskMixin, _Task):
    """What the developer can read: the options are the entity's ``extra_options``, the engine its ``info_engine_class``."""

    def entity_options(self):
        return dict(self.entity.extra_options or {})

    def engine(self, params, client, check_mode, diff_mode):
        return self.entity.info_engine_class(self.entity, params, client, self.registry, check_mode=check_mode)
