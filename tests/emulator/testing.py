# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Start the emulator as a subprocess, exactly as a user would, for tests and scripts.

    with EmulatorProcess() as emulator:
        requests.get(emulator.url + '/v2/control-planes', headers={'Authorization': 'Bearer ' + DEMO_TOKEN})
        assert emulator.requests()[-1]['status'] == 200
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from . import DEMO_TOKEN
from .app import Emulator
from .server import make_server, parse_tokens, parse_users
from .tls import CA_CERT, client_context

EMULATOR_DIR = os.path.dirname(os.path.abspath(__file__))
# A system-account token for tests of read-only permissions (pass it as READONLY_DEMO_TOKEN + ':readonly').
READONLY_DEMO_TOKEN = 'spat_konnectEmulatorReadOnly0000000000000000000000'
STARTUP_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


class EmulatorError(RuntimeError):
    """The emulator process could not be started or answered a control call with an error."""


class EmulatorProcess:
    """A running ``python tests/emulator`` subprocess on a free port of 127.0.0.1.

    With ``exit_with_caller`` (default) the emulator also stops when the process that started it
    exits, even if ``stop()`` never runs (ansible-test runs every unit test in a fork).
    With ``tls=DIR`` it serves HTTPS with the CA and certificate of DIR (``--tls``; made there if missing): ``url`` is
    ``https://...`` and ``ca_file`` the CA to trust (the control calls below trust it).
    """

    def __init__(self, tokens=None, users=None, lifetime=None, python=None, exit_with_caller=True, portal_token_lifetime=None, tls=None):
        self.tls = tls
        self.tokens = list(tokens or [])
        self.users = list(users or [])
        self.portal_token_lifetime = portal_token_lifetime
        self.lifetime = lifetime
        self.exit_with_caller = exit_with_caller
        self.python = python or sys.executable
        self.process = None
        self.port = None
        self._workdir = None

    @property
    def url(self):
        return '%s://127.0.0.1:%d' % ('https' if self.tls else 'http', self.port)

    @property
    def ca_file(self):
        """The PEM file of the CA that signed the emulator's certificate (None without ``tls``)."""
        return os.path.join(self.tls, CA_CERT) if self.tls else None

    def command(self, port_file):
        command = [self.python, EMULATOR_DIR, '--port', '0', '--port-file', port_file]
        for token in self.tokens:
            command += ['--token', token]
        for user in self.users:
            command += ['--user', user]
        if self.lifetime:
            command += ['--lifetime', str(self.lifetime)]
        if self.portal_token_lifetime:
            command += ['--portal-token-lifetime', str(self.portal_token_lifetime)]
        if self.exit_with_caller:
            command += ['--parent-pid', str(os.getpid())]
        if self.tls:
            command += ['--tls', self.tls]
        return command

    def start(self):
        self._workdir = tempfile.mkdtemp(prefix='konnect-emulator-')
        port_file = os.path.join(self._workdir, 'port')
        log = open(os.path.join(self._workdir, 'stderr.log'), 'w', encoding='utf-8')  # pylint: disable=consider-using-with
        try:
            self.process = subprocess.Popen(self.command(port_file), stdout=subprocess.DEVNULL, stderr=log)  # pylint: disable=consider-using-with
        finally:
            log.close()
        try:
            self.port = self._wait_for_port(port_file)
        except EmulatorError:
            self.stop()
            raise
        self._remove_workdir()
        return self

    def _wait_for_port(self, port_file):
        deadline = time.time() + STARTUP_TIMEOUT
        while time.time() < deadline:
            if os.path.exists(port_file):
                with open(port_file, encoding='utf-8') as handle:
                    return int(handle.read().strip())
            if self.process.poll() is not None:
                raise EmulatorError('emulator exited with %s: %s' % (self.process.returncode, self.stderr()))
            time.sleep(0.05)
        raise EmulatorError('emulator did not publish its port within %.0f s' % STARTUP_TIMEOUT)

    def stderr(self):
        try:
            with open(os.path.join(self._workdir, 'stderr.log'), encoding='utf-8') as handle:
                return handle.read()
        except (OSError, TypeError):
            return ''

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(STOP_TIMEOUT)
        self._remove_workdir()

    def _remove_workdir(self):
        """Nothing stays on disk once the port is known, even if stop() never runs (forked test runners)."""
        if self._workdir:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # ---- control endpoints -------------------------------------------------

    def control(self, method, name, payload=None):
        data = None if payload is None else json.dumps(payload).encode('utf-8')
        request = urllib.request.Request(self.url + '/_emulator/' + name, data=data, method=method)
        if data is not None:
            request.add_header('Content-Type', 'application/json')
        try:
            context = client_context(self.ca_file) if self.tls else None
            with urllib.request.urlopen(request, timeout=10, context=context) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            raise EmulatorError('%s /_emulator/%s: %s %s' % (method, name, error.code, error.read().decode('utf-8', 'replace'))) from None
        return json.loads(body.decode('utf-8')) if body else None

    def requests(self):
        return self.control('GET', 'requests')['requests']

    def clear_requests(self):
        self.control('DELETE', 'requests')

    def reset(self):
        self.control('POST', 'reset')

    def set_faults(self, faults):
        return self.control('PUT', 'faults', faults)

    def faults(self):
        return self.control('GET', 'faults')

    def set_provisioning(self, **knob):
        """Cloud-gateway provisioning: ``delay_seconds`` and ``fail={path_regex, reason, count}`` (README)."""
        return self.control('PUT', 'provisioning', knob)

    def activate_user(self, user_id, **details):
        """Simulate an invited user accepting: the pending user becomes active (returns the user)."""
        return self.control('POST', 'users/%s/activate' % user_id, details or None)

    def register_node(self, control_plane_id, hostname, version, **details):
        """Simulate a data-plane node connecting to a control plane (returns the node record)."""
        details.update({'hostname': hostname, 'version': version})
        return self.control('POST', 'control-planes/%s/nodes' % control_plane_id, details)

    def outbox(self):
        """The emails portals have sent: ``[{portal_id, to, kind, token}]`` (kind ``verify-email`` or ``reset-password``)."""
        return self.control('GET', 'outbox')['emails']

    def expire_portal_tokens(self):
        """Every developer access token of every portal expires now (refresh tokens stay valid); the number expired."""
        return self.control('POST', 'portal-tokens/expire')['expired']

    def portal_url(self, domain):
        """The base URL of a portal host through the path prefix (``/portal/<domain>``)."""
        return '%s/portal/%s' % (self.url, domain)

    def shutdown(self):
        self.control('POST', 'shutdown')
        self.process.wait(STOP_TIMEOUT)


TRACE_ID = re.compile(r'^konnect:trace:\d{19}$')


class EmulatorThread(EmulatorProcess):
    """The same emulator, served by a thread of the calling process: real HTTP on 127.0.0.1, no start-up cost.

    For fast tests of the client and the planner; ``stop()`` shuts the server down.
    """

    server = None

    def start(self):
        emulator = Emulator(parse_tokens(self.tokens or None), parse_users(self.users or None),
                            **({'portal_token_lifetime': self.portal_token_lifetime} if self.portal_token_lifetime else {}))
        self.server = make_server('127.0.0.1', 0, emulator, self.tls)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={'poll_interval': 0.05}, daemon=True).start()
        return self

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


class JsonClient:
    """A JSON client of the emulator for tests: one base URL, one bearer token (or none), or explicit headers."""

    def __init__(self, base_url, token=DEMO_TOKEN, headers=None, verify=None):
        import requests  # pylint: disable=import-outside-toplevel
        self.base_url = base_url
        self.session = requests.Session()
        self.verify = verify  # the emulator's ca_file when it serves HTTPS
        if headers is not None:
            self.session.headers.update(headers)
        elif token:
            self.session.headers['Authorization'] = 'Bearer ' + token

    def call(self, method, path, body=None, **kwargs):
        if body is not None:
            kwargs['json'] = body
        if self.verify is not None:  # per request: requests lets REQUESTS_CA_BUNDLE override a session's verify
            kwargs.setdefault('verify', self.verify)
        return self.session.request(method, self.base_url + path, timeout=10, **kwargs)

    def get(self, path, **kwargs):
        return self.call('GET', path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.call('POST', path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.call('PUT', path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.call('PATCH', path, body, **kwargs)

    def delete(self, path, **kwargs):
        return self.call('DELETE', path, **kwargs)


def assert_problem(response, status, detail=None):
    """The answer is Konnect's problem+json error with this status (and detail); returns its body."""
    assert response.status_code == status, response.text
    assert response.headers['Content-Type'] == 'application/problem+json'
    body = response.json()
    assert body['status'] == status and body['type'] == 'https://httpstatuses.com/%d' % status
    assert TRACE_ID.match(body['instance']) and body['title'] and body['detail']
    if detail is not None:
        assert body['detail'] == detail
    return body


def rules_by_field(body):
    return dict((item['field'], item['rule']) for item in body['invalid_parameters'])
