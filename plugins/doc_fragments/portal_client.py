# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """How the portal_client modules connect to a developer portal, as a developer, and their attributes."""

    DOCUMENTATION = r'''
options:
  portal_url:
    description:
      - The base URL of the developer portal, its default domain or its custom domain, as the M(konnect.konnect.portal)
        module returns them (C(default_domain) in RV(konnect.konnect.portal#module:portal)); without a scheme, C(https://) is assumed.
      - The modules talk to the portal's own host (the Portal Client API under C(/api/v3)), never to the Konnect admin API.
      - If not set, the environment variable E(KONNECT_PORTAL_URL) is used.
      - Required. With a scheme, it must be C(http) or C(https) and the URL must have a host; anything else is refused,
        naming this option, before any request is sent.
    type: str
  portal_email:
    description:
      - The email address of the developer the task acts as.
      - If not set, the environment variable E(KONNECT_PORTAL_EMAIL) is used.
    type: str
  portal_password:
    description:
      - The developer's password. The task logs in with it on its first request that needs a session and keeps the session
        cookie for the rest of the task; when the portal answers 401, the session is refreshed once and the request sent again.
      - Never shown in output, diffs or error messages, and neither are the session cookies.
      - If not set, the environment variable E(KONNECT_PORTAL_PASSWORD) is used.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the portal.
      - Only turn this off for a test endpoint you control. Tasks that turn it off warn; the warning is the same text for every
        task, so a run shows it once.
      - A certificate that does not verify fails the task at once, with a message that names O(ca_path) and this option.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to trust instead of the system bundle (for example behind a TLS-inspecting proxy), or a
        directory of them prepared with C(c_rehash).
      - It must exist and hold a certificate; this is checked before any request. It takes precedence over the environment
        variables E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE).
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: int
    default: 30
  max_retries:
    description:
      - How many times to retry a request that was rate limited (HTTP 429, honouring C(Retry-After)), that could not connect
        (connection refused, connect timeout, a temporary DNS failure), or, for reads, updates and deletes, that failed with
        HTTP 502, 503, 504, a read timeout or a dropped connection. Waits back off exponentially, with jitter.
      - A TLS certificate that does not verify and a host name that does not resolve are not retried.
    type: int
    default: 5
notes:
  - The portal_client modules belong to the action group C(konnect.konnect.portal_client), so the portal and the developer can be
    set once with C(module_defaults) and the key C(group/konnect.konnect.portal_client).
  - The portal must allow what the developer does; see the collection's README, "Developer self-service". An admin enables
    login by password (M(konnect.konnect.portal_auth_settings)), approves developers and registrations (or lets the portal
    approve them) and publishes APIs with an application auth strategy (M(konnect.konnect.api_publication)).
  - Tasks run in-process on the controller when their connection is local, as the other konnect.konnect modules do.
requirements:
  - requests
'''

    ATTRIBUTES = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - The developer logs in and every lookup still runs; nothing is created, changed or deleted, no secret is minted and no file is written.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
  action_group:
    description: Use C(group/konnect.konnect.portal_client) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - konnect.konnect.portal_client
'''

    INFO_ATTRIBUTES = r'''
options: {}
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - This module only reads from the portal; in check mode it writes no file either.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - This module never changes anything on the portal.
  action_group:
    description: Use C(group/konnect.konnect.portal_client) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - konnect.konnect.portal_client
'''
