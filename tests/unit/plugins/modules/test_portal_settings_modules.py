# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A portal's access and delivery settings against the emulator: IP allow lists, email domains, email config and delivery,
email templates and the audit-log webhook, with the emulator's answers they rely on."""

from __future__ import annotations

import requests

from ansible_collections.konnect.konnect.tests.unit.plugins.conftest import DEMO_TOKEN
from ansible_collections.konnect.konnect.tests.unit.plugins.modules.lifecycle import (
    Module,
    assert_lifecycle,
    assert_refused,
    konnect,
    returned,
    writes,
)

MISSING_PORTAL = '99999999-9999-4999-8999-999999999999'
DESTINATION = '9cb77dc2-ff99-4d47-84ab-7c5c1b3ef939'
OTHER_DESTINATION = '0f3e4a4b-8d27-4b8e-9a36-2b0c6f6f1d1e'


def new_portal(emulator, name='dev', **fields):
    return konnect(emulator, 'POST', '/v3/portals', dict(name=name, **fields))['id']


def answer(emulator, method, path, body=None):
    """Konnect's answer, error or not: (status, body)."""
    response = requests.request(method, '%s/us%s' % (emulator.url, path), json=body,
                                headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)
    return response.status_code, (response.json() if response.content else None)


def warnings_of(module, **args):
    """Run the task and return the warnings it gave."""
    given = []
    original = module.task.execute

    def execute(params, check_mode=False, diff_mode=False, warn=None, progress=None):
        return original(params, check_mode=check_mode, diff_mode=diff_mode, warn=given.append, progress=progress)

    module.task.execute = execute
    try:
        result = module(**args)
    finally:
        del module.task.execute
    return result, given


# -- IP allow list -------------------------------------------------------------------------------------------------


def test_ip_allow_list_lifecycle_with_the_portal_given_by_id(emulator):
    portal = new_portal(emulator, sipr_enabled=True)
    allow_list = Module(emulator, 'portal_ip_allow_list')
    created = assert_lifecycle(allow_list, create=dict(portal=portal, allowed_ips=['192.0.2.10', '198.51.100.0/24']),
                               update=dict(allowed_ips=['198.51.100.0/24', '2001:db8::/32']))
    assert created['id']


def test_ip_allow_list_compares_addresses_as_a_set(emulator):
    portal = new_portal(emulator, sipr_enabled=True)
    allow_list = Module(emulator, 'portal_ip_allow_list')
    allow_list(portal=portal, allowed_ips=['192.0.2.10', '198.51.100.0/24'])
    again, sent = allow_list.counted(portal=portal, allowed_ips=['198.51.100.0/24', '192.0.2.10'])
    assert not again['changed'] and len(sent) == 1


def test_ip_allow_list_by_portal_name_and_the_info_twin(emulator):
    new_portal(emulator, name='partners', sipr_enabled=True)
    allow_list = Module(emulator, 'portal_ip_allow_list')
    created = returned(allow_list, allow_list(portal='partners', allowed_ips=['203.0.113.0/24']))
    info = Module(emulator, 'portal_ip_allow_list_info')
    assert info(portal='partners')['portal_ip_allow_lists'] == [created]
    assert info(portal='partners', id=created['id'])['portal_ip_allow_lists'] == [created]
    assert info(portal='partners', filters={'allowed_ips': {'contains': '203.0.113.0/24'}})['portal_ip_allow_lists'] == [created]
    assert info(portal='partners', filters={'allowed_ips': {'contains': '192.0.2.1'}})['portal_ip_allow_lists'] == []


def test_ip_allow_list_warns_while_the_portal_does_not_enforce_it(emulator):
    portal = new_portal(emulator)  # sipr_enabled defaults to false
    allow_list = Module(emulator, 'portal_ip_allow_list')
    result, warnings = warnings_of(allow_list, portal=portal, allowed_ips=['192.0.2.10'])
    assert result['changed'] and returned(allow_list, result)['allowed_ips'] == ['192.0.2.10']
    assert any('sipr_enabled' in warning and 'dev' in warning for warning in warnings), warnings
    konnect(emulator, 'PATCH', '/v3/portals/%s' % portal, {'sipr_enabled': True})
    result, warnings = warnings_of(allow_list, portal=portal, allowed_ips=['192.0.2.11'])
    assert result['changed'] and not warnings


def test_ip_allow_list_of_a_portal_with_several_needs_an_id(emulator):
    portal = new_portal(emulator, sipr_enabled=True)
    first = konnect(emulator, 'POST', '/v3/portals/%s/ip-allow-list' % portal, {'allowed_ips': ['192.0.2.10']})
    second = konnect(emulator, 'POST', '/v3/portals/%s/ip-allow-list' % portal, {'allowed_ips': ['192.0.2.11']})
    allow_list = Module(emulator, 'portal_ip_allow_list')
    assert_refused(allow_list, dict(portal=portal, allowed_ips=['192.0.2.12']), 'portal', '2 IP allow lists', first['id'], second['id'], 'id')
    result, sent = allow_list.counted(portal=portal, id=second['id'], allowed_ips=['192.0.2.12'])
    assert result['changed'] and [(r['method'], r['path'].rsplit('/', 1)[-1]) for r in writes(sent)] == [('PATCH', second['id'])]
    assert konnect(emulator, 'GET', '/v3/portals/%s/ip-allow-list/%s' % (portal, first['id']))['allowed_ips'] == ['192.0.2.10']


def test_ip_allow_list_refuses_what_konnect_would_before_writing(emulator):
    portal = new_portal(emulator, sipr_enabled=True)
    allow_list = Module(emulator, 'portal_ip_allow_list')
    assert_refused(allow_list, dict(portal='nope', allowed_ips=['192.0.2.10']), 'portal', 'nope')
    assert_refused(allow_list, dict(portal=MISSING_PORTAL, allowed_ips=['192.0.2.10']), 'portal', MISSING_PORTAL)
    assert_refused(allow_list, dict(portal=portal, allowed_ips=['192.0.2.300']), 'allowed_ips', '192.0.2.300', 'CIDR')
    assert_refused(allow_list, dict(portal=portal, allowed_ips=['10.0.0.0/33', 'example.com']), 'allowed_ips', '10.0.0.0/33', 'example.com')
    assert_refused(allow_list, dict(portal=portal, allowed_ips=['192.0.2.%d' % n for n in range(26)]), 'allowed_ips', '25')
    assert_refused(allow_list, dict(portal=portal, allowed_ips=[]), 'allowed_ips', '1 to 25')
    assert_refused(allow_list, dict(portal=portal, allowed_ips=['192.0.2.1', '192.0.2.1']), 'allowed_ips', 'more than once')
    assert_refused(allow_list, dict(portal=portal, id=MISSING_PORTAL, allowed_ips=['192.0.2.1']), 'id', MISSING_PORTAL)


def test_ip_allow_list_deleted_with_its_portal_gone_is_no_change(emulator):
    allow_list = Module(emulator, 'portal_ip_allow_list')
    for portal in ('nope', MISSING_PORTAL):
        result, sent = allow_list.counted(portal=portal, state='absent')
        assert not result.get('failed') and not result['changed'] and not writes(sent)


def test_emulator_checks_ip_allow_list_entries(emulator):
    portal = new_portal(emulator)
    path = '/v3/portals/%s/ip-allow-list' % portal
    status, body = answer(emulator, 'POST', path, {'allowed_ips': ['192.0.2.1', 'not-an-ip']})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'allowed_ips[1]'
    assert answer(emulator, 'POST', path, {'allowed_ips': []})[0] == 400
    assert answer(emulator, 'POST', path, {'allowed_ips': ['192.0.2.1', '192.0.2.1']})[0] == 400
    status, created = answer(emulator, 'POST', path, {'allowed_ips': ['192.0.2.1']})
    assert status == 201  # kept while sipr_enabled is false: Konnect enforces it only once sipr_enabled is true
    status, body = answer(emulator, 'PATCH', '%s/%s' % (path, created['id']), {'allowed_ips': ['2001:db8::/129']})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'allowed_ips[0]'
    assert answer(emulator, 'PUT', '%s/%s' % (path, created['id']), {'allowed_ips': ['::1']}) == (200, {'id': created['id'], 'allowed_ips': ['::1']})


def test_ip_allow_lists_are_read_past_the_first_page(emulator):
    portal = new_portal(emulator, sipr_enabled=True)
    for index in range(101):
        konnect(emulator, 'POST', '/v3/portals/%s/ip-allow-list' % portal, {'allowed_ips': ['10.0.%d.0/24' % index]})
    listed = Module(emulator, 'portal_ip_allow_list_info')(portal=portal)['portal_ip_allow_lists']
    assert len(listed) == 101
    assert_refused(Module(emulator, 'portal_ip_allow_list'), dict(portal=portal, allowed_ips=['192.0.2.1']), '101 IP allow lists')


# -- email domains -------------------------------------------------------------------------------------------------


def test_email_domain_lifecycle(emulator):
    domain = Module(emulator, 'portal_email_domain')
    predicted, sent = domain.counted(check_mode=True, diff=True, domain='Mail.Example.com')
    assert predicted['changed'] and not writes(sent) and returned(domain, predicted)['domain'] == 'Mail.Example.com'
    created, sent = domain.counted(diff=True, domain='Mail.Example.com')
    assert created['changed'] and [(r['method'], r['body']) for r in writes(sent)] == [('POST', {'domain': 'Mail.Example.com'})]
    entity = returned(domain, created)
    assert entity['verification']['status'] == 'pending' and entity['dns_validation_records']
    assert created['diff'] == {'before': {}, 'after': {'domain': 'mail.example.com'}}
    again, sent = domain.counted(domain='mail.example.COM')
    assert not again['changed'] and len(sent) == 1
    assert domain(domain='other.example.com')['changed']
    planned, sent = domain.counted(check_mode=True, domain='MAIL.example.com', state='absent')
    assert planned['changed'] and not writes(sent)
    deleted, sent = domain.counted(domain='mail.example.com', state='absent')
    assert deleted['changed'] and [r['method'] for r in writes(sent)] == ['DELETE']
    twice, sent = domain.counted(domain='mail.example.com', state='absent')
    assert not twice['changed'] and not writes(sent)
    by_id = domain(id='other.example.com', state='absent')
    assert by_id['changed']


def test_email_domain_refuses_a_name_that_is_not_a_domain(emulator):
    domain = Module(emulator, 'portal_email_domain')
    for wrong in ('example', 'exa mple.com', '-bad.example.com', 'example.c0m', 'a..example.com', 'x' * 64 + '.example.com', 'me@example.com'):
        assert_refused(domain, dict(domain=wrong), 'domain', 'not a domain name')


def test_email_domain_info(emulator):
    for name in ('mail.example.com', 'news.example.org'):
        konnect(emulator, 'POST', '/v3/portals/email-domains', {'domain': name})
    info = Module(emulator, 'portal_email_domain_info')
    assert [item['domain'] for item in info()['portal_email_domains']] == ['mail.example.com', 'news.example.org']
    assert [item['domain'] for item in info(domain='MAIL.example.com')['portal_email_domains']] == ['mail.example.com']
    assert info(domain='missing.example.com')['portal_email_domains'] == []
    assert [item['domain'] for item in info(id='news.example.org')['portal_email_domains']] == ['news.example.org']
    found, sent = info.counted(filters={'domain': {'contains': 'example.org'}})
    assert [item['domain'] for item in found['portal_email_domains']] == ['news.example.org']
    assert sent[0]['query'].get('filter[domain][contains]') == ['example.org']
    assert len(info(filters={'verification_status': 'pending'})['portal_email_domains']) == 2
    assert info(filters={'verification_status': {'neq': 'pending'}})['portal_email_domains'] == []


def test_emulator_routes_email_domains_apart_from_portals(emulator):
    portal = new_portal(emulator)
    status, created = answer(emulator, 'POST', '/v3/portals/email-domains', {'domain': 'Mail.Example.com'})
    assert status == 201 and created['domain'] == 'mail.example.com' and 'id' not in created
    assert answer(emulator, 'GET', '/v3/portals/email-domains')[1]['data'][0]['domain'] == 'mail.example.com'
    assert answer(emulator, 'GET', '/v3/portals/email-domains/mail.example.com')[0] == 200
    assert answer(emulator, 'GET', '/v3/portals/email-domains/MAIL.example.com')[0] == 200
    assert answer(emulator, 'GET', '/v3/portals/%s' % portal)[1]['name'] == 'dev'  # a portal id is still a portal
    assert [item['id'] for item in answer(emulator, 'GET', '/v3/portals')[1]['data']] == [portal]  # and no domain is one
    status, body = answer(emulator, 'POST', '/v3/portals/email-domains', {'domain': 'mail.example.com'})
    assert status == 409 and 'already exists' in body['detail']
    status, body = answer(emulator, 'POST', '/v3/portals/email-domains', {'domain': 'not a domain'})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'domain'
    assert answer(emulator, 'DELETE', '/v3/portals/email-domains/mail.example.com')[0] == 204
    assert answer(emulator, 'DELETE', '/v3/portals/email-domains/mail.example.com')[0] == 404


# -- email config --------------------------------------------------------------------------------------------------


def test_email_config_lifecycle_with_the_portal_given_by_id(emulator):
    portal = new_portal(emulator)
    konnect(emulator, 'POST', '/v3/portals/email-domains', {'domain': 'mail.example.com'})
    config = Module(emulator, 'portal_email_config')
    created = assert_lifecycle(config, create=dict(portal=portal, domain_name='mail.example.com', from_name='Acme',
                                                   from_email='developers@mail.example.com'),
                               update=dict(reply_to_email='support@example.com', from_name='Acme APIs'))
    assert created['id'] and created['reply_to_email'] is None


def test_email_config_by_portal_name_reads_without_creating(emulator):
    new_portal(emulator, name='partners')
    config = Module(emulator, 'portal_email_config')
    nothing, sent = config.counted(portal='partners')
    assert not nothing['changed'] and returned(config, nothing) == {} and not writes(sent)
    created, sent = config.counted(portal='partners', from_name='Partners')
    assert created['changed'] and [r['method'] for r in writes(sent)] == ['POST']
    read = config(portal='partners')
    assert not read['changed'] and returned(config, read)['from_name'] == 'Partners'
    updated, sent = config.counted(portal='partners', from_name='Partner APIs', diff=True)
    assert [r['method'] for r in writes(sent)] == ['PATCH'] and writes(sent)[0]['body'] == {'from_name': 'Partner APIs'}
    assert updated['diff'] == {'before': {'id': returned(config, read)['id'], 'from_name': 'Partners'},
                               'after': {'id': returned(config, read)['id'], 'from_name': 'Partner APIs'}}


def test_email_config_refuses_bad_input_before_writing(emulator):
    portal = new_portal(emulator)
    config = Module(emulator, 'portal_email_config')
    assert_refused(config, dict(portal='nope', from_name='x'), 'portal', 'nope')
    assert_refused(config, dict(portal=MISSING_PORTAL, from_name='x'), 'portal', MISSING_PORTAL)
    assert_refused(config, dict(portal=portal, from_email='developers'), 'from_email', 'not an email address')
    assert_refused(config, dict(portal=portal, reply_to_email='a@b'), 'reply_to_email', 'not an email address')
    assert_refused(config, dict(portal=portal, domain_name='not a domain'), 'domain_name', 'not a domain name')


def test_email_config_needs_an_email_domain_of_the_organization(emulator):
    portal = new_portal(emulator)
    config = Module(emulator, 'portal_email_config')
    assert_refused(config, dict(portal=portal, domain_name='mail.example.com'), 'domain_name', 'mail.example.com', 'portal_email_domain')
    assert_refused(config, dict(portal=portal, domain_name='mail.example.com'), 'domain_name', check_mode=True)
    konnect(emulator, 'POST', '/v3/portals/email-domains', {'domain': 'mail.example.com'})
    result, warnings = warnings_of(config, portal=portal, domain_name='Mail.Example.com')
    assert result['changed'] and returned(config, result)['domain_name'] == 'mail.example.com'
    assert any('mail.example.com' in warning and 'pending' in warning for warning in warnings), warnings
    again, sent = config.counted(portal=portal, domain_name='mail.example.com')
    assert not again['changed'] and len(sent) == 1  # the domain is looked up only when it is about to be written


def test_emulator_refuses_an_email_config_domain_the_organization_lacks(emulator):
    portal = new_portal(emulator)
    path = '/v3/portals/%s/email-config' % portal
    status, body = answer(emulator, 'POST', path, {'domain_name': 'mail.example.com'})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'domain_name'
    assert answer(emulator, 'GET', path)[0] == 404
    assert answer(emulator, 'POST', path, {'from_name': 'Acme'})[0] == 201
    assert answer(emulator, 'PATCH', path, {'domain_name': 'mail.example.com'})[0] == 400


def test_emulator_email_config_is_created_once(emulator):
    portal = new_portal(emulator)
    path = '/v3/portals/%s/email-config' % portal
    assert answer(emulator, 'GET', path)[0] == 404
    assert answer(emulator, 'PATCH', path, {'from_name': 'x'})[0] == 404
    assert answer(emulator, 'DELETE', path)[0] == 404
    status, created = answer(emulator, 'POST', path, {'from_name': 'Acme'})
    assert status == 201 and created['from_name'] == 'Acme' and created['domain_name'] is None and created['id']
    status, body = answer(emulator, 'POST', path, {'from_name': 'Acme'})
    assert status == 409 and 'PATCH' in body['detail']
    assert answer(emulator, 'POST', path.replace(portal, MISSING_PORTAL), {'from_name': 'Acme'})[0] == 404
    assert answer(emulator, 'PATCH', path, {'from_email': 'nope'})[0] == 400
    assert answer(emulator, 'PATCH', path, {'from_email': 'a@example.com'})[1]['from_email'] == 'a@example.com'
    assert answer(emulator, 'DELETE', path)[0] == 204
    assert answer(emulator, 'GET', path)[0] == 404


# -- email delivery (deprecated) -----------------------------------------------------------------------------------


def test_email_delivery_lifecycle_with_the_portal_given_by_id(emulator):
    portal = new_portal(emulator)
    delivery = Module(emulator, 'portal_email_delivery')
    assert_lifecycle(delivery, create=dict(portal=portal, enabled=True, from_email='developers@example.com'),
                     update=dict(reply_to_email='support@example.com'))
    settings = konnect(emulator, 'GET', '/v3/portals/%s/email-delivery' % portal)
    assert settings['enabled'] is False and settings['from_email'] is None  # absent reset them


def test_email_delivery_reset_shows_what_returns_to_the_default(emulator):
    portal = new_portal(emulator)
    delivery = Module(emulator, 'portal_email_delivery')
    delivery(portal=portal, enabled=True, from_email='developers@example.com')
    reset = delivery(portal=portal, state='absent', diff=True)
    assert reset['changed'] and returned(delivery, reset)['enabled'] is False and returned(delivery, reset)['from_email'] is None
    assert reset['diff']['before']['from_email'] == 'developers@example.com' and reset['diff']['after']['from_email'] is None
    assert_refused(delivery, dict(portal=portal, from_email='nobody'), 'from_email')
    assert_refused(delivery, dict(portal='nope', enabled=True), 'portal', 'nope')


# -- email templates -----------------------------------------------------------------------------------------------


def test_email_template_lifecycle_with_the_portal_given_by_id(emulator):
    portal = new_portal(emulator)
    template = Module(emulator, 'portal_email_template')
    created = assert_lifecycle(template, create=dict(portal=portal, name='app-registration-approved',
                                                     content={'subject': '{{ application_name }} approved', 'body': 'Hello'}),
                               update=dict(enabled=False, content={'button_label': 'Open'}))
    assert created['content'] == {'subject': '{{ application_name }} approved', 'body': 'Hello'}
    assert created['default_content']['subject'] == 'Your registration has been approved'
    assert answer(emulator, 'GET', '/v3/portals/%s/email-templates/app-registration-approved' % portal)[0] == 404  # the default again


def test_email_template_compares_only_the_parts_given(emulator):
    portal = new_portal(emulator)
    template = Module(emulator, 'portal_email_template')
    template(portal=portal, name='reset-password', content={'subject': 'Reset', 'title': 'Reset it'})
    again, sent = template.counted(portal=portal, name='reset-password', content={'title': 'Reset it'})
    assert not again['changed'] and len(sent) == 1
    changed, sent = template.counted(portal=portal, name='reset-password', content={'title': 'New title'})
    assert changed['changed'] and writes(sent)[0]['body'] == {'content': {'title': 'New title'}}
    assert returned(template, changed)['content'] == {'subject': 'Reset', 'title': 'New title'}


def test_email_template_refuses_bad_input_before_writing(emulator):
    portal = new_portal(emulator)
    template = Module(emulator, 'portal_email_template')
    assert_refused(template, dict(portal=portal, name='welcome', enabled=False), 'name', 'welcome')
    assert_refused(template, dict(portal='nope', name='reset-password', enabled=False), 'portal', 'nope')
    assert_refused(template, dict(portal=MISSING_PORTAL, name='reset-password', enabled=False), 'portal', MISSING_PORTAL)
    assert_refused(template, dict(portal=portal, name='reset-password', content={'button_label': 'x' * 129}),
                   'content.button_label', '128')
    assert_refused(template, dict(portal=portal, name='reset-password', content={'body': 'x' * 4097}), 'content.body', '4096')


def test_email_template_info(emulator):
    portal = new_portal(emulator, name='partners')
    konnect(emulator, 'PATCH', '/v3/portals/%s/email-templates/api-key-expired' % portal, {'enabled': False})
    konnect(emulator, 'PATCH', '/v3/portals/%s/email-templates/confirm-email-address' % portal, {'content': {'subject': 'Hi'}})
    info = Module(emulator, 'portal_email_template_info')
    listed = info(portal='partners')['portal_email_templates']
    assert [item['name'] for item in listed] == ['confirm-email-address', 'api-key-expired']
    assert info(portal=portal, name='api-key-expired')['portal_email_templates'][0]['enabled'] is False
    assert info(portal=portal, name='reset-password')['portal_email_templates'] == []
    assert [item['name'] for item in info(portal=portal, filters={'enabled': False})['portal_email_templates']] == ['api-key-expired']


def test_emulator_email_templates(emulator):
    portal = new_portal(emulator)
    catalogue = answer(emulator, 'GET', '/v3/portals/email-templates')[1]['data']
    assert len(catalogue) == 11 and all(item['default_content']['subject'] and item['variables'] for item in catalogue)
    variables = answer(emulator, 'GET', '/v3/portals/email-templates/variables')[1]['data']
    assert {'portal_display_name', 'api_name', 'developer_fullname'} <= set(item['name'] for item in variables)
    assert answer(emulator, 'GET', '/v3/portals/email-templates/reset-password')[1]['label'] == "Reset the developer's password"
    assert answer(emulator, 'GET', '/v3/portals/email-templates/welcome')[0] == 400  # not a template name (enum)
    path = '/v3/portals/%s/email-templates/reset-password' % portal
    assert answer(emulator, 'GET', path)[0] == 404 and answer(emulator, 'DELETE', path)[0] == 404
    status, body = answer(emulator, 'PATCH', path, {'content': {'subject': 'A', 'title': 'B'}})
    assert status == 200 and body['content'] == {'subject': 'A', 'title': 'B'} and body['enabled'] is True
    assert answer(emulator, 'PATCH', path, {'content': {'title': None, 'body': 'C'}})[1]['content'] == {'subject': 'A', 'body': 'C'}
    assert answer(emulator, 'PATCH', path, {'content': {'subject': 'x' * 1025}})[0] == 400
    assert answer(emulator, 'PATCH', path.replace('reset-password', 'welcome'), {'enabled': False})[0] == 400
    assert answer(emulator, 'DELETE', path)[0] == 204 and answer(emulator, 'GET', path)[0] == 404


# -- audit-log webhook ---------------------------------------------------------------------------------------------


def test_audit_log_webhook_lifecycle_with_the_portal_given_by_id(emulator):
    portal = new_portal(emulator)
    webhook = Module(emulator, 'portal_audit_log_webhook')
    assert_lifecycle(webhook, create=dict(portal=portal, enabled=True, audit_log_destination_id=DESTINATION),
                     update=dict(audit_log_destination_id=OTHER_DESTINATION))
    assert konnect(emulator, 'GET', '/v3/portals/%s/audit-log-webhook' % portal) == {'enabled': False}


def test_audit_log_webhook_by_portal_name(emulator):
    new_portal(emulator, name='partners')
    webhook = Module(emulator, 'portal_audit_log_webhook')
    read, sent = webhook.counted(portal='partners')
    assert not read['changed'] and returned(webhook, read) == {'enabled': False} and not writes(sent)
    paused = webhook(portal='partners', audit_log_destination_id=DESTINATION, enabled=False)
    assert paused['changed'] and returned(webhook, paused) == {'enabled': False, 'audit_log_destination_id': DESTINATION}
    reset = webhook(portal='partners', state='absent')
    assert reset['changed'] and not returned(webhook, reset)['enabled'] and returned(webhook, reset)['audit_log_destination_id'] is None


def test_audit_log_webhook_refuses_bad_input(emulator):
    portal = new_portal(emulator)
    webhook = Module(emulator, 'portal_audit_log_webhook')
    assert_refused(webhook, dict(portal=portal, audit_log_destination_id='siem'), 'audit_log_destination_id', 'UUID')
    assert_refused(webhook, dict(portal='nope', enabled=False), 'portal', 'nope')
    assert_refused(webhook, dict(portal=MISSING_PORTAL, enabled=False), 'portal', MISSING_PORTAL)
    assert_refused(webhook, dict(portal=portal, enabled=True), 'enabled', 'audit_log_destination_id')
    webhook(portal=portal, audit_log_destination_id=DESTINATION)
    enabled, sent = webhook.counted(portal=portal, enabled=True)  # the destination set before counts
    assert enabled['changed'] and writes(sent)[0]['body'] == {'enabled': True}


def test_emulator_audit_log_webhook(emulator):
    portal = new_portal(emulator)
    path = '/v3/portals/%s/audit-log-webhook' % portal
    assert answer(emulator, 'GET', path) == (200, {'enabled': False})
    assert answer(emulator, 'GET', path + '/status') == (200, {'webhook_enabled': False, 'webhook_status': 'active'})
    status, body = answer(emulator, 'PATCH', path, {'enabled': True})
    assert status == 400 and body['invalid_parameters'][0]['field'] == 'audit_log_destination_id'
    assert answer(emulator, 'PATCH', path, {'audit_log_destination_id': 'siem'})[0] == 400
    assert answer(emulator, 'PATCH', path, {'audit_log_destination_id': DESTINATION})[1] == {'enabled': False, 'audit_log_destination_id': DESTINATION}
    assert answer(emulator, 'PATCH', path, {'enabled': True})[1] == {'enabled': True, 'audit_log_destination_id': DESTINATION}
    assert answer(emulator, 'GET', path + '/status')[1]['webhook_enabled'] is True
    assert answer(emulator, 'DELETE', path)[0] == 204
    assert answer(emulator, 'GET', path) == (200, {'enabled': False})
    assert answer(emulator, 'GET', path.replace(portal, MISSING_PORTAL))[0] == 404
