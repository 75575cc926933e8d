# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Waiting for Konnect's asynchronous provisioning of cloud gateway resources."""

    DOCUMENTATION = r'''
options:
  wait:
    description:
      - Konnect provisions cloud gateway resources asynchronously and answers at once. With V(true), the task polls until
        the resource is C(ready) (or, with O(state=absent), until it is gone), with the collection's backoff between reads.
      - A failed provisioning fails the task at once, naming the state and Konnect's reason; the resource is left as it is.
      - Where Konnect waits for you instead (C(pending-acceptance), C(pending-user-action), C(pending-association), or a network
        that stays C(offline) until a configuration uses it), waiting stops with a warning that says what to do.
      - With V(false) the task returns the resource in whatever state Konnect reports (for example C(initializing)).
    type: bool
    default: false
  wait_timeout:
    description:
      - How many seconds O(wait) polls before the task fails with a message naming the state the resource is still in.
        Konnect carries on provisioning; a later run picks up where this one stopped.
    type: int
    default: 1800
'''
