# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Konnect emulator served by a thread of the test process, for the in-process tests of apply, dump and the modules."""

from __future__ import annotations

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import DEMO_TOKEN  # noqa: E402 pylint: disable=wrong-import-position,import-error
from emulator.testing import EmulatorThread  # noqa: E402 pylint: disable=wrong-import-position,import-error


@pytest.fixture(autouse=True)
def coordination_directory(tmp_path_factory, monkeypatch):
    """Each test its own creation locks and notes of recent creates (module_utils/coordination.py): a note left by
    an earlier test against the same emulator would make reads wait for an entity that test created."""
    directory = tmp_path_factory.mktemp('konnect-coordination')  # not in tmp_path, which tests list
    directory.chmod(0o700)
    monkeypatch.setenv('KONNECT_COORDINATION_DIR', str(directory))
    return directory


@pytest.fixture(scope='module')
def konnect():
    with EmulatorThread() as emulator:
        yield emulator


@pytest.fixture
def emulator(konnect):  # pylint: disable=redefined-outer-name
    """An empty organization: state, request log and faults reset."""
    konnect.reset()
    yield konnect
    konnect.set_faults({})


def connection(emulator):  # pylint: disable=redefined-outer-name
    """The connection options of a task that talks to ``emulator``."""
    return dict(konnect_token=DEMO_TOKEN, konnect_api_url=emulator.url + '/{region}', konnect_global_api_url=emulator.url + '/global',
                konnect_region='us', validate_certs=True, timeout=10, max_retries=5)
