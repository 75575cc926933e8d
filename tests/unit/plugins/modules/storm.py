# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A 429/5xx storm against the in-process emulator, on a virtual clock.

The emulator's rate limit counts requests per second of its clock, and the client waits what Retry-After and its
backoff say. Here the client's waits advance a clock that the emulator reads instead of waiting for the wall clock,
so a storm that costs seconds through a playbook costs milliseconds, with the same requests and answers.

    clock = virtual_clock(monkeypatch)
    emulator.set_faults(STORM)
"""

from __future__ import annotations

import time

from ansible_collections.konnect.konnect.plugins.module_utils.client import KonnectClient

from emulator import app as emulator_app  # noqa: E402 pylint: disable=import-error

# What the integration targets used to set: rate-limit hard, fail some reads and writes, drop a create after it was applied
STORM = {'rate_limit': {'requests_per_second': 1, 'retry_after': 1},
         'fail': {'status': 503, 'count': 2, 'methods': ['GET', 'PUT']},
         'drop': {'count': 1, 'methods': ['POST'], 'after_processing': True}}
# ... then, for the update: keep rate-limiting, and fail the next two PUTs
PUT_STORM = {'rate_limit': {'requests_per_second': 1, 'retry_after': 1},
             'fail': {'status': 503, 'count': 2, 'methods': ['PUT']}}


class VirtualClock(object):
    """The time module as the emulator sees it: the wall clock plus every second the client slept."""

    def __init__(self):
        self.offset = 0.0
        self.slept = []

    def time(self):
        return time.time() + self.offset

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.offset += seconds

    def __getattr__(self, name):
        return getattr(time, name)


def virtual_clock(monkeypatch):
    """Clients made by modules sleep on a virtual clock, which the in-process emulator reads (undone after the test)."""
    clock = VirtualClock()
    monkeypatch.setattr(emulator_app, 'time', clock)
    make = KonnectClient.from_params.__func__

    def from_params(cls, params, **kwargs):
        kwargs['sleep'] = clock.sleep
        return make(cls, params, **kwargs)

    monkeypatch.setattr(KonnectClient, 'from_params', classmethod(from_params))
    return clock


def statuses(sent, method=None):
    """The answers' statuses (None for an answer dropped), of every request or those of one method."""
    return [request['status'] for request in sent if method is None or request['method'] == method]
