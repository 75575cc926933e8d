# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service Catalog v1: catalog services, integration instances, resource and API mappings, scorecards (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

- Catalog services and integration instances have a unique ``name`` (the spec: "uniquely identifies it within the
  catalog"): 409, also on POST, which declares no 409 (README, Undocumented).
- The integrations (``GET /v1/integrations``) are a fixed catalogue, the ones Konnect's documentation lists
  (https://developer.konghq.com/service-catalog/integrations/); an instance's ``integration_name`` must be one of them
  (400) and is answered as ``integration: {name, display_name}``.
- An instance has at most one auth credential (POST 409 when it has one; GET 404 when it has none); it is answered
  without its secrets, and makes the instance ``authorized``. Its auth config (PUT) is answered without
  ``client_secret`` (writeOnly).
- A resource mapping names its service by id or name and its resource by id (an existing resource) or by config
  (``integration_instance``, ``type``, ``config``): the resource with that config is found, or recorded (not yet
  hydrated: ``name`` and ``integration_data`` null). Unknown service, instance or resource: 400; the same mapping
  twice: 409. Deleting a service deletes its mappings.
- An API mapping's ``api_id`` must be an API of the region (400); the same API twice in a service: 409.
- A scorecard's criteria are kept as its criteria (``GET /v1/scorecards/{id}/criteria``); PUT replaces them: a
  criterion with an ``id`` keeps it, one without is new, one left out goes (README, Undocumented).
"""

import base64
import copy
import time
import uuid

from .crud import create_entity, delete_entity, find_item, list_entities, new_record, render, resolve_path, singleton_key, validated_body
from .errors import ApiError, Issue, Response, not_found, validation_error
from .schemas import rfc3339

SERVICES = '/v1/catalog-services'
SERVICE = SERVICES + '/{id}'
INSTANCES = '/v1/integration-instances'
INSTANCE = INSTANCES + '/{id}'
INTEGRATIONS = '/v1/integrations'
CREDENTIAL = INSTANCES + '/{integrationInstanceId}/auth-credential'
AUTH_CONFIG = INSTANCES + '/{integrationInstanceId}/auth-config'
RESOURCES = '/v1/resources'
RESOURCE_MAPPINGS = '/v1/resource-mappings'
API_MAPPINGS = SERVICES + '/{}/api-mappings'
API_MAPPINGS_ROUTE = SERVICES + '/{serviceId}/api-mappings'
SCORECARDS = '/v1/scorecards'
SCORECARD = SCORECARDS + '/{id}'
CRITERIA = SCORECARDS + '/{}/criteria'
APIS = '/v3/apis'

FACTS = {
    SERVICES: {'natural_key': 'name', 'unique': ('name',), 'conflict_detail': 'A catalog service with this name already exists.'},
    INSTANCES: {'natural_key': 'name', 'unique': ('name',), 'conflict_detail': 'An integration instance with this name already exists.',
                'field_paths': {'integration.name': 'integration.name'}},
}
SINGLETON_DEFAULTS = {}

# (name, display name, built in) of the integrations Konnect's documentation lists.
CATALOGUE = (
    ('gateway-manager', 'Gateway Manager', True), ('mesh-manager', 'Mesh Manager', True),
    ('aws-api-gateway', 'AWS API Gateway', False), ('aws-lambda', 'AWS Lambda', False), ('datadog', 'Datadog', False),
    ('dynatrace', 'Dynatrace', False), ('github', 'GitHub', False), ('gitlab', 'GitLab', False),
    ('pagerduty', 'PagerDuty', False), ('slack', 'Slack', False), ('swaggerhub', 'SwaggerHub', False),
    ('traceable', 'Traceable', False),
)
DISPLAY_NAMES = dict((name, display) for name, display, _built_in in CATALOGUE)


def now():
    return rfc3339(time.time())


def resource_id():
    """A 16-character base64url id, as CatalogResourceId is."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes)[:16].decode('ascii')


# -- integrations and their instances ----------------------------------------------------------------------------------

def list_integrations(call):
    records = []
    for name, display_name, built_in in CATALOGUE:
        record = {'name': name, 'display_name': display_name, 'built_in': built_in, 'version': 'v1', 'visibility': 'public',
                  'description': '%s integration' % display_name}
        call.schemas.complete_required(record, call.item_schema)
        records.append(record)
    return list_entities(call, records)


def create_instance(call):
    body = validated_body(call)
    name = body.get('integration_name')
    if name not in DISPLAY_NAMES:
        raise validation_error([Issue('integration_name', 'enum', 'must be one of the catalog integrations: %s' % ', '.join(sorted(DISPLAY_NAMES)))])
    response = create_entity(call)
    record = call.partition.records(call.store_key, ())[response.body['id']]
    record['integration'] = {'name': name, 'display_name': DISPLAY_NAMES[name]}
    record.pop('integration_name', None)
    return Response(response.status, render(call, record))


def instance_of(call):
    record = call.partition.find(INSTANCES, (), call.params['integrationInstanceId'], ('id',))
    if record is None:
        raise not_found()
    return record


def credential_key(call):
    return singleton_key(call, resolve_path(call))


def get_credential(call):
    instance_of(call)
    credential = call.partition.singletons.get(credential_key(call))
    if credential is None:
        raise not_found()
    return Response(200, shown_credential(credential))


def shown_credential(credential):
    """The credential without what it was given (its secrets): its metadata only."""
    return dict((key, value) for key, value in copy.deepcopy(credential).items() if key != 'config')


def create_credential(call):
    instance = instance_of(call)
    body = validated_body(call)
    key = credential_key(call)
    if key in call.partition.singletons:
        raise ApiError(409, 'The integration instance already has an auth credential; delete it first.')
    credential = {'id': str(uuid.uuid4()), 'type': body['type'], 'config': body.get('config'), 'created_at': now(), 'expires_at': None,
                  'tainted': False, 'missing_permissions': [],
                  'integration_instance': {'id': instance['id'], 'name': instance['name'], 'display_name': instance['display_name']}}
    call.partition.singletons[key] = credential
    instance['authorized'] = True
    return Response(201, shown_credential(credential))


def delete_credential(call):
    instance = instance_of(call)
    if call.partition.singletons.pop(credential_key(call), None) is None:
        raise not_found()
    instance['authorized'] = False
    return Response(204)


def get_auth_config(call):
    instance_of(call)
    config = call.partition.singletons.get(credential_key(call))
    if config is None:
        raise not_found()
    return Response(200, without_secret(config))


def put_auth_config(call):
    instance_of(call)
    body = validated_body(call)
    call.partition.singletons[credential_key(call)] = copy.deepcopy(body)
    return Response(200, without_secret(body))


def delete_auth_config(call):
    instance_of(call)
    if call.partition.singletons.pop(credential_key(call), None) is None:
        raise not_found()
    return Response(204)


def without_secret(config):
    return dict((key, value) for key, value in config.items() if key != 'client_secret')


# -- resource mappings -------------------------------------------------------------------------------------------------

def service_ref(record):
    return {'id': record['id'], 'name': record['name'], 'display_name': record['display_name']}


def find_named(call, store_key, value):
    return call.partition.find(store_key, (), value, ('id', 'name'))


def mapped_resource(call, given):
    """The resource a mapping names: by id (it must exist), or by config (found, or recorded)."""
    resources = call.partition.records(RESOURCES, ())
    if isinstance(given, str):
        if given not in resources:
            raise validation_error([Issue('resource', 'invalid', 'no resource with id %s' % given)])
        return resources[given]
    instance = find_named(call, INSTANCES, given['integration_instance'])
    if instance is None:
        raise validation_error([Issue('resource.integration_instance', 'invalid', 'no integration instance %r' % given['integration_instance'])])
    for resource in resources.values():
        if (resource['integration']['instance']['id'], resource['type'], resource['config']) == (instance['id'], given['type'], given['config']):
            return resource
    integration = instance.get('integration') or {}
    resource = {'id': resource_id(), 'name': None, 'type': given['type'], 'config': copy.deepcopy(given['config']), 'integration_data': None,
                'archived': False, 'created_at': now(), 'updated_at': now(),
                'integration': {'name': integration.get('name'), 'display_name': integration.get('display_name'),
                                'instance': {'id': instance['id'], 'name': instance['name'], 'display_name': instance['display_name']}}}
    resources[resource['id']] = resource
    return resource


def create_resource_mapping(call):
    body = validated_body(call)
    service = find_named(call, SERVICES, body['service'])
    if service is None:
        raise validation_error([Issue('service', 'invalid', 'no catalog service %r' % body['service'])])
    resource = mapped_resource(call, body['resource'])
    mappings = call.partition.records(RESOURCE_MAPPINGS, ())
    if any(m['service']['id'] == service['id'] and m['resource']['id'] == resource['id'] for m in mappings.values()):
        raise ApiError(409, 'The resource is already mapped to this service.')
    mapping = {'id': str(uuid.uuid4()), 'service': service_ref(service), 'created_at': now(),
               'resource': dict((key, copy.deepcopy(resource[key])) for key in ('id', 'name', 'integration', 'type', 'config'))}
    mappings[mapping['id']] = mapping
    return Response(201, copy.deepcopy(mapping))


def delete_service(call):
    service = find_item(call, resolve_path(call))
    response = delete_entity(call)
    mappings = call.partition.records(RESOURCE_MAPPINGS, ())
    for mapping_id in [key for key, mapping in mappings.items() if service and mapping['service']['id'] == service['id']]:
        del mappings[mapping_id]
    return response


# -- API mappings ------------------------------------------------------------------------------------------------------

def create_api_mapping(call):
    path = resolve_path(call)
    body = validated_body(call)
    if call.partition.find(APIS, (), body['api_id'], ('id',)) is None:
        raise validation_error([Issue('api_id', 'invalid', 'no API with id %s' % body['api_id'])])
    mappings = call.partition.records(call.store_key, path.scope)
    if any(mapping['api_id'] == body['api_id'] for mapping in mappings.values()):
        raise ApiError(409, 'The API is already mapped to this service.')
    record = new_record(call, body, path)
    record['service_id'] = call.params['serviceId']
    mappings[record['id']] = record
    return Response(201, render(call, record))


# -- scorecards --------------------------------------------------------------------------------------------------------

def store_criteria(call, scorecard_id, given):
    criteria = call.partition.records(CRITERIA, (scorecard_id,))
    kept = {}
    for item in given:
        criterion_id = item.get('id') if item.get('id') in criteria else str(uuid.uuid4())
        kept[criterion_id] = dict({'name': None, 'integration': None}, **dict(item, id=criterion_id, scorecard_id=scorecard_id))
    criteria.clear()
    criteria.update(kept)


def create_scorecard(call):
    body = validated_body(call)
    response = create_entity(call)
    store_criteria(call, response.body['id'], body['criteria'])
    return response


def update_scorecard(call):
    path = resolve_path(call)
    body = validated_body(call)
    existing = find_item(call, path)
    if existing is None:
        raise not_found()
    record = new_record(call, dict((key, value) for key, value in body.items() if key != 'criteria'), path, existing['id'], existing.get('created_at'))
    call.partition.records(call.store_key, path.scope)[record['id']] = record
    store_criteria(call, record['id'], body['criteria'])
    return Response(200, render(call, record))


def list_criteria(call):
    resolve_path(call)  # the scorecard must exist
    return list_entities(call, list(call.partition.records(CRITERIA, (call.params['id'],)).values()))


SPECIALS = {
    ('GET', INTEGRATIONS): list_integrations,
    ('POST', INSTANCES): create_instance,
    ('GET', CREDENTIAL): get_credential,
    ('POST', CREDENTIAL): create_credential,
    ('DELETE', CREDENTIAL): delete_credential,
    ('GET', AUTH_CONFIG): get_auth_config,
    ('PUT', AUTH_CONFIG): put_auth_config,
    ('DELETE', AUTH_CONFIG): delete_auth_config,
    ('POST', RESOURCE_MAPPINGS): create_resource_mapping,
    ('DELETE', SERVICE): delete_service,
    ('POST', API_MAPPINGS_ROUTE): create_api_mapping,
    ('POST', SCORECARDS): create_scorecard,
    ('PUT', SCORECARD): update_scorecard,
    ('GET', SCORECARDS + '/{id}/criteria'): list_criteria,
}
