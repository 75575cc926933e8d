# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

import pytest

from ansible_collections.konnect.konnect.plugins.module_utils.compare import (
    desired_labels,
    desired_tags,
    get_path,
    matches,
    merge_subset,
    set_path,
)


@pytest.mark.parametrize('desired, current, unordered, expected', [
    ({'a': 1}, {'a': 1, 'b': 2}, False, True),           # dicts are subsets
    ({'a': {'x': 1}}, {'a': {'x': 1, 'y': 2}}, False, True),
    ({'a': 1}, {'a': 2}, False, False),
    ([1, 2], [2, 1], True, True),                        # set-like lists
    ([1, 2], [2, 1], False, False),
    ([{'h': 'a', 'p': 1}], [{'p': 1, 'h': 'a'}], True, True),
    (80, 80.0, False, True),                              # numbers by value
    (True, 1, False, False),                              # but a bool is not a number
    (False, None, False, False),
    ('x', None, False, False),
    ([], None, False, True),
])
def test_matches(desired, current, unordered, expected):
    assert matches(desired, current, unordered=unordered) is expected


def test_labels_merge_by_default():
    assert desired_labels({'env': 'dev', 'team': 'a'}, {'env': 'prod'}, purge=False) == {'env': 'prod', 'team': 'a'}


def test_labels_purge_keeps_foreign_labels():
    current = {'env': 'dev', 'team': 'a', 'KONGCTL-namespace': 'x', 'k8s-uid': 'u'}
    assert desired_labels(current, {'env': 'prod'}, purge=True) == {'env': 'prod', 'KONGCTL-namespace': 'x', 'k8s-uid': 'u'}


def test_labels_never_overwrite_foreign_labels():
    assert desired_labels({'KONGCTL-namespace': 'x'}, {'KONGCTL-namespace': 'y'}, purge=False) == {'KONGCTL-namespace': 'x'}


def test_tags_merge_and_purge():
    current = ['a', 'konnect-managed', 'b']
    assert desired_tags(current, ['c'], purge=False) == ['a', 'konnect-managed', 'b', 'c']
    assert desired_tags(current, ['b', 'c'], purge=True) == ['konnect-managed', 'b', 'c']


def test_paths_and_merge_subset():
    obj = {}
    set_path(obj, 'config.cluster_type', 'X')
    assert get_path(obj, 'config.cluster_type') == 'X'
    assert get_path(obj, 'config.missing.deeper') is None
    assert merge_subset({'a': 1, 'b': {'c': 1, 'd': 2}}, {'b': {'c': 3}}) == {'a': 1, 'b': {'c': 3, 'd': 2}}
