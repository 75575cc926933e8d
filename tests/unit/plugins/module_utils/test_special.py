# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Control plane group members and generated data-plane certificates."""

from __future__ import annotations

import os
import stat

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.client import Response
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.special import DataPlaneCertificateEngine, GroupMembershipEngine
from ansible_collections.konnect.konnect.tests.unit.plugins.module_utils.fake_konnect import FakeKonnect

ENTITIES = all_entities()

GROUP_ID = '66666666-6666-4666-8666-666666666666'
CP_ID = '77777777-7777-4777-8777-777777777777'


class GroupKonnect(FakeKonnect):
    def __init__(self):
        super(GroupKonnect, self).__init__()
        self.members = {GROUP_ID: []}
        self.seed('/v2/control-planes', {'id': GROUP_ID, 'name': 'prod-group', 'config': {'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE_GROUP'}})
        config = {'cluster_type': 'CLUSTER_TYPE_CONTROL_PLANE', 'control_plane_endpoint': 'https://cp', 'telemetry_endpoint': 'https://tp'}
        self.seed('/v2/control-planes', {'id': CP_ID, 'name': 'prod-a', 'config': config})
        self.store['/v2/control-planes/%s/dp-client-certificates' % CP_ID] = []

    def request(self, method, path, params=None, body=None, what=None, expected=None, region=None, verb=None):
        if '/group-memberships/' in path:
            self.calls.append((method, path, body))
            ids = [member['id'] for member in body['members']]
            if path.endswith('/add'):
                self.members[GROUP_ID].extend(ids)
            else:
                self.members[GROUP_ID] = [member for member in self.members[GROUP_ID] if member not in ids]
            return Response(204, None)
        return super(GroupKonnect, self).request(method, path, params, body, what, expected, region)

    def paginate(self, path, style, params=None, what=None, region=None):
        if path.endswith('/group-memberships'):
            self.calls.append(('GET', path, params))
            return iter([{'id': member} for member in self.members[GROUP_ID]])
        return super(GroupKonnect, self).paginate(path, style, params, what, region)


def members(params, konnect, check_mode=False):
    params = dict({'state': 'present', 'exclusive': False}, **params)
    return GroupMembershipEngine(params, konnect, ENTITIES.get, check_mode=check_mode, diff_mode=True).run()


def test_members_are_added_once_and_removed():
    konnect = GroupKonnect()
    assert members({'group': 'prod-group', 'members': ['prod-a']}, konnect)['changed']
    assert not members({'group': GROUP_ID, 'members': [CP_ID]}, konnect)['changed']
    result = members({'group': 'prod-group', 'members': ['prod-a'], 'state': 'absent'}, konnect)
    assert result['changed'] and result['control_plane_membership']['members'] == []


def test_exclusive_makes_the_list_exact_and_check_mode_writes_nothing():
    konnect = GroupKonnect()
    konnect.members[GROUP_ID] = ['88888888-8888-4888-8888-888888888888']
    result = members({'group': 'prod-group', 'members': ['prod-a'], 'exclusive': True}, konnect, check_mode=True)
    assert result['changed'] and result['diff']['after'] == {'members': [CP_ID]} and konnect.writes() == []
    members({'group': 'prod-group', 'members': ['prod-a'], 'exclusive': True}, konnect)
    assert konnect.members[GROUP_ID] == [CP_ID]


def test_only_a_group_has_members():
    with pytest.raises(KonnectParameterError, match='not a control plane group'):
        members({'group': 'prod-a', 'members': []}, GroupKonnect())


def test_a_generated_certificate_is_written_once_pinned_and_reused(tmp_path):
    pytest.importorskip('cryptography')
    konnect = GroupKonnect()
    params = {'control_plane': CP_ID, 'generate': True, 'cert_path': str(tmp_path / 'dp.crt'), 'key_path': str(tmp_path / 'dp.key'),
              'state': 'present', 'valid_days': 30}
    first = DataPlaneCertificateEngine(params, konnect, ENTITIES.get).run()
    assert first['changed'] and first['key'].startswith('-----BEGIN PRIVATE KEY-----') and first['_ansible_no_log']
    assert first['cluster_endpoint'] == 'https://cp' and first['telemetry_endpoint'] == 'https://tp'
    assert stat.S_IMODE(os.stat(params['key_path']).st_mode) == 0o600
    again = DataPlaneCertificateEngine(params, konnect, ENTITIES.get).run()
    assert not again['changed'] and again['cert'] == first['cert'] and again['key'] == first['key']
    assert len(konnect.store['/v2/control-planes/%s/dp-client-certificates' % CP_ID]) == 1


def test_without_a_certificate_or_generate_the_task_says_what_to_give():
    with pytest.raises(KonnectParameterError, match='generate: true'):
        DataPlaneCertificateEngine({'control_plane': CP_ID, 'state': 'present'}, GroupKonnect(), ENTITIES.get).run()


def test_removing_a_pinned_certificate_never_generates_one(tmp_path):
    konnect = GroupKonnect()
    params = {'control_plane': CP_ID, 'generate': True, 'cert_path': str(tmp_path / 'dp.crt'), 'key_path': str(tmp_path / 'dp.key'),
              'state': 'absent'}
    result = DataPlaneCertificateEngine(params, konnect, ENTITIES.get).run()
    assert not result['changed'] and not os.path.exists(params['key_path']) and konnect.writes() == []
