# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """How every konnect.konnect module connects and authenticates."""

    DOCUMENTATION = r'''
options:
  konnect_token:
    description:
      - A Konnect personal access token (starts with C(kpat_)) or system account access token (starts with C(spat_)).
      - If not set, the environment variable E(KONNECT_TOKEN) is used, then E(KONNECT_SPAT).
      - Anything that does not start with C(kpat_) or C(spat_) is rejected before any request is sent.
      - Never shown in output, diffs or error messages.
      - Mutually exclusive with O(konnect_email).
    type: str
  konnect_region:
    description:
      - The Konnect region of regional entities (control planes, gateway configuration, portals, APIs).
      - Identity and organization calls always go to the global API, whatever this says.
      - If not set, the environment variable E(KONNECT_REGION) is used.
    type: str
    choices: [us, eu, au, me, in, sg]
    default: us
  konnect_api_url:
    description:
      - Base URL of the regional API, overriding the one derived from O(konnect_region), for example a Private Link
        host C(https://us.svc.konghq.com) or a local Konnect emulator.
      - The placeholder C({region}) is replaced with O(konnect_region), so C(https://{region}.svc.konghq.com) works for every region.
      - When set and O(konnect_global_api_url) is not, global calls go here too, with C({region}) replaced by C(global).
      - If not set, the environment variable E(KONNECT_API_URL) is used.
      - Must be an absolute C(http) or C(https) URL with a host (no credentials, query or fragment); anything else is refused,
        naming this option, before any request is sent.
    type: str
  konnect_global_api_url:
    description:
      - Base URL of the global API (identity, organizations, cloud gateways). Defaults to C(https://global.api.konghq.com).
      - If not set, the environment variable E(KONNECT_GLOBAL_API_URL) is used.
      - Must be an absolute C(http) or C(https) URL, as O(konnect_api_url).
    type: str
  konnect_email:
    description:
      - B(Legacy, discouraged.) Log in with the email and password of a Konnect user instead of a token; the session
        cookie is kept for the rest of the task.
      - Does not work for organizations that use single sign-on. Prefer O(konnect_token).
      - If not set, the environment variable E(KONNECT_EMAIL) is used.
      - Requires O(konnect_password).
    type: str
  konnect_password:
    description:
      - B(Legacy, discouraged.) The password for O(konnect_email).
      - If not set, the environment variable E(KONNECT_PASSWORD) is used.
    type: str
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the Konnect API.
      - Only turn this off for a test endpoint you control. Tasks that turn it off warn; the warning is the same text for every
        task, so a run shows it once.
      - A certificate that does not verify (an unknown CA, another host name, expired) fails the task at once, without retries,
        with a message that says which and names O(ca_path) and this option.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to trust instead of the system bundle (for example behind a TLS-inspecting proxy), or a
        directory of them prepared with C(c_rehash).
      - It must exist and hold a certificate; this is checked before any request. It takes precedence over the environment
        variables E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE), which otherwise choose the bundle.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: int
    default: 30
  max_retries:
    description:
      - How many times to retry a request that was rate limited (HTTP 429, honouring C(Retry-After)), that could not connect
        (connection refused, connect timeout, a temporary DNS failure; nothing was sent, so creates are retried too), or, for
        reads, updates and deletes, that failed with HTTP 502, 503, 504, a read timeout or a dropped connection. Waits back
        off exponentially, with jitter.
      - What a retry cannot heal is not retried, such as a TLS certificate that does not verify or a host name that does not
        resolve. Every connection failure is reported as one sentence naming the host and the cause.
      - A create that fails ambiguously is never blindly repeated; the entity is looked up by its natural key first.
    type: int
    default: 5
notes:
  - All konnect.konnect modules belong to the action group C(konnect.konnect.konnect), so connection options can be set once with
    C(module_defaults) and the key C(group/konnect.konnect.konnect).
  - Tasks run in-process on the controller when their connection is local, which avoids the start-up cost of a module.
    They behave as the module would; in particular the task's C(environment) keyword (play, block and task level) is
    what the environment variables named here are read from.
    A task that runs against another host, for example with C(delegate_to) a bastion, executes the module there instead,
    and so does a task with C(async) or C(become).
    Set the variable C(konnect_execution) or the environment variable E(KONNECT_EXECUTION) to C(target) or C(controller)
    to force either (C(controller) ignores C(become) and refuses C(async)).
  - An environment variable that is set but empty counts as unset (AWX sets an optional credential field left empty so).
requirements:
  - requests
'''

    # The connection options of the collection's other plugins (the dp_nodes inventory, the entity lookup): the
    # modules' options under the same names, read from the plugin's own options, then from the same environment
    # variables. Where several variables are listed, the last one that is set wins (ansible-core's rule), so
    # KONNECT_TOKEN is listed after KONNECT_SPAT to win over it, as it does for the modules.
    PLUGINS = r'''
options:
  konnect_token:
    description:
      - A Konnect personal access token (starts with C(kpat_)) or system account access token (starts with C(spat_)).
      - Anything that does not start with C(kpat_) or C(spat_) is rejected before any request is sent.
      - Never shown in output or error messages.
      - Mutually exclusive with O(konnect_email).
    type: str
    env:
      - name: KONNECT_SPAT
      - name: KONNECT_TOKEN
  konnect_region:
    description:
      - The Konnect region of regional entities (control planes, gateway configuration, portals, APIs).
      - Identity and organization calls always go to the global API, whatever this says.
    type: str
    choices: [us, eu, au, me, in, sg]
    default: us
    env:
      - name: KONNECT_REGION
  konnect_api_url:
    description:
      - Base URL of the regional API, overriding the one derived from the region, for example a Private Link host
        C(https://us.svc.konghq.com) or a local Konnect emulator.
      - The placeholder C({region}) is replaced with the region, so C(https://{region}.svc.konghq.com) works for every region.
      - When set and O(konnect_global_api_url) is not, global calls go here too, with C({region}) replaced by C(global).
      - Must be an absolute C(http) or C(https) URL with a host (no credentials, query or fragment); anything else is refused,
        naming this option, before any request is sent.
    type: str
    env:
      - name: KONNECT_API_URL
  konnect_global_api_url:
    description:
      - Base URL of the global API (identity, organizations, cloud gateways). Defaults to C(https://global.api.konghq.com).
      - Must be an absolute C(http) or C(https) URL, as O(konnect_api_url).
    type: str
    env:
      - name: KONNECT_GLOBAL_API_URL
  konnect_email:
    description:
      - B(Legacy, discouraged.) Log in with the email and password of a Konnect user instead of a token.
      - Does not work for organizations that use single sign-on. Prefer O(konnect_token).
      - Requires O(konnect_password).
    type: str
    env:
      - name: KONNECT_EMAIL
  konnect_password:
    description:
      - B(Legacy, discouraged.) The password for O(konnect_email).
    type: str
    env:
      - name: KONNECT_PASSWORD
  validate_certs:
    description:
      - Whether to verify the TLS certificate of the Konnect API.
      - Only turn this off for a test endpoint you control.
      - A certificate that does not verify (an unknown CA, another host name, expired) fails at once, without retries,
        with a message that says which and names O(ca_path) and this option.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to trust instead of the system bundle (for example behind a TLS-inspecting proxy), or a
        directory of them prepared with C(c_rehash).
      - It must exist and hold a certificate; this is checked before any request. It takes precedence over the environment
        variables E(REQUESTS_CA_BUNDLE) and E(CURL_CA_BUNDLE), which otherwise choose the bundle.
    type: path
  timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: int
    default: 30
  max_retries:
    description:
      - How many times to retry a request that was rate limited (HTTP 429, honouring C(Retry-After)), that could not connect,
        or that failed with HTTP 502, 503, 504, a read timeout or a dropped connection. Waits back off exponentially, with jitter.
      - What a retry cannot heal is not retried, such as a TLS certificate that does not verify or a host name that does not
        resolve. Every connection failure is reported as one sentence naming the host and the cause.
    type: int
    default: 5
notes:
  - The connection options are those of the modules, with the same names and environment variables. An environment
    variable that is set but empty counts as unset, as it does for the modules.
  - As for the modules, the TLS options, O(timeout) and O(max_retries) have no environment variables.
requirements:
  - requests
'''
