# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What writers of one organization on one machine share: creation locks and a note of what was just created.

Ansible runs a task for many hosts in forked worker processes at once, and ``apply`` writes with threads.
Konnect refuses a second control plane of the same name, but not a second team: for entity types whose
natural key Konnect does not enforce, the creates of one key are serialised here with a file lock (``flock``,
which also separates threads that open the file themselves), one per organization, entity type, scope and key.

Konnect is eventually consistent: a read right after a create may answer 404 (or 403 while permissions
propagate), and a list may not show the new entity yet. Every create leaves a note (an empty file whose
modification time is the moment), so that a read which finds nothing where this machine created something
moments ago tries again, briefly, before it concludes.

Both live in a private directory (mode 0700, owned by the user): ``$KONNECT_COORDINATION_DIR``, else
``konnect-<uid>`` in the temporary directory. Where no such directory can be had, nothing is locked or noted.
Notes are spread over 256 subdirectories of ``recent/`` and removed once no read looks at them: creating a file in
a directory of tens of thousands costs several times what it costs in a small one.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # not a POSIX system: no locking
    HAS_FCNTL = False

DIRECTORY_ENV = 'KONNECT_COORDINATION_DIR'
RECENT_SECONDS = 120  # how long after a create a read that finds nothing is tried again
CONFLICT_READS = 3  # reads of an entity a refused create says exists: at once, then after 0.25-0.5 s and 0.5-1 s
VISIBILITY_RETRIES = 5  # reads tried again, with the client's backoff (0.25-0.5 s, then doubling: at most ~15 s)
LOCK_LIFETIME_SECONDS = 24 * 3600  # locks nobody used for this long are removed when the directory is tidied
TIDY_EVERY_SECONDS = 600  # how often a writer looks through the directory (the mtime of TIDIED says when one last did)
TIDIED = 'tidied'
NOTES = 'recent'

# Entity types whose natural key Konnect does not enforce: a second create of the same key makes a second entity.
# team: identity-v3.yaml CreateTeam, kongctl organization/team/getTeam.go (konnect-behaviours.md 2.1, H).
# portal_team: kongctl planner/portal_child_planner.go refuses duplicates itself (konnect-behaviours.md 2.1, M).
UNENFORCED_KEYS = frozenset(('team', 'portal_team'))


# The directories found private, checked once a process: apply's threads would otherwise wait for each other at every
# system call, one per create (a thread that leaves the interpreter for one waits up to 5 ms to come back).
_TRUSTED = set()


def private_directory():
    """The directory locks and notes live in, made private if it is new; None where it cannot be trusted."""
    path = os.environ.get(DIRECTORY_ENV) or os.path.join(tempfile.gettempdir(), 'konnect-%d' % os.getuid())
    if path in _TRUSTED:
        return path
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None  # someone else's, or readable by others: a lock there could be held against us
    _TRUSTED.add(path)
    return path


def organization(client):
    """Whose organization: the global host and the credential (only ever hashed, never stored in clear)."""
    credentials = getattr(client, '_credentials', None)
    headers = getattr(getattr(client, 'session', None), 'headers', None) or {}
    credential = headers.get('Authorization') or (credentials[0] if credentials else '')
    return '%s %s' % (getattr(client, 'global_url', ''), credential)


def collection_url(client, entity, scope, region=None):
    """Where the entity is created: the host (its region: the client's unless given) and the collection's path."""
    try:
        path = entity.create_collection_path(scope)
    except (TypeError, KeyError, ValueError):  # no collection (an entity written with PUT to its own path)
        return '%s %r' % (entity.name, sorted(scope.items()))
    return client.url_for(path, region) if hasattr(client, 'url_for') else path


def _name(*parts):
    return hashlib.sha256('\x00'.join(str(part) for part in parts).encode('utf-8')).hexdigest()[:40]


def canonical_key(key_values):
    return repr(sorted((name, value.lower() if isinstance(value, str) else value) for name, value in key_values.items()))


def needs_lock(entity):
    return entity.name in UNENFORCED_KEYS


@contextlib.contextmanager
def creation_lock(client, entity, scope, key_values):
    """Held while one writer of this machine looks for and creates the entity of ``key_values``; yields whether it
    is locked (False: the entity type needs no lock, or there is no private directory)."""
    directory = private_directory() if HAS_FCNTL and needs_lock(entity) and None not in key_values.values() else None
    if directory is None:
        yield False
        return
    path = os.path.join(directory, 'lock-' + _name(organization(client), collection_url(client, entity, scope), canonical_key(key_values)))
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield True
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)


def _note_names(client, entity, scope, key_values=None, identifier=None, region=None):
    org = organization(client)
    names = []
    if key_values and None not in key_values.values():
        names.append(_name(org, collection_url(client, entity, scope, region), canonical_key(key_values)))
    if identifier:
        names.append(_name(org, str(identifier).lower()))
    return names


def _note_path(directory, name):
    return os.path.join(directory, NOTES, name[:2], name[2:])


def note_created(client, entity, scope, key_values, identifier):
    """Remember that this machine just created the entity (by key within its scope, and by id whatever its type)."""
    directory = private_directory()
    if directory is None:
        return
    for name in _note_names(client, entity, scope, key_values, identifier):
        try:
            _write_note(directory, _note_path(directory, name))
        except OSError:
            return
    _tidy(directory)


def _write_note(directory, path):
    try:
        _touch(path)
    except FileNotFoundError:  # the first note of its subdirectory, or the directory was removed meanwhile
        _TRUSTED.discard(directory)
        if private_directory() == directory:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            _touch(path)


def _touch(path, moment=None):
    """Create ``path`` if need be and set its modification time to ``moment`` (default: now)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.utime(handle, None if moment is None else (moment, moment))
    finally:
        os.close(handle)


def note_deleted(client, entity, scope, key_values=None, identifier=None):
    """Forget a create: what was deleted is not waited for."""
    directory = private_directory()
    if directory is None:
        return
    for name in _note_names(client, entity, scope, key_values, identifier):
        try:
            os.unlink(_note_path(directory, name))
        except OSError:
            pass


def created_recently(client, entity, scope, key_values=None, identifier=None, parents=False, now=time.time, region=None):
    """Whether this machine created, moments ago, the entity of ``key_values`` or ``identifier``, or (``parents``)
    one of the parents ``scope`` names, whose paths may answer 404 for a while too."""
    directory = private_directory()
    if directory is None:
        return False
    names = _note_names(client, entity, scope, key_values, identifier, region)
    if parents:
        names += [_name(organization(client), str(value).lower()) for value in scope.values() if value]
    moment = now()
    for name in names:
        try:
            if moment - os.stat(_note_path(directory, name)).st_mtime < RECENT_SECONDS:
                return True
        except OSError:
            continue
    return False


def _tidy(directory, now=time.time):
    """Every TIDY_EVERY_SECONDS, remove the notes no read looks at any more (an apply of 5,000 entities leaves 10,000)
    and the locks nobody used for a day."""
    moment = now()
    marker = os.path.join(directory, TIDIED)
    try:
        if moment - os.stat(marker).st_mtime < TIDY_EVERY_SECONDS:
            return
    except OSError:
        pass  # never tidied
    try:
        _touch(marker, moment)
    except OSError:
        return
    _remove_older(moment - LOCK_LIFETIME_SECONDS, directory, [name for name in _names_in(directory) if name.startswith('lock-')])
    notes = os.path.join(directory, NOTES)
    for subdirectory in _names_in(notes):
        _remove_older(moment - RECENT_SECONDS, os.path.join(notes, subdirectory), _names_in(os.path.join(notes, subdirectory)))


def _names_in(directory):
    try:
        return os.listdir(directory)
    except OSError:
        return []


def _remove_older(moment, directory, names):
    for name in names:
        path = os.path.join(directory, name)
        try:
            if os.stat(path).st_mtime < moment:
                os.unlink(path)
        except OSError:
            continue


def refused_as_duplicate(exc):
    """Whether Konnect refused a create because the entity exists: 409 on platform APIs, or the core entities'
    400 unique violation (``data constraint error`` / ``name (type: unique) constraint failed``, konnect-behaviours.md 1.1)."""
    status = getattr(exc, 'status', None)
    if status == 409:
        return True
    if status != 400:
        return False
    body = getattr(exc, 'body', None)
    problems = body.get('invalid_parameters') if isinstance(body, dict) else None
    if any(isinstance(problem, dict) and problem.get('rule') == 'unique' for problem in problems or ()):
        return True  # a platform API that declares no 409 (portal names, page slugs, snippet names)
    text = (exc.msg or '').lower()
    return 'unique' in text or ('data constraint error' in text and 'foreign' not in text)
