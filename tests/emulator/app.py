# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator itself, independent of HTTP: hosts, auth, faults, the request log and dispatch."""

import json
import re
import secrets
import sys
import threading
import time
import traceback

from . import auth
from . import facts as F
from .api import Api
from . import apis
from . import audit_logs
from . import auth_strategies
from . import cloud_gateways
from . import event_gateways
from . import gateway
from . import identity
from . import lag
from . import mesh
from . import portal_access
from . import portal_client
from . import portal_settings
from . import portals
from . import realms
from . import service_catalog
from .crud import Call, dispatch
from .errors import ApiError, Response, not_found, problem, rate_limited
from .specials import SPECIALS, USERS_STORE_KEY, seed_users, user_id
from .schemas import rfc3339
from .store import State

DROP = object()
FAMILIES = (identity, gateway, auth_strategies, apis, portals, portal_access, portal_settings, audit_logs, cloud_gateways, service_catalog,
            event_gateways, realms, mesh)
ALL_SPECIALS = dict(SPECIALS)
for _family in FAMILIES:
    ALL_SPECIALS.update(_family.SPECIALS)
    F.ENTITY_FACTS.update(getattr(_family, 'FACTS', {}))
    F.SINGLETON_DEFAULTS.update(getattr(_family, 'SINGLETON_DEFAULTS', {}))
FAULT_KEYS = ('rate_limit', 'fail', 'drop', 'drop_after_write', 'pause', 'latency_ms', 'provisioning') + lag.LAG_KEYS
WRITE_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')
PAUSE_SECONDS = 30.0


class Request:
    """A Konnect request as the emulator sees it (base prefix already split off the path)."""

    def __init__(self, method, base, path, query, raw_body, headers, portal_domain=None):
        self.method = method
        self.base = base
        self.path = path
        self.query = query
        self.raw_body = raw_body
        self.headers = headers
        # The portal host's domain when ``base`` is the portal base.
        self.portal_domain = portal_domain


class FaultError(ValueError):
    """An invalid fault configuration."""


class Emulator:
    """Thread-safe emulator state and request handling."""

    def __init__(self, tokens, users, api=None, portal_token_lifetime=portal_client.DEFAULT_TOKEN_LIFETIME):
        """``tokens``: token -> (permission or None, owner email or None); ``users``: login email -> password.

        A ``kpat_`` token without an owner belongs to the first login user (the demo user).
        """
        self.api = api or Api()
        self.users = dict(users)
        first_user = next(iter(self.users), None)
        self.tokens = {}
        for token, (permission, email) in tokens.items():
            self.tokens[token] = (permission, email or first_user if token.startswith(auth.PAT_PREFIX) else None)
        self.lock = threading.RLock()
        self.state = State()
        self.sessions = {}
        self.log = []
        self.faults = {}
        self.released = threading.Event()  # set when the faults change: requests the pause knob holds go on
        self.window = (0, 0)
        self.seq = 0
        self.outbox = []
        self.portal_token_lifetime = portal_token_lifetime
        self.lag = lag.Lag()
        self.reset()

    # ---- control -------------------------------------------------------

    def reset(self):
        with self.lock:
            self.state.reset()
            owners = [email for _permission, email in self.tokens.values() if email]
            seed_users(self.state.partition(F.GLOBAL_BASE), list(dict.fromkeys(list(self.users) + owners)))
            self.sessions = {}
            self.log = []
            self.release_held()
            self.faults = {}
            self.window = (0, 0)
            self.outbox = []
            self.lag.reset()

    def clear_requests(self):
        with self.lock:
            self.log = []

    def requests(self):
        with self.lock:
            return [dict(entry) for entry in self.log]

    def set_faults(self, faults):
        validated = validate_faults(faults)
        with self.lock:
            self.release_held()
            self.faults = validated
            self.window = (0, 0)

    def release_held(self):
        """Requests the pause knob holds go on now (a new knob holds with a new event)."""
        self.released.set()
        self.released = threading.Event()

    def get_faults(self):
        with self.lock:
            return json.loads(json.dumps(self.faults))

    def set_provisioning(self, knob):
        """How long cloud-gateway provisioning takes and which fails (see cloud_gateways.validate_provisioning)."""
        with self.lock:
            return cloud_gateways.set_provisioning(self.state.partition(F.GLOBAL_BASE), knob)

    def get_provisioning(self):
        with self.lock:
            return cloud_gateways.get_provisioning(self.state.partition(F.GLOBAL_BASE))

    def activate_user(self, target_id, details=None):
        """A pending (invited) user accepts: the user becomes active. The user, or None if unknown."""
        with self.lock:
            user = identity.activate_user(self.state.partition(F.GLOBAL_BASE), target_id, details)
            return None if user is None else dict(user)

    def emails(self):
        """The emails the portals have sent (sign-up verification, password resets), oldest first."""
        with self.lock:
            return [dict(email) for email in self.outbox]

    def expire_portal_tokens(self):
        """Every developer access token of every portal expires now; the number expired."""
        with self.lock:
            return portal_client.expire_access_tokens(self.state)

    def register_node(self, control_plane_id, details):
        """A data-plane node of a control plane (any region) connects: the node record, or None if the
        control plane is unknown; ValueError for an invalid description."""
        with self.lock:
            partitions = [self.state.partition(region) for region in F.REGIONS]
            return gateway.register_node(partitions, control_plane_id, details)

    # ---- request handling ----------------------------------------------

    def handle(self, request):
        """Answer one Konnect request: a Response, or DROP to close the connection without answering."""
        body = parse_body(request.raw_body)
        with self.lock:
            self.route_portal_host(request)
        admin_login = request.base != F.PORTAL_BASE and request.path in (F.LOGIN_PATH, F.LEGACY_LOGIN_PATH)
        route, params = (None, {}) if admin_login else self.api.match(request.path)
        with self.lock:
            entry = self.log_request(request, route, body)
            latency = self.faults.get('latency_ms', 0)
            pause, released = take_pause(self.faults, request), self.released
        if latency:
            time.sleep(latency / 1000.0)
        if pause is not None and not pause['after_processing'] and self.hold(pause, released):
            return DROP  # released while held before processing: as if the request never arrived
        with self.lock:
            outcome = self.handle_locked(request, route, params, body)
            entry['status'] = None if outcome is DROP else outcome.status
        if pause is not None and pause['after_processing']:
            self.hold(pause, released)
        return outcome

    @staticmethod
    def hold(pause, released):
        """Wait (without the lock) until the faults change or the pause's seconds run out; whether it was released."""
        return released.wait(pause['seconds'])

    def route_portal_host(self, request):
        """A request to the default host whose ``Host`` header names a portal's domain goes to that portal."""
        if request.base != F.DEFAULT_BASE:
            return
        host = (request.headers.get('Host') or '').rsplit(':', 1)[0] if request.headers is not None else ''
        if host and portal_client.find_portal(self.state, host) is not None:
            request.base = F.PORTAL_BASE
            request.portal_domain = host

    def handle_locked(self, request, route, params, body):
        injected = self.injected_failure(request)
        if injected is not None:
            return injected
        drop = take_fault(self.faults, 'drop', request)
        if drop is not None and not drop.get('after_processing'):
            return DROP
        old_status = self.lag.status_before(self.faults, request, lambda: self.process(
            Request('GET', request.base, request.path, request.query, b'', request.headers, request.portal_domain), route, params, None))
        response = self.process(request, route, params, body)
        self.lag.after_write(self.faults, request, response, old_status)
        if request.method in WRITE_METHODS and take_fault(self.faults, 'drop_after_write', request) is not None:
            return DROP  # the write is applied; its answer is lost
        response = self.lag.held_back(self.faults, request, route, response)
        return DROP if drop is not None else response

    def injected_failure(self, request):
        limit = self.faults.get('rate_limit')
        if limit is not None and fault_matches(limit, request):
            second = int(time.time())
            count = self.window[1] + 1 if self.window[0] == second else 1
            self.window = (second, count)
            if count > limit['requests_per_second']:
                return rate_limited(limit['retry_after'])
        fail = take_fault(self.faults, 'fail', request)
        if fail is not None:
            return problem(fail['status'], 'Injected failure')
        return None

    def log_request(self, request, route, body):
        entry = {
            'seq': self.next_seq(),
            'method': request.method,
            'base': request.base,
            'host_family': host_family(request, route),
            'path': request.path,
            'query': request.query,
            'body': None if body is ValueError else body,
            'status': None,
            'time': time.time(),
        }
        self.log.append(entry)
        return entry

    def next_seq(self):
        self.seq += 1
        return self.seq

    def process(self, request, route, params, body):
        if request.base == F.PORTAL_BASE:
            return self.portal_request(request, route, params, body)
        if request.path == F.LOGIN_PATH and request.base != F.LEGACY_BASE:
            return self.login(request, body)
        if request.path == F.LEGACY_LOGIN_PATH and request.base == F.LEGACY_BASE:
            return self.legacy_login(request, body)
        if route is None or not serves(request.base, route.family):
            return not_found().render('platform')
        principal = self.authenticate(request.headers)
        if principal is None:
            return unauthorized(route.error_style)
        op = route.ops.get(request.method)
        if op is None:
            response = problem(405, 'Method %s is not allowed on this resource.' % request.method)
            response.headers['Allow'] = ', '.join(sorted(route.ops))
            return response
        refused = security_refusal(op, principal)
        if refused is not None:
            return refused
        if principal.permission == F.READONLY_PERMISSION and request.method != 'GET':
            return problem(403, 'You do not have permission to perform this action', title='Forbidden')
        partition_name = F.GLOBAL_BASE if route.family == 'global' else region_of(request.base)
        call = Call(self.api, self.state.partition(partition_name), route, op, params, request.query, body,
                    region_of(request.base), principal)
        call.faults = self.faults  # the provisioning knob: how fast long-running jobs move on, which of them fail
        try:
            return dispatch(call, ALL_SPECIALS)
        except ApiError as error:
            return error.render(op.error_style)
        except Exception:  # pylint: disable=broad-except
            traceback.print_exc(file=sys.stderr)
            return problem(500, 'The emulator failed to handle this request.')

    def portal_request(self, request, route, params, body):
        """The Portal Client API of the portal whose domain the request names (404 for a domain no portal has)."""
        found = portal_client.find_portal(self.state, request.portal_domain)
        if found is None:
            return not_found('No portal is served at %s.' % request.portal_domain).render('platform')
        partition, portal = found
        host = portal_client.PortalHost(self.outbox, self.portal_token_lifetime)
        try:
            return portal_client.handle(self.api, partition, portal, host, route, params, request, body)
        except Exception:  # pylint: disable=broad-except
            traceback.print_exc(file=sys.stderr)
            return problem(500, 'The emulator failed to handle this request.')

    # ---- authentication --------------------------------------------------

    def authenticate(self, headers):
        """The Principal of a valid bearer token or session cookie, else None.

        Command-line tokens and minted ones (POST .../access-tokens) are accepted; a user's
        credential stops working once the user is deleted or not active.
        """
        partition = self.state.partition(F.GLOBAL_BASE)
        match = re.match(r'^Bearer\s+(\S+)\s*$', headers.get('Authorization') or '')
        if match:
            token = match.group(1)
            if token in self.tokens:
                permission, email = self.tokens[token]
                if email is None:
                    return auth.Principal(auth.SPAT_SCHEME, auth.SYSTEM_ACCOUNT, None, permission)
                return self.user_principal(partition, auth.PAT_SCHEME, user_id(email), permission)
            minted = auth.minted_record(partition, token)
            if minted is None:
                return None
            record, entry = minted
            record['last_used_at'] = rfc3339(time.time())
            if entry['kind'] == auth.USER:
                return self.user_principal(partition, auth.PAT_SCHEME, entry['owner_id'])
            return auth.Principal(auth.SPAT_SCHEME, auth.SYSTEM_ACCOUNT, entry['owner_id'])
        session = cookie_value(headers.get('Cookie') or '', F.SESSION_COOKIE)
        if session and session in self.sessions:
            return self.user_principal(partition, auth.SESSION_SCHEME, user_id(self.sessions[session]))
        return None

    @staticmethod
    def user_principal(partition, scheme, owner_id, permission=None):
        user = partition.records(USERS_STORE_KEY, ()).get(owner_id)
        if user is None or not user.get('active'):
            return None
        return auth.Principal(scheme, auth.USER, owner_id, permission)

    def login(self, request, body):
        if not serves(request.base, 'global'):
            return not_found().render('platform')
        if request.method != 'POST':
            response = problem(405, 'Method %s is not allowed on this resource.' % request.method)
            response.headers['Allow'] = 'POST'
            return response
        username = body.get('username') if isinstance(body, dict) else None
        password = body.get('password') if isinstance(body, dict) else None
        if not username or self.users.get(username) != password:
            return problem(401, 'Invalid credentials')
        session = secrets.token_urlsafe(32)
        self.sessions[session] = username
        user = self.state.partition(F.GLOBAL_BASE).records(USERS_STORE_KEY, ()).get(user_id(username))
        cookie = '%s=%s; Path=/; HttpOnly' % (F.SESSION_COOKIE, session)
        return Response(200, user, headers={'Set-Cookie': cookie})

    def legacy_login(self, request, body):
        """``POST /api/auth {username, password}`` (the older Konnect API): 200 with the user and the session cookie;
        ``{"message"}`` errors as that API answers them."""
        if request.method != 'POST':
            return Response(405, {'message': 'Method Not Allowed'}, headers={'Allow': 'POST'})
        username = body.get('username') if isinstance(body, dict) else None
        password = body.get('password') if isinstance(body, dict) else None
        if not isinstance(username, str) or not isinstance(password, str) or not username or not password:
            return Response(400, {'message': 'username and password are required'})
        user = self.state.partition(F.GLOBAL_BASE).records(USERS_STORE_KEY, ()).get(user_id(username))
        if self.users.get(username) != password or user is None or not user.get('active'):
            return Response(401, {'message': 'Invalid credentials'})
        session = secrets.token_urlsafe(32)
        self.sessions[session] = username
        first, _sep, last = (user.get('full_name') or '').partition(' ')
        answer = {'id': user['id'], 'email': user['email'], 'org_id': F.ORGANIZATION['id'], 'org_name': F.ORGANIZATION['name'],
                  'first_name': first, 'last_name': last, 'expiration_date': rfc3339(time.time() + F.LEGACY_SESSION_SECONDS)}
        cookie = '%s=%s; Path=/; HttpOnly' % (F.SESSION_COOKIE, session)
        return Response(200, answer, headers={'Set-Cookie': cookie})


def security_refusal(op, principal):
    """Refuse credentials outside the operation's own security requirement (derived from the spec).

    E.g. ``GET /v3/users/me`` and the personal-access-token operations name only personal access
    tokens and the session token, so a ``spat_`` token is refused there. The credential is valid, it
    just does not serve this operation: 403 where the operation declares a 403 (the PAT operations),
    otherwise 401, the only refusal ``GET /v3/users/me`` declares.
    """
    if not op.security or principal.scheme in op.security:
        return None
    detail = 'This operation does not accept %s.' % auth.SCHEME_WORDS.get(principal.scheme, 'this credential')
    if 403 in op.error_statuses:
        return problem(403, detail, title='Forbidden')
    return problem(401, detail)


def unauthorized(style):
    if style == 'kong':
        return Response(401, {'message': 'Unauthorized', 'status': 401})
    if style == 'legacy':
        return Response(401, {'message': 'Unauthorized'})
    return problem(401, 'Invalid credentials')


def parse_body(raw):
    """Parsed JSON, None when empty, or ValueError when the body is not JSON."""
    if not raw or not raw.strip():
        return None
    try:
        return json.loads(raw.decode('utf-8'))
    except ValueError:
        return ValueError


def cookie_value(header, name):
    for part in header.split(';'):
        key, _sep, value = part.strip().partition('=')
        if key == name:
            return value
    return None


def serves(base, family):
    """Which host serves a family: portal hosts only the Portal Client API, which no other host serves."""
    if family == portal_client.FAMILY or base == F.PORTAL_BASE:
        return family == portal_client.FAMILY and base == F.PORTAL_BASE
    if base in (F.DEFAULT_BASE, F.LEGACY_BASE):
        return True
    return (base == F.GLOBAL_BASE) == (family == 'global')


def region_of(base):
    return base if base in F.REGIONS else F.DEFAULT_REGION


def host_family(request, route):
    if request.base == F.PORTAL_BASE:
        return portal_client.FAMILY
    if request.path in (F.LOGIN_PATH, F.LEGACY_LOGIN_PATH):
        return 'global'
    if route is not None:
        return route.family
    if request.base == F.GLOBAL_BASE:
        return 'global'
    return 'regional' if request.base in F.REGIONS else None


# ---- faults ----------------------------------------------------------------


def fault_matches(fault, request):
    if fault.get('methods') and request.method not in fault['methods']:
        return False
    return not fault.get('path_regex') or bool(re.search(fault['path_regex'], request.path))


def take_fault(faults, name, request):
    """The fault ``name`` if it applies to this request, consuming one of its count."""
    fault = faults.get(name)
    if fault is None or not fault_matches(fault, request):
        return None
    if fault.get('count') is not None:
        fault['count'] -= 1
        if fault['count'] <= 0:
            del faults[name]
    return fault


def take_pause(faults, request):
    """The pause knob if it holds this request: past its first ``skip`` matching requests, within its ``count``."""
    pause = faults.get('pause')
    if pause is None or not fault_matches(pause, request):
        return None
    pause['seen'] += 1
    if not pause['skip'] < pause['seen'] <= pause['skip'] + pause['count']:
        return None
    pause['held'] += 1
    return pause


def validate_faults(faults):
    if not isinstance(faults, dict):
        raise FaultError('faults must be a JSON object')
    unknown = sorted(set(faults) - set(FAULT_KEYS))
    if unknown:
        raise FaultError('unknown fault knobs: %s' % ', '.join(unknown))
    validated = {}
    if 'rate_limit' in faults:
        validated['rate_limit'] = validate_rate_limit(faults['rate_limit'])
    for name in ('fail', 'drop'):
        if name in faults:
            validated[name] = validate_matcher(name, faults[name])
    if 'drop_after_write' in faults:
        validated['drop_after_write'] = validate_drop_after_write(faults['drop_after_write'])
    if 'pause' in faults:
        validated['pause'] = validate_pause(faults['pause'])
    if 'latency_ms' in faults:
        latency = faults['latency_ms']
        if not is_number(latency) or latency < 0:
            raise FaultError('latency_ms must be a non-negative number')
        validated['latency_ms'] = latency
    if 'provisioning' in faults:
        validated['provisioning'] = validate_provisioning(faults['provisioning'])
    validated.update(lag.validate_lag(faults, FaultError, is_number))
    return validated


def validate_provisioning(knob):
    """``{"step_seconds": 0.01, "fail": ["audit_log_replay_job"]}``: the seconds each provisioning state lasts, and the
    kinds of long-running job that end failed (see the README, "Fault injection")."""
    if not isinstance(knob, dict) or set(knob) - {'step_seconds', 'fail'}:
        raise FaultError('provisioning takes step_seconds and fail')
    result = {}
    if 'step_seconds' in knob:
        if not is_number(knob['step_seconds']) or knob['step_seconds'] < 0:
            raise FaultError('provisioning.step_seconds must be a non-negative number')
        result['step_seconds'] = knob['step_seconds']
    if 'fail' in knob:
        if not isinstance(knob['fail'], list) or not all(isinstance(kind, str) for kind in knob['fail']):
            raise FaultError('provisioning.fail must be a list of job kinds')
        result['fail'] = list(knob['fail'])
    return result


def validate_rate_limit(knob):
    """Only matching requests (``methods``, ``path_regex``) count and can be limited."""
    if not isinstance(knob, dict) or not is_int(knob.get('requests_per_second')) or knob['requests_per_second'] < 0:
        raise FaultError('rate_limit needs an integer requests_per_second >= 0')
    unknown = sorted(set(knob) - {'requests_per_second', 'retry_after', 'methods', 'path_regex'})
    if unknown:
        raise FaultError('rate_limit: unknown keys %s' % ', '.join(unknown))
    retry_after = knob.get('retry_after', 1)
    if not is_number(retry_after) or retry_after < 0:
        raise FaultError('rate_limit.retry_after must be a non-negative number')
    result = {'requests_per_second': knob['requests_per_second'], 'retry_after': retry_after}
    result.update(validate_request_filter('rate_limit', knob))
    return result


def validate_matcher(name, knob):
    if not isinstance(knob, dict):
        raise FaultError('%s must be an object' % name)
    allowed = {'count', 'methods', 'path_regex'} | ({'status'} if name == 'fail' else {'after_processing'})
    unknown = sorted(set(knob) - allowed)
    if unknown:
        raise FaultError('%s: unknown keys %s' % (name, ', '.join(unknown)))
    result = {}
    if name == 'fail':
        if not is_int(knob.get('status')) or not 500 <= knob['status'] <= 599:
            raise FaultError('fail.status must be a 5xx status code')
        result['status'] = knob['status']
    else:
        result['after_processing'] = bool(knob.get('after_processing', False))
    if 'count' in knob:
        if not is_int(knob['count']) or knob['count'] < 1:
            raise FaultError('%s.count must be a positive integer' % name)
        result['count'] = knob['count']
    result.update(validate_request_filter(name, knob))
    return result


def validate_drop_after_write(knob):
    """``{"method": "POST", "path_regex": "...", "count": 1}`` (or ``methods``): writes only, applied, then no answer."""
    name = 'drop_after_write'
    if not isinstance(knob, dict):
        raise FaultError('%s must be an object' % name)
    unknown = sorted(set(knob) - {'count', 'method', 'methods', 'path_regex'})
    if unknown:
        raise FaultError('%s: unknown keys %s' % (name, ', '.join(unknown)))
    if 'method' in knob and 'methods' in knob:
        raise FaultError('%s: give method or methods, not both' % name)
    knob = dict(knob)
    if 'method' in knob:
        if not isinstance(knob['method'], str):
            raise FaultError('%s.method must be a string' % name)
        knob['methods'] = [knob.pop('method')]
    result = {'count': positive_count(name, knob.get('count', 1))}
    result.update(validate_request_filter(name, knob))
    methods = result.setdefault('methods', list(WRITE_METHODS))
    if set(methods) - set(WRITE_METHODS):
        raise FaultError('%s: methods must be among %s' % (name, ', '.join(WRITE_METHODS)))
    return result


def validate_pause(knob):
    """``{"skip": 2, "count": 1, "seconds": 30, "after_processing": true, "methods": [...], "path_regex": "..."}``."""
    if not isinstance(knob, dict):
        raise FaultError('pause must be an object')
    unknown = sorted(set(knob) - {'skip', 'count', 'seconds', 'after_processing', 'methods', 'path_regex'})
    if unknown:
        raise FaultError('pause: unknown keys %s' % ', '.join(unknown))
    skip = knob.get('skip', 0)
    if not is_int(skip) or skip < 0:
        raise FaultError('pause.skip must be a non-negative integer')
    seconds = knob.get('seconds', PAUSE_SECONDS)
    if not is_number(seconds) or not 0 < seconds <= 600:
        raise FaultError('pause.seconds must be a number of seconds, more than 0 and at most 600')
    result = {'skip': skip, 'count': positive_count('pause', knob.get('count', 1)), 'seconds': seconds,
              'after_processing': bool(knob.get('after_processing', False)), 'seen': 0, 'held': 0}
    result.update(validate_request_filter('pause', knob))
    return result


def positive_count(name, count):
    if not is_int(count) or count < 1:
        raise FaultError('%s.count must be a positive integer' % name)
    return count


def validate_request_filter(name, knob):
    result = {}
    if knob.get('methods') is not None:
        if not isinstance(knob['methods'], list) or not all(isinstance(m, str) for m in knob['methods']):
            raise FaultError('%s.methods must be a list of strings' % name)
        result['methods'] = [m.upper() for m in knob['methods']]
    if knob.get('path_regex') is not None:
        try:
            re.compile(knob['path_regex'])
        except (re.error, TypeError):
            raise FaultError('%s.path_regex is not a valid regular expression' % name) from None
        result['path_regex'] = knob['path_regex']
    return result


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)
