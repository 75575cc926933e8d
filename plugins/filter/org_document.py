# -*- coding: utf-8 -*-
# Copyright: konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filter plugins for a konnect_org document (roles/org_bootstrap): check it (its JSON schema, then its names,
references and files), and leave out the values its schema marks ``writeOnly`` (secrets). The checks live in
module_utils/org_document.py, which the apply module shares."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.text.converters import to_native
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import (
    OrgDocumentError, document_problems, schema_problems, without_secrets,
)
from ansible_collections.konnect.konnect.plugins.module_utils.org_schema import ORG_SCHEMA


def org_document_problems(document, schema=None, root='konnect_org'):
    """Return a list of 'konnect_org.<path>: <message>' strings, empty when the document is valid.

    With the collection's schema (ORG_SCHEMA, the default), a document that passes it is checked further: names,
    references and files (see module_utils/org_document.py). With a schema of one's own, only that schema is checked.
    """
    try:
        if schema is None or schema is ORG_SCHEMA:
            return document_problems(document, root)
        return schema_problems(document, schema, root)
    except OrgDocumentError as exc:
        raise AnsibleFilterError('konnect.konnect.org_document_problems: %s' % to_native(exc))


def org_document_without_secrets(document, schema=None):
    """The document without the values its schema (default ORG_SCHEMA) marks ``writeOnly``."""
    try:
        return without_secrets(document, schema)
    except OrgDocumentError as exc:
        raise AnsibleFilterError('konnect.konnect.org_document_without_secrets: %s' % to_native(exc))


class FilterModule(object):
    """konnect.konnect filters for organization documents."""

    def filters(self):
        return {
            'org_document_problems': org_document_problems,
            'org_document_without_secrets': org_document_without_secrets,
        }
