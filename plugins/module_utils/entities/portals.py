# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Developer portals and what belongs to one portal's site: customization, domain, assets, auth settings, pages and
snippets (Portal Management v3, regional).

A portal's settings live at fixed paths below it (``PortalSingleton``); its page list is a tree (``PortalPage``); pages
and snippets are listed without their content, so the engine reads the one it found (``listed_without``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import mimetypes
import re
from urllib.parse import unquote_to_bytes

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, SingletonEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_FILTER,
    LOOKUP_LIST,
    PLAIN,
    Entity,
    Field,
    IdReference,
    Parent,
    Singleton,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectError, KonnectParameterError

VISIBILITIES = ['public', 'private']
STATUSES = ['published', 'unpublished']
STRING_FILTER = ('eq', 'contains', 'neq', 'oeq', 'ocontains')
ON_PORTAL = Parent('portal', 'portal')


# -- portal ------------------------------------------------------------------------------------------------------------

class StrategyReference(IdReference):
    """The portal's default application auth strategy, by name or id; an empty string means none (null)."""

    def resolve(self, resolver, scope, params):
        if params.get(self.option) == '':
            return {self.body_field: None}
        return super(StrategyReference, self).resolve(resolver, scope, params)


def rbac_needs_authentication(engine, current=None):
    """Konnect: "Authentication must be enabled to use RBAC" (rbac_enabled); refused before anything is written."""
    if engine.params.get('state') == 'absent':
        return
    current = current or {}
    wanted = dict(current, **engine.desired)
    if wanted.get('rbac_enabled') and wanted.get('authentication_enabled', True) is False:
        raise KonnectParameterError('rbac_enabled: role-based access control needs authentication_enabled: true; '
                                    'enable authentication or leave RBAC off.')


def name_is_free(engine, current=None):
    """A rename (of an entity found by id) to a name another one has is refused by Konnect; say so before writing."""
    name = engine.desired.get('name')
    if engine.params.get('state') == 'absent' or not current or name is None or name == current.get('name'):
        return
    taken = [item for item in engine.resolver.find_all(engine.entity, engine.scope, {'name': name}) if item.get('id') != current.get('id')]
    if taken:
        raise KonnectParameterError('name: there is already a %s named %r (id %s); names are unique.' % (engine.entity.title, name, taken[0].get('id')))


def portal_writable(engine, current=None):
    rbac_needs_authentication(engine, current)
    name_is_free(engine, current)


def segment(slug):
    """A page slug as one path segment: Konnect's examples write both "/my-page" and "hello-world"; the home page is "/"."""
    return slug.strip('/') if isinstance(slug, str) else slug


HOME_PAGE = ''


class PortalEngine(EntityEngine):
    """A portal: optionally given Konnect's default content (a published home page among it), deleted with ``force``."""

    DEFAULT_CONTENT = '/v3/portals/%s/default-content'

    def __init__(self, *args, **kwargs):
        super(PortalEngine, self).__init__(*args, **kwargs)
        self.default_content = None

    def ensure_present(self, current, desired):
        result = super(PortalEngine, self).ensure_present(current, desired)
        if current is not None and self.params.get('default_content') and not self.has_home_page(current['id']):
            if not self.check_mode:
                self.create_default_content(current)
            result.update(changed=True, action='updated' if result['action'] == 'unchanged' else result['action'])
        if self.default_content is not None:
            result['default_content'] = self.default_content
        return result

    def create(self, body, desired):
        created = super(PortalEngine, self).create(body, desired)
        if self.params.get('default_content') and created.get('id'):
            try:
                self.create_default_content(created)
            except KonnectError as exc:
                raise KonnectError("Portal '%s' was created (id %s), but its default content was not: %s Run the task again; a portal "
                                   "without a home page gets the default content then." % (created.get('name'), created['id'], exc.msg))
        return created

    def has_home_page(self, portal_id):
        pages = self.client.get(PortalPage.TREE % portal_id, what='the pages of the portal').body or {}
        return any(page.get('parent_page_id') is None and segment(page.get('slug')) == HOME_PAGE for page in pages.get('data') or [])

    def create_default_content(self, portal):
        response = self.client.request('POST', self.DEFAULT_CONTENT % portal['id'], what="the default content of portal '%s'" % portal.get('name'))
        self.default_content = response.body or {}

    def delete(self, item):
        force = bool(self.params.get('force'))
        try:
            self.client.request('DELETE', self.item_path(item), params={'force': 'true'} if force else None,
                                what=self.describe_current(item), expected=(404,))
        except KonnectApiError as exc:
            if force or exc.status not in (400, 409):
                raise
            raise KonnectError('%s Konnect deletes a portal that APIs are still published to only with force: true, which '
                               'deletes those publications with it.' % exc.msg, **exc.details)
        self.note_deleted(item)


PORTAL_FILTERS = dict(
    [(name, STRING_FILTER) for name in ('name', 'description', 'default_domain', 'canonical_domain', 'default_api_visibility',
                                        'default_page_visibility')]
    + [(name, (PLAIN,)) for name in ('authentication_enabled', 'rbac_enabled', 'auto_approve_applications', 'auto_approve_developers')]
    + [('id', ('eq', 'neq', 'oeq')), ('default_application_auth_strategy_id', ('eq', 'neq', 'oeq'))])


class Portal(Entity):
    engine_class = PortalEngine
    extra_options = {
        'default_content': dict(type='bool', default=False),
        'force': dict(type='bool', default=False),
    }


PORTAL = Portal(
    'portal', 'portal', '/v3/portals',
    fields=[
        Field('name'), Field('display_name'), Field('description'),
        Field('authentication_enabled', type='bool'), Field('rbac_enabled', type='bool'),
        Field('auto_approve_developers', type='bool'), Field('auto_approve_applications', type='bool'),
        Field('default_api_visibility', choices=VISIBILITIES), Field('default_page_visibility', choices=VISIBILITIES),
        Field('sipr_enabled', type='bool'), Field('notifications_developer_pii_visibility_enabled', type='bool'),
        Field('labels', type='dict', kind=LABELS),
    ],
    references=[StrategyReference('default_application_auth_strategy', 'application_auth_strategy',
                                  body_field='default_application_auth_strategy_id')],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True, writable=portal_writable,
    filterable=PORTAL_FILTERS,
)


# -- settings at fixed paths below a portal ---------------------------------------------------------------------------

class PortalSingletonEngine(SingletonEngine):
    """Settings at one path below a portal; a portal given by id is verified at most once."""

    def verify_parents(self):
        super(PortalSingletonEngine, self).verify_parents()
        self.unverified_parents = []


class PortalSingleton(Singleton):
    engine_class = PortalSingletonEngine

    def __init__(self, name, title, path, **kwargs):
        kwargs.setdefault('parents', [ON_PORTAL])
        kwargs.setdefault('update_method', 'PATCH')
        super(PortalSingleton, self).__init__(name, title, '/v3/portals/{portal}' + path, **kwargs)


def without_unset(value):
    """Suboptions the task leaves out arrive as None; they are not part of what it asks for."""
    if isinstance(value, dict):
        return dict((key, without_unset(item)) for key, item in value.items() if item is not None)
    if isinstance(value, list):
        return [without_unset(item) for item in value]
    return value


COLOR = re.compile(r'^#([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$')


def customization_body(body):
    """An empty ``css`` or ``robots`` unsets it (null); dicts keep only what the task gives."""
    body = without_unset(body)
    for name in ('css', 'robots'):
        if body.get(name) == '':
            body[name] = None
    primary = ((body.get('theme') or {}).get('colors') or {}).get('primary')
    if primary is not None and not COLOR.match(primary):
        raise KonnectParameterError('theme.colors.primary: %r is not a colour Konnect takes; give it as #rrggbb or #rgb.' % primary)
    return body


MENU_ITEM = dict(
    path=dict(type='str', required=True),
    title=dict(type='str', required=True),
    visibility=dict(type='str', choices=VISIBILITIES, default='public'),
    external=dict(type='bool', default=False),
)

PORTAL_CUSTOMIZATION = PortalSingleton(
    'portal_customization', 'portal customization', '/customization', update_method='PUT',
    fields=[
        Field('theme', type='dict', options=dict(
            name=dict(type='str'), mode=dict(type='str', choices=['light', 'dark', 'system']),
            colors=dict(type='dict', options=dict(primary=dict(type='str'))))),
        Field('layout'),
        Field('css'),
        Field('robots'),
        Field('menu', type='dict', options=dict(
            main=dict(type='list', elements='dict', options=MENU_ITEM),
            footer_sections=dict(type='list', elements='dict', options=dict(
                title=dict(type='str', required=True), items=dict(type='list', elements='dict', options=MENU_ITEM, required=True))),
            footer_bottom=dict(type='list', elements='dict', options=MENU_ITEM))),
        Field('spec_renderer', type='dict', options=dict((name, dict(type='bool')) for name in (
            'allow_custom_server_urls', 'hide_deprecated', 'hide_internal', 'infinite_scroll', 'show_schemas', 'try_it_insomnia',
            'try_it_ui'))),
    ],
    prepare=customization_body,
)

PORTAL_AUTH_SETTINGS = PortalSingleton(
    'portal_auth_settings', 'portal authentication settings', '/authentication-settings',
    fields=[Field(name, type='bool') for name in ('basic_auth_enabled', 'konnect_mapping_enabled', 'idp_mapping_enabled')],
)


# -- logo and favicon ---------------------------------------------------------------------------------------------------

DATA_URL = re.compile(r'^data:([^,;]*)((?:;[^,;]*)*),(.*)$', re.S)
IMAGE_TYPES = {
    'image/png': 'image/png', 'image/jpeg': 'image/jpeg', 'image/jpg': 'image/jpeg', 'image/gif': 'image/gif',
    'image/svg+xml': 'image/svg+xml', 'image/x-icon': 'image/x-icon', 'image/ico': 'image/x-icon',
    'image/icon': 'image/x-icon', 'image/vnd.microsoft.icon': 'image/x-icon',
}
KONNECT_IMAGE_TYPES = frozenset(IMAGE_TYPES) - frozenset(['image/jpg'])  # the media types Konnect's data URL patterns take
SIGNATURES = ((b'\x89PNG\r\n\x1a\n', 'image/png'), (b'\xff\xd8\xff', 'image/jpeg'), (b'GIF87a', 'image/gif'),
              (b'GIF89a', 'image/gif'), (b'\x00\x00\x01\x00', 'image/x-icon'))


def decode_data_url(value):
    """(media type, bytes) of a data URL, or None when it is not one."""
    match = DATA_URL.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    media_type, parameters, payload = match.group(1).lower(), match.group(2), match.group(3)
    if ';base64' in parameters.lower():
        try:
            return media_type, base64.b64decode(re.sub(r'\s+', '', payload), validate=True)
        except (binascii.Error, ValueError):
            return None
    return media_type, unquote_to_bytes(payload)


def image_content(value):
    """What an image is compared by: its bytes, whatever the encoding (file, base64 or percent-encoded data URL)."""
    decoded = decode_data_url(value)
    return decoded[1] if decoded else value


def image_type(content, path):
    for signature, media_type in SIGNATURES:
        if content.startswith(signature):
            return media_type
    head = content[:1024].lstrip().lower()
    if head.startswith(b'<svg') or (head.startswith(b'<?xml') and b'<svg' in head):
        return 'image/svg+xml'
    return IMAGE_TYPES.get(mimetypes.guess_type(path)[0] or '')


def image_body(body):
    """``src`` (a file) or ``data`` (a data URL) as the base64 data URL Konnect takes (PNG, JPEG, GIF, ICO or SVG)."""
    src = body.pop('src', None)
    if src is not None and body.get('data') is not None:
        raise KonnectParameterError('src and data: give the image once, as a file (src) or as a data URL (data).')
    if src is not None:
        try:
            with open(src, 'rb') as handle:
                content = handle.read()
        except (IOError, OSError) as exc:
            raise KonnectParameterError('src: cannot read %s: %s.' % (src, exc))
        media_type = image_type(content, src)
        if media_type is None:
            raise KonnectParameterError('src: %s is not a PNG, JPEG, GIF, ICO or SVG image.' % src)
    elif body.get('data') is not None:
        decoded = decode_data_url(body['data'])
        if decoded is None or decoded[0] not in IMAGE_TYPES:
            raise KonnectParameterError('data: give a data URL of a PNG, JPEG, GIF, ICO or SVG image, such as '
                                        'data:image/png;base64,iVBORw0KGgo...')
        media_type = decoded[0] if decoded[0] in KONNECT_IMAGE_TYPES else IMAGE_TYPES[decoded[0]]
        content = decoded[1]
    else:
        return body
    body['data'] = 'data:%s;base64,%s' % (media_type, base64.b64encode(content).decode('ascii'))
    return body


def describe_image(value):
    decoded = decode_data_url(value)
    if not decoded:
        return value
    return '%s, %d bytes, sha256 %s' % (decoded[0], len(decoded[1]), hashlib.sha256(decoded[1]).hexdigest()[:16])


class AssetEngine(PortalSingletonEngine):
    """A logo or favicon: compared by content; a diff names the image (type, size, digest) instead of its base64 text."""

    def diff_view(self, obj, names):
        view = super(AssetEngine, self).diff_view(obj, names)
        if view.get('data'):
            view['data'] = describe_image(view['data'])
        return view


class PortalAsset(PortalSingleton):
    engine_class = AssetEngine

    def __init__(self, name, title, path):
        super(PortalAsset, self).__init__(
            name, title, path, create_method='PUT', update_method='PUT',
            fields=[Field('data'), Field('src', type='path', shown=False)],
            key='data', match_values=image_content, prepare=image_body)


PORTAL_LOGO = PortalAsset('portal_logo', 'portal logo', '/assets/logo')
PORTAL_FAVICON = PortalAsset('portal_favicon', 'portal favicon', '/assets/favicon')


# -- custom domain ------------------------------------------------------------------------------------------------------

SSL_FIELDS = ('domain_verification_method', 'custom_certificate', 'custom_private_key', 'skip_ca_check')


def konnect_domain_body(body):
    """The module's flat options as Konnect's body: SSL settings nested under ``ssl``."""
    body = dict(body)
    ssl = dict((name, body.pop(name)) for name in SSL_FIELDS if name in body)
    if ssl:
        body['ssl'] = ssl
    return body


def certificate_pair(engine, current=None):
    """A custom certificate comes with its private key; verification by certificate needs both (checked before writing)."""
    params = engine.params
    if params.get('state') == 'absent':
        return
    given = [name for name in ('custom_certificate', 'custom_private_key') if params.get(name)]
    method = params.get('domain_verification_method') or (current or {}).get('ssl', {}).get('domain_verification_method')
    recreating = current is not None and params.get('recreate') and decide.create_only_conflicts(engine.entity, current, engine.desired)
    if len(given) == 1 or (method == 'custom_certificate' and (current is None or recreating) and len(given) != 2):
        raise KonnectParameterError('custom_certificate and custom_private_key: a custom certificate is given together with its '
                                    'private key (PEM text).')
    if given and method == 'http':
        raise KonnectParameterError('custom_certificate: the domain is verified over HTTP (domain_verification_method: http), '
                                    'which takes no certificate.')


class CustomDomainEngine(PortalSingletonEngine):
    """The portal's custom domain: created (POST), updated (PATCH), deleted; returns where its DNS name must point."""

    def ensure_present(self, current, desired):
        certificate_pair(self, current)  # also when nothing would be written: a certificate the domain cannot take is an error
        return super(CustomDomainEngine, self).ensure_present(current, desired)

    def create(self, body, desired):
        body = konnect_domain_body(body)
        ssl = body.setdefault('ssl', {})
        ssl.setdefault('domain_verification_method', 'custom_certificate' if 'custom_certificate' in ssl else 'http')
        body.setdefault('enabled', True)
        return super(CustomDomainEngine, self).create(body, desired)

    def apply(self, decision, current, desired):
        if decision.action == decide.RECREATE:
            self.delete(current)
            return self.create(decision.body, desired)
        if decision.action == decide.UPDATE:
            body = konnect_domain_body(decision.body)
            body.get('ssl', {}).pop('domain_verification_method', None)
            response = self.client.request('PATCH', self.item_path(current), body=body, what=self.entity.title)
            return response.body or decision.predicted
        return super(CustomDomainEngine, self).apply(decision, current, desired)

    def result(self, changed, before, after):
        result = super(CustomDomainEngine, self).result(changed, before, after)
        if after:
            portal = self.parent('portal') or {}
            result['cname_target'] = portal.get('default_domain')
            result['verification_status'] = (after.get('ssl') or {}).get('verification_status')
        return result


class PortalCustomDomain(PortalSingleton):
    engine_class = CustomDomainEngine


PORTAL_CUSTOM_DOMAIN = PortalCustomDomain(
    'portal_custom_domain', 'portal custom domain', '/custom-domain', create_method='POST', update_method='PATCH', deletable=True,
    fields=[
        Field('hostname', create_only=True, create_required=True),
        Field('enabled', type='bool'),
        Field('domain_verification_method', choices=['http', 'custom_certificate'], create_only=True,
              response_path='ssl.domain_verification_method'),
        Field('custom_certificate', secret=True, no_log=False),
        Field('custom_private_key', secret=True),
        Field('skip_ca_check', type='bool', response_path='ssl.skip_ca_check'),
    ],
    key='hostname',
)


# -- pages and snippets -------------------------------------------------------------------------------------------------

FRONT_MATTER = re.compile(r'^---\r?\n(.*?)\r?\n---\s*(\r?\n|$)', re.S)


def front_matter(content):
    match = FRONT_MATTER.match(content or '')
    values = {}
    for line in match.group(1).splitlines() if match else ():
        key, sep, value = line.partition(':')
        if sep and key.strip() in ('title', 'description'):
            values[key.strip()] = value.strip().strip('"\'')
    return values


def with_front_matter(body):
    """Konnect takes ``title`` and ``description`` from the content's front matter when it has them ("frontmatter will
    take precedence"): the task may not ask for others, which would never stick."""
    for name, value in front_matter(body.get('content')).items():
        if body.get(name) is not None and body[name] != value:
            raise KonnectParameterError('%s: the front matter of content sets %s to %r, and Konnect uses that instead of %r; '
                                        'give one of them.' % (name, name, value, body[name]))
        body[name] = value
    return body


def page_body(body):
    slug = body.get('slug')
    if slug is not None and '/' in segment(slug):
        parent, _sep, own = segment(slug).rpartition('/')
        raise KonnectParameterError("slug: %r has more than one path segment; give the page's own slug (%r) and its parent "
                                    "with parent_page (%r)." % (slug, own, '/' + parent))
    if slug is not None and segment(slug) == HOME_PAGE and body.get('parent_page_id'):
        raise KonnectParameterError("slug: '/' is the slug of the portal's home page, which only a top-level page can have.")
    return with_front_matter(body)


class ParentPageReference(IdReference):
    """The page a page sits under: its id, or its full slug path (``/guides``, ``/guides/advanced``); an empty string
    means the top level."""

    def resolve(self, resolver, scope, params):
        value = params.get(self.option)
        if value is None:
            return None
        if value == '':
            return {self.body_field: None}
        if looks_like_id(value) or not isinstance(value, str):  # an id, or a page apply plans (a node of the document)
            return {self.body_field: resolver.resolve_id(self.option, resolver.registry(self.entity), scope, value)}
        path = '/' + segment(value)
        found = resolver.find_all(resolver.registry(self.entity), scope, {'path': path})
        if not found:
            raise KonnectParameterError("%s: the portal has no page at %r." % (self.option, path))
        return {self.body_field: found[0]['id']}


class PageEngine(EntityEngine):
    """A page: before it is created, renamed or moved, its place in the tree must be free and not below itself."""

    def check_writable(self, current=None):
        super(PageEngine, self).check_writable(current)
        if self.params.get('state') != 'absent':
            self.check_place(current or {})

    def check_place(self, current):
        slug = self.desired.get('slug', current.get('slug'))
        parent_id = self.desired['parent_page_id'] if 'parent_page_id' in self.desired else current.get('parent_page_id')
        if current and segment(slug) == segment(current.get('slug')) and parent_id == current.get('parent_page_id'):
            return  # it stays where it is
        pages = list(self.entity.read_list(self.client, self.scope, what='the pages of the portal'))
        by_id = dict((page['id'], page) for page in pages)
        if parent_id is not None and parent_id not in by_id:
            raise KonnectParameterError('parent_page: the portal has no page with id %s.' % parent_id)
        ancestor = by_id.get(parent_id)
        while ancestor is not None:
            if ancestor['id'] == current.get('id'):
                raise KonnectParameterError("parent_page: %r is below the page itself (or is it); a page cannot move under itself."
                                            % by_id[parent_id]['path'])
            ancestor = by_id.get(ancestor.get('parent_page_id'))
        for page in pages:
            if page['id'] != current.get('id') and page.get('parent_page_id') == parent_id and segment(page['slug']) == segment(slug):
                raise KonnectParameterError("slug: the portal already has a page at %r (id %s); give another slug or parent_page, "
                                            "or manage that page by its id." % (page['path'], page['id']))


def flatten_pages(pages, parent_path='/'):
    """The page tree as a list, parents first, each page with its full ``path`` (``/guides/start``) and no ``children``."""
    for page in pages or []:
        item = dict((name, value) for name, value in page.items() if name != 'children')
        item['path'] = parent_path.rstrip('/') + '/' + segment(page.get('slug') or '')
        yield item
        yield from flatten_pages(page.get('children'), item['path'])


class PortalPage(Entity):
    engine_class = PageEngine
    listed_without = ('content',)
    TREE = '/v3/portals/%s/pages'

    def read_list(self, client, scope, params=None, what=None, region=None):
        """Konnect answers the whole tree at once (not paginated); it is flattened, with each page's ``path``."""
        return flatten_pages(client.paginate(self.collection_path(scope), 'none', params, what=what, region=region))


PORTAL_PAGE = PortalPage(
    'portal_page', 'portal page', '/v3/portals/{portal}/pages',
    fields=[
        Field('slug'), Field('title'), Field('content', create_required=True), Field('description'),
        Field('visibility', choices=VISIBILITIES), Field('status', choices=STATUSES),
    ],
    parents=[ON_PORTAL],
    references=[ParentPageReference('parent_page', 'portal_page', body_field='parent_page_id')],
    key=('slug', 'parent_page_id'), nullable_keys=('parent_page_id',), identified_by=('slug',), match_values=segment,
    lookup=LOOKUP_LIST, pagination='none', update_method='PATCH', prepare=page_body,
)


class PortalSnippet(Entity):
    listed_without = ('content',)


PORTAL_SNIPPET = PortalSnippet(
    'portal_snippet', 'portal snippet', '/v3/portals/{portal}/snippets',
    fields=[
        Field('name'), Field('title'), Field('content', create_required=True), Field('description'),
        Field('visibility', choices=VISIBILITIES), Field('status', choices=STATUSES),
    ],
    parents=[ON_PORTAL], lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', prepare=with_front_matter, writable=name_is_free,
    filterable={'name': STRING_FILTER, 'title': STRING_FILTER, 'visibility': STRING_FILTER, 'id': ('eq', 'neq', 'oeq')},
)

ENTITIES = (PORTAL, PORTAL_CUSTOMIZATION, PORTAL_AUTH_SETTINGS, PORTAL_LOGO, PORTAL_FAVICON, PORTAL_CUSTOM_DOMAIN, PORTAL_PAGE,
            PORTAL_SNIPPET)
