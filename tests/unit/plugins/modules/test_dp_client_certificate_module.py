# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""dp_client_certificate against the in-process emulator: bad input refused before anything is written (to Konnect or to
disk), a key pair generated once and written privately, pinned with one POST, found again from the file, the title
updated, unpinned once, pinned as text and unpinned by id.

Moved from the integration target dataplane (issue 13), which keeps one thin run through real playbooks (and the
documented kong.conf playbook); the generated key's absence from a run's output is searched by test_secret_search.
"""

from __future__ import annotations

import json
import os
import stat

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import Module, assert_refused, konnect, paths, writes

CERTIFICATE_STUB = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'


def a_control_plane(emulator):
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-dp-cp'})
    return plane, '/v2/control-planes/%s/dp-client-certificates' % plane['id']


def test_the_control_plane_has_both_endpoints(emulator):
    plane, _certs = a_control_plane(emulator)
    endpoints = (plane['config']['control_plane_endpoint'], plane['config']['telemetry_endpoint'])
    assert all(endpoint.startswith('https://') for endpoint in endpoints) and endpoints[0] != endpoints[1]


def test_bad_input_writes_nothing_to_konnect_or_to_disk(emulator, tmp_path):
    plane, _certs = a_control_plane(emulator)
    module = Module(emulator, 'dp_client_certificate')
    folder = str(tmp_path)
    assert_refused(module, dict(control_plane=plane['id'], generate=True), 'cert_path', 'key_path')
    assert_refused(module, dict(control_plane=plane['id'], cert=CERTIFICATE_STUB, generate=True, cert_path=folder + '/both.crt',
                                key_path=folder + '/both.key'), 'cert', 'generate')
    assert_refused(module, dict(control_plane=plane['id'], cert_path=folder + '/missing.crt'), 'cert', 'generate')
    assert_refused(module, dict(control_plane='it-nowhere', generate=True, cert_path=folder + '/nowhere.crt', key_path=folder + '/nowhere.key'),
                   'control_plane', 'it-nowhere')
    assert os.listdir(folder) == []  # not even the key pair of the task whose control plane does not exist

    refused, sent = module.counted(control_plane=plane['id'], cert='not a certificate')
    assert refused['failed'] and refused['status'] == 400 and 'cert' in refused['msg']
    assert [request['status'] for request in writes(sent)] == [400]


def test_generated_once_pinned_updated_and_unpinned(emulator, tmp_path):
    plane, certs = a_control_plane(emulator)
    endpoints = (plane['config']['control_plane_endpoint'], plane['config']['telemetry_endpoint'])
    module = Module(emulator, 'dp_client_certificate')
    cert_file, key_file = str(tmp_path / 'dp.crt'), str(tmp_path / 'dp.key')
    generate = dict(control_plane=plane['id'], generate=True, cert_path=cert_file, key_path=key_file, common_name='it-dp', title='it data planes')

    predicted, sent = module.counted(check_mode=True, diff=True, **generate)
    assert predicted['changed'] and not writes(sent) and predicted['dp_client_certificate']['id'] is None
    assert predicted['cert'].startswith('-----BEGIN CERTIFICATE-----')
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['title'] == 'it data planes'
    assert not os.path.exists(cert_file) and not os.path.exists(key_file)

    generated, sent = module.counted(**generate)
    made = generated['dp_client_certificate']
    with open(key_file) as handle:
        key_text = handle.read()
    with open(cert_file) as handle:
        cert_text = handle.read()
    assert generated['changed'] and sorted(os.listdir(str(tmp_path))) == ['dp.crt', 'dp.key']
    assert {stat.S_IMODE(os.stat(path).st_mode) for path in (cert_file, key_file)} == {0o600}
    assert generated['key'] == key_text and key_text.startswith('-----BEGIN PRIVATE KEY-----')
    assert generated['cert'] == cert_text and cert_text.startswith('-----BEGIN CERTIFICATE-----')
    assert len(made['id']) == 36 and made['title'] == 'it data planes' and made['cert'].strip() == cert_text.strip()
    assert (generated['cluster_endpoint'], generated['telemetry_endpoint']) == endpoints
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status']) == ('POST', certs, 201)
    assert (post['body']['cert'], post['body']['title']) == (cert_text, 'it data planes') and 'key' not in post['body']
    assert key_text not in json.dumps(post)

    again, sent = module.counted(**generate)
    assert not again['changed'] and (again['cert'], again['key']) == (cert_text, key_text)
    assert again['dp_client_certificate']['id'] == made['id'] and (again['cluster_endpoint'], again['telemetry_endpoint']) == endpoints
    with open(key_file) as handle:
        assert handle.read() == key_text
    assert paths(sent) == [certs, '/v2/control-planes/' + plane['id']]  # the pinned certificates, the control plane's endpoints
    pinned = konnect(emulator, 'GET', certs)
    assert pinned['page']['total_count'] == 1 and len(pinned['items']) == 1

    title = dict(control_plane=plane['id'], cert_path=cert_file, title='it data planes 2027')
    planned, sent = module.counted(check_mode=True, **title)
    assert planned['changed'] and planned['dp_client_certificate']['title'] == 'it data planes 2027' and not writes(sent)
    updated, sent = module.counted(diff=True, **title)
    assert updated['changed'] and updated['dp_client_certificate']['id'] == made['id']
    assert updated['dp_client_certificate']['title'] == 'it data planes 2027'
    assert (updated['diff']['before']['title'], updated['diff']['after']['title']) == ('it data planes', 'it data planes 2027')
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', '%s/%s' % (certs, made['id']))
    assert (put['body']['cert'].strip(), put['body']['title']) == (cert_text.strip(), 'it data planes 2027')

    unpin = dict(control_plane=plane['id'], cert_path=cert_file, state='absent')
    planned, sent = module.counted(check_mode=True, **unpin)
    assert planned['changed'] and not writes(sent)
    unpinned, sent = module.counted(diff=True, **unpin)
    twice, sent_twice = module.counted(**unpin)
    never, sent_never = module.counted(control_plane=plane['id'], generate=True, cert_path=str(tmp_path / 'never.crt'),
                                       key_path=str(tmp_path / 'never.key'), state='absent')
    assert unpinned['changed'] and unpinned['dp_client_certificate'] == {}
    assert unpinned['diff']['before']['id'] == made['id'] and unpinned['diff']['after'] == {}
    assert not twice['changed'] and not never['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent + sent_twice + sent_never)] == [
        ('DELETE', '%s/%s' % (certs, made['id']), 204)]
    assert sorted(os.listdir(str(tmp_path))) == ['dp.crt', 'dp.key']  # the files left alone; nothing generated for the last one

    as_text = module(control_plane=plane['id'], cert=cert_text)
    assert as_text['changed'] and as_text['dp_client_certificate']['id'] != made['id'] and 'key' not in as_text
    by_id, sent = module.counted(control_plane=plane['id'], id=as_text['dp_client_certificate']['id'], cert=cert_text, state='absent')
    assert by_id['changed']
    assert [(request['method'], request['path']) for request in writes(sent)] == [('DELETE', '%s/%s' % (certs, as_text['dp_client_certificate']['id']))]
