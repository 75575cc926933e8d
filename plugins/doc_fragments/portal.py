# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """The portal a page, snippet or setting of a developer portal belongs to."""

    DOCUMENTATION = r'''
options:
  portal:
    description:
      - The developer portal, by name or id (see M(konnect.konnect.portal)).
      - Giving the id saves a lookup.
    type: str
    required: true
notes:
  - Developer portals live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the portal's region.
'''

    IMAGE = r'''
options:
  src:
    description:
      - A file holding the image, on the host that runs the task (the controller, unless the task is delegated).
      - Mutually exclusive with O(data).
    type: path
  data:
    description:
      - The image as a data URL, for example C(data:image/png;base64,iVBORw0KGgo...). A percent-encoded (not base64) data URL
        is sent base64-encoded.
      - Mutually exclusive with O(src).
    type: str
'''

    CONTENT = r'''
options:
  description:
    description:
      - A short description (up to 160 characters).
    type: str
  visibility:
    description:
      - V(public) shows it to developers who are not signed in. When it is created without one, it gets the portal's
        O(konnect.konnect.portal#module:default_page_visibility).
    type: str
    choices: [public, private]
  status:
    description:
      - It is shown only when V(published). It is created V(unpublished) unless this says otherwise.
    type: str
    choices: [published, unpublished]
'''
