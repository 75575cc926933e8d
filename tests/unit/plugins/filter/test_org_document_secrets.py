# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""org_document_without_secrets: what the org_bootstrap role loops over holds no secret."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible.errors import AnsibleFilterError
from ansible_collections.konnect.konnect.plugins.filter.org_document import FilterModule, org_document_problems, org_document_without_secrets

SCHEMA = {
    'type': 'object',
    'properties': {
        'stores': {'type': 'array', 'items': {
            'type': 'object',
            'properties': {'name': {'type': 'string'}, 'value': {'type': 'string', 'writeOnly': True}}}},
        'config': {'type': 'object', 'additionalProperties': {'type': 'string', 'writeOnly': True}},
        'open': {'type': 'object'},
    },
}


def test_write_only_values_are_left_out_everywhere_else_is_kept():
    document = {'stores': [{'name': 'a', 'value': 's1'}, {'name': 'b'}], 'config': {'x': 's2'},
                'open': {'value': 'not marked'}, 'other': [1, {'value': 2}]}
    assert org_document_without_secrets(document, SCHEMA) == {
        'stores': [{'name': 'a'}, {'name': 'b'}], 'config': {}, 'open': {'value': 'not marked'}, 'other': [1, {'value': 2}]}


def test_the_document_itself_is_not_changed():
    document = {'stores': [{'name': 'a', 'value': 's1'}]}
    org_document_without_secrets(document, SCHEMA)
    assert document == {'stores': [{'name': 'a', 'value': 's1'}]}


def test_the_schema_must_be_a_dict():
    with pytest.raises(AnsibleFilterError, match='^konnect.konnect.org_document_without_secrets: the schema must be a dict, not list'):
        org_document_without_secrets({}, [])


def test_the_collection_schema_is_the_default():
    document = {'managed_by': 'me', 'control_planes': [{'name': 'cp', 'region': 'eu', 'gateway': {'consumers': [{'username': 'u'}]},
                                                        'certificates': [{'cert': 'C', 'key': 'S-key'}]}]}
    assert org_document_without_secrets(document) == {'managed_by': 'me', 'control_planes': [
        {'name': 'cp', 'region': 'eu', 'certificates': [{'cert': 'C'}]}]}


def test_the_role_schema_marks_every_secret_of_the_document(shipped_schema):
    schema = shipped_schema
    document = {
        'managed_by': 'me',
        'identity_providers': [{'type': 'oidc', 'config': {'issuer_url': 'https://idp', 'client_id': 'k', 'client_secret': 'S-idp'}}],
        'control_planes': [{'name': 'cp', 'region': 'eu',
                            'config_stores': [{'name': 'st', 'secrets': [{'key': 'db', 'value': 'S-store'}]}]}],
    }
    public = org_document_without_secrets(document, schema)
    assert 'S-' not in json.dumps(public)
    assert public['identity_providers'][0]['config'] == {'issuer_url': 'https://idp', 'client_id': 'k'}
    assert public['control_planes'][0]['config_stores'][0]['secrets'] == [{'key': 'db'}]


def test_registered_as_a_filter():
    assert FilterModule().filters()['org_document_without_secrets'] is org_document_without_secrets


@pytest.mark.parametrize('document, expected', [
    ({'stores': [{'name': 'a', 'value': 7}]},
     "konnect_org.stores[0].value: the value (not shown: it may hold a secret) is not of type 'string'"),
    ({'stores': ['s3cret']},
     "konnect_org.stores[0]: the value (not shown: it may hold a secret) is not of type 'object'"),
    ({'stores': [{'name': 5}]}, "konnect_org.stores[0].name: 5 is not of type 'string'"),
])
def test_problems_never_repeat_a_secret(document, expected):
    assert org_document_problems(document, SCHEMA) == [expected]


def test_long_secret_is_named_by_its_limit_not_its_value():
    schema = {'type': 'object', 'properties': {'value': {'type': 'string', 'maxLength': 3, 'writeOnly': True}}}
    assert org_document_problems({'value': 's3cret'}, schema) == [
        'konnect_org.value: the value (not shown: it may hold a secret) does not satisfy maxLength 3']
