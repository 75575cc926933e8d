# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Event Gateway v1: event gateways, listeners and their policies, virtual and backend clusters, schema registries (regional).

``FACTS`` joins ``facts.ENTITY_FACTS``, ``SINGLETON_DEFAULTS`` joins ``facts.SINGLETON_DEFAULTS`` and ``SPECIALS`` the
operations answered by hand (see app.py). Everything else (CRUD, validation, cursor pagination, ``filter[name][contains]``)
is the generic behaviour derived from the spec.

- Policies are an ordered chain (listener policies; a virtual cluster's consume, produce and cluster policies): a list
  answers them in chain order; a create goes last, or just ``before``/``after`` the policy those query parameters name
  (400 when it is not in the chain); ``POST .../{policyId}/move`` with ``{"index": n}`` moves one to position ``n``
  (0-based; 400 past the end); ``PUT .../policy-chain`` reorders the whole chain (400 unless it names each policy once).
- A virtual cluster's ``destination`` is given by the backend cluster's id or name and answered as ``{id, name}``
  (``BackendClusterReference`` requires both); an unknown backend cluster is a 400.
"""

from .crud import VIEW_HOOKS, create_entity, put_entity, resolve_path, validated_body
from .errors import Issue, Response, not_found, validation_error

GATEWAY = '/v1/event-gateways/{gatewayId}'
LISTENER = GATEWAY + '/listeners/{eventGatewayListenerId}'
VIRTUAL_CLUSTER = GATEWAY + '/virtual-clusters/{virtualClusterId}'
VIRTUAL_CLUSTERS = GATEWAY + '/virtual-clusters'
BACKEND_CLUSTERS_KEY = '/v1/event-gateways/{}/backend-clusters'
VIRTUAL_CLUSTERS_KEY = '/v1/event-gateways/{}/virtual-clusters'

# (policy collection, chain document) of each place policies are ordered in
POLICY_PLACES = (
    (LISTENER + '/policies', LISTENER + '/policy-chain'),
    (VIRTUAL_CLUSTER + '/consume-policies', VIRTUAL_CLUSTER + '/consume-policy-chain'),
    (VIRTUAL_CLUSTER + '/produce-policies', VIRTUAL_CLUSTER + '/produce-policy-chain'),
    (VIRTUAL_CLUSTER + '/cluster-policies', VIRTUAL_CLUSTER + '/cluster-policy-chain'),
)

FACTS = {}
SINGLETON_DEFAULTS = {}


# -- ordered policies ----------------------------------------------------------------------------------------------------

def bad_parameter(field, reason, source='body'):
    return validation_error([Issue(field, 'invalid', reason, source=source)])


def reorder(records, ordered_ids):
    """Rewrite the OrderedDict of a policy chain in ``ordered_ids`` order (the list answers in stored order)."""
    kept = [(record_id, records[record_id]) for record_id in ordered_ids]
    records.clear()
    records.update(kept)


def create_policy(call):
    before = (call.query.get('before') or [None])[0]
    after = (call.query.get('after') or [None])[0]
    if before and after:
        raise bad_parameter('before', 'give before or after, not both', source='query')
    path = resolve_path(call)
    records = call.partition.records(call.store_key, path.scope)
    anchor = before or after
    if anchor and anchor not in records:
        raise bad_parameter('before' if before else 'after', 'no policy with id %s in this chain' % anchor, source='query')
    response = create_entity(call)
    if anchor:
        order = [record_id for record_id in records if record_id != response.body['id']]
        position = order.index(anchor) + (0 if before else 1)
        order.insert(position, response.body['id'])
        reorder(records, order)
    return response


def move_policy(collection):
    def handler(call):
        return move(call, chain_records(call, collection))
    return handler


def move(call, records):
    body = validated_body(call)
    policy_id = call.params['policyId']
    if policy_id not in records:
        raise not_found()
    index = body['index']
    if index >= len(records):
        raise bad_parameter('index', 'must be less than the number of policies (%d)' % len(records))
    order = [record_id for record_id in records if record_id != policy_id]
    order.insert(index, policy_id)
    reorder(records, order)
    return Response(call.op.success_status)


def chain_records(call, collection):
    """The policies of the chain ``call`` addresses (its collection is the sibling ``collection`` route)."""
    resolve_path(call)
    scope = tuple(call.params[name] for name in ('gatewayId', 'eventGatewayListenerId', 'virtualClusterId') if name in call.params)
    store_key = collection.replace('{gatewayId}', '{}').replace('{eventGatewayListenerId}', '{}').replace('{virtualClusterId}', '{}')
    return call.partition.records(store_key, scope)


def get_chain(collection):
    def handler(call):
        return Response(call.op.success_status, {'policies': list(chain_records(call, collection))})
    return handler


def put_chain(collection):
    def handler(call):
        body = validated_body(call)
        records = chain_records(call, collection)
        wanted = body['policies']
        if sorted(wanted) != sorted(records):
            raise bad_parameter('policies', 'must name each policy of the chain exactly once')
        reorder(records, wanted)
        return Response(call.op.success_status, {'policies': list(records)})
    return handler


# -- virtual clusters ------------------------------------------------------------------------------------------------

def backend_cluster(call, reference):
    """The backend cluster a virtual cluster's ``destination`` names, by id or name (400 if there is none)."""
    scope = (call.params['gatewayId'],)
    records = call.partition.records(BACKEND_CLUSTERS_KEY, scope)
    if reference.get('id'):
        found = records.get(reference['id'])
    else:
        found = next((record for record in records.values() if record.get('name') == reference.get('name')), None)
    if found is None:
        raise bad_parameter('destination', 'no backend cluster %s in this event gateway' % (reference.get('id') or reference.get('name')))
    return found


def with_destination_id(handler):
    """Store the destination as the backend cluster's id; the view adds its current name."""
    def wrapped(call):
        body = validated_body(call)
        if isinstance(body.get('destination'), dict):
            call.body = dict(body, destination={'id': backend_cluster(call, body['destination'])['id']})
        return handler(call)
    return wrapped


def virtual_cluster_view(call, record, view):
    destination = record.get('destination') or {}
    found = call.partition.records(BACKEND_CLUSTERS_KEY, (call.params['gatewayId'],)).get(destination.get('id'))
    view['destination'] = {'id': destination.get('id'), 'name': found.get('name') if found else None}


VIEW_HOOKS[VIRTUAL_CLUSTERS_KEY] = virtual_cluster_view

SPECIALS = {
    ('POST', VIRTUAL_CLUSTERS): with_destination_id(create_entity),
    ('PUT', VIRTUAL_CLUSTER): with_destination_id(put_entity),
}
for _collection, _chain in POLICY_PLACES:
    SPECIALS[('POST', _collection)] = create_policy
    SPECIALS[('POST', _collection + '/{policyId}/move')] = move_policy(_collection)
    SPECIALS[('GET', _chain)] = get_chain(_collection)
    SPECIALS[('PUT', _chain)] = put_chain(_collection)
