# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""An AWX custom credential type, checked and injected the way AWX does it.

AWX accepts a custom credential type when its ``inputs`` and ``injectors`` have the documented
shape, no injected variable may change Ansible's configuration, and every template names only
defined fields. When a job runs, AWX renders each ``env`` injector in an immutable Jinja sandbox
with the credential's non-empty inputs: a field left empty renders as an empty string.
"""

from __future__ import annotations

import re

import jsonschema
import yaml
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

NAME = r'^[a-zA-Z_]+[a-zA-Z0-9_]*$'

# The shape AWX's CredentialTypeInputField and CredentialTypeInjectorField accept.
INPUTS_SCHEMA = {
    'type': 'object',
    'additionalProperties': False,
    'properties': {
        'required': {'type': 'array', 'items': {'type': 'string'}},
        'fields': {
            'type': 'array',
            'items': {
                'type': 'object',
                'additionalProperties': False,
                'required': ['id', 'label'],
                'properties': {
                    'id': {'type': 'string', 'pattern': NAME},
                    'label': {'type': 'string'},
                    'type': {'enum': ['string', 'boolean']},
                    'format': {'enum': ['ssh_private_key', 'url']},
                    'choices': {'type': 'array', 'minItems': 1, 'items': {'type': 'string'}, 'uniqueItems': True},
                    'help_text': {'type': 'string'},
                    'multiline': {'type': 'boolean'},
                    'secret': {'type': 'boolean'},
                    'ask_at_runtime': {'type': 'boolean'},
                    'default': {},
                },
            },
        },
    },
}
INJECTORS_SCHEMA = {
    'type': 'object',
    'additionalProperties': False,
    'properties': {
        'file': {'type': 'object', 'patternProperties': {r'^template(\.[a-zA-Z_]+[a-zA-Z0-9_]*)?$': {'type': 'string'}},
                 'additionalProperties': False},
        'env': {'type': 'object', 'patternProperties': {NAME: {'type': 'string', 'pattern': '^[\x00-\x7F]*$'}},
                'additionalProperties': False},
        'extra_vars': {'type': 'object', 'patternProperties': {NAME: {'type': 'string'}}, 'additionalProperties': False},
    },
}
# Besides ANSIBLE_*, AWX refuses injected variables that it sets for the job itself or that change how Python runs.
BLOCKED_ENV = {'PATH', 'PYTHONPATH', 'VIRTUAL_ENV', 'JOB_ID', 'INVENTORY_ID', 'PROJECT_REVISION', 'MAX_EVENT_RES', 'AWX_HOST'}


def load(path):
    with open(path, encoding='utf-8') as handle:
        return yaml.safe_load(handle)


def problems(credential_type):
    """Why AWX would refuse this credential type (an empty list when it would accept it)."""
    found = []
    for key in ('inputs', 'injectors'):
        schema = INPUTS_SCHEMA if key == 'inputs' else INJECTORS_SCHEMA
        for error in jsonschema.Draft7Validator(schema).iter_errors(credential_type.get(key, {})):
            found.append('%s%s: %s' % (key, ''.join('[%r]' % part for part in error.absolute_path), error.message))
    if credential_type.get('kind') not in ('cloud', 'net'):
        found.append('kind: custom credential types are "cloud" or "net", not %r' % credential_type.get('kind'))
    fields = credential_type.get('inputs', {}).get('fields', [])
    found.extend(_field_problems(fields, credential_type.get('inputs', {}).get('required', [])))
    found.extend(_injector_problems(credential_type.get('injectors', {}), dict((field['id'], 'EXAMPLE') for field in fields)))
    return found


def _field_problems(fields, required):
    found = []
    ids = [field.get('id') for field in fields]
    for field in fields:
        kind = field.get('type', 'string')
        if 'default' in field and not isinstance(field['default'], {'string': str, 'boolean': bool}[kind]):
            found.append('field %s: default %r is not a %s' % (field['id'], field['default'], kind))
        if 'choices' in field and 'default' in field and field['default'] not in field['choices']:
            found.append('field %s: default %r is not one of its choices' % (field['id'], field['default']))
    found.extend('field ids must be unique: %s' % name for name in sorted(set(name for name in ids if ids.count(name) > 1)))
    found.extend('required names no field: %s' % name for name in required if name not in ids)
    return found


def _injector_problems(injectors, namespace):
    found = []
    for name in injectors.get('env', {}):
        if name.startswith('ANSIBLE_') or name in BLOCKED_ENV:
            found.append('env %s: AWX does not allow it in credentials' % name)
    strict = ImmutableSandboxedEnvironment(undefined=StrictUndefined)
    for kind, templates in injectors.items():
        for name, template in templates.items():
            try:
                strict.from_string(template).render(namespace)
            except TemplateError as error:
                found.append('%s %s: %s' % (kind, name, error))
    return found


def injected_env(credential_type, inputs):
    """The environment variables a job gets from a credential with these inputs."""
    namespace = dict((name, value) for name, value in inputs.items() if isinstance(value, bool) or len(value))
    for field in credential_type['inputs'].get('fields', []):
        if field.get('type') == 'boolean' and field['id'] not in inputs:
            namespace[field['id']] = False
    sandbox = ImmutableSandboxedEnvironment()
    return dict((name, sandbox.from_string(template).render(**namespace))
                for name, template in credential_type['injectors'].get('env', {}).items())


# How AWX masks a job's environment before it keeps it (the job's ``job_env``): a variable whose name
# looks secret is hidden, Ansible's own settings are kept, a password in a URL is hidden.
MASK = '**********'
SECRET_NAME = re.compile(r'API|TOKEN|KEY|SECRET|PASS', re.I)
URL_PASSWORD = re.compile(r'^.*?://[^:]+:(.*?)@.*?$')


def masked_env(env):
    """The job's environment as AWX stores and shows it."""
    masked = {}
    for name, value in env.items():
        if name.startswith('ANSIBLE_') and not name.startswith(('ANSIBLE_NET', 'ANSIBLE_GALAXY_SERVER')):
            masked[name] = value
        elif SECRET_NAME.search(name):
            masked[name] = MASK
        elif isinstance(value, str) and URL_PASSWORD.match(value):
            masked[name] = URL_PASSWORD.sub(MASK, value)
        else:
            masked[name] = value
    return masked


def secret_fields(credential_type):
    return [field['id'] for field in credential_type['inputs'].get('fields', []) if field.get('secret')]


def env_names(credential_type):
    return sorted(credential_type['injectors'].get('env', {}))
