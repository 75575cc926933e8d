# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Application auth strategies and DCR providers: how developers' applications authenticate (regional, /v2).

Facts from ``application-auth-strategies-v2.yaml``: a strategy's ``strategy_type`` and a provider's ``provider_type``
are fixed at creation (neither is in its PATCH body); each kind has its own ``configs``/``dcr_config`` schema; the DCR
secrets (``initial_client_secret``, ``dcr_token``, ``api_key``) are never returned; a strategy still in use cannot be
deleted (409, AS:263).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import LABELS, LOOKUP_FILTER, PLAIN, Entity, Field, IdReference
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError, KonnectParameterError

STRING_FILTER = ('eq', 'oeq', 'neq', 'contains', 'ocontains')
UUID_FILTER = ('eq', 'oeq', 'neq')

# -- application auth strategies ------------------------------------------------------------------

KEY_AUTH = 'key_auth'
OPENID_CONNECT = 'openid_connect'
# strategy_type -> the key its settings go under in ``configs`` (Konnect spells them with a dash).
CONFIG_KEYS = {KEY_AUTH: 'key-auth', OPENID_CONNECT: 'openid-connect'}
OIDC_REQUIRED = ('issuer', 'credential_claim', 'scopes', 'auth_methods')
# Item limits of the configs' lists (AppAuthStrategyConfigKeyAuth, AppAuthStrategyConfigOpenIDConnect).
LIST_LIMITS = {'key_names': (1, 10, 256), 'credential_claim': (0, 10, 128), 'scopes': (0, 50, 128), 'auth_methods': (0, 10, 64)}

STRATEGY_CONFIGS = dict(
    key_auth=dict(type='dict', no_log=False, options=dict(
        key_names=dict(type='list', elements='str', no_log=False),
        ttl=dict(type='dict', options=dict(value=dict(type='int', required=True),
                                           unit=dict(type='str', required=True, choices=['days', 'weeks', 'years']))),
    )),
    openid_connect=dict(type='dict', options=dict(
        issuer=dict(type='str'),
        credential_claim=dict(type='list', elements='str'),
        scopes=dict(type='list', elements='str'),
        auth_methods=dict(type='list', elements='str'),
        additional_properties=dict(type='dict'),
    )),
)


def without_nones(value):
    """A dict option as the task means it: the suboptions it leaves out (None) are not part of it."""
    if isinstance(value, dict):
        return dict((key, without_nones(item)) for key, item in value.items() if item is not None)
    return value


def strategy_configs(configs):
    """``configs`` as Konnect takes it: ``key_auth`` under ``key-auth``, ``openid_connect`` (with its
    ``additional_properties`` laid beside the named settings) under ``openid-connect``."""
    configs = without_nones(configs)
    konnect = {}
    for kind, key in CONFIG_KEYS.items():
        if kind in configs:
            settings = dict(configs[kind])
            settings.update(settings.pop('additional_properties', None) or {})
            konnect[key] = settings
    return konnect


def prepare_strategy(body):
    if 'configs' in body:
        body['configs'] = strategy_configs(body['configs'])
    if 'principals' in body:
        body['principals'] = without_nones(body['principals'])
    return body


class DcrProviderReference(IdReference):
    """A strategy's DCR provider: sent as ``dcr_provider_id``, answered as ``dcr_provider: {id, name, ...}``."""

    def current(self, obj):
        provider = obj.get('dcr_provider')
        if isinstance(provider, dict):
            return provider.get('id')
        return obj.get(self.body_field)


def is_url(value):
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ('http', 'https') and parts.hostname)


def check_list(option, values):
    minimum, maximum, length = LIST_LIMITS[option.rsplit('.', 1)[-1]]
    if not minimum <= len(values) <= maximum:
        raise KonnectParameterError('%s: Konnect takes %d to %d entries, the task gives %d.' % (option, minimum, maximum, len(values)))
    for value in values:
        if len(value) > length:
            raise KonnectParameterError('%s: %r is longer than Konnect allows (%d characters).' % (option, value, length))


def kind_words(strategy_type):
    return ('an %s' if strategy_type == OPENID_CONNECT else 'a %s') % strategy_type


def check_strategy_configs(configs, strategy_type, creating):
    """Refuse configs Konnect would refuse: the other kind's settings, and the limits of the kind's schema."""
    other = [kind for kind in CONFIG_KEYS if kind != strategy_type and CONFIG_KEYS[kind] in configs]
    if other:
        raise KonnectParameterError('configs: %s strategy takes configs.%s, not configs.%s (strategy_type cannot change; see recreate).' % (
            kind_words(strategy_type), strategy_type, other[0]))
    settings = configs.get(CONFIG_KEYS[strategy_type])
    if settings is None:
        if creating:
            raise KonnectParameterError('configs: %s strategy needs configs.%s.' % (kind_words(strategy_type), strategy_type))
        return
    prefix = 'configs.%s.' % strategy_type
    if strategy_type == OPENID_CONNECT:
        missing = [name for name in OIDC_REQUIRED if settings.get(name) is None]
        if creating and missing:
            raise KonnectParameterError('%s: required to create an openid_connect strategy.' % ', '.join(prefix + name for name in missing))
        if settings.get('issuer') is not None and not is_url(settings['issuer']):
            raise KonnectParameterError('%sissuer: %r is not an absolute URL such as https://idp.example.com/oauth2/default.' % (
                prefix, settings['issuer']))
    for name in LIST_LIMITS:
        if isinstance(settings.get(name), list):
            check_list(prefix + name, settings[name])


def check_strategy(engine, current=None):
    """Before any write: the configs fit the kind, and a strategy about to be deleted is not in use."""
    decision = engine.last_decision
    deleting = engine.params.get('state') == 'absent' or (decision is not None and decision.action == decide.RECREATE)
    if decision is not None and decision.action in (decide.CREATE, decide.RECREATE, decide.UPDATE):
        creating = decision.action != decide.UPDATE
        strategy_type = decision.body.get('strategy_type') if creating else (current or {}).get('strategy_type')
        if strategy_type in CONFIG_KEYS:
            check_strategy_configs(decision.body.get('configs') or {}, strategy_type, creating)
        if decision.body.get('dcr_provider_id') and strategy_type != OPENID_CONNECT:
            raise KonnectParameterError('dcr_provider: only an openid_connect strategy can use a DCR provider; this one is %s.' % strategy_type)
    if deleting and current is not None:
        uses = strategy_uses(engine.client, current['id'])
        if uses:
            raise KonnectError('%s is still used by %s. Konnect refuses to delete a strategy in use (409); point them at another '
                               'strategy or remove them first.' % (engine.describe_current(current), '; '.join(uses)), used_by=uses)


def strategy_uses(client, strategy_id):
    """What uses a strategy, in words: portals (their default strategy), API publications and applications.

    Best effort: a list the token may not read (403) is skipped, and Konnect's own 409 still guards the delete.
    """
    uses = []
    portals = readable_list(client, '/v3/portals', what='portals')
    names = dict((portal.get('id'), portal.get('name')) for portal in portals)
    for portal in portals:
        if portal.get('default_application_auth_strategy_id') == strategy_id:
            uses.append("portal '%s' (its default application auth strategy)" % portal.get('name'))
    for publication in readable_list(client, '/v3/api-publications', {'filter[auth_strategy_id][eq]': strategy_id}, 'API publications'):
        if strategy_id in (publication.get('auth_strategy_ids') or []):
            portal = names.get(publication.get('portal_id'), publication.get('portal_id'))
            uses.append("the publication of API %s to portal '%s'" % (api_label(client, publication.get('api_id')), portal))
    for portal in portals:
        for application in readable_list(client, '/v3/portals/%s/applications' % portal['id'], what='applications'):
            if (application.get('auth_strategy') or {}).get('id') == strategy_id or application.get('auth_strategy_id') == strategy_id:
                uses.append("application '%s' of portal '%s'" % (application.get('name'), portal.get('name')))
    return uses


def readable_list(client, path, params=None, what=None):
    """Every item of a list, or none when the token may not read it."""
    try:
        return list(client.paginate(path, 'page', params, what=what))
    except KonnectApiError as exc:
        if exc.status == 403:
            return []
        raise


def api_label(client, api_id):
    """``'name version'`` of an API, or its id when it cannot be read."""
    try:
        response = client.get('/v3/apis/%s' % api_id, what='API %s' % api_id, expected=(403, 404))
    except KonnectApiError:
        return api_id
    api = response.body if response.status == 200 else None
    if not isinstance(api, dict) or not api.get('name'):
        return api_id
    return "'%s'" % (api['name'] if not api.get('version') else '%s %s' % (api['name'], api['version']))


APPLICATION_AUTH_STRATEGY = Entity(
    'application_auth_strategy', 'application auth strategy', '/v2/application-auth-strategies', plural='application_auth_strategies',
    fields=[
        Field('name'),
        Field('display_name', create_required=True),
        Field('strategy_type', choices=[KEY_AUTH, OPENID_CONNECT], create_only=True, create_required=True),
        Field('configs', type='dict', options=STRATEGY_CONFIGS, create_required=True),
        Field('principals', type='dict', options=dict(enabled=dict(type='bool', required=True))),
        Field('labels', type='dict', kind=LABELS),
    ],
    references=[DcrProviderReference('dcr_provider', 'dcr_provider', body_field='dcr_provider_id')],
    match_paths={'dcr_provider_id': 'dcr_provider.id'},
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True,
    filterable={'name': STRING_FILTER, 'display_name': STRING_FILTER, 'strategy_type': STRING_FILTER,
                'dcr_provider_id': UUID_FILTER, 'dcr_provider_name': STRING_FILTER, 'dcr_provider_type': STRING_FILTER},
    prepare=prepare_strategy, writable=check_strategy,
)

# -- DCR providers -----------------------------------------------------------------------------------

DCR_SECRETS = ('initial_client_secret', 'dcr_token', 'api_key')
# provider_type -> the dcr_config keys of its request schemas (CreateDcrConfig<Kind>InRequest), required ones first.
DCR_CONFIG_KEYS = {
    'auth0': ('initial_client_id', 'initial_client_secret', 'initial_client_audience', 'use_developer_managed_scopes'),
    'azureAd': ('initial_client_id', 'initial_client_secret'),
    'curity': ('initial_client_id', 'initial_client_secret'),
    'okta': ('dcr_token',),
    'http': ('dcr_base_url', 'api_key', 'disable_event_hooks', 'disable_refresh_secret', 'allow_multiple_credentials'),
    'kongIdentity': (),
}
DCR_CONFIG_REQUIRED = {
    'auth0': ('initial_client_id', 'initial_client_secret'),
    'azureAd': ('initial_client_id', 'initial_client_secret'),
    'curity': ('initial_client_id', 'initial_client_secret'),
    'okta': ('dcr_token',),
    'http': ('dcr_base_url', 'api_key'),
    'kongIdentity': (),
}
DCR_CONFIG = dict(
    initial_client_id=dict(type='str'),
    initial_client_secret=dict(type='str', no_log=True),
    initial_client_audience=dict(type='str'),
    use_developer_managed_scopes=dict(type='bool'),
    dcr_token=dict(type='str', no_log=True),
    dcr_base_url=dict(type='str'),
    api_key=dict(type='str', no_log=True),
    disable_event_hooks=dict(type='bool'),
    disable_refresh_secret=dict(type='bool'),
    allow_multiple_credentials=dict(type='bool'),
)
API_KEY_CHARACTERS = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')


def check_dcr_config(config, provider_type, creating):
    """Refuse a dcr_config Konnect would refuse: keys of another kind, missing required keys, a malformed value."""
    allowed = DCR_CONFIG_KEYS[provider_type]
    foreign = sorted(key for key in config if key not in allowed)
    if foreign:
        raise KonnectParameterError('dcr_config: a DCR provider of type %s takes %s; not %s.' % (
            provider_type, ', '.join(allowed) if allowed else 'no dcr_config', ', '.join(foreign)))
    missing = [key for key in DCR_CONFIG_REQUIRED[provider_type] if config.get(key) is None]
    if creating and missing:
        raise KonnectParameterError('%s: required to create a DCR provider of type %s.' % (', '.join('dcr_config.' + key for key in missing), provider_type))
    if config.get('dcr_base_url') is not None and not is_url(config['dcr_base_url']):
        raise KonnectParameterError('dcr_config.dcr_base_url: %r is not an absolute URL such as https://dcr.example.com/v1.' % config['dcr_base_url'])
    api_key = config.get('api_key')
    if api_key is not None and (len(api_key) < 12 or len(api_key) > 256 or not set(api_key) <= API_KEY_CHARACTERS):
        raise KonnectParameterError('dcr_config.api_key: Konnect takes 12 to 256 letters, digits and underscores.')


def check_dcr_provider(engine, current=None):
    """Before any write: dcr_config fits the provider type, and a provider about to be deleted has no strategies."""
    decision = engine.last_decision
    deleting = engine.params.get('state') == 'absent' or (decision is not None and decision.action == decide.RECREATE)
    if decision is not None and decision.action in (decide.CREATE, decide.RECREATE, decide.UPDATE):
        creating = decision.action != decide.UPDATE
        provider_type = decision.body.get('provider_type') if creating else (current or {}).get('provider_type')
        if decision.body.get('issuer') is not None and not is_url(decision.body['issuer']):
            raise KonnectParameterError('issuer: %r is not an absolute URL such as https://acme.okta.com/oauth2/default.' % decision.body['issuer'])
        if provider_type in DCR_CONFIG_KEYS:
            check_dcr_config(decision.body.get('dcr_config') or {}, provider_type, creating)
    if deleting and current is not None:
        strategies = list(engine.client.paginate('/v2/application-auth-strategies', 'page', {'filter[dcr_provider_id][eq]': current['id']},
                                                 what='application auth strategies'))
        names = ["'%s'" % strategy.get('name') for strategy in strategies
                 if (strategy.get('dcr_provider') or {}).get('id') == current['id']]
        if names:
            raise KonnectError('%s is still used by the application auth strategies %s; delete them or give them another DCR '
                               'provider first.' % (engine.describe_current(current), ', '.join(names)), used_by=names)


class DcrProviderEngine(EntityEngine):
    """Converges a DCR provider, then, with ``verify``, asks Konnect whether it works (POST .../verify)."""

    def run(self):
        result = super(DcrProviderEngine, self).run()
        provider = result.get(self.entity.name) or {}
        if self.params.get('verify') and self.params.get('state', 'present') == 'present' and not self.check_mode and provider.get('id'):
            result['verification'] = self.verify(provider, result)
        return result

    def verify(self, provider, result):
        what = self.entity.describe(provider.get('name'))
        answer = self.client.request('POST', self.entity.item_path(self.scope, provider['id']) + '/verify', what=what, verb='verify').body or {}
        if answer.get('status') != 'success':
            errors = answer.get('errors') or []
            raise KonnectError('%s did not pass Konnect\'s verification (status %s)%s' % (
                what, answer.get('status'), ': ' + '; '.join(str(error) for error in errors) + '.' if errors else '.'),
                changed=result['changed'], verification=answer, **{self.entity.name: provider})
        return answer


class DcrProvider(Entity):
    """A DCR provider: its module also offers ``verify`` (Konnect's verify action, run after converging)."""

    engine_class = DcrProviderEngine
    extra_options = {'verify': dict(type='bool', default=False)}


DCR_PROVIDER = DcrProvider(
    'dcr_provider', 'DCR provider', '/v2/dcr-providers',
    fields=[
        Field('name'),
        Field('display_name'),
        Field('provider_type', choices=sorted(DCR_CONFIG_KEYS), create_only=True, create_required=True),
        Field('issuer', create_required=True),
        Field('dcr_config', type='dict', options=DCR_CONFIG, secret_keys=DCR_SECRETS),
        Field('labels', type='dict', kind=LABELS),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True,
    filterable={'id': ('eq', 'contains', PLAIN), 'name': ('eq', 'contains', PLAIN), 'issuer': ('eq', 'contains', PLAIN),
                'provider_type': ('eq', PLAIN), 'initial_client_id': ('eq', 'contains', PLAIN),
                'initial_client_audience': ('eq', 'contains', PLAIN)},
    writable=check_dcr_provider,
)

ENTITIES = (APPLICATION_AUTH_STRATEGY, DCR_PROVIDER)
