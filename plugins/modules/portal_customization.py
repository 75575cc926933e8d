#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_customization
short_description: Set the look of a Konnect developer portal - theme, layout, CSS, menus and API spec renderer
version_added: 0.1.0
description:
  - Read and update the customization of a developer portal. Every portal has exactly one, so there is nothing to create
    or delete and no C(state) option; a task that gives no setting just reads it.
  - Only what the task gives is compared; within O(theme), O(menu) and O(spec_renderer), only the keys it gives. A menu
    the task gives (O(menu.main), O(menu.footer_sections), O(menu.footer_bottom)) is compared whole and in order, so an
    empty list removes every item of that menu.
  - A change is written as the whole customization (Konnect's PUT, which replaces it), built from what Konnect holds and
    what the task gives, so that nothing the task leaves out is lost and what it removes is really removed.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  theme:
    description:
      - The portal's theme.
    type: dict
    suboptions:
      name:
        description: The name of the theme, for example V(mint_rocket).
        type: str
      mode:
        description: Light or dark colours, or those the developer's system prefers.
        type: str
        choices: [light, dark, system]
      colors:
        description: The theme's colours.
        type: dict
        suboptions:
          primary:
            description: The primary colour, as C(#rrggbb) or C(#rgb).
            type: str
  layout:
    description:
      - The page layout, for example V(topnav) or V(sidebar).
    type: str
  css:
    description:
      - Custom CSS added to every page of the portal. An empty string removes it.
    type: str
  robots:
    description:
      - The portal's C(robots.txt). An empty string removes it (Konnect's default applies).
    type: str
  menu:
    description:
      - The portal's menus. Each menu given replaces that menu; the menus not given are left as they are.
    type: dict
    suboptions:
      main:
        description: The top navigation; an empty list removes every item.
        type: list
        elements: dict
        suboptions:
          path:
            description: Where the item leads, a portal path such as V(/apis), or a URL for an external item.
            type: str
            required: true
          title:
            description: The item's text.
            type: str
            required: true
          visibility:
            description: V(private) items are shown to signed-in developers only.
            type: str
            choices: [public, private]
            default: public
          external:
            description: Whether the path is a URL outside the portal (opened in a new tab).
            type: bool
            default: false
      footer_sections:
        description: The footer's titled columns of links; an empty list removes them.
        type: list
        elements: dict
        suboptions:
          title:
            description: The section's heading.
            type: str
            required: true
          items:
            description: The section's links.
            type: list
            elements: dict
            required: true
            suboptions:
              path:
                description: Where the item leads, a portal path such as V(/apis), or a URL for an external item.
                type: str
                required: true
              title:
                description: The item's text.
                type: str
                required: true
              visibility:
                description: V(private) items are shown to signed-in developers only.
                type: str
                choices: [public, private]
                default: public
              external:
                description: Whether the path is a URL outside the portal (opened in a new tab).
                type: bool
                default: false
      footer_bottom:
        description: The links at the very bottom of the footer; an empty list removes every item.
        type: list
        elements: dict
        suboptions:
          path:
            description: Where the item leads, a portal path such as V(/apis), or a URL for an external item.
            type: str
            required: true
          title:
            description: The item's text.
            type: str
            required: true
          visibility:
            description: V(private) items are shown to signed-in developers only.
            type: str
            choices: [public, private]
            default: public
          external:
            description: Whether the path is a URL outside the portal (opened in a new tab).
            type: bool
            default: false
  spec_renderer:
    description:
      - How API specifications are shown.
    type: dict
    suboptions:
      allow_custom_server_urls:
        description: Whether developers may enter their own server URL for requests.
        type: bool
      hide_deprecated:
        description: Whether deprecated operations are hidden.
        type: bool
      hide_internal:
        description: Whether operations marked internal are hidden.
        type: bool
      infinite_scroll:
        description: Whether the whole specification is one scrolling page.
        type: bool
      show_schemas:
        description: Whether the schemas section is shown.
        type: bool
      try_it_insomnia:
        description: Whether an "open in Insomnia" button is shown.
        type: bool
      try_it_ui:
        description: Whether developers can send requests from the page.
        type: bool
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.portal
  - konnect.konnect.attributes
seealso:
  - module: konnect.konnect.portal
  - module: konnect.konnect.portal_logo
  - module: konnect.konnect.portal_favicon
'''

EXAMPLES = r'''
- name: Read the customization (changes nothing)
  konnect.konnect.portal_customization:
    portal: partners
  register: look

- name: Dark theme in our colour, with a sidebar layout and a little CSS
  konnect.konnect.portal_customization:
    portal: partners
    theme:
      name: mint_rocket
      mode: dark
      colors:
        primary: "#0A7C6E"
    layout: sidebar
    css: |
      .hero { letter-spacing: 0.02em; }

- name: Menus
  konnect.konnect.portal_customization:
    portal: partners
    menu:
      main:
        - {path: /apis, title: APIs}
        - {path: /guides, title: Guides, visibility: private}
        - {path: "https://status.example.com", title: Status, external: true}
      footer_sections:
        - title: Company
          items:
            - {path: /about, title: About}
      footer_bottom:
        - {path: /privacy, title: Privacy}

- name: Remove every footer link and the custom CSS
  konnect.konnect.portal_customization:
    portal: partners
    menu:
      footer_sections: []
      footer_bottom: []
    css: ""

- name: Show specifications without internal operations, and no robots.txt of our own
  konnect.konnect.portal_customization:
    portal: partners
    spec_renderer:
      hide_internal: true
      try_it_ui: true
    robots: ""
'''

RETURN = r'''
portal_customization:
  description: The customization as Konnect returns it after the task (the predicted one in check mode).
  returned: always
  type: dict
  sample:
    layout: topnav
    css: null
    robots: null
    theme: {name: mint_rocket, mode: dark, colors: {primary: "#0A7C6E"}}
    menu:
      main: [{path: /apis, title: APIs, visibility: public, external: false}]
      footer_sections: []
      footer_bottom: []
    spec_renderer: {try_it_ui: true, hide_internal: true, show_schemas: true}
diff:
  description: Before and after of the settings the task gives, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('portal_customization')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
