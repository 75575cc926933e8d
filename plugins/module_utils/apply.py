# -*- coding: utf-8 -*-
# Copyright (c) 2026, konnect.konnect contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``apply`` module: check an organization document, then converge it with the planner."""

from __future__ import annotations

import json
import os

from ansible_collections.konnect.konnect.plugins.module_utils import deck, plugin_config
from ansible_collections.konnect.konnect.plugins.module_utils.decide import secret_values as decide_secret_values
from ansible_collections.konnect.konnect.plugins.module_utils.client import regional_clients
from ansible_collections.konnect.konnect.plugins.module_utils.documents import OrgDocument, write_token
from ansible_collections.konnect.konnect.plugins.module_utils.entities import all_entities, get_entity
from ansible_collections.konnect.konnect.plugins.module_utils.errors import KonnectError, KonnectParameterError
from ansible_collections.konnect.konnect.plugins.module_utils.org_document import document_problems, plain, secret_values
from ansible_collections.konnect.konnect.plugins.module_utils.planner import Planner
from ansible_collections.konnect.konnect.plugins.module_utils.runner import (
    CONNECTION_RULES, CONNECTION_SPEC, SECRET_VALUES, refuse_misplaced_values, run_as_module,
)

ROOT = 'konnect_org'


class ApplyTask(object):
    """What the module and the in-process action plugin call: validate everything, then plan and converge."""

    def module_kwargs(self):
        spec = dict(CONNECTION_SPEC)
        spec.update(
            document=dict(type='dict'),
            src=dict(type='path'),
            prune=dict(type='bool', default=False),
            parallelism=dict(type='int', default=10),
        )
        rules = dict((name, list(value)) for name, value in CONNECTION_RULES.items())
        rules['mutually_exclusive'].append(('document', 'src'))
        rules['required_one_of'] = [('document', 'src')]
        return dict(argument_spec=spec, supports_check_mode=True, **rules)

    def execute(self, params, check_mode=False, diff_mode=False, warn=None, progress=None):
        """Converge; whatever happens, the result (or the error) carries the document's secrets, for masking."""
        secrets = secret_values(params.get('document') or {})
        refuse_misplaced_values(self.module_kwargs()['argument_spec'], params)
        try:
            result = self.converge(params, check_mode, diff_mode, warn, progress, secrets)
        except KonnectError as exc:
            exc.details[SECRET_VALUES] = sorted(set(secrets), key=str)
            raise
        result[SECRET_VALUES] = sorted(set(secrets), key=str)
        return result

    def converge(self, params, check_mode, diff_mode, warn, progress, secrets):
        """Check the document, plan and write; ``secrets`` grows with every secret value found on the way."""
        document = self.document(params)
        secrets.extend(secret_values(document))
        if params.get('parallelism') is not None and params['parallelism'] < 1:
            raise KonnectParameterError('parallelism: must be 1 or more, got %d.' % params['parallelism'])
        decks, deck_secrets = self.decks(document)
        secrets.extend(deck_secrets)
        org = OrgDocument(document, decks)
        if params.get('prune'):
            org.prune = True
        org.build()
        catalogue = all_entities()
        secrets.extend(value for node in org.nodes if node.name in catalogue for value in catalogue[node.name].secrets_inside(node.params))
        clients = regional_clients(params, set(node.region for node in org.nodes), warn, pool_size=params.get('parallelism') or 10)
        check_plugins(org.nodes, clients)
        planner = Planner(org.nodes, clients, get_entity, check_mode=check_mode, diff_mode=diff_mode, parallelism=params.get('parallelism'),
                          prune=org.scopes, progress=progress, prepare=org.prepare,
                          after_write=lambda node: write_token(node, check_mode), options=connection_options(params))
        planner.run()
        if not check_mode:
            warn_lost_tokens(org.nodes, warn or (lambda message: None))
        outcome = planner.outcome()
        result = dict(changed=bool(outcome['changes']), summary=outcome['summary'], changes=outcome['changes'], ids=outcome['ids'])
        if diff_mode:
            result['diff'] = outcome['diff']
        secrets.extend(node_secrets(org.nodes))
        return result

    def document(self, params):
        """The document, from ``document`` or the file ``src``, checked against the schema and its references."""
        if params.get('src'):
            document = read_file(params['src'], 'src')
        else:
            document = params['document']
        document = plain(document)
        if isinstance(document, dict) and ROOT in document and 'managed_by' not in document:
            document = document[ROOT]  # a vars file, as the role's example is written
        problems = document_problems(document, ROOT)
        if problems:
            raise KonnectParameterError('%s is not valid (%d problems); nothing was changed: %s' % (ROOT, len(problems), ' '.join(problems)),
                                        problems=problems)
        return document

    @staticmethod
    def decks(document):
        """The decK files of the control planes that give one, each checked (every problem of every file at once)."""
        decks, problems, secrets = {}, [], []
        for index, control_plane in enumerate(document.get('control_planes') or []):
            source = control_plane.get('gateway', control_plane.get('gateway_file'))
            if source is None:
                continue
            label = '%s.control_planes[%d].%s' % (ROOT, index, 'gateway' if 'gateway' in control_plane else 'gateway_file')
            try:
                loaded = deck.load(source, os.environ, label)
            except deck.DeckError as exc:
                problems.extend(exc.details.get('problems') or [exc.msg])
                continue
            decks[index] = {'sections': loaded.sections, 'select_tags': loaded.select_tags}
            secrets.extend(loaded.secrets)
        if problems:
            raise KonnectParameterError('%s is not valid (%d problems); nothing was changed: %s' % (ROOT, len(problems), ' '.join(problems)),
                                        problems=problems)
        return decks, secrets

    def returns_secret(self, result):
        return False

    def main(self):
        run_as_module(self)


def check_plugins(nodes, clients):
    """Every plugin of the document (decK files included) against its plugin's schema, before anything is written."""
    problems = plugin_config.document_problems(nodes, lambda node: custom_plugin_facts(node, clients[node.region]))
    if problems:
        problems = [problem if problem.endswith('.') else problem + '.' for problem in problems]
        raise KonnectParameterError('%s is not valid (%d problems); nothing was changed: %s' % (ROOT, len(problems), ' '.join(problems)),
                                    problems=problems)


def custom_plugin_facts(node, client):
    """The facts of a plugin the document names but does not declare, from its control plane (reads only)."""
    control_plane = plugin_config.control_plane_of(node)
    if control_plane is None or not control_plane.params.get('name'):
        return None
    found = client.request('GET', '/v2/control-planes', params={'filter[name][eq]': control_plane.params['name']},
                           what="control plane '%s'" % control_plane.params['name']).body.get('data') or []
    if not found:
        return plugin_config.UNKNOWN  # created by this run: it has no custom plugin yet
    return plugin_config.read_custom_facts(client, found[0]['id'], node.params['name'])


def node_secrets(nodes):
    """The write-only values the document gives (keys, passwords, client secrets) and those Konnect answered once
    (minted tokens, generated client secrets): masked in every output, the task's own arguments included."""
    values = [str(node.extra['minted']) for node in nodes if node.extra.get('minted')]
    for node in nodes:
        if node.name == 'control_plane_membership':
            continue
        entity = get_entity(node.name)
        for name, value in decide_secret_values(entity, node.params).items():
            values.extend(str(item) for item in (value.values() if isinstance(value, dict) else [value]) if item not in (None, ''))
    return values


def warn_lost_tokens(nodes, warn):
    """A token Konnect has whose token_file does not exist: a run was interrupted after Konnect minted it (or the file
    was removed). Its secret cannot be read again and it is not minted twice behind the user's back: say how to replace it."""
    for node in nodes:
        path = node.extra.get('token_file')
        if path and node.current and not node.extra.get('minted') and not os.path.exists(path):
            warn('%s (%s): Konnect has this token, but its token_file %s does not exist: its secret is lost if a run was '
                 'interrupted after Konnect minted it, and Konnect never shows it again. It was not minted a second time; to '
                 'replace it, delete the token (konnect.konnect.system_account_access_token with state: absent) and apply again.'
                 % (node.path, node.label, path))


def connection_options(params):
    return dict((name, params.get(name)) for name in ('max_retries',))


def read_file(path, option):
    """A YAML or JSON file on the controller."""
    try:
        with open(path) as handle:
            text = handle.read()
    except (IOError, OSError) as exc:
        raise KonnectParameterError('%s: cannot read %s: %s.' % (option, path, exc.strerror or exc))
    try:
        if deck.yaml is None:
            return json.loads(text)
        return deck.yaml.load(text, Loader=deck.SAFE_LOADER)  # nosec: a safe loader, libyaml's when there is one
    except ValueError as exc:
        raise KonnectParameterError('%s: %s is not valid JSON: line %s.' % (option, path, getattr(exc, 'lineno', '?')))
    except deck.yaml.YAMLError as exc:
        # Where and what, not str(exc): that quotes the offending line, which may hold a secret.
        mark = getattr(exc, 'problem_mark', None)
        where = '%s, line %d,' % (path, mark.line + 1) if mark else path
        raise KonnectParameterError('%s: %s is not valid YAML: %s' % (option, where, getattr(exc, 'problem', None) or 'cannot parse'))
