# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""In-memory state: one partition for the global host and one per region."""

import collections


class Partition:
    """Collections keyed by (store key, scope), where scope holds the ids of the scoping parents."""

    def __init__(self):
        self.collections = {}
        self.singletons = {}
        # Minted access tokens (secret -> where their record lives), see auth.register.
        self.tokens = {}
        # Global partition: the organization owner (the first seeded user).
        self.owner_id = None

    def records(self, store_key, scope):
        key = (store_key, tuple(scope))
        if key not in self.collections:
            self.collections[key] = collections.OrderedDict()
        return self.collections[key]

    def find(self, store_key, scope, value, fields=('id',), accept=None):
        """The accepted record whose id (or one of ``fields``) equals ``value``; ids win over names."""
        records = self.records(store_key, scope)
        accept = accept or (lambda record: True)
        if value in records and accept(records[value]):
            return records[value]
        for field in fields:
            for record in records.values():
                if field != 'id' and record.get(field) == value and accept(record):
                    return record
        return None

    def remove(self, store_key, scope, record_id):
        """Delete a record and every collection scoped under it."""
        self.records(store_key, scope).pop(record_id, None)
        for key in [key for key in self.collections if record_id in key[1]]:
            del self.collections[key]
        for key in [key for key in self.singletons if record_id in key[1]]:
            del self.singletons[key]

    def scoped_collections(self, scope):
        """(store key, records) of every collection sharing exactly this scope."""
        return [(key[0], records) for key, records in self.collections.items() if key[1] == tuple(scope)]


class State:
    def __init__(self):
        self.partitions = {}

    def partition(self, name):
        if name not in self.partitions:
            self.partitions[name] = Partition()
        return self.partitions[name]

    def reset(self):
        self.partitions = {}
