#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: apply
short_description: Converge a whole Konnect organization described by one document
version_added: 0.1.0
description:
  - Converges an organization document, the one the role C(konnect.konnect.org_bootstrap) takes (C(konnect_org)) - teams,
    users, system accounts and their tokens, single sign-on, control planes and groups in several regions, data-plane
    certificates, config stores, vaults, gateway entities and role assignments; DCR providers and application auth
    strategies, APIs (specification, documents, implementation, publications) and developer portals (customization,
    auth settings, logo, favicon, custom domain, pages, snippets, teams and their roles and developers, identity
    providers, developers, applications and their registrations); audit-log destinations, consumer realms and their
    consumers, Kong Identity auth servers and their scopes, claims and clients.
  - An entry of C(dcr_providers), C(auth_strategies), C(apis) and C(portals) (and of their sections) takes the options of
    its module (M(konnect.konnect.dcr_provider), M(konnect.konnect.portal_page), ...) and C(region); the entities they
    name (a publication's portal, an application's strategy, a role's API) may be the document's or existing ones.
  - The document is checked against its JSON schema and its references (names it uses that it does not list, names listed
    twice, files that do not exist) before any request; every problem is reported at once, named by its path.
  - 'A control plane''s gateway configuration may be a decK state file (C(_format_version: "3.0")), inline under C(gateway)
    or as a file under C(gateway_file), exactly as decK reads it: references by name, C(${{ env "DECK_..." }}),
    C(_info.defaults), C(_info.select_tags). Its C(_info.select_tags) say what of that control plane O(prune) may delete.
    A decK file inline in a playbook goes through Jinja first: mark it C(!unsafe) when it uses C(${{ env ... }}).'

  - Each collection is read once per parent (all pages, the largest page Konnect gives), matched in memory by natural key
    or id, and only what differs is written; creation runs in dependency order, up to O(parallelism) requests at a time
    within one dependency level, and deletion in the reverse order. A run that changes nothing makes only reads.
  - Every entity is compared and written exactly as its own module would (M(konnect.konnect.team),
    M(konnect.konnect.gateway_service), ...); only what the document sets is compared, secrets are sent on creation only,
    labels and tags other tools own are never touched.
  - Entities carry the owner the document names (C(managed_by)); with O(prune) (or C(prune=true) in the document), owned
    entities the document no longer lists are deleted, unless they are marked C(protected). Nothing else is ever deleted.
  - With C(-v), one line per dependency level says how much was read and how much there is to write.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  document:
    description:
      - The organization document, see C(docs/org.example.yml) for every section and key.
      - A mapping with the key C(konnect_org) (as a vars file writes it) is read as the document under that key.
      - Mutually exclusive with O(src).
    type: dict
  src:
    description:
      - Path of a YAML or JSON file on the controller holding the document (or a vars file with C(konnect_org)).
      - Mutually exclusive with O(document).
    type: path
  prune:
    description:
      - Delete owned entities that the document no longer lists (in reverse dependency order), as C(prune=true) in the
        document does. Entities marked C(protected) are kept.
      - Owned means the label C(managed-by=<managed_by>) (teams, control planes, DCR providers, auth strategies, APIs,
        portals, in every region the document names), the tag C(managed-by:<managed_by>) (gateway entities of the
        document's own sections), or every select tag of a decK file (its control plane's gateway entities; without select
        tags, every gateway entity of that control plane).
      - Below a portal of the document, a section it gives (C(pages), C(snippets), C(teams), a team's C(roles) and
        C(developers), an identity provider's C(team_mappings)) is the whole list of those entities there, Konnect giving
        them no labels. Developers, applications and registrations (people sign up and register themselves), API documents
        and publications are never pruned.
    type: bool
    default: false
  parallelism:
    description:
      - How many requests may run at once within one dependency level (decK's default is 10 too).
    type: int
    default: 10
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
notes:
  - Check mode makes a real plan without writing anything, also for entities below parents that do not exist yet (they
    get placeholder ids C(new:<type>:<name>)). C(--diff) shows every entity that would change, before and after, secrets
    masked.
  - Minted system account tokens are written to their C(token_file) (mode 0600, directories 0700) and never returned.
    Generated data-plane key pairs are written to C(cert_path) and C(key_path) once.
  - A run that is interrupted (killed, or a connection dropped after Konnect applied a write) goes on from where it
    stopped on the next run, creating nothing twice. A token is never minted twice. One minted by a write whose answer
    was lost fails that write, naming the token; one whose C(token_file) does not exist (a run killed right after Konnect
    minted it, or the file was removed) gets a warning on every run. Its secret cannot be read again; to replace it,
    delete the token (M(konnect.konnect.system_account_access_token) with O(konnect.konnect.system_account_access_token#module:state=absent))
    and apply again.
seealso:
  - module: konnect.konnect.dump
'''

EXAMPLES = r'''
- name: Converge the organization (a check-mode run shows the plan)
  konnect.konnect.apply:
    src: org.yml
  register: org

- name: Use the id of a control plane the document names (region/name)
  ansible.builtin.debug:
    msg: "{{ org.ids.control_plane['eu/orders-prod'] }}"

- name: A document in the playbook, whose orders-prod gateway configuration is a decK file
  konnect.konnect.apply:
    parallelism: 20
    document:
      managed_by: platform-team
      control_planes:
        - name: orders-prod
          region: eu
          gateway_file: files/orders-prod.deck.yaml

- name: Remove what the document no longer lists (owned and not protected only)
  konnect.konnect.apply:
    src: org.yml
    prune: true
'''

RETURN = r'''
summary:
  description: Per entity type and region (V(global) for identity), how many were created, updated, unchanged and deleted.
  returned: always
  type: list
  elements: dict
  sample:
    - {type: gateway_service, region: eu, created: 1, updated: 0, unchanged: 9, deleted: 0}
changes:
  description:
    - One item per write (or per write check mode plans), each with C(action) (created, updated, deleted), C(type),
      C(region), C(key) (the entity's name as the document gives it, a key-auth credential by its place and never by its
      key), C(id) and the C(fields) that change.
  returned: always
  type: list
  elements: dict
  sample:
    - {action: updated, type: gateway_service, region: eu, key: eu/orders-prod/orders, id: 0da1f2c4-6b1e-4f7a-9d3b-1c2e3f4a5b6c,
       fields: [host, port]}
ids:
  description:
    - The id of every entity of the document, per type, by the name C(changes) uses (gateway entities
      C(<region>/<control plane>/<name>), control planes C(<region>/<name>)). In check mode, entities that would be
      created have placeholder ids.
  returned: always
  type: dict
  sample:
    control_plane: {eu/orders-prod: 2f1c0f7e-3c1b-4f8e-9a51-6a1e4b9d2c33}
    team: {Platform: 8b1f6f0e-9d0a-4c4e-bb1e-0a7c5d2e9f11}
diff:
  description: Before and after of each entity that changes, with a header naming it; secrets are masked.
  returned: when diff mode is on
  type: list
  elements: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.apply import ApplyTask

TASK = ApplyTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
