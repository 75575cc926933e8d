# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""How a desired value is compared with what Konnect holds: only what the user set counts."""

from __future__ import annotations

import copy
import json

# Labels and tags that other tools own: never removed, never overwritten.
FOREIGN_PREFIXES = ('KONGCTL-', 'konnect-managed', 'k8s-')


def is_foreign(name):
    return str(name).startswith(FOREIGN_PREFIXES)


def get_path(obj, dotted):
    for part in dotted.split('.'):
        if not isinstance(obj, dict):
            return None
        obj = obj.get(part)
    return obj


def set_path(obj, dotted, value):
    parts = dotted.split('.')
    for part in parts[:-1]:
        obj = obj.setdefault(part, {})
    obj[parts[-1]] = value


def canonical(value):
    return json.dumps(value, sort_keys=True, default=str)


def matches(desired, current, unordered=False):
    """True when ``current`` already satisfies ``desired``.

    Dicts compare as subsets (keys the user did not give are left alone), numbers by value,
    lists in order unless ``unordered``; ``None`` and a missing value are the same.
    """
    if desired is None:
        return current is None or current == '' or current == [] or current == {}
    if isinstance(desired, bool) or isinstance(current, bool):
        return desired is current or desired == current and type(desired) is type(current)
    if isinstance(desired, (int, float)) and isinstance(current, (int, float)):
        return float(desired) == float(current)
    if isinstance(desired, dict):
        if not isinstance(current, dict):
            return not desired and current in (None, {})
        return all(matches(value, current.get(key)) for key, value in desired.items())
    if isinstance(desired, list):
        if current is None:
            current = []
        if not isinstance(current, list) or len(desired) != len(current):
            return False
        if unordered:
            return sorted(canonical(v) for v in desired) == sorted(canonical(v) for v in current)
        return all(matches(d, c) for d, c in zip(desired, current))
    return desired == current


def merge_subset(current, desired):
    """``current`` with ``desired`` laid over it, recursively for dicts (a prediction of a partial update)."""
    if isinstance(current, dict) and isinstance(desired, dict):
        merged = copy.deepcopy(current)
        for key, value in desired.items():
            merged[key] = merge_subset(current.get(key), value)
        return merged
    return copy.deepcopy(desired)


def desired_labels(current, given, purge):
    """The complete label map the entity should carry."""
    current = dict(current or {})
    given = dict(given or {})
    if purge:
        result = {key: value for key, value in current.items() if is_foreign(key)}
    else:
        result = current
    for key, value in given.items():
        if not is_foreign(key):
            result[key] = value
    return result


def desired_tags(current, given, purge):
    """The complete tag list the entity should carry, current order kept, new tags appended."""
    current = list(current or [])
    given = list(given or [])
    kept = [tag for tag in current if is_foreign(tag) or not purge or tag in given]
    return kept + [tag for tag in given if tag not in kept and not is_foreign(tag)]


def same_set(first, second):
    return sorted(canonical(v) for v in (first or [])) == sorted(canonical(v) for v in (second or []))
