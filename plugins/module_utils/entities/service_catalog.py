# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service Catalog v1: catalog services, integration instances, resource and API mappings, scorecards (regional).

An integration instance carries its auth config and its (write-only) auth credential, which live at paths below it
(``IntegrationInstanceEngine``). A resource mapping names a service and a resource, either by the resource's id or by
the config that identifies it in its integration, and cannot be changed (``ResourceMappingEngine``). A scorecard's
criteria are not part of what Konnect returns for it: they are read from their own list to be compared
(``ScorecardEngine``).
"""

from __future__ import annotations

import copy
import re
from urllib.parse import quote

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.compare import matches
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import (
    LABELS,
    LOOKUP_FILTER,
    LOOKUP_LIST,
    Entity,
    Field,
    IdReference,
    Parent,
    looks_like_id,
)
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectApiError, KonnectParameterError

STRING_FILTER = ('eq', 'contains', 'neq', 'oeq', 'ocontains')
MACHINE_NAME = re.compile(r'^[0-9a-z.-]+$')  # CreateCatalogService.name, CreateIntegrationInstance.name/integration_name
NAME_MAX = 120


def machine_names(*names):
    """Refuse, before anything is written, a machine name Konnect would refuse (1-120 of a-z, 0-9, '.', '-')."""

    def check(engine, current=None):
        if engine.params.get('state') == 'absent':
            return
        for name in names:
            value = engine.params.get(name)
            if value is not None and not (MACHINE_NAME.match(value) and len(value) <= NAME_MAX):
                raise KonnectParameterError('%s: %r is not a name Konnect takes: 1 to %d lower-case letters, digits, dots and dashes.' % (
                    name, value, NAME_MAX))
    return check


# -- catalog service ----------------------------------------------------------------------------------------------------

CATALOG_SERVICE = Entity(
    'catalog_service', 'catalog service', '/v1/catalog-services',
    fields=[
        Field('name'), Field('display_name', create_required=True), Field('description'),
        Field('labels', type='dict', kind=LABELS), Field('custom_fields', type='dict'),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True,
    filterable={'name': STRING_FILTER, 'display_name': STRING_FILTER, 'id': ('eq', 'neq', 'oeq')},
    writable=machine_names('name'),
)


# -- integration instance, with its auth config and auth credential ---------------------------------------------------

CREDENTIAL_TYPES = ['oauth', 'github_app_installation', 'multi_key_auth', 'aws_role_delegation']


class IntegrationInstanceEngine(EntityEngine):
    """The instance, then its auth config (compared; ``client_secret`` write-only) and its auth credential (write-only:
    created when the instance has none, replaced with ``update_secrets: always``)."""

    def run(self):
        if self.params.get('state', 'present') == 'present':
            self.check_auth_options()
        return super(IntegrationInstanceEngine, self).run()

    def check_auth_options(self):
        config = self.params.get('auth_config')
        if config is not None and not config.get('client_secret'):
            raise KonnectParameterError('auth_config.client_secret: Konnect takes the auth config whole, with its client secret.')
        credential = self.params.get('auth_credential')
        if credential is not None and credential.get('type') not in CREDENTIAL_TYPES:
            raise KonnectParameterError('auth_credential.type: one of %s.' % ', '.join(CREDENTIAL_TYPES))

    def create(self, body, desired):
        body.setdefault('config', {})  # CreateIntegrationInstance requires it; an integration without settings has none
        return super(IntegrationInstanceEngine, self).create(body, desired)

    def check_integration(self):
        """An instance of an integration the catalog does not have is refused before anything is written."""
        wanted = self.params.get('integration_name')
        if wanted is None:
            return
        names = sorted(item.get('name') for item in self.client.paginate('/v1/integrations', 'page', what='the catalog integrations'))
        if wanted not in names:
            raise KonnectParameterError('integration_name: the catalog has no integration %r; it has %s.' % (wanted, ', '.join(names)))

    def ensure_present(self, current, desired):
        if current is None:
            self.check_integration()
        result = super(IntegrationInstanceEngine, self).ensure_present(current, desired)
        instance = result[self.entity.name]
        for part in (self.converge_auth_config, self.converge_credential):
            part(instance, result)
        return result

    def sub_path(self, instance, name):
        return '%s/%s' % (self.entity.item_path(self.scope, instance['id']), name)

    def read_sub(self, instance, name):
        if not instance.get('id'):
            return None  # created in check mode: it has nothing yet
        response = self.client.get(self.sub_path(instance, name), what='the %s of %s' % (name.replace('-', ' '), self.describe_current(instance)),
                                   expected=(404,))
        return None if response.status == 404 else response.body

    def converge_auth_config(self, instance, result):
        wanted = self.params.get('auth_config')
        if wanted is None:
            return
        wanted = dict((key, value) for key, value in wanted.items() if value is not None)
        wanted.setdefault('type', 'oauth')
        shown = dict((key, value) for key, value in wanted.items() if key != 'client_secret')
        have = self.read_sub(instance, 'auth-config')
        writes = have is None or not matches(shown, have) or self.params.get('update_secrets') == 'always'
        if writes and not self.check_mode:
            have_after = self.client.request('PUT', self.sub_path(instance, 'auth-config'), body=wanted,
                                             what='the auth config of %s' % self.describe_current(instance)).body or shown
        else:
            have_after = shown if writes else have
        self.mark(result, writes, 'auth_config', have, have_after)

    def converge_credential(self, instance, result):
        wanted = self.params.get('auth_credential')
        if wanted is None:
            return
        have = self.read_sub(instance, 'auth-credential')
        writes = have is None or self.params.get('update_secrets') == 'always'
        after = have
        if writes and not self.check_mode:
            path = self.sub_path(instance, 'auth-credential')
            what = 'the auth credential of %s' % self.describe_current(instance)
            if have is not None:
                self.client.request('DELETE', path, what=what, expected=(404,))
            after = self.client.request('POST', path, body={'type': wanted['type'], 'config': wanted.get('config') or {}}, what=what).body
        elif writes:
            after = {'type': wanted['type']}
        self.mark(result, writes, 'auth_credential', have and {'type': have.get('type')}, after and {'type': after.get('type'), 'config': decide.HIDDEN})
        result['auth_credential'] = after

    def mark(self, result, writes, name, before, after):
        result[name] = after
        if writes:
            result['changed'] = True
            if result.get('action') == 'unchanged':
                result['action'] = 'updated'
        if 'diff' in result:
            result['diff']['before'][name] = before
            result['diff']['after'][name] = after


class IntegrationInstance(Entity):
    engine_class = IntegrationInstanceEngine
    extra_options = {
        'update_secrets': dict(type='str', choices=['on_create', 'always'], default='on_create'),
        'auth_config': dict(type='dict', no_log=False, options=dict(
            type=dict(type='str', choices=['oauth'], default='oauth'),
            client_id=dict(type='str', required=True),
            client_secret=dict(type='str', no_log=True),
            authorization_endpoint=dict(type='str', required=True),
            token_endpoint=dict(type='str', required=True, no_log=False))),
        'auth_credential': dict(type='dict', no_log=False, options=dict(
            type=dict(type='str', required=True, choices=CREDENTIAL_TYPES),
            config=dict(type='dict', required=True, no_log=True))),
    }


CATALOG_INTEGRATION_INSTANCE = IntegrationInstance(
    'catalog_integration_instance', 'integration instance', '/v1/integration-instances',
    fields=[
        Field('integration_name', create_only=True, create_required=True, response_path='integration.name'),
        Field('name'), Field('display_name', create_required=True), Field('description'),
        Field('labels', type='dict', kind=LABELS), Field('config', type='dict'),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PATCH', labels_nullable=True,
    update_fields=('name', 'display_name', 'description', 'labels', 'config'),
    filterable={'name': STRING_FILTER, 'display_name': STRING_FILTER, 'integration.name': STRING_FILTER},
    writable=machine_names('name', 'integration_name'),
)


# -- resource mapping -----------------------------------------------------------------------------------------------------

class ResourceMappingEngine(EntityEngine):
    """A mapping of one resource to one service: found among the service's mappings, created or deleted, never changed."""

    def desired_body(self, references):
        params = self.params
        if params.get('id') and params.get('state') == 'absent':
            return {}  # found by id: nothing else is needed to remove it
        by_config = [name for name in ('integration_instance', 'resource_type', 'resource_config') if params.get(name) is not None]
        if params.get('resource') and by_config:
            raise KonnectParameterError('resource and %s: name the resource once, by its id (resource) or by its integration instance, '
                                        'type and config.' % ', '.join(by_config))
        if not params.get('resource') and len(by_config) != 3:
            raise KonnectParameterError('resource: give the resource id, or integration_instance, resource_type and resource_config together.')
        resource = params['resource'] or {'integration_instance': params['integration_instance'], 'type': params['resource_type'],
                                          'config': params['resource_config']}
        return {'service': references['service'], 'resource': resource}

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        mappings = self.entity.read_list(self.client, self.scope, {'filter[service.id][eq]': desired['service']},
                                         what='the resource mappings of catalog service %s' % self.params['service'])
        found = [item for item in mappings if (item.get('service') or {}).get('id') == desired['service'] and self.same_resource(item, desired)]
        return found[0] if found else None

    def same_resource(self, item, desired):
        resource, wanted = item.get('resource') or {}, desired['resource']
        if isinstance(wanted, str):
            return resource.get('id') == wanted
        instance = (resource.get('integration') or {}).get('instance') or {}
        return (wanted['integration_instance'] in (instance.get('id'), instance.get('name')) and resource.get('type') == wanted['type']
                and resource.get('config') == wanted['config'])

    def ensure_present(self, current, desired):
        if current is None:
            self.check_resource(desired['resource'])
        return super(ResourceMappingEngine, self).ensure_present(current, desired)

    def check_resource(self, resource):
        """The resource (by id) or the integration instance (by config) must exist; said before anything is written."""
        if isinstance(resource, str):
            if self.client.get('/v1/resources/%s' % quote(resource, safe=''), what='resource %s' % resource, expected=(404,)).status == 404:
                raise KonnectParameterError('resource: the catalog has no resource with id %s.' % resource)
            return
        instances = self.registry('catalog_integration_instance')
        given = resource['integration_instance']
        if looks_like_id(given) and self.resolver.get_by_id(instances, self.scope, given) is None:
            raise KonnectParameterError('integration_instance: no integration instance with id %s was found.' % given)
        self.resolver.resolve_id('integration_instance', instances, self.scope, given)

    def decide(self, current, desired):
        if current is not None:
            return decide.Decision(decide.UNCHANGED, predicted=current)
        predicted = {'id': None, 'service': {'id': desired['service']},
                     'resource': {'id': desired['resource']} if isinstance(desired['resource'], str) else dict(desired['resource'])}
        return decide.Decision(decide.CREATE, dict(desired), dict(desired), predicted)

    def create(self, body, desired):
        try:
            return self.client.request('POST', self.entity.collection_path(self.scope), body=body, what=self.entity.title).body
        except KonnectApiError as exc:
            if exc.status == 400:
                raise KonnectParameterError('%s Check the service and the resource the task names.' % exc.msg)
            raise

    def describe_current(self, current):
        return '%s %s' % (self.entity.title, current.get('id'))

    def diff_view(self, obj, names):
        if not obj:
            return {}
        return {'id': obj.get('id'), 'service': obj.get('service'), 'resource': obj.get('resource')}


class ResourceMapping(Entity):
    engine_class = ResourceMappingEngine
    extra_options = {
        'integration_instance': dict(type='str'),
        'resource_type': dict(type='str'),
        'resource_config': dict(type='dict'),
    }


CATALOG_RESOURCE_MAPPING = ResourceMapping(
    'catalog_resource_mapping', 'resource mapping', '/v1/resource-mappings', item='/v1/resource-mappings/{id}',
    fields=[Field('resource')],
    references=[IdReference('service', 'catalog_service', body_field='service', required=True)],
    key=('service', 'resource'), lookup=LOOKUP_LIST, update_method=None, read_only=('id', 'created_at'),
    match_paths={'service': 'service.id', 'resource': 'resource.id'},
    filterable={'service.id': ('eq',), 'service.name': STRING_FILTER, 'resource.id': ('eq',), 'resource.type': STRING_FILTER},
)


# -- API mapping ----------------------------------------------------------------------------------------------------------

CATALOG_API_MAPPING = Entity(
    'catalog_api_mapping', 'API mapping', '/v1/catalog-services/{serviceId}/api-mappings',
    parents=[Parent('catalog_service', 'catalog_service', path_param='serviceId')],
    references=[IdReference('api', 'api', body_field='api_id', required=True)],
    key='api_id', lookup=LOOKUP_FILTER, pagination='page', update_method=None, filterable={'api_id': ('eq',)},
)


# -- scorecard ------------------------------------------------------------------------------------------------------------

SELECTORS = ['all', 'ids', 'name', 'display_name', 'custom_field', 'label', 'has_label_key', 'has_docs', 'api_count', 'resource_count']
SCORECARD_TEMPLATES = ['kong_best_practices', 'service_documentation', 'service_maturity', 'security_and_compliance']
CRITERION_FIELDS = ('name', 'enabled', 'template_name', 'template_parameters', 'section_name')
SCORECARD_BODY = ('name', 'description', 'entity_selector', 'criteria', 'scorecard_template')


def scorecard_body(body):
    """Criteria as Konnect takes them: an unset display ``name`` is left out; the parameters and section are nullable."""
    if body.get('criteria') is not None:
        body = dict(body, criteria=[dict((name, value) for name, value in item.items() if value is not None or name != 'name')
                                    for item in body['criteria']])
    return body


class ScorecardEngine(EntityEngine):
    """A scorecard, with its criteria read from their own list (Konnect's scorecard does not carry them) and written whole."""

    def desired_body(self, references):
        return scorecard_body(super(ScorecardEngine, self).desired_body(references))

    def find_current(self, desired):
        current = super(ScorecardEngine, self).find_current(desired)
        if current is not None and current.get('id'):
            criteria = self.client.paginate('%s/%s/criteria' % (self.entity.collection_path(self.scope), current['id']), 'page',
                                            what="the criteria of scorecard '%s'" % current.get('name'))
            current = dict(current, criteria=[dict((name, item.get(name)) for name in ('id',) + CRITERION_FIELDS) for item in criteria])
        return current

    def create(self, body, desired):
        body = dict(dict.fromkeys(('description', 'scorecard_template')), **body)  # required, nullable
        return self.with_criteria(super(ScorecardEngine, self).create(body, desired), body)

    def apply(self, decision, current, desired):
        if decision.action != decide.UPDATE:
            return super(ScorecardEngine, self).apply(decision, current, desired)
        body = dict((name, current.get(name)) for name in SCORECARD_BODY)
        body.update(desired)
        body['criteria'] = [dict((name, value) for name, value in item.items() if name == 'id' or name in CRITERION_FIELDS)
                            for item in body['criteria']]
        answer = self.client.request('PUT', self.item_path(current), body=body, what=self.describe_current(current)).body
        return self.with_criteria(answer or decision.predicted, body)

    def with_criteria(self, scorecard, body):
        return dict(scorecard, criteria=copy.deepcopy(body['criteria'])) if isinstance(scorecard, dict) else scorecard


class Scorecard(Entity):
    engine_class = ScorecardEngine


CRITERION = dict(
    name=dict(type='str'),
    enabled=dict(type='bool', required=True),
    template_name=dict(type='str', required=True),
    template_parameters=dict(type='dict'),
    section_name=dict(type='str'),
)

CATALOG_SCORECARD = Scorecard(
    'catalog_scorecard', 'scorecard', '/v1/scorecards',
    fields=[
        Field('name'), Field('description'),
        Field('entity_selector', type='dict', create_required=True, options=dict(
            selector=dict(type='str', required=True, choices=SELECTORS), selector_parameters=dict(type='raw'))),
        Field('criteria', type='list', elements='dict', options=CRITERION, create_required=True),
        Field('scorecard_template', choices=SCORECARD_TEMPLATES),
    ],
    lookup=LOOKUP_FILTER, pagination='page', update_method='PUT', read_only=('id', 'created_at', 'updated_at', 'score'),
    filterable={'name': STRING_FILTER},
)

ENTITIES = (CATALOG_SERVICE, CATALOG_INTEGRATION_INSTANCE, CATALOG_RESOURCE_MAPPING, CATALOG_API_MAPPING, CATALOG_SCORECARD)
