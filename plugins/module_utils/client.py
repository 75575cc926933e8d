# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP client every konnect.konnect module talks through.

It owns authentication (bearer token or the legacy email/password login), the routing of each
request to the global or the regional host, retries with backoff, pagination and the translation
of Konnect's two error formats into one readable message.
"""

from __future__ import annotations

import concurrent.futures
import email.utils
import json
import os
import random
import re
import socket
import ssl
import sys
import time
import traceback
import warnings
from urllib.parse import urlsplit

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    HAS_REQUESTS = True
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.konnect.konnect.plugins.module_utils.errors import (
    AmbiguousWriteError,
    KonnectApiError,
    KonnectConnectionError,
    KonnectParameterError,
)
from ansible_collections.konnect.konnect.plugins.module_utils.version import COLLECTION_VERSION

REGIONS = ('us', 'eu', 'au', 'me', 'in', 'sg')
GLOBAL = 'global'  # where identity lives: the key of the client that sends it, and its region in summaries
GLOBAL_API_URL = 'https://global.api.konghq.com'
REGIONAL_API_URL = 'https://{region}.api.konghq.com'
TOKEN_PREFIXES = ('kpat_', 'spat_')
LEGACY_LOGIN_PATH = '/kauth/api/v1/authenticate'
# The older form of the email/password login, for hosts that answer 404 on LEGACY_LOGIN_PATH: the same session
# cookie, the user in the body.
OLDER_LOGIN_PATH = '/api/auth'

# API families served only by the global host; every other path goes to the chosen region.
GLOBAL_PATH_PREFIXES = (
    '/v3/users', '/v3/invites', '/v3/teams', '/v3/roles', '/v3/system-accounts',
    '/v3/identity-provider', '/v3/identity-providers', '/v3/authentication-settings', '/v3/authenticate', '/v3/organizations',
    '/v2/cloud-gateways', '/v0/serverless-cloud-gateways', '/v1/notifications', '/kauth/', OLDER_LOGIN_PATH,
)

# What may be sent again when its answer was lost: a PUT or a PATCH sets the same values again, a DELETE finds nothing
# (404, which callers expect). A POST is never resent blindly: the engine re-reads by natural key (EntityEngine.post_once).
IDEMPOTENT_METHODS = frozenset(('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'))
RETRYABLE_STATUSES = frozenset((502, 503, 504))
PAGE_SIZE = 100
CORE_PAGE_SIZE = 1000  # the largest page the core-entity lists give (Kong's admin API and Konnect: 1-1000)
BACKOFF_BASE_SECONDS = 0.5
BACKOFF_MAX_SECONDS = 30.0
HIDDEN = '********'

_REGION_PLACEHOLDER = '{region}'

INSECURE_WARNING = ('validate_certs is false: TLS certificates are not verified, so the credentials of these tasks could reach an '
                    'impostor; use it only for a test endpoint you control, and prefer giving its CA in ca_path.')


class Response(object):
    """The parts of an HTTP answer the engine needs."""

    def __init__(self, status, body, headers=None, cookies=None):
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.cookies = cookies or {}  # name -> value of the cookies the answer sets

    @property
    def ok(self):
        return 200 <= self.status < 300


def is_global_path(path):
    for prefix in GLOBAL_PATH_PREFIXES:
        if prefix.endswith('/'):
            if path.startswith(prefix):
                return True
        elif path == prefix or path.startswith(prefix + '/') or path.startswith(prefix + '?'):
            return True
    return False


def check_token(token):
    """Fail early, without echoing the token, when it is not a Konnect token."""
    if not token.startswith(TOKEN_PREFIXES):
        raise KonnectParameterError(
            "konnect_token does not look like a Konnect token: it must start with 'kpat_' (personal access token) "
            "or 'spat_' (system account access token). The value was not sent anywhere.")


def check_limits(timeout, max_retries):
    """Fail early on a timeout or a retry count that cannot work (requests would raise, or nothing would be sent)."""
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        raise KonnectParameterError('timeout: must be a number of seconds above 0, got %r.' % (timeout,))
    if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
        raise KonnectParameterError('max_retries: must be 0 or more, got %r.' % (max_retries,))


def retry_after_seconds(value, now=None):
    """Seconds to wait from a Retry-After header given in seconds or as an HTTP-date; None if unusable."""
    if value is None:
        return None
    value = str(value).strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, moment.timestamp() - now)


def check_base_url(option, value, env=None, example='https://{region}.api.konghq.com'):
    """Refuse, before any request, a base URL that is not an absolute http(s) URL with a host."""
    probe = value.replace(_REGION_PLACEHOLDER, 'us')
    try:
        parts = urlsplit(probe)
        port_ok = parts.port is None or parts.port > 0  # .port raises ValueError for a port that is not a number
    except ValueError:
        parts, port_ok = None, False
    problem = None
    if parts is None or not port_ok:
        problem = 'is not a valid URL'
    elif parts.scheme not in ('http', 'https') or not parts.hostname:
        problem = 'is not an absolute http(s) URL'
    elif re.search(r'\s', value):
        problem = 'contains white space'
    elif parts.username is not None or parts.query or parts.fragment:
        problem = 'must not carry credentials, a query or a fragment'
    if problem:
        shown = '' if (parts is not None and parts.username is not None) else ' (got %r)' % value
        raise KonnectParameterError('%s%s %s%s: give the base URL with its scheme, for example %s. Nothing was sent.'
                                    % (option, ' (or %s)' % env if env else '', problem, shown, example))


def check_ca_path(ca_path):
    """Refuse a ca_path that does not exist or holds no CA certificate, before any request (requests' own error is obscure)."""
    if not os.path.exists(ca_path):
        raise KonnectParameterError('ca_path: %s does not exist; give a PEM file (or a directory prepared with c_rehash) of the CA '
                                    'certificates to trust.' % ca_path)
    if os.path.isfile(ca_path):
        try:
            ssl.create_default_context().load_verify_locations(cafile=ca_path)
        except (ssl.SSLError, ValueError, OSError) as exc:
            raise KonnectParameterError('ca_path: %s holds no PEM CA certificate that can be read (%s).' % (ca_path, exc))


def backoff_seconds(attempt, rand=random.random):
    """Exponential backoff with 'full jitter' between half and all of the step."""
    step = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * (2 ** attempt))
    return step * (0.5 + rand() / 2)


class KonnectClient(object):
    """Talks to Konnect; never builds a URL from caller input beyond the API path."""

    def __init__(self, token=None, region='us', api_url=None, global_api_url=None, email=None, password=None,
                 validate_certs=True, ca_path=None, timeout=30, max_retries=5, sleep=time.sleep, warn=None, pool_size=None):
        if not HAS_REQUESTS:
            raise KonnectParameterError('The Python library requests is required on the host that runs this task.',
                                        exception=REQUESTS_IMPORT_ERROR)
        if region not in REGIONS:
            raise KonnectParameterError('konnect_region must be one of %s, got %r.' % (', '.join(REGIONS), region))
        if api_url:
            check_base_url('konnect_api_url', api_url, 'KONNECT_API_URL')
        if global_api_url:
            check_base_url('konnect_global_api_url', global_api_url, 'KONNECT_GLOBAL_API_URL')
        self.region = region
        self._regional_template = api_url or REGIONAL_API_URL
        self.regional_url = self._base_url(self._regional_template, region)
        if global_api_url:
            self.global_url = self._base_url(global_api_url, 'global')
        elif api_url:
            self.global_url = self._base_url(api_url, 'global')
        else:
            self.global_url = GLOBAL_API_URL
        self._url_options = (  # which option says where each base URL is, for messages about reaching it
            (self.global_url, 'konnect_global_api_url' if global_api_url else ('konnect_api_url' if api_url else None)),
            ('', 'konnect_api_url' if api_url else None))
        self._open(timeout, max_retries, sleep, warn, (token, password), validate_certs, ca_path, pool_size)
        self._credentials = None
        self._login_pending = False
        if token:
            check_token(token)
            self.session.headers['Authorization'] = 'Bearer ' + token
            self.token_kind = 'system' if token.startswith('spat_') else 'personal'
        elif email and password:
            self.token_kind = 'session'
            self._credentials = (email, password)
            self._login_pending = True
        else:
            raise KonnectParameterError(
                'No Konnect credentials: set konnect_token (or the KONNECT_TOKEN / KONNECT_SPAT environment variable), '
                'or the legacy konnect_email and konnect_password.')

    def _open(self, timeout, max_retries, sleep, warn, secrets, validate_certs, ca_path, pool_size=None):
        """What every client of the collection has: the HTTP session, retry settings and the values it never shows."""
        check_limits(timeout, max_retries)
        self.timeout = timeout
        self.max_retries = max_retries
        self._sleep = sleep
        self._warn = warn or (lambda msg: None)
        self._secrets = [value for value in secrets if value]
        self._once = {}
        self.session = requests.Session()
        if pool_size:  # as many connections as requests may run at once (apply's parallelism)
            adapter = requests.adapters.HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size)
            self.session.mount('https://', adapter)
            self.session.mount('http://', adapter)
        if validate_certs and ca_path:
            check_ca_path(ca_path)
        self.ca_path = ca_path if validate_certs else None
        self.session.verify = ca_path if (validate_certs and ca_path) else bool(validate_certs)
        if not validate_certs:
            self._warn(INSECURE_WARNING)  # one identical text for every task, which ansible's display shows once per run
            # requests' own warning would go to the worker's stderr on every request of every task instead
            warnings.filterwarnings('ignore', category=requests.packages.urllib3.exceptions.InsecureRequestWarning)
        self.session.headers.update({
            'User-Agent': user_agent(),
            'Accept': 'application/json, application/problem+json',
        })

    def secret_values(self):
        """The password, token and session cookies this client holds: values no result or message may show."""
        return list(self._secrets)

    @classmethod
    def from_params(cls, params, **kwargs):
        return cls(
            token=params.get('konnect_token'),
            region=params.get('konnect_region') or 'us',
            api_url=params.get('konnect_api_url'),
            global_api_url=params.get('konnect_global_api_url'),
            email=params.get('konnect_email'),
            password=params.get('konnect_password'),
            validate_certs=params.get('validate_certs', True),
            ca_path=params.get('ca_path'),
            timeout=params.get('timeout') if params.get('timeout') is not None else 30,
            max_retries=params.get('max_retries') if params.get('max_retries') is not None else 5,
            **kwargs)

    @staticmethod
    def _base_url(template, region):
        return template.replace(_REGION_PLACEHOLDER, region).rstrip('/')

    def url_for(self, path, region=None):
        """The full URL of an API path: global families on the global host, the rest in ``region`` (default: the client's)."""
        if is_global_path(path):
            return self.global_url + path
        if region and region != self.region:
            if region not in REGIONS:
                raise KonnectParameterError('Region must be one of %s, got %r.' % (', '.join(REGIONS), region))
            return self._base_url(self._regional_template, region) + path
        return self.regional_url + path

    # -- requests -------------------------------------------------------------------------------

    def request(self, method, path, params=None, body=None, what=None, expected=None, region=None, verb=None):
        """Send one API call, retrying what is safe to retry; return a Response or raise KonnectApiError.

        ``expected`` lists statuses the caller handles itself (for example 404 on a lookup).
        ``what`` names the entity for error messages ("control plane 'prod'"); ``region`` sends a regional
        call to another region than the client's.
        """
        self._ensure_logged_in(path)
        method = method.upper()
        attempt = 0
        renewed = False
        while True:
            try:
                response = self._send(method, path, params, body, region)
            except NoAnswer as failure:
                if failure.maybe_sent and method not in IDEMPOTENT_METHODS:
                    raise AmbiguousWriteError(self._clean('%s %s got no answer from %s (%s); it may or may not have been applied.'
                                                          % (method, path, failure.base, failure.cause)))
                if not failure.healable or attempt >= self.max_retries:
                    raise failure.after(attempt + 1)
                self._pause(attempt, None, '%s %s at %s: %s' % (method, path, failure.base, failure.cause))
                attempt += 1
                continue
            if expected and response.status in expected:
                return response
            if response.ok:
                return response
            if response.status == 401 and not renewed and self._renew_session(path):
                renewed = True  # the session had expired: once more with a new one
                continue
            if self._should_retry(method, response.status) and attempt < self.max_retries:
                self._pause(attempt, response.headers.get('Retry-After'), '%s %s answered %d' % (method, path, response.status))
                attempt += 1
                continue
            if response.status in RETRYABLE_STATUSES and method not in IDEMPOTENT_METHODS:
                raise AmbiguousWriteError('%s %s answered %d; it may or may not have been applied.' % (method, path, response.status))
            raise KonnectApiError(response.status, method, path, response.body, what=what, secrets=self._secrets, verb=verb)

    def _should_retry(self, method, status):
        if status == 429:
            return True  # a rate-limited request was not processed, whatever its method
        return status in RETRYABLE_STATUSES and method in IDEMPOTENT_METHODS

    def warn(self, message):
        self._warn(self._clean(message))

    def _pause(self, attempt, retry_after, reason):
        delay = retry_after_seconds(retry_after)
        if delay is None:
            delay = backoff_seconds(attempt)
        delay = min(delay, BACKOFF_MAX_SECONDS * 2)
        self._warn('Konnect: %s; retrying in %.1fs (attempt %d of %d).' % (reason, delay, attempt + 1, self.max_retries))
        self._sleep(delay)

    def _send(self, method, path, params, body, region=None):
        # verify per request: requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a session's verify (ca_path, or false)
        kwargs = {'params': params, 'timeout': self.timeout, 'verify': self.session.verify}
        headers = self._session_headers(path)
        if body is not None:
            kwargs['data'] = json.dumps(body)
            headers['Content-Type'] = 'application/json'
        if headers:
            kwargs['headers'] = headers
        url = self.url_for(path, region)
        try:
            raw = self.session.request(method, url, **kwargs)
        except requests.exceptions.RequestException as exc:
            raise NoAnswer(self, method, path, url, exc)
        return Response(raw.status_code, _decode(raw), raw.headers, _cookies(raw))

    # what a message about reaching a host calls the other end
    peer = 'Konnect'

    def url_option(self, url):
        """The option that says where ``url`` is (None: the built-in Konnect address)."""
        for base, option in self._url_options:
            if url.startswith(base):
                return option
        return None

    def _session_headers(self, path):
        """Headers that carry a session to ``path`` (none here: requests' cookie jar carries the login's cookie)."""
        return {}

    def _ensure_logged_in(self, path=None):
        if not self._login_pending:
            return
        self._login_pending = False
        self._log_in()

    def _renew_session(self, path):
        """After a 401: log in again where the client logs in by email and password; whether to try the request again."""
        if not self._credentials or path in (LEGACY_LOGIN_PATH, OLDER_LOGIN_PATH):
            return False
        self.session.cookies.clear()
        self._log_in()
        return True

    def _log_in(self):
        """Konnect's email/password login; a host that does not know it (404) is asked the older ``POST /api/auth``."""
        email_address, password = self._credentials
        credentials = {'username': email_address, 'password': password}
        path = LEGACY_LOGIN_PATH
        response = self._send('POST', path, None, credentials)
        if response.status == 404:
            path = OLDER_LOGIN_PATH
            response = self._send('POST', path, None, credentials)
        if response.status in (400, 401, 403):
            raise KonnectParameterError(
                'Konnect refused the legacy email/password login (%d): check konnect_email and konnect_password. '
                'This login does not work for organizations that use single sign-on; prefer a token.' % response.status,
                status=response.status)
        if not response.ok:
            raise KonnectApiError(response.status, 'POST', path, response.body,
                                  what='the legacy email/password login', secrets=self._secrets)
        self._secrets.extend(value for value in response.cookies.values() if value and value not in self._secrets)

    def _clean(self, text):
        for secret in self._secrets:
            text = text.replace(secret, HIDDEN)
        return text

    # -- conveniences -----------------------------------------------------------------------------

    def get(self, path, params=None, what=None, expected=None, region=None):
        return self.request('GET', path, params=params, what=what, expected=expected, region=region)

    def get_once(self, path, what=None):
        """A GET whose answer cannot change during a task (the calling user, the organization), asked once."""
        if path not in self._once:
            self._once[path] = self.get(path, what=what).body
        return self._once[path]

    def paginate(self, path, style, params=None, what=None, region=None):
        """Yield every item of a list endpoint, following whichever of Konnect's pagination styles it uses."""
        params = dict(params or {})
        if style == 'offset':
            params['size'] = CORE_PAGE_SIZE
        elif style in ('page', 'cursor'):
            params['page[size]'] = PAGE_SIZE
        if style == 'page':
            params['page[number]'] = 1
        seen_pages = 0
        while True:
            body = self.get(path, params=params, what=what, region=region).body or {}
            if isinstance(body, list):  # a few lists are a bare JSON array (identity providers): one page
                yield from body
                return
            items = body.get('data', body.get('items', [])) or []
            yield from items
            seen_pages += 1
            next_params = next_page_params(style, body, params, len(items))
            if next_params is None or seen_pages > 100000:
                return
            params = next_params


class NoAnswer(KonnectConnectionError):
    """No HTTP answer came: the host, the cause in words, whether retrying can help and whether the request may have arrived."""

    def __init__(self, client, method, path, url, exc):
        parts = urlsplit(url)
        self.base = '%s://%s' % (parts.scheme, parts.netloc)
        self.host = parts.hostname
        self.client = client
        self.method, self.path = method, path
        self.cause, self.advice, self.healable, self.maybe_sent = connection_failure(
            exc, self.host, client.url_option(url), client.timeout, client.ca_path)
        self.attempts = 1
        super(NoAnswer, self).__init__(self._sentence())

    def after(self, attempts):
        """The same failure, once ``attempts`` attempts were made."""
        self.attempts = attempts
        self.msg = self._sentence()
        self.args = (self.msg,)
        return self

    def _sentence(self):
        tried = ' (%d attempts)' % self.attempts if self.attempts > 1 else ''
        text = 'Could not reach %s at %s for %s %s: %s%s%s.' % (
            self.client.peer, self.base, self.method, self.path, self.cause, tried, '; ' + self.advice if self.advice else '')
        return self.client._clean(text)


# what OpenSSL's verification codes mean for the user (X509_V_ERR_*)
_EXPIRED = {10: 'has expired', 9: 'is not valid yet'}
_WRONG_NAME = (62, 64)  # host name or IP address mismatch
_DNS_TEMPORARY = frozenset(code for code in (getattr(socket, 'EAI_AGAIN', None),) if code is not None)


def connection_failure(exc, host, option, timeout, ca_path):
    """Why no answer came, in words: (cause, advice, whether retrying can help, whether the request may have reached the server)."""
    chain = _exception_chain(exc)
    where = option or 'konnect_api_url'
    verification = _first(chain, ssl.SSLCertVerificationError)
    if verification is not None:
        return _certificate_problem(verification, host, where, ca_path) + (False, False)
    handshake = _first(chain, ssl.SSLError)
    if handshake is not None or isinstance(exc, requests.exceptions.SSLError):
        reason = getattr(handshake, 'reason', None) or str(handshake or exc)
        return ('the TLS handshake failed (%s)' % reason, 'check that %s names an HTTPS server' % where, False, False)
    resolution = _first(chain, socket.gaierror)
    if resolution is not None:
        if resolution.errno in _DNS_TEMPORARY:
            return ('the name %s could not be resolved (temporary DNS failure: %s)' % (host, resolution.strerror),
                    "check this host's DNS", True, False)
        return ('the name %s does not resolve (%s)' % (host, resolution.strerror),
                'check the host name%s' % (' in %s' % option if option else " and this host's DNS"), False, False)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ('no connection within the timeout of %ss' % timeout, 'check the network path to it, or raise timeout', True, False)
    if isinstance(exc, requests.exceptions.Timeout):
        return ('no answer within the timeout of %ss' % timeout, 'raise timeout if Konnect is merely slow', True, True)
    if _first(chain, ConnectionRefusedError) is not None:
        return ('the connection was refused', 'check %s and that the server is up' % where, True, False)
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema)):
        return ('the URL is not valid (%s)' % exc, 'check %s' % where, False, False)
    if _first(chain, requests.packages.urllib3.exceptions.NewConnectionError) is not None:
        return ('no connection could be made (%s)' % _os_reason(chain), 'check the network path to it', True, False)
    return ('the connection was closed before a complete answer (%s)' % _os_reason(chain), '', True, True)


def _certificate_problem(verification, host, where, ca_path):
    code = getattr(verification, 'verify_code', None)
    detail = (getattr(verification, 'verify_message', None) or str(verification)).rstrip('.')
    insecure = 'or set validate_certs: false for a test endpoint you control'
    if code in _EXPIRED:
        return ('its TLS certificate %s (%s)' % (_EXPIRED[code], detail), 'the server must renew it, ' + insecure)
    if code in _WRONG_NAME:
        return ('its TLS certificate is not valid for %s (%s)' % (host, detail),
                'use in %s a host name the certificate names, %s' % (where, insecure))
    if ca_path:
        return ('its TLS certificate is not signed by the CA in ca_path %s (%s)' % (ca_path, detail),
                "give the server's CA in ca_path, " + insecure)
    return ('its TLS certificate is not signed by a CA this host trusts (%s)' % detail,
            "give the server's CA (a PEM file) in ca_path, " + insecure)


def _exception_chain(exc):
    """``exc`` and every exception it wraps (requests wraps urllib3, which wraps ssl and socket errors)."""
    found, todo = [], [exc]
    while todo:
        current = todo.pop(0)
        if not isinstance(current, BaseException) or any(current is seen for seen in found):
            continue
        found.append(current)
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        todo.extend((getattr(current, 'reason', None), current.__cause__, current.__context__))
    return found


def _first(chain, kind):
    for exc in chain:
        if isinstance(exc, kind):
            return exc
    return None


def _os_reason(chain):
    """The operating system's words for the innermost socket error (Connection reset by peer), else the innermost text."""
    for exc in reversed(chain):
        if isinstance(exc, OSError) and getattr(exc, 'strerror', None):
            return exc.strerror
    innermost = chain[-1]
    return str(innermost) or type(innermost).__name__


def warn_once(warn):
    """``warn`` that says each text once (one task with several clients, like apply's, warns once)."""
    if warn is None:
        return None
    said = set()

    def once(message):
        if message not in said:
            said.add(message)
            warn(message)
    return once


def regional_clients(params, regions, warn=None, pool_size=None):
    """One client per region (``GLOBAL``: the task's own, for identity, which goes to the global host from any)."""
    warn = warn_once(warn)
    clients = dict((region, KonnectClient.from_params(dict(params, konnect_region=region), warn=warn, pool_size=pool_size))
                   for region in regions if region != GLOBAL)
    clients[GLOBAL] = KonnectClient.from_params(params, warn=warn, pool_size=pool_size)
    return clients


def run_parallel(work, items, workers):
    """``work`` on each of ``items``, up to ``workers`` at a time (one at a time for one item); results in order."""
    items = list(items)
    if len(items) <= 1 or workers <= 1:
        return [work(item) for item in items]
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(workers, len(items))) as pool:
        return list(pool.map(work, items))


def next_page_params(style, body, params, count):
    """The query for the following page, or None on the last page (style 'none': the list is not paginated)."""
    if style == 'none':
        return None
    if style == 'offset':
        offset = body.get('offset')
        return dict(params, offset=offset) if offset else None
    if style == 'cursor':
        meta = body.get('meta') or {}
        # the link sits in meta.page, in page, or straight in meta (a portal's IP allow list, audit-log destinations)
        nxt = (meta.get('page') or {}).get('next') or (body.get('page') or {}).get('next') or meta.get('next')
        cursor = _cursor_from(nxt)
        return dict(params, **{'page[after]': cursor}) if cursor else None
    page = (body.get('meta') or {}).get('page') or {}
    number = int(page.get('number') or params.get('page[number]') or 1)
    size = int(page.get('size') or params.get('page[size]') or PAGE_SIZE)
    total = page.get('total')
    if count == 0 or (total is not None and number * size >= int(total)):
        return None
    return dict(params, **{'page[number]': number + 1})


def _cursor_from(next_link):
    if not next_link:
        return None
    match = re.search(r'page%5Bafter%5D=([^&]+)|page\[after\]=([^&]+)', next_link)
    if not match:
        return None
    value = match.group(1) or match.group(2)
    return requests.utils.unquote(value)


def _cookies(raw):
    """The cookies an answer sets, by name (requests parses each Set-Cookie header)."""
    jar = getattr(raw, 'cookies', None)
    return dict(jar.items()) if jar is not None else {}


def _decode(raw):
    if not raw.content:
        return None
    try:
        return raw.json()
    except ValueError:
        return {'message': raw.text[:500]}


def user_agent():
    return 'konnect.konnect/%s (python-requests/%s; python/%d.%d)' % (
        COLLECTION_VERSION, getattr(requests, '__version__', '?') if HAS_REQUESTS else '-', sys.version_info[0], sys.version_info[1])
