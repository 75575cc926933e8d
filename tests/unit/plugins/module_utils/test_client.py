# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import email.utils
import json

import pytest
import requests

from ansible_collections.konnect.konnect.plugins.module_utils import client as client_module
from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient, retry_after_seconds
from ansible_collections.konnect.konnect.plugins.module_utils.errors import (
    AmbiguousWriteError,
    KonnectApiError,
    KonnectConnectionError,
    KonnectParameterError,
)
from ansible_collections.konnect.konnect.plugins.module_utils.version import COLLECTION_VERSION

TOKEN = 'kpat_unitTestToken0000000000000000000000000000000'


class FakeRaw(object):
    def __init__(self, status, body=None, headers=None):
        self.status_code = status
        self.headers = headers or {}
        self.content = b'' if body is None else json.dumps(body).encode()
        self.text = self.content.decode()

    def json(self):
        return json.loads(self.content)


class Script(object):
    """Stands in for requests.Session.request: answers from a list, records every call."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.calls = []

    def __call__(self, method, url, **kwargs):
        self.calls.append((method, url, kwargs))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def make_client(answers, **kwargs):
    sleeps = []
    kwargs.setdefault('token', TOKEN)
    client = KonnectClient(sleep=sleeps.append, **kwargs)
    script = Script(answers)
    client.session.request = script
    return client, script, sleeps


def test_rejects_a_token_that_is_not_a_konnect_token_without_echoing_it():
    with pytest.raises(KonnectParameterError) as info:
        KonnectClient(token='ghp_secretvalue123')
    assert 'kpat_' in info.value.msg and 'ghp_secretvalue123' not in info.value.msg


def test_rejects_unknown_region():
    with pytest.raises(KonnectParameterError, match='konnect_region'):
        KonnectClient(token=TOKEN, region='xx')


def test_requires_some_credentials():
    with pytest.raises(KonnectParameterError, match='konnect_token'):
        KonnectClient()


@pytest.mark.parametrize('kwargs, path, url', [
    ({}, '/v2/control-planes', 'https://us.api.konghq.com/v2/control-planes'),
    ({'region': 'eu'}, '/v2/control-planes', 'https://eu.api.konghq.com/v2/control-planes'),
    ({'region': 'eu'}, '/v3/teams', 'https://global.api.konghq.com/v3/teams'),
    ({'region': 'au'}, '/v3/users/1/assigned-roles', 'https://global.api.konghq.com/v3/users/1/assigned-roles'),
    ({'region': 'au'}, '/v2/cloud-gateways/networks', 'https://global.api.konghq.com/v2/cloud-gateways/networks'),
    ({'region': 'au'}, '/v3/portals', 'https://au.api.konghq.com/v3/portals'),
    ({'api_url': 'http://127.0.0.1:9/'}, '/v3/teams', 'http://127.0.0.1:9/v3/teams'),
    ({'api_url': 'http://127.0.0.1:9/{region}', 'region': 'me'}, '/v2/control-planes', 'http://127.0.0.1:9/me/v2/control-planes'),
    ({'api_url': 'http://127.0.0.1:9/{region}', 'region': 'me'}, '/v3/teams', 'http://127.0.0.1:9/global/v3/teams'),
    ({'api_url': 'https://{region}.svc.konghq.com', 'global_api_url': 'https://global.svc.konghq.com'}, '/v3/teams',
     'https://global.svc.konghq.com/v3/teams'),
])
def test_routes_each_family_to_its_host(kwargs, path, url):
    assert KonnectClient(token=TOKEN, **kwargs).url_for(path) == url


def test_sends_bearer_token_and_user_agent():
    client, script, dummy = make_client([FakeRaw(200, {'data': []})])
    client.get('/v3/teams')
    headers = client.session.headers
    assert headers['Authorization'] == 'Bearer ' + TOKEN
    assert 'konnect.konnect/%s' % COLLECTION_VERSION in headers['User-Agent']
    assert script.calls[0][0] == 'GET'


def test_retries_429_honouring_retry_after_seconds_even_for_post():
    client, script, sleeps = make_client([FakeRaw(429, {'status': 429}, {'Retry-After': '3'}), FakeRaw(201, {'id': 'x'})])
    assert client.request('POST', '/v3/teams', body={'name': 'a'}).body == {'id': 'x'}
    assert sleeps == [3.0] and len(script.calls) == 2


def test_retry_after_as_http_date():
    when = email.utils.formatdate(1000 + 7, usegmt=True)
    assert retry_after_seconds(when, now=1000) == pytest.approx(7, abs=1)
    assert retry_after_seconds('garbage') is None


def test_retries_503_on_get_with_backoff_then_succeeds():
    client, script, sleeps = make_client([FakeRaw(503), FakeRaw(502), FakeRaw(200, {'ok': 1})])
    assert client.get('/v3/teams').body == {'ok': 1}
    assert len(sleeps) == 2 and 0 < sleeps[0] <= sleeps[1] * 2 and len(script.calls) == 3


def test_gives_up_after_max_retries():
    client, script, dummy = make_client([FakeRaw(503)] * 3, max_retries=2)
    with pytest.raises(KonnectApiError) as info:
        client.get('/v3/teams')
    assert info.value.status == 503 and len(script.calls) == 3


def test_503_on_post_is_ambiguous_not_retried():
    client, script, dummy = make_client([FakeRaw(503)])
    with pytest.raises(AmbiguousWriteError):
        client.request('POST', '/v3/teams', body={'name': 'a'})
    assert len(script.calls) == 1


def test_connection_error_on_post_is_ambiguous_and_on_get_retried():
    client, script, dummy = make_client([requests.exceptions.ConnectionError('reset')])
    with pytest.raises(AmbiguousWriteError):
        client.request('POST', '/v3/teams', body={'name': 'a'})
    client, script, dummy = make_client([requests.exceptions.ConnectionError('reset')] * 2, max_retries=1)
    with pytest.raises(KonnectConnectionError):
        client.get('/v3/teams')
    assert len(script.calls) == 2


def test_problem_json_error_is_one_readable_message_with_trace_id():
    body = {'status': 400, 'title': 'Bad Request', 'instance': 'konnect:trace:123', 'detail': 'Invalid request',
            'invalid_parameters': [{'field': 'name', 'rule': 'required', 'reason': 'is a required field'}]}
    client, dummy, dummy2 = make_client([FakeRaw(400, body)])
    with pytest.raises(KonnectApiError) as info:
        client.request('POST', '/v3/teams', body={}, what="team 'x'")
    msg = info.value.msg
    assert "team 'x'" in msg and 'Invalid request' in msg and 'name: is a required field' in msg and 'konnect:trace:123' in msg
    assert info.value.details['trace_id'] == 'konnect:trace:123'


def test_kong_admin_error_bodies():
    grpc = {'code': 3, 'message': 'data constraint error',
            'details': [{'type': 'ERROR_TYPE_FIELD', 'field': 'name', 'messages': ['name (type: unique) constraint failed']}]}
    kong = {'code': 4, 'name': 'foreign key violation', 'message': "an existing 'routes' entity references this 'services' entity",
            'fields': {'@referenced_by': 'routes'}}
    client, dummy, dummy2 = make_client([FakeRaw(400, grpc), FakeRaw(400, kong)])
    with pytest.raises(KonnectApiError, match=r'name \(type: unique\) constraint failed'):
        client.request('POST', '/v2/control-planes/x/core-entities/services', body={})
    with pytest.raises(KonnectApiError, match='Still referenced by routes'):
        client.request('DELETE', '/v2/control-planes/x/core-entities/services/y')


def test_401_and_403_explain_themselves_and_never_show_the_token():
    client, dummy, dummy2 = make_client([FakeRaw(401, {'detail': 'Bad token ' + TOKEN}), FakeRaw(403, {'detail': 'no'})])
    with pytest.raises(KonnectApiError) as info:
        client.get('/v3/teams')
    assert 'invalid or expired' in info.value.msg and TOKEN not in info.value.msg
    with pytest.raises(KonnectApiError) as info:
        client.request('DELETE', '/v3/teams/1', what="team 'ops'")
    assert "permission to delete team 'ops'" in info.value.msg


def test_page_number_pagination_reads_every_page():
    pages = [FakeRaw(200, {'data': [{'id': i} for i in range(100)], 'meta': {'page': {'number': 1, 'size': 100, 'total': 150}}}),
             FakeRaw(200, {'data': [{'id': i} for i in range(100, 150)], 'meta': {'page': {'number': 2, 'size': 100, 'total': 150}}})]
    client, script, dummy = make_client(pages)
    assert len(list(client.paginate('/v3/teams', 'page'))) == 150
    assert script.calls[1][2]['params']['page[number]'] == 2


def test_offset_pagination_follows_offset():
    pages = [FakeRaw(200, {'data': [{'id': 1}], 'offset': 'abc', 'next': '/x?offset=abc'}), FakeRaw(200, {'data': [{'id': 2}], 'next': None})]
    client, script, dummy = make_client(pages)
    assert [item['id'] for item in client.paginate('/v2/control-planes/c/core-entities/services', 'offset')] == [1, 2]
    assert script.calls[0][2]['params']['size'] == client_module.CORE_PAGE_SIZE == 1000 and script.calls[1][2]['params']['offset'] == 'abc'


def test_cursor_pagination_follows_next_link():
    pages = [FakeRaw(200, {'data': [{'id': 1}], 'meta': {'page': {'next': '/v2/x?page%5Bafter%5D=Y3Vy&page%5Bsize%5D=100'}}}),
             FakeRaw(200, {'data': [{'id': 2}], 'meta': {'page': {'next': None}}})]
    client, script, dummy = make_client(pages)
    assert len(list(client.paginate('/v2/x', 'cursor'))) == 2
    assert script.calls[1][2]['params']['page[after]'] == 'Y3Vy'


def test_legacy_login_posts_credentials_to_the_global_host_once():
    client, script, dummy = make_client([FakeRaw(200, {}), FakeRaw(200, {'data': []}), FakeRaw(200, {'data': []})],
                                        token=None, email='a@example.com', password='pw', region='eu')
    client.get('/v2/control-planes')
    client.get('/v2/control-planes')
    method, url, kwargs = script.calls[0]
    assert (method, url) == ('POST', 'https://global.api.konghq.com/kauth/api/v1/authenticate')
    assert json.loads(kwargs['data']) == {'username': 'a@example.com', 'password': 'pw'}
    assert len(script.calls) == 3 and 'Authorization' not in client.session.headers


def test_failed_legacy_login_does_not_show_the_password():
    client, dummy, dummy2 = make_client([FakeRaw(401, {'detail': 'wrong password pw-secret'})], token=None, email='a@example.com',
                                        password='pw-secret')
    with pytest.raises(KonnectParameterError) as info:
        client.get('/v3/teams')
    assert 'konnect_email and konnect_password' in info.value.msg and 'pw-secret' not in info.value.msg
