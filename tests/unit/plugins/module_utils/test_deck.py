# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import copy
import json

import pytest
import yaml

from ansible_collections.konnect.konnect.plugins.module_utils.deck import (
    DeckError,
    load,
    read_document,
    render,
    render_value,
    to_deck,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

LABEL = 'konnect_org.control_planes[0].gateway'
CA_ID = '0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02'
CERT_ID = '6f1f3c4e-0d1a-4a53-9c1e-3b8f0d2a1c01'
MTLS_ID = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c03'
SOME_ID = '11111111-2222-4333-8444-555555555555'

PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
ENV = {
    'DECK_TLS_CERT': PEM,
    'DECK_TLS_KEY': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    'DECK_CLIENT_CA': PEM.replace('MIIB', 'MIIC'),
    'DECK_ALICE_API_KEY': 'alice-api-key',
    'DECK_ALICE_PASSWORD': 'alice-password',
    'DECK_ALICE_HMAC_SECRET': 'alice-hmac-secret',
    'DECK_ALICE_JWT_SECRET': 'alice-jwt-secret',
}

# The example of the decK notes (section 8): every core kind.
EXAMPLE = '''\
_format_version: "3.0"
_konnect:
  control_plane_name: payments-cp
_info:
  select_tags: [team-payments]
  defaults:
    service: {retries: 3}
    route: {strip_path: false}
  # default_lookup_tags: {consumers: [shared-consumers]}   # online only, ${{ env "NOT_RENDERED" }}
certificates:
  - id: 6f1f3c4e-0d1a-4a53-9c1e-3b8f0d2a1c01
    cert: |
      ${{ env "DECK_TLS_CERT" | indent 6 }}
    key: |
      ${{ env "DECK_TLS_KEY" | indent 6 }}
    snis:
      - name: api.payments.example.com
ca_certificates:
  - id: 0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02
    cert: |
      ${{ env "DECK_CLIENT_CA" | indent 6 }}
vaults:
  - name: env
    prefix: payments-env
    config: {prefix: PAYMENTS_}
key_sets:
  - name: payments-jwks
keys:
  - name: payments-signing
    kid: payments-1
    set: {name: payments-jwks}
    jwk: '{"kty":"oct","kid":"payments-1","k":"c2VjcmV0LXNpZ25pbmcta2V5"}'
partials:
  - name: payments-redis
    type: redis-ee
    config: {host: redis.payments.internal, port: 6379}
upstreams:
  - name: payments.upstream
    targets:
      - {target: "10.0.0.11:8443", weight: 100}
      - {target: "10.0.0.12:8443", weight: 50}
services:
  - name: payments
    url: https://payments.upstream:8443/v1
    plugins:
      - name: rate-limiting-advanced
        config: {limit: [100], window_size: [60], window_type: sliding, strategy: redis, sync_rate: 1}
        partials:
          - name: payments-redis
    routes:
      - name: payments-api
        paths: ["/payments"]
        protocols: [https]
        plugins:
          - name: key-auth
            config: {key_names: [apikey]}
routes:
  - name: payments-health
    service: {name: payments}
    paths: ["~/health$"]
consumer_groups:
  - name: gold
    plugins:
      - name: rate-limiting-advanced
        config: {limit: [1000], window_size: [60], window_type: sliding}
consumers:
  - username: alice
    custom_id: cust-0001
    groups: [{name: gold}]
    keyauth_credentials:
      - key: ${{ env "DECK_ALICE_API_KEY" }}
    basicauth_credentials:
      - {username: alice, password: '${{ env "DECK_ALICE_PASSWORD" }}'}
    hmacauth_credentials:
      - {username: alice-hmac, secret: '${{ env "DECK_ALICE_HMAC_SECRET" }}'}
    jwt_secrets:
      - {key: alice-issuer, algorithm: HS256, secret: '${{ env "DECK_ALICE_JWT_SECRET" }}'}
    acls:
      - group: payments-admins
    mtls_auth_credentials:
      - id: 9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c03
        subject_name: alice@payments.example.com
        ca_certificate: {id: 0c9d7e2a-5b4f-4e11-8a6d-2f7e9b1c3d02}
    plugins:
      - name: request-transformer
        config: {add: {headers: ["x-consumer-tier:gold"]}}
plugins:
  - name: correlation-id                  # global
    config: {header_name: X-Request-ID}
  - name: rate-limiting                   # multi-scoped: route + consumer
    route: payments-api
    consumer: alice
    config: {minute: 20, policy: local}
'''

TAGS = ['team-payments']
EXPECTED_SECTIONS = {
    'vaults': [{'name': 'env', 'prefix': 'payments-env', 'config': {'prefix': 'PAYMENTS_'}, 'tags': TAGS}],
    'ca_certificates': [{'id': CA_ID, 'cert': ENV['DECK_CLIENT_CA'] + '\n', 'tags': TAGS}],
    'certificates': [{'id': CERT_ID, 'cert': PEM + '\n', 'key': ENV['DECK_TLS_KEY'] + '\n', 'tags': TAGS,
                      'snis': [{'name': 'api.payments.example.com', 'tags': TAGS}]}],
    'key_sets': [{'name': 'payments-jwks', 'tags': TAGS}],
    'keys': [{'name': 'payments-signing', 'kid': 'payments-1', 'key_set': 'payments-jwks', 'tags': TAGS,
              'jwk': '{"kty":"oct","kid":"payments-1","k":"c2VjcmV0LXNpZ25pbmcta2V5"}'}],
    'partials': [{'name': 'payments-redis', 'type': 'redis-ee', 'config': {'host': 'redis.payments.internal', 'port': 6379},
                  'tags': TAGS}],
    'upstreams': [{'name': 'payments.upstream', 'tags': TAGS, 'targets': [
        {'target': '10.0.0.11:8443', 'weight': 100, 'tags': TAGS}, {'target': '10.0.0.12:8443', 'weight': 50, 'tags': TAGS}]}],
    'services': [{'name': 'payments', 'url': 'https://payments.upstream:8443/v1', 'retries': 3, 'tags': TAGS}],
    'routes': [
        {'name': 'payments-api', 'service': 'payments', 'paths': ['/payments'], 'protocols': ['https'], 'strip_path': False, 'tags': TAGS},
        {'name': 'payments-health', 'service': 'payments', 'paths': ['~/health$'], 'strip_path': False, 'tags': TAGS},
    ],
    'consumers': [{
        'username': 'alice', 'custom_id': 'cust-0001', 'tags': TAGS,
        'keyauth_credentials': [{'key': 'alice-api-key', 'tags': TAGS}],
        'basicauth_credentials': [{'username': 'alice', 'password': 'alice-password', 'tags': TAGS}],
        'hmacauth_credentials': [{'username': 'alice-hmac', 'secret': 'alice-hmac-secret', 'tags': TAGS}],
        'jwt_secrets': [{'key': 'alice-issuer', 'algorithm': 'HS256', 'secret': 'alice-jwt-secret', 'tags': TAGS}],
        'acls': [{'group': 'payments-admins', 'tags': TAGS}],
        'mtls_auth_credentials': [{'id': MTLS_ID, 'subject_name': 'alice@payments.example.com', 'ca_certificate': CA_ID, 'tags': TAGS}],
    }],
    'consumer_groups': [{'name': 'gold', 'members': ['alice'], 'tags': TAGS}],
    'plugins': [
        {'name': 'key-auth', 'route': 'payments-api', 'config': {'key_names': ['apikey']}, 'tags': TAGS},
        {'name': 'rate-limiting-advanced', 'service': 'payments', 'partials': [{'name': 'payments-redis'}], 'tags': TAGS,
         'config': {'limit': [100], 'window_size': [60], 'window_type': 'sliding', 'strategy': 'redis', 'sync_rate': 1}},
        {'name': 'rate-limiting-advanced', 'consumer_group': 'gold', 'tags': TAGS,
         'config': {'limit': [1000], 'window_size': [60], 'window_type': 'sliding'}},
        {'name': 'request-transformer', 'consumer': 'alice', 'config': {'add': {'headers': ['x-consumer-tier:gold']}}, 'tags': TAGS},
        {'name': 'correlation-id', 'config': {'header_name': 'X-Request-ID'}, 'tags': TAGS},
        {'name': 'rate-limiting', 'route': 'payments-api', 'consumer': 'alice', 'config': {'minute': 20, 'policy': 'local'}, 'tags': TAGS},
    ],
}


def normalized(sections):
    """The sections with every list of mappings and every tag list in a stable order."""
    def walk(value, key=None):
        if isinstance(value, dict):
            return dict((k, walk(v, k)) for k, v in value.items())
        if isinstance(value, list):
            items = [walk(v) for v in value]
            if key == 'tags' or all(isinstance(v, dict) for v in items):
                return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
            return items
        return value
    return walk(sections)


def problems_of(document, label=LABEL, environ=None):
    with pytest.raises(DeckError) as caught:
        load(document, environ or {}, label)
    return caught.value.details['problems']


def minimal(**sections):
    document = {'_format_version': '3.0'}
    document.update(sections)
    return document


@pytest.fixture(name='example_file')
def fixture_example_file(tmp_path):
    path = tmp_path / 'kong.yaml'
    path.write_text(EXAMPLE)
    return str(path)


# -- environment substitution ---------------------------------------------------------------------------------

def test_render_env_and_conversions_read_back_with_their_types():
    text = ('host: ${{ env "DECK_HOST" }}\nport: ${{ env "DECK_PORT" | toInt }}\nratio: ${{ env "DECK_RATIO" | toFloat }}\n'
            'whole: ${{ env "DECK_WHOLE" | toFloat }}\nenabled: ${{ env "DECK_ON" | toBool }}\ndisabled: ${{ toBool (env "DECK_OFF") }}\n')
    environ = {'DECK_HOST': 'api.internal', 'DECK_PORT': '42', 'DECK_RATIO': '0.5', 'DECK_WHOLE': '2', 'DECK_ON': 'true', 'DECK_OFF': '0'}
    rendered, secrets = render(text, environ)
    assert yaml.safe_load(rendered) == {'host': 'api.internal', 'port': 42, 'ratio': 0.5, 'whole': 2.0, 'enabled': True, 'disabled': False}
    assert isinstance(yaml.safe_load(rendered)['whole'], float)
    assert secrets == ['api.internal']  # values converted to numbers or booleans are no secrets


def test_render_indent_keeps_a_pem_block_scalar():
    text = 'cert: |\n  ${{ env "DECK_CERT" | indent 2 }}\nkey: |\n  ${{ indent 2 (env "DECK_CERT") }}\n'
    rendered, secrets = render(text, {'DECK_CERT': PEM})
    assert yaml.safe_load(rendered) == {'cert': PEM + '\n', 'key': PEM + '\n'}
    assert secrets == [PEM]


def test_render_leaves_commented_lines_alone():
    text = '# ${{ env "HOME" }} is not rendered\n  # nor ${{ env "DECK_UNSET" }}\nname: ${{ env "DECK_NAME" }}  # ${{ "x" }}\n'
    rendered, _secrets = render(text, {'DECK_NAME': 'svc'})
    assert rendered == '# ${{ env "HOME" }} is not rendered\n  # nor ${{ env "DECK_UNSET" }}\nname: svc  # x\n'


def test_render_trim_markers_and_literals():
    assert render('a: ${{- "b" -}}  \nc: d', {})[0] == 'a:bc: d'
    assert render('a: ${{ `raw "q"` }}', {})[0] == 'a: raw "q"'


@pytest.mark.parametrize('text, environ, message', [
    ('a: b\nhost: ${{ env "HOME" }}\n', {'HOME': '/root'},
     "kong.yaml, line 2: environment variables in the state file must be prefixed with 'DECK_', found: 'HOME'"),
    ('host: ${{ env "DECK_HOST" }}\n', {},
     "kong.yaml, line 1: environment variable 'DECK_HOST' present in state file but not set"),
    ('\n\nport: ${{ env "DECK_PORT" | toInt }}', {'DECK_PORT': 'eighty'}, 'kong.yaml, line 3: toInt: DECK_PORT is not an integer'),
    ('on: ${{ env "DECK_ON" | toBool }}', {'DECK_ON': 'yes'}, 'kong.yaml, line 1: toBool: DECK_ON is not a boolean'),
    ('r: ${{ env "DECK_R" | toFloat }}', {'DECK_R': '1,5'}, 'kong.yaml, line 1: toFloat: DECK_R is not a number'),
    ('a: ${{ env "DECK_A" ', {'DECK_A': 'x'}, 'kong.yaml, line 1: unclosed action'),
    ('a: ${{ upper (env "DECK_A") }}', {'DECK_A': 'x'}, 'kong.yaml, line 1: function "upper" not defined'),
    ('a: ${{ .Values.x }}', {}, 'kong.yaml, line 1: unsupported template syntax'),
    ('a: ${{ indent "2" "x" }}', {}, 'kong.yaml, line 1: indent takes a number and a string'),
])
def test_render_errors_name_the_source_and_line(text, environ, message):
    with pytest.raises(DeckError) as caught:
        render(text, environ, 'kong.yaml')
    assert caught.value.msg.startswith(message)
    assert isinstance(caught.value, KonnectParameterError)


def test_render_error_does_not_show_the_value():
    with pytest.raises(DeckError) as caught:
        render('port: ${{ env "DECK_PORT" | toInt }}', {'DECK_PORT': 's3cr3t'})
    assert 's3cr3t' not in caught.value.msg


def test_render_value_gives_typed_values_for_inline_documents():
    assert render_value('${{ env "DECK_PORT" | toInt }}', {'DECK_PORT': '8443'}, 'x') == (8443, [])
    assert render_value('https://${{ env "DECK_HOST" }}:8443', {'DECK_HOST': 'h'}, 'x') == ('https://h:8443', ['h'])
    assert render_value('# ${{ env "DECK_HOST" }}', {'DECK_HOST': 'h'}, 'x') == ('# h', ['h'])  # no comment lines in a value


def test_load_inline_document_renders_strings():
    document = minimal(services=[{'name': 'svc', 'host': '${{ env "DECK_HOST" }}', 'port': '${{ env "DECK_PORT" | toInt }}',
                                  'tags': ['${{ env "DECK_TAG" }}']}])
    deck = load(document, {'DECK_HOST': 'backend', 'DECK_PORT': '8080', 'DECK_TAG': 'blue'}, LABEL)
    assert deck.sections == {'services': [{'name': 'svc', 'host': 'backend', 'port': 8080, 'tags': ['blue']}]}
    assert deck.secrets == ['backend', 'blue']
    with pytest.raises(DeckError) as caught:
        load(minimal(services=[{'name': 'svc', 'host': '${{ env "DECK_HOST" }}'}]), {}, LABEL)
    assert caught.value.msg == ("%s.services[0].host: environment variable 'DECK_HOST' present in state file but not set" % LABEL)


# -- reading files -----------------------------------------------------------------------------------------------

def test_example_file_gives_the_flat_sections(example_file):
    deck = load(example_file, ENV, LABEL)
    assert deck.control_plane_name == 'payments-cp'
    assert deck.select_tags == TAGS
    assert normalized(deck.sections) == normalized(EXPECTED_SECTIONS)
    assert sorted(deck.secrets) == sorted(ENV.values())
    assert deck.as_dict()['sections'] is deck.sections


def test_json_file_and_runtime_group_name(tmp_path):
    path = tmp_path / 'kong.json'
    path.write_text(json.dumps(minimal(_konnect={'runtime_group_name': 'legacy'}, vaults=[{'prefix': 'p', 'name': 'env'}])))
    deck = load(str(path), {}, LABEL)
    assert deck.control_plane_name == 'legacy'
    assert deck.sections == {'vaults': [{'prefix': 'p', 'name': 'env'}]}
    assert deck.select_tags == []


def test_yaml_syntax_error_names_the_line_but_not_its_text(tmp_path):
    path = tmp_path / 'bad.yaml'
    path.write_text('_format_version: "3.0"\nservices:\n  - name: ${{ env "DECK_SECRET" }}\n   host: x\n')
    with pytest.raises(DeckError) as caught:
        load(str(path), {'DECK_SECRET': 'hunter2'}, LABEL)
    assert caught.value.msg.startswith('%s, line 4: not valid YAML: ' % path)
    assert 'hunter2' not in caught.value.msg


def test_missing_and_empty_files(tmp_path):
    with pytest.raises(DeckError, match='cannot read the decK file'):
        load(str(tmp_path / 'missing.yaml'), {}, LABEL)
    empty = tmp_path / 'empty.yaml'
    empty.write_text('# nothing\n')
    with pytest.raises(DeckError, match='the decK file is empty'):
        load(str(empty), {}, LABEL)
    with pytest.raises(DeckError, match='must be a mapping, not a list'):
        read_document([{'name': 'x'}], LABEL)
    with pytest.raises(DeckError, match='a decK file is given as a path or as a mapping, not as an integer'):
        load(3, {}, LABEL)


# -- validation ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize('document, problem', [
    ({'services': []}, '_format_version: is missing; a decK file for Konnect starts with _format_version: "3.0"'),
    ({'_format_version': 3.0}, '_format_version: is the number 3.0; write the string "3.0", quoted (_format_version: "3.0")'),
    ({'_format_version': '1.1'}, "_format_version: is '1.1'; only \"3.0\" is supported"),
    (minimal(_transform=False), '_transform: _transform: false is not supported'),
    (minimal(_konnect={'control_plane_name': 'a', 'runtime_group_name': 'a'}), '_konnect: give control_plane_name or'),
])
def test_header_problems(document, problem):
    problems = problems_of(document)
    assert len(problems) == 1
    assert problems[0].startswith('%s.%s' % (LABEL, problem))


def test_unknown_and_unsupported_keys_are_named_by_path():
    document = minimal(
        services=[{'name': 's', 'host': 'h', 'colour': 'red', 'routes': [{'name': 'r', 'paths': ['/'], 'filter_chains': []}]}],
        consumers=[{'username': 'u', 'oauth2_credentials': [], 'basicauth_credentials': [{'username': 'u', 'password': 'p', 'hash': 1}]}],
        plugins=[{'name': 'cors', '_config': 'shared', 'run_on': 'first'}],
        licenses=[], _workspace='default', _info={'default_lookup_tags': {'consumers': ['x']}}, rbac_roles=[],
        colour='red',
    )
    problems = problems_of(document)
    expected = [
        '_info.default_lookup_tags: not supported: looking entities up by tag',
        '_workspace: not supported: Konnect has no workspaces',
        'colour: unknown key: a decK 3.0 file has no such section',
        'consumers[0].basicauth_credentials[0].hash: unknown key: a decK 3.0 basic-auth credential has no such field',
        'consumers[0].oauth2_credentials: not supported: OAuth 2.0 credentials',
        'licenses: not supported: Konnect manages licenses itself',
        'plugins[0]._config: not supported: shared plugin configurations',
        'plugins[0].run_on: not supported: Kong 3.0 removed the plugin field run_on',
        'rbac_roles: not supported: Kong Gateway RBAC roles',
        'services[0].colour: unknown key: a decK 3.0 service has no such field',
        'services[0].routes[0].filter_chains: not supported: WebAssembly filter chains',
    ]
    assert len(problems) == len(expected)
    for start in expected:
        assert any(p.startswith('%s.%s' % (LABEL, start)) for p in problems), start


@pytest.mark.parametrize('key', ['_plugin_configs', 'licenses', 'rbac_roles', 'service_packages', 'custom_entities', 'filter_chains',
                                 'cloned_plugins', 'custom_plugins', '_workspace'])
def test_every_top_level_key_konnect_lacks_is_said_to_be_unsupported(key):
    problems = problems_of(minimal(**{key: 'x' if key == '_workspace' else []}))
    assert len(problems) == 1 and problems[0].startswith('%s.%s: not supported: ' % (LABEL, key))


def test_types_and_required_fields():
    document = minimal(
        services=[{'host': 'h', 'port': '80', 'routes': [{'paths': '/x', 'service': 'svc'}]}],
        routes=[{'name': 'r', 'service': 'svc'}],
        consumers=[{'tags': ['t']}],
        certificates=[{'cert': 'c'}],
        upstreams=[{'name': 'u', 'algorithm': 'random', 'slots': 5}],
    )
    problems = [p[len(LABEL) + 1:] for p in problems_of(document)]
    assert 'services[0].name: is required: an unnamed service would get a new id, and so be created anew, on every run' in problems
    assert 'services[0].port: must be an integer, not a string' in problems
    assert 'services[0].routes[0].name: is required: an unnamed route would get a new id, and so be created anew, on every run' in problems
    assert 'services[0].routes[0].paths: must be a list, not a string' in problems
    assert 'routes[0].service: must be a mapping, not a string; a route names its service as {name: <name>} or {id: <id>}' in problems
    assert 'consumers[0]: a consumer needs a username or a custom_id' in problems
    assert 'certificates[0].key: is required' in problems
    assert any(p.startswith('upstreams[0].algorithm: must be one of consistent-hashing, ') for p in problems)
    assert 'upstreams[0].slots: must be at least 10' in problems


def test_type_errors_do_not_repeat_values():
    problems = problems_of(minimal(consumers=[{'username': 'u', 'keyauth_credentials': [{'key': 123456789}]}]))
    assert problems == ['%s.consumers[0].keyauth_credentials[0].key: must be a string, not an integer' % LABEL]


def test_all_problems_are_reported_at_once():
    document = {
        '_format_version': '1.1',
        'services': [{'name': 's', 'url': 'http://s', 'retries': 'many'}, {'name': 's', 'url': 'http://t'}],
        'routes': [{'name': 'r', 'service': {'name': 'nowhere'}}],
        'plugins': [{'name': 'cors', 'service': 'nowhere'}],
        'licenses': [],
    }
    with pytest.raises(DeckError) as caught:
        load(document, {}, LABEL)
    problems = caught.value.details['problems']
    assert caught.value.msg == '\n'.join(problems)
    assert [p.split(':')[0] for p in problems] == [
        LABEL + '._format_version', LABEL + '.licenses', LABEL + '.services[0].retries', LABEL + '.routes[0].service.name',
        LABEL + '.plugins[0].service', LABEL + '.services[1]']
    assert problems[-1] == "%s.services[1]: service name 's' is given twice (also at services[0])" % LABEL


# -- nesting and references -------------------------------------------------------------------------------------

NESTED = minimal(
    services=[{'name': 'orders', 'host': 'orders.internal', 'plugins': [{'name': 'cors'}],
               'routes': [{'name': 'orders-read', 'paths': ['/orders'], 'plugins': [{'name': 'key-auth', 'consumer': 'bob'}]}]}],
    consumers=[{'username': 'bob', 'groups': [{'name': 'gold'}], 'plugins': [{'name': 'acl', 'config': {'allow': ['a']}}]}],
    consumer_groups=[{'name': 'gold', 'plugins': [{'name': 'rate-limiting-advanced', 'config': {'limit': [5]}}]}],
    upstreams=[{'name': 'orders.internal', 'targets': [{'target': 'a:80'}]}],
    certificates=[{'cert': 'c', 'key': 'k', 'snis': [{'name': 'orders.example.com'}]}],
)
TOP_LEVEL = minimal(
    services=[{'name': 'orders', 'host': 'orders.internal'}],
    routes=[{'name': 'orders-read', 'paths': ['/orders'], 'service': {'name': 'orders'}}],
    plugins=[{'name': 'cors', 'service': 'orders'}, {'name': 'key-auth', 'route': 'orders-read', 'consumer': 'bob'},
             {'name': 'acl', 'consumer': 'bob', 'config': {'allow': ['a']}},
             {'name': 'rate-limiting-advanced', 'consumer_group': 'gold', 'config': {'limit': [5]}}],
    consumers=[{'username': 'bob'}],
    consumer_groups=[{'name': 'gold', 'consumers': [{'username': 'bob'}]}],
    upstreams=[{'name': 'orders.internal', 'targets': [{'target': 'a:80'}]}],
    certificates=[{'cert': 'c', 'key': 'k', 'snis': [{'name': 'orders.example.com'}]}],
)


def test_nested_and_top_level_forms_give_the_same_flat_sections():
    nested = load(NESTED, {}, LABEL).sections
    assert normalized(nested) == normalized(load(TOP_LEVEL, {}, LABEL).sections)
    assert nested['routes'] == [{'name': 'orders-read', 'paths': ['/orders'], 'service': 'orders'}]
    assert nested['consumer_groups'] == [{'name': 'gold', 'members': ['bob']}]
    assert {'name': 'key-auth', 'route': 'orders-read', 'consumer': 'bob'} in nested['plugins']


def test_references_by_id_are_resolved_or_kept():
    document = minimal(
        services=[{'name': 'orders', 'id': SOME_ID, 'host': 'h'}],
        routes=[{'name': 'a', 'service': {'id': SOME_ID}}, {'name': 'b', 'service': {'id': 'aaaaaaaa-2222-4333-8444-555555555555'}}],
        plugins=[{'name': 'cors', 'service': SOME_ID}, {'name': 'cors', 'route': 'bbbbbbbb-2222-4333-8444-555555555555'}],
        consumers=[{'custom_id': 'c-1', 'mtls_auth_credentials': [{'subject_name': 's', 'ca_certificate': {'id': CA_ID}}]}],
        key_sets=[{'name': 'jwks', 'id': CERT_ID}],
        keys=[{'name': 'k', 'kid': 'k', 'set': {'id': CERT_ID}}, {'name': 'l', 'kid': 'l', 'set': {'id': MTLS_ID}}],
        upstreams=[{'name': 'u', 'client_certificate': {'id': CERT_ID}}],
    )
    sections = load(document, {}, LABEL).sections
    assert [r['service'] for r in sections['routes']] == ['orders', 'aaaaaaaa-2222-4333-8444-555555555555']
    assert sections['plugins'] == [{'name': 'cors', 'service': 'orders'}, {'name': 'cors', 'route': 'bbbbbbbb-2222-4333-8444-555555555555'}]
    assert sections['consumers'][0]['mtls_auth_credentials'] == [{'subject_name': 's', 'ca_certificate': CA_ID}]
    assert [k['key_set'] for k in sections['keys']] == ['jwks', MTLS_ID]
    assert sections['upstreams'] == [{'name': 'u', 'client_certificate': CERT_ID}]


def test_missing_references_are_path_named_errors():
    document = minimal(
        services=[{'name': 's', 'host': 'h', 'plugins': [{'name': 'cors', 'partials': [{'name': 'nope'}, {'id': 'not-an-id'}]}]}],
        routes=[{'name': 'r', 'service': {'name': 'ghost'}}],
        plugins=[{'name': 'a', 'service': 'ghost'}, {'name': 'b', 'route': 'ghost'}, {'name': 'c', 'consumer': 'ghost'},
                 {'name': 'd', 'consumer_group': 'ghost'}],
        consumers=[{'username': 'u', 'groups': [{'name': 'ghost'}, {'id': SOME_ID}]}],
        keys=[{'name': 'k', 'kid': 'k', 'set': {'name': 'ghost'}}],
    )
    problems = [p[len(LABEL) + 1:] for p in problems_of(document)]
    assert problems == [
        "keys[0].set.name: there is no key set named 'ghost' in the file",
        "services[0].plugins[0].partials[0].name: there is no partial named 'nope' in the file",
        "services[0].plugins[0].partials[1].id: there is no partial id 'not-an-id' in the file, and it is not an id",
        "routes[0].service.name: there is no service named 'ghost' in the file",
        "consumers[0].groups[0].name: there is no consumer group named 'ghost' in the file",
        "consumers[0].groups[1].id: there is no consumer group id '%s' in the file" % SOME_ID,
        "plugins[0].service: there is no service named 'ghost' in the file; name one of the file, or give the id of an existing one",
        "plugins[1].route: there is no route named 'ghost' in the file; name one of the file, or give the id of an existing one",
        "plugins[2].consumer: there is no consumer with username, custom_id or id 'ghost' in the file; name one of the file, "
        "or give the id of an existing one",
        "plugins[3].consumer_group: there is no consumer group named 'ghost' in the file; name one of the file, "
        "or give the id of an existing one",
    ]


def test_a_nested_plugin_cannot_name_its_parent_kind_again():
    document = minimal(
        services=[{'name': 's', 'host': 'h', 'plugins': [{'name': 'cors', 'service': 's'}],
                   'routes': [{'name': 'r', 'plugins': [{'name': 'cors', 'route': 'r', 'service': 's'}]}]}],
        consumers=[{'username': 'u', 'plugins': [{'name': 'acl', 'consumer': 'u', 'route': 'r'}]}],
    )
    problems = [p[len(LABEL) + 1:] for p in problems_of(document)]
    assert problems == [
        'services[0].routes[0].plugins[0].route: a plugin nested under a route applies to that route; it cannot name a route as well',
        'services[0].plugins[0].service: a plugin nested under a service applies to that service; it cannot name a service as well',
        'consumers[0].plugins[0].consumer: a plugin nested under a consumer applies to that consumer; it cannot name a consumer as well',
    ]
    # another kind of scope is allowed: that makes a multi-scoped plugin
    sections = load(minimal(services=[{'name': 's', 'host': 'h', 'routes': [{'name': 'r', 'plugins': [{'name': 'cors', 'service': 's'}]}]}]),
                    {}, LABEL).sections
    assert sections['plugins'] == [{'name': 'cors', 'service': 's', 'route': 'r'}]


def test_group_consumers_missing_from_the_file_are_created_as_decK_does():
    document = minimal(consumers=[{'username': 'alice', 'groups': [{'name': 'gold'}]}],
                       consumer_groups=[{'name': 'gold', 'consumers': [{'username': 'bob'}, {'username': 'alice'}, {'id': SOME_ID}]}])
    sections = load(document, {}, LABEL).sections
    assert sections['consumers'] == [{'username': 'bob'}, {'username': 'alice'}]
    assert sections['consumer_groups'] == [{'name': 'gold', 'members': ['bob', 'alice', SOME_ID]}]


def test_duplicate_natural_keys():
    document = minimal(
        services=[{'name': 's', 'host': 'h', 'routes': [{'name': 'r'}]}],
        routes=[{'name': 'r', 'service': {'name': 's'}}],
        certificates=[{'cert': 'a', 'key': 'a', 'snis': [{'name': 'x.example.com'}]}, {'cert': 'b', 'key': 'b', 'snis': [{'name': 'x.example.com'}]}],
        upstreams=[{'name': 'u', 'targets': [{'target': 'a'}, {'target': 'a:8000'}]}],
        consumers=[{'username': 'u', 'keyauth_credentials': [{'key': 'SECRET-KEY'}], 'acls': [{'group': 'g'}, {'group': 'g'}]},
                   {'username': 'u', 'keyauth_credentials': [{'key': 'SECRET-KEY'}]}],
        plugins=[{'name': 'cors', 'service': 's'}, {'name': 'cors', 'service': 's', 'instance_name': 'one'},
                 {'name': 'cors', 'instance_name': 'one'}],
        vaults=[{'prefix': 'p', 'name': 'env'}, {'prefix': 'p', 'name': 'aws'}],
    )
    problems = [p[len(LABEL) + 1:] for p in problems_of(document)]
    assert problems == [
        "routes[0]: route name 'r' is given twice (also at services[0].routes[0])",
        "consumers[1]: consumer username 'u' is given twice (also at consumers[0])",
        "vaults[1]: vault prefix 'p' is given twice (also at vaults[0])",
        "plugins[2]: plugin instance_name 'one' is given twice (also at plugins[1])",
        "certificates[1].snis[0]: SNI 'x.example.com' is given twice (also at certificates[0].snis[0])",
        "upstreams[0].targets[1]: target 'a:8000' of this upstream is given twice (also at upstreams[0].targets[0])",
        'plugins[1]: cors plugin with the same service, route, consumer and consumer group is given twice (also at plugins[0])',
        'consumers[1].keyauth_credentials[0]: the same key-auth key is given twice (also at consumers[0].keyauth_credentials[0])',
        "consumers[0].acls[1]: ACL group 'g' of this consumer is given twice (also at consumers[0].acls[0])",
    ]


# -- select tags and defaults -------------------------------------------------------------------------------------

CHILDREN = ('snis', 'targets', 'keyauth_credentials', 'basicauth_credentials', 'hmacauth_credentials', 'jwt_secrets', 'acls',
            'mtls_auth_credentials')


def _tag_holders(sections):
    """Every entity of the flat sections, children (SNIs, targets, credentials) included."""
    for items in sections.values():
        for item in items:
            yield item
            for child in CHILDREN:
                yield from item.get(child, [])


def test_select_tags_are_merged_into_every_entity(example_file):
    sections = load(example_file, ENV, LABEL).sections
    holders = list(_tag_holders(sections))
    assert len(holders) == 27
    assert all(holder.get('tags') == TAGS for holder in holders)
    document = minimal(_info={'select_tags': ['a', 'b']}, services=[{'name': 's', 'host': 'h', 'tags': ['b', 'own']}])
    assert load(document, {}, LABEL).sections['services'][0]['tags'] == ['b', 'own', 'a']


def test_defaults_fill_what_the_file_leaves_out():
    document = minimal(
        _info={'defaults': {'service': {'retries': 3, 'protocol': 'https', 'port': 443}, 'route': {'strip_path': False, 'protocols': ['https']},
                            'upstream': {'healthchecks': {'threshold': 50, 'active': {'timeout': 2}}}, 'target': {'weight': 10}}},
        services=[{'name': 'a', 'host': 'a', 'retries': 1}, {'name': 'b', 'url': 'http://b/'}],
        routes=[{'name': 'r', 'strip_path': True}],
        upstreams=[{'name': 'u', 'healthchecks': {'active': {'http_path': '/ok'}}, 'targets': [{'target': 'x:1'}, {'target': 'y:1', 'weight': 0}]}],
    )
    sections = load(document, {}, LABEL).sections
    assert sections['services'] == [{'name': 'a', 'host': 'a', 'retries': 1, 'protocol': 'https', 'port': 443},
                                    {'name': 'b', 'url': 'http://b/', 'retries': 3}]
    assert sections['routes'] == [{'name': 'r', 'strip_path': True, 'protocols': ['https']}]
    assert sections['upstreams'] == [{'name': 'u', 'healthchecks': {'active': {'http_path': '/ok', 'timeout': 2}, 'threshold': 50},
                                      'targets': [{'target': 'x:1', 'weight': 10}, {'target': 'y:1', 'weight': 0}]}]


def test_defaults_cannot_hold_restricted_fields():
    document = minimal(_info={'defaults': {'service': {'name': 'x', 'id': SOME_ID}, 'target': {'target': 'a:1'},
                                           'consumer': {'username': 'x'}}})
    problems = [p[len(LABEL) + 1:] for p in problems_of(document)]
    assert problems == [
        '_info.defaults.service: service defaults cannot have these restricted fields set: id, name',
        '_info.defaults.target: target defaults cannot have these restricted fields set: target',
        '_info.defaults.consumer: unknown key: a decK 3.0 defaults has no such field',
    ]


# -- writing --------------------------------------------------------------------------------------------------------

def test_to_deck_nests_as_deck_dump_does(example_file):
    deck = load(example_file, ENV, LABEL)
    document = to_deck(deck.sections, deck.control_plane_name, deck.select_tags)
    assert document['_format_version'] == '3.0'
    assert document['_konnect'] == {'control_plane_name': 'payments-cp'}
    assert document['_info'] == {'select_tags': TAGS}
    assert 'tags' not in json.dumps(dict((k, v) for k, v in document.items() if k != '_info'))
    service = document['services'][0]
    assert [route['name'] for route in service['routes']] == ['payments-api', 'payments-health']
    assert service['plugins'][0]['name'] == 'rate-limiting-advanced' and 'service' not in service['plugins'][0]
    assert service['routes'][0]['plugins'] == [{'name': 'key-auth', 'config': {'key_names': ['apikey']}}]
    assert 'routes' not in document
    consumer = document['consumers'][0]
    assert consumer['groups'] == [{'name': 'gold'}]
    assert consumer['plugins'][0]['name'] == 'request-transformer'
    assert consumer['mtls_auth_credentials'][0]['ca_certificate'] == {'id': CA_ID}
    assert document['consumer_groups'] == [{'name': 'gold', 'plugins': [
        {'name': 'rate-limiting-advanced', 'config': {'limit': [1000], 'window_size': [60], 'window_type': 'sliding'}}]}]
    assert document['plugins'] == [
        {'name': 'correlation-id', 'config': {'header_name': 'X-Request-ID'}},
        {'name': 'rate-limiting', 'config': {'minute': 20, 'policy': 'local'}, 'route': 'payments-api', 'consumer': 'alice'}]
    assert document['keys'][0]['set'] == {'name': 'payments-jwks'} and 'key_set' not in document['keys'][0]
    assert document['certificates'][0]['snis'] == [{'name': 'api.payments.example.com'}]
    assert document['certificates'][0]['id'] == CERT_ID


def test_round_trip_through_to_deck(example_file):
    deck = load(example_file, ENV, LABEL)
    again = load(to_deck(deck.sections, deck.control_plane_name, deck.select_tags), {}, LABEL)
    assert normalized(again.sections) == normalized(deck.sections)
    assert again.select_tags == deck.select_tags and again.control_plane_name == deck.control_plane_name
    # without select tags the entities keep their tags
    bare = to_deck(deck.sections)
    assert '_info' not in bare and '_konnect' not in bare
    assert normalized(load(bare, {}, LABEL).sections) == normalized(deck.sections)


def test_round_trip_of_a_dump_like_flat_form():
    sections = {
        'services': [{'name': 'b', 'id': SOME_ID, 'host': 'b', 'port': 80, 'protocol': 'http', 'path': None, 'created_at': 1,
                      'client_certificate': CERT_ID, 'tls_sans': {'dnsnames': ['b.internal']}}],
        'routes': [{'name': 'by-id', 'service': SOME_ID, 'paths': ['/b']},
                   {'name': 'elsewhere', 'service': 'aaaaaaaa-2222-4333-8444-555555555555', 'sources': [{'ip': '10.0.0.0/8'}],
                    'protocols': ['tcp']},
                   {'name': 'loose', 'paths': ['/l']}],
        'consumers': [{'username': 'u', 'id': MTLS_ID}, {'custom_id': 'only-custom', 'id': CA_ID}],
        'consumer_groups': [{'name': 'g', 'members': ['only-custom', 'u', 'cccccccc-2222-4333-8444-555555555555']}],
        'plugins': [{'name': 'cors', 'consumer_group': 'g', 'enabled': False},
                    {'name': 'acl', 'consumer': 'only-custom'},
                    {'name': 'cors', 'route': 'loose', 'service': 'b'}],
    }
    document = to_deck(sections, with_ids=True)
    assert document['services'][0]['id'] == SOME_ID
    assert document['services'][0]['routes'][0]['name'] == 'by-id'
    assert [r['name'] for r in document['routes']] == ['elsewhere', 'loose']
    assert document['routes'][0]['service'] == {'id': 'aaaaaaaa-2222-4333-8444-555555555555'}
    assert document['consumer_groups'][0]['consumers'] == [{'id': 'cccccccc-2222-4333-8444-555555555555'}]
    assert 'plugins' not in document['consumer_groups'][0]  # enabled is no field of a group's nested plugin
    assert [c.get('groups') for c in document['consumers']] == [[{'name': 'g'}], [{'name': 'g'}]]
    back = load(document, {}, LABEL).sections
    expected = copy.deepcopy(sections)
    del expected['services'][0]['path'], expected['services'][0]['created_at']
    expected['routes'][0]['service'] = 'b'  # the service is now named
    expected['consumer_groups'][0]['members'] = ['cccccccc-2222-4333-8444-555555555555', 'only-custom', 'u']
    assert normalized(back) == normalized(expected)
    assert 'id' not in to_deck(sections)['services'][0]  # as deck gateway dump without --with-id


def test_to_deck_prefers_names_to_ids():
    sections = {
        'services': [{'name': 's', 'id': SOME_ID, 'host': 'h'}],
        'consumers': [{'username': 'u', 'id': MTLS_ID}],
        'key_sets': [{'name': 'jwks', 'id': CA_ID}],
        'keys': [{'name': 'k', 'kid': 'k', 'key_set': CA_ID}, {'name': 'l', 'kid': 'l', 'key_set': CERT_ID}],
        'plugins': [{'name': 'cors', 'service': SOME_ID, 'consumer': MTLS_ID}],
    }
    document = to_deck(sections)
    assert document['plugins'] == [{'name': 'cors', 'service': 's', 'consumer': 'u'}]
    assert [k['set'] for k in document['keys']] == [{'name': 'jwks'}, {'id': CERT_ID}]
    assert load(document, {}, LABEL).sections['keys'] == [{'name': 'k', 'kid': 'k', 'key_set': 'jwks'},
                                                          {'name': 'l', 'kid': 'l', 'key_set': CERT_ID}]
