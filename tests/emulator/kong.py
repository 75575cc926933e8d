# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Kong's entity rules for core entities, driven by the facts table (``facts.ENTITY_FACTS``).

The spec's schemas say which fields exist; these are the rules Kong applies on top of them when it
writes an entity (notes §2.10, §3.C): entity checks (at least one of, mutually exclusive, all or
none), fields Kong generates when absent, the salted hash of basic-auth passwords, the CA
certificate digest, PEM-encoded certificates and keys, and list references (plugin partials).
"""

import base64
import binascii
import hashlib
import json
import re
import uuid

from . import plugin_config
from .errors import Issue, entity_error, reference_missing, validation_error

PEM_BLOCK = re.compile(r'-----BEGIN ([A-Z0-9 ]+)-----\s*(.*?)\s*-----END \1-----', re.S)

# Kong's entity-check messages (kong/db/schema), with the fields quoted and comma separated.
CHECK_MESSAGES = {
    'at_least_one_of': 'at least one of these fields must be non-empty: %s',
    'mutually_exclusive': 'only one or none of these fields must be set: %s',
    'all_or_none_of': 'all or none of these fields must be set: %s',
}


def pem_blocks(text):
    """[(label, DER bytes)] of the PEM blocks in ``text`` whose body is valid base64; None if any block is not."""
    if not isinstance(text, str):
        return None
    blocks = []
    for label, body in PEM_BLOCK.findall(text):
        try:
            blocks.append((label, base64.b64decode(re.sub(r'\s+', '', body), validate=True)))
        except (binascii.Error, ValueError):
            return None
    return blocks


def certificate_der(text):
    """The DER of the single PEM certificate in ``text``, or None when it is not exactly one valid one.

    Stdlib only: a ``CERTIFICATE`` block with valid base64 whose content is a DER SEQUENCE (0x30).
    """
    blocks = pem_blocks(text)
    if not blocks or len(blocks) != 1 or blocks[0][0] != 'CERTIFICATE':
        return None
    der = blocks[0][1]
    return der if der[:1] == b'\x30' else None


def is_private_key(text):
    blocks = pem_blocks(text)
    return bool(blocks) and len(blocks) == 1 and blocks[0][0].endswith('PRIVATE KEY') and blocks[0][1][:1] == b'\x30'


def is_public_key(text):
    blocks = pem_blocks(text)
    return bool(blocks) and len(blocks) == 1 and blocks[0][0].endswith('PUBLIC KEY') and blocks[0][1][:1] == b'\x30'


def set_value(value):
    return value is not None and value != '' and value != [] and value != {}


def quoted(fields):
    return ', '.join("'%s'" % field for field in fields)


def prepare(call, data, path):
    """Apply the facts' rules to a core record about to be written (after defaults, before uniqueness)."""
    facts = call.facts
    if call.store_key == 'Plugin':
        plugin_config.check(call, data, path)
    check_entity(facts, data)
    check_formats(facts, data)
    for field in facts.get('generated', ()):
        # Kong's ``auto`` fields: a random string when the client sends none.
        if not set_value(data.get(field)):
            data[field] = uuid.uuid4().hex
    hashed = facts.get('hashed')
    if hashed and isinstance(data.get(hashed), str):
        # basic-auth (notes §2.10): Kong stores sha1(password .. consumer id) as hex and returns that.
        consumer_id = (data.get('consumer') or {}).get('id') or ''
        data[hashed] = hashlib.sha1((data[hashed] + consumer_id).encode('utf-8')).hexdigest()
    digest = facts.get('digest')
    if digest:
        source, target = digest
        # ca_certificates: sha256 of the certificate's DER, hex (Kong's cert_digest transformation).
        data[target] = hashlib.sha256(certificate_der(data[source])).hexdigest()
    for field, kind in facts.get('list_references', {}).items():
        for item in data.get(field) or []:
            if isinstance(item, dict) and item.get('id') and call.partition.find(kind, path.scope, item['id']) is None:
                raise reference_missing(field, item['id'])


def check_entity(facts, data):
    messages = []
    for check in ('at_least_one_of', 'mutually_exclusive', 'all_or_none_of'):
        fields = facts.get(check)
        if not fields:
            continue
        present = [field for field in fields if set_value(data.get(field))]
        failed = {'at_least_one_of': not present, 'mutually_exclusive': len(present) > 1,
                  'all_or_none_of': 0 < len(present) < len(fields)}[check]
        if failed:
            messages.append(CHECK_MESSAGES[check] % quoted(fields))
    for field, (condition_field, pattern) in facts.get('required_if', {}).items():
        # e.g. jwt: a public key is needed for every algorithm that is not an HMAC one
        if re.match(pattern, str(data.get(condition_field) or '')) and not set_value(data.get(field)):
            messages.append("failed conditional validation given value of field '%s'" % condition_field)
    if messages:
        raise entity_error(messages)


def check_formats(facts, data):
    issues = []
    for field in facts.get('pem_certificates', ()):
        if set_value(data.get(field)) and certificate_der(data[field]) is None:
            issues.append(Issue(field, 'invalid', 'invalid certificate: expected one PEM-encoded certificate'))
    for field in facts.get('pem_private_keys', ()):
        if set_value(data.get(field)) and not is_private_key(data[field]):
            issues.append(Issue(field, 'invalid', 'invalid key: expected a PEM-encoded private key'))
    for field, pattern in facts.get('patterns', {}).items():
        if isinstance(data.get(field), str) and not re.match(pattern, data[field]):
            issues.append(Issue(field, 'matches_regex', 'must match the pattern %s' % pattern))
    if facts.get('key_material'):
        issues.extend(key_material_issues(data))
    if issues:
        raise validation_error(issues)


def key_material_issues(data):
    """keys: ``jwk`` is a JSON Web Key whose ``kid`` equals the key's; ``pem`` holds PEM keys (Kong's keys schema)."""
    issues = []
    jwk = data.get('jwk')
    if set_value(jwk) and not jwk.startswith('{vault://'):
        try:
            parsed = json.loads(jwk)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            issues.append(Issue('jwk', 'invalid', 'could not json decode jwk string'))
        elif parsed.get('kid') != data.get('kid'):
            issues.append(Issue('jwk', 'invalid', 'kid in jwk.kid must be equal to keys.kid'))
    pem = data.get('pem')
    if isinstance(pem, dict):
        if not set_value(pem.get('private_key')) and not set_value(pem.get('public_key')):
            issues.append(Issue('pem', 'invalid', 'need to supply a PEM formatted public and/or private key.'))
        if set_value(pem.get('private_key')) and not is_private_key(pem['private_key']):
            issues.append(Issue('pem.private_key', 'invalid', 'invalid key: expected a PEM-encoded private key'))
        if set_value(pem.get('public_key')) and not is_public_key(pem['public_key']):
            issues.append(Issue('pem.public_key', 'invalid', 'invalid key: expected a PEM-encoded public key'))
    return issues
