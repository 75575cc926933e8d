# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""org_converged_ids and gateway_target_address: what the org_bootstrap role reads from its own loops."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.konnect.konnect.plugins.filter.org_document import FilterModule, gateway_target_address, org_converged_ids

EU = {'name': 'orders', 'region': 'eu'}


def test_ids_of_a_subelements_loop_skip_what_has_no_id():
    results = [
        {'item': [EU, {'username': 'app'}], 'gateway_consumer': {'id': 'c-1'}},
        {'item': [EU, {'username': 'predicted'}], 'gateway_consumer': {'id': None}},
        {'item': [EU, {'username': 'skipped'}], 'skipped': True},
        {'item': [{'name': 'pay', 'region': 'us'}, {'username': 'app'}], 'gateway_consumer': {'id': 'c-2'}},
    ]
    assert org_converged_ids(results, 'gateway_consumer', 'username') == {'eu/orders/app': 'c-1', 'us/pay/app': 'c-2'}


def test_ids_of_a_loop_over_dict_items():
    results = [{'item': {'cp': EU, 'index': 0, 'certificate': {}}, 'gateway_certificate': {'id': 'cert-1'}},
               {'item': {'cp': EU, 'index': 1, 'certificate': {}}, 'gateway_certificate': {'id': 'cert-2'}}]
    assert org_converged_ids(results, 'gateway_certificate', 'index') == {'eu/orders/0': 'cert-1', 'eu/orders/1': 'cert-2'}


def test_no_results_no_ids():
    assert org_converged_ids([], 'gateway_service') == {}


def test_a_target_without_a_port_is_port_8000():
    assert gateway_target_address('api.internal') == 'api.internal:8000'
    assert gateway_target_address('api.internal:8443') == 'api.internal:8443'
    assert gateway_target_address('[::1]:9000') == '[::1]:9000'


def test_registered_as_filters():
    filters = FilterModule().filters()
    assert filters['org_converged_ids'] is org_converged_ids
    assert filters['gateway_target_address'] is gateway_target_address
