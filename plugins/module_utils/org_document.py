# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks of a konnect_org document before any request: its JSON schema (ORG_SCHEMA), then what a schema cannot say
(names unique where Konnect makes them unique, references between entities of the document, files that exist).
No message repeats a secret (a value the schema marks writeOnly)."""

from __future__ import annotations

import os

from ansible.module_utils.common.text.converters import to_native
from ansible_collections.konnect.konnect.plugins.module_utils.entities.gateway import target_with_port
from ansible_collections.konnect.konnect.plugins.module_utils.entities import get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.org_schema import ORG_SCHEMA, PUBLISHING

try:
    import jsonschema
    HAS_JSONSCHEMA = True
    JSONSCHEMA_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - depends on where the check runs
    jsonschema = None
    HAS_JSONSCHEMA = False
    JSONSCHEMA_IMPORT_ERROR = exc

# The sections of a control plane that a decK state file (gateway, gateway_file) replaces.
GATEWAY_SECTIONS = ('vaults', 'ca_certificates', 'certificates', 'upstreams', 'services', 'routes', 'consumers', 'consumer_groups', 'plugins')

# Validators whose messages name properties only, never a value.
NAMES_ONLY_VALIDATORS = ('required', 'additionalProperties', 'dependentRequired')
HIDDEN_VALUE = 'the value (not shown: it may hold a secret)'


class OrgDocumentError(Exception):
    """The document cannot be checked: jsonschema is missing, or the schema is not a valid schema."""


def plain(value):
    """Turn Ansible's tagged/lazy containers and strings into plain Python ones."""
    if isinstance(value, dict):
        return dict((to_native(k), plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    return value


def format_path(root, path):
    """konnect_org, ['control_planes', 2, 'region'] -> konnect_org.control_planes[2].region"""
    out = root
    for part in path:
        if isinstance(part, int):
            out += '[%d]' % part
        else:
            out += '.%s' % part
    return out


def document_problems(document, root='konnect_org', file_exists=os.path.isfile):
    """'<root>.<path>: <message>' for each problem of a konnect_org document, empty when it is valid.

    The schema problems, sorted by path; when there are none, the reference problems in document order.
    ``file_exists`` tells whether a path names a file (certificates, gateway_file).
    """
    document = plain(document)
    return schema_problems(document, ORG_SCHEMA, root) or reference_problems(document, root, file_exists)


# --- the JSON schema -------------------------------------------------------------------------------------------------

def schema_problems(document, schema=None, root='konnect_org'):
    """The problems of ``document`` against ``schema`` (default ORG_SCHEMA), sorted by path.

    Raises OrgDocumentError when it cannot check.
    """
    if not HAS_JSONSCHEMA:
        raise OrgDocumentError('needs the Python library jsonschema (pip install "jsonschema>=4.17"): %s' % to_native(JSONSCHEMA_IMPORT_ERROR))
    schema = ORG_SCHEMA if schema is None else schema
    if not isinstance(schema, dict):
        raise OrgDocumentError('the schema must be a dict, not %s' % type(schema).__name__)
    validator_class = jsonschema.Draft202012Validator
    if schema is not ORG_SCHEMA:  # a unit test checks ORG_SCHEMA once, instead of ~0.1 s per document
        schema = plain(schema)
        try:
            validator_class.check_schema(schema)
        except jsonschema.exceptions.SchemaError as exc:
            raise OrgDocumentError('the schema is not valid: %s' % to_native(exc.message))
    errors = sorted(validator_class(schema).iter_errors(plain(document)), key=_error_order)
    return ['%s: %s' % (format_path(root, e.absolute_path), _message(e)) for e in errors]


def _error_order(error):
    return [(0, p) if isinstance(p, int) else (1, str(p)) for p in error.absolute_path], error.message


def _holds_secret(schema):
    if isinstance(schema, dict):
        return bool(schema.get('writeOnly')) or any(_holds_secret(value) for value in schema.values())
    if isinstance(schema, list):
        return any(_holds_secret(value) for value in schema)
    return False


def _message(error):
    """jsonschema's message, unless it would repeat a value that is or holds a writeOnly one."""
    if error.validator in NAMES_ONLY_VALIDATORS or not _holds_secret(error.schema):
        return error.message
    if error.validator == 'type':
        return '%s is not of type %r' % (HIDDEN_VALUE, error.validator_value)
    return '%s does not satisfy %s %r' % (HIDDEN_VALUE, error.validator, error.validator_value)


DECK_SECRET_KEYS = frozenset(('key', 'key_alt', 'password', 'secret', 'jwk', 'private_key', 'client_secret'))


# --- the secrets -----------------------------------------------------------------------------------------------------

def without_secrets(document, schema=None):
    """A copy of the document without the values its schema (default ORG_SCHEMA) marks ``writeOnly``."""
    schema = ORG_SCHEMA if schema is None else schema
    if not isinstance(schema, dict):
        raise OrgDocumentError('the schema must be a dict, not %s' % type(schema).__name__)
    return _without_secrets(plain(document), schema, lambda name, secret: None)


def secret_values(document):
    """Every string or number the schema marks ``writeOnly`` in the document: what output must mask, even before the
    document is found valid. An inline decK state (``gateway``, writeOnly as a whole) counts only with the values of
    its secret fields: masking every name and number in it would garble all output."""
    found = []
    _without_secrets(plain(document), ORG_SCHEMA,
                     lambda name, secret: found.extend(_secret_fields(secret) if name == 'gateway' else _leaves(secret)))
    return [value for value in found if value not in ('', None)]


def _secret_fields(value):
    """The values of secret-named keys anywhere in ``value`` (a decK state: keys, passwords, secrets, JWKs)."""
    if isinstance(value, dict):
        return [leaf for name, item in value.items()
                for leaf in (_leaves(item) if name in DECK_SECRET_KEYS else _secret_fields(item))]
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in _secret_fields(item)]
    return []


def _leaves(value):
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in _leaves(item)]
    return [value] if isinstance(value, (str, int, float)) and not isinstance(value, bool) else []


def _property_schema(schema, name):
    """The schema of property ``name`` of an object described by ``schema`` (empty when nothing says)."""
    properties = schema.get('properties', {})
    if name in properties:
        return properties[name]
    additional = schema.get('additionalProperties')
    return additional if isinstance(additional, dict) else {}


def _without_secrets(value, schema, on_secret):
    if isinstance(value, dict):
        kept = {}
        for name, item in value.items():
            item_schema = _property_schema(schema, name)
            if item_schema.get('writeOnly'):
                on_secret(name, item)
            else:
                kept[name] = _without_secrets(item, item_schema, on_secret)
        return kept
    if isinstance(value, (list, tuple)):
        items = schema.get('items')
        return [_without_secrets(item, items if isinstance(items, dict) else {}, on_secret) for item in value]
    return value


# --- what a schema cannot say ----------------------------------------------------------------------------------------
# These run on a document that passed the schema: required keys are there and values have their type. A secret is
# named by its path, never by its value.

def reference_problems(document, root='konnect_org', file_exists=os.path.isfile):
    """The problems of a schema-valid document that its schema cannot find, in document order."""
    control_planes = document.get('control_planes') or []
    problems = _control_plane_problems(control_planes, root)
    generated = _generated_paths(control_planes)
    for index, control_plane in enumerate(control_planes):
        at = '%s.control_planes[%d]' % (root, index)
        problems += _gateway_source_problems(control_plane, at, file_exists)
        problems += _gateway_name_problems(control_plane, at)
        problems += _target_problems(control_plane, at)
        problems += _certificate_problems(control_plane, at, generated, file_exists)
        problems += _consumer_problems(control_plane, at)
        problems += _consumer_group_problems(control_plane, at)
        problems += _plugin_problems(control_plane, at)
    return problems + _organization_name_problems(document, root) + _publishing_problems(document, root, file_exists)


def _publishing_problems(document, root, file_exists):
    """In the API-publishing sections: an entry listed twice (same key, same region and place), a file that does not exist."""
    problems = []
    for section in PUBLISHING:
        problems += _section_problems(section, document.get(section.name) or [], '%s.%s' % (root, section.name), file_exists, top=True)
    return problems


def _section_problems(section, entries, at, file_exists, top=False):
    problems = []
    entries = [entries] if section.single else entries
    in_region = top and section.regional
    keys = [tuple([entry.get('region')] if in_region else []) + tuple(str(entry.get(name)) for name in section.key)
            for entry in (section.entry(item) for item in entries)]
    repeated = dict(_repeated(keys)) if section.key or in_region else {}
    paths = [field.name for field in get_entity(section.kind).fields if field.type == 'path']
    for index, item in enumerate(entries):
        where = at if section.single else '%s[%d]' % (at, index)
        if index in repeated:
            named = zip(section.key, keys[index][-len(section.key):]) if section.key else [('region', keys[index][0])]
            problems.append('%s: %s is listed twice' % (where, ', '.join('%s %r' % pair for pair in named)))
        if section.names:
            continue
        for name in paths:
            if item.get(name) and not file_exists(item[name]):
                problems.append('%s.%s: %r is not a file' % (where, name, item[name]))
        for child in section.children:
            if child.name in item:
                problems += _section_problems(child, item[child.name], '%s.%s' % (where, child.name), file_exists)
        if section.nested and item.get(section.nested):
            problems += _section_problems(section, item[section.nested], '%s.%s' % (where, section.nested), file_exists)
    return problems


def _repeated(values):
    """(index, value) of each value listed earlier in ``values``."""
    seen = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index, value
        seen.add(value)


def _control_plane_problems(control_planes, root):
    """A control plane listed once per region; a group's members are control planes of the document in its region."""
    keys = [(cp['region'], cp['name']) for cp in control_planes]
    repeated = dict(_repeated(keys))
    problems = []
    for index, cp in enumerate(control_planes):
        at = '%s.control_planes[%d]' % (root, index)
        if index in repeated:
            problems.append('%s.name: %r is already a control plane in region %s' % (at, cp['name'], cp['region']))
        for member_index, member in enumerate(cp.get('members') or []):
            if (cp['region'], member) not in keys:
                problems.append('%s.members[%d]: %r is not a control plane of the document in region %s'
                                % (at, member_index, member, cp['region']))
    return problems


def _generated_paths(control_planes):
    """The files a dp_certificates entry with generate: true writes (they need not exist before the run)."""
    paths = set()
    for cp in control_planes:
        for entry in cp.get('dp_certificates') or []:
            if entry.get('generate'):
                paths.update(entry[path] for path in ('cert_path', 'key_path') if path in entry)
    return paths


def _gateway_source_problems(cp, at, file_exists):
    """One source of gateway configuration: gateway, gateway_file or the gateway sections."""
    sources = [name for name in ('gateway', 'gateway_file') if name in cp]
    sections = [name for name in GATEWAY_SECTIONS if name in cp]
    problems = []
    if len(sources) > 1:
        problems.append('%s: give gateway or gateway_file, not both' % at)
    if sources and sections:
        problems.append('%s: give %s or the gateway sections (%s), not both' % (at, ' and '.join(sources), ', '.join(sections)))
    if 'gateway_file' in cp and not file_exists(cp['gateway_file']):
        problems.append('%s.gateway_file: %r is not a file' % (at, cp['gateway_file']))
    return problems


# The names Konnect makes unique in a control plane.
GATEWAY_NAME_KEYS = (('vaults', 'prefix'), ('upstreams', 'name'), ('services', 'name'), ('routes', 'name'),
                     ('consumers', 'username'), ('consumer_groups', 'name'), ('plugins', 'instance_name'))


def _gateway_name_problems(cp, at):
    problems = []
    for section, key in GATEWAY_NAME_KEYS:
        names = [entry[key] for entry in cp.get(section) or []]
        problems += ['%s.%s[%d].%s: %r is listed twice' % (at, section, index, key, name) for index, name in _repeated(names)]
    return problems


def _target_problems(cp, at):
    """A target is listed once per upstream, as Kong stores it (host means host:8000)."""
    problems = []
    for upstream_index, upstream in enumerate(cp.get('upstreams') or []):
        addresses = [target_with_port({'target': target['target']})['target'] for target in upstream.get('targets') or []]
        problems += ['%s.upstreams[%d].targets[%d].target: %r is listed twice' % (at, upstream_index, index, address)
                     for index, address in _repeated(addresses)]
    return problems


# The (inline value, file) pairs of each certificate section.
CERTIFICATE_SOURCES = {'certificates': (('cert', 'cert_path'), ('key', 'key_path')), 'ca_certificates': (('cert', 'cert_path'),)}


def _certificate_problems(cp, at, generated, file_exists):
    """Each value inline or from a file (one that exists or that a dp_certificates entry generates), a certificate
    listed once per section, and an SNI listed once in the control plane (host names are case-insensitive)."""
    problems = []
    snis = set()
    for section in ('certificates', 'ca_certificates'):
        certificates = []
        for index, certificate in enumerate(cp.get(section) or []):
            where = '%s.%s[%d]' % (at, section, index)
            problems += _certificate_source_problems(certificate, where, CERTIFICATE_SOURCES[section], generated, file_exists)
            same = certificate['cert'].strip() if 'cert' in certificate else 'path:%s' % certificate.get('cert_path')
            if same in certificates:
                problems.append('%s: the same certificate as %s[%d]' % (where, section, certificates.index(same)))
            certificates.append(same)
            for sni_index, sni in enumerate(certificate.get('snis') or []):
                if sni['name'].lower() in snis:
                    problems.append('%s.snis[%d].name: %r is listed twice' % (where, sni_index, sni['name']))
                snis.add(sni['name'].lower())
    return problems


def _certificate_source_problems(certificate, where, sources, generated, file_exists):
    problems = []
    for field, path in sources:
        if field in certificate and path in certificate:
            problems.append('%s: give %s or %s, not both' % (where, field, path))
        elif path in certificate and certificate[path] not in generated and not file_exists(certificate[path]):
            problems.append('%s.%s: %r is not a file (nor written by a dp_certificates entry with generate: true)'
                            % (where, path, certificate[path]))
    return problems


def _consumer_problems(cp, at):
    """A key-auth key and a basic-auth username are unique in the control plane, an ACL group is listed once per
    consumer. A key is a secret: a duplicate is named by the path of the first one."""
    problems = []
    first_key_at = {}
    usernames = set()
    for consumer_index, consumer in enumerate(cp.get('consumers') or []):
        where = '%s.consumers[%d]' % (at, consumer_index)
        for index, credential in enumerate(consumer.get('keyauth_credentials') or []):
            key_at = '%s.keyauth_credentials[%d]' % (where, index)
            if credential['key'] in first_key_at:
                problems.append('%s.key: the same key as %s (a key is unique in a control plane)' % (key_at, first_key_at[credential['key']]))
            first_key_at.setdefault(credential['key'], key_at)
        for index, credential in enumerate(consumer.get('basicauth_credentials') or []):
            if credential['username'] in usernames:
                problems.append('%s.basicauth_credentials[%d].username: %r is listed twice (a basic-auth username is unique in a control plane)'
                                % (where, index, credential['username']))
            usernames.add(credential['username'])
        groups = [acl['group'] for acl in consumer.get('acls') or []]
        problems += ['%s.acls[%d].group: %r is listed twice' % (where, index, group) for index, group in _repeated(groups)]
    return problems


def _consumer_group_problems(cp, at):
    problems = []
    for group_index, group in enumerate(cp.get('consumer_groups') or []):
        problems += ['%s.consumer_groups[%d].members[%d]: %r is listed twice' % (at, group_index, index, member)
                     for index, member in _repeated(group.get('members') or [])]
    return problems


def _plugin_problems(cp, at):
    return ['%s.plugins[%d]: give consumer or consumer_group, not both (a plugin applies to a consumer or to a consumer group)' % (at, index)
            for index, plugin in enumerate(cp.get('plugins') or []) if 'consumer' in plugin and 'consumer_group' in plugin]


# The names Konnect makes unique in the organization (case-insensitively).
ORGANIZATION_NAME_KEYS = (('teams', 'name'), ('users', 'email'), ('system_accounts', 'name'), ('identity_providers', 'type'))


def _organization_name_problems(document, root):
    problems = []
    for section, key in ORGANIZATION_NAME_KEYS:
        names = [entry[key].lower() for entry in document.get(section) or []]
        problems += ['%s.%s[%d].%s: %r is listed twice' % (root, section, index, key, name) for index, name in _repeated(names)]
    return problems
