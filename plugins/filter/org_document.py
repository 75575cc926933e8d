# -*- coding: utf-8 -*-
# Copyright: konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filter plugins that check a konnect_org document (roles/org_bootstrap) against its JSON schema."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_native

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
    return ['%s: %s' % (format_path(root, e.absolute_path), e.message) for e in errors]


class FilterModule(object):
    """konnect.konnect filters for organization documents."""

    def filters(self):
        return {
            'org_document_problems': org_document_problems,
        }
