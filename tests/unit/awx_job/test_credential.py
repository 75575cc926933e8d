# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The AWX credential type of docs/awx, checked and injected as AWX does (tests/awx_job/credential.py)."""

import copy
import os
import sys

import pytest

# tests/unit/awx_job/test_credential.py -> tests/ and the collection root; in the checkout and in ansible-test's copy.
TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTION_ROOT = os.path.dirname(TESTS_DIR)
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from awx_job import credential  # noqa: E402 pylint: disable=wrong-import-position,import-error

TOKEN = 'kpat_' + 'x' * 44


@pytest.fixture
def konnect_type():
    return credential.load(os.path.join(COLLECTION_ROOT, 'docs', 'awx', 'credential_type.yml'))


def test_awx_accepts_the_documented_type(konnect_type):
    assert credential.problems(konnect_type) == []
    assert credential.secret_fields(konnect_type) == ['token']
    assert credential.env_names(konnect_type) == ['KONNECT_API_URL', 'KONNECT_REGION', 'KONNECT_TOKEN']


def test_injects_the_variables_the_modules_read(konnect_type):
    env = credential.injected_env(konnect_type, {'token': TOKEN, 'region': 'eu', 'api_url': 'https://proxy.example.com/{region}'})
    assert env == {'KONNECT_TOKEN': TOKEN, 'KONNECT_REGION': 'eu', 'KONNECT_API_URL': 'https://proxy.example.com/{region}'}


def test_an_empty_optional_field_is_injected_as_an_empty_variable(konnect_type):
    env = credential.injected_env(konnect_type, {'token': TOKEN, 'region': 'us', 'api_url': ''})
    assert env['KONNECT_API_URL'] == ''


@pytest.mark.parametrize('change, expected', [
    (lambda t: t['injectors']['env'].update(ANSIBLE_CONFIG='{{ token }}'), 'env ANSIBLE_CONFIG: AWX does not allow it'),
    (lambda t: t['injectors']['env'].update(PATH='/tmp'), 'env PATH: AWX does not allow it'),
    (lambda t: t['injectors']['env'].update(KONNECT_EXTRA='{{ nothing_of_that_name }}'), "env KONNECT_EXTRA: 'nothing_of_that_name' is undefined"),
    (lambda t: t.update(kind='ssh'), 'kind: custom credential types are "cloud" or "net"'),
    (lambda t: t['inputs']['fields'][1].update(default='xx'), "field region: default 'xx' is not one of its choices"),
    (lambda t: t['inputs']['required'].append('password'), 'required names no field: password'),
    (lambda t: t['inputs']['fields'][0].update(type='secret'), "inputs['fields'][0]['type']"),
])
def test_refuses_what_awx_refuses(konnect_type, change, expected):
    broken = copy.deepcopy(konnect_type)
    change(broken)
    assert any(expected in problem for problem in credential.problems(broken)), credential.problems(broken)


def test_the_job_environment_is_kept_masked():
    env = {'KONNECT_TOKEN': TOKEN, 'KONNECT_REGION': 'eu', 'ORDERS_DB_PASSWORD': 'p', 'ANSIBLE_FORCE_COLOR': 'False',
           'PROXY': 'https://user:hunter2@proxy.example.com/'}
    masked = credential.masked_env(env)
    assert masked['KONNECT_TOKEN'] == credential.MASK
    assert masked['ORDERS_DB_PASSWORD'] == credential.MASK
    assert masked['KONNECT_REGION'] == 'eu'
    assert masked['ANSIBLE_FORCE_COLOR'] == 'False'
    assert 'hunter2' not in masked['PROXY']
