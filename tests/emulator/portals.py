# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Portal Management v3: portals and what belongs to one portal's site (customization, domain, pages, snippets, email, ...).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

What the spec does not say and is chosen here is listed in the README ("Portals"); the comments below name the choice.
"""

import base64
import binascii
import copy
import re
import time
import uuid
from collections import OrderedDict

from . import kong
from .crud import delete_entity, find_item, list_entities, new_record, patch_entity, render, resolve_path, set_timestamps, validated_body
from .errors import ApiError, Issue, Response, not_found, validation_error
from .listing import parse_list_query, select
from .schemas import rfc3339

V3 = '/v3/portals'
PORTAL = V3 + '/{portalId}'
PORTALS_KEY = '/v3/portals'
PAGES_KEY = '/v3/portals/{}/pages'
SNIPPETS_KEY = '/v3/portals/{}/snippets'
STRATEGIES_KEY = '/v2/application-auth-strategies'
CUSTOM_DOMAIN = PORTAL + '/custom-domain'
CUSTOMIZATION = PORTAL + '/customization'
AUTH_SETTINGS = PORTAL + '/authentication-settings'
ASSETS = {'logo': PORTAL + '/assets/logo', 'favicon': PORTAL + '/assets/favicon'}

# API publications live in API Builder v3: as the generic emulator stores ``PUT /v3/apis/{apiId}/publications/{portalId}``
# (a singleton whose scope ends with the portal id) or as records of a publications collection (id or portal_id).
PUBLICATION_SINGLETONS = ('/v3/apis/{apiId}/publications/{portalId}', '/v3/api-packages/{apiPackageId}/publications/{portalId}')
PUBLICATION_COLLECTIONS = ('/v3/apis/{}/publications', '/v3/api-packages/{}/publications', '/v3/api-publications')

# Undocumented choices (README, "Portals"): what a new portal has before anything is written.
DEFAULT_VISIBILITY = 'private'
DEFAULT_CUSTOMIZATION = {
    'layout': 'topnav',
    'css': None,
    'robots': None,
    'theme': {'name': 'mint_rocket', 'mode': 'light', 'colors': {'primary': '#1155CB'}},
    'menu': {'main': [], 'footer_sections': [], 'footer_bottom': []},
    'spec_renderer': {'allow_custom_server_urls': True, 'hide_deprecated': False, 'hide_internal': False, 'infinite_scroll': True,
                      'show_schemas': True, 'try_it_insomnia': True, 'try_it_ui': True},
}
DEFAULT_AUTH_SETTINGS = {
    'basic_auth_enabled': True, 'konnect_mapping_enabled': True, 'idp_mapping_enabled': False,
    'oidc_auth_enabled': False, 'saml_auth_enabled': False, 'oidc_team_mapping_enabled': False,
}
# POST .../default-content: the example names /about, /home and /privacy and two snippets; the portal's site needs a
# published home page at slug "/" (notes §4), so that is created too, and /home is left out (it would duplicate it).
DEFAULT_PAGES = (
    ('/', 'Home', '# Welcome\n\nBrowse the APIs of this portal.'),
    ('/about', 'About', '# About\n\nWho runs this portal.'),
    ('/privacy', 'Privacy', '# Privacy\n\nHow this portal handles your data.'),
)
DEFAULT_SNIPPETS = (
    ('guides-sidebar-navigation', 'Guides navigation', '- [Home](/)'),
    ('guides-sidebar-toc', 'Guides contents', '::toc'),
)

HOSTNAME = re.compile(r'^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$')
FRONT_MATTER = re.compile(r'^---\r?\n(.*?)\r?\n---\s*(\r?\n|$)', re.S)


# ---- portals -------------------------------------------------------------------


def portal_record(call, portal_id):
    record = call.partition.find(PORTALS_KEY, (), portal_id)
    if record is None:
        raise not_found()
    return record


def check_portal_rules(call, merged, exclude_id=None, on_update=False):
    """Names are unique ("Name must be unique", CreatePortal.name); RBAC needs authentication (rbac_enabled's description);
    the default strategy must exist."""
    for record in call.partition.records(PORTALS_KEY, ()).values():
        if record['id'] != exclude_id and record.get('name') == merged.get('name'):
            if on_update:
                raise ApiError(409, 'A portal named %r already exists.' % merged['name'])
            # POST /portals declares no 409 (notes §6): the name clash is a 400, as the spec lists.
            raise validation_error([Issue('name', 'unique', 'a portal named %r already exists' % merged['name'])])
    if merged.get('rbac_enabled') and merged.get('authentication_enabled') is False:
        raise validation_error([Issue('rbac_enabled', 'invalid', 'RBAC requires authentication_enabled to be true')])
    strategy = merged.get('default_application_auth_strategy_id')
    if strategy is not None and call.partition.find(STRATEGIES_KEY, (), strategy) is None:
        raise validation_error([Issue('default_application_auth_strategy_id', 'missing_reference',
                                      'no application auth strategy with id %s' % strategy)])


def create_portal(call):
    path = resolve_path(call)
    body = dict(validated_body(call))
    body.setdefault('display_name', body['name'])
    body.setdefault('default_api_visibility', DEFAULT_VISIBILITY)
    body.setdefault('default_page_visibility', DEFAULT_VISIBILITY)
    if isinstance(body.get('labels'), dict):
        body['labels'] = dict((key, value) for key, value in body['labels'].items() if value is not None)
    check_portal_rules(call, dict(body, authentication_enabled=body.get('authentication_enabled', True)))
    record = new_record(call, body, path)
    # The spec's examples: <hex>.us.portal.konghq.com and <hex>.edge.us.portal.konghq.com (ListPortalsExample1).
    record['default_domain'] = '%s.edge.%s.portal.konghq.com' % (uuid.uuid4().hex[:12], call.region)
    record['canonical_domain'] = record['default_domain']
    call.partition.records(PORTALS_KEY, ())[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_portal(call):
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    check_portal_rules(call, dict(existing, **body), exclude_id=existing['id'], on_update=True)
    return patch_entity(call)


def delete_portal(call):
    """``DELETE /portals/{id}?force=``: without force "the deletion will only succeed if there are no APIs currently
    published"; the refusal's status is undocumented (README): 400 naming the ``force`` query parameter, as a config
    store with secrets answers."""
    path = resolve_path(call)
    force = (call.query.get('force') or ['false'])[0]
    if force not in ('true', 'false'):
        raise validation_error([Issue('force', 'enum', 'must be one of: true, false', source='query')], 'Invalid query parameters')
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    published = publications_of(call.partition, existing['id'])
    if published and force != 'true':
        raise validation_error([Issue('force', 'required', '%d API publication(s) still use this portal; set force=true to delete them '
                                      'with it' % len(published), source='query')],
                               'The portal has published APIs.')
    remove_publications(call.partition, existing['id'])
    return delete_entity(call)


def publications_of(partition, portal_id):
    found = [key for key in partition.singletons if key[0] in PUBLICATION_SINGLETONS and key[1] and key[1][-1] == portal_id]
    for (store_key, _scope), records in partition.collections.items():
        if store_key in PUBLICATION_COLLECTIONS:
            found.extend(record_id for record_id, record in records.items() if portal_id in (record_id, record.get('portal_id')))
    return found


def remove_publications(partition, portal_id):
    for key in [key for key in partition.singletons if key[0] in PUBLICATION_SINGLETONS and key[1] and key[1][-1] == portal_id]:
        del partition.singletons[key]
    for (store_key, _scope), records in partition.collections.items():
        if store_key in PUBLICATION_COLLECTIONS:
            for record_id in [rid for rid, record in records.items() if portal_id in (rid, record.get('portal_id'))]:
                del records[record_id]


def refresh_canonical_domain(partition, portal_id):
    """The canonical domain is the enabled custom domain, else the default one (PortalExample1 shows a custom one)."""
    portal = partition.find(PORTALS_KEY, (), portal_id)
    domain = partition.singletons.get((CUSTOM_DOMAIN, (portal_id,)))
    if portal is not None:
        portal['canonical_domain'] = domain['hostname'] if domain and domain.get('enabled') else portal['default_domain']


# ---- default content -----------------------------------------------------------


def create_default_content(call):
    """Creates the default pages and snippets that are missing ("Existing pages and snippets will not be modified or
    deleted"); answers the slugs and names it created."""
    path = resolve_path(call)
    portal = path.records[0]
    pages = call.partition.records(PAGES_KEY, (portal['id'],))
    snippets = call.partition.records(SNIPPETS_KEY, (portal['id'],))
    now = time.time()
    created = {'pages': [], 'snippets': []}
    for slug, title, content in DEFAULT_PAGES:
        if not any(page.get('parent_page_id') is None and same_slug(page['slug'], slug) for page in pages.values()):
            record = content_record(now, slug=slug, title=title, content=content, visibility='public', status='published',
                                    parent_page_id=None, description=None)
            pages[record['id']] = record
            created['pages'].append(slug)
    for name, title, content in DEFAULT_SNIPPETS:
        if not any(snippet['name'] == name for snippet in snippets.values()):
            record = content_record(now, name=name, title=title, content=content, visibility='public', status='published', description=None)
            snippets[record['id']] = record
            created['snippets'].append(name)
    customization_key = (CUSTOMIZATION, (portal['id'],))
    call.partition.singletons.setdefault(customization_key, copy.deepcopy(DEFAULT_CUSTOMIZATION))
    return Response(call.op.success_status, created)


def content_record(now, **fields):
    record = dict(fields, id=str(uuid.uuid4()), created_at=rfc3339(now), updated_at=rfc3339(now))
    return dict((name, value) for name, value in record.items() if value is not None or name == 'parent_page_id')


# ---- pages ---------------------------------------------------------------------

PAGE_FIELDS = ('id', 'slug', 'title', 'content', 'visibility', 'status', 'description', 'created_at', 'updated_at', 'parent_page_id')
PAGE_INFO_FIELDS = ('id', 'slug', 'title', 'visibility', 'status', 'description', 'created_at', 'updated_at', 'parent_page_id')


def same_slug(first, second):
    """Whether two slugs name the same path segment: examples use both "/my-page" and "hello-world" (README)."""
    return first.strip('/') == second.strip('/')


def front_matter(content):
    """``title``/``description`` from the content's front matter, which "take precedence" over the request's."""
    match = FRONT_MATTER.match(content or '')
    values = {}
    if not match:
        return values
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(':')
        if sep and key.strip() in ('title', 'description'):
            values[key.strip()] = value.strip().strip('"\'')
    return values


def page_path(pages, record):
    parts = []
    seen = set()
    while record is not None and record['id'] not in seen:
        seen.add(record['id'])
        parts.append(record['slug'].strip('/'))
        record = pages.get(record.get('parent_page_id')) if record.get('parent_page_id') else None
    return '/' + '/'.join(part for part in reversed(parts) if part)


def check_page_place(pages, page_id, slug, parent_id, status=400):
    """The parent exists in this portal and is not the page or below it; no sibling has the same slug (README:
    uniqueness among siblings; 400 on create and update, which declare no 409, 409 on move, which does)."""
    if parent_id is not None:
        if parent_id not in pages:
            raise validation_error([Issue('parent_page_id', 'missing_reference', 'no page with id %s in this portal' % parent_id)])
        ancestor = pages[parent_id]
        while ancestor is not None:
            if ancestor['id'] == page_id:
                raise validation_error([Issue('parent_page_id', 'invalid', 'a page cannot be moved below itself')])
            ancestor = pages.get(ancestor.get('parent_page_id')) if ancestor.get('parent_page_id') else None
    for other in pages.values():
        if other['id'] != page_id and other.get('parent_page_id') == parent_id and same_slug(other['slug'], slug):
            detail = 'A page with slug %r already exists at %s.' % (slug, page_path(pages, other))
            if status == 409:
                raise ApiError(409, detail)
            raise validation_error([Issue('slug', 'unique', detail)])


def portal_pages(call):
    path = resolve_path(call)
    return path, call.partition.records(PAGES_KEY, path.scope[:1])


def portal_default_visibility(call, path):
    portal = path.records[0] or {}
    return portal.get('default_page_visibility') or DEFAULT_VISIBILITY


def create_page(call):
    path, pages = portal_pages(call)
    body = validated_body(call)
    check_page_place(pages, None, body['slug'], body.get('parent_page_id'))
    record = content_record(
        time.time(), slug=body['slug'], content=body['content'], parent_page_id=body.get('parent_page_id'),
        title=body.get('title', body['slug']),  # undocumented default (README): the slug
        visibility=body.get('visibility') or portal_default_visibility(call, path),
        status=body.get('status', 'unpublished'), description=body.get('description'))
    record.update(front_matter(body['content']))
    pages[record['id']] = record
    return Response(call.op.success_status, project(record, PAGE_FIELDS))


def page_or_404(call):
    path, pages = portal_pages(call)
    record = pages.get(call.params['pageId'])
    if record is None:
        raise not_found()
    return pages, record


def get_page(call):
    _pages, record = page_or_404(call)
    return Response(call.op.success_status, project(record, PAGE_FIELDS))


def update_page(call):
    pages, record = page_or_404(call)
    body = validated_body(call)
    merged = dict(record, **body)
    if 'parent_page_id' in body or 'slug' in body:
        check_page_place(pages, record['id'], merged['slug'], merged.get('parent_page_id'))
    record.update(body)
    if 'content' in body:
        record.update(front_matter(body['content']))
    record['updated_at'] = rfc3339(time.time())
    return Response(call.op.success_status, project(record, PAGE_FIELDS))


def delete_page(call):
    """Deleting a page deletes the pages below it (undocumented, README)."""
    pages, record = page_or_404(call)
    doomed = [record['id']]
    for page_id in doomed:
        doomed.extend(child_id for child_id, child in pages.items() if child.get('parent_page_id') == page_id)
    for page_id in doomed:
        pages.pop(page_id, None)
    return Response(call.op.success_status)


def move_page(call):
    """``POST .../move {parent_page_id, index}``: no parent means the top level; the index counts among the new
    siblings, negative from the end. 201 without a body."""
    pages, record = page_or_404(call)
    body = validated_body(call) or {}
    parent_id = body.get('parent_page_id')
    check_page_place(pages, record['id'], record['slug'], parent_id, status=409)
    record['parent_page_id'] = parent_id
    record['updated_at'] = rfc3339(time.time())
    siblings = [page_id for page_id, page in pages.items() if page.get('parent_page_id') == parent_id and page_id != record['id']]
    index = body.get('index', len(siblings))
    index = len(siblings) + 1 + index if index < 0 else index
    siblings.insert(max(0, min(index, len(siblings))), record['id'])
    reordered = OrderedDict((page_id, page) for page_id, page in pages.items() if page.get('parent_page_id') != parent_id)
    for page_id in siblings:
        reordered[page_id] = pages[page_id]
    pages.clear()
    pages.update(reordered)
    return Response(call.op.success_status)


def list_pages(call):
    """The whole tree in one answer ("not paginated"). With a filter, the matching pages come as a flat list, each with
    its own subtree (undocumented, README)."""
    _path, pages = portal_pages(call)
    list_query = parse_list_query(call.op, call.query, {})
    children = {}
    for record in pages.values():
        children.setdefault(record.get('parent_page_id'), []).append(record)

    def tree(record):
        view = project(record, PAGE_INFO_FIELDS)
        view['children'] = [tree(child) for child in children.get(record['id'], [])]
        return view

    if list_query.conditions or list_query.sort:
        flat = [project(record, PAGE_INFO_FIELDS) for record in pages.values()]
        wanted = [view['id'] for view in select(flat, list_query)]
        return Response(call.op.success_status, {'data': [tree(pages[page_id]) for page_id in wanted]})
    return Response(call.op.success_status, {'data': [tree(record) for record in children.get(None, [])]})


def project(record, fields):
    return dict((name, copy.deepcopy(record[name])) for name in fields if name in record)


# ---- snippets ------------------------------------------------------------------

SNIPPET_INFO_FIELDS = ('id', 'name', 'title', 'visibility', 'status', 'description', 'created_at', 'updated_at')


def check_snippet_name(snippets, name, snippet_id=None):
    """Snippet names are unique (SnippetName); create and update declare no 409, so a clash is a 400 (README)."""
    if any(other['id'] != snippet_id and other['name'] == name for other in snippets.values()):
        raise validation_error([Issue('name', 'unique', 'a snippet named %r already exists in this portal' % name)])


def create_snippet(call):
    path = resolve_path(call)
    snippets = call.partition.records(SNIPPETS_KEY, path.scope)
    body = validated_body(call)
    check_snippet_name(snippets, body['name'])
    record = content_record(
        time.time(), name=body['name'], content=body['content'],
        title=body.get('title', body['name']),  # undocumented default (README): the name
        visibility=body.get('visibility') or portal_default_visibility(call, path),
        status=body.get('status', 'unpublished'), description=body.get('description'))
    record.update(front_matter(body['content']))
    snippets[record['id']] = record
    return Response(call.op.success_status, render(call, record))


def update_snippet(call):
    path = resolve_path(call)
    snippets = call.partition.records(SNIPPETS_KEY, path.scope)
    record = snippets.get(call.params['snippetId'])
    if record is None:
        raise not_found()
    body = validated_body(call)
    if 'name' in body:
        check_snippet_name(snippets, body['name'], record['id'])
    record.update(body)
    if 'content' in body:
        record.update(front_matter(body['content']))
    set_timestamps(call, record, time.time(), record.get('created_at'))
    return Response(call.op.success_status, render(call, record))


def list_snippets(call):
    """The list answers PortalSnippetInfo, which has no ``content`` (additionalProperties: false)."""
    path = resolve_path(call)
    records = call.partition.records(SNIPPETS_KEY, path.scope).values()
    return list_entities(call, [project(record, SNIPPET_INFO_FIELDS) for record in records])


# ---- custom domain -------------------------------------------------------------


def domain_key(call):
    path = resolve_path(call)
    return path.scope[0], (CUSTOM_DOMAIN, path.scope)


def domain_view(document):
    view = copy.deepcopy(document)
    view['ssl'] = dict((name, value) for name, value in view['ssl'].items() if name not in ('custom_certificate', 'custom_private_key'))
    return view


def certificate_issues(ssl, prefix='ssl.'):
    issues = []
    if ssl.get('custom_certificate') is not None and kong.certificate_der(ssl['custom_certificate']) is None:
        issues.append(Issue(prefix + 'custom_certificate', 'invalid', 'expected one PEM-encoded certificate'))
    if ssl.get('custom_private_key') is not None and not kong.is_private_key(ssl['custom_private_key']):
        issues.append(Issue(prefix + 'custom_private_key', 'invalid', 'expected a PEM-encoded private key'))
    return issues


def get_custom_domain(call):
    _portal_id, key = domain_key(call)
    document = call.partition.singletons.get(key)
    if document is None:
        raise not_found()
    return Response(call.op.success_status, domain_view(document))


def create_custom_domain(call):
    """One custom domain per portal; POST declares no 409, so a second one is a 400, as is a hostname another portal
    uses (README). DNS cannot be checked here: an HTTP-verified domain stays ``pending``; a custom certificate that is
    a valid PEM certificate and key is ``verified``."""
    portal_id, key = domain_key(call)
    body = validated_body(call)
    if key in call.partition.singletons:
        raise validation_error([Issue('hostname', 'invalid', 'the portal already has a custom domain; delete it first')],
                               'Only one custom domain can be associated with a portal at a time.')
    issues = [] if HOSTNAME.match(body['hostname']) else [Issue('hostname', 'invalid', 'must be a fully qualified host name')]
    issues.extend(certificate_issues(body['ssl']))
    if issues:
        raise validation_error(issues)
    for (template, scope), other in call.partition.singletons.items():
        if template == CUSTOM_DOMAIN and scope[0] != portal_id and other['hostname'].lower() == body['hostname'].lower():
            raise validation_error([Issue('hostname', 'unique', 'the host name is the custom domain of another portal')])
    now = time.time()
    ssl = copy.deepcopy(body['ssl'])
    custom = ssl['domain_verification_method'] == 'custom_certificate'
    ssl['verification_status'] = 'verified' if custom else 'pending'
    if custom:
        ssl.setdefault('skip_ca_check', False)
        ssl['uploaded_at'] = rfc3339(now)
    document = {'hostname': body['hostname'], 'enabled': body['enabled'], 'ssl': ssl, 'cname_status': 'pending',
                'created_at': rfc3339(now), 'updated_at': rfc3339(now)}
    call.partition.singletons[key] = document
    refresh_canonical_domain(call.partition, portal_id)
    return Response(call.op.success_status, domain_view(document))


def update_custom_domain(call):
    """PATCH declares no 404: a portal without a custom domain is one anyway (README). A certificate replaces the old one
    with its key (both are needed), only on a domain verified with a custom certificate."""
    portal_id, key = domain_key(call)
    document = call.partition.singletons.get(key)
    if document is None:
        raise not_found()
    body = validated_body(call)
    ssl = body.get('ssl') or {}
    issues = certificate_issues(ssl)
    custom = document['ssl']['domain_verification_method'] == 'custom_certificate'
    for name in ('custom_certificate', 'custom_private_key', 'skip_ca_check'):
        if name in ssl and not custom:
            issues.append(Issue('ssl.' + name, 'invalid', 'the domain is verified over HTTP, not with a custom certificate'))
    if custom and (('custom_certificate' in ssl) != ('custom_private_key' in ssl)):
        issues.append(Issue('ssl.custom_private_key', 'required', 'a certificate and its private key are replaced together'))
    if issues:
        raise validation_error(issues)
    now = time.time()
    if 'enabled' in body:
        document['enabled'] = body['enabled']
    document['ssl'].update(ssl)
    if 'custom_certificate' in ssl:
        document['ssl']['uploaded_at'] = rfc3339(now)
    document['updated_at'] = rfc3339(now)
    refresh_canonical_domain(call.partition, portal_id)
    return Response(call.op.success_status, domain_view(document))


def delete_custom_domain(call):
    portal_id, key = domain_key(call)
    if call.partition.singletons.pop(key, None) is None:
        raise not_found()
    refresh_canonical_domain(call.partition, portal_id)
    return Response(call.op.success_status)


# ---- customization -------------------------------------------------------------


def customization_key(call):
    return (CUSTOMIZATION, resolve_path(call).scope)


def current_customization(call):
    """Every portal has its customization (TF "creates" it with PUT and never deletes it); a new one has defaults."""
    key = customization_key(call)
    return call.partition.singletons.setdefault(key, copy.deepcopy(DEFAULT_CUSTOMIZATION))


def get_customization(call):
    return Response(call.op.success_status, copy.deepcopy(current_customization(call)))


def replace_customization(call):
    """PUT replaces: what the body leaves out is gone."""
    current_customization(call)
    body = validated_body(call)
    call.partition.singletons[customization_key(call)] = copy.deepcopy(body)
    return Response(call.op.success_status, copy.deepcopy(body))


def update_customization(call):
    """PATCH merges ("merging properties"): objects key by key, arrays and scalars (null too) replaced (README)."""
    document = current_customization(call)
    merge_objects(document, copy.deepcopy(validated_body(call)))
    return Response(call.op.success_status, copy.deepcopy(document))


def merge_objects(target, changes):
    for name, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(name), dict):
            merge_objects(target[name], value)
        else:
            target[name] = value
    return target


# ---- authentication settings ----------------------------------------------------

DEPRECATED_OIDC = {'oidc_issuer': 'issuer', 'oidc_client_id': 'client_id', 'oidc_scopes': 'scopes', 'oidc_claim_mappings': 'claim_mappings'}


def auth_settings(call):
    key = (AUTH_SETTINGS, resolve_path(call).scope)
    return call.partition.singletons.setdefault(key, copy.deepcopy(DEFAULT_AUTH_SETTINGS))


def auth_settings_view(document):
    return dict((name, copy.deepcopy(value)) for name, value in document.items() if name != 'oidc_client_secret')


def get_auth_settings(call):
    return Response(call.op.success_status, auth_settings_view(auth_settings(call)))


def update_auth_settings(call):
    """The deprecated flat ``oidc_*`` request fields come back nested in ``oidc_config`` (the response schema), and the
    client secret never comes back; ``oidc_team_mapping_enabled`` is "replaced by idp_mapping_enabled": they move together."""
    document = auth_settings(call)
    body = dict(validated_body(call))
    for flat, nested in DEPRECATED_OIDC.items():
        if flat in body:
            document.setdefault('oidc_config', {'scopes': ['email', 'openid', 'profile']})[nested] = body.pop(flat)
    if 'oidc_client_secret' in body:
        document['oidc_client_secret'] = body.pop('oidc_client_secret')
    for name in ('idp_mapping_enabled', 'oidc_team_mapping_enabled'):
        if name in body:
            document['idp_mapping_enabled'] = document['oidc_team_mapping_enabled'] = body.pop(name)
    document.update(body)
    return Response(call.op.success_status, auth_settings_view(document))


# ---- logo and favicon ----------------------------------------------------------

DATA_URL = re.compile(r'^data:(image/[\w.+-]+)(;base64)?,(.*)$', re.S)


def asset_key(call, kind):
    return (ASSETS[kind], resolve_path(call).scope)


def get_asset(kind):
    def handler(call):
        """A portal without one answers 404 (undocumented: the spec declares none, README)."""
        document = call.partition.singletons.get(asset_key(call, kind))
        if document is None:
            raise not_found('The portal has no %s.' % kind)
        return Response(call.op.success_status, copy.deepcopy(document))
    return handler


def put_asset(kind):
    def handler(call):
        """The schema's patterns take PNG, JPEG, GIF, ICO and SVG data URLs; the payload must also decode."""
        body = validated_body(call)
        match = DATA_URL.match(body['data'])
        try:
            base64.b64decode(match.group(3), validate=True)
        except (binascii.Error, ValueError, AttributeError):
            raise validation_error([Issue('data', 'invalid', 'the data URL does not hold valid base64 data')]) from None
        document = {'data': body['data']}
        call.partition.singletons[asset_key(call, kind)] = document
        return Response(call.op.success_status, copy.deepcopy(document))
    return handler


FACTS = {}
SINGLETON_DEFAULTS = {AUTH_SETTINGS: DEFAULT_AUTH_SETTINGS, CUSTOMIZATION: DEFAULT_CUSTOMIZATION}
SPECIALS = {
    ('POST', V3): create_portal,
    ('PATCH', PORTAL): update_portal,
    ('DELETE', PORTAL): delete_portal,
    ('POST', PORTAL + '/default-content'): create_default_content,
    ('GET', PORTAL + '/pages'): list_pages,
    ('POST', PORTAL + '/pages'): create_page,
    ('GET', PORTAL + '/pages/{pageId}'): get_page,
    ('PATCH', PORTAL + '/pages/{pageId}'): update_page,
    ('DELETE', PORTAL + '/pages/{pageId}'): delete_page,
    ('POST', PORTAL + '/pages/{pageId}/move'): move_page,
    ('GET', PORTAL + '/snippets'): list_snippets,
    ('POST', PORTAL + '/snippets'): create_snippet,
    ('PATCH', PORTAL + '/snippets/{snippetId}'): update_snippet,
    ('GET', CUSTOM_DOMAIN): get_custom_domain,
    ('POST', CUSTOM_DOMAIN): create_custom_domain,
    ('PATCH', CUSTOM_DOMAIN): update_custom_domain,
    ('DELETE', CUSTOM_DOMAIN): delete_custom_domain,
    ('GET', CUSTOMIZATION): get_customization,
    ('PUT', CUSTOMIZATION): replace_customization,
    ('PATCH', CUSTOMIZATION): update_customization,
    ('GET', AUTH_SETTINGS): get_auth_settings,
    ('PATCH', AUTH_SETTINGS): update_auth_settings,
    ('GET', ASSETS['logo']): get_asset('logo'),
    ('PUT', ASSETS['logo']): put_asset('logo'),
    ('GET', ASSETS['favicon']): get_asset('favicon'),
    ('PUT', ASSETS['favicon']): put_asset('favicon'),
}
