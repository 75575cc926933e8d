# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Developer self-service: what one developer does on a portal's own host through the Portal Client API (``/api/v3``).

The tasks talk to the portal with the developer's session (``PortalClient``), never to the admin API. Applications,
registrations and credentials are ordinary entities of the one engine; what the declarative ``Entity`` cannot say lives
in the small engines below: the developer's sign-up flow, an API found by id, slug or name and version among those the
portal shows, the secrets Konnect returns once (an application's client secret, a credential's key) and the file a key
may be written to.
"""

from __future__ import annotations

import os
import tempfile
from urllib.parse import quote

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.compare import get_path
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, TokenEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LOOKUP_FILTER,
    LOOKUP_LIST,
    Entity,
    Field,
    IdReference,
    Parent,
    Token,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.portal_client import (
    INVALID_CREDENTIALS,
    LOGGED_IN,
    SIGN_UP_PATH,
)

VERIFICATION_PENDING = 'verification pending'
APPROVAL_PENDING = 'approval pending'
ACTIVE = 'active'

APIS = '/api/v3/apis'
ME = '/api/v3/developer/me'


# -- APIs as the portal shows them --------------------------------------------------------------------

def visible_apis(client, value=None, version=None):
    """The APIs the portal shows this developer: all, or the one ``value`` names (id, slug, or name and ``version``)."""
    if value is None:
        return [api for api in client.paginate(APIS, 'page', what='the APIs of the portal') if version is None or api.get('version') == version]
    found = []
    if looks_like_id(value) or '/' not in value:
        response = client.get('%s/%s' % (APIS, quote(value, safe='')), what="API '%s'" % value, expected=(404,))
        if response.status != 404 and isinstance(response.body, dict) and (version is None or response.body.get('version') == version):
            found = [response.body]
    if not found and not looks_like_id(value):
        named = client.paginate(APIS, 'page', params={'filter[name][eq]': value}, what="API '%s'" % value)
        found = [api for api in named if api.get('name') == value and (version is None or api.get('version') == version)]
    return found


def find_visible_api(client, option, value, version=None):
    """The one API ``value`` names, or a clear error (not visible to this developer on this portal, or ambiguous)."""
    found = visible_apis(client, value, version)
    label = "'%s'%s" % (value, ' version %s' % version if version else '')
    if not found:
        raise KonnectParameterError("%s: the portal at %s shows developer %s no API %s. It must be published to this portal (an admin "
                                    "publishes it with konnect.konnect.api_publication) and visible to the developer (a public "
                                    "publication, or a team with the API Viewer or API Consumer role)."
                                    % (option, client.portal_url, client.email, label))
    if len(found) > 1:
        raise KonnectParameterError("%s: the portal shows %d APIs named %s, with versions %s; give api_version, the slug or the id."
                                    % (option, len(found), label, ', '.join(sorted(str(api.get('version')) for api in found))))
    return found[0]


class PortalApiReference(IdReference):
    """The API of a registration, by id, slug or name (and ``api_version``), among those the portal shows; sent as ``api_id``."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        api = find_visible_api(resolver.client, self.option, value, params.get('api_version'))
        resolver.remember(resolver.registry(self.entity), api)
        return self.wrap(api['id'])


# -- applications ----------------------------------------------------------------------------------

class StrategyReference(IdReference):
    """An application's auth strategy, by name or id from the portal's list; sent as ``auth_strategy_id``, read back nested."""

    def current(self, obj):
        return obj.get(self.body_field) or get_path(obj, 'auth_strategy.id')


class MintingEngine(EntityEngine):
    """An entity whose create answer carries a secret Konnect shows only then (a client-credentials application's
    ``client_secret``): kept out of the entity and returned beside it, in a result logs do not show."""

    SECRET_FIELDS = ('client_secret',)

    def keep_minted(self, created):
        if isinstance(created, dict):
            for name in self.SECRET_FIELDS:
                if created.get(name):
                    self.minted[name] = created.pop(name)
        return created


class PortalClientApplication(Entity):
    engine_class = MintingEngine


PORTAL_CLIENT_AUTH_STRATEGY = Entity(
    'portal_client_auth_strategy', 'application auth strategy of the portal', '/api/v3/application-auth-strategies',
    fields=[Field('name')], key='name', lookup=LOOKUP_FILTER, pagination='page', update_method=None, item_readable=False,
    filterable={'name': ('eq', 'contains')},
)

PORTAL_CLIENT_APPLICATION = PortalClientApplication(
    'portal_client_application', 'application', '/api/v3/applications',
    fields=[Field('name'), Field('description'), Field('client_id', no_log=False), Field('redirect_uri'),
            Field('scopes', type='list', elements='str', unordered=True)],
    references=[StrategyReference('auth_strategy', 'portal_client_auth_strategy', body_field='auth_strategy_id', create_only=True)],
    key='name', lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', match_paths={'auth_strategy_id': 'auth_strategy.id'},
    filterable={'name': ('eq', 'contains')},
)

ON_APPLICATION = Parent('application', 'portal_client_application', description='The application, by name or id.')


# -- registrations ---------------------------------------------------------------------------------

class RegistrationEngine(EntityEngine):
    """A registration: before creating it, make sure the portal lets this application register for the API."""

    def decide(self, current, desired):
        decision = super(RegistrationEngine, self).decide(current, desired)
        if decision.action == decide.CREATE:
            self.check_registrable(desired['api_id'])
        return decision

    def check_registrable(self, api_id):
        api = self.resolver.seen.get(('portal_client_api', api_id)) or {}
        label = api.get('name') or api_id
        actions = self.client.get('%s/%s/actions' % (APIS, api_id), what="the actions on API '%s'" % label, expected=(404, 503))
        allowed_actions = (actions.body or {}).get('actions') if actions.ok and isinstance(actions.body, dict) else None
        if isinstance(allowed_actions, dict) and allowed_actions.get('register') is False:
            raise KonnectParameterError("api: the portal does not let developer %s register applications for API '%s': its publication "
                                        "has no application auth strategy, or the developer lacks the API Consumer role."
                                        % (self.client.email, label))
        allowed = [strategy.get('id') for strategy in api.get('auth_strategies') or [] if isinstance(strategy, dict)]
        application = self.parent('application') or {}
        mine = get_path(application, 'auth_strategy.id')
        if allowed and mine and mine not in allowed:
            raise KonnectParameterError("api: application '%s' uses auth strategy '%s', and API '%s' takes only %s; create an "
                                        "application with one of those (its auth strategy cannot change)." % (
                                            application.get('name'), get_path(application, 'auth_strategy.name') or mine, label,
                                            ', '.join("'%s'" % (strategy.get('name') or strategy.get('id'))
                                                      for strategy in api.get('auth_strategies'))))

    def describe_current(self, current):
        return "the registration for API '%s'" % (current.get('api_name') or current.get('api_id'))


class PortalClientRegistration(Entity):
    engine_class = RegistrationEngine
    extra_options = {'api_version': dict(type='str')}


PORTAL_CLIENT_API = Entity(
    'portal_client_api', 'API', APIS, fields=[Field('name'), Field('version')], key='name', lookup=LOOKUP_FILTER,
    pagination='page', update_method=None, filterable={'name': ('eq',)},
)

PORTAL_CLIENT_APPLICATION_REGISTRATION = PortalClientRegistration(
    'portal_client_application_registration', 'application registration', '/api/v3/applications/{application}/registrations',
    references=[PortalApiReference('api', 'portal_client_api', body_field='api_id', required=True)],
    key='api_id', lookup=LOOKUP_LIST, pagination='page', update_method=None, parents=[ON_APPLICATION],
    extras=lambda registration: {'status': registration.get('status')},
)


# -- credentials -----------------------------------------------------------------------------------

class CredentialEngine(TokenEngine):
    """A credential: its key (or client secret) is returned once and may be written to ``dest`` (mode 0600); never minted
    twice; ``regenerate_secret`` replaces a client-credentials application's one secret."""

    SECRET_FIELDS = ('credential', 'client_secret')

    def run(self):
        if self.params.get('regenerate_secret'):
            return self.regenerate_secret()
        result = super(CredentialEngine, self).run()
        return self.deliver(result)

    def keep_minted(self, created):
        if isinstance(created, dict):
            for name in self.SECRET_FIELDS:
                if created.get(name):
                    self.minted[name] = created.pop(name)
        return created

    def regenerate_secret(self):
        self.scope = self.resolve_parents()
        application = self.parent('application')
        if application is None:
            raise KonnectParameterError('application: no application %s was found.' % self.params.get('application'))
        if self.check_mode:
            return self.deliver(self.result(True, application, application))
        response = self.client.request('POST', '/api/v3/applications/%s/regenerate-secret' % application['id'],
                                       what="the client secret of application '%s'" % application.get('name'), verb='regenerate')
        secret = (response.body or {}).get('client_secret')
        if secret:
            self.minted['client_secret'] = secret
        return self.deliver(dict(self.result(True, application, application), client_id=(response.body or {}).get('client_id')))

    def deliver(self, result):
        """Write the secret just minted to ``dest``; warn when ``dest`` lacks it and it cannot be had again."""
        dest = self.params.get('dest')
        if not dest:
            return result
        result['dest'] = dest
        secret = next((self.minted[name] for name in self.SECRET_FIELDS if self.minted.get(name)), None)
        if secret is not None and not self.check_mode:
            write_private_file(dest, secret)
        elif secret is None and not self.check_mode and self.params.get('state', 'present') == 'present' and not os.path.exists(dest):
            self.client.warn('dest: %s does not exist, and the portal shows a credential\'s key only when it is minted; set rotate: true '
                             'to mint a new one and write it there.' % dest)
        return result


def write_private_file(path, content):
    """Write ``content`` to ``path`` readable by its owner only (0600), atomically: never a moment with other modes."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix='.konnect-')
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, 'w') as stream:
            stream.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise KonnectError('dest: could not write %s: %s. The credential was minted; its key is in the registered result only.'
                           % (path, exc.strerror or exc))


class PortalClientCredential(Token):
    engine_class = CredentialEngine
    extra_options = {'dest': dict(type='path', no_log=False), 'regenerate_secret': dict(type='bool')}


PORTAL_CLIENT_CREDENTIAL = PortalClientCredential(
    'portal_client_credential', 'application credential', '/api/v3/applications/{application}/credentials',
    fields=[Field('display_name')], key='display_name', lookup=LOOKUP_LIST, pagination='page', update_method='PUT',
    update_fields=('display_name',),
    parents=[ON_APPLICATION], item_readable=False, secret_field='credential', result_field='credential',
)


# -- the developer ---------------------------------------------------------------------------------

class DeveloperEngine(object):
    """The developer's own account: sign up once, complete the sign-up with the emailed token and a password, report the status.

    Konnect answers a login ``Invalid Credentials`` both before the sign-up is complete and for a wrong password, and only a
    sign-up says whether the developer exists (409); so a developer that cannot log in is signed up (once: the portal refuses
    a second sign-up), or, given ``verification_token``, has the sign-up completed.
    """

    def __init__(self, entity, params, client, registry, check_mode=False, diff_mode=False):
        self.entity = entity
        self.params = params
        self.client = client
        self.check_mode = check_mode
        self.diff_mode = diff_mode

    def run(self):
        email = self.params.get('portal_email')
        if not email:
            raise KonnectParameterError('portal_email: required, the email address of the developer (or set KONNECT_PORTAL_EMAIL).')
        password = self.params.get('password') or self.params.get('portal_password')
        outcome = self.client.authenticate(email, password) if password else INVALID_CREDENTIALS
        if outcome != INVALID_CREDENTIALS:
            return self.known(outcome)
        if self.params.get('verification_token'):
            return self.complete_sign_up(email, password)
        return self.sign_up(email, password)

    def known(self, outcome, changed=False, before=None):
        if outcome == LOGGED_IN:
            developer = dict(self.client.get(ME, what='the developer').body or {}, status=ACTIVE)
        else:
            developer = {'email': self.params.get('portal_email'), 'status': APPROVAL_PENDING}
        return self.result(changed, before, developer)

    def sign_up(self, email, password):
        full_name = self.params.get('full_name')
        if not full_name:
            raise KonnectParameterError('full_name: required to sign up developer %s on the portal at %s (the portal does not log '
                                        'in %s%s).' % (email, self.client.portal_url, email, ' with this password' if password else ''))
        before = None
        after = {'email': email, 'full_name': full_name, 'status': VERIFICATION_PENDING}
        if self.check_mode:
            return self.result(True, before, after)
        self.client.portal()  # a clear error first if portal_url is not a portal
        response = self.client.request('POST', SIGN_UP_PATH, body={'email': email, 'full_name': full_name}, expected=(409,),
                                       what='the sign-up of developer %s' % email, verb='sign up')
        if response.status == 409:
            self.client.warn('Developer %s has signed up on this portal but cannot log in%s: the sign-up waits for the '
                             'verification_token from the email (give it with the password to set), or the password is wrong.'
                             % (email, ' with this password' if password else ' (no password was given)'))
            return self.result(False, after, after)
        return self.result(True, before, after)

    def complete_sign_up(self, email, password):
        if not password:
            raise KonnectParameterError('password: required with verification_token, the password the developer will log in with '
                                        '(or set portal_password).')
        before = {'email': email, 'status': VERIFICATION_PENDING}
        if self.check_mode:
            return self.result(True, before, {'email': email, 'status': APPROVAL_PENDING})
        self.client.portal()
        verified = self.client.request('POST', '/api/v3/developer/verify-email', body={'token': self.params['verification_token']},
                                       expected=(400, 404, 410), what='the verification of developer %s' % email, verb='verify')
        if not verified.ok:
            raise KonnectParameterError('verification_token: the portal does not take this token (%d: %s), and developer %s cannot '
                                        'log in with the password given. A token works once: if the sign-up was completed with '
                                        'another password, give that one; otherwise start again with a new token (forgot-password).'
                                        % (verified.status, 'already used or expired' if verified.status == 410 else 'unknown',
                                           email), status=verified.status)
        reset_token = (verified.body or {}).get('token')
        self.client.hide(reset_token)
        self.client.request('POST', '/api/v3/developer/reset-password', body={'token': reset_token, 'password': password},
                            what='the password of developer %s' % email, verb='set')
        outcome = self.client.authenticate(email, password)
        if outcome == INVALID_CREDENTIALS:
            raise KonnectError('The portal completed the sign-up of developer %s but refuses the new password at login.' % email)
        return self.known(outcome, changed=True, before=before)

    def result(self, changed, before, after):
        result = {'changed': changed, 'action': decide.action_taken(changed, before, after), self.entity.name: after,
                  'status': after.get('status')}
        if self.diff_mode:
            names = ('email', 'full_name', 'status')
            result['diff'] = dict((side, dict((name, value.get(name)) for name in names if value and value.get(name) is not None))
                                  for side, value in (('before', before), ('after', after)))
        return result


class PortalClientDeveloper(Entity):
    engine_class = DeveloperEngine


PORTAL_CLIENT_DEVELOPER = PortalClientDeveloper(
    'portal_client_developer', 'developer', None, fields=[Field('full_name')], key='email', update_method=None,
)


# -- what the developer can read ---------------------------------------------------------------------

class ApiInfoEngine(object):
    """The APIs the portal shows this developer, with their versions; ``spec_dest`` writes one version's specification."""

    def __init__(self, entity, params, client, registry, check_mode=False):
        self.params = params
        self.client = client
        self.check_mode = check_mode

    def run(self):
        value, version = self.params.get('api'), self.params.get('api_version')
        apis = [find_visible_api(self.client, 'api', value, version)] if value else visible_apis(self.client, None, version)
        for api in apis:
            api['versions'] = list(self.client.paginate('%s/%s/versions' % (APIS, api['id']), 'page', what="the versions of API '%s'" % api.get('name')))
        result = {'changed': False, 'apis': apis}
        if self.params.get('spec_dest'):
            result.update(self.write_spec(apis))
        return result

    def write_spec(self, apis):
        dest = self.params['spec_dest']
        if len(apis) != 1:
            raise KonnectParameterError('spec_dest: give api (and api_version if needed) to say whose specification to write; '
                                        'the portal shows %d APIs.' % len(apis))
        api = apis[0]
        versions = api['versions']
        if not versions:
            raise KonnectParameterError("spec_dest: API '%s' has no specification on this portal." % api.get('name'))
        wanted = (api.get('current_version_summary') or {}).get('id')
        chosen = next((item for item in versions if item.get('id') == wanted), versions[0])
        body = self.client.get('%s/%s/versions/%s' % (APIS, api['id'], chosen['id']), what="the specification of API '%s'" % api.get('name')).body
        content = get_path(body or {}, 'spec.content') or ''
        current = None
        if os.path.exists(dest):
            with open(dest) as handle:
                current = handle.read()
        changed = current != content
        if changed and not self.check_mode:
            directory = os.path.dirname(os.path.abspath(dest))
            handle, temporary = tempfile.mkstemp(dir=directory, prefix='.konnect-')
            with os.fdopen(handle, 'w') as stream:
                stream.write(content)
            os.chmod(temporary, 0o644)
            os.replace(temporary, dest)
        return {'changed': changed, 'spec_dest': dest, 'spec_version': chosen.get('version'), 'spec_type': get_path(chosen, 'spec.type')}


class PortalClientApiInfo(Entity):
    info_engine_class = ApiInfoEngine
    extra_options = {'api': dict(type='str'), 'api_version': dict(type='str'), 'spec_dest': dict(type='path')}


PORTAL_CLIENT_API_INFO = PortalClientApiInfo('portal_client_api_info', 'API', APIS, update_method=None)


class PortalInfoEngine(object):
    """The portal (its public context), the developer's profile and the developer's teams."""

    def __init__(self, entity, params, client, registry, check_mode=False):
        self.client = client

    def run(self):
        portal = self.client.portal()
        developer = self.client.get(ME, what='the developer').body
        teams = list(self.client.paginate('/api/v3/developer/teams', 'page', what="the developer's teams"))
        return {'changed': False, 'portal': portal, 'developer': developer, 'teams': teams}


class PortalClientInfo(Entity):
    info_engine_class = PortalInfoEngine


PORTAL_CLIENT_INFO = PortalClientInfo('portal_client_info', 'portal', None, update_method=None)


ENTITIES = (
    PORTAL_CLIENT_AUTH_STRATEGY, PORTAL_CLIENT_APPLICATION, PORTAL_CLIENT_API, PORTAL_CLIENT_APPLICATION_REGISTRATION,
    PORTAL_CLIENT_CREDENTIAL, PORTAL_CLIENT_DEVELOPER, PORTAL_CLIENT_API_INFO, PORTAL_CLIENT_INFO,
)
