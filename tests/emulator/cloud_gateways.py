# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cloud Gateways v2: dedicated cloud gateways (networks, configurations, custom domains, transit gateways, private DNS, add-ons) (global).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py).

What the generic CRUD cannot know from the schemas alone:

- Provisioning is asynchronous (the spec's introduction: "resources transition through lifecycle states (e.g.
  ``initializing → ready``) which can be polled via GET"). Here time moves them on: whatever is created (or a data-plane
  group a configuration adds or changes) is ``initializing`` and becomes ``ready`` after the provisioning delay; whatever
  is deleted is ``terminating`` and is gone after the same delay. The delay (default ``DEFAULT_DELAY_SECONDS``) and a
  failed provisioning are set through ``set_provisioning`` (the ``/_emulator/provisioning`` control endpoint).
- A failed provisioning ends in the entity's ``error`` state where its state enum has one (custom domains, transit
  gateways, private DNS, an add-on's data-plane groups); a network has none and ends ``offline``; a configuration's
  data-plane group has none either and stays ``initializing`` with ``state_metadata.reported_status: failed``. Each
  carries ``state_metadata.reason`` (or ``error_reason`` for an add-on's groups). These shapes are undocumented (README).
- A configuration is PUT to the collection, one per control plane and geo (the spec: "Creates or replaces"): data-plane
  groups are matched by provider and region; a referenced ``offline`` network goes ``initializing`` (spec). A network
  still referenced by a configuration cannot be deleted (spec: 400).
- Networks must name an existing provider account and a region and availability zones of the availability document;
  one provider account per provider is seeded (undocumented ids, README).
- Private DNS and transit gateways in a transitional state cannot be deleted (spec: 400); the same rule is applied to
  the other entities here (undocumented, README). An add-on's tier can go up, not down (spec: 400).
"""

import copy
import ipaddress
import re
import time
import uuid

from .crud import VIEW_HOOKS, find_item, get_entity, list_entities, new_record, patch_entity, render, resolve_path, validated_body
from .errors import ApiError, Issue, Response, not_found, validation_error
from .schemas import rfc3339

BASE = '/v2/cloud-gateways'
NETWORKS = BASE + '/networks'
NETWORK = NETWORKS + '/{networkId}'
TRANSIT_GATEWAYS = NETWORK + '/transit-gateways'
PRIVATE_DNS = NETWORK + '/private-dns'
CONFIGURATIONS = BASE + '/configurations'
CUSTOM_DOMAINS = BASE + '/custom-domains'
ADD_ONS = BASE + '/add-ons'
PROVIDER_ACCOUNTS = BASE + '/provider-accounts'
RESOURCE_QUOTAS = BASE + '/resource-quotas'
RESOURCE_CONFIGURATIONS = BASE + '/resource-configurations'
AVAILABILITY = BASE + '/availability.json'

TRANSIT_KEY = NETWORKS + '/{}/transit-gateways'
PRIVATE_DNS_KEY = NETWORKS + '/{}/private-dns'

DEFAULT_DELAY_SECONDS = 1.0
PROVISIONING_KEY = ('_cloud_gateways', 'provisioning')  # partition.singletons keys the API never uses
TIMELINE_KEY = ('_cloud_gateways', 'timeline')
TRANSITIONAL = ('created', 'initializing', 'terminating')
TIERS = ('micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge')

# Undocumented (README): one provider account per provider, with these ids.
PROVIDER_ACCOUNT_IDS = {
    'aws': '5f4b6d0e-8a6b-4c39-9f0e-0a1b2c3d4e01',
    'azure': '5f4b6d0e-8a6b-4c39-9f0e-0a1b2c3d4e02',
    'gcp': '5f4b6d0e-8a6b-4c39-9f0e-0a1b2c3d4e03',
}


def _region(region, name, zones, cidrs=('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16')):
    return {'region': region, 'name': name, 'availability_zones': list(zones), 'cidr_blocks': list(cidrs),
            'reserved_cidr_blocks': ['10.100.0.0/16']}


AVAILABILITY_DOCUMENT = {
    'versions': ['3.9', '3.10', '3.11'],
    'instance_types': [
        {'name': 'small', 'hourly_cost': '0.20', 'v_cpu': '1', 'gb_memory': '2'},
        {'name': 'medium', 'hourly_cost': '0.40', 'v_cpu': '2', 'gb_memory': '4'},
        {'name': 'large', 'hourly_cost': '0.80', 'v_cpu': '4', 'gb_memory': '8'},
    ],
    'providers': [
        {'provider': 'aws', 'regions': [_region('us-east-2', 'Ohio', ['use2-az1', 'use2-az2', 'use2-az3']),
                                        _region('eu-central-1', 'Frankfurt', ['euc1-az1', 'euc1-az2', 'euc1-az3'])]},
        {'provider': 'azure', 'regions': [_region('eastus', 'East US', ['1', '2', '3'])]},
        {'provider': 'gcp', 'regions': [_region('us-central1', 'Iowa', ['us-central1-a', 'us-central1-b'])]},
    ],
    'serverless_v1_providers': [],
}

QUOTAS = (
    ('count/networks.not-offline', 'Networks', 'Networks that are not offline.', 5),
    ('count/data-planes-estimate', 'Data planes', 'Estimated data-plane instances.', 50),
    ('count/provider-accounts.per-provider', 'Provider accounts', 'Provider accounts per provider.', 1),
)

FACTS = {
    CUSTOM_DOMAINS: {'unique': ('domain',), 'conflict_detail': 'A custom domain with this domain already exists.'},
    TRANSIT_KEY: {'unique': ('name',), 'conflict_detail': 'A transit gateway with this name already exists in the network.'},
    PRIVATE_DNS_KEY: {'unique': ('name',), 'conflict_detail': 'A private DNS attachment with this name already exists in the network.'},
    ADD_ONS: {'field_paths': {'config.kind': 'config.kind', 'owner.control_plane_id': 'owner.control_plane_id',
                              'owner.control_plane_geo': 'owner.control_plane_geo'}},
}
SINGLETON_DEFAULTS = {AVAILABILITY: AVAILABILITY_DOCUMENT}


# ---- provisioning knobs and time -------------------------------------------


class ProvisioningError(ValueError):
    """An invalid provisioning knob."""


def validate_provisioning(knob):
    """``{"delay_seconds": n, "fail": {"path_regex": ..., "reason": ..., "count": n}}`` (both optional)."""
    if not isinstance(knob, dict):
        raise ProvisioningError('provisioning must be a JSON object')
    unknown = sorted(set(knob) - {'delay_seconds', 'fail'})
    if unknown:
        raise ProvisioningError('provisioning: unknown keys %s' % ', '.join(unknown))
    delay = knob.get('delay_seconds', DEFAULT_DELAY_SECONDS)
    if isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0:
        raise ProvisioningError('provisioning.delay_seconds must be a non-negative number')
    result = {'delay_seconds': delay, 'fail': None}
    fail = knob.get('fail')
    if fail is not None:
        if not isinstance(fail, dict) or sorted(set(fail) - {'path_regex', 'reason', 'count'}):
            raise ProvisioningError('provisioning.fail takes path_regex, reason and count')
        try:
            re.compile(fail.get('path_regex') or '')
        except re.error:
            raise ProvisioningError('provisioning.fail.path_regex is not a valid regular expression') from None
        count = fail.get('count')
        if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
            raise ProvisioningError('provisioning.fail.count must be a positive integer')
        result['fail'] = {'path_regex': fail.get('path_regex') or '', 'reason': str(fail.get('reason') or 'Provisioning failed.'),
                          'count': count}
    return result


def set_provisioning(partition, knob):
    partition.singletons[PROVISIONING_KEY] = validate_provisioning(knob)
    return get_provisioning(partition)


def get_provisioning(partition):
    return copy.deepcopy(partition.singletons.get(PROVISIONING_KEY) or validate_provisioning({}))


def timeline(partition):
    return partition.singletons.setdefault(TIMELINE_KEY, [])


def failure_for(call):
    """The reason a provisioning started by this request fails, or None (consumes one of the knob's count)."""
    knob = call.partition.singletons.get(PROVISIONING_KEY)
    fail = knob and knob.get('fail')
    if not fail or not re.search(fail['path_regex'], request_path(call)):
        return None
    if fail['count'] is not None:
        fail['count'] -= 1
        if fail['count'] <= 0:
            knob['fail'] = None
    return fail['reason']


def request_path(call):
    path = call.route.template
    for name, value in call.params.items():
        path = path.replace('{%s}' % name, value)
    return path


def schedule(call, store_key, scope, record_id, outcome, group=None, failure=None):
    """``record_id`` (or one data-plane group of it) reaches ``outcome`` (``ready`` or ``gone``) after the delay."""
    entries = timeline(call.partition)
    entries[:] = [entry for entry in entries if not (entry['id'] == record_id and entry['group'] == group)]
    entries.append({'due': time.time() + get_provisioning(call.partition)['delay_seconds'], 'store_key': store_key,
                    'scope': tuple(scope), 'id': record_id, 'group': group, 'outcome': outcome, 'failure': failure})


def advance(partition, now=None):
    """Move on every provisioning whose time has come."""
    now = time.time() if now is None else now
    entries = timeline(partition)
    due = [entry for entry in entries if entry['due'] <= now]
    entries[:] = [entry for entry in entries if entry['due'] > now]
    for entry in sorted(due, key=lambda entry: entry['due']):
        records = partition.records(entry['store_key'], entry['scope'])
        record = records.get(entry['id'])
        if record is None:
            continue
        if entry['group'] is not None:
            settle_group(record, entry, now)
        elif entry['outcome'] == 'gone':
            partition.remove(entry['store_key'], entry['scope'], entry['id'])
        else:
            settle(entry['store_key'], record, entry['failure'])
            record['updated_at'] = rfc3339(now)


def settle(store_key, record, failure):
    if failure is None:
        record['state'] = 'ready'
        record['state_metadata'] = {}
        if store_key == ADD_ONS:
            for group in record.get('config', {}).get('data_plane_groups', []):
                group.update(state='ready', state_metadata={})
        return
    if store_key == NETWORKS:
        record['state'] = 'offline'
        record['state_metadata'] = {'reason': failure, 'reported_status': 'failed'}
    elif store_key == ADD_ONS:
        groups = record.get('config', {}).get('data_plane_groups', [])
        for group in groups:
            group.update(state='error', state_metadata={'error_reason': failure})
        record['state'] = 'initializing' if groups else 'ready'
    else:
        record['state'] = 'error'
        record['state_metadata'] = {'reason': failure, 'reported_status': 'failed'}


def settle_group(configuration, entry, now):
    groups = configuration.get('dataplane_groups', [])
    for group in list(groups):
        if group['id'] != entry['group']:
            continue
        if entry['outcome'] == 'gone':
            groups.remove(group)
        elif entry['failure'] is None:
            group.update(state='ready', state_metadata={}, updated_at=rfc3339(now))
            group.setdefault('hostnames', ['%s.%s.gateways.konggateway.com' % (group['id'][:8], group['region'])])
        else:
            group.update(state_metadata={'reason': entry['failure'], 'reported_status': 'failed'}, updated_at=rfc3339(now))


def seed(partition):
    """The provider accounts, quotas and resource configurations every organization has (undocumented values)."""
    accounts = partition.records(PROVIDER_ACCOUNTS, ())
    if accounts:
        return
    stamp = rfc3339(time.time())
    for provider, account_id in PROVIDER_ACCOUNT_IDS.items():
        accounts[account_id] = {'id': account_id, 'provider': provider, 'provider_account_id': 'konnect-%s-account' % provider,
                                'created_at': stamp, 'updated_at': stamp}
    quotas = partition.records(RESOURCE_QUOTAS, ())
    for index, (resource, name, description, value) in enumerate(QUOTAS):
        quota_id = '6a0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c%02d' % index
        quotas[quota_id] = {'id': quota_id, 'resource': resource, 'name': name, 'description': description, 'value': value,
                            'created_at': stamp, 'updated_at': stamp}
    configurations = partition.records(RESOURCE_CONFIGURATIONS, ())
    configuration_id = '7b1d2e3f-4a5b-4c6d-9e8f-0a1b2c3d4e5f'
    configurations[configuration_id] = {'id': configuration_id, 'qualifier': 'data-plane-group-idle-timeout-minutes', 'value': 60}


def timed(handler):
    """A handler that first moves provisioning on (and seeds the organization's provider accounts)."""
    def run(call):
        seed(call.partition)
        advance(call.partition)
        return handler(call)
    run.__name__ = handler.__name__
    return run


# ---- networks ----------------------------------------------------------------


def availability_region(provider, region):
    for entry in AVAILABILITY_DOCUMENT['providers']:
        if entry['provider'] == provider:
            for known in entry['regions']:
                if known['region'] == region:
                    return known
    return None


def create_network(call):
    path = resolve_path(call)
    body = validated_body(call)
    account = call.partition.records(PROVIDER_ACCOUNTS, ()).get(body['cloud_gateway_provider_account_id'])
    if account is None:
        raise validation_error([Issue('cloud_gateway_provider_account_id', 'invalid', 'provider account not found')])
    known = availability_region(account['provider'], body['region'])
    if known is None:
        raise validation_error([Issue('region', 'invalid', 'region %s is not available for provider %s' % (body['region'], account['provider']))])
    issues = [Issue('availability_zones', 'invalid', 'availability zone %s is not in region %s' % (zone, body['region']))
              for zone in body['availability_zones'] if zone not in known['availability_zones']]
    if not body['availability_zones']:
        issues.append(Issue('availability_zones', 'invalid', 'at least one availability zone is required'))
    issues.extend(cidr_issues(body['cidr_block']))
    if issues:
        raise validation_error(issues)
    record = new_record(call, body, path)
    record.update(default=False, provider_metadata={}, transit_gateway_count=0, configuration_reference_count=0, entity_version=1,
                  state=body.get('state', 'initializing'), state_metadata={})
    call.partition.records(NETWORKS, ())[record['id']] = record
    if record['state'] == 'initializing':
        schedule(call, NETWORKS, (), record['id'], 'ready', failure=failure_for(call))
    return Response(call.op.success_status, render(call, record))


def cidr_issues(cidr):
    """A private IPv4 block of /16 to /23 (undocumented limits, README; Konnect's UI offers these sizes)."""
    try:
        network = ipaddress.ip_network(cidr, strict=True)
    except ValueError:
        return [Issue('cidr_block', 'invalid', '%s is not a CIDR block' % cidr)]
    if network.version != 4 or not network.is_private or not 16 <= network.prefixlen <= 23:
        return [Issue('cidr_block', 'invalid', 'must be a private IPv4 block from /16 to /23')]
    return []


def network_view(call, record, view):
    partition = call.partition
    view['configuration_reference_count'] = len(configurations_using(partition, record['id']))
    view['transit_gateway_count'] = len(partition.records(TRANSIT_KEY, (record['id'],)))


def configurations_using(partition, network_id):
    return [configuration for configuration in partition.records(CONFIGURATIONS, ()).values()
            if any(group.get('cloud_gateway_network_id') == network_id for group in configuration.get('dataplane_groups', []))]


def delete_network(call):
    path = resolve_path(call)
    record = find_item(call, path)
    if record is None:
        raise not_found()
    if configurations_using(call.partition, record['id']):
        raise ApiError(400, 'The network is referenced by a configuration; remove it from the configuration first.')
    return terminate(call, NETWORKS, (), record)


def terminate(call, store_key, scope, record):
    """DELETE: the entity goes ``terminating`` and is gone after the delay; one in a transitional state is refused."""
    if record.get('state') in TRANSITIONAL:
        raise ApiError(400, 'The resource is %s; it can be deleted once it is ready or in error.' % record['state'])
    record['state'] = 'terminating'
    record['updated_at'] = rfc3339(time.time())
    schedule(call, store_key, scope, record['id'], 'gone')
    return Response(call.op.success_status)


def delete_provisioned(store_key):
    def handler(call):
        path = resolve_path(call)
        record = find_item(call, path)
        if record is None:
            raise not_found()
        return terminate(call, store_key, path.scope, record)
    return handler


def create_provisioned(store_key):
    """A generic create whose entity then provisions (custom domains, transit gateways, private DNS)."""
    def handler(call):
        path = resolve_path(call)
        body = validated_body(call)
        record = new_record(call, body, path)
        record.update(state='initializing', state_metadata={}, entity_version=1)
        call.partition.records(call.store_key, path.scope)[record['id']] = record
        schedule(call, call.store_key, path.scope, record['id'], 'ready', failure=failure_for(call))
        return Response(call.op.success_status, render(call, record))
    handler.__name__ = 'create_' + store_key.rsplit('/', 1)[-1].replace('-', '_')
    return handler


# ---- configurations ----------------------------------------------------------


def put_configuration(call):
    body = validated_body(call)
    groups = body['dataplane_groups']
    check_groups(call, groups)
    records = call.partition.records(CONFIGURATIONS, ())
    existing = next((record for record in records.values() if record['control_plane_id'] == body['control_plane_id']
                     and record['control_plane_geo'] == body['control_plane_geo']), None)
    now = time.time()
    record = existing or {'id': str(uuid.uuid4()), 'created_at': rfc3339(now), 'entity_version': 0, 'dataplane_groups': []}
    record.update(control_plane_id=body['control_plane_id'], control_plane_geo=body['control_plane_geo'],
                  api_access=body.get('api_access', 'private+public'), kind=body.get('kind', 'dedicated.v0'),
                  dataplane_group_config=copy.deepcopy(groups), entity_version=record['entity_version'] + 1, updated_at=rfc3339(now))
    if body.get('version') is not None:
        record['version'] = body['version']
    records[record['id']] = record
    converge_groups(call, record, groups, now)
    for group in groups:
        network = call.partition.records(NETWORKS, ()).get(group.get('cloud_gateway_network_id'))
        if network is not None and network['state'] == 'offline':
            network['state'] = 'initializing'  # spec: a referenced offline network starts initializing
            schedule(call, NETWORKS, (), network['id'], 'ready')
    return Response(call.op.success_status, render(call, record))


def check_groups(call, groups):
    issues, seen = [], set()
    for index, group in enumerate(groups):
        where = (group['provider'], group['region'])
        if where in seen:
            issues.append(Issue('dataplane_groups[%d]' % index, 'invalid', 'more than one data-plane group in %s %s' % where))
        seen.add(where)
        if availability_region(group['provider'], group['region']) is None:
            issues.append(Issue('dataplane_groups[%d].region' % index, 'invalid', 'region %s is not available for provider %s' % where[::-1]))
        network_id = group.get('cloud_gateway_network_id')
        network = call.partition.records(NETWORKS, ()).get(network_id) if network_id else None
        if network_id and (network is None or network['state'] in ('terminating', 'terminated')):
            issues.append(Issue('dataplane_groups[%d].cloud_gateway_network_id' % index, 'invalid', 'network %s not found' % network_id))
        elif network is not None and network['region'] != group['region']:
            issues.append(Issue('dataplane_groups[%d].cloud_gateway_network_id' % index, 'invalid',
                                'network %s is in region %s, not %s' % (network_id, network['region'], group['region'])))
    if issues:
        raise validation_error(issues)


def converge_groups(call, record, wanted, now):
    """Groups matched by provider and region: new or changed ones provision, the others terminate."""
    current = dict(((group['provider'], group['region']), group) for group in record['dataplane_groups'])
    stamp = rfc3339(now)
    failure = failure_for(call)
    for config in wanted:
        where = (config['provider'], config['region'])
        group = current.pop(where, None)
        settings = dict((name, copy.deepcopy(value)) for name, value in config.items())
        if group is not None and group['state'] != 'terminating' and all(group.get(name) == value for name, value in settings.items()) \
                and set(group_settings(group)) == set(settings):
            continue
        if group is None or group['state'] == 'terminating':
            group = {'id': str(uuid.uuid4()), 'created_at': stamp, 'egress_ip_addresses': [], 'private_ip_addresses': []}
            record['dataplane_groups'] = [g for g in record['dataplane_groups'] if (g['provider'], g['region']) != where] + [group]
        for name in ('autoscale', 'cloud_gateway_network_id', 'environment'):
            group.pop(name, None)
        group.update(settings, state='initializing', state_metadata={}, updated_at=stamp)
        schedule(call, CONFIGURATIONS, (), record['id'], 'ready', group=group['id'], failure=failure)
    for group in current.values():
        if group['state'] != 'terminating':
            group.update(state='terminating', updated_at=stamp)
            schedule(call, CONFIGURATIONS, (), record['id'], 'gone', group=group['id'])


def group_settings(group):
    return [name for name in ('provider', 'region', 'autoscale', 'cloud_gateway_network_id', 'environment') if name in group]


# ---- custom domains and add-ons ----------------------------------------------


def custom_domain_online_status(call):
    record = call.partition.records(CUSTOM_DOMAINS, ()).get(call.params['customDomainId'])
    if record is None:
        raise not_found()
    status = 'verified' if record.get('state') == 'ready' else 'unverified'
    return Response(200, {'cname': status, 'ssl': status})


def create_add_on(call):
    path = resolve_path(call)
    body = validated_body(call)
    record = new_record(call, body, path)
    record['config'] = dict(copy.deepcopy(body['config']), data_plane_groups=add_on_groups(call.partition, body['owner']), state_metadata={})
    record.update(state='initializing', entity_version=1)
    call.partition.records(ADD_ONS, ())[record['id']] = record
    schedule(call, ADD_ONS, (), record['id'], 'ready', failure=failure_for(call))
    return Response(call.op.success_status, render(call, record))


def add_on_groups(partition, owner):
    """The data-plane groups of the owner's configurations, each with its own cache (initializing)."""
    owner_id = owner.get('control_plane_id') or owner.get('control_plane_group_id')
    return [{'id': str(uuid.uuid4()), 'cloud_gateway_network_id': group.get('cloud_gateway_network_id') or '', 'provider': group['provider'],
             'region': group['region'], 'state': 'initializing', 'state_metadata': {}}
            for configuration in partition.records(CONFIGURATIONS, ()).values() if configuration['control_plane_id'] == owner_id
            for group in configuration['dataplane_groups']]


def update_add_on(call):
    path = resolve_path(call)
    body = validated_body(call)
    record = find_item(call, path)
    if record is None:
        raise not_found()
    have = (record['config'].get('capacity_config') or {}).get('tier')
    want = (body['config'].get('capacity_config') or {}).get('tier')
    if have in TIERS and want in TIERS and TIERS.index(want) < TIERS.index(have):
        raise validation_error([Issue('config.capacity_config.tier', 'invalid', 'downgrading from %s to %s is not supported' % (have, want))])
    record['config'].update(copy.deepcopy(body['config']))
    record['entity_version'] += 1
    record['updated_at'] = rfc3339(time.time())
    if have != want:
        record['state'] = 'initializing'
        schedule(call, ADD_ONS, (), record['id'], 'ready', failure=failure_for(call))
    return Response(call.op.success_status, render(call, record))


VIEW_HOOKS[NETWORKS] = network_view

_READS = (
    NETWORKS, NETWORK, TRANSIT_GATEWAYS, TRANSIT_GATEWAYS + '/{transitGatewayId}', PRIVATE_DNS, PRIVATE_DNS + '/{privateDnsId}',
    NETWORK + '/configuration-references', CONFIGURATIONS, CONFIGURATIONS + '/{configurationId}', CUSTOM_DOMAINS,
    CUSTOM_DOMAINS + '/{customDomainId}', ADD_ONS, ADD_ONS + '/{addOnId}', PROVIDER_ACCOUNTS, PROVIDER_ACCOUNTS + '/{providerAccountId}',
    RESOURCE_QUOTAS, RESOURCE_QUOTAS + '/{resourceQuotaId}', RESOURCE_CONFIGURATIONS, RESOURCE_CONFIGURATIONS + '/{resourceConfigurationId}',
)


def _read(template):
    return get_entity if template.endswith('}') else list_entities


def configuration_references(call):
    network = call.partition.records(NETWORKS, ()).get(call.params['networkId'])
    if network is None:
        raise not_found()
    return list_entities(call, configurations_using(call.partition, network['id']))


SPECIALS = dict((('GET', template), timed(_read(template))) for template in _READS)
SPECIALS.update({
    ('GET', NETWORK + '/configuration-references'): timed(configuration_references),
    ('POST', NETWORKS): timed(create_network),
    ('DELETE', NETWORK): timed(delete_network),
    ('POST', TRANSIT_GATEWAYS): timed(create_provisioned(TRANSIT_KEY)),
    ('DELETE', TRANSIT_GATEWAYS + '/{transitGatewayId}'): timed(delete_provisioned(TRANSIT_KEY)),
    ('POST', PRIVATE_DNS): timed(create_provisioned(PRIVATE_DNS_KEY)),
    ('DELETE', PRIVATE_DNS + '/{privateDnsId}'): timed(delete_provisioned(PRIVATE_DNS_KEY)),
    ('PUT', CONFIGURATIONS): timed(put_configuration),
    ('POST', CUSTOM_DOMAINS): timed(create_provisioned(CUSTOM_DOMAINS)),
    ('DELETE', CUSTOM_DOMAINS + '/{customDomainId}'): timed(delete_provisioned(CUSTOM_DOMAINS)),
    ('GET', CUSTOM_DOMAINS + '/{customDomainId}/online-status'): timed(custom_domain_online_status),
    ('POST', ADD_ONS): timed(create_add_on),
    ('PATCH', ADD_ONS + '/{addOnId}'): timed(update_add_on),
    ('DELETE', ADD_ONS + '/{addOnId}'): timed(delete_provisioned(ADD_ONS)),
})
for _template in (NETWORK, TRANSIT_GATEWAYS + '/{transitGatewayId}', PRIVATE_DNS + '/{privateDnsId}'):
    SPECIALS[('PATCH', _template)] = timed(patch_entity)
