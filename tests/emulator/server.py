# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""HTTP transport, control endpoints and the command line of the emulator."""

import argparse
import json
import os
import re
import signal
import socket
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER
from . import facts as F
from .app import DROP, Emulator, FaultError, Request, parse_body
from .errors import JSON, Response
from .tls import TLSServerMixin, ensure_certificates, server_context

CONTROL_PREFIX = '/_emulator/'
TOKEN_PREFIXES = ('kpat_', 'spat_')


class EmulatorServer(TLSServerMixin, ThreadingHTTPServer):
    """The emulator's HTTP server; with an ``ssl_context`` (``--tls``) it serves HTTPS."""

    daemon_threads = True


def make_server(host, port, emulator, tls_dir=None):
    """A server for ``emulator`` on host:port, HTTPS with the certificates of ``tls_dir`` (made there if missing)."""
    server = EmulatorServer((host, port), Handler)
    server.emulator = emulator
    server.tls_files = None
    if tls_dir:
        server.tls_files = ensure_certificates(tls_dir)
        server.ssl_context = server_context(server.tls_files)
    return server


def split_base(path):
    """('eu', '/v2/...') for '/eu/v2/...'; ('default', path) when there is no base prefix."""
    head, sep, rest = path.lstrip('/').partition('/')
    if head in F.REGIONS or head in (F.GLOBAL_BASE, F.LEGACY_BASE):
        return head, '/' + rest if sep else '/'
    return F.DEFAULT_BASE, path


def split_portal(path):
    """(domain, '/api/v3/...') for '/portal/<domain>/api/v3/...'; None when the path names no portal host."""
    parts = path.lstrip('/').split('/', 2)
    if len(parts) < 2 or parts[0] != F.PORTAL_BASE or not parts[1]:
        return None
    return parts[1], '/' + parts[2] if len(parts) > 2 else '/'


class Handler(BaseHTTPRequestHandler):
    """Reads a request, hands it to the emulator (or the control endpoints) and writes the answer."""

    protocol_version = 'HTTP/1.1'
    server_version = 'KonnectEmulator/1.0'
    # Buffer writes so headers and body leave in one segment (no Nagle/delayed-ACK stalls).
    wbufsize = 65536

    def do_GET(self):  # pylint: disable=invalid-name
        self.dispatch()

    def do_POST(self):  # pylint: disable=invalid-name
        self.dispatch()

    def do_PUT(self):  # pylint: disable=invalid-name
        self.dispatch()

    def do_PATCH(self):  # pylint: disable=invalid-name
        self.dispatch()

    def do_DELETE(self):  # pylint: disable=invalid-name
        self.dispatch()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Quiet: the request log is available at /_emulator/requests."""

    def dispatch(self):
        split = urlsplit(self.path)
        length = int(self.headers.get('Content-Length') or 0)
        raw_body = self.rfile.read(length) if length > 0 else b''
        if split.path.startswith(CONTROL_PREFIX):
            self.send(control(self.server, self.command, split.path, raw_body))
            return
        portal = split_portal(split.path)
        if portal is not None:
            base, (domain, path) = F.PORTAL_BASE, portal
        else:
            (base, path), domain = split_base(split.path), None
        request = Request(self.command, base, path, parse_qs(split.query, keep_blank_values=True), raw_body, self.headers, domain)
        outcome = self.server.emulator.handle(request)
        if outcome is DROP:
            self.drop()
        else:
            self.send(outcome)

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def send(self, response):
        payload = b'' if response.body is None or response.status == 204 else json.dumps(response.body).encode('utf-8')
        self.send_response(response.status)
        if payload:
            self.send_header('Content-Type', response.content_type)
        self.send_header('Content-Length', str(len(payload)))
        for name, value in sorted(response.headers.items()):
            for one in value if isinstance(value, list) else [value]:
                self.send_header(name, one)
        self.end_headers()
        if payload:
            self.wfile.write(payload)
        self.wfile.flush()
        if response.after_send is not None:
            response.after_send()


def control(server, method, path, raw_body):
    """The /_emulator/ endpoints (no auth, never logged)."""
    emulator = server.emulator
    name = path[len(CONTROL_PREFIX):].strip('/')
    if name == 'requests' and method == 'GET':
        return Response(200, {'requests': emulator.requests()})
    if name == 'requests' and method == 'DELETE':
        emulator.clear_requests()
        return Response(204)
    if name == 'reset' and method == 'POST':
        emulator.reset()
        return Response(204)
    if name == 'faults' and method == 'GET':
        return Response(200, emulator.get_faults())
    if name == 'faults' and method == 'PUT':
        return put_faults(emulator, raw_body)
    if name == 'provisioning' and method == 'GET':
        return Response(200, emulator.get_provisioning())
    if name == 'provisioning' and method == 'PUT':
        return put_provisioning(emulator, raw_body)
    activation = re.match(r'^users/([^/]+)/activate$', name)
    if activation and method == 'POST':
        return activate(emulator, activation.group(1), raw_body)
    if activation:
        return Response(405, {'error': 'method not allowed'}, JSON)
    node = re.match(r'^control-planes/([^/]+)/nodes$', name)
    if node and method == 'POST':
        return register_node(emulator, node.group(1), raw_body)
    if node:
        return Response(405, {'error': 'method not allowed'}, JSON)
    if name == 'outbox' and method == 'GET':
        return Response(200, {'emails': emulator.emails()})
    if name == 'portal-tokens/expire' and method == 'POST':
        return Response(200, {'expired': emulator.expire_portal_tokens()})
    if name in ('outbox', 'portal-tokens/expire'):
        return Response(405, {'error': 'method not allowed'}, JSON)
    if name == 'shutdown' and method == 'POST':
        return Response(200, {'status': 'shutting down'}, after_send=threading.Thread(target=server.shutdown, daemon=True).start)
    if name in ('requests', 'reset', 'faults', 'shutdown', 'provisioning'):
        return Response(405, {'error': 'method not allowed'}, JSON)
    return Response(404, {'error': 'unknown control endpoint'}, JSON)


def activate(emulator, target_id, raw_body):
    details = parse_body(raw_body)
    if details is ValueError or (details is not None and not isinstance(details, dict)):
        return Response(400, {'error': 'body must be a JSON object (full_name, preferred_name) or empty'})
    user = emulator.activate_user(target_id, details)
    if user is None:
        return Response(404, {'error': 'unknown user'})
    return Response(200, user)


def register_node(emulator, control_plane_id, raw_body):
    details = parse_body(raw_body)
    try:
        node = emulator.register_node(control_plane_id, details)
    except ValueError as error:
        return Response(400, {'error': str(error)})
    if node is None:
        return Response(404, {'error': 'unknown control plane'})
    return Response(201, node)


def put_faults(emulator, raw_body):
    faults = parse_body(raw_body)
    try:
        emulator.set_faults({} if faults is None else faults)
    except FaultError as error:
        return Response(400, {'error': str(error)})
    return Response(200, emulator.get_faults())


def put_provisioning(emulator, raw_body):
    knob = parse_body(raw_body)
    try:
        return Response(200, emulator.set_provisioning({} if knob is None else knob))
    except ValueError as error:
        return Response(400, {'error': str(error)})


def write_port_file(filename, port):
    """Atomically publish the port: readers never see a partial file."""
    directory = os.path.dirname(os.path.abspath(filename))
    handle, temp_name = tempfile.mkstemp(prefix='.port-', dir=directory)
    with os.fdopen(handle, 'w') as temp_file:
        temp_file.write('%d\n' % port)
    os.replace(temp_name, filename)


def parse_tokens(values):
    """TOKEN[:readonly][@EMAIL] -> {token: (permission or None, owner email or None)}."""
    tokens = {}
    for value in values or [DEMO_TOKEN]:
        head, _at, email = value.partition('@')
        token, _sep, permission = head.partition(':')
        if not token.startswith(TOKEN_PREFIXES):
            raise SystemExit('--token must start with kpat_ or spat_: %r' % token)
        if permission not in ('', F.READONLY_PERMISSION):
            raise SystemExit('--token permission must be %r: %r' % (F.READONLY_PERMISSION, permission))
        if email and (not token.startswith('kpat_') or '@' not in email):
            raise SystemExit('--token owner: only kpat_ tokens belong to a user, given as TOKEN@EMAIL: %r' % value)
        tokens[token] = (permission or None, email or None)
    return tokens


def parse_users(values):
    users = {}
    for value in values or ['%s:%s' % (DEMO_USER, DEMO_PASSWORD)]:
        email, sep, password = value.partition(':')
        if not sep or '@' not in email or not password:
            raise SystemExit('--user must be EMAIL:PASSWORD: %r' % value)
        users[email] = password
    return users


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def watch_parent(pid, stop, interval=0.5):
    """Stop once ``pid`` has exited, so test runs that never tear down (forked tests) leave no server behind."""
    original_parent = os.getppid()
    while process_alive(pid) and not (pid == original_parent and os.getppid() != original_parent):
        time.sleep(interval)
    stop()


def build_parser():
    parser = argparse.ArgumentParser(prog='python tests/emulator', description='Local emulator of the Kong Konnect API.')
    parser.add_argument('--host', default='127.0.0.1', help='address to listen on (default 127.0.0.1)')
    parser.add_argument('--port', type=int, default=0, help='port to listen on; 0 picks a free one (default)')
    parser.add_argument('--port-file', help='write the chosen port to this file (atomically)')
    parser.add_argument('--token', action='append',
                        help='accepted bearer token TOKEN[:readonly][@EMAIL] (repeatable); a kpat_ token belongs to EMAIL, '
                             'default the first --user')
    parser.add_argument('--user', action='append', help='legacy-login user EMAIL:PASSWORD (repeatable)')
    parser.add_argument('--portal-token-lifetime', type=int, default=3600,
                        help='seconds a developer portal access token lasts (default 3600)')
    parser.add_argument('--lifetime', type=float, default=None, help='stop after this many seconds (safety net)')
    parser.add_argument('--parent-pid', type=int, default=None, help='stop when the process with this pid is gone')
    parser.add_argument('--tls', metavar='DIR',
                        help='serve HTTPS with a CA and a server certificate for 127.0.0.1 and localhost kept in DIR '
                             '(made there with the cryptography package if missing, reused otherwise); clients trust DIR/ca.pem')
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    if args.portal_token_lifetime < 1:
        raise SystemExit('--portal-token-lifetime must be at least 1 second')
    emulator = Emulator(parse_tokens(args.token), parse_users(args.user), portal_token_lifetime=args.portal_token_lifetime)
    server = make_server(args.host, args.port, emulator, args.tls)

    def stop(*_args):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.lifetime:
        timer = threading.Timer(args.lifetime, stop)
        timer.daemon = True
        timer.start()
    if args.parent_pid:
        threading.Thread(target=watch_parent, args=(args.parent_pid, stop), daemon=True).start()
    port = server.server_address[1]
    if args.port_file:
        write_port_file(args.port_file, port)
    sys.stderr.write('konnect emulator listening on %s://%s:%d%s\n' % (
        'https' if args.tls else 'http', args.host, port, (' (CA: %s)' % server.tls_files['ca']) if args.tls else ''))
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0
