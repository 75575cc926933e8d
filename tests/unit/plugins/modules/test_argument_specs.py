# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The argument spec of every module, as ``EntityTask``/``InfoTask`` build it from the entity descriptions.

The spec is both what ``AnsibleModule`` validates on a target and what the action plugin validates in-process, so it
must build for every module, agree with the documentation (names, types, defaults, choices, suboptions: what
validate-modules checks in sanity, here in a second for the edit loop), and hold nothing that one path would treat
differently from the other (rules naming options that do not exist, password-like options without an explicit
``no_log``, which ``AnsibleModule`` warns about and the action plugin does not, deprecated aliases).
"""

from __future__ import annotations

import copy
import functools
import importlib
import os
import re

import yaml
from ansible.module_utils.basic import PASSWORD_MATCH
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, 'plugins', 'modules')) if name.endswith('.py') and not name.startswith('_'))
RULES = ('mutually_exclusive', 'required_together', 'required_one_of', 'required_if', 'required_by')


def load(name):
    return importlib.import_module('ansible_collections.konnect.konnect.plugins.modules.' + name)


def module_kwargs(name):
    return load(name).TASK.module_kwargs()


SafeLoader = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)


def parse(text):
    return yaml.load(text, Loader=SafeLoader)  # nosec: a safe loader, the C one when PyYAML has it


def documented_options(name):
    """The module's documented options, with those of its doc fragments (as ansible-doc merges them)."""
    doc = parse(load(name).DOCUMENTATION)
    options = {}
    for fragment in doc.get('extends_documentation_fragment') or []:
        options.update(copy.deepcopy(fragment_options(fragment)))
    options.update(doc.get('options') or {})
    return options


@functools.lru_cache(maxsize=None)
def fragment_options(reference):
    namespace, collection, fragment_and_variant = reference.split('.', 2)
    fragment, dummy, variant = fragment_and_variant.partition('.')
    module = importlib.import_module('ansible_collections.%s.%s.plugins.doc_fragments.%s' % (namespace, collection, fragment))
    text = getattr(module.ModuleDocFragment, (variant or 'documentation').upper())
    return (parse(text) or {}).get('options') or {}


def every_module(check):
    """``check(name)`` gives a list of problems for one module; all modules' problems, by module."""
    problems = dict((name, check(name)) for name in MODULES)
    return dict((name, found) for name, found in problems.items() if found)


def test_the_collection_has_modules():
    assert len(MODULES) > 100


def test_every_module_builds_its_spec_and_validates_with_it():
    def check(module):
        kwargs = module_kwargs(module)
        if kwargs.pop('supports_check_mode') is not True:
            return ['no check mode']
        spec = kwargs.pop('argument_spec')
        result = ArgumentSpecValidator(spec, **kwargs).validate({})  # with no arguments only missing options may be wrong
        return [error.msg for error in result.errors if type(error).__name__ not in MISSING_OPTION_ERRORS]
    assert every_module(check) == {}


MISSING_OPTION_ERRORS = ('RequiredError', 'RequiredOneOfError', 'RequiredIfError', 'RequiredTogetherError')


def test_the_spec_is_the_documentation():
    assert every_module(lambda module: compare(module_kwargs(module)['argument_spec'], documented_options(module), '')) == {}


def compare(spec, docs, prefix):
    problems = []
    for name in sorted(set(spec) - set(docs)):
        problems.append('%s%s is not documented' % (prefix, name))
    for name in sorted(set(docs) - set(spec)):
        problems.append('%s%s is documented but not an option' % (prefix, name))
    for name in sorted(set(spec) & set(docs)):
        option, doc = spec[name], docs[name] or {}
        where = prefix + name
        for key, spec_value, doc_value in (
                ('type', option.get('type', 'str'), doc.get('type', 'str')),
                ('required', bool(option.get('required')), bool(doc.get('required'))),
                ('default', option.get('default'), doc.get('default')),
                ('choices', sorted_or_none(option.get('choices')), sorted_or_none(doc.get('choices'))),
                ('elements', option.get('elements'), doc.get('elements')),
                ('aliases', sorted_or_none(option.get('aliases')), sorted_or_none(doc.get('aliases')))):
            if spec_value != doc_value:
                problems.append('%s: %s is %r in the spec, %r in the docs' % (where, key, spec_value, doc_value))
        if option.get('options') or doc.get('suboptions'):
            problems += compare(option.get('options') or {}, doc.get('suboptions') or {}, where + '.')
    return problems


def sorted_or_none(values):
    return sorted(values, key=str) if values else None


def test_rules_name_options_that_exist():
    """A rule naming an option the spec lacks never fires (or fails on a target only)."""
    assert every_module(rule_problems) == {}


def rule_problems(module):
    kwargs = module_kwargs(module)
    spec = kwargs['argument_spec']
    problems = []
    if not isinstance(kwargs.get('required_by', {}), dict):
        return ['required_by must be a dict (module_kwargs merges the other rules as lists)']
    for rule in RULES:
        entries = kwargs.get(rule) or []
        if rule == 'required_by':
            entries = [(key,) + ((values,) if isinstance(values, str) else tuple(values)) for key, values in dict(entries).items()]
        for entry in entries:
            names = [entry[0]] + list(entry[2]) if rule == 'required_if' else list(entry)
            unknown = sorted(set(names) - set(spec))
            if unknown:
                problems.append('%s %r names %s' % (rule, entry, ', '.join(unknown)))
            elif rule == 'required_if' and entry[1] not in (spec[entry[0]].get('choices') or [entry[1]]):
                problems.append('%s %r: %r is not a choice of %s' % (rule, entry, entry[1], entry[0]))
    return problems


def walk(spec, prefix=''):
    for name, option in spec.items():
        yield prefix + name, name, option
        if option.get('options'):
            yield from walk(option['options'], prefix + name + '.')


def options_where(test):
    """A check giving the options (dotted paths) of a module for which ``test(name, option)`` holds."""
    def check(module):
        return [path for path, name, option in walk(module_kwargs(module)['argument_spec']) if test(name, option)]
    return check


def test_password_like_options_say_whether_they_are_secret():
    """AnsibleModule warns 'Module did not set no_log for ...' on a target for these; the action plugin does not."""
    assert every_module(options_where(lambda name, option: PASSWORD_MATCH.search(name) and option.get('no_log') is None)) == {}


def test_no_alias_is_deprecated():
    """The action plugin relays alias warnings, not deprecations: a deprecated alias needs that first."""
    assert every_module(options_where(lambda name, option: option.get('deprecated_aliases') or option.get('removed_in_version')
                                      or option.get('removed_at_date'))) == {}


LOOKS_SECRET = re.compile(r'(^|_)(password|secret|token|private_key)($|_)')


def test_secret_looking_options_are_no_log_unless_said_otherwise():
    assert every_module(options_where(lambda name, option: LOOKS_SECRET.search(name) and option.get('type', 'str') in ('str', 'raw')
                                      and option.get('no_log') is None)) == {}


def test_the_comparison_sees_each_kind_of_difference():
    spec = {'a': {'type': 'int', 'default': 1}, 'b': {'type': 'dict', 'options': {'c': {'choices': ['x', 'y']}}}, 'd': {}}
    docs = {'a': {'type': 'int', 'default': 2}, 'b': {'type': 'dict', 'suboptions': {'c': {'choices': ['x']}}}, 'e': {}}
    assert compare(spec, docs, '') == [
        'd is not documented', 'e is documented but not an option', "a: default is 1 in the spec, 2 in the docs",
        "b.c: choices is ['x', 'y'] in the spec, ['x'] in the docs"]
