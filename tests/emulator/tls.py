# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator's HTTPS: a throw-away CA and a server certificate for 127.0.0.1 and localhost, made with ``cryptography``.

``ensure_certificates(DIR)`` makes ``ca.pem`` (give it to clients: ``ca_path``), ``ca-key.pem``, ``server.pem`` and
``server-key.pem`` in DIR, or reuses those already there (a server certificate left in DIR is served as it is, so a test
can put an expired certificate or one for other names there with ``issue_server_certificate``). Keys never leave DIR,
which is created private (0700); nothing is committed. Delete DIR to start afresh.
"""

import datetime
import fcntl
import ipaddress
import os
import socket
import ssl
import tempfile
from contextlib import contextmanager

CA_CERT = 'ca.pem'
CA_KEY = 'ca-key.pem'
SERVER_CERT = 'server.pem'
SERVER_KEY = 'server-key.pem'
DEFAULT_HOSTS = ('127.0.0.1', 'localhost')
CA_DAYS = 3650
SERVER_DAYS = 397
HANDSHAKE_TIMEOUT = 10.0


def _crypto():
    """The parts of ``cryptography`` used here, imported only when TLS is asked for (plain HTTP does not need it)."""
    # pylint: disable=import-outside-toplevel
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    return x509, hashes, serialization, ec, ExtendedKeyUsageOID, NameOID


def paths(directory):
    return dict((name, os.path.join(directory, name)) for name in (CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY))


def ensure_certificates(directory, hosts=DEFAULT_HOSTS):
    """The paths of the CA and server files in ``directory``, made if missing; returns {'ca': ..., 'cert': ..., 'key': ...}."""
    os.makedirs(directory, mode=0o700, exist_ok=True)
    files = paths(directory)
    with _locked(directory):  # two emulators started at once with the same DIR make one CA, not two
        if not (os.path.exists(files[CA_CERT]) and os.path.exists(files[CA_KEY])):
            _make_ca(directory)
            for name in (SERVER_CERT, SERVER_KEY):  # a server certificate of another CA would never verify
                if os.path.exists(files[name]):
                    os.remove(files[name])
        if not (os.path.exists(files[SERVER_CERT]) and os.path.exists(files[SERVER_KEY])):
            issue_server_certificate(directory, hosts)
    return {'ca': files[CA_CERT], 'cert': files[SERVER_CERT], 'key': files[SERVER_KEY]}


def issue_server_certificate(directory, hosts=DEFAULT_HOSTS, expired=False):
    """A server certificate for ``hosts`` signed by the directory's CA (``expired``: its validity ended yesterday)."""
    x509, hashes, _serialization, ec, extended_usage, name_oid = _crypto()
    files = paths(directory)
    ca_cert, ca_key = _load_ca(files)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    not_before, not_after = ((now - datetime.timedelta(days=30), now - datetime.timedelta(days=1)) if expired
                             else (now - datetime.timedelta(minutes=5), now + datetime.timedelta(days=SERVER_DAYS)))
    names = [x509.IPAddress(ipaddress.ip_address(host)) if _is_ip(host) else x509.DNSName(host) for host in hosts]
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(name_oid.COMMON_NAME, 'konnect emulator %s' % hosts[0])]))
        .issuer_name(ca_cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(x509, digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([extended_usage.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256()))
    _write_key(files[SERVER_KEY], key)
    _write(files[SERVER_CERT], _pem(certificate))


def server_context(files):
    """The TLS context the emulator serves with."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(files['cert'], files['key'])
    return context


def client_context(ca_file):
    """A client context that trusts the emulator's CA (for the control endpoints)."""
    return ssl.create_default_context(cafile=ca_file)


class TLSServerMixin:
    """Serves TLS on a ThreadingHTTPServer: the handshake runs in each connection's own thread, not the accept loop,
    so a client that refuses the certificate (or never speaks) cannot stall the others."""

    ssl_context = None

    def finish_request(self, request, client_address):
        if self.ssl_context is None:
            super().finish_request(request, client_address)
            return
        request.settimeout(HANDSHAKE_TIMEOUT)
        try:
            connection = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate (an unknown CA, a wrong host name) or went away
        connection.settimeout(None)
        try:
            super().finish_request(connection, client_address)
        finally:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()


def _make_ca(directory):
    x509, hashes, _serialization, ec, _usage, name_oid = _crypto()
    files = paths(directory)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    subject = x509.Name([x509.NameAttribute(name_oid.COMMON_NAME, 'konnect emulator test CA')])
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=CA_DAYS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(x509, key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256()))
    _write_key(files[CA_KEY], key)
    _write(files[CA_CERT], _pem(certificate))


def _load_ca(files):
    x509, _hashes, serialization, _ec, _usage, _names = _crypto()
    with open(files[CA_CERT], 'rb') as handle:
        certificate = x509.load_pem_x509_certificate(handle.read())
    with open(files[CA_KEY], 'rb') as handle:
        key = serialization.load_pem_private_key(handle.read(), password=None)
    return certificate, key


def _key_usage(x509, digital_signature=False, key_cert_sign=False, crl_sign=False):
    return x509.KeyUsage(digital_signature=digital_signature, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=key_cert_sign, crl_sign=crl_sign,
                         encipher_only=False, decipher_only=False)


def _is_ip(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _pem(certificate):
    _x509, _hashes, serialization, _ec, _usage, _names = _crypto()
    return certificate.public_bytes(serialization.Encoding.PEM)


def _write_key(filename, key):
    _x509, _hashes, serialization, _ec, _usage, _names = _crypto()
    _write(filename, key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))


def _write(filename, data):
    """Atomically, readable by the owner only: readers never see half a file."""
    handle, temp_name = tempfile.mkstemp(prefix='.tls-', dir=os.path.dirname(filename))
    with os.fdopen(handle, 'wb') as temp_file:
        temp_file.write(data)
    os.replace(temp_name, filename)


@contextmanager
def _locked(directory):
    with open(os.path.join(directory, '.lock'), 'w', encoding='utf-8') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
