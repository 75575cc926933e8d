# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options shared by the modules of API Builder v3 (APIs, API packages and what belongs to them)."""

    DOCUMENTATION = r'''
options:
  api:
    description:
      - The API, by id or by name. Giving the id saves a lookup, so a task that changes nothing makes fewer requests.
      - When several APIs share the name (with different versions), set O(api_version) to pick one; otherwise the task
        fails and lists them with their versions and ids.
    type: str
    required: true
  api_version:
    description:
      - The version of the API that O(api) names, to pick one of several APIs with the same name. Ignored when O(api) is an id.
      - This is the API's own C(version), not the version of its specification (see M(konnect.konnect.api_version)).
    type: str
notes:
  - APIs live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the API.
'''

    API_SELECTS = r'''
options:
  api:
    description:
      - The API, by id or by name. Giving the id saves a lookup.
      - When several APIs share the name (with different versions), set O(api_version) to pick one; otherwise the task
        fails and lists them with their versions and ids.
    type: str
  api_version:
    description:
      - The version of the API that O(api) names, to pick one of several APIs with the same name. Ignored when O(api) is an id.
    type: str
notes:
  - APIs live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the API.
'''

    PACKAGE = r'''
options:
  api_package:
    description:
      - The API package, by id or by name. Giving the id saves a lookup, so a task that changes nothing makes fewer requests.
      - When several API packages share the name (with different versions), set O(api_package_version) to pick one;
        otherwise the task fails and lists them with their versions and ids.
    type: str
    required: true
  api_package_version:
    description:
      - The version of the API package that O(api_package) names, to pick one of several with the same name. Ignored when
        O(api_package) is an id.
    type: str
notes:
  - API packages live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the package.
'''

    PACKAGE_SELECTS = r'''
options:
  api_package:
    description:
      - The API package, by id or by name. Giving the id saves a lookup.
      - When several API packages share the name (with different versions), set O(api_package_version) to pick one;
        otherwise the task fails and lists them with their versions and ids.
    type: str
  api_package_version:
    description:
      - The version of the API package that O(api_package) names, to pick one of several with the same name. Ignored when
        O(api_package) is an id.
    type: str
notes:
  - API packages live in one Konnect region; set O(konnect_region) (or E(KONNECT_REGION)) to the region of the package.
'''

    SPECIFICATION = r'''
options:
  content:
    description:
      - The specification, OpenAPI 2 (Swagger), OpenAPI 3 or AsyncAPI, as JSON or YAML text. Mutually exclusive with O(src).
      - Compared after both sides are read as data, so key order, quoting, indentation and JSON versus YAML make no
        difference; when it does differ, the text is sent as given (comments and key order kept).
      - Before a changed specification is written, Konnect's own validation endpoint (C(POST /v3/apis/validate-specification))
        checks it; a specification it refuses fails the task with Konnect's reasons and nothing is written. Its notes
        (warnings) are shown as warnings.
      - Check mode only checks that the text is a JSON or YAML document; it does not call the validation endpoint.
      - Required to create it.
    type: str
  src:
    description:
      - A file holding the specification, JSON or YAML; read on the host that runs the task (the controller, unless the task
        is delegated). Used exactly as O(content) would be. Mutually exclusive with O(content).
    type: path
'''

    PUBLICATION = r'''
options:
  portal:
    description:
      - The portal, by name or id. Giving the id saves a lookup.
      - Required by this module (it is optional only for listing with the C(_info) module).
    type: str
  visibility:
    description:
      - V(public) shows it to anonymous visitors of the portal, V(private) only to signed-in developers.
      - When it is not set on creation, Konnect uses the portal's C(default_api_visibility), else V(private).
      - The visibility Konnect answers is checked against the one sent; a difference fails the task (kongctl issue 112
        saw V(public) turn V(private)).
    type: str
    choices: [public, private]
  auth_strategies:
    description:
      - The application auth strategy developers' applications use for it, by name or id; Konnect takes at most one.
      - An empty list means no application auth (Konnect's C(auth_strategy_ids=null)).
      - Left out on creation, Konnect applies the portal's default application auth strategy; left out later, the current
        strategy is kept (it is sent as it is, because Konnect's PUT would otherwise fall back to the portal's default).
    type: list
    elements: str
  auto_approve_registrations:
    description:
      - Whether developers' registrations for it are approved without an administrator. When V(false), the portal's
        C(auto_approve_applications) decides.
    type: bool
  id:
    description:
      - Not used; a publication has no id of its own. Giving one fails the task.
    type: str
  state:
    description:
      - V(present) publishes it or updates the settings the task gives; V(absent) unpublishes it (unpublishing what is
        not published is not an error and reports no change).
    type: str
    choices: [present, absent]
    default: present
'''

    DOCUMENT = r'''
options:
  slug:
    description:
      - The document's slug (letters, digits, C(_) and C(-)), unique among the documents of the API or API package
        it belongs to; used in the portal's URLs.
      - Required unless O(id) is given; with O(id), a different slug renames it.
    type: str
  title:
    description:
      - The document's title. Konnect uses the slug when it is not set on creation.
    type: str
  content:
    description:
      - The document, as markdown; front matter may set C(title), C(slug) and C(status), which the options override.
      - Required to create it.
    type: str
  status:
    description:
      - V(published) shows it in portals; Konnect creates documents V(unpublished) when it is not set.
    type: str
    choices: [published, unpublished]
  parent_document:
    description:
      - The document it sits under, by slug or id, among the documents of the same API or API package.
      - An empty string moves it to the top level; when it is not set, the document stays where it is (new documents go to the
        top level).
    type: str
notes:
  - Konnect lists documents as a tree without their content, so a task that sets O(content) reads the document too
    (two requests when nothing changes).
  - What Konnect does with the documents under a deleted document is not documented; the emulator deletes them with it.
'''

    DOCUMENT_INFO = r'''
options:
  slug:
    description:
      - Return only the document with this slug, in full (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
notes:
  - O(filters) are applied to the flattened list (C(status) included), so a document under an unpublished one is still listed.
'''
