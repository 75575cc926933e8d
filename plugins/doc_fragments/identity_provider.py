# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment(object):
    """Options shared by the single sign-on modules of the organization and of developer portals."""

    DOCUMENTATION = r'''
options:
  type:
    description:
      - The protocol, V(oidc) or V(saml). Required unless O(id) is given.
      - Can only be set when the provider is created (see O(recreate)).
    type: str
    choices: [oidc, saml]
  config:
    description:
      - The provider's settings. Give the OIDC keys for an V(oidc) provider and the SAML keys for a V(saml) one.
      - Konnect checks the settings as a whole whenever they change, so give every key the provider needs, not only the one
        that changes (for OIDC at least O(config.issuer_url) and O(config.client_id)).
      - Keys the task leaves out are not compared.
    type: dict
    suboptions:
      issuer_url:
        description:
          - OIDC. The issuer URL of the provider, where Konnect finds the provider's OpenID configuration, for example
            V(https://example.okta.com/oauth2/default).
        type: str
      client_id:
        description:
          - OIDC. The client id of the application registered at the provider for this sign-in.
        type: str
      client_secret:
        description:
          - OIDC. The client secret of that application.
          - Write-only. Sent only when the provider is created, unless O(update_secrets=always); shown as C(********) in diffs.
        type: str
      scopes:
        description:
          - OIDC. The scopes Konnect asks for when people sign in. Konnect uses V(openid), V(email) and V(profile) when
            none are given; sign-in needs V(openid).
          - Compared in order.
        type: list
        elements: str
      claim_mappings:
        description:
          - OIDC. Which claims of the provider's tokens hold the person's name, email address and groups, as a dict with the
            keys C(name), C(email) and C(groups). Each defaults to the claim of the same name.
        type: dict
      idp_metadata_url:
        description:
          - SAML. The URL where Konnect reads the provider's SAML metadata.
        type: str
      idp_metadata_xml:
        description:
          - SAML. The provider's SAML metadata document itself, for a provider that does not publish it at a URL.
        type: str
'''

    INFO = r'''
options:
  type:
    description:
      - Return only the providers of this type, V(oidc) or V(saml) (an empty list if there is none).
      - Mutually exclusive with O(id) and O(filters).
    type: str
'''

    TEAM_GROUP_MAPPING = r'''
options:
  group:
    description:
      - The group's name exactly as the identity provider sends it (case sensitive). Required with O(state=present).
    type: str
  id:
    description:
      - The id of an existing mapping, to find it without O(team) and O(group) (for example to remove it).
      - With O(state=present) the mapping must exist and O(team) and O(group), which are then required as well, must match it.
    type: str
'''
