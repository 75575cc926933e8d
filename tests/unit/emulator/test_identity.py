# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identity v3 and Organizations v3 behaviour of the Konnect emulator, over real HTTP."""

import re

import pytest
import requests

from emulator import DEMO_TOKEN, DEMO_USER  # pylint: disable=import-error

TRACE = re.compile(r'^konnect:trace:\d{19}$')


class Client:
    """JSON client bound to the emulator's global host, with one bearer token (or none)."""

    def __init__(self, base_url, token=DEMO_TOKEN):
        self.base_url = base_url
        self.session = requests.Session()
        if token:
            self.session.headers['Authorization'] = 'Bearer ' + token

    def call(self, method, path, body=None, **kwargs):
        if body is not None:
            kwargs['json'] = body
        return self.session.request(method, self.base_url + path, timeout=10, **kwargs)

    def get(self, path, **kwargs):
        return self.call('GET', path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.call('POST', path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.call('PUT', path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.call('PATCH', path, body, **kwargs)

    def delete(self, path, **kwargs):
        return self.call('DELETE', path, **kwargs)


@pytest.fixture
def api(fresh_emulator):
    return Client(fresh_emulator.url + '/global')


def assert_problem(response, status, detail=None):
    assert response.status_code == status, response.text
    assert response.headers['Content-Type'] == 'application/problem+json'
    body = response.json()
    assert body['status'] == status and body['type'] == 'https://httpstatuses.com/%d' % status
    assert TRACE.match(body['instance']) and body['title'] and body['detail']
    if detail is not None:
        assert body['detail'] == detail
    return body


def rules_by_field(body):
    return dict((item['field'], item['rule']) for item in body['invalid_parameters'])


# ---- faults ------------------------------------------------------------------------


def test_rate_limit_can_be_restricted_to_invites(fresh_emulator, api):
    knob = {'rate_limit': {'requests_per_second': 0, 'retry_after': 3, 'methods': ['post'], 'path_regex': '^/v3/invites$'}}
    assert fresh_emulator.set_faults(knob)['rate_limit']['methods'] == ['POST']
    limited = api.post('/v3/invites', {'email': 'new@example.com'})
    body = assert_problem(limited, 429, 'Too many requests')
    assert body['title'] == 'Rate Limited' and limited.headers['Retry-After'] == '3'
    assert api.get('/v3/teams').status_code == 200
    assert api.post('/v3/teams', {'name': 'not-limited'}).status_code == 201
    with pytest.raises(Exception, match='400'):
        fresh_emulator.set_faults({'rate_limit': {'requests_per_second': 1, 'count': 2}})
