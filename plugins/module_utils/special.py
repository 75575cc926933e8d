# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The tasks whose shape is not one entity: a control plane group's member list, a pinned data-plane certificate that
the task may also generate, and the removal of data-plane node records (by id, host name or age)."""

from __future__ import annotations

import datetime
import os
import time
import traceback

from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, Resolver
from ansible_collections.konnect.konnect.plugins.module_utils.entity import looks_like_id
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectParameterError

GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'
MEMBERSHIPS = '/v2/control-planes/{group}/group-memberships'


class GroupMembershipEngine(object):
    """Adds, removes or sets exactly the members of a control plane group."""

    def __init__(self, params, client, registry, check_mode=False, diff_mode=False):
        self.params = params
        self.client = client
        self.registry = registry
        self.resolver = Resolver(client, registry)
        self.check_mode = check_mode
        self.diff_mode = diff_mode

    def run(self):
        control_plane = self.registry('control_plane')
        group = self.find_group(control_plane)
        path = MEMBERSHIPS.replace('{group}', group['id'])
        current = self.current_members(control_plane, group, path)
        wanted = [identifier.lower() for identifier in self.member_ids(control_plane)]
        if self.params.get('state') == 'absent':
            to_add, to_remove = [], [member for member in wanted if member in current]
        else:
            to_add = [member for member in wanted if member not in current]
            to_remove = [member for member in current if member not in wanted] if self.params.get('exclusive') else []
        after = [member for member in current if member not in to_remove] + to_add
        what = "the members of control plane group '%s'" % group.get('name')
        if not self.check_mode:
            if to_add:
                self.client.request('POST', path + '/add', body={'members': [{'id': member} for member in to_add]}, what=what, verb='add to')
            if to_remove:
                self.client.request('POST', path + '/remove', body={'members': [{'id': member} for member in to_remove]}, what=what,
                                    verb='remove from')
        result = {'changed': bool(to_add or to_remove), 'action': 'updated' if to_add or to_remove else 'unchanged',
                  'control_plane_membership': {'group': group['id'], 'members': after, 'added': to_add, 'removed': to_remove}}
        if self.diff_mode:
            result['diff'] = {'before': {'members': sorted(current)}, 'after': {'members': sorted(after)}}
        return result

    def member_ids(self, control_plane):
        """The members' ids; with state absent, a member that does not exist is simply not a member."""
        identifiers = []
        for member in self.params.get('members') or []:
            try:
                identifiers.append(self.resolver.resolve_id('members', control_plane, {}, member))
            except KonnectParameterError:
                if self.params.get('state') != 'absent':
                    raise
        return identifiers

    def current_members(self, control_plane, group, path):
        """The member ids; a group given by id is first read only if Konnect refuses to list its members."""
        try:
            return [member['id'].lower() for member in self.client.paginate(path, 'cursor', what='the members of %s' % group.get('name'))]
        except KonnectApiError as exc:
            if exc.status in (400, 404) and 'config' not in group:
                self.check_group(self.resolver.get_by_id(control_plane, {}, group['id']), group['id'])
            raise

    def find_group(self, control_plane):
        value = self.params['group']
        if looks_like_id(value):
            return {'id': value, 'name': value}  # trusted: the member list itself tells whether it is a group
        return self.check_group(self.resolver.find_by_key(control_plane, {}, {'name': value}), value)

    @staticmethod
    def check_group(group, value):
        if group is None:
            raise KonnectParameterError('group: no control plane %r was found.' % value)
        if (group.get('config') or {}).get('cluster_type') != GROUP:
            raise KonnectParameterError("group: '%s' is not a control plane group (its cluster_type is %s)." % (
                group.get('name'), (group.get('config') or {}).get('cluster_type')))
        return group


def generate_certificate(common_name, days, key_pem=None):
    """A self-signed certificate and its EC P-256 key, both PEM text: for ``key_pem`` when given (a key an interrupted
    run wrote without its certificate: a key is never generated twice), else for a new key."""
    # Imported here, not by every module that loads this file: only generate needs it (40 ms an import on a target).
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        raise KonnectParameterError('generate: generating a certificate needs the Python library cryptography on the host '
                                    'that runs this task.', exception=traceback.format_exc())
    if key_pem:
        key = serialization.load_pem_private_key(key_pem.encode(), password=None)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=days)).sign(key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return certificate.public_bytes(serialization.Encoding.PEM).decode(), key_pem.decode()


class DataPlaneCertificateEngine(object):
    """Pins a data-plane certificate, generating the key pair first when the task asks for it."""

    def __init__(self, params, client, registry, check_mode=False, diff_mode=False):
        self.params = params
        self.client = client
        self.registry = registry
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.key = None
        self.generated = False

    def run(self):
        if self.params.get('cert') and self.params.get('generate'):
            raise KonnectParameterError('cert and generate: give the certificate to pin, or let the task generate one, not both.')
        absent = self.params.get('state') == 'absent'
        if not absent and self.params.get('generate') and not self.existing_certificate():
            self.check_control_plane()  # before any key pair is generated and written
        params = dict(self.params, cert=self.existing_certificate() if absent else self.certificate())
        if absent and not params['cert'] and not params.get('id'):
            return {'changed': False, 'dp_client_certificate': {}}  # no certificate given or on disk: nothing to unpin
        engine = EntityEngine(self.registry('dp_client_certificate'), params, self.client, self.registry,
                              check_mode=self.check_mode, diff_mode=self.diff_mode)
        result = engine.run()
        result['changed'] = result['changed'] or self.generated
        control_plane = engine.parent('control_plane') or {}
        config = control_plane.get('config') or {}
        result.update(cert=params['cert'], cluster_endpoint=config.get('control_plane_endpoint'),
                      telemetry_endpoint=config.get('telemetry_endpoint'))
        if self.key is not None:
            result['key'] = self.key
            result['_ansible_no_log'] = True  # the registered result keeps the key; logs and callbacks do not show it
        return result

    def check_control_plane(self):
        engine = EntityEngine(self.registry('dp_client_certificate'), self.params, self.client, self.registry)
        engine.scope = engine.resolve_parents()
        engine.verify_parents()

    def existing_certificate(self):
        """The PEM given or found in cert_path (and its key in key_path), or None."""
        if self.params.get('cert'):
            return self.params['cert']
        cert_path, key_path = self.params.get('cert_path'), self.params.get('key_path')
        if not cert_path or not os.path.exists(cert_path):
            return None
        with open(cert_path) as handle:
            cert = handle.read()
        if key_path and os.path.exists(key_path):
            with open(key_path) as handle:
                self.key = handle.read()
        return cert

    def certificate(self):
        """The PEM to pin: given, read from cert_path, or generated (and written to cert_path and key_path)."""
        existing = self.existing_certificate()
        if existing:
            return existing
        if not self.params.get('id') and not self.params.get('generate'):
            raise KonnectParameterError('cert: give the certificate to pin, a cert_path that exists, or generate: true.')
        if not self.params.get('generate'):
            return None  # found by id
        cert, self.key = generate_certificate(self.params.get('common_name') or 'kong-data-plane', self.params.get('valid_days') or 365,
                                              read_if_exists(self.params.get('key_path')))
        self.generated = True
        if not self.check_mode:
            write_private(self.params.get('key_path'), self.key)
            write_private(self.params.get('cert_path'), cert)
        return cert


def read_if_exists(path):
    if not path or not os.path.isfile(path):
        return None
    with open(path) as handle:
        return handle.read()


def write_private(path, text):
    """Write ``text`` readable by its owner only, whole or not at all: a run killed while writing leaves the old file or
    none, never a truncated key or token."""
    if not path:
        return
    temporary = '%s.%d.tmp' % (path, os.getpid())
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, 'w') as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.remove(temporary)
        raise


def not_seen_for(node, seconds, now):
    """Whether Konnect has not heard from the data-plane ``node`` for ``seconds`` (one that never pinged counts)."""
    return (node.get('last_ping') or 0) <= now - seconds


class StaleNodeEngine(object):
    """Removes the records Konnect keeps of data-plane nodes: the one given by ``id``, or those of a ``hostname``, or of the
    whole control plane; with ``not_seen_for`` only the nodes Konnect has not heard from for that many seconds. Konnect
    creates the records when a node connects, so there is nothing to create."""

    def __init__(self, params, client, registry, check_mode=False, diff_mode=False, now=time.time):
        self.params = params
        self.client = client
        self.entity = registry('dp_node')
        self.engine = EntityEngine(self.entity, params, client, registry)
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.now = now

    def run(self):
        if (self.params.get('not_seen_for') or 0) < 0:
            raise KonnectParameterError('not_seen_for: a number of seconds, 0 or more; got %s.' % self.params['not_seen_for'])
        try:
            self.engine.scope = self.engine.resolve_parents()
            nodes = self.candidates()
        except KonnectParameterError:
            nodes = None  # no such control plane: no nodes to remove
        except KonnectApiError as exc:
            if exc.status != 404:
                raise
            nodes = None
        doomed = [node for node in nodes or () if self.stale(node)]
        if not self.check_mode:
            for node in doomed:
                self.engine.delete(node)
        result = {'changed': bool(doomed), 'action': 'deleted' if doomed else 'unchanged', 'dp_nodes': doomed}
        if self.diff_mode:
            result['diff'] = {'before': {'dp_nodes': [self.label(node) for node in doomed]}, 'after': {'dp_nodes': []}}
        return result

    def candidates(self):
        if self.params.get('id'):
            found = self.engine.resolver.get_by_id(self.entity, self.engine.scope, self.params['id'])
            return [found] if found else []
        if self.params.get('hostname'):
            return self.engine.resolver.find_all(self.entity, self.engine.scope, {'hostname': self.params['hostname']})
        return list(self.entity.read_list(self.client, self.engine.scope, what='data plane nodes'))

    def stale(self, node):
        limit = self.params.get('not_seen_for')
        return limit is None or not_seen_for(node, limit, self.now())

    @staticmethod
    def label(node):
        return '%s (%s)' % (node.get('hostname'), node.get('id'))
