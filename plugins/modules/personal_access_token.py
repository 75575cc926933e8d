#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: personal_access_token
short_description: Mint, rotate and delete your own Konnect personal access tokens
version_added: 0.1.0
description:
  - Make sure the calling user has a personal access token with a given name, replace it, or delete it.
  - The calling user is the person O(konnect_token) belongs to, which must then be a personal access token (C(kpat_...)),
    or the one logging in with O(konnect_email). A system account token (C(spat_...)) cannot manage personal access tokens;
    the task then fails with a clear message before changing anything.
  - When a token is minted, its secret (C(kpat_...)) is returned once, as RV(token). Konnect never shows it again, so store
    it in the same play (see the examples).
  - A token is found by O(id) or by its O(name) among the user's tokens. A plain re-run finds the existing token and mints
    nothing, so RV(token) is only there on the run that created or replaced it.
  - O(rotate) and O(rotate_before_days) replace a token. The new token is minted first and the old one is deleted only
    once the new one exists.
  - If several of the user's tokens carry the name, the newest is the one the task manages and the older ones are deleted,
    with a warning, as left over from an interrupted rotation. Give tokens made by hand distinct names.
  - Expired and revoked tokens still exist under their name; O(rotate_before_days) replaces an expired one.
  - Konnect keeps at most 10 personal access tokens per user. The organization can turn personal access tokens off or
    cap their lifetime (see M(konnect.konnect.organization)).
  - Personal access tokens are global; the calls go to the global API whatever O(konnect_region) says.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  name:
    description:
      - The token's name (letters, digits, spaces and C(_-.') inside, starting and ending with a letter or digit).
        Required unless O(id) is given; with O(id), a different name renames the token (the secret stays the same).
    type: str
  ttl_seconds:
    description:
      - How long a newly minted token is valid, in seconds, from V(86400) (one day) to V(31536000) (one year).
      - A token is minted with either this or O(expires_at), not both; Konnect prefers this one.
      - Only used when a token is minted (also by a rotation); an existing token keeps its expiry.
    type: int
  expires_at:
    description:
      - When a newly minted token stops working, as an RFC 3339 timestamp such as V(2027-06-30T00:00:00Z). Konnect considers
        this way of giving the expiry deprecated; prefer O(ttl_seconds).
      - It cannot change afterwards. If an existing token has another expiry, the task only warns and keeps the token; set
        O(rotate=true) to replace it with one that has the new expiry.
    type: str
  state:
    description:
      - V(present) mints the token if it does not exist, renames it (when found by O(id)) or replaces it when O(rotate) or
        O(rotate_before_days) say so.
      - V(absent) deletes the token, which revokes it at once. Deleting a token that does not exist reports no change.
      - If a task deletes the very token it authenticates with, later tasks that use it fail.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - konnect.konnect.connection
  - konnect.konnect.entity
  - konnect.konnect.identity.rotation
  - konnect.konnect.identity
  - konnect.konnect.attributes
notes:
  - The result of a task that minted a token is marked as C(no_log), so Ansible does not print it (nor send it to callbacks
    and logs), while the registered variable keeps it. Give C(no_log=true) to every task that uses the token as well.
  - A token is never minted twice behind your back. If Konnect minted it but the answer carrying the secret was lost (a
    dropped connection), the task fails and names the token, whose secret cannot be read again. If the run was killed in
    that moment, the next run finds the token and reports it unchanged, without a secret. Either way, replace it with
    O(rotate=true) (the new token is minted first, then the one without a known secret is deleted), or delete it and
    run again.
seealso:
  - module: konnect.konnect.personal_access_token_info
  - module: konnect.konnect.system_account_access_token
  - module: konnect.konnect.organization
'''

EXAMPLES = r'''
- name: A 30-day token for a laptop (only the first run returns the secret)
  konnect.konnect.personal_access_token:
    name: laptop
    ttl_seconds: 2592000
    konnect_token: "{{ lookup('ansible.builtin.env', 'KONNECT_PAT') }}"
  register: laptop_token

- name: Keep the new secret in a file only its owner can read
  ansible.builtin.copy:
    content: "{{ laptop_token.token }}"
    dest: "{{ lookup('ansible.builtin.env', 'HOME') }}/.config/konnect/token"
    mode: '0600'
  no_log: true
  when: laptop_token.token is defined
  delegate_to: localhost

- name: A token with a fixed end date (Konnect prefers ttl_seconds)
  konnect.konnect.personal_access_token:
    name: workshop
    expires_at: "2027-01-31T23:59:59Z"

- name: Replace the token when it has fewer than 7 days left (or has expired), with a new 90-day one
  konnect.konnect.personal_access_token:
    name: deck-sync
    ttl_seconds: 7776000
    rotate_before_days: 7
  register: deck_token

- name: Rotate now, logging in with email and password (legacy, discouraged)
  konnect.konnect.personal_access_token:
    name: deck-sync
    ttl_seconds: 7776000
    rotate: true
    konnect_email: jane.doe@example.com
    konnect_password: "{{ vault_konnect_password }}"
  register: deck_token

- name: Rename a token found by id (its secret does not change)
  konnect.konnect.personal_access_token:
    id: 83f8380e-7798-4566-99e3-2edf2b57d289
    name: old-laptop

- name: Delete a token
  konnect.konnect.personal_access_token:
    name: old-laptop
    state: absent
'''

RETURN = r'''
personal_access_token:
  description:
    - The token's details as Konnect returns them after the task (the predicted ones in check mode, whose C(id) is null when
      a token would be minted); an empty dict after a deletion.
    - Never contains the secret; see RV(token).
  returned: always
  type: dict
  sample:
    id: 83f8380e-7798-4566-99e3-2edf2b57d289
    name: laptop
    state: ACTIVE
    user_id: 7f9fd312-a987-4628-b4c5-bb4f4fddd5f7
    expires_at: "2026-12-23T10:00:00Z"
    last_used_at: "2026-11-24T09:12:00Z"
    revoked_at: null
    revoked_by: null
    created_at: "2026-11-23T10:00:00Z"
    updated_at: "2026-11-23T10:00:00Z"
token:
  description:
    - The secret of the token minted by this run (C(kpat_...)), to pass as a bearer token or as O(konnect_token).
    - Konnect shows it only once. The whole result is hidden from Ansible's output and logs, but the registered variable
      keeps it; store it right away, in a task with C(no_log=true).
    - Not returned when the token already existed and was left alone, nor in check mode.
  returned: when a token was minted (created or rotated)
  type: str
  sample: kpat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN
diff:
  description: Before and after of the name, the id and the fields the task sets, when run with C(--diff). Never the secret.
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.runner import EntityTask

TASK = EntityTask('personal_access_token')


def main():
    TASK.main()


if __name__ == '__main__':
    main()
