# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mesh control planes and the Kuma resources inside them against the emulator, with the emulator's Kuma answers."""

from __future__ import annotations

import json
import os

import requests

from ansible_collections.konnect.konnect.plugins.module_utils.mesh_kinds import KINDS, definitions
from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN, TESTS_DIR
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    returned,
)

MISSING = '99999999-9999-4999-8999-999999999999'
TIMEOUT_SPEC = {'targetRef': {'kind': 'Mesh'}, 'to': [{'targetRef': {'kind': 'Mesh'}, 'default': {'idleTimeout': '20s'}}]}


def new_control_plane(emulator, name='mesh-prod'):
    return konnect(emulator, 'POST', '/v1/mesh/control-planes', {'name': name})['id']


def api(control_plane):
    return '/v1/mesh/control-planes/%s/api' % control_plane


def answer(emulator, method, path, body=None):
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body,
                                headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


def new_mesh(emulator, control_plane, name='default'):
    status, _body = answer(emulator, 'PUT', '%s/meshes/%s' % (api(control_plane), name), {'type': 'Mesh', 'name': name})
    assert status == 201


# -- mesh_control_plane -----------------------------------------------------------------------------------------------


def test_mesh_control_plane_lifecycle(emulator):
    module = Module(emulator, 'mesh_control_plane')
    created = assert_lifecycle(module, create=dict(name='mesh-prod', description='Production', labels={'env': 'prod'}),
                               update=dict(description='Production mesh', labels={'env': 'prod', 'team': 'platform'}))
    assert created['id']


def test_labels_are_purged_on_request(emulator):
    control_planes = Module(emulator, 'mesh_control_plane')
    control_planes(name='mesh-prod', labels={'a': '1', 'b': '2'})
    purged = control_planes(name='mesh-prod', labels={'a': '1'}, purge_labels=True)
    assert purged['changed'] and returned(control_planes, purged)['labels'] == {'a': '1'}
    resources = Module(emulator, 'mesh_resource')
    resources(mesh_control_plane='mesh-prod', kind='Mesh', name='default', labels={'a': '1', 'b': '2'})
    purged = resources(mesh_control_plane='mesh-prod', kind='Mesh', name='default', labels={'b': '2'}, purge_labels=True)
    assert purged['changed'] and returned(resources, purged)['labels'] == {'b': '2'}
    assert not resources(mesh_control_plane='mesh-prod', kind='Mesh', name='default', labels={'b': '2'}, purge_labels=True)['changed']


def test_mesh_control_plane_by_id_re_run_is_one_request(emulator):
    control_plane = new_control_plane(emulator)
    module = Module(emulator, 'mesh_control_plane')
    result, sent = module.counted(id=control_plane, name='mesh-prod')
    assert not result['changed'] and len(sent) == 1
    renamed = module(id=control_plane, name='mesh-renamed', diff=True)
    assert renamed['changed'] and renamed['diff']['after']['name'] == 'mesh-renamed'


def test_mesh_control_plane_refuses_bad_input(emulator):
    module = Module(emulator, 'mesh_control_plane')
    assert_refused(module, dict(name='mesh-prod', description='x' * 251), 'description')
    assert_refused(module, dict(id=MISSING, name='mesh-prod'), 'id', MISSING)


def test_mesh_control_plane_info(emulator):
    control_plane = new_control_plane(emulator)
    new_control_plane(emulator, 'mesh-dev')
    info = Module(emulator, 'mesh_control_plane_info')
    assert [item['id'] for item in info(name='mesh-prod')['mesh_control_planes']] == [control_plane]
    assert [item['name'] for item in info(id=control_plane)['mesh_control_planes']] == ['mesh-prod']
    assert sorted(item['name'] for item in info()['mesh_control_planes']) == ['mesh-dev', 'mesh-prod']
    assert [item['name'] for item in info(filters={'name': {'contains': 'dev'}})['mesh_control_planes']] == ['mesh-dev']


# -- mesh_resource ----------------------------------------------------------------------------------------------------


def test_mesh_lifecycle_by_control_plane_name(emulator):
    new_control_plane(emulator)
    module = Module(emulator, 'mesh_resource')
    created = assert_lifecycle(module, create=dict(mesh_control_plane='mesh-prod', kind='Mesh', name='default',
                                                   spec={'mtls': {'enabledBackend': 'ca-1', 'backends': [{'name': 'ca-1', 'type': 'builtin'}]}}),
                               update=dict(labels={'env': 'prod'}), noop_requests=2)
    assert created['type'] == 'Mesh' and created['mtls']['enabledBackend'] == 'ca-1'


def test_policy_lifecycle_one_request_re_run(emulator):
    control_plane = new_control_plane(emulator)
    new_mesh(emulator, control_plane)
    module = Module(emulator, 'mesh_resource')
    created = assert_lifecycle(module, create=dict(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='default', name='t1', spec=TIMEOUT_SPEC),
                               update=dict(spec=dict(TIMEOUT_SPEC, to=[{'targetRef': {'kind': 'Mesh'}, 'default': {'idleTimeout': '30s'}}])))
    assert created['spec']['to'][0]['default']['idleTimeout'] == '20s'


def test_an_update_keeps_what_the_task_leaves_out_and_shows_the_spec_in_the_diff(emulator):
    control_plane = new_control_plane(emulator)
    new_mesh(emulator, control_plane)
    module = Module(emulator, 'mesh_resource')
    base = dict(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='default', name='t1')
    module(spec=TIMEOUT_SPEC, labels={'team': 'a'}, **base)
    result = module(spec={'targetRef': {'kind': 'MeshService', 'name': 'web'}}, diff=True, **base)
    assert result['changed']
    assert result['diff']['before']['spec']['targetRef'] == {'kind': 'Mesh'}
    assert result['diff']['after']['spec']['targetRef'] == {'kind': 'MeshService', 'name': 'web'}
    stored = returned(module, result)
    assert stored['labels'] == {'team': 'a'} and stored['spec']['to'] == TIMEOUT_SPEC['to']


def test_secret_data_is_never_shown(emulator):
    control_plane = new_control_plane(emulator)
    new_mesh(emulator, control_plane)
    module = Module(emulator, 'mesh_resource')
    assert_lifecycle(module, create=dict(mesh_control_plane=control_plane, kind='Secret', mesh='default', name='db', spec={'data': 'aHVudGVyMg=='}),
                     update=dict(spec={'data': 'c2VjcmV0Mg=='}), secrets=('aHVudGVyMg==', 'c2VjcmV0Mg=='))
    listed = Module(emulator, 'mesh_resource_info')(mesh_control_plane=control_plane, kind='Secret', mesh='default')
    assert 'aHVudGVyMg' not in str(listed) and 'c2VjcmV0Mg' not in str(listed)


def test_a_spec_the_schema_refuses_is_refused_before_any_request(emulator):
    module = Module(emulator, 'mesh_resource')
    emulator.clear_requests()
    result = module(mesh_control_plane='mesh-prod', kind='MeshTimeout', mesh='default', name='t1', spec={'targetRef': {'kind': 'Bogus'}})
    assert result['failed'] and 'spec' in result['msg'] and 'targetRef.kind' in result['msg'] and 'Bogus' in result['msg']
    assert emulator.requests() == []
    result = module(mesh_control_plane='mesh-prod', kind='MeshTimeout', mesh='default', name='t1', spec={'targetRef': {'kind': 'Mesh'}, 'to': 'all'})
    assert result['failed'] and "spec.to: 'all' is not of type 'array'" in result['msg']
    assert emulator.requests() == []


def test_mesh_resource_refuses_bad_input(emulator):
    control_plane = new_control_plane(emulator)
    module = Module(emulator, 'mesh_resource')
    assert_refused(module, dict(mesh_control_plane=control_plane, kind='MeshTimeout', name='t1', spec=TIMEOUT_SPEC), 'mesh', 'inside a mesh')
    assert_refused(module, dict(mesh_control_plane=control_plane, kind='Mesh', mesh='default', name='m'), 'mesh', 'not inside')
    assert_refused(module, dict(mesh_control_plane='nope', kind='Mesh', name='default'), 'mesh_control_plane', 'nope')
    assert_refused(module, dict(mesh_control_plane=MISSING, kind='Mesh', name='default'), 'mesh_control_plane', MISSING)
    assert_refused(module, dict(mesh_control_plane=control_plane, kind='Mesh', name='default', spec={'name': 'other'}), 'spec', 'name')
    assert_refused(module, dict(mesh_control_plane=control_plane, kind='NoSuchKind', name='x'), 'kind')
    assert_refused(module, dict(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='nope', name='t1', spec=TIMEOUT_SPEC), 'mesh', "no mesh 'nope'")


def test_every_kind_of_the_spec_is_offered_with_its_schema():
    """mesh_kinds.py is current with the derived spec the emulator serves (else: hacking/update_mesh_kinds.py)."""
    with open(os.path.join(TESTS_DIR, 'emulator', 'derived', 'mesh-control-planes-v0.json')) as handle:
        derived = json.load(handle)
    paths = dict((op['request']['schema']['$ref'].split('/')[-1], op['path']) for op in derived['operations']
                 if op['method'] == 'PUT' and '/api/' in op['path'] and op['path'].endswith('/{name}') and op.get('request'))
    assert sorted(facts['definition'] for facts in KINDS.values()) == sorted(paths)
    for kind, facts in KINDS.items():
        schema = definitions()[facts['definition']]
        assert schema == derived['$defs'][facts['definition']], kind
        assert paths[facts['definition']].split('/')[-2] == facts['path'], kind
        assert ('/meshes/{mesh}/' in paths[facts['definition']]) == facts['in_mesh'], kind
        assert ('spec' in schema['properties']) == facts['spec_field'], kind
    for name in definitions():
        assert definitions()[name] == derived['$defs'][name], name


def test_mesh_resource_info(emulator):
    control_plane = new_control_plane(emulator)
    new_mesh(emulator, control_plane)
    module = Module(emulator, 'mesh_resource')
    for index in range(3):
        module(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='default', name='t%d' % index, spec=TIMEOUT_SPEC)
    info = Module(emulator, 'mesh_resource_info')
    listed = info(mesh_control_plane='mesh-prod', kind='MeshTimeout', mesh='default')['mesh_resources']
    assert sorted(item['name'] for item in listed) == ['t0', 't1', 't2']
    assert [item['name'] for item in info(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='default', name='t1')['mesh_resources']] == ['t1']
    assert info(mesh_control_plane=control_plane, kind='MeshTimeout', mesh='default', name='nope')['mesh_resources'] == []
    assert [item['name'] for item in info(mesh_control_plane=control_plane, kind='Mesh')['mesh_resources']] == ['default']


def test_kuma_list_pages_and_answers(emulator):
    control_plane = new_control_plane(emulator)
    new_mesh(emulator, control_plane)
    for index in range(3):
        status, body = answer(emulator, 'PUT', '%s/meshes/default/meshtimeouts/t%d' % (api(control_plane), index),
                              {'type': 'MeshTimeout', 'name': 't%d' % index, 'mesh': 'default', 'spec': TIMEOUT_SPEC})
        assert status == 201 and body == {'warnings': []}
    status, page = answer(emulator, 'GET', '%s/meshes/default/meshtimeouts?size=2' % api(control_plane))
    assert status == 200 and page['total'] == 3 and len(page['items']) == 2 and page['next']
    status, _body = answer(emulator, 'PUT', '%s/meshes/default/meshtimeouts/t0' % api(control_plane),
                           {'type': 'MeshTimeout', 'name': 'other', 'mesh': 'default', 'spec': TIMEOUT_SPEC})
    assert status == 400
    status, _body = answer(emulator, 'PUT', '%s/meshes/default/meshtimeouts/t0' % api(control_plane),
                           {'type': 'MeshTimeout', 'name': 't0', 'mesh': 'default', 'spec': TIMEOUT_SPEC})
    assert status == 200
    assert answer(emulator, 'DELETE', '%s/meshes/default' % api(control_plane))[0] == 200
    assert answer(emulator, 'GET', '%s/meshes/default/meshtimeouts/t0' % api(control_plane))[0] == 404
