# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Portal Client API (dev-portal-v3): what a portal serves on its own host under ``/api/v3``.

A developer signs up, verifies the emailed token, sets a password, logs in with a cookie session and then works
with the portal's published APIs and their own applications, registrations and credentials. The state is the admin
side's: developers, teams and roles (``portal_access.py``), applications and registrations (``portal_access.py``),
APIs, versions and publications (``apis.py``), strategies (``auth_strategies.py``), portals (``portals.py``).

Only what the client keeps for itself lives here: passwords, the emailed tokens, the sessions, credentials and the
application fields the admin API does not have (``redirect_uri``, ``scopes``). Every choice the spec leaves open is
listed in README.md, "Portal Client API".
"""

import secrets
import time
import uuid
from email.utils import formatdate

from . import facts as F
from .apis import APIS, PUBLICATIONS, VERSIONS, parse_spec
from .crud import Call, validated_body
from .errors import ApiError, Issue, Response, not_found, problem, validation_error
from .listing import paginate, parse_list_query, select
from .portal_access import (APPLICATIONS, DEVELOPERS, REGISTRATIONS, STRATEGIES_STORE, TEAM_DEVELOPERS, TEAMS, now_text,
                            strategy_view)
from .portals import AUTH_SETTINGS, CUSTOM_DOMAIN, DEFAULT_AUTH_SETTINGS, PORTALS_KEY
from .schemas import rfc3339

FAMILY = 'portal'
BASE = '/api/v3'
ACCESS_COOKIE = 'portalaccesstoken'
REFRESH_COOKIE = 'portalrefreshtoken'
REFRESH_PATH = BASE + '/developer/refresh'
DEFAULT_TOKEN_LIFETIME = 3600
# Undocumented (README): how long a refresh token lasts.
REFRESH_LIFETIME = 30 * 24 * 3600

# Stores of the client's own state, scoped by the portal id (partition.remove of a portal takes them along).
PASSWORDS = '/_portal_client/passwords'
EMAIL_TOKENS = '/_portal_client/email-tokens'
ACCESS_TOKENS = '/_portal_client/access-tokens'
REFRESH_TOKENS = '/_portal_client/refresh-tokens'
APPLICATION_EXTRAS = '/_portal_client/applications'
CREDENTIALS = '/api/v3/applications/{}/credentials'  # scoped (portal id, application id): removed with the application
ROLES = '/v3/portals/{}/teams/{}/assigned-roles'

VERIFY_EMAIL = 'verify-email'
RESET_PASSWORD = 'reset-password'
# The spec's PostCredentials403Example.
MAX_CREDENTIALS = 20
QUOTA_DETAIL = 'Maximum number of Credentials exceeded. Max Allowed: %d' % MAX_CREDENTIALS
# Portal roles (GET /v3/portal-roles): the entity type of APIs and its two roles.
API_ENTITY_TYPE = 'Services'
API_VIEWER = 'API Viewer'
API_CONSUMER = 'API Consumer'
TTL_SECONDS = {'days': 86400, 'weeks': 7 * 86400, 'years': 365 * 86400}


class PortalHost:
    """What the emulator hands the Portal Client API: the outbox and the session lifetime."""

    def __init__(self, outbox, token_lifetime):
        self.outbox = outbox
        self.token_lifetime = token_lifetime


# ---- hosts ------------------------------------------------------------------------------------------


def find_portal(state, domain):
    """(region partition, portal) whose default domain or custom domain hostname is ``domain``, else None."""
    wanted = (domain or '').split(':')[0].strip().lower().rstrip('.')
    if not wanted:
        return None
    for name, partition in list(state.partitions.items()):
        if name not in F.REGIONS:
            continue
        for portal in partition.records(PORTALS_KEY, ()).values():
            custom = partition.singletons.get((CUSTOM_DOMAIN, (portal['id'],))) or {}
            if wanted in (str(portal.get('default_domain', '')).lower(), str(custom.get('hostname', '')).lower()):
                return partition, portal
    return None


def handle(api, partition, portal, host, route, params, request, body):
    """One request on a portal host (``route`` is a Portal Client API route or None)."""
    if route is None or route.family != FAMILY:
        return not_found().render('platform')
    op = route.ops.get(request.method)
    if op is None:
        response = problem(405, 'Method %s is not allowed on this resource.' % request.method)
        response.headers['Allow'] = ', '.join(sorted(route.ops))
        return response
    call = Call(api, partition, route, op, params, request.query, body, None)
    call.portal = portal
    call.host = host
    call.cookies = parse_cookies(request.headers.get('Cookie') or '')
    call.developer = None
    handler = HANDLERS.get((request.method, route.template))
    if handler is None:
        return problem(501, 'The emulator does not serve %s %s of the Portal Client API.' % (request.method, route.template),
                       title='Not Implemented')
    try:
        return handler(call)
    except ApiError as error:
        return error.render('platform')


def parse_cookies(header):
    cookies = {}
    for part in header.split(';'):
        name, sep, value = part.strip().partition('=')
        if sep and name not in cookies:
            cookies[name] = value
    return cookies


# ---- sessions ------------------------------------------------------------------------------------------


def portal_id(call):
    return call.portal['id']


def store(call, key, *scope):
    return call.partition.records(key, (portal_id(call),) + scope)


def developers(call):
    return store(call, DEVELOPERS)


def developer_by_email(call, email):
    wanted = (email or '').casefold()
    for record in developers(call).values():
        if record['email'].casefold() == wanted:
            return record
    return None


def session_developer(call, token_store, cookie):
    """The approved developer a live token of this portal belongs to, else None."""
    token = call.cookies.get(cookie)
    entry = store(call, token_store).get(token) if token else None
    if entry is None or entry['expires_at'] <= time.time():
        return None
    developer = developers(call).get(entry['developer_id'])
    if developer is None or developer.get('status') != 'approved':
        return None
    return developer


def unauthorized(detail='Unauthorized'):
    return ApiError(401, detail)


def require_session(call):
    developer = session_developer(call, ACCESS_TOKENS, ACCESS_COOKIE)
    if developer is None:
        raise unauthorized()
    call.developer = developer
    return developer


def optional_session(call):
    """Operations that also answer anonymous requests (security ``portalAccessToken`` or none): no cookie is anonymous,
    a cookie that is no live session is a 401 where the operation declares one (so a client knows to refresh)."""
    if ACCESS_COOKIE not in call.cookies:
        return None
    developer = session_developer(call, ACCESS_TOKENS, ACCESS_COOKIE)
    if developer is None and 401 in call.op.error_statuses:
        raise unauthorized()
    call.developer = developer
    return developer


def http_date(epoch):
    return formatdate(epoch, usegmt=True)


def cookie(name, value, path, expires):
    return '%s=%s; Path=%s; Expires=%s; HttpOnly; Secure; SameSite=None' % (name, value, path, http_date(expires))


def new_session(call, developer):
    """A fresh access and refresh token pair: the two ``Set-Cookie`` headers."""
    now = time.time()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    access_expiry = now + call.host.token_lifetime
    refresh_expiry = now + REFRESH_LIFETIME
    store(call, ACCESS_TOKENS)[access] = {'developer_id': developer['id'], 'expires_at': access_expiry}
    store(call, REFRESH_TOKENS)[refresh] = {'developer_id': developer['id'], 'expires_at': refresh_expiry}
    return {'Set-Cookie': [cookie(ACCESS_COOKIE, access, '/', access_expiry), cookie(REFRESH_COOKIE, refresh, REFRESH_PATH, refresh_expiry)]}


def revoke_sessions(call, developer_id):
    for key in (ACCESS_TOKENS, REFRESH_TOKENS):
        tokens = store(call, key)
        for token in [token for token, entry in tokens.items() if entry['developer_id'] == developer_id]:
            del tokens[token]


def expire_access_tokens(state):
    """Every access token of every portal expires now (the control endpoint); the count expired."""
    count = 0
    now = time.time()
    for partition in state.partitions.values():
        for (key, _scope), tokens in partition.collections.items():
            if key == ACCESS_TOKENS:
                for entry in tokens.values():
                    if entry['expires_at'] > now:
                        entry['expires_at'] = now
                        count += 1
    return count


def auth_settings(call):
    return call.partition.singletons.get((AUTH_SETTINGS, (portal_id(call),))) or DEFAULT_AUTH_SETTINGS


def authenticate(call):
    """``POST /developer/authenticate {username, password}``: 204 and the two cookies; 401 "Invalid Credentials"
    (unknown email, wrong password, no password set yet) or "Approval Required" (right password, not approved)."""
    body = validated_body(call)
    if not call.portal.get('authentication_enabled', True) or not auth_settings(call).get('basic_auth_enabled', True):
        raise not_found('Basic authentication is not enabled for this portal.')
    developer = developer_by_email(call, body['username'])
    password = store(call, PASSWORDS).get(developer['id']) if developer else None
    if password is None or not secrets.compare_digest(password.encode('utf-8'), body['password'].encode('utf-8')):
        raise unauthorized('Invalid Credentials')
    if developer.get('status') != 'approved':
        raise unauthorized('Approval Required')
    return Response(204, headers=new_session(call, developer))


def refresh(call):
    """``POST /developer/refresh``: the refresh cookie buys a new pair (the old refresh token is spent); 401 otherwise."""
    developer = session_developer(call, REFRESH_TOKENS, REFRESH_COOKIE)
    if developer is None:
        raise unauthorized()
    del store(call, REFRESH_TOKENS)[call.cookies[REFRESH_COOKIE]]
    return Response(204, headers=new_session(call, developer))


def logout(call):
    """``POST /developer/logout``: 204 always; the developer's tokens are revoked and both cookies cleared."""
    developer = session_developer(call, ACCESS_TOKENS, ACCESS_COOKIE) or session_developer(call, REFRESH_TOKENS, REFRESH_COOKIE)
    if developer is not None:
        revoke_sessions(call, developer['id'])
    past = 0
    return Response(204, headers={'Set-Cookie': [cookie(ACCESS_COOKIE, '', '/', past), cookie(REFRESH_COOKIE, '', REFRESH_PATH, past)]})


# ---- sign-up, verification, passwords ----------------------------------------------------------------------


def send_email(call, developer, kind, token):
    call.host.outbox.append({'portal_id': portal_id(call), 'to': developer['email'], 'kind': kind, 'token': token})


def new_email_token(call, developer, kind):
    token = str(uuid.uuid4())
    store(call, EMAIL_TOKENS)[token] = {'kind': kind, 'developer_id': developer['id'], 'used': False}
    return token


def register(call):
    """``POST /developer {email, full_name}``: 201 without a body; the developer is the admin side's, pending or
    approved per ``auto_approve_developers``, without a password; a verification email goes to the outbox. The same
    email twice is a 409 (undocumented: the spec declares 400 only)."""
    body = validated_body(call)
    if not call.portal.get('authentication_enabled', True):
        raise validation_error([Issue('email', 'invalid', 'developer sign-up is not enabled for this portal')],
                               'Developer sign-up is not enabled for this portal.')
    if developer_by_email(call, body['email']) is not None:
        raise ApiError(409, 'Developer with the given email already exists')
    now = now_text()
    developer = {'id': str(uuid.uuid4()), 'email': body['email'], 'full_name': body['full_name'],
                 'status': 'approved' if call.portal.get('auto_approve_developers') else 'pending', 'created_at': now, 'updated_at': now}
    developers(call)[developer['id']] = developer
    send_email(call, developer, VERIFY_EMAIL, new_email_token(call, developer, VERIFY_EMAIL))
    return Response(201)


def spend_token(call, token, kind):
    """The developer an unused emailed token of ``kind`` belongs to: 404 unknown, 410 already used."""
    entry = store(call, EMAIL_TOKENS).get(token)
    if entry is None or entry['kind'] != kind:
        raise not_found('Token not found.')
    if entry['used']:
        raise ApiError(410, 'The token has already been used.', title='Gone')
    developer = developers(call).get(entry['developer_id'])
    if developer is None:
        raise not_found('Token not found.')
    entry['used'] = True
    return developer


def verify_email(call):
    """``POST /developer/verify-email {token}``: 202 ``{email, token}``, the token a single-use reset token."""
    body = validated_body(call)
    developer = spend_token(call, body['token'], VERIFY_EMAIL)
    return Response(202, {'email': developer['email'], 'token': new_email_token(call, developer, RESET_PASSWORD)})


def reset_password(call):
    """``POST /developer/reset-password {token, password}``: 204; the password is set and the developer's sessions end."""
    body = validated_body(call)
    developer = spend_token(call, body['token'], RESET_PASSWORD)
    store(call, PASSWORDS)[developer['id']] = body['password']
    revoke_sessions(call, developer['id'])
    return Response(204)


def forgot_password(call):
    """``POST /developer/forgot-password {email}``: 200 whether or not the email is a developer's (nothing to learn
    from it); a developer gets a reset-password email."""
    body = validated_body(call)
    developer = developer_by_email(call, body['email'])
    if developer is not None:
        send_email(call, developer, RESET_PASSWORD, new_email_token(call, developer, RESET_PASSWORD))
    return Response(200)


# ---- the developer, teams, the portal ----------------------------------------------------------------------


def developer_view(developer):
    return dict((name, developer[name]) for name in ('id', 'email', 'full_name', 'created_at', 'updated_at'))


def me(call):
    return Response(200, developer_view(require_session(call)))


def team_ids(call, developer_id):
    return [team_id for team_id in store(call, TEAMS) if developer_id in store(call, TEAM_DEVELOPERS, team_id)]


def team_view(team):
    return dict((name, team.get(name)) for name in ('id', 'name', 'description', 'created_at', 'updated_at'))


def listed(call, views, field_paths=None):
    list_query = parse_list_query(call.op, call.query, field_paths or {})
    return Response(call.op.success_status, paginate(call.op, select(views, list_query), call.query, call.route.template))


def my_teams(call):
    developer = require_session(call)
    teams = store(call, TEAMS)
    return listed(call, [team_view(teams[team_id]) for team_id in team_ids(call, developer['id'])])


def my_team(call):
    developer = require_session(call)
    team_id = call.params['teamId']
    if team_id not in team_ids(call, developer['id']):
        raise not_found()
    return store(call, TEAMS)[team_id]


def get_team(call):
    return Response(200, team_view(my_team(call)))


def team_members(call):
    team = my_team(call)
    everyone = developers(call)
    return listed(call, [developer_view(everyone[member]) for member in store(call, TEAM_DEVELOPERS, team['id']) if member in everyone])


def portal_context(call):
    optional_session(call)
    settings = auth_settings(call)
    return Response(200, {
        'portal_id': portal_id(call), 'org_id': F.ORGANIZATION['id'], 'name': call.portal.get('name'),
        'canonical_domain': call.portal.get('canonical_domain') or call.portal.get('default_domain'),
        'authentication_enabled': bool(call.portal.get('authentication_enabled', True)),
        'rbac_enabled': bool(call.portal.get('rbac_enabled', False)),
        'basic_auth_enabled': bool(settings.get('basic_auth_enabled')), 'oidc_auth_enabled': bool(settings.get('oidc_auth_enabled')),
        'saml_auth_enabled': bool(settings.get('saml_auth_enabled')),
    })


# ---- APIs ---------------------------------------------------------------------------------------------------


def publication(call, api_id):
    return call.partition.records(PUBLICATIONS, (api_id,)).get(portal_id(call))


def api_roles(call, api_id):
    """Role names the session developer's teams hold on the API (``*`` stands for every API)."""
    if call.developer is None:
        return set()
    names = set()
    for team_id in team_ids(call, call.developer['id']):
        for role in store(call, ROLES, team_id).values():
            if role.get('entity_type_name') == API_ENTITY_TYPE and role.get('entity_id') in (api_id, '*'):
                names.add(role['role_name'])
    return names


def actions(call, api, published):
    """``{view, register, view_documentation}``: public APIs are seen by anyone; private ones by a signed-in developer,
    with RBAC only by one whose team holds API Viewer or API Consumer. Registering needs a session and a strategy on
    the publication, with RBAC the API Consumer role."""
    rbac = call.portal.get('rbac_enabled') and call.portal.get('authentication_enabled', True)
    roles = api_roles(call, api['id']) if rbac else set()
    if published.get('visibility') == 'public':
        view = True
    elif rbac:
        view = bool(roles & {API_VIEWER, API_CONSUMER})
    else:
        view = call.developer is not None
    register_allowed = view and call.developer is not None and bool(publication_strategies(call, published)) and \
        (not rbac or API_CONSUMER in roles)
    return {'view': view, 'register': register_allowed, 'view_documentation': view}


def publication_strategies(call, published):
    ids = published.get('auth_strategy_ids') or []
    strategies = call.partition.records(STRATEGIES_STORE, ())
    return [strategies[strategy_id] for strategy_id in ids if strategy_id in strategies]


def visible_apis(call):
    """(API, publication) of every API published to this portal that the caller may see."""
    found = []
    for api in call.partition.records(APIS, ()).values():
        published = publication(call, api['id'])
        if published is not None and actions(call, api, published)['view']:
            found.append((api, published))
    return found


def find_api(call):
    """The API of ``{apiIdOrSlug}`` (id or slug) the caller may see: 404 otherwise, as if it did not exist."""
    wanted = call.params['apiIdOrSlug']
    for api, published in visible_apis(call):
        if wanted in (api['id'], api.get('slug')):
            return api, published
    raise not_found('API not found.')


def portal_strategy_view(strategy):
    view = strategy_view(strategy)
    view['name'] = strategy.get('display_name') or strategy.get('name')
    if view['credential_type'] == 'key_auth':
        view['supports_multiple_credentials'] = True
    else:
        managed = view['credential_type'] == 'client_credentials'
        view['supports_multiple_credentials'] = managed
        if managed:
            view.update(min_allowed_credentials=1, max_allowed_credentials=MAX_CREDENTIALS)
    return view


def api_view(call, api, published):
    version = next(iter(call.partition.records(VERSIONS, (api['id'],)).values()), None)
    view = dict((name, api.get(name)) for name in ('id', 'name', 'version', 'description', 'slug', 'created_at', 'updated_at'))
    view['visibility'] = published.get('visibility') or 'private'
    view['attributes'] = api.get('attributes') or {}
    view['specifications'] = [{'id': version['id'], 'type': version['spec']['type']}] if version else []
    view['current_version_summary'] = {'id': version['id'], 'spec': {'type': version['spec']['type']}} if version else None
    view['auth_strategies'] = [api_strategy_view(strategy) for strategy in publication_strategies(call, published)]
    return view


def api_strategy_view(strategy):
    view = portal_strategy_view(strategy)
    for name in ('supports_multiple_credentials', 'min_allowed_credentials', 'max_allowed_credentials'):
        view.pop(name, None)
    return view


def list_apis(call):
    optional_session(call)
    views = [api_view(call, api, published) for api, published in visible_apis(call)]
    return listed(call, views)


def get_api(call):
    optional_session(call)
    return Response(200, api_view(call, *find_api(call)))


def api_actions(call):
    optional_session(call)
    api, published = find_api(call)
    return Response(200, {'actions': actions(call, api, published)})


def api_version(call):
    optional_session(call)
    api, _published = find_api(call)
    version = call.partition.records(VERSIONS, (api['id'],)).get(call.params.get('versionId') or call.params.get('specId'))
    if version is None:
        raise not_found('Version not found.')
    return version


def list_versions(call):
    optional_session(call)
    api, _published = find_api(call)
    views = [{'id': v['id'], 'version': v['version'], 'spec': {'type': v['spec']['type']}}
             for v in call.partition.records(VERSIONS, (api['id'],)).values()]
    return listed(call, views)


def get_version(call):
    version = api_version(call)
    return Response(200, {'id': version['id'], 'version': version['version'],
                          'spec': {'type': version['spec']['type'], 'content': version['spec']['content']}})


def get_version_raw(call):
    """The spec as a JSON object (``application/json`` with an object schema): a YAML spec is converted."""
    version = api_version(call)
    document = parse_spec(version['spec']['content'])
    if document is None:
        raise not_found('The version has no specification content.')
    return Response(200, document)


def list_specifications(call):
    optional_session(call)
    api, _published = find_api(call)
    views = [{'id': v['id'], 'api_type': v['spec']['type']} for v in call.partition.records(VERSIONS, (api['id'],)).values()]
    return listed(call, views)


def get_specification(call):
    version = api_version(call)
    return Response(200, {'api_type': version['spec']['type'], 'content': version['spec']['content']})


def get_specification_raw(call):
    return Response(200, api_version(call)['spec']['content'])


def portal_strategies(call):
    """The strategies of this portal: its default and those of its publications, in that order."""
    ids = [call.portal.get('default_application_auth_strategy_id')]
    for api in call.partition.records(APIS, ()).values():
        published = publication(call, api['id'])
        if published is not None:
            ids.extend(published.get('auth_strategy_ids') or [])
    strategies = call.partition.records(STRATEGIES_STORE, ())
    return [strategies[strategy_id] for strategy_id in dict.fromkeys(ids) if strategy_id in strategies]


def list_strategies(call):
    require_session(call)
    views = [portal_strategy_view(strategy) for strategy in portal_strategies(call)]
    return listed(call, views)


# ---- applications ------------------------------------------------------------------------------------------------


def my_applications(call):
    """The developer's applications: owned by them, or by a team they belong to."""
    developer = call.developer
    teams = set(team_ids(call, developer['id']))
    return [application for application in store(call, APPLICATIONS).values()
            if (application.get('owner') or {}).get('type') == 'developer' and application['owner'].get('id') == developer['id']
            or (application.get('owner') or {}).get('type') == 'team' and application['owner'].get('id') in teams]


def my_application(call):
    require_session(call)
    for application in my_applications(call):
        if application['id'] == call.params['applicationId']:
            return application
    raise not_found('Application not found.')


def application_view(call, application):
    extras = store(call, APPLICATION_EXTRAS).get(application['id']) or {}
    owner = application.get('owner') or {}
    strategy = call.partition.records(STRATEGIES_STORE, ()).get((application.get('auth_strategy') or {}).get('id'))
    view = {'id': application['id'], 'name': application['name'], 'description': application.get('description'),
            'created_at': application['created_at'], 'updated_at': application['updated_at'],
            'team_id': owner.get('id') if owner.get('type') == 'team' else None,
            'auth_strategy': portal_strategy_view(strategy) if strategy else application.get('auth_strategy'),
            'redirect_uri': extras.get('redirect_uri'), 'scopes': extras.get('scopes') or []}
    if application.get('client_id') is not None:
        view['client_id'] = application['client_id']
    return view


def list_applications(call):
    require_session(call)
    views = [application_view(call, application) for application in my_applications(call)]
    return listed(call, views, {'auth_strategy_id': 'auth_strategy.id'})


def get_application(call):
    return Response(200, application_view(call, my_application(call)))


def check_name_free(call, name, exclude_id=None):
    """Names are unique among the developer's applications (the spec's 409 on create and update)."""
    for application in my_applications(call):
        if application['id'] != exclude_id and application['name'] == name:
            raise ApiError(409, 'An application named %r already exists.' % name)


def application_owner(call, team_id):
    """The developer, or a team of theirs that may own applications (403 otherwise: the spec's 403 on create)."""
    if team_id is None:
        return {'type': 'developer', 'id': call.developer['id']}
    team = store(call, TEAMS).get(team_id)
    if team is None or team_id not in team_ids(call, call.developer['id']):
        raise validation_error([Issue('team_id', 'missing_reference', 'no team of yours with this id')])
    if not team.get('can_own_applications'):
        raise ApiError(403, 'The team cannot own applications.')
    return {'type': 'team', 'id': team_id}


def chosen_strategy(call, strategy_id):
    """One of the portal's strategies (``null``/absent: the portal's default); 400 when there is none."""
    strategy_id = strategy_id or call.portal.get('default_application_auth_strategy_id')
    if strategy_id is None:
        raise validation_error([Issue('auth_strategy_id', 'required', 'the portal has no default application auth strategy; give one')])
    for strategy in portal_strategies(call):
        if strategy['id'] == strategy_id:
            return strategy
    raise validation_error([Issue('auth_strategy_id', 'missing_reference', 'no application auth strategy of this portal with this id')])


def client_id_issue(credential_type, client_id):
    """key-auth applications have no client id; self-managed ones need the id of their client in the IdP; DCR
    (``client_credentials``) ones take one (an existing client) or get one."""
    if credential_type == 'key_auth' and client_id is not None:
        return Issue('client_id', 'invalid', 'key-auth applications have no client_id')
    if credential_type == 'self_managed_client_credentials' and not client_id:
        return Issue('client_id', 'required', 'applications of a self-managed client-credentials strategy need client_id')
    return None


def create_application(call):
    """``POST /applications``: 201; the admin side's ``portal_application`` owned by the developer (or a team).
    A DCR application answers its ``client_secret`` here only."""
    require_session(call)
    body = validated_body(call)
    owner = application_owner(call, body.get('team_id'))
    check_name_free(call, body['name'])
    strategy = chosen_strategy(call, body.get('auth_strategy_id'))
    view = strategy_view(strategy)
    issue = client_id_issue(view['credential_type'], body.get('client_id'))
    if issue is not None:
        raise validation_error([issue])
    now = now_text()
    application = {'id': str(uuid.uuid4()), 'name': body['name'], 'description': body.get('description'), 'owner': owner,
                   'auth_strategy': view, 'portal': {'id': portal_id(call)}, 'labels': {}, 'created_at': now, 'updated_at': now}
    secret = None
    if view['credential_type'] != 'key_auth':
        dcr = (strategy.get('configs') or {}).get('openid-connect', {}).get('dcr_provider_id') or (strategy.get('dcr_provider') or {}).get('id')
        application.update(client_id=body.get('client_id') or uuid.uuid4().hex, dcr_provider={'id': dcr} if dcr else None, granted_scopes=None)
    store(call, APPLICATIONS)[application['id']] = application
    store(call, APPLICATION_EXTRAS)[application['id']] = {'redirect_uri': body.get('redirect_uri'), 'scopes': body.get('scopes') or []}
    if view['credential_type'] == 'client_credentials':
        secret = new_client_secret(call, application, None)['client_secret']
    answer = application_view(call, application)
    if secret is not None:
        answer['client_secret'] = secret
    return Response(201, answer)


def update_application(call):
    """``PATCH``: name, description, client_id, redirect_uri, scopes, team_id; the strategy cannot change (the request
    schema has no such field)."""
    application = my_application(call)
    body = validated_body(call)
    if 'name' in body:
        check_name_free(call, body['name'], application['id'])
    if 'team_id' in body:
        owner = application_owner(call, body['team_id'])
    if 'client_id' in body:
        issue = client_id_issue(application['auth_strategy']['credential_type'], body['client_id'])
        if issue is None and application['auth_strategy']['credential_type'] == 'key_auth':
            issue = Issue('client_id', 'invalid', 'key-auth applications have no client_id')
        if issue is not None:
            raise validation_error([issue])
        application['client_id'] = body['client_id']
    for name in ('name', 'description'):
        if name in body:
            application[name] = body[name]
    if 'team_id' in body:
        application['owner'] = owner
    extras = store(call, APPLICATION_EXTRAS).setdefault(application['id'], {'redirect_uri': None, 'scopes': []})
    for name in ('redirect_uri', 'scopes'):
        if name in body:
            extras[name] = body[name]
    application['updated_at'] = now_text()
    return Response(200, application_view(call, application))


def delete_application(call):
    application = my_application(call)
    call.partition.remove(APPLICATIONS, (portal_id(call),), application['id'])
    store(call, APPLICATION_EXTRAS).pop(application['id'], None)
    return Response(204)


def api_applications(call):
    """``GET /apis/{id}/applications?unregistered=``: the developer's applications with their registration to the API."""
    require_session(call)
    api, _published = find_api(call)
    unregistered = (call.query.get('unregistered') or [None])[0]
    if unregistered not in (None, 'true', 'false'):
        raise validation_error([Issue('unregistered', 'is_boolean', 'must be true or false', source='query')], 'Invalid query parameters')
    views = []
    for application in my_applications(call):
        registration = next((r for r in store(call, REGISTRATIONS, application['id']).values() if r['api']['id'] == api['id']), None)
        if unregistered == 'true' and registration is not None or unregistered == 'false' and registration is None:
            continue
        views.append({'id': application['id'], 'name': application['name'], 'created_at': application['created_at'],
                      'updated_at': application['updated_at'], 'auth_strategy': api_strategy_view_of(call, application),
                      'registration_id': registration['id'] if registration else None,
                      'registration_status': registration['status'] if registration else None})
    return Response(200, paginate(call.op, views, call.query, call.route.template))


def api_strategy_view_of(call, application):
    strategy = call.partition.records(STRATEGIES_STORE, ()).get((application.get('auth_strategy') or {}).get('id'))
    return api_strategy_view(strategy) if strategy else application.get('auth_strategy')


# ---- registrations -------------------------------------------------------------------------------------------


def registration_view(call, registration):
    api = call.partition.records(APIS, ()).get(registration['api']['id']) or {}
    return {'id': registration['id'], 'status': registration['status'], 'application_id': registration['application']['id'],
            'api_id': registration['api']['id'], 'api_name': api.get('name'), 'api_slug': api.get('slug'),
            'created_at': registration['created_at'], 'updated_at': registration['updated_at']}


def list_registrations(call):
    application = my_application(call)
    views = [registration_view(call, record) for record in store(call, REGISTRATIONS, application['id']).values()]
    return listed(call, views)


def get_registration(call):
    application = my_application(call)
    record = store(call, REGISTRATIONS, application['id']).get(call.params['registrationId'])
    if record is None:
        raise not_found('Registration not found.')
    return Response(200, registration_view(call, record))


def create_registration(call):
    """``POST .../registrations {api_id}``: 201; the API must be one the developer sees on this portal (404 otherwise),
    may be registered to (a strategy on the publication; with RBAC the API Consumer role) and take the application's
    strategy (400 otherwise); once per API (409). Pending unless the publication's ``auto_approve_registrations``,
    then the portal's ``auto_approve_applications``, approve it."""
    application = my_application(call)
    body = validated_body(call)
    call.params['apiIdOrSlug'] = body['api_id']
    api, published = find_api(call)
    if not actions(call, api, published)['register']:
        raise validation_error([Issue('api_id', 'invalid', 'you cannot register applications to this API')])
    strategy_ids = [strategy['id'] for strategy in publication_strategies(call, published)]
    if application['auth_strategy']['id'] not in strategy_ids:
        raise validation_error([Issue('api_id', 'invalid', "the API does not accept the application's auth strategy")])
    records = store(call, REGISTRATIONS, application['id'])
    if any(record['api']['id'] == api['id'] for record in records.values()):
        raise ApiError(409, 'API is already registered to the application')
    approved = published.get('auto_approve_registrations') or call.portal.get('auto_approve_applications')
    now = now_text()
    record = {'id': str(uuid.uuid4()), 'status': 'approved' if approved else 'pending', 'api': {'id': api['id']},
              'application': {'id': application['id']}, 'created_at': now, 'updated_at': now}
    records[record['id']] = record
    return Response(201, registration_view(call, record))


def delete_registration(call):
    application = my_application(call)
    if store(call, REGISTRATIONS, application['id']).pop(call.params['registrationId'], None) is None:
        raise not_found('Registration not found.')
    return Response(204)


# ---- credentials ----------------------------------------------------------------------------------------------


def credentials(call, application):
    return store(call, CREDENTIALS, application['id'])


def expiry(application, created):
    ttl = (application.get('auth_strategy') or {}).get('ttl')
    if not ttl:
        return None
    return created + ttl['value'] * TTL_SECONDS[ttl['unit']]


def credential_view(record):
    """A credential as listed: never its secret."""
    if record['type'] == 'api_key':
        expires = record.get('expires_at')
        status = 'expired' if expires is not None and expires <= time.time() else 'active'
        return {'type': 'api_key', 'id': record['id'], 'display_name': record['display_name'], 'created_at': rfc3339(record['created_at']),
                'expires_at': rfc3339(expires) if expires is not None else None, 'status': status}
    return {'type': 'client_secret', 'id': record['id'], 'client_id': record['client_id'], 'display_name': record['display_name'],
            'created_at': rfc3339(record['created_at']), 'expires_at': None}


def new_client_secret(call, application, display_name):
    now = time.time()
    record = {'type': 'client_secret', 'id': str(uuid.uuid4()), 'client_id': application['client_id'], 'display_name': display_name,
              'client_secret': secrets.token_urlsafe(32), 'created_at': now}
    credentials(call, application)[record['id']] = record
    return dict(credential_view(record), client_secret=record['client_secret'])


def create_credential(call):
    """``POST .../credentials {display_name?}``: 201 with the key (or client secret) this once; 20 per application
    (403, the spec's example). Self-managed client-credentials applications have their secrets in their own IdP (400)."""
    application = my_application(call)
    body = validated_body(call)
    credential_type = application['auth_strategy']['credential_type']
    if credential_type == 'self_managed_client_credentials':
        raise validation_error([Issue('applicationId', 'invalid', 'the credentials of this application are managed by its identity provider',
                                      source='path')])
    if len(credentials(call, application)) >= MAX_CREDENTIALS:
        raise ApiError(403, QUOTA_DETAIL)
    if credential_type == 'client_credentials':
        return Response(201, new_client_secret(call, application, body.get('display_name')))
    now = time.time()
    key = secrets.token_urlsafe(24)
    record = {'type': 'api_key', 'id': str(uuid.uuid4()), 'display_name': body.get('display_name') or key[:5] + '...', 'credential': key,
              'created_at': now, 'expires_at': expiry(application, now)}
    credentials(call, application)[record['id']] = record
    return Response(201, dict(credential_view(record), credential=key))


def list_credentials(call):
    application = my_application(call)
    return listed(call, [credential_view(record) for record in credentials(call, application).values()])


def my_credential(call):
    application = my_application(call)
    record = credentials(call, application).get(call.params['credentialId'])
    if record is None:
        raise not_found('Credential not found.')
    return application, record


def rename_credential(call):
    _application, record = my_credential(call)
    body = validated_body(call)
    record['display_name'] = body['display_name']
    return Response(200, credential_view(record))


def delete_credential(call):
    """``DELETE``: 204; the last client secret of a DCR application stays (409: it needs at least one)."""
    application, record = my_credential(call)
    if record['type'] == 'client_secret' and len(credentials(call, application)) == 1:
        raise ApiError(409, 'The application needs at least one client secret.')
    del credentials(call, application)[record['id']]
    return Response(204)


def regenerate_secret(call):
    """``POST .../regenerate-secret``: 201 ``{client_id, client_secret}`` for a DCR client-credentials application with
    exactly one client secret (409 otherwise, as the spec says); other applications have no secret to regenerate (400)."""
    application = my_application(call)
    if application['auth_strategy']['credential_type'] != 'client_credentials':
        raise validation_error([Issue('applicationId', 'invalid', 'only client-credentials applications have a client secret', source='path')])
    secrets_held = [record for record in credentials(call, application).values() if record['type'] == 'client_secret']
    if len(secrets_held) != 1:
        raise ApiError(409, 'The application must have exactly one client secret to regenerate it; it has %d.' % len(secrets_held))
    secrets_held[0]['client_secret'] = secrets.token_urlsafe(32)
    return Response(201, {'client_id': application['client_id'], 'client_secret': secrets_held[0]['client_secret']})


HANDLERS = {
    ('POST', BASE + '/developer'): register,
    ('POST', BASE + '/developer/verify-email'): verify_email,
    ('POST', BASE + '/developer/reset-password'): reset_password,
    ('POST', BASE + '/developer/forgot-password'): forgot_password,
    ('POST', BASE + '/developer/authenticate'): authenticate,
    ('POST', BASE + '/developer/refresh'): refresh,
    ('POST', BASE + '/developer/logout'): logout,
    ('GET', BASE + '/developer/me'): me,
    ('GET', BASE + '/developer/teams'): my_teams,
    ('GET', BASE + '/developer/teams/{teamId}'): get_team,
    ('GET', BASE + '/developer/teams/{teamId}/developers'): team_members,
    ('GET', BASE + '/portal'): portal_context,
    ('GET', BASE + '/apis'): list_apis,
    ('GET', BASE + '/apis/{apiIdOrSlug}'): get_api,
    ('GET', BASE + '/apis/{apiIdOrSlug}/actions'): api_actions,
    ('GET', BASE + '/apis/{apiIdOrSlug}/applications'): api_applications,
    ('GET', BASE + '/apis/{apiIdOrSlug}/versions'): list_versions,
    ('GET', BASE + '/apis/{apiIdOrSlug}/versions/{versionId}'): get_version,
    ('GET', BASE + '/apis/{apiIdOrSlug}/versions/{versionId}/raw'): get_version_raw,
    ('GET', BASE + '/apis/{apiIdOrSlug}/specifications'): list_specifications,
    ('GET', BASE + '/apis/{apiIdOrSlug}/specifications/{specId}'): get_specification,
    ('GET', BASE + '/apis/{apiIdOrSlug}/specifications/{specId}/raw'): get_specification_raw,
    ('GET', BASE + '/application-auth-strategies'): list_strategies,
    ('GET', BASE + '/applications'): list_applications,
    ('POST', BASE + '/applications'): create_application,
    ('GET', BASE + '/applications/{applicationId}'): get_application,
    ('PATCH', BASE + '/applications/{applicationId}'): update_application,
    ('DELETE', BASE + '/applications/{applicationId}'): delete_application,
    ('GET', BASE + '/applications/{applicationId}/registrations'): list_registrations,
    ('POST', BASE + '/applications/{applicationId}/registrations'): create_registration,
    ('GET', BASE + '/applications/{applicationId}/registrations/{registrationId}'): get_registration,
    ('DELETE', BASE + '/applications/{applicationId}/registrations/{registrationId}'): delete_registration,
    ('GET', BASE + '/applications/{applicationId}/credentials'): list_credentials,
    ('POST', BASE + '/applications/{applicationId}/credentials'): create_credential,
    ('PUT', BASE + '/applications/{applicationId}/credentials/{credentialId}'): rename_credential,
    ('DELETE', BASE + '/applications/{applicationId}/credentials/{credentialId}'): delete_credential,
    ('POST', BASE + '/applications/{applicationId}/regenerate-secret'): regenerate_secret,
}
