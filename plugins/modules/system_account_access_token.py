#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: system_account_access_token
short_description: Mint, rotate and revoke access tokens of Konnect system accounts
version_added: 0.1.0
description:
  - Make sure a system account has an access token with a given name, replace it, or delete it.
  - When a token is minted, its secret (C(spat_...)) is returned once, as RV(token). Konnect never shows it again, so store
    it in the same play (see the examples).
  - A token is found by O(id) or by its O(name) within the system account. A plain re-run finds the existing token and
    mints nothing, so RV(token) is only there on the run that created or replaced it.
  - O(rotate) and O(rotate_before_days) replace a token. The new token is minted first and the old one is deleted only
    once the new one exists.
  - If several tokens of the account carry the name, the newest is the one the task manages and the older ones are
    deleted, with a warning, as left over from an interrupted rotation.
  - System accounts are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The token's name, unique within the system account. Required unless O(id) is given; with O(id), a different name
        renames the token (the secret stays the same).
    type: str
  expires_at:
    description:
      - When the token stops working, as an RFC 3339 timestamp such as V(2027-06-30T00:00:00Z).
      - Konnect requires it when a token is minted, and it cannot change afterwards. If an existing token has another
        expiry, the task only warns and keeps the token; set O(rotate=true) to replace it with one that has the new expiry.
    type: str
  state:
    description:
      - V(present) mints the token if it does not exist, renames it (when found by O(id)) or replaces it when O(rotate) or
        O(rotate_before_days) say so.
      - V(absent) deletes the token, which revokes it at once. Deleting a token that does not exist reports no change.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.identity.system_account
  - konnect.konnect.entity
  - konnect.konnect.identity.rotation
  - konnect.konnect.identity
  - konnect.konnect.attributes
notes:
  - The result of a task that minted a token is marked as C(no_log), so Ansible does not print it (nor send it to callbacks
    and logs), while the registered variable keeps it. Give C(no_log=true) to every task that uses the token as well.
  - An O(expires_at) computed from the current date differs on every run; until the token is replaced, each run warns
    that the token keeps its expiry.
  - A token is never minted twice behind your back. If Konnect minted it but the answer carrying the secret was lost (a
    dropped connection), the task fails and names the token, whose secret cannot be read again. If the run was killed in
    that moment, the next run finds the token and reports it unchanged, without a secret. Either way, replace it with
    O(rotate=true) (the new token is minted first, then the one without a known secret is deleted), or delete it and
    run again.
seealso:
  - module: konnect.konnect.system_account_access_token_info
  - module: konnect.konnect.system_account
  - module: konnect.konnect.personal_access_token
'''

EXAMPLES = r'''
- name: Mint a token for GitHub Actions (only the first run returns the secret)
  konnect.konnect.system_account_access_token:
    system_account: ci-deployer
    name: github-actions
    expires_at: "2027-06-30T00:00:00Z"
  register: gha_token

- name: Keep the new secret in a file only its owner can read
  ansible.builtin.copy:
    content: "{{ gha_token.token }}"
    dest: /etc/konnect/ci-deployer.token
    owner: root
    mode: '0600'
  no_log: true
  when: gha_token.token is defined

- name: Or hand it to GitHub as a repository secret
  ansible.builtin.command:
    argv: [gh, secret, set, KONNECT_TOKEN, --repo, acme/gateway-config]
    stdin: "{{ gha_token.token }}"
  no_log: true
  when: gha_token.token is defined
  changed_when: true

- name: Rotate the token now - the new one exists before the old one is deleted
  konnect.konnect.system_account_access_token:
    system_account: ci-deployer
    name: github-actions
    expires_at: "2028-06-30T00:00:00Z"
    rotate: true
  register: gha_token

- name: Scheduled job - a 90-day token, replaced once fewer than 14 days are left
  konnect.konnect.system_account_access_token:
    system_account: 497f6eca-6276-4993-bfeb-53cbbbba6f08
    name: nightly-sync
    expires_at: "{{ '%Y-%m-%dT%H:%M:%SZ' | strftime(now().timestamp() | int + 90 * 86400, utc=true) }}"
    rotate_before_days: 14
  register: sync_token

- name: Rename a token found by id (its secret does not change)
  konnect.konnect.system_account_access_token:
    system_account: ci-deployer
    id: 80085d3a-6e96-49b4-af14-242b5bc1d0cb
    name: github-actions-legacy

- name: Revoke a token
  konnect.konnect.system_account_access_token:
    system_account: ci-deployer
    name: github-actions-legacy
    state: absent
'''

RETURN = r'''
system_account_access_token:
  description:
    - The token's details as Konnect returns them after the task (the predicted ones in check mode, whose C(id) is null when
      a token would be minted); an empty dict after a deletion.
    - Never contains the secret; see RV(token).
  returned: always
  type: dict
  sample:
    id: 80085d3a-6e96-49b4-af14-242b5bc1d0cb
    name: github-actions
    expires_at: "2027-06-30T00:00:00Z"
    last_used_at: "2026-12-01T08:15:00Z"
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
token:
  description:
    - The secret of the token minted by this run (C(spat_...)), to pass as a bearer token or as O(konnect_token).
    - Konnect shows it only once. The whole result is hidden from Ansible's output and logs, but the registered variable
      keeps it; store it right away, in a task with C(no_log=true).
    - Not returned when the token already existed and was left alone, nor in check mode.
  returned: when a token was minted (created or rotated)
  type: str
  sample: spat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff). Never the secret.
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('system_account_access_token')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
