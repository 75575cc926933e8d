#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: dump
short_description: Read a Konnect organization as the document that M(konnect.konnect.apply) takes
version_added: 0.1.0
description:
  - Reads what exists in Konnect and returns it as an organization document (the one M(konnect.konnect.apply) and the
    P(konnect.konnect.org_bootstrap#role) role take, C(konnect_org)), so that applying the result changes nothing. That is how a
    team adopts an organization it already has - dump it, keep the document in version control, apply it from then on.
  - Every value is written as C(apply) compares it. References name what they point to (a route's service, a plugin's
    service, route, consumer or consumer group, a team mapping's team, a role's control plane when it is one of a region
    read; otherwise the id). Read-only fields (ids, timestamps), nulls, empty values and values equal to Konnect's defaults
    are left out, and every list is sorted by natural key, so that two dumps of the same organization are identical.
  - Ownership - labels C(managed-by) and C(protected) on teams and control planes, tags C(managed-by:<owner>) and
    C(protected) on gateway entities - becomes the document's C(managed_by) and C(protected=true); other labels and tags are
    kept, but not the labels other tools own (C(KONGCTL-*), C(konnect-managed*), C(k8s-*)). Entities that do not carry the
    owner's mark yet get it on the first C(apply) of the document (that is the adoption); nothing else changes.
  - Gateway entities Konnect manages itself (tagged C(konnect-managed)) are left out, as decK leaves them out.
  - A control plane's gateway configuration is written in the document's own sections (C(vaults), C(certificates),
    C(services), ...). When those cannot hold it (key sets, keys, partials, HMAC, JWT or mTLS credentials, fields the
    sections do not take, a plugin without C(instance_name), a consumer without C(username)), it is written as an inline
    decK file under C(gateway) instead, and a note says why.
  - With O(format=deck), the result is the gateway configuration of one control plane as a decK 3.0 file, as
    C(deck gateway dump) writes it, with C(_konnect.control_plane_name); its tags, ownership tags included, are as Konnect
    holds them. Give it as a control plane's C(gateway) (or C(gateway_file)) in a document and C(apply) changes nothing.
  - Each list is read once, all pages, for the whole control plane (credentials, targets and SNIs too), up to ten at a time.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  sections:
    description:
      - The sections of the organization document to read and write.
      - O(format=deck) needs V(control_planes) and reads nothing else.
    type: list
    elements: str
    choices: [teams, users, system_accounts, identity_providers, control_planes]
    default: [teams, users, system_accounts, identity_providers, control_planes]
  regions:
    description:
      - The regions to read control planes from.
      - Role assignments name a control plane of these regions by its name, one of another region by its id.
    type: list
    elements: str
    choices: [us, eu, au, me, in, sg]
    default: [us, eu, au, me, in, sg]
  control_planes:
    description:
      - The names of the control planes to dump; default all of the regions read.
      - A name that is not a control plane of those regions is an error.
      - A group's members that are not dumped are left out of its C(members) (with a note).
    type: list
    elements: str
  managed_by:
    description:
      - The document's C(managed_by), which C(apply) marks the entities it owns with.
      - Default the owner most entities read are marked with (label C(managed-by), tag C(managed-by:<owner>)), else
        V(konnect-dump).
      - Not used with O(format=deck).
    type: str
  format:
    description:
      - V(document) - an organization document.
      - V(deck) - the gateway configuration of one control plane as a decK 3.0 file; O(regions) and O(control_planes) must
        select exactly one control plane, which is not a control plane group.
    type: str
    choices: [document, deck]
    default: document
  dest:
    description:
      - Also write the result, as YAML, to this file on the host the task runs on (the controller, unless the task runs
        elsewhere).
      - The file is written with mode 0600 (it can hold credentials), a missing directory with mode 0700, and only when its
        content would change; the task then reports C(changed). Check mode writes nothing.
    type: path
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.attributes
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Konnect is read as usual; O(dest) is not written, and C(changed) says whether it would be.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
    details:
      - The content of O(dest) is not shown as a diff; it may hold credentials.
notes:
  - What Konnect cannot return is not in the document, and C(notes) says so where it applies.
  - System account access tokens are shown once, when minted, so they cannot be dumped; list them under the account's
    C(tokens) for C(apply) to mint and rotate new ones.
  - Pinned data-plane certificates (C(dp_certificates)) are left out - a data plane needs their private key, which is not in
    Konnect; give C(cert_path) and C(key_path) of the files your data planes use (or C(generate)).
  - Config store secrets are left out - Konnect never returns their values; C(notes) names the keys, which you can add with
    their values.
  - An identity provider's C(client_secret) is never returned, so it is left out.
  - Credentials are written as Konnect returns them - key-auth keys, HMAC and JWT secrets, certificate private keys and
    keys. A basic-auth password is a salted hash in Konnect, and that hash is what is written; C(apply) finds the credential
    by username and never sends the password of one that exists, but a credential created again from the document would get
    the hash as its password. Give the real password before that happens. A certificate whose key Konnect does not return is
    written without it (and noted); add C(key) or C(key_path) before applying.
  - Because of these credentials, the task's output is hidden from logs and callbacks (as with C(no_log)) whenever the
    result holds any; the registered result keeps the document.
  - Konnect's predefined teams (system teams) cannot be changed, so they are not listed; they can still be named in a system
    account's C(teams) and a team mapping. Konnect's own system accounts (C(konnect_managed)) are left out.
  - Control plane groups get no gateway configuration (it is their members'), nor do control planes the Kong Ingress
    Controller manages (it is in Kubernetes).
seealso:
  - module: konnect.konnect.apply
    description: Converges the document, the same one the konnect.konnect.org_bootstrap role takes.
'''

EXAMPLES = r'''
- name: Dump the whole organization to a file, then check that applying it changes nothing
  konnect.konnect.dump:
    dest: "{{ playbook_dir }}/org.yml"
  register: dumped

- name: The plan of applying it is empty
  konnect.konnect.apply:
    src: "{{ playbook_dir }}/org.yml"
  check_mode: true

- name: Only the teams and the EU control planes, under our own owner name
  konnect.konnect.dump:
    sections: [teams, control_planes]
    regions: [eu]
    managed_by: platform-team
  register: eu

- name: One control plane's gateway configuration as a decK file
  konnect.konnect.dump:
    format: deck
    regions: [eu]
    control_planes: [orders-prod]
    dest: files/orders-prod.deck.yaml
'''

RETURN = r'''
document:
  description:
    - The organization document (keys C(managed_by), C(teams), C(users), C(system_accounts), C(identity_providers),
      C(control_planes), each only when it has entries), or with O(format=deck) the decK file.
  returned: always
  type: dict
  sample:
    managed_by: org-bootstrap
    teams:
      - {name: Platform, description: Runs the shared gateways, labels: {cost_center: platform}, users: [ana@example.com],
         roles: [{role_name: Admin, entity_type_name: Control Planes, entity: orders-prod, entity_region: eu}]}
    control_planes:
      - name: orders-prod
        region: eu
        auth_type: pinned_client_certs
        labels: {env: prod}
        services: [{name: orders, protocol: https, host: orders.internal, port: 8443, path: /v1, retries: 3}]
        routes: [{name: orders-read, methods: [GET], paths: [/orders], service: orders}]
notes:
  description: What the document leaves out or gives otherwise than in its sections, and why, one sentence each.
  returned: always
  type: list
  elements: str
  sample:
    - "eu/orders-prod: config store orders-secrets: the secrets db-password are left out: Konnect never returns their values."
dest:
  description: The file the result is written to (in check mode, would be).
  returned: when O(dest) is set
  type: str
  sample: /home/ops/org.yml
'''

from ansible_collections.konnect.konnect.plugins.module_utils.dump import DumpTask

TASK = DumpTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
