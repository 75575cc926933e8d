# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Cloud Gateways v2: dedicated cloud gateway networks, configurations and what hangs off them (global).

Everything here provisions asynchronously: Konnect answers at once and the entity moves on through its states
(``initializing`` then ``ready``; ``terminating`` then gone). ``wait: true`` polls until it is done, with the client's
backoff between reads, and fails as soon as Konnect reports a failed state, naming it and Konnect's reason.
"""

from __future__ import annotations

from ansible_collections.konnect.konnect.plugins.module_utils import decide
from ansible_collections.konnect.konnect.plugins.module_utils.client import REGIONS
from ansible_collections.konnect.konnect.plugins.module_utils.engine import EntityEngine, InfoEngine
from ansible_collections.konnect.konnect.plugins.module_utils.entity import Entity, Field, IdReference, Parent, Singleton, looks_like_id
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError

BASE = '/v2/cloud-gateways'
PROVIDERS = ['aws', 'azure', 'gcp']
READY = 'ready'
GOING = ('terminating', 'terminated')
PROVISIONING = ('created', 'initializing')
FAILED = ('error',)  # the state an entity ends in when its provisioning failed (or any with a failed reported status)
# States in which Konnect waits for the user, not the other way round: waiting stops there, with a warning.
USER_ACTION = {
    'pending-acceptance': 'accept the attachment in your cloud account',
    'pending-user-action': 'complete the attachment in your cloud account',
    'pending-association': 'associate the private DNS with your network in your cloud account',
    'offline': 'a network stays offline until a cloud gateway configuration uses it',
}
WAIT_OPTIONS = dict(wait=dict(type='bool', default=False), wait_timeout=dict(type='int', default=1800))
BY_NAME = {'name': ('eq', 'contains')}


# -- waiting --------------------------------------------------------------------------------------------------------

def failure_of(item):
    """Konnect's own words for a failed provisioning of ``item``, or None."""
    metadata = item.get('state_metadata') or {}
    reason = metadata.get('reason') or metadata.get('error_reason')
    if item.get('state') in FAILED or str(metadata.get('reported_status', '')).lower() in ('failed', 'error'):
        return "state '%s'%s" % (item.get('state'), ': %s' % reason if reason else '')
    return None


def provisioned(item):
    """``(done, failure)`` for a single entity: done once ready; failed in a failed state."""
    failure = failure_of(item)
    return (failure is None and item.get('state') == READY), failure


def groups_provisioned(groups, what='data-plane group'):
    failures = []
    for group in groups:
        reason = failure_of(group)
        if reason:
            failures.append('%s %s %s: %s' % (what, group.get('provider'), group.get('region'), reason))
    return all(group.get('state') == READY for group in groups) and not failures, '; '.join(failures) or None


class ProvisioningEngine(EntityEngine):
    """Converges an entity Konnect provisions asynchronously; with ``wait`` it polls until the entity is ready or gone."""

    def ensure_present(self, current, desired):
        if current is not None and current.get('state') in GOING:
            if not self.params.get('wait'):
                raise KonnectError('%s is being deleted (state %s); run again once it is gone, or set wait: true to wait for that.' % (
                    self.describe_current(current), current['state']))
            if not self.check_mode:
                self.wait_until_gone(current)
            current = None
        result = super(ProvisioningEngine, self).ensure_present(current, desired)
        entity = result.get(self.entity.name) or {}
        if self.params.get('wait') and not self.check_mode and entity.get('id'):
            result[self.entity.name] = decide.redact(self.entity, self.wait_until_ready(entity))
            result['waited'] = True
        return result

    def ensure_absent(self, current):
        if current is not None and current.get('state') in GOING:
            if self.params.get('wait') and not self.check_mode:
                self.wait_until_gone(current)
            return self.result(False, None, None)  # already being deleted: nothing more to ask of Konnect
        waiting = current is not None and self.params.get('wait') and not self.check_mode
        if waiting and current.get('state') in PROVISIONING:
            current = self.wait_until_settled(current)  # Konnect refuses to delete what is still provisioning
        result = super(ProvisioningEngine, self).ensure_absent(current)
        if waiting:
            self.wait_until_gone(current)
        return result

    def apply(self, decision, current, desired):
        if decision.action == decide.RECREATE:
            # the old one keeps its name until it is gone: wait for that before creating the new one
            if current.get('state') in PROVISIONING:
                current = self.wait_until_settled(current)
            self.delete(current)
            self.wait_until_gone(current)
            return self.post_once(decision.body)
        return super(ProvisioningEngine, self).apply(decision, current, desired)

    def read(self, item):
        response = self.client.get(self.item_path(item), what=self.describe_current(item), expected=(404,))
        return None if response.status == 404 else self.entity.unwrap(response.body)

    def provisioning(self, item):
        return provisioned(item)

    def wait_until_ready(self, item):
        def ready(found):
            if found is None:
                raise KonnectError('%s disappeared while waiting for it to be ready.' % self.describe_current(item))
            done, failure = self.provisioning(found)
            if failure:
                raise KonnectError('%s failed to provision: Konnect reports %s.' % (self.describe_current(found), failure),
                                   **{self.entity.name: decide.redact(self.entity, found)})
            if not done and found.get('state') in USER_ACTION:
                self.client.warn("%s is in state '%s', so waiting stops here: %s." % (
                    self.describe_current(found), found['state'], USER_ACTION[found['state']]))
                return True
            return done
        return self.wait(item, ready, 'ready')

    def wait_until_settled(self, item):
        """Read ``item`` until it is no longer provisioning (ready or failed alike)."""
        return self.wait(item, lambda found: found is None or found.get('state') not in PROVISIONING, 'ready') or item

    def wait_until_gone(self, item):
        self.wait(item, lambda found: found is None or self.gone(found), 'deleted')

    def gone(self, found):
        return False

    def wait(self, item, done, goal):
        """Read ``item`` until ``done``, never past ``wait_timeout``."""
        def timed_out(found):
            state = (found or {}).get('state')
            return KonnectError('Timed out after %ss waiting for %s to be %s; it is still %s. Raise wait_timeout, or run again later: '
                                'Konnect carries on.' % (self.params.get('wait_timeout'), self.describe_current(item), goal,
                                                         "in state '%s'" % state if state else 'not there'),
                                **{self.entity.name: decide.redact(self.entity, found) if found else {}})
        return self.poll(item, lambda: self.read(item), done, self.params.get('wait_timeout'), timed_out)


class Provisioned(Entity):
    """An entity Konnect provisions: ``wait`` and ``wait_timeout`` are offered. ``apply`` leaves it to its engine, which
    waits and shapes its requests (a network's provider account, a configuration's PUT)."""

    planned_by_engine = True
    engine_class = ProvisioningEngine
    extra_options = WAIT_OPTIONS


# -- networks and what hangs off them ----------------------------------------------------------------------------


class NetworkEngine(ProvisioningEngine):
    """A network's provider account is found from ``provider`` when the task names no account (on create only: the region
    a network has already tells its provider)."""

    def ensure_present(self, current, desired):
        if current is None and not desired.get('cloud_gateway_provider_account_id') and self.params.get('provider'):
            desired = dict(desired, cloud_gateway_provider_account_id=self.provider_account(self.params['provider']))
            self.desired = desired
        return super(NetworkEngine, self).ensure_present(current, desired)

    def provider_account(self, provider):
        accounts = list(self.client.paginate(BASE + '/provider-accounts', 'page', {'filter[provider][eq]': provider},
                                             what='provider accounts'))
        accounts = [account for account in accounts if account.get('provider') == provider]
        if len(accounts) != 1:
            raise KonnectParameterError('provider: Konnect has %s %s provider account%s; give cloud_gateway_provider_account_id instead%s.' % (
                len(accounts) or 'no', provider, '' if len(accounts) == 1 else 's',
                ' (one of %s)' % ', '.join(account['id'] for account in accounts) if accounts else ''))
        return accounts[0]['id']


def check_network(engine, current=None):
    if current is None and not engine.desired.get('cloud_gateway_provider_account_id'):
        raise KonnectParameterError('provider: required to create a cloud gateway network (or give cloud_gateway_provider_account_id).')


class Network(Provisioned):
    engine_class = NetworkEngine
    extra_options = dict(WAIT_OPTIONS, provider=dict(type='str', choices=PROVIDERS))


ON_NETWORK = Parent('network', 'cloud_gateway_network', description='The network, by name or id.')


# -- control planes in a geo ----------------------------------------------------------------------------------------


class InGeoEngine(ProvisioningEngine):
    """An entity naming a control plane by ``control_plane_id`` and ``control_plane_geo``: ``control_plane`` (a name or
    an id) is found in that geo, which is the task's ``konnect_region`` unless it says otherwise."""

    def geo(self):
        return self.params.get('control_plane_geo') or self.params.get('konnect_region') or 'us'

    def resolve_references(self):
        value = self.params.get('control_plane')
        if value is None:
            return {}
        registry = self.registry('control_plane')
        identifier = self.resolver.resolve_id('control_plane', registry, {}, value, region=self.geo())
        self.reference_ids['control_plane'] = identifier
        return {'control_plane_id': identifier}

    def desired_body(self, references):
        body = super(InGeoEngine, self).desired_body(references)
        if 'control_plane_id' in body:
            body.setdefault('control_plane_geo', self.geo())
        return body

    def verify_references(self):
        value = self.params.get('control_plane')
        if looks_like_id(value):
            found = self.resolver.get_by_id(self.registry('control_plane'), {}, value, region=self.geo())
            if found is None:
                raise KonnectParameterError('control_plane: no control plane with id %s was found in %s.' % (value, self.geo()))


CONTROL_PLANE = IdReference('control_plane', 'control_plane', body_field='control_plane_id', create_only=True)
GEO = Field('control_plane_geo', choices=list(REGIONS), create_only=True)


class CustomDomainEngine(InGeoEngine):
    """A custom domain, and whether its CNAME and certificate are seen online."""

    def ensure_present(self, current, desired):
        result = super(CustomDomainEngine, self).ensure_present(current, desired)
        domain = result.get(self.entity.name) or {}
        if domain.get('id') and not self.check_mode:
            result['online_status'] = self.client.get(self.entity.item_path(self.scope, domain['id']) + '/online-status',
                                                      what='the online status of %s' % self.describe_current(domain)).body
        return result


class CustomDomain(Provisioned):
    engine_class = CustomDomainEngine


def with_online_status(client, scope, items):
    for item in items:
        item['online_status'] = client.get('%s/custom-domains/%s/online-status' % (BASE, item['id']), what='custom domain online status').body
    return items


# -- configurations ---------------------------------------------------------------------------------------------------

GROUP_FIELDS = ('provider', 'region', 'cloud_gateway_network_id', 'autoscale', 'environment')


def group_document(group):
    """A data-plane group as the request gives it: unset keys dropped, environment in name order."""
    document = dict((name, group[name]) for name in GROUP_FIELDS if group.get(name) is not None)
    if document.get('environment') is not None:
        document['environment'] = sorted(document['environment'], key=lambda variable: variable.get('name') or '')
    return document


def groups_document(groups):
    """Data-plane groups compared field by field, in provider and region order (Konnect keeps them as a set)."""
    if groups is None:
        return None
    return sorted((group_document(group) for group in groups), key=lambda group: (group.get('provider'), group.get('region')))


class ConfigurationEngine(InGeoEngine):
    """The one configuration of a control plane in a geo: PUT whole, to the collection, for create and update alike.
    ``state: absent`` leaves it without data-plane groups (Konnect has no DELETE for it)."""

    def desired_body(self, references):
        body = super(ConfigurationEngine, self).desired_body(references)
        if body.get('dataplane_groups') is not None:
            body['dataplane_groups'] = [self.with_network_id(index, group) for index, group in enumerate(body['dataplane_groups'])]
        return body

    def with_network_id(self, index, group):
        group = dict((name, value) for name, value in group.items() if value is not None)
        network = group.pop('network', None)
        if network is not None and group.get('cloud_gateway_network_id') is None:
            group['cloud_gateway_network_id'] = self.resolver.resolve_id('dataplane_groups[%d].network' % index,
                                                                         self.registry('cloud_gateway_network'), {}, network)
        return group_document(group)

    def find_current(self, desired):
        if self.params.get('id'):
            return self.resolver.get_by_id(self.entity, self.scope, self.params['id'])
        if desired.get('control_plane_id') is None:
            raise KonnectParameterError('control_plane: required to find the cloud gateway configuration (or give its id).')
        key_values = {'control_plane_id': desired['control_plane_id'], 'control_plane_geo': desired['control_plane_geo']}
        return self.only_one(self.resolver.find_all(self.entity, self.scope, key_values), key_values)

    def apply(self, decision, current, desired):
        body = dict((name, value) for name, value in (current or {}).items() if name in ('api_access', 'kind', 'version') and value is not None)
        if current is not None:
            body.update(control_plane_id=current['control_plane_id'], control_plane_geo=current['control_plane_geo'],
                        dataplane_groups=current.get('dataplane_group_config') or [])
        body.update(desired)
        return self.put(body)

    def put(self, body):
        return self.client.request('PUT', self.entity.collection_path(self.scope), body=body,
                                   what='the cloud gateway configuration of control plane %s' % body.get('control_plane_id')).body

    def ensure_absent(self, current):
        if current is None or not current.get('dataplane_groups'):
            return self.result(False, None, None)
        emptied = dict(current, dataplane_groups=[], dataplane_group_config=[])
        if not self.check_mode:
            emptied = self.put(dict(control_plane_id=current['control_plane_id'], control_plane_geo=current['control_plane_geo'],
                                    dataplane_groups=[]))
            if self.params.get('wait'):
                self.wait_until_gone(current)
        return self.result(True, current, emptied)

    def gone(self, found):
        return not found.get('dataplane_groups')

    def provisioning(self, item):
        return groups_provisioned(item.get('dataplane_groups') or [])

    def describe_current(self, current):
        return 'the cloud gateway configuration of control plane %s (%s)' % (current.get('control_plane_id'), current.get('control_plane_geo'))


class Configuration(Provisioned):
    engine_class = ConfigurationEngine


def check_dataplane_groups(engine, current=None):
    groups = engine.desired.get('dataplane_groups')
    if groups is None:
        raise KonnectParameterError('dataplane_groups: required; give [] for a configuration without data-plane groups.')
    seen = set()
    for index, group in enumerate(groups):
        where = (group.get('provider'), group.get('region'))
        if where in seen:
            raise KonnectParameterError('dataplane_groups[%d]: a second group in %s %s; Konnect takes one per provider and region.' % (
                (index,) + where))
        seen.add(where)


# -- add-ons ------------------------------------------------------------------------------------------------------------


class AddOnEngine(ProvisioningEngine):
    def provisioning(self, item):
        done, failure = groups_provisioned((item.get('config') or {}).get('data_plane_groups') or [], 'cache of data-plane group')
        return done and item.get('state') == READY, failure


class AddOn(Provisioned):
    engine_class = AddOnEngine


# -- the organization's cloud gateway facts -------------------------------------------------------------------------


class CloudGatewayInfoEngine(InfoEngine):
    """Availability, provider accounts, quotas and resource configurations, in one read-only task."""

    LISTS = (('provider_accounts', '/provider-accounts'), ('resource_quotas', '/resource-quotas'),
             ('default_resource_quotas', '/default-resource-quotas'), ('resource_configurations', '/resource-configurations'),
             ('default_resource_configurations', '/default-resource-configurations'))

    def run(self):
        result = {'changed': False, 'availability': self.client.get(BASE + '/availability.json', what='cloud gateway availability').body}
        for key, path in self.LISTS:
            result[key] = list(self.client.paginate(BASE + path, 'page', what=key.replace('_', ' ')))
        return result


class CloudGatewayFacts(Singleton):
    info_engine_class = CloudGatewayInfoEngine


ENVIRONMENT_OPTIONS = dict(name=dict(type='str', required=True), value=dict(type='str', required=True, no_log=False))
GROUP_OPTIONS = dict(provider=dict(type='str', choices=PROVIDERS, required=True), region=dict(type='str', required=True),
                     network=dict(type='str'), cloud_gateway_network_id=dict(type='str'), autoscale=dict(type='dict'),
                     environment=dict(type='list', elements='dict', options=ENVIRONMENT_OPTIONS))

# -- the catalogue ------------------------------------------------------------------------------------------------------

ENTITIES = (
    Network(
        'cloud_gateway_network', 'cloud gateway network', BASE + '/networks', filterable=BY_NAME, writable=check_network,
        fields=[
            Field('name', required=True),
            Field('region', create_only=True, create_required=True),
            Field('availability_zones', type='list', elements='str', create_only=True, unordered=True, create_required=True),
            Field('cidr_block', create_only=True, create_required=True),
            Field('cloud_gateway_provider_account_id', create_only=True),
        ],
        read_only=('id', 'created_at', 'updated_at', 'state', 'state_metadata', 'entity_version', 'default', 'provider_metadata',
                   'transit_gateway_count', 'configuration_reference_count'),
    ),
    Configuration(
        'cloud_gateway_configuration', 'cloud gateway configuration', BASE + '/configurations', key=('control_plane_id', 'control_plane_geo'),
        filterable={'control_plane_id': ('eq',), 'control_plane_geo': ('eq',)}, update_method='PUT', writable=check_dataplane_groups,
        references=[CONTROL_PLANE], identified_by=('control_plane',),
        fields=[
            Field('control_plane_geo', choices=list(REGIONS)),
            Field('dataplane_groups', type='list', elements='dict', response_path='dataplane_group_config', normalize=groups_document,
                  options=GROUP_OPTIONS),
            Field('api_access', choices=['private', 'public', 'private+public']),
            Field('kind', choices=['dedicated.v0', 'serverless.v1']),
            Field('version'),
        ],
    ),
    CustomDomain(
        'cloud_gateway_custom_domain', 'cloud gateway custom domain', BASE + '/custom-domains', key='domain',
        filterable={'domain': ('eq', 'contains'), 'control_plane_id': ('eq',)}, update_method=None, references=[CONTROL_PLANE],
        fields=[Field('domain', required=True), GEO, Field('kind', choices=['dedicated.v0', 'serverless.v1'], create_only=True)],
        enrich=with_online_status,
    ),
    Provisioned(
        'cloud_gateway_transit_gateway', 'cloud gateway transit gateway', BASE + '/networks/{network}/transit-gateways', filterable=BY_NAME,
        parents=[ON_NETWORK], update_fields=('cidr_blocks',),
        fields=[
            Field('name', required=True),
            Field('cidr_blocks', type='list', elements='str', unordered=True),
            Field('dns_config', type='list', elements='dict', create_only=True),
            Field('transit_gateway_attachment_config', type='dict', create_only=True, create_required=True),
        ],
    ),
    Provisioned(
        'cloud_gateway_private_dns', 'cloud gateway private DNS', BASE + '/networks/{network}/private-dns', filterable=BY_NAME,
        parents=[ON_NETWORK], plural='cloud_gateway_private_dns', update_method=None,
        fields=[Field('name', required=True), Field('private_dns_attachment_config', type='dict', create_only=True, create_required=True)],
    ),
    AddOn(
        'cloud_gateway_add_on', 'cloud gateway add-on', BASE + '/add-ons', filterable=BY_NAME, update_fields=('config',),
        fields=[Field('name', required=True), Field('owner', type='dict', create_only=True, create_required=True),
                Field('config', type='dict', create_required=True)],
    ),
    CloudGatewayFacts('cloud_gateway', 'cloud gateway availability', BASE + '/availability.json'),
)
