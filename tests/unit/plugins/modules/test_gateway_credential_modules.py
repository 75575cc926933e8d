# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The consumer credentials (gateway_key_auth, gateway_basic_auth, gateway_hmac_auth, gateway_jwt, gateway_acl,
gateway_mtls_auth) and their _info twins against the in-process emulator: the engine's decisions (requests sent,
predictions, write-only secrets never compared nor shown, rotation with update_secrets, check mode, refusals).

Moved from the integration target gateway_credentials (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

import hashlib

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import MASK, Module, assert_refused, konnect, paths, shown, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.throwaway_pki import pki

MISSING = '00000000-0000-4000-8000-000000000000'


class Consumers(object):
    """A control plane with the consumers it-alice and it-bob (made behind the modules' back)."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-creds-cp'})['id']
        self.core = '/v2/control-planes/%s/core-entities' % self.plane
        self.alice_id = konnect(emulator, 'POST', self.core + '/consumers', {'username': 'it-alice'})['id']
        self.bob_id = konnect(emulator, 'POST', self.core + '/consumers', {'username': 'it-bob'})['id']
        self.alice = '%s/consumers/%s' % (self.core, self.alice_id)

    def of_alice(self, **args):
        return dict(args, control_plane=self.plane, consumer=self.alice_id)

    def stored(self, path):
        """What Konnect keeps, secrets included."""
        return konnect(self.emulator, 'GET', self.alice + path)


def as_users_see_it(module, args, result):
    """The result with every no_log value of the arguments masked, as the action plugin (or AnsibleModule) returns it."""
    kwargs = module.task.module_kwargs()
    spec = kwargs.pop('argument_spec')
    kwargs.pop('supports_check_mode', None)
    validation = ArgumentSpecValidator(spec, **kwargs).validate(dict(module.connection_args(), **args))
    return remove_values(result, validation._no_log_values)  # pylint: disable=protected-access


def assert_deleted_once(module, args, path):
    planned, sent = module.counted(check_mode=True, **dict(args, state='absent'))
    assert planned['changed'] and not writes(sent)
    deleted, sent = module.counted(**dict(args, state='absent'))
    twice, sent_twice = module.counted(**dict(args, state='absent'))
    assert deleted['changed'] and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', path)]
    return deleted, sent_twice


def test_credential_bad_input_names_the_option_and_writes_nothing(emulator):
    given = Consumers(emulator)
    plane = given.plane
    assert_refused(Module(emulator, 'gateway_key_auth'), dict(control_plane=plane, consumer=MISSING, key='it-nobody-key'),
                   'consumer: no gateway consumer with id %s was found' % MISSING)
    assert_refused(Module(emulator, 'gateway_acl'), dict(control_plane=plane, consumer='it-nobody', group='it-readers'),
                   "consumer: no gateway consumer 'it-nobody' was found")
    assert_refused(Module(emulator, 'gateway_hmac_auth'), dict(control_plane=plane, username='it-alice-hmac'), 'consumer')
    assert_refused(Module(emulator, 'gateway_jwt'), given.of_alice(id=MISSING, key='it-alice-iss'), 'id: no JWT credential with id %s was found' % MISSING)
    assert_refused(Module(emulator, 'gateway_basic_auth'), given.of_alice(username='it-alice'), 'password: required to create a basic-auth credential')
    assert_refused(Module(emulator, 'gateway_key_auth'), given.of_alice(tags=['it-creds']), 'key', 'id')
    assert_refused(Module(emulator, 'gateway_jwt'), given.of_alice(key='it-alice-iss', algorithm='HS1024'), 'algorithm', 'HS1024')
    assert_refused(Module(emulator, 'gateway_mtls_auth'), given.of_alice(subject_name='alice.it.example.com', ca_certificate=MISSING),
                   'ca_certificate: no CA certificate with id %s was found' % MISSING)
    assert_refused(Module(emulator, 'gateway_acl'), given.of_alice(), 'group', 'id')


def test_gateway_key_auth_the_key_is_its_name_and_its_secret(emulator):
    given = Consumers(emulator)
    key_auth, info = Module(emulator, 'gateway_key_auth'), Module(emulator, 'gateway_key_auth_info')
    wanted = given.of_alice(key='it-alice-key-2026-a', tags=['it-creds'])

    predicted, sent = key_auth.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_key_auth']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['key'] == MASK and predicted['diff']['after']['tags'] == ['it-creds']
    assert 'it-alice-key-2026-a' not in shown(predicted)

    created, sent = key_auth.counted(diff=True, **wanted)
    key_id = created['gateway_key_auth']['id']
    assert created['changed'] and len(key_id) == 36 and created['gateway_key_auth']['key'] == MASK
    assert created['gateway_key_auth']['consumer']['id'] == given.alice_id and created['diff']['after']['key'] == MASK
    assert 'it-alice-key-2026-a' not in shown(created)
    [post] = writes(sent)
    assert (post['method'], post['path'], post['body']) == ('POST', given.alice + '/key-auth', {'key': 'it-alice-key-2026-a', 'tags': ['it-creds']})

    again, sent = key_auth.counted(**wanted)
    assert not again['changed'] and again['gateway_key_auth']['id'] == key_id
    assert [(request['method'], request['path']) for request in sent] == [('GET', given.alice + '/key-auth')]
    not_sent, sent = key_auth.counted(**given.of_alice(id=key_id, key='it-alice-key-2026-b'))
    assert not not_sent['changed'] and paths(sent) == [given.alice + '/key-auth/' + key_id]  # without update_secrets

    rotate = given.of_alice(id=key_id, key='it-alice-key-2026-b', update_secrets='always')
    planned, sent = key_auth.counted(check_mode=True, **rotate)
    assert planned['changed'] and not writes(sent)
    rotated, sent = key_auth.counted(diff=True, **rotate)
    assert rotated['changed'] and rotated['gateway_key_auth']['id'] == key_id and rotated['gateway_key_auth']['key'] == MASK
    assert (rotated['diff']['before']['key'], rotated['diff']['after']['key']) == (MASK, MASK)
    assert 'it-alice-key-2026-b' not in shown(rotated)
    [put] = writes(sent)  # one PUT to the same credential: no delete, no create
    assert (put['method'], put['path'], put['body']['key'], put['body']['tags']) == ('PUT', given.alice + '/key-auth/' + key_id, 'it-alice-key-2026-b',
                                                                                     ['it-creds'])
    assert given.stored('/key-auth/' + key_id)['key'] == 'it-alice-key-2026-b'
    found = info(**given.of_alice(key='it-alice-key-2026-b'))['gateway_key_auths']
    assert [one['id'] for one in found] == [key_id] and found[0]['key'] == MASK
    # the old key is gone, and looking it up reads once: the engine forgot its note of creating it under that key
    emulator.clear_requests()
    assert info(**given.of_alice(key='it-alice-key-2026-a'))['gateway_key_auths'] == []
    assert len(emulator.requests()) == 1, 'a lookup of the rotated key waited for it: %s' % emulator.requests()

    tag = given.of_alice(key='it-alice-key-2026-b', tags=['it-partner'])
    planned, sent = key_auth.counted(check_mode=True, diff=True, **tag)
    assert planned['changed'] and not writes(sent)
    assert planned['diff']['before']['tags'] == ['it-creds'] and sorted(planned['diff']['after']['tags']) == ['it-creds', 'it-partner']
    tagged, sent = key_auth.counted(diff=True, **tag)
    assert tagged['changed'] and tagged['gateway_key_auth']['id'] == key_id and tagged['diff']['after']['key'] == MASK
    assert tagged['diff']['before']['tags'] == ['it-creds'] and sorted(tagged['diff']['after']['tags']) == ['it-creds', 'it-partner']
    [put] = writes(sent)  # the key kept
    assert (put['method'], put['path'], put['body']['key']) == ('PUT', given.alice + '/key-auth/' + key_id, 'it-alice-key-2026-b')

    bobs = dict(control_plane=given.plane, consumer=given.bob_id, key='it-alice-key-2026-b')
    taken, sent = key_auth.counted(**bobs)  # Kong allows each key once
    assert taken['failed'] and taken['status'] == 400 and 'key' in taken['msg']
    assert 'it-alice-key-2026-b' not in shown(as_users_see_it(key_auth, bobs, taken))  # the message names it, masked as no_log
    assert [request['status'] for request in writes(sent)] == [400]

    deleted, sent_twice = assert_deleted_once(key_auth, given.of_alice(key='it-alice-key-2026-b'), given.alice + '/key-auth/' + key_id)
    assert deleted['gateway_key_auth'] == {}
    assert (sent_twice[-1]['method'], sent_twice[-1]['path']) == ('GET', given.alice + '/key-auth')


def test_gateway_basic_auth_konnect_keeps_only_a_hash(emulator):
    given = Consumers(emulator)
    basic = Module(emulator, 'gateway_basic_auth')
    wanted = given.of_alice(username='it-alice', password='it-Passw0rd-1', tags=['it-creds'])

    def konnect_hash(password):
        return hashlib.sha1((password + given.alice_id).encode()).hexdigest()

    predicted, sent = basic.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_basic_auth']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['username'] == 'it-alice'
    assert predicted['diff']['after']['password'] == MASK and 'it-Passw0rd-1' not in shown(predicted)

    created, sent = basic.counted(diff=True, **wanted)
    basic_id = created['gateway_basic_auth']['id']
    stored_first = given.stored('/basic-auth/' + basic_id)['password']
    assert created['changed'] and created['gateway_basic_auth']['password'] == MASK and created['diff']['after']['password'] == MASK
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', given.alice + '/basic-auth')
    assert post['body'] == {'username': 'it-alice', 'password': 'it-Passw0rd-1', 'tags': ['it-creds']}
    assert stored_first == konnect_hash('it-Passw0rd-1')
    assert 'it-Passw0rd-1' not in shown(created) and stored_first not in shown(created)

    again, sent = basic.counted(**wanted)
    assert not again['changed'] and again['gateway_basic_auth']['id'] == basic_id and paths(sent) == [given.alice + '/basic-auth']
    not_sent, sent = basic.counted(**given.of_alice(username='it-alice', password='it-Passw0rd-2'))
    assert not not_sent['changed'] and [request['method'] for request in sent] == ['GET']

    assert_refused(basic, given.of_alice(username='it-alice', tags=['it-partner']), 'password: needed to change this basic-auth credential', 'hash')

    tag = given.of_alice(username='it-alice', password='it-Passw0rd-1', tags=['it-partner'])
    planned, sent = basic.counted(check_mode=True, diff=True, **tag)
    assert planned['changed'] and not writes(sent) and planned['diff']['after']['password'] == MASK
    assert planned['diff']['before']['tags'] == ['it-creds'] and sorted(planned['diff']['after']['tags']) == ['it-creds', 'it-partner']
    tagged, sent = basic.counted(diff=True, **tag)
    assert tagged['changed'] and tagged['gateway_basic_auth']['id'] == basic_id
    assert tagged['diff']['before']['tags'] == ['it-creds'] and sorted(tagged['diff']['after']['tags']) == ['it-creds', 'it-partner']
    assert (tagged['diff']['before']['password'], tagged['diff']['after']['password']) == (MASK, MASK)
    [put] = writes(sent)  # the task's password, not the stored hash; the hash stays the same
    assert (put['method'], put['path'], put['body']['password']) == ('PUT', given.alice + '/basic-auth/' + basic_id, 'it-Passw0rd-1')
    assert sorted(put['body']['tags']) == ['it-creds', 'it-partner']
    assert given.stored('/basic-auth/' + basic_id)['password'] == stored_first

    change = given.of_alice(username='it-alice', password='it-Passw0rd-2', update_secrets='always')
    planned, sent = basic.counted(check_mode=True, **change)
    assert planned['changed'] and not writes(sent)
    changed, sent = basic.counted(diff=True, **change)
    stored_now = given.stored('/basic-auth/' + basic_id)['password']
    assert changed['changed'] and changed['gateway_basic_auth']['id'] == basic_id and changed['gateway_basic_auth']['password'] == MASK
    assert (changed['diff']['before']['password'], changed['diff']['after']['password']) == (MASK, MASK)
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['password']) == ('PUT', given.alice + '/basic-auth/' + basic_id, 'it-Passw0rd-2')
    assert sorted(put['body']['tags']) == ['it-creds', 'it-partner']
    assert stored_now != stored_first and stored_now == konnect_hash('it-Passw0rd-2')
    assert stored_now not in shown(changed) and 'it-Passw0rd-2' not in shown(changed)

    found = Module(emulator, 'gateway_basic_auth_info')(control_plane=given.plane, consumer='it-alice', username='it-alice')
    assert [one['id'] for one in found['gateway_basic_auths']] == [basic_id] and found['gateway_basic_auths'][0]['password'] == MASK
    assert stored_now not in shown(found)

    assert_deleted_once(basic, given.of_alice(username='it-alice'), given.alice + '/basic-auth/' + basic_id)


def test_gateway_hmac_auth_with_a_given_and_a_generated_secret(emulator):
    given = Consumers(emulator)
    hmac = Module(emulator, 'gateway_hmac_auth')
    wanted = given.of_alice(username='it-alice-hmac', secret='it-hmac-secret-1')

    predicted, sent = hmac.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent)
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['secret'] == MASK

    emulator.clear_requests()
    created = hmac(diff=True, **wanted)
    generated = hmac(diff=True, **given.of_alice(username='it-alice-hmac-generated'))
    hmac_id = created['gateway_hmac_auth']['id']
    stored_generated = given.stored('/hmac-auth/' + generated['gateway_hmac_auth']['id'])['secret']
    assert created['changed'] and generated['changed']
    assert created['gateway_hmac_auth']['secret'] == MASK and created['diff']['after']['secret'] == MASK
    assert generated['gateway_hmac_auth']['secret'] == MASK
    assert len(stored_generated) == 32 and stored_generated not in shown([created, generated])
    posts = writes(emulator.requests())
    assert [request['method'] for request in posts] == ['POST', 'POST']
    assert posts[0]['body'] == {'username': 'it-alice-hmac', 'secret': 'it-hmac-secret-1'} and posts[1]['body'] == {'username': 'it-alice-hmac-generated'}

    emulator.clear_requests()
    assert not hmac(**wanted)['changed']
    assert not hmac(**given.of_alice(username='it-alice-hmac', secret='it-hmac-secret-2'))['changed']  # without update_secrets
    assert [request['method'] for request in emulator.requests()] == ['GET', 'GET']
    assert set(paths(emulator.requests())) == {given.alice + '/hmac-auth'}

    rotate = given.of_alice(username='it-alice-hmac', secret='it-hmac-secret-2', update_secrets='always')
    planned, sent = hmac.counted(check_mode=True, **rotate)
    assert planned['changed'] and not writes(sent)
    rotated, sent = hmac.counted(diff=True, **rotate)
    assert rotated['changed'] and rotated['gateway_hmac_auth']['id'] == hmac_id and rotated['gateway_hmac_auth']['secret'] == MASK
    assert (rotated['diff']['before']['secret'], rotated['diff']['after']['secret']) == (MASK, MASK)
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', given.alice + '/hmac-auth/' + hmac_id)
    assert put['body'] == {'username': 'it-alice-hmac', 'secret': 'it-hmac-secret-2', 'consumer': {'id': given.alice_id}}
    assert given.stored('/hmac-auth/' + hmac_id)['secret'] == 'it-hmac-secret-2'

    rename = given.of_alice(id=hmac_id, username='it-alice-signer')
    planned, sent = hmac.counted(check_mode=True, diff=True, **rename)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['username'], planned['diff']['after']['username']) == ('it-alice-hmac', 'it-alice-signer')
    renamed, sent = hmac.counted(diff=True, **rename)
    assert renamed['changed'] and (renamed['diff']['before']['username'], renamed['diff']['after']['username']) == ('it-alice-hmac', 'it-alice-signer')
    assert 'it-hmac-secret-2' not in shown(renamed)
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', given.alice + '/hmac-auth/' + hmac_id)
    stored = given.stored('/hmac-auth/' + hmac_id)
    assert (stored['username'], stored['secret']) == ('it-alice-signer', 'it-hmac-secret-2')  # the secret Konnect holds is kept

    listed = Module(emulator, 'gateway_hmac_auth_info')(**given.of_alice())
    assert sorted(one['username'] for one in listed['gateway_hmac_auths']) == ['it-alice-hmac-generated', 'it-alice-signer']
    assert {one['secret'] for one in listed['gateway_hmac_auths']} == {MASK}
    assert stored_generated not in shown(listed) and 'it-hmac-secret-2' not in shown(listed)

    assert_deleted_once(hmac, given.of_alice(username='it-alice-signer'), given.alice + '/hmac-auth/' + hmac_id)


def test_gateway_jwt_with_a_shared_secret_and_a_public_key(emulator):
    given = Consumers(emulator)
    jwt = Module(emulator, 'gateway_jwt')
    keys = pki()

    refused, sent = jwt.counted(**given.of_alice(key='it-alice-rs', algorithm='RS256'))
    assert refused['failed'] and refused['status'] == 400 and "failed conditional validation given value of field 'algorithm'" in refused['msg']
    assert [request['status'] for request in writes(sent)] == [400]

    shared = given.of_alice(key='it-alice-iss', algorithm='HS256', secret='it-jwt-secret-1')
    predicted, sent = jwt.counted(check_mode=True, diff=True, **shared)
    assert predicted['changed'] and not writes(sent)
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['key'] == 'it-alice-iss' and predicted['diff']['after']['secret'] == MASK

    public = given.of_alice(key='it-alice-rs', algorithm='RS256', rsa_public_key=keys['public_a'])
    emulator.clear_requests()
    created, created_rs = jwt(diff=True, **shared), jwt(diff=True, **public)
    jwt_id, jwt_rs_id = created['gateway_jwt']['id'], created_rs['gateway_jwt']['id']
    generated = given.stored('/jwt/' + jwt_rs_id)['secret']
    assert created['changed'] and created_rs['changed']
    assert created['gateway_jwt']['secret'] == MASK and created['diff']['after']['secret'] == MASK
    assert created_rs['gateway_jwt']['rsa_public_key'] == keys['public_a'] and created_rs['gateway_jwt']['secret'] == MASK  # not a secret
    assert len(generated) == 32 and generated not in shown([created, created_rs])
    posts = writes(emulator.requests())
    assert [request['method'] for request in posts] == ['POST', 'POST']
    assert posts[0]['body'] == {'key': 'it-alice-iss', 'algorithm': 'HS256', 'secret': 'it-jwt-secret-1'}
    assert posts[1]['body']['rsa_public_key'] == keys['public_a']

    emulator.clear_requests()
    assert not jwt(**shared)['changed']
    assert not jwt(**given.of_alice(key='it-alice-iss', secret='it-jwt-secret-2'))['changed']  # without update_secrets
    assert not jwt(**public)['changed']
    assert [request['method'] for request in emulator.requests()] == ['GET'] * 3
    assert set(paths(emulator.requests())) == {given.alice + '/jwt'}

    other_key = given.of_alice(key='it-alice-rs', rsa_public_key=keys['public_b'], algorithm='ES256')
    planned, sent = jwt.counted(check_mode=True, diff=True, **other_key)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['algorithm'], planned['diff']['after']['algorithm']) == ('RS256', 'ES256')
    assert planned['diff']['after']['rsa_public_key'] == keys['public_b']
    updated, sent = jwt.counted(diff=True, **other_key)  # the public key is compared like any field
    assert updated['changed'] and updated['gateway_jwt']['id'] == jwt_rs_id
    assert (updated['diff']['before']['rsa_public_key'], updated['diff']['after']['rsa_public_key']) == (keys['public_a'], keys['public_b'])
    assert generated not in shown(updated)
    [put] = writes(sent)  # its generated secret kept
    assert (put['method'], put['path'], put['body']['rsa_public_key'], put['body']['secret']) == (
        'PUT', given.alice + '/jwt/' + jwt_rs_id, keys['public_b'], generated)

    rotated, sent = jwt.counted(diff=True, **given.of_alice(key='it-alice-iss', secret='it-jwt-secret-2', update_secrets='always'))
    assert rotated['changed'] and rotated['gateway_jwt']['id'] == jwt_id
    assert (rotated['diff']['before']['secret'], rotated['diff']['after']['secret']) == (MASK, MASK)
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']['secret']) == ('PUT', given.alice + '/jwt/' + jwt_id, 'it-jwt-secret-2')
    stored = given.stored('/jwt/' + jwt_id)
    assert (stored['secret'], stored['algorithm']) == ('it-jwt-secret-2', 'HS256')

    info = Module(emulator, 'gateway_jwt_info')
    by_key = info(**given.of_alice(key='it-alice-iss'))
    by_algorithm = info(**given.of_alice(filters={'algorithm': 'ES256'}))
    assert [one['id'] for one in by_key['gateway_jwts']] == [jwt_id] and by_key['gateway_jwts'][0]['secret'] == MASK
    assert [one['id'] for one in by_algorithm['gateway_jwts']] == [jwt_rs_id]
    assert generated not in shown([by_key, by_algorithm])

    assert_deleted_once(jwt, given.of_alice(key='it-alice-iss'), given.alice + '/jwt/' + jwt_id)


def test_gateway_acl_life(emulator):
    given = Consumers(emulator)
    acl = Module(emulator, 'gateway_acl')
    readers = given.of_alice(group='it-readers')

    predicted, sent = acl.counted(check_mode=True, diff=True, **readers)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_acl']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['group'] == 'it-readers'

    created, sent = acl.counted(diff=True, **readers)
    acl_id = created['gateway_acl']['id']
    assert created['changed'] and len(acl_id) == 36 and created['diff']['after']['id'] == acl_id
    [post] = writes(sent)
    assert (post['method'], post['path'], post['body']) == ('POST', given.alice + '/acls', {'group': 'it-readers'})

    again, sent = acl.counted(**readers)
    assert not again['changed'] and paths(sent) == [given.alice + '/acls']
    by_name, sent = acl.counted(control_plane=given.plane, consumer='it-alice', group='it-readers')
    assert not by_name['changed'] and paths(sent) == [given.core + '/consumers/it-alice', given.alice + '/acls']  # one more for the name

    move = given.of_alice(id=acl_id, group='it-writers')
    planned, sent = acl.counted(check_mode=True, diff=True, **move)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['group'], planned['diff']['after']['group']) == ('it-readers', 'it-writers')
    moved, sent = acl.counted(diff=True, tags=['it-creds'], **move)
    assert moved['changed'] and moved['gateway_acl']['id'] == acl_id and moved['gateway_acl']['group'] == 'it-writers'
    assert (moved['diff']['before']['group'], moved['diff']['after']['group'], moved['diff']['after']['tags']) == ('it-readers', 'it-writers', ['it-creds'])
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', given.alice + '/acls/' + acl_id)
    assert put['body'] == {'group': 'it-writers', 'tags': ['it-creds'], 'consumer': {'id': given.alice_id}}

    found = Module(emulator, 'gateway_acl_info')(**given.of_alice(group='it-writers'))['gateway_acls']
    assert [one['id'] for one in found] == [acl_id]

    assert_deleted_once(acl, given.of_alice(group='it-writers'), given.alice + '/acls/' + acl_id)


def test_gateway_mtls_auth_with_and_without_a_ca_certificate(emulator):
    given = Consumers(emulator)
    mtls = Module(emulator, 'gateway_mtls_auth')
    keys = pki()
    ca_id = Module(emulator, 'gateway_ca_certificate')(control_plane=given.plane, cert=keys['ca_cert'])['gateway_ca_certificate']['id']
    plain = given.of_alice(subject_name='alice.it.example.com')
    with_ca = given.of_alice(subject_name='alice-ca.it.example.com', ca_certificate=ca_id)

    predicted, sent = mtls.counted(check_mode=True, diff=True, **plain)
    assert predicted['changed'] and not writes(sent)
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['subject_name'] == 'alice.it.example.com'

    emulator.clear_requests()
    created, created_ca = mtls(diff=True, **plain), mtls(diff=True, **with_ca)
    plain_id, ca_mtls_id = created['gateway_mtls_auth']['id'], created_ca['gateway_mtls_auth']['id']
    assert created['changed'] and created_ca['changed'] and created['gateway_mtls_auth'].get('ca_certificate') is None
    assert created_ca['gateway_mtls_auth']['ca_certificate']['id'] == ca_id and created_ca['diff']['after']['ca_certificate'] == ca_id
    posts = writes(emulator.requests())
    assert [request['method'] for request in posts] == ['POST', 'POST']
    assert posts[0]['body'] == {'subject_name': 'alice.it.example.com'}
    assert posts[1]['body'] == {'subject_name': 'alice-ca.it.example.com', 'ca_certificate': {'id': ca_id}}

    emulator.clear_requests()
    assert not mtls(**plain)['changed']
    again = mtls(**with_ca)
    assert not again['changed'] and again['gateway_mtls_auth']['id'] == ca_mtls_id
    assert paths(emulator.requests()) == [given.alice + '/mtls-auth'] * 2
    by_pem, sent = mtls.counted(**given.of_alice(subject_name='alice-ca.it.example.com', ca_certificate=keys['ca_cert']))
    assert not by_pem['changed'] and by_pem['gateway_mtls_auth']['id'] == ca_mtls_id
    assert paths(sent) == [given.core + '/ca_certificates', given.alice + '/mtls-auth']  # one more to find the CA by its PEM

    tag = dict(plain, tags=['it-creds'])
    planned, sent = mtls.counted(check_mode=True, diff=True, **tag)
    assert planned['changed'] and not writes(sent) and planned['diff']['after']['tags'] == ['it-creds']
    emulator.clear_requests()
    tagged = mtls(diff=True, **tag)
    renamed = mtls(diff=True, **given.of_alice(id=ca_mtls_id, subject_name='alice-partner.it.example.com'))  # its CA left out
    assert tagged['changed'] and tagged['gateway_mtls_auth']['id'] == plain_id and tagged['diff']['after']['tags'] == ['it-creds']
    assert renamed['changed']
    assert (renamed['diff']['before']['subject_name'], renamed['diff']['after']['subject_name']) == ('alice-ca.it.example.com', 'alice-partner.it.example.com')
    assert renamed['gateway_mtls_auth']['ca_certificate']['id'] == ca_id  # the CA one keeps its CA
    puts = writes(emulator.requests())
    assert [(request['method'], request['path']) for request in puts] == [('PUT', given.alice + '/mtls-auth/' + plain_id),
                                                                          ('PUT', given.alice + '/mtls-auth/' + ca_mtls_id)]
    assert puts[1]['body']['ca_certificate']['id'] == ca_id

    info = Module(emulator, 'gateway_mtls_auth_info')
    assert [one['id'] for one in info(**given.of_alice(subject_name='alice.it.example.com'))['gateway_mtls_auths']] == [plain_id]
    assert [one['id'] for one in info(**given.of_alice(subject_name='alice-partner.it.example.com'))['gateway_mtls_auths']] == [ca_mtls_id]

    assert_deleted_once(mtls, plain, given.alice + '/mtls-auth/' + plain_id)
    deleted, sent = mtls.counted(state='absent', **given.of_alice(subject_name='alice-partner.it.example.com', ca_certificate=ca_id))
    assert deleted['changed'] and [(request['method'], request['path']) for request in writes(sent)] == [('DELETE', given.alice + '/mtls-auth/' + ca_mtls_id)]
    assert info(**given.of_alice())['gateway_mtls_auths'] == []
