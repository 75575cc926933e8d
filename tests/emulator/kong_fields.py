# Copyright: Contributors to the konnect.konnect collection
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Field rules Kong enforces on core entities that the Konnect spec leaves out.

Each rule names its public source. ``Kong`` means the Gateway's schema files at Kong/kong@22246ef
(https://github.com/Kong/kong/blob/22246ef28c16842098369b494eef879222e30c7b/...): ``typedefs.lua`` is
``kong/db/schema/typedefs.lua``, ``ip.lua`` is ``kong/tools/ip.lua``, ``uri.lua`` is ``kong/tools/uri.lua``, and
entity files are ``kong/db/schema/entities/<name>.lua``. Konnect-only rules cite the GitHub issue that shows them
(``../shared/notes/konnect-behaviours.md`` §1). Plugin ``config`` is not checked here.

Violations are answered as Konnect answers schema violations: 400 ``{"code": 3, "message": "validation error",
"details": [ERROR_TYPE_FIELD with field and messages]}`` (notes §1.1), the field a dotted path with ``[i]``; route
protocol checks are ``ERROR_TYPE_ENTITY``. The message texts are Kong's own where Kong has the rule, and the JSON-schema
wording Konnect answered live for tag counts and lengths (kong-operator#778). Which wording Konnect uses for the others
is listed in the README's "What we do not know".
"""

import re

from .errors import Issue, entity_error, validation_error

# Konnect: at most 20 tags, each 1-128 characters (kong-operator#778, ops/objects_metadata.go; notes §1.3).
MAX_TAGS = 20
MAX_TAG_LENGTH = 128
# Konnect's consumer and consumer-group limits (kong-operator#773; notes §1.2).
MAX_CONSUMER_NAME_LENGTH = 128
USERNAME_CHARS = '.-_~+@/[]'
CUSTOM_ID_CHARS = '.-_~()#%@|+[]'
GROUP_NAME_CHARS = '.-_~'
# Vault types a prefix may not take (vaults.lua: ``not_one_of = VAULTS``, the installed vaults); the Konnect list
# is Kong Gateway Enterprise's bundled vaults (https://developer.konghq.com/gateway/entities/vault/).
VAULT_TYPES = ('env', 'aws', 'gcp', 'hcv', 'azure', 'conjur', 'konnect')
# routes.lua ``protocols.mutually_exclusive_subsets`` (ws/wss: Kong Gateway Enterprise, the spec's enum).
PROTOCOL_ORDER = ('http', 'https', 'tcp', 'tls', 'udp', 'tls_passthrough', 'grpc', 'grpcs', 'ws', 'wss')
PROTOCOL_SUBSETS = (frozenset(('http', 'https')), frozenset(('tcp', 'tls', 'udp')), frozenset(('tls_passthrough',)),
                    frozenset(('grpc', 'grpcs')), frozenset(('ws', 'wss')))
# uri.lua: reserved characters stay percent-encoded when Kong normalizes a path.
URI_RESERVED = "!*'();:@&=+$,/?%#[]"
# typedefs.lua validate_path: RFC 3986 unreserved, sub-delims, ':', '@', '/', '%'.
RFC3986_PATH = re.compile(r"^/[A-Za-z0-9._~/%:@!$&'()*+,;=-]*$")


# ---- Kong's validators (each returns None or the error message) --------------------------------------------


def utf8_name(value):
    """typedefs.lua ``utf8_name`` (validate_utf8_name): ASCII alphanumerics, ``. - _ ~`` and non-ASCII characters."""
    if value and all(char.isascii() and (char.isalnum() or char in '.-_~') or not char.isascii() for char in value):
        return None
    return "invalid value '%s': the only accepted ascii characters are alphanumerics or ., -, _, and ~" % value


def normalize_ip(address):
    """ip.lua ``normalize_ip``: (type, port) of an IPv4 address, IPv6 address or host name, or (None, error)."""
    if address.count(':') > 1:
        return ipv6_with_port(address)
    if re.match(r'^[\d.:]+$', address) and re.match(r'^[\d.]+$', address.replace(':', '')):
        return ipv4_with_port(address)
    return hostname_with_port(address)


def ipv4_with_port(address):
    match = re.match(r'^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::(\d+))?$', address)
    if not match or any(int(part) > 255 for part in match.groups()[:4]):
        return None, 'invalid ipv4 address: %s' % address
    return port_of('ipv4', match.group(5))


def ipv6_with_port(address):
    bracketed = re.match(r'^\[([^\]]*)\](.*)$', address)
    check, port = (bracketed.group(1), bracketed.group(2)) if bracketed else (address, '')
    if port:
        port_match = re.match(r'^:(\d+)$', port)
        if not port_match:
            return None, 'invalid ipv6 address'
        port = port_match.group(1)
    groups = check.split(':')
    if '::' in check:
        ok = check.count('::') == 1 and len([g for g in groups if g]) <= 7
    else:
        ok = len(groups) == 8
    if not ok or not all(re.match(r'^[0-9A-Fa-f]{0,4}$', group) for group in groups):
        return None, 'invalid ipv6 address: %s' % address
    return port_of('ipv6', port or None)


def hostname_with_port(address):
    """ip.lua ``check_hostname``: ``[A-Za-z0-9._-]``, no label ending in ``-``, no empty label but a trailing one."""
    name, port = address, None
    port_match = re.search(r':(\d+)$', address)
    if port_match:
        name, port = address[:port_match.start()], port_match.group(1)
    labels = name.split('.')
    if not re.match(r'^[A-Za-z0-9._-]+$', name) or any(
            label.endswith('-') or (label == '' and index != len(labels) - 1) for index, label in enumerate(labels)):
        return None, 'invalid hostname: %s' % address
    return port_of('name', port)


def port_of(kind, port):
    if port is not None and int(port) > 65535:
        return None, 'invalid port number'
    return kind, None if port is None else int(port)


def host(value):
    """typedefs.lua ``host`` (validate_host): a host name or IP address without a port."""
    kind, port = normalize_ip(value)
    if kind is None and port != 'invalid port number':
        return 'invalid value: %s' % value
    if kind is None or port is not None:
        return 'must not have a port'
    return None


def host_with_optional_port(value):
    """typedefs.lua ``host_with_optional_port``."""
    kind, error = normalize_ip(value)
    return error if kind is None else None


def wildcard_host(value):
    """typedefs.lua ``wildcard_host`` (SNI names, certificate ``snis``): one leading or trailing ``*``, a name, no port."""
    if '*' in value:
        if value.count('*') > 1:
            return 'only one wildcard must be specified'
        if value.find('*') not in (0, len(value) - 1):
            return 'wildcard must be leftmost or rightmost character'
        value = value.replace('*', 'wildcard')
    kind, port = normalize_ip(value)
    if kind is None and port != 'invalid port number':
        return 'invalid value: %s' % value
    if kind not in (None, 'name'):
        return 'must not be an IP'
    if kind is None or port is not None:
        return 'must not have a port'
    return None


def route_host(value):
    """typedefs.lua ``hosts``: at most one wildcard, leftmost or rightmost label; a host with an optional port."""
    if value.count('*') > 1:
        return 'invalid wildcard: must have at most one wildcard'
    if '*' in value and not (value.startswith('*.') or value.endswith('.*')):
        return 'invalid wildcard: must be placed at leftmost or rightmost label'
    return host_with_optional_port(value.replace('*', 'abc'))


def upstream_name(value):
    """upstreams.lua ``validate_name``: a host name, no IP address, no port."""
    kind, port = normalize_ip(value)
    if kind is None:
        return "Invalid name ('%s'); must be a valid hostname" % value
    if kind != 'name':
        return "Invalid name ('%s'); no ip addresses allowed" % value
    if port is not None:
        return "Invalid name ('%s'); no port allowed" % value
    return None


def target(value):
    """targets.lua ``validate_target``: a host name or IP address, with an optional port."""
    kind, _port = normalize_ip(value)
    return "Invalid target ('%s'); not a valid hostname or ip address" % value if kind is None else None


def percent_encoding(path):
    """typedefs.lua validate_path: every ``%`` starts a ``%XX`` triplet."""
    raw = re.sub(r'%[0-9A-Fa-f]{2}', '___', path)
    if '%' in raw:
        return "invalid url-encoded value: '%s'" % raw[raw.index('%'):raw.index('%') + 3]
    return None


def service_path(value):
    """typedefs.lua ``path``: starts with ``/``, no empty segment, RFC 3986 characters, valid percent-encoding."""
    if not value.startswith('/'):
        return 'should start with: /'
    if '//' in value:
        return 'must not have empty segments'
    if not RFC3986_PATH.match(value):
        return "invalid path: '%s' (characters outside of the reserved list of RFC 3986 found)" % value
    return percent_encoding(value)


def router_path(value):
    """typedefs.lua ``router_path`` (validate_path_with_regexes): ``/`` or ``~/``, no empty segment, valid
    percent-encoding; a prefix path must be normalized (uri.lua), a regex path must compile (PCRE in Kong)."""
    if not (value.startswith('/') or value.startswith('~/')):
        return 'should start with: / (fixed path) or ~/ (regex path)'
    if '//' in value:
        return 'must not have empty segments'
    error = percent_encoding(value)
    if error:
        return error
    if not value.startswith('~'):
        normalized = normalize_uri(value)
        return None if normalized == value else "non-normalized path, consider use '%s' instead" % normalized
    # PCRE's named groups (?<name>...) are Python's (?P<name>...); lookbehinds (?<= (?<! stay.
    pattern = re.sub(r'\(\?<(?![=!])', '(?P<', value[1:])
    try:
        re.compile(pattern)
    except re.error as exc:
        return "invalid regex: '%s' (PCRE returned: %s)" % (value[1:], exc)
    return None


def normalize_uri(uri):
    """uri.lua ``normalize(uri, true)``: decode percent-encoded non-reserved characters (reserved ones upper-cased),
    remove dot segments, merge slashes."""
    def decode(match):
        char = chr(int(match.group(1), 16))
        return match.group(0).upper() if char in URI_RESERVED else char
    uri = re.sub(r'%([0-9A-Fa-f]{2})', decode, uri)
    output = []
    while uri:
        if uri in ('/.', '/..'):
            if uri == '/..' and output:
                output.pop()
            uri = '/'
        elif uri in ('.', '..'):
            uri = ''
        elif uri.startswith('../'):
            uri = uri[3:]
        elif uri.startswith('./'):
            uri = uri[2:]
        elif uri.startswith('/./'):
            uri = uri[2:]
        elif uri.startswith('/../'):
            uri = uri[3:]
            if output:
                output.pop()
        elif uri.startswith('//'):
            uri = uri[1:]
        else:
            cut = uri.find('/', 1)
            output.append(uri if cut < 0 else uri[:cut])
            uri = '' if cut < 0 else uri[cut:]
    return ''.join(output)


def http_method(value):
    """typedefs.lua ``http_method``: ``match = "^%u+$"`` (upper-case letters only)."""
    return None if re.match(r'^[A-Z]+$', value) else 'invalid value: %s' % value


def tag(value):
    """typedefs.lua ``validate_tag``: printable ASCII and space except ``,`` and ``/``, or non-ASCII UTF-8;
    Konnect: 1-128 characters."""
    if not value:
        return 'length must be >= 1, but got 0'
    if len(value) > MAX_TAG_LENGTH:
        return 'length must be <= %d, but got %d' % (MAX_TAG_LENGTH, len(value))
    if any(char in ',/' or (char.isascii() and not 32 <= ord(char) <= 126) for char in value):
        return "invalid tag '%s': expected printable ascii (except `,` and `/`) or valid utf-8 sequences" % value
    return None


def words_of(value, allowed, unicode_letters):
    """Konnect's ``^[chars]+(?: [chars]+)*$``: words of allowed characters separated by single spaces."""
    def ok(char):
        if unicode_letters and (char.isalpha() or char.isnumeric()):
            return True
        return char.isascii() and char.isalnum() or char in allowed
    return all(word and all(ok(char) for char in word) for word in value.split(' '))


def consumer_username(value):
    """Konnect (kong-operator#773): < 128 characters, letters, digits and ``. - _ ~ + @ / [ ]``, single inner spaces."""
    if len(value) > MAX_CONSUMER_NAME_LENGTH:
        return 'length must be <= %d, but got %d' % (MAX_CONSUMER_NAME_LENGTH, len(value))
    if not words_of(value, USERNAME_CHARS, unicode_letters=True):
        return "must match pattern '^[\\p{L}\\p{N}.\\-_~+@/\\[\\]]+(?: [\\p{L}\\p{N}.\\-_~+@/\\[\\]]+)*$'"
    return None


def consumer_custom_id(value):
    """Konnect (kong-operator#773): ASCII alphanumerics and ``. - _ ~ ( ) # % @ | + [ ]``, single inner spaces."""
    if len(value) > MAX_CONSUMER_NAME_LENGTH:
        return 'length must be <= %d, but got %d' % (MAX_CONSUMER_NAME_LENGTH, len(value))
    if not words_of(value, CUSTOM_ID_CHARS, unicode_letters=False):
        return "must match pattern '^[0-9a-zA-Z.\\-_~\\(\\)#%@|+\\[\\]]+(?: [0-9a-zA-Z.\\-_~\\(\\)#%@|+\\[\\]]+)*$'"
    return None


def consumer_group_name(value):
    """Konnect (kong-operator#773): < 128 characters, letters, digits and ``. - _ ~``."""
    if len(value) > MAX_CONSUMER_NAME_LENGTH:
        return 'length must be <= %d, but got %d' % (MAX_CONSUMER_NAME_LENGTH, len(value))
    if not all(char.isalpha() or char.isnumeric() or char in GROUP_NAME_CHARS for char in value):
        return "must match pattern '^[\\p{N}\\p{L}.\\-_~]*$'"
    return None


def vault_prefix(value):
    """vaults.lua ``prefix``: ``not_one_of = VAULTS`` (the pattern is in facts.ENTITY_FACTS['Vault'])."""
    return 'must not be one of: %s' % ', '.join(VAULT_TYPES) if value in VAULT_TYPES else None


def route_protocols(value):
    """routes.lua ``protocols.mutually_exclusive_subsets``: the sets the protocols touch, in the order they appear."""
    touched = []
    for protocol in value:
        subset = next((s for s in PROTOCOL_SUBSETS if protocol in s), None)
        if subset is not None and subset not in touched:
            touched.append(subset)
    if len(touched) <= 1:
        return None
    return 'these sets are mutually exclusive: %s' % ', '.join(
        '(%s)' % ', '.join("'%s'" % p for p in PROTOCOL_ORDER if p in subset) for subset in touched)


# ---- which rule applies where ----------------------------------------------------------------------------

# Store key (entity schema name) -> {field: validator} for strings, {field + '[]': validator} for list items.
FIELD_RULES = {
    # services.lua: name = utf8_name, host = host, path = path (port: typedefs.port 0-65535 is in the spec)
    'Service': {'name': utf8_name, 'host': host, 'path': service_path},
    # routes.lua: name = utf8_name, methods = http_method set, hosts, paths = router_paths, snis = wildcard_host
    'Route': {'name': utf8_name, 'protocols': route_protocols, 'methods[]': http_method, 'hosts[]': route_host, 'paths[]': router_path,
              'snis[]': wildcard_host},
    # upstreams.lua: name = validate_name, host_header = host_with_optional_port
    'Upstream': {'name': upstream_name, 'host_header': host_with_optional_port},
    # targets.lua: target = validate_target
    'Target': {'target': target},
    # Konnect's consumer and consumer-group patterns (kong-operator#773)
    'Consumer': {'username': consumer_username, 'custom_id': consumer_custom_id},
    'ConsumerGroup': {'name': consumer_group_name},
    # snis.lua: name = wildcard_host; certificates.lua: snis = array of wildcard_host
    'SNI': {'name': wildcard_host},
    'Certificate': {'snis[]': wildcard_host},
    # plugins.lua: instance_name = utf8_name
    'Plugin': {'instance_name': utf8_name},
    'Vault': {'prefix': vault_prefix},
}


def field_issues(store_key, data):
    """Issues of the record's fields: the entity's own rules, then ``tags`` (typedefs.lua ``tags``, on every entity)."""
    issues = []
    for spec, validate in FIELD_RULES.get(store_key, {}).items():
        field = spec[:-2] if spec.endswith('[]') else spec
        value = data.get(field)
        if spec.endswith('[]'):
            for index, item in enumerate(value if isinstance(value, list) else []):
                message = validate(item) if isinstance(item, str) else None
                if message:
                    issues.append(Issue('%s[%d]' % (field, index), 'invalid', message))
        elif isinstance(value, str) or (spec == 'protocols' and isinstance(value, list)):
            message = validate(value)
            if message:
                issues.append(Issue(field, 'invalid', message))
    issues.extend(tag_issues(data.get('tags')))
    return issues


def tag_issues(tags):
    if not isinstance(tags, list):
        return []
    if len(tags) > MAX_TAGS:
        return [Issue('tags', 'max_items', 'maximum %d items required, but found %d items' % (MAX_TAGS, len(tags)))]
    issues = []
    for index, value in enumerate(tags):
        message = tag(value) if isinstance(value, str) else None
        if message:
            issues.append(Issue('tags[%d]' % index, 'invalid', message))
    return issues


def route_entity_messages(data):
    """routes_subschemas.lua: what each protocol family needs or forbids (its ``conditional_at_least_one_of``
    and ``no_*`` fields). grpc's ``strip_path`` rule is left out: the spec defaults ``strip_path`` to true."""
    protocols = set(data.get('protocols') or ())
    if not protocols or data.get('expression') or protocols & {'ws', 'wss'}:
        return []  # ws/wss: Kong Gateway Enterprise's subschema is not public (README, "What we do not know")

    def set_fields(names):
        return [name for name in names if data.get(name) not in (None, [], {}, '')]

    def one_of(names):
        return ', '.join("'%s'" % name for name in names)
    if protocols & {'http', 'https'}:
        secure = 'https' in protocols
        wanted = ['methods', 'hosts', 'headers', 'paths'] + (['snis'] if secure else [])
        messages = ["cannot set '%s' when 'protocols' is 'http' or 'https'" % name for name in set_fields(['sources', 'destinations'])]
        if not set_fields(wanted):
            messages.append("must set one of %s when 'protocols' is '%s'" % (one_of(wanted), 'https' if secure else 'http'))
        return messages
    if protocols & {'grpc', 'grpcs'}:
        wanted = ['hosts', 'headers', 'paths'] + (['snis'] if 'grpcs' in protocols else [])
        messages = ["cannot set '%s' when 'protocols' is 'grpc' or 'grpcs'" % name for name in set_fields(['methods', 'sources', 'destinations'])]
        if not set_fields(wanted):
            messages.append("must set one of %s when 'protocols' is '%s'" % (one_of(wanted), 'grpcs' if 'grpcs' in protocols else 'grpc'))
        return messages
    messages = ["cannot set '%s' when 'protocols' is 'tcp', 'tls', 'tls_passthrough' or 'udp'" % name
                for name in set_fields(['methods', 'hosts', 'paths', 'headers'])]
    if 'tls_passthrough' in protocols:
        if not set_fields(['snis']):
            messages.append("must set snis when 'protocols' is 'tls_passthrough'")
    elif not set_fields(['sources', 'destinations', 'snis']):
        messages.append("must set one of 'sources', 'destinations', 'snis' when 'protocols' is 'tcp', 'tls' or 'udp'")
    return messages


def check(store_key, data):
    """Raise Konnect's 400 for the first kind of violation found: field rules, then route entity checks."""
    issues = field_issues(store_key, data)
    if issues:
        raise validation_error(issues)
    if store_key == 'Route':
        messages = route_entity_messages(data)
        if messages:
            raise entity_error(messages)
