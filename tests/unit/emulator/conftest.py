# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures running the Konnect emulator (tests/emulator) as a subprocess."""

import os
import sys

import pytest

# tests/unit/emulator/conftest.py -> tests/; works in the git checkout and in ansible-test's copy.
TESTS_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import DEMO_TOKEN  # noqa: E402 pylint: disable=wrong-import-position,import-error
from emulator.testing import READONLY_DEMO_TOKEN, EmulatorProcess  # noqa: E402 pylint: disable=wrong-import-position,import-error


@pytest.fixture(scope='session')
def emulator():
    """One emulator for the session, with the demo token and a read-only system-account token."""
    with EmulatorProcess(tokens=[DEMO_TOKEN, READONLY_DEMO_TOKEN + ':readonly']) as process:
        yield process


@pytest.fixture
def fresh_emulator(emulator):  # pylint: disable=redefined-outer-name
    """The session emulator with empty state, log and faults."""
    emulator.reset()
    yield emulator
    emulator.set_faults({})
