# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The portal modules (a portal, its settings, assets, custom domain, pages and snippets) against the emulator: the life
cycle every module owes, the portal-specific rules, and the emulator's answers they rely on."""

from __future__ import annotations

import base64
from urllib.parse import quote_from_bytes

import pytest
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

MISSING_ID = '99999999-9999-4999-8999-999999999999'
PNG = b'\x89PNG\r\n\x1a\n' + b'\x00\x00\x00\rIHDR-one'
OTHER_PNG = b'\x89PNG\r\n\x1a\n' + b'\x00\x00\x00\rIHDR-two'
ICO = b'\x00\x00\x01\x00\x01\x00\x10\x10-icon'


def new_portal(emulator, name='dev', **fields):
    return konnect(emulator, 'POST', '/v3/portals', dict(fields, name=name))['id']


def new_strategy(emulator, name):
    return konnect(emulator, 'POST', '/v2/application-auth-strategies', {
        'name': name, 'display_name': name, 'strategy_type': 'key_auth', 'configs': {'key-auth': {'key_names': ['apikey']}}})['id']


def raw(emulator, method, path, body=None, params=None):
    """A request whose refusal is the point (``konnect`` asserts success)."""
    return requests.request(method, '%s/us%s' % (emulator.url, path), json=body, params=params,
                            headers={'Authorization': 'Bearer ' + DEMO_TOKEN}, timeout=10)


def data_url(content, media_type='image/png'):
    return 'data:%s;base64,%s' % (media_type, base64.b64encode(content).decode('ascii'))


def pages_of(emulator, portal):
    """{full path: page} of the portal's page tree."""
    found = {}

    def walk(pages, parent):
        for page in pages:
            path = parent.rstrip('/') + '/' + page['slug'].strip('/')
            found[path] = page
            walk(page['children'], path)
    walk(konnect(emulator, 'GET', '/v3/portals/%s/pages' % portal)['data'], '/')
    return found


# -- portal -------------------------------------------------------------------------------------------------------------

def test_portal_life_cycle_with_a_default_strategy_by_name(emulator):
    strategy = new_strategy(emulator, 'key-auth')
    portal = Module(emulator, 'portal')
    created = assert_lifecycle(
        portal,
        create=dict(name='partners', display_name='Partners', default_application_auth_strategy='key-auth', labels={'team': 'api'},
                    default_page_visibility='public'),
        update=dict(description='For partners', rbac_enabled=True, auto_approve_developers=True),
        noop_requests=2)  # the strategy by name, then the portal
    assert created['default_application_auth_strategy_id'] == strategy
    assert created['default_domain'].endswith('.portal.konghq.com') and created['canonical_domain'] == created['default_domain']


def test_portal_strategy_by_id_is_one_request_and_an_empty_one_removes_it(emulator):
    strategy = new_strategy(emulator, 'key-auth')
    portal = Module(emulator, 'portal')
    created = portal(name='p', default_application_auth_strategy=strategy)['portal']
    again, sent = portal.counted(name='p', default_application_auth_strategy=strategy)
    assert not again['changed'] and len(sent) == 1
    cleared, sent = portal.counted(diff=True, name='p', default_application_auth_strategy='')
    assert cleared['changed'] and [r['body'] for r in writes(sent)] == [{'default_application_auth_strategy_id': None}]
    assert konnect(emulator, 'GET', '/v3/portals/' + created['id'])['default_application_auth_strategy_id'] is None
    assert not portal(name='p', default_application_auth_strategy='')['changed']


def test_portal_refuses_bad_input_before_writing(emulator):
    portal = Module(emulator, 'portal')
    assert_refused(portal, dict(name='p', default_application_auth_strategy='nope'), 'default_application_auth_strategy', 'nope')
    assert_refused(portal, dict(name='p', default_application_auth_strategy=MISSING_ID), 'default_application_auth_strategy', MISSING_ID)
    assert_refused(portal, dict(name='p', rbac_enabled=True, authentication_enabled=False), 'rbac_enabled', 'authentication_enabled')
    assert_refused(portal, dict(name='p', default_api_visibility='secret'), 'default_api_visibility', 'public, private')
    new_portal(emulator, 'p', authentication_enabled=False)
    assert_refused(portal, dict(name='p', rbac_enabled=True), 'rbac_enabled', 'authentication_enabled', check_mode=True)
    other = new_portal(emulator, 'q')
    assert_refused(portal, dict(id=other, name='p'), 'name', "'p'", 'unique')
    assert_refused(portal, dict(id=MISSING_ID, name='x'), 'id', MISSING_ID)


def test_portal_default_content_gives_a_published_home_page(emulator):
    portal = Module(emulator, 'portal')
    planned, sent = portal.counted(check_mode=True, name='site', default_content=True)
    assert planned['changed'] and not writes(sent)
    created = portal(name='site', default_content=True)
    assert '/' in created['default_content']['pages']
    home = pages_of(emulator, created['portal']['id'])['/']
    assert (home['status'], home['visibility']) == ('published', 'public')
    again, sent = portal.counted(name='site', default_content=True)
    assert not again['changed'] and len(sent) == 2  # the portal, and its pages to see the home page is there

    konnect(emulator, 'DELETE', '/v3/portals/%s/pages/%s' % (created['portal']['id'], home['id']))
    planned, sent = portal.counted(check_mode=True, name='site', default_content=True)
    assert planned['changed'] and not writes(sent)
    restored = portal(name='site', default_content=True)
    assert restored['changed'] and restored['default_content']['pages'] == ['/']
    assert '/' in pages_of(emulator, created['portal']['id'])


def test_portal_with_published_apis_is_deleted_only_with_force(emulator):
    portal_id = new_portal(emulator, 'shop')
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'pets'})['id']
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, portal_id), {'visibility': 'public'})
    portal = Module(emulator, 'portal')
    refused, sent = portal.counted(name='shop', state='absent')
    assert refused['failed'] and 'force: true' in refused['msg']
    assert [(r['method'], r['status']) for r in writes(sent)] == [('DELETE', 400)]  # Konnect refused; nothing was deleted
    assert konnect(emulator, 'GET', '/v3/portals/' + portal_id)['name'] == 'shop'
    deleted, sent = portal.counted(name='shop', state='absent', force=True)
    assert deleted['changed'] and writes(sent)[0]['query'].get('force') == ['true']
    assert raw(emulator, 'GET', '/v3/apis/%s/publications/%s' % (api, portal_id)).status_code == 404
    assert not portal(name='shop', state='absent', force=True)['changed']


def test_portal_info(emulator):
    first = new_portal(emulator, 'alpha', rbac_enabled=True)
    new_portal(emulator, 'beta')
    info = Module(emulator, 'portal_info')
    assert [p['name'] for p in info()['portals']] == ['alpha', 'beta']
    assert [p['id'] for p in info(name='alpha')['portals']] == [first]
    assert [p['name'] for p in info(id=first)['portals']] == ['alpha']
    assert [p['name'] for p in info(filters={'rbac_enabled': True})['portals']] == ['alpha']
    assert [p['name'] for p in info(filters={'name': {'contains': 'et'}})['portals']] == ['beta']
    assert info(name='gamma')['portals'] == []


# -- customization and authentication settings ----------------------------------------------------------------------

def test_customization_life_cycle(emulator):
    portal_id = new_portal(emulator)
    customization = Module(emulator, 'portal_customization')
    assert_lifecycle(customization, create=dict(portal=portal_id, layout='sidebar', theme={'mode': 'dark', 'colors': {'primary': '#0A7C6E'}}),
                     update=dict(menu={'main': [{'path': '/apis', 'title': 'APIs'}]}, spec_renderer={'hide_internal': True}),
                     deletable=False)
    held = konnect(emulator, 'GET', '/v3/portals/%s/customization' % portal_id)
    assert held['theme'] == {'name': 'mint_rocket', 'mode': 'dark', 'colors': {'primary': '#0A7C6E'}}  # the theme's name kept
    assert held['menu']['main'] == [{'path': '/apis', 'title': 'APIs', 'visibility': 'public', 'external': False}]
    assert held['spec_renderer']['try_it_ui'] is True and held['spec_renderer']['hide_internal'] is True


def test_customization_menus_and_css_can_be_unset(emulator):
    portal_id = new_portal(emulator)
    customization = Module(emulator, 'portal_customization')
    item = {'path': '/about', 'title': 'About'}
    menus = {'main': [item], 'footer_sections': [{'title': 'Us', 'items': [item]}], 'footer_bottom': [item]}
    customization(portal='dev', css='.a {}', menu=menus)
    unset = customization(portal='dev', diff=True, css='', menu={'footer_sections': [], 'footer_bottom': []})
    assert unset['changed']
    held = konnect(emulator, 'GET', '/v3/portals/%s/customization' % portal_id)
    assert held['menu']['footer_sections'] == [] and held['menu']['footer_bottom'] == [] and held.get('css') is None
    assert len(held['menu']['main']) == 1  # the menu the task did not give stays
    assert not customization(portal='dev', css='', menu={'footer_sections': [], 'footer_bottom': []})['changed']


def test_customization_refuses_bad_input(emulator):
    new_portal(emulator)
    customization = Module(emulator, 'portal_customization')
    assert_refused(customization, dict(portal='nope', layout='x'), 'portal', 'nope')
    assert_refused(customization, dict(portal=MISSING_ID, layout='x'), 'portal', MISSING_ID)
    assert_refused(customization, dict(portal='dev', theme={'colors': {'primary': 'red'}}), 'theme.colors.primary', 'red')
    assert_refused(customization, dict(portal='dev', theme={'mode': 'neon'}), 'mode', 'light')
    assert_refused(customization, dict(portal='dev', menu={'main': [{'title': 'no path'}]}), 'path')


def test_auth_settings_life_cycle_and_no_drift_from_deprecated_fields(emulator):
    portal_id = new_portal(emulator)
    settings = Module(emulator, 'portal_auth_settings')
    assert_lifecycle(settings, create=dict(portal=portal_id, basic_auth_enabled=False), update=dict(idp_mapping_enabled=True),
                     deletable=False)
    # Another tool set the deprecated flat OIDC fields; Konnect answers them nested, and the secret not at all.
    konnect(emulator, 'PATCH', '/v3/portals/%s/authentication-settings' % portal_id,
            {'oidc_auth_enabled': True, 'oidc_issuer': 'https://idp.example.com', 'oidc_client_id': 'portal',
             'oidc_client_secret': 's3cr3t', 'oidc_team_mapping_enabled': True})
    again, sent = settings.counted(portal=portal_id, basic_auth_enabled=False, idp_mapping_enabled=True, konnect_mapping_enabled=True)
    assert not again['changed'] and len(sent) == 1
    assert again['portal_auth_settings']['oidc_config']['issuer'] == 'https://idp.example.com'
    assert 's3cr3t' not in str(again)
    assert_refused(settings, dict(portal='nope', basic_auth_enabled=True), 'portal', 'nope')


# -- logo and favicon -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize('kind, image, other, media_type', [
    ('logo', PNG, OTHER_PNG, 'image/png'),
    ('favicon', ICO, PNG, 'image/x-icon'),
])
def test_asset_life_cycle_compared_by_content(emulator, tmp_path, kind, image, other, media_type):
    portal_id = new_portal(emulator)
    asset = Module(emulator, 'portal_' + kind)
    assert_lifecycle(asset, create=dict(portal=portal_id, data=data_url(image, media_type)), update=dict(data=data_url(other)),
                     deletable=False)
    image_file = tmp_path / ('image.' + ('png' if kind == 'logo' else 'ico'))
    image_file.write_bytes(other)
    same, sent = asset.counted(portal=portal_id, src=str(image_file))
    assert not same['changed'] and len(sent) == 1  # the same image as a file
    same, sent = asset.counted(portal=portal_id, data='data:image/png,' + quote_from_bytes(other))
    assert not same['changed'] and len(sent) == 1  # the same image, percent-encoded
    image_file.write_bytes(image)
    changed = asset(portal=portal_id, src=str(image_file), diff=True)
    assert changed['changed'] and 'sha256' in changed['diff']['after']['data']
    assert konnect(emulator, 'GET', '/v3/portals/%s/assets/%s' % (portal_id, kind))['data'] == data_url(image, media_type)
    read, sent = asset.counted(portal=portal_id)
    assert not read['changed'] and returned(asset, read)['data'] == data_url(image, media_type) and not writes(sent)


def test_asset_refuses_bad_input(emulator, tmp_path):
    new_portal(emulator)
    logo = Module(emulator, 'portal_logo')
    text = tmp_path / 'notes.txt'
    text.write_text('not an image')
    assert_refused(logo, dict(portal='dev', src=str(text)), 'src', 'PNG')
    assert_refused(logo, dict(portal='dev', src=str(tmp_path / 'missing.png')), 'src', 'cannot read')
    assert_refused(logo, dict(portal='dev', data='hello'), 'data', 'data URL')
    assert_refused(logo, dict(portal='dev', data='data:text/plain;base64,aGk='), 'data', 'PNG')
    assert_refused(logo, dict(portal='dev', data=data_url(PNG), src=str(text)), 'src and data')
    assert_refused(logo, dict(portal='nope', data=data_url(PNG)), 'portal', 'nope')
    assert_refused(logo, dict(portal=MISSING_ID, data=data_url(PNG)), 'portal', MISSING_ID)


# -- custom domain --------------------------------------------------------------------------------------------------

def test_custom_domain_life_cycle_says_where_dns_points(emulator):
    portal_id = new_portal(emulator)
    domain = Module(emulator, 'portal_custom_domain')
    # A run that changes nothing reads the domain and the portal (whose default domain the CNAME points to).
    assert_lifecycle(domain, create=dict(portal=portal_id, hostname='developer.example.com'), update=dict(enabled=False), noop_requests=2)
    created = domain(portal=portal_id, hostname='developer.example.com')
    portal = konnect(emulator, 'GET', '/v3/portals/' + portal_id)
    assert created['cname_target'] == portal['default_domain'] and created['verification_status'] == 'pending'
    assert portal['canonical_domain'] == 'developer.example.com'


def test_custom_domain_with_a_certificate_keeps_the_key_secret(emulator):
    pytest.importorskip('cryptography')
    special = pytest.importorskip('ansible_collections.konnect.konnect.plugins.module_utils.special')
    cert, key = special.generate_certificate('developer.example.com', 30)
    portal_id = new_portal(emulator)
    domain = Module(emulator, 'portal_custom_domain')
    created = assert_lifecycle(domain, create=dict(portal=portal_id, hostname='developer.example.com', custom_certificate=cert,
                                                   custom_private_key=key),
                               update=dict(skip_ca_check=True), secrets=(key.strip().splitlines()[1],), noop_requests=2, deletable=False)
    assert created['ssl']['domain_verification_method'] == 'custom_certificate'
    renewed, renewed_key = special.generate_certificate('developer.example.com', 60)
    rotated, sent = domain.counted(diff=True, portal=portal_id, custom_certificate=renewed, custom_private_key=renewed_key,
                                   update_secrets='always')
    assert rotated['changed'] and writes(sent)[0]['body']['ssl']['custom_private_key'] == renewed_key
    assert renewed_key.strip().splitlines()[1] not in str(rotated)


def test_custom_domain_refuses_bad_input_and_recreates_on_request(emulator):
    portal_id = new_portal(emulator)
    domain = Module(emulator, 'portal_custom_domain')
    assert_refused(domain, dict(portal='nope', hostname='a.example.com'), 'portal', 'nope')
    assert_refused(domain, dict(portal=portal_id, enabled=True), 'hostname', 'required')
    assert_refused(domain, dict(portal=portal_id, hostname='a.example.com', domain_verification_method='custom_certificate'),
                   'custom_certificate', 'custom_private_key')
    assert_refused(domain, dict(portal=portal_id, hostname='a.example.com', custom_private_key='-----BEGIN PRIVATE KEY-----'),
                   'custom_certificate', 'custom_private_key')
    domain(portal=portal_id, hostname='a.example.com')
    assert_refused(domain, dict(portal=portal_id, hostname='b.example.com'), 'hostname', 'recreate')
    assert_refused(domain, dict(portal=portal_id, domain_verification_method='custom_certificate'), 'domain_verification_method', 'recreate')
    assert_refused(domain, dict(portal=portal_id, custom_certificate='x', custom_private_key='y'), 'custom_certificate', 'http')
    moved, sent = domain.counted(portal=portal_id, hostname='b.example.com', recreate=True)
    assert moved['changed'] and [r['method'] for r in writes(sent)] == ['DELETE', 'POST']
    assert konnect(emulator, 'GET', '/v3/portals/%s/custom-domain' % portal_id)['hostname'] == 'b.example.com'


# -- pages ----------------------------------------------------------------------------------------------------------

def test_page_life_cycle_under_a_parent_by_path_and_by_id(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    guides = page(portal=portal_id, slug='guides', content='# Guides', status='published')['portal_page']
    # By path: the tree to find the parent, the tree to find the page, the page itself (listed without content).
    assert_lifecycle(page, create=dict(portal=portal_id, parent_page='/guides', slug='start', title='Start', content='# Hi'),
                     update=dict(content='# Hello', status='published', visibility='public'), noop_requests=3)
    created = assert_lifecycle(page, create=dict(portal=portal_id, parent_page=guides['id'], slug='next', content='# Next'),
                               update=dict(description='Then'), noop_requests=2)
    assert created['parent_page_id'] == guides['id']
    kept = page(portal=portal_id, parent_page=guides['id'], slug='kept', content='k')['portal_page']
    by_id, sent = page.counted(portal=portal_id, id=kept['id'], content='k')
    assert not by_id['changed'] and len(sent) == 1
    assert set(pages_of(emulator, portal_id)) == {'/guides', '/guides/kept'}


def test_page_slug_with_or_without_a_slash_is_the_same_page(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    page(portal=portal_id, slug='start', content='x')
    again = page(portal=portal_id, slug='/start', content='x')
    assert not again['changed']
    home = page(portal=portal_id, slug='/', content='# Home', status='published')
    assert home['changed'] and set(pages_of(emulator, portal_id)) == {'/', '/start'}


def test_page_moves_and_renames_by_id(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    guides = page(portal=portal_id, slug='guides', content='g')['portal_page']
    start = page(portal=portal_id, parent_page='/guides', slug='start', content='s')['portal_page']
    moved, sent = page.counted(diff=True, portal=portal_id, id=start['id'], parent_page='')
    assert moved['changed'] and [r['body'] for r in writes(sent)] == [{'parent_page_id': None}]
    assert set(pages_of(emulator, portal_id)) == {'/guides', '/start'}
    back = page(portal=portal_id, id=start['id'], parent_page='/guides', slug='begin')
    assert back['changed'] and returned(page, back)['parent_page_id'] == guides['id']
    assert set(pages_of(emulator, portal_id)) == {'/guides', '/guides/begin'}
    assert not page(portal=portal_id, parent_page='/guides', slug='begin', content='s')['changed']


def test_page_refuses_collisions_and_bad_input_before_writing(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    guides = page(portal=portal_id, slug='guides', content='g')['portal_page']
    start = page(portal=portal_id, parent_page='/guides', slug='start', content='s')['portal_page']
    page(portal=portal_id, slug='start', content='top')
    assert_refused(page, dict(portal=portal_id, id=start['id'], parent_page=''), 'slug', "'/start'")
    assert_refused(page, dict(portal=portal_id, id=start['id'], slug='guides', parent_page=''), 'slug', "'/guides'")
    assert_refused(page, dict(portal=portal_id, id=guides['id'], parent_page='/guides/start'), 'parent_page', 'itself')
    assert_refused(page, dict(portal=portal_id, slug='guides/start', content='x'), 'slug', "'start'", "'/guides'")
    assert_refused(page, dict(portal=portal_id, parent_page='/guides', slug='/', content='x'), 'slug', 'home page')
    assert_refused(page, dict(portal=portal_id, parent_page='/nowhere', slug='a', content='x'), 'parent_page', '/nowhere')
    assert_refused(page, dict(portal=portal_id, parent_page=MISSING_ID, slug='a', content='x'), 'parent_page', MISSING_ID)
    assert_refused(page, dict(portal=portal_id, slug='new', content='---\ntitle: Front\n---\nx', title='Other'), 'title', 'front matter')
    assert_refused(page, dict(portal=portal_id, slug='new'), 'content', 'required')
    assert_refused(page, dict(portal=portal_id, slug='new', content='x', status='draft'), 'status', 'published')
    assert_refused(page, dict(portal='nope', slug='new', content='x'), 'portal', 'nope')
    assert_refused(page, dict(portal=MISSING_ID, slug='new', content='x'), 'portal', MISSING_ID)


def test_page_front_matter_sets_the_title(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    created = page(portal=portal_id, slug='faq', content='---\ntitle: Questions\ndescription: Asked often\n---\nQ?')
    assert returned(page, created)['title'] == 'Questions' and returned(page, created)['description'] == 'Asked often'
    assert not page(portal=portal_id, slug='faq', title='Questions', content='---\ntitle: Questions\ndescription: Asked often\n---\nQ?')['changed']


def test_page_info_lists_the_tree_with_paths(emulator):
    portal_id = new_portal(emulator)
    page = Module(emulator, 'portal_page')
    guides = page(portal=portal_id, slug='guides', content='g')['portal_page']
    page(portal=portal_id, parent_page=guides['id'], slug='start', content='s')
    page(portal=portal_id, slug='start', content='top')
    info = Module(emulator, 'portal_page_info')
    assert [p['path'] for p in info(portal='dev')['portal_pages']] == ['/guides', '/guides/start', '/start']
    assert [p['path'] for p in info(portal=portal_id, slug='/start')['portal_pages']] == ['/guides/start', '/start']
    assert [p['path'] for p in info(portal=portal_id, filters={'path': '/guides/start'})['portal_pages']] == ['/guides/start']
    assert info(portal=portal_id, id=guides['id'])['portal_pages'][0]['content'] == 'g'
    assert info(portal=portal_id, id=MISSING_ID)['portal_pages'] == []
    assert 'nope' in info(portal='nope')['msg']


# -- snippets -------------------------------------------------------------------------------------------------------

def test_snippet_life_cycle(emulator):
    portal_id = new_portal(emulator, default_page_visibility='public')
    snippet = Module(emulator, 'portal_snippet')
    created = assert_lifecycle(snippet, create=dict(portal=portal_id, name='notice', title='Notice', content='Call us'),
                               update=dict(content='Write to us', status='published', description='Support'), noop_requests=2)
    assert created['visibility'] == 'public'  # the portal's default page visibility
    kept = snippet(portal=portal_id, name='kept', content='k')['portal_snippet']
    by_id, sent = snippet.counted(portal=portal_id, id=kept['id'], content='k')
    assert not by_id['changed'] and len(sent) == 1
    renamed = snippet(portal=portal_id, id=kept['id'], name='held')
    assert renamed['changed'] and returned(snippet, renamed)['name'] == 'held'


def test_snippet_refuses_bad_input(emulator):
    portal_id = new_portal(emulator)
    snippet = Module(emulator, 'portal_snippet')
    snippet(portal=portal_id, name='a', content='a')
    other = snippet(portal=portal_id, name='b', content='b')['portal_snippet']
    assert_refused(snippet, dict(portal=portal_id, id=other['id'], name='a'), 'name', "'a'", 'unique')
    assert_refused(snippet, dict(portal=portal_id, name='c', content='---\ndescription: Front\n---\n', description='x'), 'description')
    assert_refused(snippet, dict(portal=portal_id, name='c', visibility='everyone', content='c'), 'visibility')
    assert_refused(snippet, dict(portal='nope', name='c', content='c'), 'portal', 'nope')


def test_snippet_info(emulator):
    portal_id = new_portal(emulator)
    snippet = Module(emulator, 'portal_snippet')
    first = snippet(portal=portal_id, name='guides-nav', content='n', visibility='public')['portal_snippet']
    snippet(portal=portal_id, name='footer', content='f', visibility='private')
    info = Module(emulator, 'portal_snippet_info')
    assert [s['name'] for s in info(portal='dev')['portal_snippets']] == ['guides-nav', 'footer']
    assert 'content' not in info(portal='dev')['portal_snippets'][0]  # Konnect lists snippets without content
    assert [s['name'] for s in info(portal='dev', name='footer')['portal_snippets']] == ['footer']
    assert [s['name'] for s in info(portal='dev', filters={'visibility': 'public'})['portal_snippets']] == ['guides-nav']
    assert info(portal='dev', id=first['id'])['portal_snippets'][0]['content'] == 'n'


# -- the emulator's answers the modules rely on --------------------------------------------------------------------------

def test_emulator_portal_names_unique_and_rbac_needs_authentication(emulator):
    new_portal(emulator, 'a')
    other = new_portal(emulator, 'b')
    clash = raw(emulator, 'POST', '/v3/portals', {'name': 'a'})
    assert clash.status_code == 400 and clash.json()['invalid_parameters'][0]['field'] == 'name'
    assert raw(emulator, 'PATCH', '/v3/portals/' + other, {'name': 'a'}).status_code == 409
    refused = raw(emulator, 'POST', '/v3/portals', {'name': 'c', 'rbac_enabled': True, 'authentication_enabled': False})
    assert refused.status_code == 400 and refused.json()['invalid_parameters'][0]['field'] == 'rbac_enabled'
    portal = konnect(emulator, 'GET', '/v3/portals/' + other)
    assert portal['display_name'] == 'b' and portal['default_page_visibility'] == 'private'


def test_emulator_portal_delete_needs_force_while_apis_are_published(emulator):
    portal_id = new_portal(emulator)
    api = konnect(emulator, 'POST', '/v3/apis', {'name': 'pets'})['id']
    konnect(emulator, 'PUT', '/v3/apis/%s/publications/%s' % (api, portal_id), {})
    refused = raw(emulator, 'DELETE', '/v3/portals/' + portal_id)
    assert refused.status_code == 400 and refused.json()['invalid_parameters'][0] == {
        'field': 'force', 'rule': 'required', 'source': 'query',
        'reason': '1 API publication(s) still use this portal; set force=true to delete them with it'}
    assert raw(emulator, 'DELETE', '/v3/portals/' + portal_id, params={'force': 'maybe'}).status_code == 400
    assert raw(emulator, 'DELETE', '/v3/portals/' + portal_id, params={'force': 'true'}).status_code == 204


def test_emulator_pages_are_a_tree_with_unique_sibling_slugs(emulator):
    portal_id = new_portal(emulator)
    pages = '/v3/portals/%s/pages' % portal_id
    guides = konnect(emulator, 'POST', pages, {'slug': '/guides', 'content': 'g'})
    start = konnect(emulator, 'POST', pages, {'slug': 'start', 'content': 's', 'parent_page_id': guides['id']})
    konnect(emulator, 'POST', pages, {'slug': 'start', 'content': 'top'})
    assert (start['visibility'], start['status'], start['title']) == ('private', 'unpublished', 'start')
    duplicate = raw(emulator, 'POST', pages, {'slug': '/start', 'content': 'x', 'parent_page_id': guides['id']})
    assert duplicate.status_code == 400 and duplicate.json()['invalid_parameters'][0]['field'] == 'slug'
    listed = konnect(emulator, 'GET', pages)['data']
    assert [(p['slug'], [c['slug'] for c in p['children']]) for p in listed] == [('/guides', ['start']), ('start', [])]
    assert 'content' not in listed[0]
    assert raw(emulator, 'POST', '%s/%s/move' % (pages, start['id']), {'index': 0}).status_code == 409
    assert raw(emulator, 'POST', '%s/%s/move' % (pages, guides['id']), {'parent_page_id': start['id']}).status_code == 400
    assert raw(emulator, 'PATCH', '%s/%s' % (pages, guides['id']), {'parent_page_id': guides['id']}).status_code == 400
    konnect(emulator, 'DELETE', '%s/%s' % (pages, guides['id']))
    assert [p['slug'] for p in konnect(emulator, 'GET', pages)['data']] == ['start']  # its child went with it


def test_emulator_default_content_creates_only_what_is_missing(emulator):
    portal_id = new_portal(emulator)
    konnect(emulator, 'POST', '/v3/portals/%s/snippets' % portal_id, {'name': 'guides-sidebar-toc', 'content': 'mine'})
    first = konnect(emulator, 'POST', '/v3/portals/%s/default-content' % portal_id)
    assert first == {'pages': ['/', '/about', '/privacy'], 'snippets': ['guides-sidebar-navigation']}
    assert konnect(emulator, 'POST', '/v3/portals/%s/default-content' % portal_id) == {'pages': [], 'snippets': []}


def test_emulator_custom_domain_and_assets(emulator):
    portal_id = new_portal(emulator)
    domain = '/v3/portals/%s/custom-domain' % portal_id
    assert raw(emulator, 'GET', domain).status_code == 404
    body = {'hostname': 'dev.example.com', 'enabled': True, 'ssl': {'domain_verification_method': 'http'}}
    assert raw(emulator, 'POST', domain, dict(body, hostname='not a host')).status_code == 400
    konnect(emulator, 'POST', domain, body)
    assert raw(emulator, 'POST', domain, body).status_code == 400  # one per portal
    assert raw(emulator, 'PATCH', domain, {'ssl': {'skip_ca_check': True}}).status_code == 400  # HTTP-verified
    konnect(emulator, 'DELETE', domain)
    assert raw(emulator, 'DELETE', domain).status_code == 404
    logo = '/v3/portals/%s/assets/logo' % portal_id
    assert raw(emulator, 'GET', logo).status_code == 404
    assert raw(emulator, 'PUT', logo, {'data': 'data:image/bmp;base64,AAAA'}).status_code == 400
    assert konnect(emulator, 'PUT', logo, {'data': data_url(PNG)}) == {'data': data_url(PNG)}


def test_emulator_auth_settings_answer_deprecated_oidc_fields_nested(emulator):
    portal_id = new_portal(emulator)
    path = '/v3/portals/%s/authentication-settings' % portal_id
    assert konnect(emulator, 'GET', path)['basic_auth_enabled'] is True
    answer = konnect(emulator, 'PATCH', path, {'oidc_issuer': 'https://i', 'oidc_client_secret': 's', 'oidc_team_mapping_enabled': True})
    assert answer['oidc_config']['issuer'] == 'https://i' and 'oidc_client_secret' not in answer and 'oidc_issuer' not in answer
    assert answer['idp_mapping_enabled'] is True


def test_emulator_customization_put_replaces_and_patch_merges(emulator):
    portal_id = new_portal(emulator)
    path = '/v3/portals/%s/customization' % portal_id
    assert konnect(emulator, 'PATCH', path, {'theme': {'mode': 'dark'}})['theme']['name'] == 'mint_rocket'
    assert konnect(emulator, 'PUT', path, {'layout': 'sidebar'}) == {'layout': 'sidebar'}
    assert konnect(emulator, 'GET', path) == {'layout': 'sidebar'}
    assert raw(emulator, 'PATCH', path, {'theme': {'colors': {'primary': 'red'}}}).status_code == 400
