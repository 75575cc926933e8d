#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r'''
module: portal_client_developer
short_description: Sign up as a developer on a Konnect developer portal and complete the sign-up
version_added: 0.1.0
description:
  - The developer's own account on a developer portal, as the developer (O(portal_email)) sees it through the portal's
    own host. For an administrator's view of the portal's developers, see M(konnect.konnect.portal_developer).
  - Konnect's sign-up takes no password. The first run signs the developer up with O(full_name); the portal emails a
    verification link whose C(token) the next run gives as O(verification_token), with the password to set
    (O(password), by default O(portal_password)). The developer is then approved by an administrator, or by the portal
    itself when it approves developers automatically.
  - RV(status) says where the account stands. V(verification pending) until the sign-up is completed, V(approval pending)
    until an administrator approves the developer, then V(active). A run that finds the developer able to log in changes
    nothing, so the task can stay in a playbook that runs every day.
  - The developer signs up once. A portal refuses a second sign-up with the same email (409), which the task reports as
    V(verification pending) without a change.
  - The portal answers a login with a wrong password and a login before the sign-up is complete alike. A developer that
    cannot log in and gives no O(verification_token) is therefore reported V(verification pending), with a warning that
    the password may be wrong. In check mode the task cannot ask (only a sign-up tells), so it predicts a sign-up.
  - The verification token, the password and the reset token the portal hands over are never shown.
author:
  - konnect.konnect contributors (@konnect-konnect)
options:
  full_name:
    description:
      - The developer's full name, sent with the sign-up. Required to sign up; the portal offers no way to change it later.
    type: str
  verification_token:
    description:
      - The token of the verification email (the C(token) parameter of its link). Given with a password, it completes the
        sign-up. A token works once; runs after the sign-up is complete log in and do not use it.
    type: str
  password:
    description:
      - The password to set when completing the sign-up. Defaults to O(portal_password), which the other portal_client
        modules log in with.
    type: str
extends_documentation_fragment:
  - konnect.konnect.portal_client
  - konnect.konnect.portal_client.attributes
seealso:
  - module: konnect.konnect.portal_developer
  - module: konnect.konnect.portal_client_info
'''

EXAMPLES = r'''
- name: Sign up (the portal emails a verification link)
  konnect.konnect.portal_client_developer:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    full_name: Payments CI
  register: developer

- name: Complete the sign-up with the token from the email
  konnect.konnect.portal_client_developer:
    portal_url: https://developer.example.com
    portal_email: payments-ci@example.com
    portal_password: "{{ vault_portal_password }}"
    full_name: Payments CI
    verification_token: "{{ lookup('ansible.builtin.env', 'PORTAL_VERIFICATION_TOKEN') }}"
  register: developer

- name: Stop here until an administrator has approved the developer
  ansible.builtin.assert:
    that: developer.status == 'active'
    fail_msg: "The developer is {{ developer.status }}; ask a portal administrator to approve it."

- name: Set a password other than portal_password on completion
  konnect.konnect.portal_client_developer:
    portal_url: developer.example.com
    portal_email: payments-ci@example.com
    verification_token: "{{ token_from_email }}"
    password: "{{ new_password }}"
'''

RETURN = r'''
portal_client_developer:
  description:
    - The developer. Once the developer can log in, its profile as the portal returns it (C(id), C(email), C(full_name),
      C(created_at), C(updated_at)); before that, the email (and the full name a sign-up sent). Always with C(status).
  returned: always
  type: dict
  sample:
    id: 8d2e5a61-0d1a-4a2f-9a55-0a4b2b1f1c11
    email: payments-ci@example.com
    full_name: Payments CI
    status: active
status:
  description: Where the account stands.
  returned: always
  type: str
  choices: [verification pending, approval pending, active]
  sample: approval pending
diff:
  description: Before and after of the email, the full name and the status, when run with C(--diff).
  returned: when diff mode is on
  type: dict
'''

from ansible_collections.konnect.konnect.plugins.module_utils.portal_runner import PortalDeveloperTask

TASK = PortalDeveloperTask()


def main():
    TASK.main()


if __name__ == '__main__':
    main()
