# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Portal Management v3: a portal's access and delivery settings (IP allow list, email domains, email config, delivery
and templates, the audit-log webhook).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

- IP allow lists: each entry holds 1-25 addresses or CIDR blocks (schema); each must parse as one (400 otherwise).
  Konnect keeps entries whatever the portal's ``sipr_enabled`` and enforces them only while it is true
  (https://developer.konghq.com/dev-portal/security-settings/: POST the list, then PATCH the portal).
- Email domains belong to the organization (``/v3/portals/email-domains`` is not a portal id: literal path segments win
  when routing). A new one is ``pending`` verification with the DNS records to publish.
- A portal's email config is created by POST (409 once it exists), then PATCHed or deleted; its ``domain_name`` must be
  one of the organization's email domains.
- Email delivery (deprecated) and the audit-log webhook always exist: their defaults until changed; DELETE resets them.
- Email templates: the catalogue of defaults is static; a portal's template exists once customised (PATCH) and DELETE
  returns it to the default.
"""

import copy
import ipaddress
import re
import time
import uuid

from .crud import (create_entity, delete_entity, get_entity, new_record, patch_entity, put_entity, render, resolve_path, singleton_key,
                   validated_body, write_singleton)
from .errors import ApiError, Issue, Response, not_found, validation_error
from .schemas import rfc3339

IP_ALLOW_LIST = '/v3/portals/{portalId}/ip-allow-list'
IP_ALLOW_LIST_ITEM = IP_ALLOW_LIST + '/{id}'
EMAIL_DOMAINS = '/v3/portals/email-domains'
EMAIL_DOMAIN = EMAIL_DOMAINS + '/{emailDomain}'
EMAIL_CONFIG = '/v3/portals/{portalId}/email-config'
EMAIL_DELIVERY = '/v3/portals/{portalId}/email-delivery'
TEMPLATE_CATALOGUE = '/v3/portals/email-templates'
TEMPLATE_VARIABLES = TEMPLATE_CATALOGUE + '/variables'
DEFAULT_TEMPLATE = TEMPLATE_CATALOGUE + '/{templateName}'
PORTAL_TEMPLATES = '/v3/portals/{portalId}/email-templates'
PORTAL_TEMPLATE = PORTAL_TEMPLATES + '/{templateName}'
PORTAL_TEMPLATES_KEY = '/v3/portals/{}/email-templates'
WEBHOOK = '/v3/portals/{portalId}/audit-log-webhook'
WEBHOOK_STATUS = WEBHOOK + '/status'

FACTS = {
    # The item path takes the domain (there is no id); POST declares no 409, see README "Undocumented".
    EMAIL_DOMAINS: {
        'natural_key': 'domain',
        'unique': ('domain',),
        'conflict_detail': 'An email domain with this name already exists.',
        'field_paths': {'verification_status': 'verification.status'},
    },
}

SINGLETON_DEFAULTS = {
    # UpdatePortalAuditLogWebhook: enabled defaults to false; no destination until one is set.
    WEBHOOK: {'enabled': False},
}

EMAIL_DELIVERY_DEFAULTS = {'enabled': False, 'from_email': None, 'reply_to_email': None}
EMAIL_CONFIG_FIELDS = ('domain_name', 'from_name', 'from_email', 'reply_to_email')
DOMAIN_LABEL = re.compile(r'^(?!-)[a-z0-9-]{1,63}(?<!-)$')
GO_ZERO_TIME = '0001-01-01T00:00:00Z'

# The default templates. The texts of confirm-email-address, reset-password and app-registration-revoked are the spec's
# examples; the others are the emulator's own (README).
DEFAULT_TEMPLATES = [
    ('confirm-email-address', "Confirm the developer's email address", ['developer_email', 'developer_fullname'],
     {'subject': 'Confirm Your Email Address', 'title': 'Confirm Your Email Address',
      'body': 'Hello {{ developer_fullname }},\\n\\nPlease confirm your email address by clicking the link below:',
      'button_label': 'Confirm Email Address'}),
    ('app-registration-approved', 'Inform the developer their app registration has been approved',
     ['developer_fullname', 'application_name', 'api_name', 'api_version', 'portal_display_name'],
     {'subject': 'Your registration has been approved', 'title': 'Approved registration',
      'body': 'Hello {{ developer_fullname }},\\n\\nyour registration of {{ application_name }} for {{ api_name }} has been approved.',
      'button_label': ''}),
    ('app-registration-rejected', 'Inform the developer their app registration has been rejected',
     ['developer_fullname', 'application_name', 'api_name', 'api_version', 'portal_display_name'],
     {'subject': 'Your registration has been rejected', 'title': 'Rejected registration',
      'body': 'Hello {{ developer_fullname }},\\n\\nyour registration of {{ application_name }} for {{ api_name }} has been rejected.',
      'button_label': ''}),
    ('app-registration-revoked', 'Inform the developer their approved app registration has been revoked by a portal admin',
     ['developer_fullname'],
     {'subject': 'Your registration has been revoked', 'title': 'Revoked registration',
      'body': 'Hello {{ developer_fullname }},\\n\\your registration has been revoked.', 'button_label': ''}),
    ('reset-password', "Reset the developer's password", ['developer_email', 'developer_fullname'],
     {'subject': 'Reset Your Password', 'title': 'Reset Your Password',
      'body': 'Hello {{ developer_fullname }},\\n\\nPlease reset your password by clicking the link below:',
      'button_label': 'Reset Password'}),
    ('account-access-approved', 'Inform the developer their account has been approved',
     ['developer_fullname', 'developer_email', 'portal_display_name', 'portal_domain'],
     {'subject': 'Your account has been approved', 'title': 'Account approved',
      'body': 'Hello {{ developer_fullname }},\\n\\nyour account for {{ portal_display_name }} has been approved.',
      'button_label': 'Sign in'}),
    ('account-access-rejected', 'Inform the developer their account has been rejected',
     ['developer_fullname', 'developer_email', 'portal_display_name', 'dev_portal_reply_to'],
     {'subject': 'Your account has been rejected', 'title': 'Account rejected',
      'body': 'Hello {{ developer_fullname }},\\n\\nyour account for {{ portal_display_name }} has been rejected.',
      'button_label': ''}),
    ('account-access-revoked', 'Inform the developer their account has been revoked',
     ['developer_fullname', 'developer_email', 'portal_display_name', 'dev_portal_reply_to'],
     {'subject': 'Your account has been revoked', 'title': 'Account revoked',
      'body': 'Hello {{ developer_fullname }},\\n\\nyour access to {{ portal_display_name }} has been revoked.',
      'button_label': ''}),
    ('api-key-expiring-soon', "Warn the developer that an application's API key expires soon",
     ['developer_fullname', 'application_name', 'credential_name', 'credential_expires_at', 'portal_display_name'],
     {'subject': 'Your API key expires soon', 'title': 'API key expiring',
      'body': 'Hello {{ developer_fullname }},\\n\\nthe key {{ credential_name }} of {{ application_name }} expires on '
              '{{ credential_expires_at }}.',
      'button_label': 'Manage keys'}),
    ('api-key-expired', "Inform the developer that an application's API key has expired",
     ['developer_fullname', 'application_name', 'credential_name', 'portal_display_name'],
     {'subject': 'Your API key has expired', 'title': 'API key expired',
      'body': 'Hello {{ developer_fullname }},\\n\\nthe key {{ credential_name }} of {{ application_name }} has expired.',
      'button_label': 'Manage keys'}),
    ('developer-invitation', 'Invite a developer to the portal',
     ['developer_email', 'portal_display_name', 'portal_domain', 'dev_portal_reply_to'],
     {'subject': 'You are invited to {{ portal_display_name }}', 'title': 'Invitation',
      'body': 'Hello,\\n\\nyou have been invited to {{ portal_display_name }}.', 'button_label': 'Accept invitation'}),
]
TEMPLATES_BY_NAME = dict((name, (label, variables, content)) for name, label, variables, content in DEFAULT_TEMPLATES)

# The variables: the three the spec's example describes, then the rest of EmailTemplateVariableName (README).
VARIABLE_DESCRIPTIONS = [
    ('portal_display_name', 'The name of the portal', 'KongAirlines'),
    ('api_name', 'The name of the API', 'Billing'),
    ('api_version', 'The version of the API', 'v1.0'),
    ('portal_domain', 'The domain of the portal', 'developer.example.com'),
    ('developer_email', "The developer's email address", 'jane@example.com'),
    ('developer_fullname', "The developer's full name", 'Jane Doe'),
    ('dev_portal_reply_to', 'The reply-to address of the portal', 'developers@example.com'),
    ('developer_status', "The developer's status", 'approved'),
    ('api_documentation_url', 'The URL of the API documentation', 'https://developer.example.com/apis/billing'),
    ('application_name', 'The name of the application', 'Billing app'),
    ('credential_name', 'The name of the API key', 'production key'),
    ('credential_expires_at', 'When the API key expires', '2026-01-31T00:00:00Z'),
]


def now_text():
    return rfc3339(time.time())


# ---- IP allow lists ----------------------------------------------------------------


def ip_issues(body):
    ips = body.get('allowed_ips') if isinstance(body, dict) else None
    issues = []
    for index, value in enumerate(ips if isinstance(ips, list) else []):
        try:
            ipaddress.ip_network(value, strict=False)
        except (TypeError, ValueError):
            issues.append(Issue('allowed_ips[%d]' % index, 'invalid', 'must be an IP address or a CIDR block'))
    return issues


def checked_ips(handler):
    """Schema first (1-25 unique strings), then every value must be an address or a CIDR block."""
    def special(call):
        issues = ip_issues(validated_body(call))
        if issues:
            raise validation_error(issues)
        return handler(call)
    return special


# ---- email domains -----------------------------------------------------------------


def valid_domain(value):
    labels = value.split('.')
    return (len(value) <= 253 and len(labels) >= 2 and all(DOMAIN_LABEL.match(label) for label in labels)
            and labels[-1].isalpha() and len(labels[-1]) >= 2)


def dns_records(domain):
    """What the owner of ``domain`` publishes for Konnect to send from it (shapes are the emulator's own, README)."""
    token = uuid.uuid5(uuid.NAMESPACE_DNS, domain).hex
    return [
        {'type': 'TXT', 'name': '_konnect-verification.%s' % domain, 'value': 'konnect-verification=%s' % token},
        {'type': 'CNAME', 'name': 'k1._domainkey.%s' % domain, 'value': 'k1.dkim.portal-email.konghq.com'},
        {'type': 'CNAME', 'name': 'k2._domainkey.%s' % domain, 'value': 'k2.dkim.portal-email.konghq.com'},
    ]


def create_email_domain(call):
    """Domain names compare without regard to case (RFC 4343): stored in lower case."""
    body = validated_body(call)
    domain = body['domain'].strip().lower()
    if not valid_domain(domain):
        raise validation_error([Issue('domain', 'invalid', 'must be a valid domain name')])
    path = resolve_path(call)
    record = new_record(call, {'domain': domain}, path)
    record['verification'] = {'status': 'pending', 'last_time_checked': record['created_at'], 'last_time_success': GO_ZERO_TIME}
    record['dns_validation_records'] = dns_records(domain)
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def by_lower_case_domain(handler):
    def special(call):
        call.params = dict(call.params, emailDomain=call.params['emailDomain'].lower())
        return handler(call)
    return special


def email_domain_exists(call, domain):
    return any(record.get('domain') == domain.lower() for record in call.partition.records(EMAIL_DOMAINS, ()).values())


# ---- email config ------------------------------------------------------------------


def check_sender_domain(call, body):
    domain = body.get('domain_name')
    if domain is not None and not email_domain_exists(call, domain):
        raise validation_error([Issue('domain_name', 'invalid', 'must be an email domain of the organization (%s)' % EMAIL_DOMAINS)])


def stored(call):
    path = resolve_path(call)
    return path, singleton_key(call, path), call.partition.singletons


def get_email_config(call):
    _path, key, singletons = stored(call)
    if key not in singletons:
        raise not_found()
    return Response(200, copy.deepcopy(singletons[key]))


def create_email_config(call):
    body = validated_body(call)
    _path, key, singletons = stored(call)
    if key in singletons:
        raise ApiError(409, 'The portal already has an email config; update it with PATCH.')
    check_sender_domain(call, body)
    created = now_text()
    document = dict({'id': str(uuid.uuid4())}, **dict((name, None) for name in EMAIL_CONFIG_FIELDS))
    document.update(body, created_at=created, updated_at=created)
    singletons[key] = document
    return Response(call.op.success_status, copy.deepcopy(document))


def update_email_config(call):
    body = validated_body(call)
    _path, key, singletons = stored(call)
    if key not in singletons:
        raise not_found()
    check_sender_domain(call, body)
    singletons[key].update(body, updated_at=now_text())
    return Response(call.op.success_status, copy.deepcopy(singletons[key]))


def delete_email_config(call):
    _path, key, singletons = stored(call)
    if singletons.pop(key, None) is None:
        raise not_found()
    return Response(call.op.success_status)


# ---- email delivery (deprecated) ---------------------------------------------------


def email_delivery(call):
    """The stored settings, or the defaults a new portal has (dated as the portal)."""
    path, key, singletons = stored(call)
    if key in singletons:
        return key, singletons[key]
    portal = path.records[0] if path.records else {}
    created = portal.get('created_at') or now_text()
    return key, dict(EMAIL_DELIVERY_DEFAULTS, created_at=created, updated_at=created)


def get_email_delivery(call):
    return Response(200, copy.deepcopy(email_delivery(call)[1]))


def update_email_delivery(call):
    body = validated_body(call)
    key, document = email_delivery(call)
    document = dict(document, **body)
    document['updated_at'] = now_text()
    call.partition.singletons[key] = document
    return Response(call.op.success_status, copy.deepcopy(document))


def delete_email_delivery(call):
    """Back to the defaults; deleting settings that are at their defaults is not an error (README)."""
    _path, key, singletons = stored(call)
    singletons.pop(key, None)
    return Response(call.op.success_status)


# ---- email templates ---------------------------------------------------------------


def default_view(name):
    label, variables, content = TEMPLATES_BY_NAME[name]
    return {'name': name, 'label': label, 'variables': list(variables), 'default_content': dict(content)}


def list_default_templates(call):
    return Response(200, {'data': [default_view(name) for name, _label, _variables, _content in DEFAULT_TEMPLATES]})


def list_template_variables(call):
    data = []
    for name, description, example in VARIABLE_DESCRIPTIONS:
        scope = [template for template, _label, variables, _content in DEFAULT_TEMPLATES if name in variables]
        data.append({'name': name, 'description': description, 'scope': scope, 'example': example})
    return Response(200, {'data': data})


def get_default_template(call):
    return Response(200, default_view(call.params['templateName']))


def portal_templates(call):
    path = resolve_path(call)
    return call.partition.records(PORTAL_TEMPLATES_KEY, (path.records[0]['id'],))


def template_view(record):
    view = default_view(record['name'])
    view.update((key, copy.deepcopy(value)) for key, value in record.items() if key != 'id')
    return view


def list_portal_templates(call):
    records = portal_templates(call)
    return Response(200, {'data': [template_view(records[name]) for name, _l, _v, _c in DEFAULT_TEMPLATES if name in records]})


def get_portal_template(call):
    record = portal_templates(call).get(call.params['templateName'])
    if record is None:
        raise not_found('The portal uses the default of this email template; it has not been customised.')
    return Response(200, template_view(record))


def customise_portal_template(call):
    """The first PATCH customises the template. Content parts merge; a null part returns to its default (README)."""
    body = validated_body(call)
    records = portal_templates(call)
    name = call.params['templateName']
    now = now_text()
    record = records.get(name) or {'name': name, 'content': None, 'enabled': True, 'created_at': now}
    if 'content' in body:
        content = dict(record.get('content') or {}, **(body['content'] or {})) if body['content'] is not None else {}
        record['content'] = dict((part, text) for part, text in content.items() if text is not None) or None
    if 'enabled' in body:
        record['enabled'] = body['enabled']
    record['updated_at'] = now
    records[name] = record
    return Response(call.op.success_status, template_view(record))


def reset_portal_template(call):
    if portal_templates(call).pop(call.params['templateName'], None) is None:
        raise not_found()
    return Response(call.op.success_status)


# ---- audit-log webhook -------------------------------------------------------------


def update_webhook(call):
    """Enabling needs a destination, as the spec's 400 examples of this operation have it ("cannot be blank")."""
    body = validated_body(call)
    _path, key, singletons = stored(call)
    current = singletons.get(key) or {}
    destination = body.get('audit_log_destination_id', current.get('audit_log_destination_id'))
    if body.get('enabled') and not destination:
        raise ApiError(400, 'Required field missing', issues=[Issue('audit_log_destination_id', 'required', 'cannot be blank')])
    return write_singleton(call)


def webhook_status(call):
    """No delivery is attempted here, so an enabled webhook stays ``active`` with no attempts to report."""
    path = resolve_path(call)
    enabled = bool((call.partition.singletons.get((WEBHOOK, path.scope)) or {}).get('enabled'))
    return Response(200, {'webhook_enabled': enabled, 'webhook_status': 'active'})


SPECIALS = {
    ('POST', IP_ALLOW_LIST): checked_ips(create_entity),
    ('PUT', IP_ALLOW_LIST_ITEM): checked_ips(put_entity),
    ('PATCH', IP_ALLOW_LIST_ITEM): checked_ips(patch_entity),
    ('POST', EMAIL_DOMAINS): create_email_domain,
    ('GET', EMAIL_DOMAIN): by_lower_case_domain(get_entity),
    ('DELETE', EMAIL_DOMAIN): by_lower_case_domain(delete_entity),
    ('GET', EMAIL_CONFIG): get_email_config,
    ('POST', EMAIL_CONFIG): create_email_config,
    ('PATCH', EMAIL_CONFIG): update_email_config,
    ('DELETE', EMAIL_CONFIG): delete_email_config,
    ('GET', EMAIL_DELIVERY): get_email_delivery,
    ('PATCH', EMAIL_DELIVERY): update_email_delivery,
    ('DELETE', EMAIL_DELIVERY): delete_email_delivery,
    ('GET', TEMPLATE_CATALOGUE): list_default_templates,
    ('GET', TEMPLATE_VARIABLES): list_template_variables,
    ('GET', DEFAULT_TEMPLATE): get_default_template,
    ('GET', PORTAL_TEMPLATES): list_portal_templates,
    ('GET', PORTAL_TEMPLATE): get_portal_template,
    ('PATCH', PORTAL_TEMPLATE): customise_portal_template,
    ('DELETE', PORTAL_TEMPLATE): reset_portal_template,
    ('PATCH', WEBHOOK): update_webhook,
    ('GET', WEBHOOK_STATUS): webhook_status,
}
