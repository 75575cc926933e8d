# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Credentials: who a request authenticates as, and the access tokens the emulator mints.

Security scheme names are the specs' ``securitySchemes``: a ``kpat_`` token is a
``personalAccessToken``, a ``spat_`` token a ``systemAccountAccessToken`` and the legacy session
cookie a ``konnectAccessToken`` (the dashboard's credential).
"""

import datetime
import re
import secrets
import string
import time

from .schemas import RFC3339

PAT_SCHEME = 'personalAccessToken'
SPAT_SCHEME = 'systemAccountAccessToken'
SESSION_SCHEME = 'konnectAccessToken'
PAT_PREFIX = 'kpat_'
SPAT_PREFIX = 'spat_'
# Random part lengths of the spec's example tokens (PersonalAccessTokenCreateResponse, SystemAccountAccessTokenCreated).
SECRET_LENGTHS = {PAT_PREFIX: 49, SPAT_PREFIX: 50}
SECRET_ALPHABET = string.ascii_letters + string.digits
SCHEME_WORDS = {PAT_SCHEME: 'personal access tokens', SPAT_SCHEME: 'system account access tokens',
                SESSION_SCHEME: 'Konnect session tokens'}

USER = 'user'
SYSTEM_ACCOUNT = 'system_account'


class Principal:
    """The credential of a request: its scheme, what it belongs to and its permission (``readonly`` or None).

    ``owner_id`` is the user id or system account id; None for a ``--token spat_...`` given on the
    command line, which stands for a system account the emulator does not store.
    """

    def __init__(self, scheme, kind, owner_id, permission=None):
        self.scheme = scheme
        self.kind = kind
        self.owner_id = owner_id
        self.permission = permission

    @property
    def user_id(self):
        return self.owner_id if self.kind == USER else None


def scheme_of(token):
    return PAT_SCHEME if token.startswith(PAT_PREFIX) else SPAT_SCHEME


def new_secret(prefix):
    return prefix + ''.join(secrets.choice(SECRET_ALPHABET) for _index in range(SECRET_LENGTHS[prefix]))


def parse_time(text):
    """Epoch seconds of an RFC 3339 date-time (None if it is not one)."""
    if not isinstance(text, str) or not RFC3339.match(text):
        return None
    normalized = re.sub(r'[Zz]$', '+00:00', text[:10] + 'T' + text[11:])
    match = re.match(r'^(.*\d{2}:\d{2}:\d{2})(?:\.(\d+))?(.*)$', normalized)
    head, fraction, zone = match.groups()
    micro = (fraction or '').ljust(6, '0')[:6]
    try:
        moment = datetime.datetime.fromisoformat('%s.%s%s' % (head, micro, zone))
    except ValueError:
        return None
    return moment.timestamp()


def token_state(record, now=None):
    """PersonalAccessTokenState of a stored token: REVOKED, EXPIRED or ACTIVE."""
    if record.get('revoked_at'):
        return 'REVOKED'
    expires = parse_time(record.get('expires_at'))
    if expires is not None and expires <= (time.time() if now is None else now):
        return 'EXPIRED'
    return 'ACTIVE'


def register(partition, secret, store_key, scope, record_id, kind, owner_id):
    """Remember a minted token: it authenticates while its stored record exists and is active."""
    partition.tokens[secret] = {'store_key': store_key, 'scope': tuple(scope), 'id': record_id, 'kind': kind, 'owner_id': owner_id}


def minted_record(partition, secret):
    """(stored token record, registry entry) of a minted token that is still usable, else None.

    A deleted, revoked or expired token stops working at once (the docs allow up to 15 minutes
    after a revocation; immediate is within that).
    """
    entry = partition.tokens.get(secret)
    if entry is None:
        return None
    record = partition.records(entry['store_key'], entry['scope']).get(entry['id'])
    if record is None or token_state(record) != 'ACTIVE':
        return None
    return record, entry
