# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""gateway_key_set, gateway_key, gateway_vault, gateway_partial and their _info twins against the in-process emulator:
the engine's decisions (requests sent, predictions, write-only secrets, comparisons, check mode, refusals).

Moved from the integration target gateway_keys (issue 13), which keeps one thin run through real playbooks.
"""

from __future__ import annotations

import json

from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import MASK, Module, assert_refused, konnect, paths, shown, writes
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.throwaway_pki import pki

MISSING = '00000000-0000-4000-8000-000000000000'
JWK_RSA_TEXT = ('{"kty": "RSA", "kid": "it-rsa-1", "use": "sig", "alg": "RS256", "e": "AQAB", '
                '"n": "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_IzW7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tF"}')
JWK_EC = dict(kty='EC', crv='P-256', kid='it-ec-1', x='f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
              y='x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', d='jpsQnnGQmL-YBIffH1136cLyQ6lYRv-HQfdg8PfZrZY')
OTHER_D = 'bm90LXRoZS1zYW1lLWtleS1hdC1hbGwtYXQtYWxs'


def a_control_plane(emulator):
    plane = konnect(emulator, 'POST', '/v2/control-planes', {'name': 'it-keys-cp'})['id']
    return plane, '/v2/control-planes/%s/core-entities' % plane


def a_key_set(emulator, plane, name='it-jwe-2026'):
    return Module(emulator, 'gateway_key_set')(control_plane=plane, name=name, tags=['it-keys'])['gateway_key_set']['id']


def test_gateway_key_set_bad_input_is_refused_before_any_write(emulator):
    plane, _core = a_control_plane(emulator)
    key_set = Module(emulator, 'gateway_key_set')
    assert_refused(key_set, dict(control_plane=plane, id=MISSING, name='it-jwe'), 'id: no key set with id %s was found' % MISSING)
    assert_refused(key_set, dict(control_plane=plane, tags=['it-keys']), 'name', 'id')
    assert_refused(key_set, dict(control_plane='it-nowhere', name='it-jwe'), "control_plane: no control plane 'it-nowhere' was found")


def test_gateway_key_set_life(emulator):
    plane, core = a_control_plane(emulator)
    key_set = Module(emulator, 'gateway_key_set')
    wanted = dict(control_plane=plane, name='it-jwe', tags=['it-keys'])

    predicted, sent = key_set.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_key_set']['id'] is None and predicted['gateway_key_set']['name'] == 'it-jwe'
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['name'] == 'it-jwe'

    created, sent = key_set.counted(diff=True, **wanted)
    set_id = created['gateway_key_set']['id']
    assert created['changed'] and len(set_id) == 36
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == set_id and created['diff']['after']['tags'] == ['it-keys']
    [post] = writes(sent)
    assert (post['method'], post['path'], post['body']) == ('POST', core + '/key-sets', {'name': 'it-jwe', 'tags': ['it-keys']})

    again, sent = key_set.counted(**wanted)
    assert not again['changed'] and again['gateway_key_set']['id'] == set_id
    assert [(request['method'], request['path']) for request in sent] == [('GET', core + '/key-sets/it-jwe')]

    planned, sent = key_set.counted(check_mode=True, diff=True, control_plane=plane, id=set_id, name='it-jwe-2026')
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['name'], planned['diff']['after']['name']) == ('it-jwe', 'it-jwe-2026')

    renamed, sent = key_set.counted(diff=True, control_plane=plane, id=set_id, name='it-jwe-2026')
    assert renamed['changed'] and renamed['gateway_key_set']['id'] == set_id and renamed['gateway_key_set']['name'] == 'it-jwe-2026'
    assert (renamed['diff']['before']['name'], renamed['diff']['after']['name']) == ('it-jwe', 'it-jwe-2026')
    [put] = writes(sent)
    assert (put['method'], put['path'], put['body']) == ('PUT', core + '/key-sets/' + set_id, {'name': 'it-jwe-2026', 'tags': ['it-keys']})


def test_gateway_key_bad_input_is_refused_before_any_write(emulator):
    plane, _core = a_control_plane(emulator)
    key = Module(emulator, 'gateway_key')
    rsa = dict(control_plane=plane, name='it-rsa', kid='it-rsa-1', jwk=JWK_RSA_TEXT)
    assert_refused(key, dict(control_plane=plane, name='it-no-kid', jwk=JWK_RSA_TEXT), 'kid: required to create a key')
    assert_refused(key, dict(rsa, key_set='it-nowhere'), "key_set: no key set 'it-nowhere' was found")
    assert_refused(key, dict(rsa, key_set=MISSING), 'key_set: no key set with id %s was found' % MISSING)
    refused = assert_refused(key, dict(control_plane=plane, name='it-pem', kid='it-pem-1',
                                       pem=dict(public_key=pki()['public_a'], secret_key=pki()['key_a'])), 'secret_key')
    assert 'PRIVATE KEY' not in shown(refused)


def test_gateway_key_konnect_refusals_name_the_fields_and_create_nothing(emulator):
    plane, _core = a_control_plane(emulator)
    key = Module(emulator, 'gateway_key')
    mismatch, sent_mismatch = key.counted(control_plane=plane, name='it-rsa', kid='it-other', jwk=JWK_RSA_TEXT)
    assert mismatch['failed'] and mismatch['status'] == 400 and 'kid in jwk.kid must be equal to keys.kid' in mismatch['msg']
    both, sent_both = key.counted(control_plane=plane, name='it-rsa', kid='it-rsa-1', jwk=JWK_RSA_TEXT, pem=dict(public_key=pki()['public_a']))
    assert both['failed'] and "only one or none of these fields must be set: 'jwk', 'pem'" in both['msg']
    assert [request['status'] for request in writes(sent_mismatch + sent_both)] == [400, 400]
    assert Module(emulator, 'gateway_key_info')(control_plane=plane, name='it-rsa')['gateway_keys'] == []


def test_gateway_key_jwk_as_text_and_as_dict_in_a_key_set(emulator):
    plane, core = a_control_plane(emulator)
    set_id = a_key_set(emulator, plane)
    key = Module(emulator, 'gateway_key')
    rsa = dict(control_plane=plane, name='it-rsa', kid='it-rsa-1', jwk=JWK_RSA_TEXT, key_set='it-jwe-2026')

    predicted, sent = key.counted(check_mode=True, diff=True, **rsa)
    assert predicted['changed'] and not writes(sent)
    assert predicted['gateway_key']['id'] is None and predicted['gateway_key']['set']['id'] == set_id
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['jwk'] == MASK
    assert predicted['diff']['after']['key_set'] == 'it-jwe-2026 (%s)' % set_id  # the name the task gave, beside the id
    assert 'u1SU1LfVLPHCozMxH2Mo4lg' not in shown(predicted)

    text, sent = key.counted(diff=True, tags=['it-keys'], **rsa)
    assert text['changed'] and len(text['gateway_key']['id']) == 36 and text['gateway_key']['jwk'] == MASK
    assert text['gateway_key']['set']['id'] == set_id and text['diff']['after']['jwk'] == MASK
    assert 'u1SU1LfVLPHCozMxH2Mo4lg' not in shown(text)
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', core + '/keys')
    assert isinstance(post['body']['jwk'], str) and json.loads(post['body']['jwk']) == json.loads(JWK_RSA_TEXT)
    assert post['body']['set']['id'] == set_id and post['body']['kid'] == 'it-rsa-1'

    ec = dict(control_plane=plane, name='it-ec', kid='it-ec-1', jwk=JWK_EC, key_set=set_id)
    as_dict, sent = key.counted(diff=True, **ec)
    assert as_dict['changed'] and as_dict['gateway_key']['jwk'] == MASK and as_dict['gateway_key']['set']['id'] == set_id
    assert as_dict['diff']['after']['jwk'] == MASK and 'jpsQnnGQmL' not in shown(as_dict)
    [post] = writes(sent)
    assert isinstance(post['body']['jwk'], str) and json.loads(post['body']['jwk']) == JWK_EC and post['body']['set']['id'] == set_id

    # unchanged: one GET a task with ids, one more for the key set's name
    emulator.clear_requests()
    assert not key(**dict(rsa, key_set=set_id))['changed'] and not key(**ec)['changed']
    assert [(request['method'], request['path']) for request in emulator.requests()] == [('GET', core + '/keys/it-rsa'), ('GET', core + '/keys/it-ec')]
    again, sent = key.counted(**rsa)
    assert not again['changed'] and paths(sent) == [core + '/key-sets/it-jwe-2026', core + '/keys/it-rsa']

    # the write-only JWK is not compared unless update_secrets says so
    other = dict(ec)
    other['jwk'] = dict(JWK_EC, d=OTHER_D)
    ignored, sent = key.counted(**other)
    assert not ignored['changed'] and len(sent) == 1 and not writes(sent)
    replaced, sent = key.counted(diff=True, update_secrets='always', **other)
    made = as_dict['gateway_key']['id']
    assert replaced['changed'] and replaced['gateway_key']['id'] == made and replaced['gateway_key']['jwk'] == MASK
    assert (replaced['diff']['before']['jwk'], replaced['diff']['after']['jwk']) == (MASK, MASK)
    assert 'bm90LXRoZS1zYW1l' not in shown(replaced)
    [put] = writes(sent)
    assert (put['method'], put['path']) == ('PUT', core + '/keys/' + made)
    stored = konnect(emulator, 'GET', core + '/keys/' + made)
    assert json.loads(stored['jwk'])['d'] == OTHER_D and stored['set']['id'] == set_id


def test_gateway_key_pem_with_a_write_only_private_key(emulator):
    plane, core = a_control_plane(emulator)
    key = Module(emulator, 'gateway_key')
    keys = pki()
    pair_a = dict(public_key=keys['public_a'], private_key=keys['key_a'])
    pem = dict(control_plane=plane, name='it-pem', kid='it-pem-1', pem=pair_a)

    created, sent = key.counted(diff=True, **pem)
    made = created['gateway_key']
    assert created['changed'] and made['pem'] == dict(public_key=keys['public_a'], private_key=MASK) and made.get('set') is None
    assert created['diff']['after']['pem'] == dict(public_key=keys['public_a'], private_key=MASK)
    assert 'PRIVATE KEY' not in shown(created)
    [post] = writes(sent)
    assert post['body']['pem'] == pair_a and 'set' not in post['body']

    emulator.clear_requests()
    assert not key(**pem)['changed']
    assert not key(**dict(pem, pem=dict(pair_a, private_key=keys['key_b'])))['changed']
    assert [request['method'] for request in emulator.requests()] == ['GET', 'GET']
    assert set(paths(emulator.requests())) == {core + '/keys/it-pem'}

    tagged_args = dict(control_plane=plane, name='it-pem', pem=pair_a, tags=['it-signing'])
    planned, sent = key.counted(check_mode=True, diff=True, **tagged_args)
    assert planned['changed'] and not writes(sent)
    assert planned['diff']['before']['tags'] is None and planned['diff']['after']['tags'] == ['it-signing']
    assert planned['diff']['after']['pem']['private_key'] == MASK

    tagged, sent = key.counted(diff=True, **tagged_args)
    assert tagged['changed'] and tagged['gateway_key']['id'] == made['id'] and tagged['gateway_key']['tags'] == ['it-signing']
    assert tagged['gateway_key']['pem']['private_key'] == MASK and 'PRIVATE KEY' not in shown(tagged)
    [put] = writes(sent)  # the private key the task gives travels along
    assert (put['method'], put['path']) == ('PUT', core + '/keys/' + made['id'])
    assert put['body']['pem'] == pair_a and put['body']['kid'] == 'it-pem-1'

    pair_b = dict(public_key=keys['public_b'], private_key=keys['key_b'])
    replaced, sent = key.counted(diff=True, control_plane=plane, name='it-pem', pem=pair_b, update_secrets='always')
    assert replaced['changed']
    assert (replaced['diff']['before']['pem']['public_key'], replaced['diff']['after']['pem']['public_key']) == (keys['public_a'], keys['public_b'])
    assert replaced['diff']['after']['pem']['private_key'] == MASK
    assert [request['method'] for request in writes(sent)] == ['PUT']
    stored = konnect(emulator, 'GET', core + '/keys/' + made['id'])
    assert stored['pem'] == pair_b and stored['tags'] == ['it-signing']


def test_gateway_key_info_masks_secrets_and_deletes(emulator):
    plane, core = a_control_plane(emulator)
    set_id = a_key_set(emulator, plane)
    key, info, set_info = Module(emulator, 'gateway_key'), Module(emulator, 'gateway_key_info'), Module(emulator, 'gateway_key_set_info')
    key(control_plane=plane, name='it-rsa', kid='it-rsa-1', jwk=JWK_RSA_TEXT, key_set=set_id)
    key(control_plane=plane, name='it-ec', kid='it-ec-1', jwk=JWK_EC, key_set=set_id)
    pem_id = key(control_plane=plane, name='it-pem', kid='it-pem-1',
                 pem=dict(public_key=pki()['public_a'], private_key=pki()['key_a']))['gateway_key']['id']

    emulator.clear_requests()
    by_name = info(control_plane=plane, name='it-pem')['gateway_keys']
    assert [found['id'] for found in by_name] == [pem_id] and by_name[0]['pem']['private_key'] == MASK
    every = info(control_plane=plane)
    assert sorted(found['name'] for found in every['gateway_keys']) == ['it-ec', 'it-pem', 'it-rsa']
    assert [found['jwk'] for found in every['gateway_keys'] if 'jwk' in found] == [MASK, MASK]
    assert 'PRIVATE KEY' not in shown(every) and 'jpsQnnGQmL' not in shown(every)
    assert [found['name'] for found in info(control_plane=plane, filters={'kid': 'it-ec-1'})['gateway_keys']] == ['it-ec']
    assert [found['name'] for found in set_info(control_plane=plane, id=set_id)['gateway_key_sets']] == ['it-jwe-2026']
    assert [found['id'] for found in set_info(control_plane=plane, name='it-jwe-2026')['gateway_key_sets']] == [set_id]
    assert not writes(emulator.requests())

    gone = dict(control_plane=plane, name='it-pem', state='absent')
    planned, sent = key.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = key.counted(**gone)
    twice, sent_twice = key.counted(**gone)
    assert deleted['changed'] and deleted['gateway_key'] == {} and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', core + '/keys/' + pem_id)]
    assert (sent_twice[-1]['path'], sent_twice[-1]['status']) == (core + '/keys/it-pem', 404)

    key_set = Module(emulator, 'gateway_key_set')
    gone = dict(control_plane=plane, name='it-jwe-2026', state='absent')
    planned, sent = key_set.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = key_set.counted(**gone)
    twice, sent_twice = key_set.counted(**gone)
    assert deleted['changed'] and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', core + '/key-sets/' + set_id)]
    assert info(control_plane=plane)['gateway_keys'] == []  # the keys of the set went with it


def test_gateway_vault_life(emulator):
    plane, core = a_control_plane(emulator)
    vault, info = Module(emulator, 'gateway_vault'), Module(emulator, 'gateway_vault_info')
    emulator.clear_requests()
    assert vault(control_plane=plane, prefix='it-env')['failed'] and 'name' in vault(control_plane=plane, prefix='it-env')['msg']
    no_prefix = vault(control_plane=plane, name='env')
    assert no_prefix['failed'] and 'prefix' in no_prefix['msg'] and 'id' in no_prefix['msg']
    bad_config = vault(control_plane=plane, prefix='it-env', name='env', config=['prefix'])
    assert bad_config['failed'] and 'config' in bad_config['msg']
    assert emulator.requests() == []

    refused, sent = vault.counted(control_plane=plane, prefix='It_Env', name='env')
    assert refused['failed'] and refused['status'] == 400 and 'prefix: must match the pattern' in refused['msg']
    assert [request['status'] for request in writes(sent)] == [400]

    wanted = dict(control_plane=plane, prefix='it-env', name='env', description="Secrets from the data plane's environment",
                  config={'prefix': 'KONG_SECRET_'})
    predicted, sent = vault.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_vault']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['prefix'] == 'it-env'
    assert predicted['diff']['after']['config'] == {'prefix': 'KONG_SECRET_'}

    created, sent = vault.counted(diff=True, **wanted)
    made = created['gateway_vault']['id']
    assert created['changed'] and len(made) == 36 and created['diff']['after']['id'] == made
    [post] = writes(sent)
    assert (post['method'], post['path'], post['body']['config']) == ('POST', core + '/vaults', {'prefix': 'KONG_SECRET_'})

    again, sent = vault.counted(**wanted)
    assert not again['changed'] and paths(sent) == [core + '/vaults/it-env']

    more = dict(control_plane=plane, prefix='it-env', name='env', config={'base64_decode': True})
    merged = {'prefix': 'KONG_SECRET_', 'base64_decode': True}
    planned, sent = vault.counted(check_mode=True, diff=True, **more)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['config'], planned['diff']['after']['config']) == ({'prefix': 'KONG_SECRET_'}, merged)
    updated, sent = vault.counted(diff=True, **more)
    assert updated['changed'] and updated['gateway_vault']['id'] == made
    assert (updated['diff']['before']['config'], updated['diff']['after']['config']) == ({'prefix': 'KONG_SECRET_'}, merged)
    [put] = writes(sent)  # the config merged, the description kept
    assert (put['method'], put['path'], put['body']['config']) == ('PUT', core + '/vaults/' + made, merged)
    assert put['body']['description'] == "Secrets from the data plane's environment"

    assert [found['id'] for found in info(control_plane=plane, prefix='it-env')['gateway_vaults']] == [made]
    assert [found['prefix'] for found in info(control_plane=plane, filters={'name': 'env'})['gateway_vaults']] == ['it-env']
    assert info(control_plane=plane, prefix='it-nowhere')['gateway_vaults'] == []

    gone = dict(control_plane=plane, prefix='it-env', state='absent')
    planned, sent = vault.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = vault.counted(**gone)
    twice, sent_twice = vault.counted(**gone)
    assert deleted['changed'] and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', core + '/vaults/' + made)]


def test_gateway_partial_life(emulator):
    plane, core = a_control_plane(emulator)
    partial, info = Module(emulator, 'gateway_partial'), Module(emulator, 'gateway_partial_info')
    assert_refused(partial, dict(control_plane=plane, name='it-redis', config={'host': 'redis.internal'}), 'type: required to create a partial')
    assert_refused(partial, dict(control_plane=plane, id=MISSING, name='it-redis', type='redis-ce'),
                   'id: no partial with id %s was found' % MISSING)

    wanted = dict(control_plane=plane, name='it-redis', type='redis-ce', config={'host': 'redis.internal', 'port': 6379})
    predicted, sent = partial.counted(check_mode=True, diff=True, **wanted)
    assert predicted['changed'] and not writes(sent) and predicted['gateway_partial']['id'] is None
    assert predicted['diff']['before'] == {} and predicted['diff']['after']['type'] == 'redis-ce'

    created, sent = partial.counted(diff=True, **wanted)
    made = created['gateway_partial']
    assert created['changed'] and len(made['id']) == 36
    assert made['config']['host'] == 'redis.internal' and made['config']['timeout'] == 2000  # Konnect filled in the defaults
    assert created['diff']['before'] == {} and created['diff']['after']['id'] == made['id']
    [post] = writes(sent)
    assert (post['method'], post['path']) == ('POST', core + '/partials')
    assert post['body'] == {'name': 'it-redis', 'type': 'redis-ce', 'config': {'host': 'redis.internal', 'port': 6379}}

    again, sent = partial.counted(**wanted)
    assert not again['changed'] and paths(sent) == [core + '/partials']  # listed: Konnect cannot read one by name

    assert_refused(partial, dict(control_plane=plane, name='it-redis', type='redis-ee'),
                   "type: partial 'it-redis' cannot be changed once it exists", 'redis-ce', 'redis-ee')

    port = dict(control_plane=plane, name='it-redis', config={'port': 6380})
    planned, sent = partial.counted(check_mode=True, diff=True, **port)
    assert planned['changed'] and not writes(sent)
    assert (planned['diff']['before']['config']['port'], planned['diff']['after']['config']['port']) == (6379, 6380)
    assert planned['diff']['after']['config']['host'] == 'redis.internal'
    updated, sent = partial.counted(diff=True, **port)
    assert updated['changed'] and updated['gateway_partial']['id'] == made['id']
    assert (updated['gateway_partial']['config']['port'], updated['gateway_partial']['config']['host']) == (6380, 'redis.internal')
    assert (updated['diff']['before']['config']['port'], updated['diff']['after']['config']['port']) == (6379, 6380)
    [put] = writes(sent)  # the rest of the config kept
    assert (put['method'], put['path']) == ('PUT', core + '/partials/' + made['id'])
    assert (put['body']['config']['port'], put['body']['config']['host'], put['body']['type']) == (6380, 'redis.internal', 'redis-ce')

    assert [found['id'] for found in info(control_plane=plane, name='it-redis')['gateway_partials']] == [made['id']]
    assert info(control_plane=plane, filters={'type': 'redis-ee'})['gateway_partials'] == []

    gone = dict(control_plane=plane, name='it-redis', state='absent')
    planned, sent = partial.counted(check_mode=True, **gone)
    assert planned['changed'] and not writes(sent)
    deleted, sent = partial.counted(**gone)
    twice, sent_twice = partial.counted(**gone)
    assert deleted['changed'] and not twice['changed']
    assert [(request['method'], request['path']) for request in writes(sent + sent_twice)] == [('DELETE', core + '/partials/' + made['id'])]
