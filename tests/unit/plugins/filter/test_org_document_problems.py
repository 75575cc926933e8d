# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleFilterError
from ansible_collections.konnect.konnect.plugins.filter.org_document import FilterModule, org_document_problems
from ansible_collections.konnect.konnect.plugins.module_utils import org_document
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import format_path


SMALL_SCHEMA = {
    'type': 'object',
    'required': ['managed_by'],
    'additionalProperties': False,
    'properties': {
        'managed_by': {'type': 'string'},
        'control_planes': {'type': 'array', 'items': {
            'type': 'object', 'required': ['name'],
            'properties': {'name': {'type': 'string'}, 'region': {'enum': ['us', 'eu']}}}},
    },
}


def test_valid_document_has_no_problems():
    assert org_document_problems({'managed_by': 'x', 'control_planes': [{'name': 'a', 'region': 'eu'}]}, SMALL_SCHEMA) == []


def test_messages_name_the_path_and_are_sorted():
    doc = {'control_planes': [{'name': 'a', 'region': 'eu'}, {'name': 'b', 'region': 'us'},
                              {'name': 'c', 'region': 'xx'}, {'region': 'us'}], 'extra': 1}
    problems = org_document_problems(doc, SMALL_SCHEMA)
    assert problems == [
        "konnect_org: 'managed_by' is a required property",
        "konnect_org: Additional properties are not allowed ('extra' was unexpected)",
        "konnect_org.control_planes[2].region: 'xx' is not one of ['us', 'eu']",
        "konnect_org.control_planes[3]: 'name' is a required property",
    ]


def test_indexes_sort_numerically():
    doc = {'managed_by': 'x', 'control_planes': [{'name': 1, 'region': 'eu'}] * 2 + [{'name': 'ok'}] * 8 + [{'name': 2}]}
    problems = org_document_problems(doc, SMALL_SCHEMA)
    assert [p.split(':')[0] for p in problems] == [
        'konnect_org.control_planes[0].name', 'konnect_org.control_planes[1].name', 'konnect_org.control_planes[10].name']


def test_root_name_is_configurable():
    assert org_document_problems({}, SMALL_SCHEMA, 'org') == ["org: 'managed_by' is a required property"]


def test_format_path():
    assert format_path('konnect_org', ['control_planes', 2, 'region']) == 'konnect_org.control_planes[2].region'
    assert format_path('konnect_org', []) == 'konnect_org'


def test_schema_must_be_a_dict_and_valid():
    with pytest.raises(AnsibleFilterError, match='must be a dict'):
        org_document_problems({}, '{}')
    with pytest.raises(AnsibleFilterError, match='schema is not valid'):
        org_document_problems({}, {'type': 'no-such-type'})


@pytest.mark.parametrize('schema', [SMALL_SCHEMA, None])
def test_missing_jsonschema_is_a_clear_error(monkeypatch, schema):
    monkeypatch.setattr(org_document, 'HAS_JSONSCHEMA', False)
    monkeypatch.setattr(org_document, 'JSONSCHEMA_IMPORT_ERROR', ImportError('No module named jsonschema'))
    args = (schema,) if schema else ()
    with pytest.raises(AnsibleFilterError, match='^konnect.konnect.org_document_problems: needs the Python library jsonschema .*No module named'):
        org_document_problems({}, *args)


def test_filter_is_registered():
    assert FilterModule().filters()['org_document_problems'] is org_document_problems


def test_the_collection_schema_is_the_default_and_adds_the_reference_checks():
    doc = {'managed_by': 'x', 'teams': [{'name': 'Ops'}, {'name': 'ops'}]}
    assert org_document_problems(doc) == ["konnect_org.teams[1].name: 'ops' is listed twice"]
    assert org_document_problems(doc, root='org') == ["org.teams[1].name: 'ops' is listed twice"]


def test_a_schema_of_ones_own_checks_that_schema_only():
    doc = {'managed_by': 'x', 'control_planes': [{'name': 'a', 'region': 'eu'}, {'name': 'a', 'region': 'eu'}]}
    assert org_document_problems(doc, SMALL_SCHEMA) == []
    assert org_document_problems(doc) == ["konnect_org.control_planes[1].name: 'a' is already a control plane in region eu"]


def test_schema_problems_come_without_the_reference_problems():
    doc = {'managed_by': 'x', 'prune': 1, 'teams': [{'name': 'Ops'}, {'name': 'ops'}]}
    assert org_document_problems(doc) == ["konnect_org.prune: 1 is not of type 'boolean'"]


def test_shipped_schema_checks_regions(shipped_schema):
    schema = shipped_schema
    doc = {'managed_by': 'org-bootstrap', 'control_planes': [
        {'name': 'a', 'region': 'eu'}, {'name': 'b', 'region': 'us'}, {'name': 'c', 'region': 'xx'}]}
    problems = org_document_problems(doc, schema)
    assert len(problems) == 1
    assert problems[0].startswith("konnect_org.control_planes[2].region: 'xx' is not one of [")


def test_shipped_schema_names_the_missing_upstream_and_certificate(shipped_schema):
    schema = shipped_schema
    doc = {'managed_by': 'org-bootstrap', 'prune': 'yes', 'control_planes': [
        {'name': 'a', 'region': 'eu', 'services': [{'name': 's'}], 'dp_certificates': [{'title': 't'}]}]}
    assert org_document_problems(doc, schema) == [
        "konnect_org.control_planes[0].dp_certificates[0]: 'cert_path' is a required property",
        "konnect_org.control_planes[0].services[0]: 'host' is a required property",
        "konnect_org.prune: 'yes' is not of type 'boolean'",
    ]


def test_shipped_schema_checks_the_gateway_sections(shipped_schema):
    schema = shipped_schema
    doc = {'managed_by': 'org-bootstrap', 'control_planes': [{
        'name': 'a', 'region': 'eu',
        'upstreams': [{'name': 'u', 'slots': 5, 'targets': [{'target': 'a.internal:8080', 'weight': 70000}, {'weight': 1}]}],
        'certificates': [{'cert_path': '/tls.crt', 'snis': [{'name': 'a.example.com'}, {}]}, {'key': 'k'}],
        'ca_certificates': [{'cert_path': '/ca.crt'}, {'tags': ['x']}],
        'consumers': [{'username': 'c', 'keyauth_credentials': [{}], 'basicauth_credentials': [{'password': 'p'}],
                       'acls': [{'group': 'g', 'extra': 1}]}],
        'consumer_groups': [{'name': 'gold', 'members': ['c', '']}],
        'plugins': [{'name': 'rate-limiting', 'instance_name': 'p', 'consumer_group': 'gold'}]}]}
    assert org_document_problems(doc, schema) == [
        "konnect_org.control_planes[0].ca_certificates[1]: 'cert_path' is a required property",
        "konnect_org.control_planes[0].certificates[0]: 'key_path' is a required property",
        "konnect_org.control_planes[0].certificates[0].snis[1]: 'name' is a required property",
        "konnect_org.control_planes[0].certificates[1]: 'cert_path' is a required property",
        "konnect_org.control_planes[0].consumer_groups[0].members[1]: '' should be non-empty",
        "konnect_org.control_planes[0].consumers[0].acls[0]: Additional properties are not allowed ('extra' was unexpected)",
        "konnect_org.control_planes[0].consumers[0].basicauth_credentials[0]: 'username' is a required property",
        "konnect_org.control_planes[0].consumers[0].keyauth_credentials[0]: 'key' is a required property",
        "konnect_org.control_planes[0].upstreams[0].slots: 5 is less than the minimum of 10",
        "konnect_org.control_planes[0].upstreams[0].targets[0].weight: 70000 is greater than the maximum of 65535",
        "konnect_org.control_planes[0].upstreams[0].targets[1]: 'target' is a required property",
    ]


def test_shipped_schema_marks_the_gateway_secrets_write_only(shipped_schema):
    schema = shipped_schema
    cp = schema['properties']['control_planes']['items']['properties']
    consumer = cp['consumers']['items']['properties']
    assert cp['certificates']['items']['properties']['key']['writeOnly'] is True
    assert cp['certificates']['items']['properties']['key_alt']['writeOnly'] is True
    assert consumer['keyauth_credentials']['items']['properties']['key']['writeOnly'] is True
    assert consumer['basicauth_credentials']['items']['properties']['password']['writeOnly'] is True
    assert cp['config_stores']['items']['properties']['secrets']['items']['properties']['value']['writeOnly'] is True
