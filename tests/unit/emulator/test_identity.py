# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Identity v3 and Organizations v3 behaviour of the Konnect emulator, over real HTTP."""

import re

import pytest
import requests

from emulator import DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER  # pylint: disable=import-error
from emulator.testing import READONLY_DEMO_TOKEN, EmulatorError, EmulatorProcess  # pylint: disable=import-error

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


# ---- credentials ---------------------------------------------------------------------


def test_spat_is_refused_where_the_operation_names_only_user_credentials(fresh_emulator, api):
    robot = Client(fresh_emulator.url + '/global', READONLY_DEMO_TOKEN)
    assert robot.get('/v3/teams').status_code == 200
    me = api.get('/v3/users/me').json()
    # GET /v3/users/me declares only 401; the access-token operations declare 403
    assert_problem(robot.get('/v3/users/me'), 401, 'This operation does not accept system account access tokens.')
    body = assert_problem(robot.get('/v3/users/%s/access-tokens' % me['id']), 403)
    assert body['title'] == 'Forbidden'
    assert_problem(robot.post('/v3/users/%s/access-tokens' % me['id'], {'name': 'x', 'ttl_seconds': 86400}), 403)


def test_command_line_tokens_belong_to_users():
    tokens = ['kpat_ownedByOps', 'kpat_ownedByDev@dev@example.com', 'spat_robot']
    with EmulatorProcess(tokens=tokens, users=['ops@example.com:pw', 'boss@example.com:pw']) as process:
        ops, dev = Client(process.url, 'kpat_ownedByOps'), Client(process.url, 'kpat_ownedByDev')
        assert ops.get('/v3/users/me').json()['email'] == 'ops@example.com'
        assert dev.get('/v3/users/me').json()['email'] == 'dev@example.com'
        users = ops.get('/v3/users').json()['data']
        assert [(u['email'], u['active']) for u in users] == [('ops@example.com', True), ('boss@example.com', True), ('dev@example.com', True)]
        assert ops.get('/v3/organizations/me').json()['owner_id'] == users[0]['id']
        assert_problem(Client(process.url, 'spat_robot').get('/v3/users/me'), 401)
        # a user's credentials stop working once the user is gone
        assert ops.delete('/v3/users/' + users[2]['id']).status_code == 204
        assert_problem(dev.get('/v3/teams'), 401)
    with pytest.raises(EmulatorError, match='only kpat_'):
        EmulatorProcess(tokens=['spat_x@ops@example.com']).start()
