# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Application Auth Strategies v2: application auth strategies and DCR providers (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

What the generic CRUD cannot know from the schemas alone:

- Both create requests are a ``oneOf`` chosen by a discriminator (``strategy_type``, ``provider_type``): a body is
  validated against the branch its discriminator names, so errors speak of that kind.
- A strategy is created with ``dcr_provider_id`` and answered with ``dcr_provider: {id, name, display_name,
  provider_type}`` (AppAuthStrategy*Response); the provider must exist (400 ``missing_reference``). Only an
  openid_connect strategy may have one: the key_auth request schema has no ``dcr_provider_id``.
- PATCH takes ``Partial`` configs whose ``ttl`` alone is nullable: the settings given are merged into the kind's
  settings and null unsets one; configs of the other kind are refused (``strategy_type`` is not in the PATCH body).
- A DCR provider's secrets are absent from its response schemas (DcrConfig<Kind>InResponse, additionalProperties
  false); PATCH ``dcr_config`` must match the provider's own kind (Update...<Kind>...) and its keys merge.
- DELETE of a strategy in use is the declared 409 (AS:263). Undocumented rules (the README lists them): what counts as
  "in use", ``active``, the verify outcome, and deleting a DCR provider that strategies use.
"""

import copy
import time
from urllib.parse import urlsplit

from .crud import VIEW_HOOKS, delete_entity, find_item, merge, new_record, render, resolve_path, validated_body
from .errors import ApiError, Issue, Response, not_found, schema_issues, validation_error
from .schemas import rfc3339

STRATEGIES = '/v2/application-auth-strategies'
PROVIDERS = '/v2/dcr-providers'

STRATEGY_REQUESTS = {'key_auth': 'AppAuthStrategyKeyAuthRequest', 'openid_connect': 'AppAuthStrategyOpenIDConnectRequest'}
STRATEGY_CONFIGS = {'key_auth': ('key-auth', 'AppAuthStrategyConfigKeyAuth'),
                    'openid_connect': ('openid-connect', 'AppAuthStrategyConfigOpenIDConnect')}
PROVIDER_REQUESTS = {
    'auth0': 'CreateDcrProviderRequestAuth0', 'azureAd': 'CreateDcrProviderRequestAzureAd', 'curity': 'CreateDcrProviderRequestCurity',
    'okta': 'CreateDcrProviderRequestOkta', 'http': 'CreateDcrProviderRequestHttp', 'kongIdentity': 'CreateDcrProviderRequestKongIdentity',
}
# The dcr_config a PATCH may carry for each kind (Kong Identity has no update schema: its dcr_config is always empty).
PROVIDER_UPDATE_CONFIGS = {
    'auth0': 'UpdateDcrConfigAuth0InRequest', 'azureAd': 'UpdateDcrConfigAzureAdInRequest', 'curity': 'UpdateDcrConfigCurityInRequest',
    'okta': 'UpdateDcrConfigOktaInRequest', 'http': 'UpdateDcrConfigHttpInRequest', 'kongIdentity': 'CreateDcrConfigKongIdentityInRequest',
}
PROVIDER_RESPONSE_CONFIGS = {
    'auth0': 'DcrConfigAuth0InResponse', 'azureAd': 'DcrConfigAzureAdInResponse', 'curity': 'DcrConfigCurityInResponse',
    'okta': 'DcrConfigOktaInResponse', 'http': 'DcrConfigHttpInResponse', 'kongIdentity': 'DcrConfigKongIdentityInResponse',
}
# Fields of ``format: url`` (JSON Schema does not check that format; Konnect does).
STRATEGY_URLS = ('configs.openid-connect.issuer',)
PROVIDER_URLS = ('issuer', 'dcr_config.dcr_base_url')
STRATEGY_IN_USE = 'The application auth strategy is in use and cannot be deleted'

FACTS = {
    STRATEGIES: {'field_paths': {'dcr_provider_id': 'dcr_provider.id', 'dcr_provider_name': 'dcr_provider.name',
                                 'dcr_provider_type': 'dcr_provider.provider_type'}},
    PROVIDERS: {'field_paths': {'initial_client_id': 'dcr_config.initial_client_id',
                                'initial_client_audience': 'dcr_config.initial_client_audience'}},
}
SINGLETON_DEFAULTS = {}

_REFS = {}


def ref(name):
    """The schema ``{"$ref": ...}`` of a $defs entry, one object per name (validators are cached by schema identity)."""
    return _REFS.setdefault(name, {'$ref': '#/$defs/' + name})


def value_at(body, dotted):
    for part in dotted.split('.'):
        if not isinstance(body, dict):
            return None
        body = body.get(part)
    return body


def url_issues(body, fields):
    issues = []
    for field in fields:
        value = value_at(body, field)
        parts = urlsplit(value) if isinstance(value, str) else None
        if value is not None and not (parts and parts.scheme in ('http', 'https') and parts.hostname):
            issues.append(Issue(field, 'invalid', 'must be a valid URL'))
    return issues


def discriminated_body(call, discriminator, branches, urls):
    """The create body validated against the branch its discriminator names (400 naming that kind's fields)."""
    body = call.body
    if isinstance(body, dict):
        kind = body.get(discriminator)
        if kind is None:
            raise validation_error([Issue(discriminator, 'required', 'required field missing')])
        if kind not in branches:
            choices = sorted(branches)
            raise validation_error([Issue(discriminator, 'enum', 'must be one of: %s' % ', '.join(choices), choices=choices)])
        issues = schema_issues(call.schemas.validator(ref(branches[kind])), body) + url_issues(body, urls)
        if issues:
            raise validation_error(issues)
    return validated_body(call)


# ---- application auth strategies ----------------------------------------------------------------------


def provider_reference(call, provider_id):
    """``{id}`` of an existing DCR provider (400 ``missing_reference`` otherwise), None for null."""
    if provider_id is None:
        return None
    if call.partition.find(PROVIDERS, (), provider_id) is None:
        raise validation_error([Issue('dcr_provider_id', 'missing_reference', 'DCR provider not found')])
    return {'id': provider_id}


def create_strategy(call):
    """``POST /v2/application-auth-strategies``: 201 with ``dcr_provider`` expanded from ``dcr_provider_id``."""
    path = resolve_path(call)
    body = dict(discriminated_body(call, 'strategy_type', STRATEGY_REQUESTS, STRATEGY_URLS))
    body['dcr_provider'] = provider_reference(call, body.pop('dcr_provider_id', None))
    record = new_record(call, body, path)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def replace_strategy(call):
    """``PUT /v2/application-auth-strategies/{id}``: the whole strategy replaced (create body), answered 201 as declared."""
    path = resolve_path(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    body = dict(discriminated_body(call, 'strategy_type', STRATEGY_REQUESTS, STRATEGY_URLS))
    body['dcr_provider'] = provider_reference(call, body.pop('dcr_provider_id', None))
    record = new_record(call, body, path, existing['id'], existing.get('created_at'))
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_strategy(call):
    """``PATCH /v2/application-auth-strategies/{id}``: partial configs of the strategy's own kind, merged (null unsets)."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    kind = existing['strategy_type']
    config_key, config_schema = STRATEGY_CONFIGS[kind]
    updated = copy.deepcopy(existing)
    configs = body.get('configs')
    if configs is not None:
        foreign = sorted(key for key in configs if key != config_key)
        if foreign:
            raise validation_error([Issue('configs.%s' % foreign[0], 'invalid', 'a %s strategy takes configs.%s' % (kind, config_key))])
        settings = dict((updated.get('configs') or {}).get(config_key) or {})
        for name, value in configs[config_key].items():
            if value is None:
                settings.pop(name, None)
            else:
                settings[name] = value
        issues = schema_issues(call.schemas.validator(ref(config_schema)), settings, prefix='configs.' + config_key)
        issues += url_issues({'configs': {config_key: settings}}, STRATEGY_URLS)
        if issues:
            raise validation_error(issues)
        updated['configs'] = {config_key: settings}
    if 'dcr_provider_id' in body:
        if body['dcr_provider_id'] is not None and kind != 'openid_connect':
            raise validation_error([Issue('dcr_provider_id', 'invalid', 'only an openid_connect strategy can use a DCR provider')])
        updated['dcr_provider'] = provider_reference(call, body['dcr_provider_id'])
    rest = dict((name, value) for name, value in body.items() if name not in ('configs', 'dcr_provider_id'))
    updated = merge(call, updated, rest)
    updated['updated_at'] = rfc3339(time.time())
    existing.clear()
    existing.update(updated)
    return Response(call.op.success_status, render(call, existing))


def delete_strategy(call):
    """``DELETE /v2/application-auth-strategies/{id}``: the declared 409 while anything uses the strategy."""
    path = resolve_path(call)
    existing = find_item(call, path)
    if existing is not None:
        uses = [words for kind, words in strategy_uses(call.partition, existing['id'])]
        if uses:
            raise ApiError(409, '%s: it is used by %s.' % (STRATEGY_IN_USE, '; '.join(uses)))
    return delete_entity(call)


def strategy_uses(partition, strategy_id):
    """``[(kind, words)]`` for everything in the region that uses the strategy, wherever its family stores it:
    a portal's ``default_application_auth_strategy_id``, a publication's ``auth_strategy_ids``, an application's
    ``auth_strategy_id`` (or ``auth_strategy.id``)."""
    uses = []
    documents = [(key, scope, record) for (key, scope), records in list(partition.collections.items()) for record in records.values()]
    documents += [(template, scope, document) for (template, scope), document in list(partition.singletons.items())]
    for key, scope, record in documents:
        if not isinstance(record, dict):
            continue
        if record.get('default_application_auth_strategy_id') == strategy_id:
            uses.append(('portal', "portal '%s' (its default_application_auth_strategy_id)" % record.get('name')))
        if strategy_id in (record.get('auth_strategy_ids') or []):
            uses.append(('publication', describe_publication(partition, key, scope, record)))
        if record.get('auth_strategy_id') == strategy_id or (record.get('auth_strategy') or {}).get('id') == strategy_id:
            uses.append(('application', "application '%s'" % record.get('name')))
    return uses


def describe_publication(partition, key, scope, record):
    """``the publication of API 'a' to portal 'p'``: ids from the record, or from the path it is stored under."""
    params = dict(zip([segment[1:-1] for segment in key.split('/') if segment.startswith('{') and segment != '{}'], scope))
    package = 'api-packages' in key or record.get('api_package_id')
    entity_id = record.get('api_package_id') or record.get('api_id') or params.get('apiPackageId') or params.get('apiId')
    portal_id = record.get('portal_id') or params.get('portalId') or (scope[-1] if len(scope) > 1 else None)
    if entity_id is None and scope:
        entity_id = scope[0]
    entity = partition.find('/v3/api-packages' if package else '/v3/apis', (), entity_id) if entity_id else None
    portal = partition.find('/v3/portals', (), portal_id) if portal_id else None
    what = 'API package' if package else 'API'
    return "the publication of %s '%s' to portal '%s'" % (what, (entity or {}).get('name', entity_id), (portal or {}).get('name', portal_id))


def strategy_view(call, record, view):
    """``dcr_provider`` as the provider is now (null once it is gone); ``active`` while a publication uses it."""
    reference = record.get('dcr_provider')
    if isinstance(reference, dict) and reference.get('id'):
        provider = call.partition.find(PROVIDERS, (), reference['id'])
        view['dcr_provider'] = provider_summary(provider) if provider else None
    view['active'] = strategy_active(call.partition, record['id'])


def provider_summary(provider):
    summary = dict((name, provider[name]) for name in ('id', 'name', 'display_name', 'provider_type') if provider.get(name) is not None)
    return summary


def strategy_active(partition, strategy_id):
    return any(kind == 'publication' for kind, _words in strategy_uses(partition, strategy_id))


# ---- DCR providers -----------------------------------------------------------------------------------


def create_provider(call):
    """``POST /v2/dcr-providers``: validated against its provider_type's request schema; secrets never answered."""
    path = resolve_path(call)
    body = discriminated_body(call, 'provider_type', PROVIDER_REQUESTS, PROVIDER_URLS)
    record = new_record(call, body, path)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_provider(call):
    """``PATCH /v2/dcr-providers/{id}``: ``dcr_config`` of the provider's own kind, its keys merged (secrets kept)."""
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    kind = existing['provider_type']
    updated = copy.deepcopy(existing)
    issues = url_issues(body, PROVIDER_URLS)
    if isinstance(body.get('dcr_config'), dict):
        issues += schema_issues(call.schemas.validator(ref(PROVIDER_UPDATE_CONFIGS[kind])), body['dcr_config'], prefix='dcr_config')
        updated['dcr_config'] = dict(existing.get('dcr_config') or {}, **body['dcr_config'])
    if issues:
        raise validation_error(issues)
    rest = dict((name, value) for name, value in body.items() if name != 'dcr_config')
    updated = merge(call, updated, rest)
    updated['updated_at'] = rfc3339(time.time())
    existing.clear()
    existing.update(updated)
    return Response(call.op.success_status, render(call, existing))


def provider_view(call, record, view):
    """Only what the kind's response schema has (the secrets never come back); ``active`` while an active strategy uses it."""
    schema = ref(PROVIDER_RESPONSE_CONFIGS.get(record.get('provider_type'), 'DcrConfigKongIdentityInResponse'))
    properties, _required = call.schemas.object_view({}, schema)
    config = dict((name, value) for name, value in (record.get('dcr_config') or {}).items() if name in properties)
    view['dcr_config'] = call.schemas.complete_required(config, schema)
    view['active'] = any(strategy_active(call.partition, strategy['id'])
                         for strategy in call.partition.records(STRATEGIES, ()).values()
                         if (strategy.get('dcr_provider') or {}).get('id') == record['id'])


def verification_errors(provider):
    """Why Konnect could not use the provider, by the emulator's rule (undocumented, see the README): Konnect talks to
    identity providers over https only, and a host under ``.invalid`` never resolves (RFC 6761)."""
    errors = []
    for field in PROVIDER_URLS:
        url = value_at(provider, field)
        if url is None:
            continue
        parts = urlsplit(url)
        if parts.scheme != 'https':
            errors.append('%s %s is not an https URL; Konnect only calls identity providers over https' % (field, url))
        elif (parts.hostname or '').endswith('.invalid') or parts.hostname == 'invalid':
            errors.append('Unable to reach %s: host %s does not resolve' % (field, parts.hostname))
    return errors


def verify_provider(call):
    """``POST /v2/dcr-providers/{id}/verify``: 200 ``{status: success|failed, errors}``."""
    provider = resolve_path(call).records[-1]
    errors = verification_errors(provider)
    return Response(call.op.success_status, {'status': 'failed' if errors else 'success', 'errors': errors})


VIEW_HOOKS[STRATEGIES] = strategy_view
VIEW_HOOKS[PROVIDERS] = provider_view

SPECIALS = {
    ('POST', STRATEGIES): create_strategy,
    ('PUT', STRATEGIES + '/{authStrategyId}'): replace_strategy,
    ('PATCH', STRATEGIES + '/{authStrategyId}'): update_strategy,
    ('DELETE', STRATEGIES + '/{authStrategyId}'): delete_strategy,
    ('POST', PROVIDERS): create_provider,
    ('PATCH', PROVIDERS + '/{dcrProviderId}'): update_provider,
    ('POST', PROVIDERS + '/{dcrProviderId}/verify'): verify_provider,
}
