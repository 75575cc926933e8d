# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""module_utils/org_document.py: the checks of a konnect_org document before any request."""

from __future__ import annotations

import copy
import json
import os
import re

import pytest
import yaml

from ansible_collections.konnect.konnect.plugins.module_utils import org_document
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import (
    GATEWAY_SECTIONS,
    OrgDocumentError,
    document_problems,
    schema_problems,
    without_secrets,
)
from ansible_collections.konnect.konnect.plugins.module_utils.org_schema import ORG_SCHEMA

EXAMPLE = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'docs', 'org.example.yml')
CP = 'konnect_org.control_planes[0]'


def no_file(path):
    return False


def problems_of(control_plane, file_exists=no_file, **document):
    """The problems of a document with one control plane in eu (and the other sections given)."""
    document.setdefault('managed_by', 'me')
    document['control_planes'] = [dict({'name': 'cp', 'region': 'eu'}, **control_plane)]
    return document_problems(document, file_exists=file_exists)


# --- control planes and group members ------------------------------------------------------------------------------

def test_a_control_plane_name_is_unique_per_region():
    document = {'managed_by': 'me', 'control_planes': [{'name': 'a', 'region': 'eu'}, {'name': 'a', 'region': 'us'}]}
    assert document_problems(document) == []
    document['control_planes'].append({'name': 'a', 'region': 'eu'})
    assert document_problems(document) == ["konnect_org.control_planes[2].name: 'a' is already a control plane in region eu"]


def test_a_group_member_is_a_control_plane_of_the_document_in_the_group_region():
    group = {'name': 'g', 'region': 'eu', 'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', 'members': ['a']}
    document = {'managed_by': 'me', 'control_planes': [{'name': 'a', 'region': 'eu'}, {'name': 'b', 'region': 'us'}, group]}
    assert document_problems(document) == []
    group['members'].append('b')
    assert document_problems(document) == ["konnect_org.control_planes[2].members[1]: 'b' is not a control plane of the document in region eu"]


# --- names listed once ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize('section, key, entry', [
    ('vaults', 'prefix', {'prefix': 'v', 'name': 'env'}),
    ('upstreams', 'name', {'name': 'u'}),
    ('services', 'name', {'name': 's', 'host': 'h'}),
    ('routes', 'name', {'name': 'r'}),
    ('consumers', 'username', {'username': 'c'}),
    ('consumer_groups', 'name', {'name': 'g'}),
    ('plugins', 'instance_name', {'name': 'cors', 'instance_name': 'p'}),
])
def test_a_gateway_name_is_listed_once_per_control_plane(section, key, entry):
    other = dict(entry, **{key: 'other'})
    assert problems_of({section: [entry, other]}) == []
    assert problems_of({section: [entry, other, dict(entry)]}) == ["%s.%s[2].%s: %r is listed twice" % (CP, section, key, entry[key])]


def test_the_same_gateway_name_in_two_control_planes_is_fine():
    document = {'managed_by': 'me', 'control_planes': [{'name': 'a', 'region': 'eu', 'services': [{'name': 's', 'host': 'h'}]},
                                                       {'name': 'b', 'region': 'eu', 'services': [{'name': 's', 'host': 'h'}]}]}
    assert document_problems(document) == []


@pytest.mark.parametrize('section, key', [('teams', 'name'), ('users', 'email'), ('system_accounts', 'name'), ('identity_providers', 'type')])
def test_an_organization_name_is_listed_once_whatever_its_case(section, key):
    entries = {
        'teams': [{'name': 'Ops'}, {'name': 'Dev'}, {'name': 'ops'}],
        'users': [{'email': 'Ana@example.com'}, {'email': 'li@example.com'}, {'email': 'ana@example.com'}],
        'system_accounts': [{'name': 'CI', 'description': 'd'}, {'name': 'cd', 'description': 'd'}, {'name': 'ci', 'description': 'd'}],
        'identity_providers': [{'type': 'oidc'}, {'type': 'saml'}, {'type': 'oidc'}],
    }[section]
    assert document_problems({'managed_by': 'me', section: entries[:2]}) == []
    expected_name = entries[2][key].lower()
    assert document_problems({'managed_by': 'me', section: entries}) == ['konnect_org.%s[2].%s: %r is listed twice' % (section, key, expected_name)]


def test_a_target_is_listed_once_per_upstream_as_kong_stores_it():
    upstream = {'name': 'u', 'targets': [{'target': 't1.internal'}, {'target': 't1.internal:8080'}]}
    assert problems_of({'upstreams': [upstream, dict(upstream, name='v')]}) == []
    upstream['targets'].append({'target': 't1.internal:8000'})
    assert problems_of({'upstreams': [upstream]}) == ["%s.upstreams[0].targets[2].target: 't1.internal:8000' is listed twice" % CP]


def test_an_acl_group_is_listed_once_per_consumer():
    consumers = [{'username': 'a', 'acls': [{'group': 'g'}]}, {'username': 'b', 'acls': [{'group': 'g'}, {'group': 'h'}]}]
    assert problems_of({'consumers': consumers}) == []
    consumers[1]['acls'].append({'group': 'g'})
    assert problems_of({'consumers': consumers}) == ["%s.consumers[1].acls[2].group: 'g' is listed twice" % CP]


def test_a_consumer_group_member_is_listed_once():
    groups = [{'name': 'gold', 'members': ['a', 'b']}, {'name': 'silver', 'members': ['a']}]
    assert problems_of({'consumer_groups': groups}) == []
    groups[0]['members'].append('a')
    assert problems_of({'consumer_groups': groups}) == ["%s.consumer_groups[0].members[2]: 'a' is listed twice" % CP]


# --- credentials ---------------------------------------------------------------------------------------------------

def test_a_key_is_unique_in_the_control_plane_and_named_by_its_path():
    consumers = [{'username': 'a', 'keyauth_credentials': [{'key': 'S-one'}]}, {'username': 'b', 'keyauth_credentials': [{'key': 'S-two'}]}]
    assert problems_of({'consumers': consumers}) == []
    consumers[1]['keyauth_credentials'].append({'key': 'S-one'})
    consumers.append({'username': 'c', 'keyauth_credentials': [{'key': 'S-one'}]})
    assert problems_of({'consumers': consumers}) == [
        '%s.consumers[1].keyauth_credentials[1].key: the same key as %s.consumers[0].keyauth_credentials[0] (a key is unique in a control plane)' % (CP, CP),
        '%s.consumers[2].keyauth_credentials[0].key: the same key as %s.consumers[0].keyauth_credentials[0] (a key is unique in a control plane)' % (CP, CP),
    ]


def test_a_basic_auth_username_is_unique_in_the_control_plane():
    consumers = [{'username': 'a', 'basicauth_credentials': [{'username': 'x', 'password': 'S-1'}]},
                 {'username': 'b', 'basicauth_credentials': [{'username': 'y', 'password': 'S-1'}]}]
    assert problems_of({'consumers': consumers}) == []
    consumers[1]['basicauth_credentials'].append({'username': 'x', 'password': 'S-2'})
    assert problems_of({'consumers': consumers}) == [
        "%s.consumers[1].basicauth_credentials[1].username: 'x' is listed twice (a basic-auth username is unique in a control plane)" % CP]


# --- certificates --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize('section, certificate, field, path', [
    ('certificates', {'cert': 'C', 'key': 'S-key'}, 'cert', 'cert_path'),
    ('certificates', {'cert': 'C', 'key': 'S-key'}, 'key', 'key_path'),
    ('ca_certificates', {'cert': 'C'}, 'cert', 'cert_path'),
])
def test_a_certificate_value_is_inline_or_a_file_not_both(section, certificate, field, path):
    assert problems_of({section: [certificate]}) == []
    certificate = dict(certificate, **{path: '/tls/x.pem'})
    assert problems_of({section: [certificate]}, file_exists=lambda p: True) == ['%s.%s[0]: give %s or %s, not both' % (CP, section, field, path)]


@pytest.mark.parametrize('section, certificate, path', [
    ('certificates', {'cert': 'C', 'key_path': '/tls/x.key'}, 'key_path'),
    ('certificates', {'cert_path': '/tls/x.crt', 'key': 'S-key'}, 'cert_path'),
    ('ca_certificates', {'cert_path': '/tls/x.crt'}, 'cert_path'),
])
def test_a_certificate_file_exists(section, certificate, path):
    assert problems_of({section: [certificate]}, file_exists=lambda p: p == certificate[path]) == []
    assert problems_of({section: [certificate]}) == [
        '%s.%s[0].%s: %r is not a file (nor written by a dp_certificates entry with generate: true)' % (CP, section, path, certificate[path])]


def test_a_certificate_file_may_be_one_a_dp_certificates_entry_generates():
    generated = {'title': 'dp', 'generate': True, 'cert_path': '/gen/dp.crt', 'key_path': '/gen/dp.key'}
    certificates = [{'cert_path': '/gen/dp.crt', 'key_path': '/gen/dp.key'}]
    assert problems_of({'dp_certificates': [generated], 'certificates': certificates}) == []
    not_generated = dict(generated, generate=False)
    assert problems_of({'dp_certificates': [not_generated], 'certificates': certificates}) == [
        "%s.certificates[0].cert_path: '/gen/dp.crt' is not a file (nor written by a dp_certificates entry with generate: true)" % CP,
        "%s.certificates[0].key_path: '/gen/dp.key' is not a file (nor written by a dp_certificates entry with generate: true)" % CP,
    ]


def test_a_generated_file_of_another_control_plane_counts_too():
    document = {'managed_by': 'me', 'control_planes': [
        {'name': 'a', 'region': 'eu', 'ca_certificates': [{'cert_path': '/gen/dp.crt'}]},
        {'name': 'b', 'region': 'us', 'dp_certificates': [{'title': 'dp', 'generate': True, 'cert_path': '/gen/dp.crt'}]}]}
    assert document_problems(document, file_exists=no_file) == []


@pytest.mark.parametrize('section', ['certificates', 'ca_certificates'])
def test_a_certificate_is_listed_once_per_section(section):
    first = {'cert': '-----BEGIN CERTIFICATE-----\nA\n', 'key': 'S-key'} if section == 'certificates' else {'cert': 'A'}
    other = dict(first, cert='B')
    assert problems_of({section: [first, other]}) == []
    same_inline = dict(first, cert='  %s  ' % first['cert'].strip())
    assert problems_of({section: [first, other, same_inline]}) == ['%s.%s[2]: the same certificate as %s[0]' % (CP, section, section)]


def test_a_certificate_file_is_listed_once_per_section():
    both = {'ca_certificates': [{'cert_path': '/ca.crt'}], 'certificates': [{'cert_path': '/ca.crt', 'key_path': '/k'}]}
    assert problems_of(both, file_exists=lambda p: True) == []
    both['ca_certificates'].append({'cert_path': '/ca.crt'})
    assert problems_of(both, file_exists=lambda p: True) == ['%s.ca_certificates[1]: the same certificate as ca_certificates[0]' % CP]


def test_an_sni_is_listed_once_in_the_control_plane_whatever_its_case():
    certificates = [{'cert': 'A', 'key': 'S-1', 'snis': [{'name': 'a.example.com'}]}, {'cert': 'B', 'key': 'S-2', 'snis': [{'name': 'b.example.com'}]}]
    assert problems_of({'certificates': certificates}) == []
    certificates[1]['snis'].append({'name': 'A.example.com'})
    assert problems_of({'certificates': certificates}) == ["%s.certificates[1].snis[1].name: 'A.example.com' is listed twice" % CP]


# --- plugins -------------------------------------------------------------------------------------------------------

def test_a_plugin_applies_to_a_consumer_or_a_consumer_group():
    plugins = [{'name': 'rate-limiting', 'instance_name': 'a', 'consumer': 'c'}, {'name': 'rate-limiting', 'instance_name': 'b', 'consumer_group': 'g'}]
    assert problems_of({'plugins': plugins}) == []
    plugins[1]['consumer'] = 'c'
    assert problems_of({'plugins': plugins}) == [
        '%s.plugins[1]: give consumer or consumer_group, not both (a plugin applies to a consumer or to a consumer group)' % CP]


# --- gateway and gateway_file --------------------------------------------------------------------------------------

def test_a_control_plane_may_take_its_gateway_configuration_from_a_decK_state():
    assert problems_of({'gateway': {'_format_version': '3.0', 'services': []}}) == []
    assert problems_of({'gateway_file': '/deck/kong.yaml'}, file_exists=lambda p: p == '/deck/kong.yaml') == []
    assert problems_of({'gateway_file': 'kong.yaml', 'config_stores': [{'name': 's'}], 'dp_certificates': [{'title': 't', 'cert': 'C'}]},
                       file_exists=lambda p: True) == []


def test_gateway_and_gateway_file_not_both():
    assert problems_of({'gateway': {}, 'gateway_file': 'kong.yaml'}, file_exists=lambda p: True) == [
        '%s: give gateway or gateway_file, not both' % CP]


@pytest.mark.parametrize('source', [{'gateway': {}}, {'gateway_file': 'kong.yaml'}])
@pytest.mark.parametrize('section', GATEWAY_SECTIONS)
def test_a_decK_state_or_the_gateway_sections_not_both(source, section):
    name = list(source)[0]
    assert problems_of(dict(source, **{section: []}), file_exists=lambda p: True) == [
        '%s: give %s or the gateway sections (%s), not both' % (CP, name, section)]


def test_all_the_gateway_sections_given_are_named():
    assert problems_of({'gateway': {}, 'routes': [], 'services': []}) == [
        '%s: give gateway or the gateway sections (services, routes), not both' % CP]


def test_a_gateway_file_is_a_file():
    assert problems_of({'gateway_file': 'missing.yaml'}) == ["%s.gateway_file: 'missing.yaml' is not a file" % CP]


def test_a_gateway_file_is_a_file_by_default(tmp_path):
    state = tmp_path / 'kong.yaml'
    state.write_text('_format_version: "3.0"\n')
    document = {'managed_by': 'me', 'control_planes': [{'name': 'cp', 'region': 'eu', 'gateway_file': str(state)}]}
    assert document_problems(document) == []
    document['control_planes'][0]['gateway_file'] = str(tmp_path)
    assert document_problems(document) == ['%s.gateway_file: %r is not a file' % (CP, str(tmp_path))]


@pytest.mark.parametrize('control_plane, expected', [
    ({'gateway': ['S-secret']}, "%s.gateway: the value (not shown: it may hold a secret) is not of type 'object'" % CP),
    ({'gateway_file': 5}, "%s.gateway_file: 5 is not of type 'string'" % CP),
    ({'gateway_file': ''}, "%s.gateway_file: '' should be non-empty" % CP),
])
def test_the_schema_types_gateway_and_gateway_file(control_plane, expected):
    assert problems_of(control_plane) == [expected]


def test_the_decK_state_is_left_out_with_the_secrets():
    document = {'managed_by': 'me', 'control_planes': [{'name': 'cp', 'region': 'eu', 'gateway': {'consumers': [{'username': 'S-x'}]}}]}
    assert without_secrets(document) == {'managed_by': 'me', 'control_planes': [{'name': 'cp', 'region': 'eu'}]}


# --- order, secrets, errors ----------------------------------------------------------------------------------------

def test_the_reference_checks_wait_for_a_valid_schema():
    document = {'managed_by': 'me', 'prune': 'no', 'teams': [{'name': 'a'}, {'name': 'a'}]}
    assert document_problems(document) == ["konnect_org.prune: 'no' is not of type 'boolean'"]


def test_reference_problems_come_in_document_order():
    """The document of the role_org_bootstrap integration test: the problems in the order the role reports them."""
    files = '/tmp/org-files'
    control_plane = {
        'name': 'a', 'region': 'eu',
        'dp_certificates': [{'title': 'dp', 'generate': True, 'cert_path': files + '/a-dp.crt', 'key_path': files + '/a-dp.key'}],
        'upstreams': [{'name': 'u', 'targets': [{'target': 't1.internal'}, {'target': 't1.internal:8000'}]}, {'name': 'u'}],
        'certificates': [
            {'cert_path': files + '/a-dp.crt', 'key_path': files + '/a-dp.key', 'snis': [{'name': 'a.example.com'}]},
            {'cert_path': files + '/nowhere.crt', 'key': 'org-test-key-in-a-message', 'key_path': files + '/a-dp.key', 'snis': [{'name': 'A.example.com'}]}],
        'ca_certificates': [{'cert_path': files + '/a-dp.crt'}, {'cert_path': files + '/a-dp.crt'}],
        'consumers': [
            {'username': 'c', 'keyauth_credentials': [{'key': 'org-test-secret-key'}], 'acls': [{'group': 'g'}, {'group': 'g'}]},
            {'username': 'd', 'keyauth_credentials': [{'key': 'org-test-secret-key'}], 'basicauth_credentials': [{'username': 'b', 'password': 'pw'}]},
            {'username': 'e', 'basicauth_credentials': [{'username': 'b', 'password': 'pw'}]}],
        'consumer_groups': [{'name': 'gold', 'members': ['c', 'c']}],
        'plugins': [{'name': 'rate-limiting', 'instance_name': 'p', 'consumer': 'c', 'consumer_group': 'gold'}],
    }
    document = {'managed_by': 'org-bootstrap', 'teams': [{'name': 'Ops'}, {'name': 'ops'}], 'control_planes': [
        control_plane, {'name': 'a', 'region': 'eu'}, {'name': 'g', 'region': 'eu', 'members': ['a', 'b']}]}
    problems = document_problems(document, file_exists=no_file)
    assert problems == [
        "konnect_org.control_planes[1].name: 'a' is already a control plane in region eu",
        "konnect_org.control_planes[2].members[1]: 'b' is not a control plane of the document in region eu",
        "%s.upstreams[1].name: 'u' is listed twice" % CP,
        "%s.upstreams[0].targets[1].target: 't1.internal:8000' is listed twice" % CP,
        "%s.certificates[1].cert_path: '%s/nowhere.crt' is not a file (nor written by a dp_certificates entry with generate: true)" % (CP, files),
        "%s.certificates[1]: give key or key_path, not both" % CP,
        "%s.certificates[1].snis[0].name: 'A.example.com' is listed twice" % CP,
        "%s.ca_certificates[1]: the same certificate as ca_certificates[0]" % CP,
        "%s.consumers[0].acls[1].group: 'g' is listed twice" % CP,
        "%s.consumers[1].keyauth_credentials[0].key: the same key as %s.consumers[0].keyauth_credentials[0] (a key is unique in a control plane)" % (CP, CP),
        "%s.consumers[2].basicauth_credentials[0].username: 'b' is listed twice (a basic-auth username is unique in a control plane)" % CP,
        "%s.consumer_groups[0].members[1]: 'c' is listed twice" % CP,
        "%s.plugins[0]: give consumer or consumer_group, not both (a plugin applies to a consumer or to a consumer group)" % CP,
        "konnect_org.teams[1].name: 'ops' is listed twice",
    ]
    assert 'org-test-' not in ' '.join(problems)


SECRET = 'S3cret-value'


@pytest.mark.parametrize('control_plane', [
    {'certificates': [{'cert': 'C', 'key': SECRET, 'key_path': '/k'}]},
    {'certificates': [{'cert': 'C', 'key': SECRET, 'key_alt': 7}]},
    {'certificates': [{'cert': 'C', 'key': SECRET, 'cert_alt': 'A', 'key_alt': ''}]},
    {'certificates': [{'cert': 'C', 'key': {'not': SECRET}}]},
    {'consumers': [{'username': 'a', 'keyauth_credentials': [{'key': SECRET}]}, {'username': 'b', 'keyauth_credentials': [{'key': SECRET}]}]},
    {'consumers': [{'username': 'a', 'keyauth_credentials': [{'key': SECRET, 'extra': 1}]}]},
    {'consumers': [{'username': 'a', 'basicauth_credentials': [{'username': 'u', 'password': [SECRET]}]}]},
    {'consumers': [{'username': 'a', 'basicauth_credentials': [SECRET]}]},
    {'config_stores': [{'name': 's', 'secrets': [{'key': 'k', 'value': SECRET * 500}]}]},
    {'config_stores': [{'name': 's', 'secrets': [{'key': 'k', 'value': SECRET}, SECRET]}]},
    {'gateway': SECRET},
    {'gateway': {'consumers': [{'keyauth_credentials': [{'key': SECRET}]}]}, 'services': []},
])
def test_no_message_repeats_a_secret(control_plane):
    problems = problems_of(control_plane, identity_providers=[{'type': 'oidc', 'config': {'client_secret': SECRET}}])
    assert problems
    assert SECRET not in json.dumps(problems)


def test_an_identity_provider_secret_is_not_repeated_either():
    problems = document_problems({'managed_by': 'me', 'identity_providers': [{'type': 'oidc', 'config': {'client_secret': [SECRET]}}]})
    assert problems == ["konnect_org.identity_providers[0].config.client_secret: the value (not shown: it may hold a secret) is not of type 'string'"]


def test_the_root_names_every_path():
    document = {'managed_by': 'me', 'teams': [{'name': 'a'}, {'name': 'a'}], 'control_planes': [{'name': 'a', 'region': 'eu', 'members': ['x']}]}
    assert document_problems(document, root='org') == [
        "org.control_planes[0].members[0]: 'x' is not a control plane of the document in region eu",
        "org.teams[1].name: 'a' is listed twice",
    ]


def test_the_document_is_not_changed():
    document = {'managed_by': 'me', 'control_planes': [{'name': 'a', 'region': 'eu', 'certificates': [{'cert': 'C', 'key': 'K'}]}]}
    before = copy.deepcopy(document)
    document_problems(document)
    without_secrets(document)
    assert document == before


def test_a_check_that_cannot_run_says_why(monkeypatch):
    with pytest.raises(OrgDocumentError, match='^the schema must be a dict, not str$'):
        schema_problems({}, '{}')
    with pytest.raises(OrgDocumentError, match='^the schema is not valid: '):
        schema_problems({}, {'type': 'no-such-type'})
    with pytest.raises(OrgDocumentError, match='^the schema must be a dict, not list$'):
        without_secrets({}, [])
    monkeypatch.setattr(org_document, 'HAS_JSONSCHEMA', False)
    monkeypatch.setattr(org_document, 'JSONSCHEMA_IMPORT_ERROR', ImportError('No module named jsonschema'))
    with pytest.raises(OrgDocumentError, match=r'^needs the Python library jsonschema \(pip install "jsonschema>=4.17"\): No module named jsonschema$'):
        document_problems({'managed_by': 'me'})


def test_org_schema_is_a_valid_schema_and_marks_the_secrets_write_only():
    import jsonschema
    jsonschema.Draft202012Validator.check_schema(ORG_SCHEMA)
    cp = ORG_SCHEMA['properties']['control_planes']['items']['properties']
    assert cp['gateway']['writeOnly'] is True
    assert cp['gateway_file']['type'] == 'string'
    assert all(cp[section]['type'] == 'array' for section in GATEWAY_SECTIONS)


# --- the example document ------------------------------------------------------------------------------------------

def rendered(value, key=None):
    """The example with each Jinja expression replaced by a plain string (expires_at by a date)."""
    if isinstance(value, dict):
        return dict((k, rendered(v, k)) for k, v in value.items())
    if isinstance(value, list):
        return [rendered(v, key) for v in value]
    if isinstance(value, str) and '{{' in value:
        return '2030-01-01T00:00:00Z' if key == 'expires_at' else re.sub(r'\{\{.*?\}\}', 'rendered', value)
    return value


def test_the_example_document_is_valid():
    with open(EXAMPLE) as handle:
        example = rendered(yaml.safe_load(handle)['konnect_org'])
    assert document_problems(example, file_exists=lambda path: True) == []
    sections = set().union(*(cp.keys() for cp in example['control_planes']))
    assert set(GATEWAY_SECTIONS) <= sections


def test_the_example_document_needs_no_file_but_the_generated_ones():
    with open(EXAMPLE) as handle:
        example = rendered(yaml.safe_load(handle)['konnect_org'])
    assert document_problems(example, file_exists=no_file) == []


def test_secret_values_are_the_write_only_values_and_the_secret_fields_of_an_inline_deck_state():
    from ansible_collections.konnect.konnect.plugins.module_utils.org_document import secret_values  # pylint: disable=import-outside-toplevel
    document = {'managed_by': 'x', 'control_planes': [
        {'name': 'a', 'region': 'eu', 'config_stores': [{'name': 's', 'secrets': [{'key': 'k', 'value': 'store-secret'}]}],
         'consumers': [{'username': 'c', 'keyauth_credentials': [{'key': 'api-key-1'}]}]},
        {'name': 'b', 'region': 'eu', 'gateway': {'_format_version': '3.0', 'services': [{'name': 'svc', 'retries': 2}],
                                                  'consumers': [{'username': 'd', 'basicauth_credentials': [{'username': 'd', 'password': 'pw-1'}]}]}}]}
    assert sorted(secret_values(document)) == ['api-key-1', 'pw-1', 'store-secret']
