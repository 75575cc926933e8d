#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_favicon
short_description: Set the favicon of a Konnect developer portal
version_added: 0.1.0
description:
  - Upload the favicon of a developer portal, the icon of the portal's browser tabs, from a file (O(src)) or a data URL (O(data)).
  - The image is compared by content, not by text; the same image given as a file, as a base64 data URL or as a
    percent-encoded one is no change.
  - Konnect keeps one favicon per portal and cannot remove it, so there is no C(state) option; a task that gives no image
    just reads the current one.
  - Konnect takes PNG, JPEG, GIF, ICO and SVG images. A file's type is read from its first bytes (then its name).
author:
  - konnect.konnect contributors (@konnect-konnect)
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.portal.image
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal
  - module: konnect.konnect.portal_customization
'''

EXAMPLES = r'''
- name: The favicon from a file of the playbook
  konnect.konnect.portal_favicon:
    portal: partners
    src: "{{ role_path }}/files/favicon.ico"

- name: The favicon as a data URL
  konnect.konnect.portal_favicon:
    portal: partners
    data: "data:image/png;base64,{{ lookup('ansible.builtin.file', 'files/favicon.png.b64') }}"

- name: Read the current favicon
  konnect.konnect.portal_favicon:
    portal: partners
  register: current
'''

RETURN = r'''
portal_favicon:
  description: The favicon as Konnect returns it after the task (the predicted one in check mode); empty if the portal has none.
  returned: always
  type: dict
  sample:
    data: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
diff:
  description:
    - Before and after, when run with C(--diff); the image is shown as its type, size and SHA-256 digest.
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_favicon')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
