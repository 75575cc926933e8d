# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_certificate, gateway_sni, gateway_ca_certificate and their _info twins against the in-process emulator:
the engine's decisions (requests sent, predictions, write-only private keys, certificates found by their PEM text,
renewal in place, check mode, refusals).

Moved from the integration target gateway_certificates (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import MASK, Module, assert_refused, konnect, methods, paths, shown, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.throwaway_pki import pki

MISSING = '00000000-0000-4000-8000-000000000000'


def a_control_plane(emulator):
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-certs-cp'})['id']
    return plane, '/v2/control-planes/%s/core-entities' % plane


def test_gateway_certificate_bad_input_is_refused_with_no_key_shown(emulator):
    plane, _core = a_control_plane(emulator)
    certificate = Module(emulator, 'gateway_certificate')
    keys = pki()
    emulator.clear_requests()
    assert_refused(certificate, dict(control_plane=plane, cert=keys['cert_a']), 'key: required to create a certificate')
    assert_refused(certificate, dict(control_plane=plane, id=MISSING, cert=keys['cert_a'], key=keys['key_a']),
                   'id: no certificate with id %s was found' % MISSING)
    assert_refused(certificate, dict(control_plane=MISSING, cert=keys['cert_a'], key=keys['key_a']), 'control_plane', MISSING)
    assert_refused(certificate, dict(control_plane=plane, key=keys['key_a']), 'cert', 'id')

    alone, sent = certificate.counted(control_plane=plane, cert=keys['cert_a'], key=keys['key_a'], cert_alt=keys['cert_b'])
    assert alone['failed'] and alone['status'] == 400 and "'cert_alt', 'key_alt'" in alone['msg'] and 'PRIVATE KEY' not in shown(alone)
    assert [request['status'] for request in writes(sent)] == [400]  # only the alternate pair reached Konnect, which refused it
    assert {request['base'] for request in emulator.requests()} == {'us'}

    bad_key, sent = certificate.counted(control_plane=plane, cert=keys['cert_a'], key='not-a-key')
    assert bad_key['failed'] and bad_key['status'] == 400 and 'key: invalid key: expected a PEM-encoded private key' in bad_key['msg']
    assert [request['status'] for request in writes(sent)] == [400]


def test_gateway_certificate_life_with_a_write_only_key(emulator):
    plane, core = a_control_plane(emulator)
    certificate = Module(emulator, 'gateway_certificate')
    keys = pki()
    wanted = dict(control_plane=plane, cert=keys['cert_a'], key=keys['key_a'], tags=['it-shop'])

    predicted, sent = certificate.counted(check_mode=True, diff=True, **wanted)
    made = predicted['gateway_certificate']
    assert predicted['changed'] and not writes(sent)
    assert made['id'] is None and made['cert'] == keys['cert_a'] and made['tags'] == ['it-shop']
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['cert'] == keys['cert_a']
    assert predicted['diff']['after']['key'] == MASK and predicted['diff']['after']['tags'] == ['it-shop']
    assert 'PRIVATE KEY' not in shown(predicted)

    created, sent = certificate.counted(diff=True, **wanted)
    made = created['gateway_certificate']
    cert_id = made['id']
    assert created['changed'] and len(cert_id) == 36
    assert (made['cert'], made['key'], made['tags'], made['snis']) == (keys['cert_a'], MASK, ['it-shop'], [])
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == cert_id and created['diff']['after']['key'] == MASK
    assert 'PRIVATE KEY' not in shown(created)
    [post] = writes(sent)
    assert (post['method'], post['path'], post['status']) == ('POST', core + '/certificates', 201)
    assert (post['body']['key'], post['body']['cert']) == (keys['key_a'], keys['cert_a'])

    again, sent = certificate.counted(**wanted)
    assert not again['changed'] and again['gateway_certificate']['id'] == cert_id and again['gateway_certificate']['key'] == MASK
    assert [(request['method'], request['path']) for request in sent] == [('GET', core + '/certificates')]
    other_key, sent = certificate.counted(control_plane=plane, cert=keys['cert_a'], key=keys['key_b'])
    assert not other_key['changed'] and other_key['gateway_certificate']['id'] == cert_id  # the write-only key is not compared
    assert methods(sent) == ['GET']

    by_name, sent = certificate.counted(control_plane='it-certs-cp', cert=keys['cert_a'])
    assert not by_name['changed']
    assert paths(sent) == ['/v2/control-planes', core + '/certificates']  # the name costs one more GET
    assert sent[0]['query']['filter[name][eq]'] == ['it-certs-cp']

    tagged = dict(control_plane=plane, cert=keys['cert_a'], key=keys['key_a'], tags=['it-public'])
    planned, sent = certificate.counted(check_mode=True, diff=True, **tagged)
    assert planned['changed'] and not writes(sent)
    assert sorted(planned['gateway_certificate']['tags']) == ['it-public', 'it-shop']
    assert planned['diff']['before']['tags'] == ['it-shop'] and sorted(planned['diff']['after']['tags']) == ['it-public', 'it-shop']
    assert (planned['diff']['before']['key'], planned['diff']['after']['key']) == (MASK, MASK)

    updated, sent = certificate.counted(diff=True, **tagged)
    assert updated['changed'] and updated['gateway_certificate']['id'] == cert_id and updated['gateway_certificate']['key'] == MASK
    assert sorted(updated['gateway_certificate']['tags']) == ['it-public', 'it-shop']
    assert updated['diff']['before']['tags'] == ['it-shop'] and sorted(updated['diff']['after']['tags']) == ['it-public', 'it-shop']
    assert (updated['diff']['before']['key'], updated['diff']['after']['key']) == (MASK, MASK)
    assert 'PRIVATE KEY' not in shown(updated)
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['cert']) == ('PUT', core + '/certificates/' + cert_id, keys['cert_a'])
    assert sorted(put['body']['tags']) == ['it-public', 'it-shop']


def test_gateway_sni_life_and_certificate_renewal_in_place(emulator):
    plane, core = a_control_plane(emulator)
    certificate, sni = Module(emulator, 'gateway_certificate'), Module(emulator, 'gateway_sni')
    keys = pki()
    cert_id = certificate(control_plane=plane, cert=keys['cert_a'], key=keys['key_a'], tags=['it-shop'])['gateway_certificate']['id']

    assert_refused(sni, dict(control_plane=plane, name='shop.it.example.com'), 'certificate')
    assert_refused(sni, dict(control_plane=plane, name='shop.it.example.com', certificate=MISSING),
                   'certificate: no certificate with id %s was found' % MISSING)
    assert_refused(sni, dict(control_plane=plane, name='shop.it.example.com', certificate=keys['ca_cert']), 'certificate: no certificate')
    assert_refused(sni, dict(control_plane=plane, certificate=cert_id), 'name', 'id')

    shop = dict(control_plane=plane, name='shop.it.example.com', certificate=cert_id, tags=['it-shop'])
    predicted, sent = sni.counted(check_mode=True, diff=True, **shop)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_sni']['id'] is None and predicted['gateway_sni']['name'] == 'shop.it.example.com'
    assert predicted['gateway_sni']['certificate']['id'] == cert_id
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'shop.it.example.com'
    assert predicted['diff']['after']['certificate'] == cert_id

    created, sent = sni.counted(diff=True, **shop)
    shop_id = created['gateway_sni']['id']
    assert created['changed'] and len(shop_id) == 36 and created['gateway_sni']['certificate']['id'] == cert_id
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == shop_id and created['diff']['after']['certificate'] == cert_id
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', core + '/snis')
    assert post['body'] == {'name': 'shop.it.example.com', 'certificate': {'id': cert_id}, 'tags': ['it-shop']}

    again, sent = sni.counted(**shop)
    assert not again['changed'] and again['gateway_sni']['id'] == shop_id
    assert [(request['method'], request['path']) for request in sent] == [('GET', core + '/snis/shop.it.example.com')]

    by_pem = sni(control_plane=plane, name='www.it.example.com', certificate=keys['cert_a'])
    assert by_pem['changed'] and by_pem['gateway_sni']['certificate']['id'] == cert_id  # the PEM text found the certificate
    listed = Module(emulator, 'gateway_certificate_info')(control_plane=plane, id=cert_id)['gateway_certificates']
    assert listed[0]['snis'] == ['shop.it.example.com', 'www.it.example.com']

    # renewal in place: one PUT to the same id with the new pair; the SNIs stay; the key masked
    renewed, sent = certificate.counted(diff=True, control_plane=plane, id=cert_id, cert=keys['cert_b'], key=keys['key_b'], update_secrets='always')
    assert renewed['changed'] and renewed['gateway_certificate']['id'] == cert_id
    assert (renewed['gateway_certificate']['cert'], renewed['gateway_certificate']['key']) == (keys['cert_b'], MASK)
    assert (renewed['diff']['before']['cert'], renewed['diff']['after']['cert'], renewed['diff']['after']['key']) == (keys['cert_a'], keys['cert_b'], MASK)
    assert 'PRIVATE KEY' not in shown(renewed)
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['key']) == ('PUT', core + '/certificates/' + cert_id, keys['key_b'])
    stored = konnect(emulator, 'GET', core + '/certificates/' + cert_id)
    assert (stored['cert'], stored['key'], stored['snis']) == (keys['cert_b'], keys['key_b'], ['shop.it.example.com', 'www.it.example.com'])


def test_gateway_certificate_alternate_pair_sni_move_info_and_cascade(emulator):
    # Set up behind the modules' back (as the test above leaves it: the renewed certificate and its two SNIs): this
    # machine's notes of recent creates would make the reads below wait for the SNIs the cascade removes (the engine
    # does not forget the creates of children a delete takes along).
    plane, core = a_control_plane(emulator)
    certificate, sni = Module(emulator, 'gateway_certificate'), Module(emulator, 'gateway_sni')
    keys = pki()
    cert_id = konnect(emulator, 'POST', core + '/certificates', {'cert': keys['cert_b'], 'key': keys['key_b']})['id']
    shop_id = konnect(emulator, 'POST', core + '/snis', {'name': 'shop.it.example.com', 'certificate': {'id': cert_id}})['id']
    www_id = konnect(emulator, 'POST', core + '/snis', {'name': 'www.it.example.com', 'certificate': {'id': cert_id}})['id']

    # a second certificate with an alternate pair: one POST with both keys, both masked; the re-run is one GET
    pairs = dict(control_plane=plane, cert=keys['cert_a'], key=keys['key_a'], cert_alt=keys['cert_b'], key_alt=keys['key_b'])
    second, sent = certificate.counted(diff=True, **pairs)
    second_id = second['gateway_certificate']['id']
    assert second['changed'] and second_id != cert_id and second['gateway_certificate']['cert_alt'] == keys['cert_b']
    assert (second['gateway_certificate']['key'], second['gateway_certificate']['key_alt'], second['diff']['after']['key_alt']) == (MASK, MASK, MASK)
    assert 'PRIVATE KEY' not in shown(second)
    [post] = writes(sent)
    assert (post['method'], post['body']['key'], post['body']['key_alt']) == ('POST', keys['key_a'], keys['key_b'])
    second_again, sent = certificate.counted(**pairs)
    assert not second_again['changed'] and [(request['method'], request['path']) for request in sent] == [('GET', core + '/certificates')]

    move = dict(control_plane=plane, name='www.it.example.com', certificate=second_id)
    planned, sent = sni.counted(check_mode=True, diff=True, **move)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['certificate'], planned['diff']['after']['certificate']) == (cert_id, second_id)
    moved, sent = sni.counted(diff=True, **move)
    assert moved['changed'] and moved['gateway_sni']['id'] == www_id and moved['gateway_sni']['certificate']['id'] == second_id
    assert (moved['diff']['before']['certificate'], moved['diff']['after']['certificate']) == (cert_id, second_id)
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['certificate']['id']) == ('PUT', core + '/snis/' + www_id, second_id)

    cert_info, sni_info = Module(emulator, 'gateway_certificate_info'), Module(emulator, 'gateway_sni_info')
    emulator.clear_requests()
    found = cert_info(control_plane=plane, cert=keys['cert_b'])
    assert not found['changed'] and [one['id'] for one in found['gateway_certificates']] == [cert_id]
    every = cert_info(control_plane=plane)
    assert len(every['gateway_certificates']) == 2 and {one['key'] for one in every['gateway_certificates']} == {MASK}
    assert 'PRIVATE KEY' not in shown(every)
    assert cert_info(control_plane=plane, id=MISSING)['gateway_certificates'] == []
    assert [one['id'] for one in sni_info(control_plane=plane, name='shop.it.example.com')['gateway_snis']] == [shop_id]
    assert [one['name'] for one in sni_info(control_plane=plane, filters={'name': {'contains': 'www'}})['gateway_snis']] == ['www.it.example.com']
    assert not writes(emulator.requests())

    gone = dict(control_plane=plane, name='www.it.example.com', state='absent')
    planned, sent = sni.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = sni.counted(**gone)
    twice, sent_twice = sni.counted(**gone)
    assert deleted['changed'] and deleted['gateway_sni'] == {} and not twice['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent + sent_twice)] == [
        ('DELETE', core + '/snis/' + www_id, 204)]
    assert (sent_twice[-1]['method'], sent_twice[-1]['path'], sent_twice[-1]['status']) == ('GET', core + '/snis/www.it.example.com', 404)

    # deleting the certificate takes its SNIs with it
    gone = dict(control_plane=plane, cert=keys['cert_b'], state='absent')
    planned, sent = certificate.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = certificate.counted(**gone)
    twice, sent_twice = certificate.counted(**gone)
    assert deleted['changed'] and deleted['gateway_certificate'] == {} and not twice['changed']
    assert [(request['method'], request['path'], request['status']) for request in writes(sent + sent_twice)] == [
        ('DELETE', core + '/certificates/' + cert_id, 204)]
    assert sni_info(control_plane=plane, name='shop.it.example.com')['gateway_snis'] == []
    assert sni_info(control_plane=plane)['gateway_snis'] == []

    # the same PEM with other surrounding white space is the same certificate: no change, no write
    blank, sent = certificate.counted(control_plane=plane, cert='\n\n' + keys['cert_a'].strip() + '\n   \n', key=keys['key_a'])
    assert not blank['changed'] and blank['gateway_certificate']['id'] == second_id and not writes(sent)
    assert [one['id'] for one in cert_info(control_plane=plane)['gateway_certificates']] == [second_id]


def test_gateway_ca_certificate_life(emulator):
    plane, core = a_control_plane(emulator)
    ca, info = Module(emulator, 'gateway_ca_certificate'), Module(emulator, 'gateway_ca_certificate_info')
    keys = pki()
    assert_refused(ca, dict(control_plane=plane, id=MISSING, cert=keys['ca_cert']), 'id: no CA certificate with id %s was found' % MISSING)
    assert_refused(ca, dict(control_plane=plane, tags=['it-ca']), 'cert', 'id')
    unknown_option = assert_refused(ca, dict(control_plane=plane, cert=keys['ca_cert'], key=keys['ca_key']), 'key')
    assert 'PRIVATE KEY' not in shown(unknown_option)

    not_pem, sent = ca.counted(control_plane=plane, cert='not a certificate')
    assert not_pem['failed'] and not_pem['status'] == 400 and 'cert: invalid certificate' in not_pem['msg']
    assert [request['status'] for request in writes(sent)] == [400]

    wanted = dict(control_plane=plane, cert=keys['ca_cert'], tags=['it-ca'])
    predicted, sent = ca.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_ca_certificate']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['cert'] == keys['ca_cert']
    assert predicted['diff']['after']['tags'] == ['it-ca']

    created, sent = ca.counted(diff=True, **wanted)
    ca_id = created['gateway_ca_certificate']['id']
    assert created['changed'] and len(ca_id) == 36
    assert created['gateway_ca_certificate']['cert_digest'] == keys['ca_digest']  # Konnect computed it
    assert created['gateway_ca_certificate']['tags'] == ['it-ca']
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == ca_id
    [post] = writes(sent)
    assert (post['method'], post['path'], post['body']) == ('POST', core + '/ca_certificates', {'cert': keys['ca_cert'], 'tags': ['it-ca']})

    again, sent = ca.counted(**wanted)
    assert not again['changed'] and again['gateway_ca_certificate']['id'] == ca_id
    assert [(request['method'], request['path']) for request in sent] == [('GET', core + '/ca_certificates')]

    tagged = dict(control_plane=plane, cert=keys['ca_cert'], tags=['it-mtls'])
    planned, sent = ca.counted(check_mode=True, diff=True, **tagged)
    assert planned['changed'] and not writes(sent)
    assert planned['diff']['before']['tags'] == ['it-ca'] and sorted(planned['diff']['after']['tags']) == ['it-ca', 'it-mtls']
    updated, sent = ca.counted(diff=True, **tagged)
    assert updated['changed'] and updated['gateway_ca_certificate']['id'] == ca_id
    assert sorted(updated['gateway_ca_certificate']['tags']) == ['it-ca', 'it-mtls']
    assert updated['diff']['before']['tags'] == ['it-ca'] and sorted(updated['diff']['after']['tags']) == ['it-ca', 'it-mtls']
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['cert']) == ('PUT', core + '/ca_certificates/' + ca_id, keys['ca_cert'])

    assert [one['id'] for one in info(control_plane=plane, cert=keys['ca_cert'])['gateway_ca_certificates']] == [ca_id]
    assert [one['id'] for one in info(control_plane=plane, id=ca_id)['gateway_ca_certificates']] == [ca_id]
    assert [one['id'] for one in info(control_plane=plane, filters={'cert_digest': keys['ca_digest']})['gateway_ca_certificates']] == [ca_id]

    planned, sent = ca.counted(check_mode=True, control_plane=plane, id=ca_id, state='absent')
    assert planned['changed'] and not writes(sent)
    gone = dict(control_plane=plane, cert=keys['ca_cert'], state='absent')
    deleted, sent = ca.counted(**gone)
    twice, sent_twice = ca.counted(**gone)
    assert deleted['changed'] and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', core + '/ca_certificates/' + ca_id)]
    assert (sent_twice[-1]['method'], sent_twice[-1]['path']) == ('GET', core + '/ca_certificates')

    # the same PEM with other surrounding white space is the same CA certificate: no change, no write
    first = ca(control_plane=plane, cert=keys['ca_cert'])
    blank, sent = ca.counted(control_plane=plane, cert='\n' + keys['ca_cert'].strip() + '\n\n\n')
    assert first['changed'] and not blank['changed'] and not writes(sent)
    assert blank['gateway_ca_certificate']['id'] == first['gateway_ca_certificate']['id']
