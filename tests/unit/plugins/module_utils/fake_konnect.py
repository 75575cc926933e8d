# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A small in-memory Konnect that the engine tests drive request by request."""

from __future__ import annotations

import copy
import itertools

from ansible_collections.konnect.konnect.plugins.module_utils.client import Response
from ansible_collections.konnect.konnect.plugins.module_utils.errors import AmbiguousWriteError, KonnectApiError


class FakeKonnect(object):
    """Collections keyed by path; items found by id or name; records every request."""

    def __init__(self):
        self.store = {}
        self.calls = []
        self.ids = ('%08d-0000-4000-8000-000000000000' % n for n in itertools.count(1))
        self.drop_next_post = False

    def seed(self, collection, item):
        self.store.setdefault(collection, []).append(item)
        return item

    def warn(self, message):
        self.calls.append(('WARN', message, None))

    def writes(self):
        return [call for call in self.calls if call[0] not in ('GET', 'WARN')]

    def _split(self, path):
        for collection in sorted(self.store, key=len, reverse=True):
            if path == collection:
                return collection, None
            if path.startswith(collection + '/'):
                return collection, path[len(collection) + 1:]
        return path, None

    def _find(self, collection, ident):
        for item in self.store.get(collection, []):
            if ident in (item.get('id'), item.get('name'), item.get('username')):
                return item
        return None

    def request(self, method, path, params=None, body=None, what=None, expected=None, region=None, verb=None):
        self.calls.append((method, path, copy.deepcopy(body)))
        collection, ident = self._split(path)
        if method == 'POST':
            item = dict({'id': next(self.ids)}, **body)  # a membership POST names its member's id
            self.store.setdefault(collection, []).append(item)
            if self.drop_next_post:
                self.drop_next_post = False
                raise AmbiguousWriteError('dropped')
            return Response(201, copy.deepcopy(item))
        item = self._find(collection, ident) if ident else None
        if ident and item is None:
            if expected and 404 in expected:
                return Response(404, {'message': 'Not found'})
            raise KonnectApiError(404, method, path, {'message': 'Not found'}, what=what)
        if method == 'GET':
            return Response(200, copy.deepcopy(item if ident else {'data': self.store.get(collection, [])}))
        if method == 'DELETE':
            self.store[collection].remove(item)
            return Response(204, None)
        if method == 'PATCH':
            item.update(body)
        else:
            item.clear()
            item.update(body, id=ident)
        return Response(200, copy.deepcopy(item))

    def get(self, path, params=None, what=None, expected=None, region=None):
        return self.request('GET', path, params=params, what=what, expected=expected, region=region)

    def paginate(self, path, style, params=None, what=None, region=None):
        self.calls.append(('GET', path, params))
        items = self.store.get(path, [])
        for key, value in (params or {}).items():
            items = [item for item in items if filter_accepts(item, key, value)]
        return iter(copy.deepcopy(items))


def filter_accepts(item, param, value):
    """``filter[field][op]=value`` (or ``filter[field]=value``) applied to one item."""
    parts = param.replace(']', '').split('[')[1:]
    field, op = parts[0], (parts[1] if len(parts) > 1 else 'eq')
    have = item.get(field)
    if op == 'contains':
        return isinstance(have, str) and value in have
    return have == value
