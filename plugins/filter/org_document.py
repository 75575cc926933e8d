# -*- coding: utf-8 -*-
# Copyright: konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filter plugins for a konnect_org document (roles/org_bootstrap): check it against its JSON schema, leave out the
values its schema marks ``writeOnly`` (secrets) before the role loops over it, find the ids a loop converged, and
write a target's address as Kong stores it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_native
from ansible_collections.konnect.konnect.plugins.module_utils.entities.gateway import target_with_port

try:
    import jsonschema
    HAS_JSONSCHEMA = True
    JSONSCHEMA_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - depends on the controller
    jsonschema = None
    HAS_JSONSCHEMA = False
    JSONSCHEMA_IMPORT_ERROR = exc


def _plain(value):
    """Turn Ansible's tagged/lazy containers and strings into plain Python ones."""
    if isinstance(value, dict):
        return dict((to_native(k), _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
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


def org_document_problems(document, schema, root='konnect_org'):
    """Return a list of 'konnect_org.<path>: <message>' strings, empty when the document is valid."""
    if not HAS_JSONSCHEMA:
        raise AnsibleFilterError(
            'konnect.konnect.org_document_problems needs the Python library jsonschema on the controller '
            '(pip install "jsonschema>=4.17"): %s' % to_native(JSONSCHEMA_IMPORT_ERROR))
    if not isinstance(schema, dict):
        raise AnsibleFilterError('konnect.konnect.org_document_problems: the schema must be a dict, not %s'
                                 % type(schema).__name__)
    try:
        validator_class = jsonschema.Draft202012Validator
        validator_class.check_schema(_plain(schema))
    except jsonschema.exceptions.SchemaError as exc:
        raise AnsibleFilterError('konnect.konnect.org_document_problems: the schema is not valid: %s'
                                 % to_native(exc.message))
    validator = validator_class(_plain(schema))
    errors = sorted(validator.iter_errors(_plain(document)),
                    key=lambda e: ([(0, p) if isinstance(p, int) else (1, str(p)) for p in e.absolute_path], e.message))
    return ['%s: %s' % (format_path(root, e.absolute_path), _message(e)) for e in errors]


# Validators whose messages name properties only, never a value.
NAMES_ONLY_VALIDATORS = ('required', 'additionalProperties', 'dependentRequired')
HIDDEN_VALUE = 'the value (not shown: it may hold a secret)'


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


def _property_schema(schema, name):
    """The schema of property ``name`` of an object described by ``schema`` (empty when nothing says)."""
    properties = schema.get('properties', {})
    if name in properties:
        return properties[name]
    additional = schema.get('additionalProperties')
    return additional if isinstance(additional, dict) else {}


def _without_secrets(value, schema):
    if isinstance(value, dict):
        kept = {}
        for name, item in value.items():
            item_schema = _property_schema(schema, name)
            if not item_schema.get('writeOnly'):
                kept[name] = _without_secrets(item, item_schema)
        return kept
    if isinstance(value, (list, tuple)):
        items = schema.get('items')
        return [_without_secrets(item, items if isinstance(items, dict) else {}) for item in value]
    return value


def org_document_without_secrets(document, schema):
    """The document without the values its schema marks ``writeOnly``."""
    if not isinstance(schema, dict):
        raise AnsibleFilterError('konnect.konnect.org_document_without_secrets: the schema must be a dict, not %s'
                                 % type(schema).__name__)
    return _without_secrets(_plain(document), schema)


def org_converged_ids(results, kind, key='name'):
    """``{'<region>/<control plane>/<key>': id}`` of the entities a loop of the role converged.

    A loop item is either ``[control plane, entity]`` (``subelements``) or a dict with ``cp`` and ``key``. An entity
    that check mode only predicted, or whose item was skipped, has no id and is left out.
    """
    ids = {}
    # Only the few values needed are read: each item holds its whole control plane, too big to copy per call.
    for result in results or []:
        entity_id = (result.get(kind) or {}).get('id')
        item = result.get('item')
        if not entity_id or item is None:
            continue
        control_plane, name = (item['cp'], item[key]) if isinstance(item, Mapping) else (item[0], item[1][key])
        ids['%s/%s/%s' % (control_plane['region'], control_plane['name'], name)] = to_native(entity_id)
    return ids


def gateway_target_address(target):
    """host or host:port, as Kong stores and finds a target (without a port: host:8000)."""
    return target_with_port({'target': _plain(target)})['target']


class FilterModule(object):
    """konnect.konnect filters for organization documents."""

    def filters(self):
        return {
            'org_document_problems': org_document_problems,
            'org_document_without_secrets': org_document_without_secrets,
            'org_converged_ids': org_converged_ids,
            'gateway_target_address': gateway_target_address,
        }
