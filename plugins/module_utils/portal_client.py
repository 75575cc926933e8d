# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The client of the Portal Client API: what a developer does on a developer portal's own host.

It is the admin client (retries, backoff, pagination, error messages) pointed at one portal host, with the
developer's session instead of a token: it logs in with the developer's email and password on the first request
that needs a session, keeps the ``portalaccesstoken`` cookie for the rest of the task, and on a 401 refreshes the
session once (``portalrefreshtoken``) and sends the request again. The password and the cookies are secrets: they are
never in a message, and ``secret_values()`` hands them to the task so that no result shows them either.
"""

from __future__ import annotations

import time

from ansible_collections.konnect.konnect.plugins.module_utils.client import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, KonnectClient, check_base_url
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError, KonnectParameterError

ACCESS_COOKIE = 'portalaccesstoken'
REFRESH_COOKIE = 'portalrefreshtoken'
LOGIN_PATH = '/api/v3/developer/authenticate'
REFRESH_PATH = '/api/v3/developer/refresh'
SIGN_UP_PATH = '/api/v3/developer'
PORTAL_PATH = '/api/v3/portal'

# Paths that take no session: signing up and completing it, the session's own paths, and the portal's public context.
ANONYMOUS_PATHS = frozenset((
    SIGN_UP_PATH, LOGIN_PATH, REFRESH_PATH, PORTAL_PATH, '/api/v3/developer/logout',
    '/api/v3/developer/verify-email', '/api/v3/developer/reset-password', '/api/v3/developer/forgot-password',
))

LOGGED_IN = 'logged in'
APPROVAL_REQUIRED = 'approval required'
INVALID_CREDENTIALS = 'invalid credentials'

if HAS_REQUESTS:
    import http.cookiejar

    class KeepNoCookies(http.cookiejar.DefaultCookiePolicy):
        """The portal's cookies are kept by the client itself and sent to the portal only (the refresh token only to refresh)."""

        def set_ok(self, cookie, request):
            return False


def portal_base_url(url):
    """``https://`` + a bare host (the ``default_domain`` the portal module returns), without a trailing slash."""
    url = (url or '').strip()
    if not url.rstrip('/'):
        raise KonnectParameterError('portal_url is required: the URL of the developer portal, for example the default_domain or the '
                                    'custom domain the konnect.konnect.portal module returns (or set KONNECT_PORTAL_URL).')
    url = url if '://' in url else 'https://' + url
    check_base_url('portal_url', url, 'KONNECT_PORTAL_URL', example='https://portal.example.com')
    return url.rstrip('/')


class PortalLoginError(KonnectParameterError):
    """The portal refused the developer's login; ``outcome`` says why (APPROVAL_REQUIRED, INVALID_CREDENTIALS)."""

    def __init__(self, msg, outcome, **details):
        super(PortalLoginError, self).__init__(msg, **details)
        self.outcome = outcome


class PortalClient(KonnectClient):
    """Talks to one developer portal's Portal Client API (``<portal_url>/api/v3/...``) as one developer."""

    def __init__(self, portal_url, email=None, password=None, validate_certs=True, ca_path=None, timeout=30, max_retries=5,
                 sleep=time.sleep, warn=None):  # pylint: disable=super-init-not-called
        if not HAS_REQUESTS:
            raise KonnectParameterError('The Python library requests is required on the host that runs this task.',
                                        exception=REQUESTS_IMPORT_ERROR)
        self.portal_url = portal_base_url(portal_url)
        self.region = None
        self.token_kind = 'portal'
        self.email = email
        self._open(timeout, max_retries, sleep, warn, (password,), validate_certs, ca_path)
        self.session.cookies.set_policy(KeepNoCookies())
        self._credentials = (email, password) if email and password else None
        self._cookies = {}
        self._logged_in = False

    @classmethod
    def from_params(cls, params, **kwargs):  # pylint: disable=arguments-differ
        return cls(
            portal_url=params.get('portal_url'),
            email=params.get('portal_email'),
            password=params.get('portal_password'),
            validate_certs=params.get('validate_certs', True),
            ca_path=params.get('ca_path'),
            timeout=params.get('timeout') if params.get('timeout') is not None else 30,
            max_retries=params.get('max_retries') if params.get('max_retries') is not None else 5,
            **kwargs)

    def url_for(self, path, region=None):
        return self.portal_url + path

    peer = 'the portal'

    def url_option(self, url):
        return 'portal_url'

    # -- the session ------------------------------------------------------------------------------

    def _session_headers(self, path):
        name = REFRESH_COOKIE if path == REFRESH_PATH else ACCESS_COOKIE
        value = self._cookies.get(name)
        return {'Cookie': '%s=%s' % (name, value)} if value else {}

    def hide(self, value):
        """Never show ``value`` (a token the portal hands over during sign-up)."""
        if value and value not in self._secrets:
            self._secrets.append(value)

    def _keep_cookies(self, response):
        for name in (ACCESS_COOKIE, REFRESH_COOKIE):
            value = response.cookies.get(name)
            if value:
                self._cookies[name] = value
                self.hide(value)

    def _ensure_logged_in(self, path=None):
        if path in ANONYMOUS_PATHS or self._logged_in:
            return
        self.log_in()

    def authenticate(self, email=None, password=None):
        """Log in (``POST /api/v3/developer/authenticate``); LOGGED_IN, APPROVAL_REQUIRED or INVALID_CREDENTIALS.

        Other refusals raise: a host that is not a portal, a portal without password login.
        """
        if email is None or password is None:
            if not self._credentials:
                raise KonnectParameterError('portal_email and portal_password are required to log in to the portal '
                                            '(or set KONNECT_PORTAL_EMAIL and KONNECT_PORTAL_PASSWORD).')
            email, password = self._credentials
        self.hide(password)
        response = self.request('POST', LOGIN_PATH, body={'username': email, 'password': password}, expected=(400, 401, 403, 404),
                                what='the login of developer %s' % email)
        if response.ok:
            self._keep_cookies(response)
            self._logged_in = True
            return LOGGED_IN
        if response.status == 404:
            self.check_is_portal()
            raise KonnectParameterError('portal_url: the portal at %s does not offer login by email and password (404 on %s); '
                                        'an admin enables basic_auth_enabled with konnect.konnect.portal_auth_settings.'
                                        % (self.portal_url, LOGIN_PATH), status=404)
        reason = problem_words(response.body)
        if response.status == 401 and 'approv' in reason:
            return APPROVAL_REQUIRED
        if response.status == 401:
            return INVALID_CREDENTIALS
        raise KonnectApiError(response.status, 'POST', LOGIN_PATH, response.body, what='the login of developer %s' % email,
                              secrets=self._secrets)

    def log_in(self):
        """Log in with portal_email and portal_password; a clear error when the portal refuses."""
        outcome = self.authenticate()
        email = self._credentials[0]
        if outcome == APPROVAL_REQUIRED:
            raise PortalLoginError("portal_email: developer %s has not been approved on the portal at %s yet (401 Approval Required). "
                                   "An admin approves developers with konnect.konnect.portal_developer (status: approved), or lets "
                                   "the portal approve them itself (auto_approve_developers)." % (email, self.portal_url),
                                   APPROVAL_REQUIRED, status=401)
        if outcome == INVALID_CREDENTIALS:
            raise PortalLoginError("portal_password: the portal at %s refused the login of %s (401 Invalid Credentials): the password "
                                   "is wrong, or the developer has not completed sign-up (konnect.konnect.portal_client_developer "
                                   "with the verification_token from the email)." % (self.portal_url, email),
                                   INVALID_CREDENTIALS, status=401)

    def _renew_session(self, path):
        """After a 401: refresh the session once (log in again if the refresh is refused); whether to retry."""
        if path in ANONYMOUS_PATHS or not self._logged_in:
            return False
        if self._cookies.get(REFRESH_COOKIE):
            response = self._send('POST', REFRESH_PATH, None, None)
            if response.ok:
                self._keep_cookies(response)
                return True
        self._cookies = {}
        self._logged_in = False
        if not self._credentials:
            return False
        self.log_in()
        return True

    def request(self, method, path, params=None, body=None, what=None, expected=None, region=None, verb=None):
        try:
            return super(PortalClient, self).request(method, path, params=params, body=body, what=what, expected=expected, verb=verb)
        except KonnectApiError as exc:
            if exc.status == 401:
                raise KonnectError('The portal at %s refused the developer session for %s %s (401) even after logging in again.%s' % (
                    self.portal_url, method, path, (' ' + problem_words(exc.body, keep_case=True)) if exc.body else ''), **exc.details)
            if exc.status == 404 and path not in (PORTAL_PATH,) and not (expected and 404 in expected):
                self.check_is_portal()
            raise

    def check_is_portal(self):
        """A clear error when portal_url is not a developer portal (it answers 404 on the portal's own context)."""
        response = self._send('GET', PORTAL_PATH, None, None)
        if response.status == 404 or not isinstance(response.body, dict) or 'portal_id' not in response.body:
            raise KonnectParameterError('portal_url: %s is not a Konnect developer portal (GET %s answered %d). Give the portal\'s '
                                        'default_domain or custom domain, as the konnect.konnect.portal module returns it.'
                                        % (self.portal_url, PORTAL_PATH, response.status), status=response.status)

    def portal(self):
        """The portal's public context (``GET /api/v3/portal``), read once."""
        if PORTAL_PATH not in self._once:
            response = self.request('GET', PORTAL_PATH, what='the portal', expected=(404,))
            if response.status == 404 or not isinstance(response.body, dict) or 'portal_id' not in response.body:
                self.check_is_portal()
            self._once[PORTAL_PATH] = response.body
        return self._once[PORTAL_PATH]


def problem_words(body, keep_case=False):
    """The title and detail of a problem+json body, as one string (lower case unless ``keep_case``)."""
    if not isinstance(body, dict):
        return ''
    text = ' '.join(str(body.get(name)) for name in ('title', 'detail', 'message') if body.get(name))
    return text if keep_case else text.lower()
