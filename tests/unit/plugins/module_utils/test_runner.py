# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The connection options every module shares, as the argument spec validator sees them."""

from __future__ import annotations

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.konnect.konnect.plugins.module_utils.runner import CONNECTION_SPEC

TOKEN = 'kpat_' + 'x' * 40


def validated(**params):
    result = ArgumentSpecValidator(CONNECTION_SPEC).validate(params)
    assert result.error_messages == []
    return result.validated_parameters


def test_connection_options_come_from_the_environment(monkeypatch):
    monkeypatch.setenv('KONNECT_TOKEN', TOKEN)
    monkeypatch.setenv('KONNECT_REGION', 'eu')
    monkeypatch.setenv('KONNECT_API_URL', 'http://127.0.0.1:1/{region}')
    params = validated()
    assert (params['konnect_token'], params['konnect_region'], params['konnect_api_url']) == (TOKEN, 'eu', 'http://127.0.0.1:1/{region}')


def test_an_empty_environment_variable_counts_as_unset(monkeypatch):
    # AWX renders a credential field left empty as an empty variable.
    monkeypatch.setenv('KONNECT_TOKEN', '')
    monkeypatch.setenv('KONNECT_SPAT', 'spat_' + 'y' * 40)
    monkeypatch.setenv('KONNECT_REGION', '')
    monkeypatch.setenv('KONNECT_API_URL', '')
    params = validated()
    assert params['konnect_token'] == 'spat_' + 'y' * 40
    assert params['konnect_region'] == 'us'
    assert params['konnect_api_url'] is None


def test_a_task_option_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv('KONNECT_REGION', 'eu')
    assert validated(konnect_region='au')['konnect_region'] == 'au'
