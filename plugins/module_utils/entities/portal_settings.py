# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A portal's access and delivery settings: IP allow list, email domains, email config, delivery and templates, audit-log webhook (regional)."""

from __future__ import annotations

import ipaddress
import re

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LOOKUP_LIST, LOOKUP_PATH, Entity, Field, Parent, ResettableSingleton, Singleton, looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectParameterError

ON_PORTAL = Parent('portal', 'portal')

# PortalAllowedIPs: 1 to 25 unique addresses or CIDR blocks per entry.
MAX_ALLOWED_IPS = 25
# EmailTemplateName: the templates a portal sends, each customisable.
EMAIL_TEMPLATE_NAMES = [
    'confirm-email-address', 'app-registration-approved', 'app-registration-rejected', 'app-registration-revoked',
    'reset-password', 'account-access-approved', 'account-access-rejected', 'account-access-revoked',
    'api-key-expiring-soon', 'api-key-expired', 'developer-invitation',
]
# EmailTemplateContent: each part with its maximum length.
EMAIL_TEMPLATE_PARTS = {'subject': 1024, 'title': 1024, 'body': 4096, 'button_label': 128}
EMAIL_ADDRESS = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
DOMAIN_LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')


# -- checks before any write ----------------------------------------------------------------------
# ``writable(engine, current)`` runs once a write is decided and before it is made (check mode included); ``prepare``
# only where an option is rewritten before it is compared and sent.

def ip_or_cidr(value):
    """Whether ``value`` is an IPv4/IPv6 address or a CIDR block (host bits may be set, as in 192.0.2.7/24)."""
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return True


def check_allowed_ips(ips):
    if not 1 <= len(ips) <= MAX_ALLOWED_IPS:
        raise KonnectParameterError('allowed_ips: give 1 to %d addresses or CIDR blocks (got %d); a portal may hold '
                                    'several IP allow lists for more.' % (MAX_ALLOWED_IPS, len(ips)))
    wrong = [value for value in ips if not ip_or_cidr(value)]
    if wrong:
        raise KonnectParameterError('allowed_ips: %s %s not an IP address or a CIDR block such as 192.0.2.0/24 or 2001:db8::/32.' % (
            ', '.join(repr(value) for value in wrong), 'is' if len(wrong) == 1 else 'are'))
    repeated = sorted(set(value for value in ips if ips.count(value) > 1))
    if repeated:
        raise KonnectParameterError('allowed_ips: %s given more than once; Konnect takes each address once.' % ', '.join(repeated))


def writable_allow_list(engine, current=None):
    """Addresses Konnect would refuse fail the task; a list the portal does not enforce yet is written with a warning.

    Konnect keeps an IP allow list whatever the portal's ``sipr_enabled``, and enforces it only while that is true
    (https://developer.konghq.com/dev-portal/security-settings/: POST the list, then PATCH the portal's sipr_enabled).
    """
    if engine.params.get('state') == 'absent':
        return
    check_allowed_ips(engine.desired.get('allowed_ips') or [])
    portal = engine.parent('portal') or {}
    if portal.get('sipr_enabled') is False:
        engine.client.warn("portal '%s' has sipr_enabled false: Konnect keeps this IP allow list but enforces it only once "
                           "sipr_enabled is true (set it with konnect.konnect.portal)." % (portal.get('name') or engine.params.get('portal')))


def valid_domain(value):
    """A DNS name of at least two labels whose last one is alphabetic (RFC 1123 host names), in any case."""
    labels = value.lower().split('.')
    return (len(value) <= 253 and len(labels) >= 2 and all(DOMAIN_LABEL.match(label) for label in labels)
            and labels[-1].isalpha() and len(labels[-1]) >= 2)


def writable_email_domain(engine, current=None):
    domain = engine.desired.get('domain')
    if engine.params.get('state') != 'absent' and domain is not None and not valid_domain(domain):
        raise KonnectParameterError('domain: %r is not a domain name such as mail.example.com.' % domain)


def lower_case(value):
    return value.lower() if isinstance(value, str) else value


def check_email_addresses(values):
    for name in ('from_email', 'reply_to_email'):
        if values.get(name) is not None and not EMAIL_ADDRESS.match(values[name]):
            raise KonnectParameterError('%s: %r is not an email address such as developers@example.com.' % (name, values[name]))


def lower_case_domain_name(body):
    """The sender domain is compared, and sent, in lower case (an email domain's name is, whatever case it was given in)."""
    if isinstance(body.get('domain_name'), str):
        body['domain_name'] = body['domain_name'].strip().lower()
    return body


def writable_email_config(engine, current=None):
    """Addresses and domain Konnect would refuse fail the task. A new ``domain_name`` must be one of the organization's
    email domains: found before the config is written, with a warning while Konnect cannot send from it yet."""
    if engine.params.get('state') == 'absent':
        return
    check_email_addresses(engine.desired)
    domain = engine.desired.get('domain_name')
    if domain is None or (current or {}).get('domain_name') == domain:
        return
    if not valid_domain(domain):
        raise KonnectParameterError('domain_name: %r is not a domain name such as mail.example.com.' % domain)
    found = engine.resolver.find_by_key(engine.registry('portal_email_domain'), {}, {'domain': domain})
    if found is None:
        raise KonnectParameterError("domain_name: '%s' is not an email domain of the organization; add it with "
                                    "konnect.konnect.portal_email_domain first." % domain)
    status = (found.get('verification') or {}).get('status')
    if status != 'success':
        engine.client.warn("domain_name: the DNS verification of email domain '%s' is %s; the portal sends from it once it "
                           "succeeds." % (domain, status))


def writable_email_delivery(engine, current=None):
    if engine.params.get('state') != 'absent':
        check_email_addresses(engine.desired)


def template_parts_given(body):
    """Only the parts of the content the task gives are compared and sent (the others keep what Konnect holds)."""
    content = body.get('content')
    if content is None:
        return body
    content = dict((part, text) for part, text in content.items() if text is not None)
    for part, text in content.items():
        if len(text) > EMAIL_TEMPLATE_PARTS[part]:
            raise KonnectParameterError('content.%s: at most %d characters (got %d).' % (part, EMAIL_TEMPLATE_PARTS[part], len(text)))
    if content:
        body['content'] = content
    else:
        body.pop('content')
    return body


def writable_webhook(engine, current=None):
    """The destination must be an id; Konnect enables the webhook only with one (its 400 "cannot be blank")."""
    if engine.params.get('state') == 'absent':
        return
    destination = engine.desired.get('audit_log_destination_id')
    if destination is not None and not looks_like_id(destination):
        raise KonnectParameterError('audit_log_destination_id: %r is not the id (a UUID) of an audit log destination.' % destination)
    if engine.desired.get('enabled') and not destination and not (current or {}).get('audit_log_destination_id'):
        raise KonnectParameterError('enabled: the audit-log webhook of a portal can only be enabled with a destination; '
                                    'give audit_log_destination_id.')


# -- engines --------------------------------------------------------------------------------------

class IpAllowListEngine(EntityEngine):
    """A portal's IP allow list has no name: the task manages the one entry the portal has, or the one given by id."""

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        entries = self.resolver.find_all(self.entity, self.scope, {})
        if len(entries) > 1:
            raise KonnectParameterError("portal: '%s' has %d IP allow lists (ids: %s); give the id of the one to manage." % (
                self.params.get('portal'), len(entries), ', '.join(str(entry.get('id')) for entry in entries)))
        return entries[0] if entries else None


class EmailTemplateEngine(EntityEngine):
    """A portal sends Konnect's default of each template until it is customised: the first PATCH customises it
    (there is no POST), a DELETE returns it to the default."""

    def create(self, body, desired):
        name = desired[self.entity.key]
        response = self.client.request('PATCH', self.entity.item_path(self.scope, name), body=body, what=self.entity.describe(name))
        return response.body or decide.predict(self.entity, {'name': name}, desired, list(desired))


# -- entity types ---------------------------------------------------------------------------------

class PortalIpAllowList(Entity):
    engine_class = IpAllowListEngine


class PortalEmailTemplate(Entity):
    engine_class = EmailTemplateEngine


PORTAL_IP_ALLOW_LIST = PortalIpAllowList(
    'portal_ip_allow_list', 'portal IP allow list', '/v3/portals/{portal}/ip-allow-list',
    fields=[Field('allowed_ips', type='list', elements='str', unordered=True, required=True)],
    key=(), lookup=LOOKUP_LIST, pagination='cursor', update_method='PATCH', parents=[ON_PORTAL],
    writable=writable_allow_list,
)

PORTAL_EMAIL_DOMAIN = Entity(
    'portal_email_domain', 'portal email domain', '/v3/portals/email-domains',
    fields=[Field('domain')],
    key='domain', item_key='domain', lookup=LOOKUP_PATH, pagination='page', update_method=None,
    filterable={'domain': ('eq', 'neq', 'contains', 'oeq', 'ocontains'), 'verification_status': ('eq', 'neq', 'contains', 'oeq', 'ocontains')},
    writable=writable_email_domain, match_values=lower_case,
)

PORTAL_EMAIL_CONFIG = Singleton(
    'portal_email_config', 'portal email config', '/v3/portals/{portal}/email-config', create_method='POST', deletable=True,
    fields=[Field('domain_name'), Field('from_name'), Field('from_email'), Field('reply_to_email')],
    parents=[ON_PORTAL], prepare=lower_case_domain_name, writable=writable_email_config,
)

PORTAL_EMAIL_DELIVERY = ResettableSingleton(
    'portal_email_delivery', 'portal email delivery', '/v3/portals/{portal}/email-delivery',
    defaults={'enabled': False, 'from_email': None, 'reply_to_email': None},
    fields=[Field('enabled', type='bool'), Field('from_email'), Field('reply_to_email')],
    parents=[ON_PORTAL], writable=writable_email_delivery,
)

PORTAL_EMAIL_TEMPLATE = PortalEmailTemplate(
    'portal_email_template', 'portal email template', '/v3/portals/{portal}/email-templates',
    fields=[Field('name', choices=EMAIL_TEMPLATE_NAMES),
            Field('content', type='dict', options=dict((part, dict(type='str')) for part in EMAIL_TEMPLATE_PARTS)),
            Field('enabled', type='bool')],
    key='name', item_key='name', lookup=LOOKUP_PATH, pagination='none', update_method='PATCH', parents=[ON_PORTAL],
    create_fields=('content', 'enabled'), update_fields=('content', 'enabled'), prepare=template_parts_given,
)

PORTAL_AUDIT_LOG_WEBHOOK = ResettableSingleton(
    'portal_audit_log_webhook', 'portal audit log webhook', '/v3/portals/{portal}/audit-log-webhook',
    # DELETE: "The destination ID is set to empty, and the webhook enabled field is set to false".
    defaults={'enabled': False, 'audit_log_destination_id': None},
    fields=[Field('enabled', type='bool'), Field('audit_log_destination_id')],
    parents=[ON_PORTAL], writable=writable_webhook,
)

ENTITIES = (PORTAL_IP_ALLOW_LIST, PORTAL_EMAIL_DOMAIN, PORTAL_EMAIL_CONFIG, PORTAL_EMAIL_DELIVERY, PORTAL_EMAIL_TEMPLATE,
            PORTAL_AUDIT_LOG_WEBHOOK)
