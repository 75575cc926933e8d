# Appended by hacking/build_docs.sh to the conf.py that `antsibull-docs sphinx-init` writes: what this site changes.
# (Not a module of its own: it runs inside conf.py, after antsibull-docs' settings.)
# pylint: disable=invalid-name,undefined-variable,redefined-builtin

import re

project = 'konnect.konnect'
copyright = 'the konnect.konnect maintainers'  # noqa: A001  (Sphinx's name for it)
title = 'konnect.konnect documentation'
html_short_title = 'konnect.konnect'
html_title = 'konnect.konnect documentation'

# The build works offline: intersphinx would try to download the inventories of docs.python.org, jinja and
# docs.ansible.com (and fail the -W build when it cannot). References to ansible-core's documentation that
# antsibull-docs writes into every page are resolved below to their address on docs.ansible.com instead.
intersphinx_mapping = {}

ANSIBLE_DOCS = 'https://docs.ansible.com/projects/ansible/devel/'
ANSIBLE_LABELS = {
    'common_return_values': 'reference_appendices/common_return_values.html#common-return-values',
    'ansible_configuration_settings': 'reference_appendices/config.html#ansible-configuration-settings',
    'playbooks_module_defaults': 'playbook_guide/playbooks_module_defaults.html#module-defaults',
    'check_mode_dry': 'playbook_guide/playbooks_checkmode.html#check-mode-dry',
    'collections_installing': 'collections_guide/collections_installing.html#collections-installing',
}


def _ansible_reference(app, env, node, contnode):
    """Resolve a :ref: to a label of ansible-core's documentation to its page on docs.ansible.com."""
    from docutils import nodes  # pylint: disable=import-outside-toplevel

    target = node.get('reftarget', '')
    if node.get('reftype') != 'ref' or target not in ANSIBLE_LABELS:
        return None
    reference = nodes.reference('', '', internal=False, refuri=ANSIBLE_DOCS + ANSIBLE_LABELS[target])
    text = node.astext() or contnode.astext()
    reference += nodes.inline(text, text)
    return reference


_OPTION_LABEL = re.compile(r'^ansible_collections\.([^.]+)\.([^.]+)\.([^.]+)__((?:parameter|return|attribute)-.+)$')


def _option_reference(app, env, node, contnode):
    """Resolve a reference to an option, return value or attribute (O(), RV(), ...) to its anchor in the HTML table.

    With use_html_blobs (see hacking/build_docs.sh) the option tables are HTML, where each row has the id
    'parameter-<path>' ('return-', 'attribute-'; a role's 'parameter-<entry point>--<path>'), but antsibull-docs' roles still ask for the RST label
    'ansible_collections.<ns>.<name>.<plugin>_<type>__parameter-<path>'. hacking/check_docs_site.py checks every
    resulting anchor."""
    from docutils import nodes  # pylint: disable=import-outside-toplevel

    match = _OPTION_LABEL.match(node.get('reftarget', '')) if node.get('reftype') == 'ref' else None
    if not match:
        return None
    docname = 'collections/%s/%s/%s' % match.group(1, 2, 3)
    if docname not in env.all_docs:
        return None
    uri = app.builder.get_relative_uri(node.get('refdoc'), docname) if docname != node.get('refdoc') else ''
    anchor = match.group(4).replace('__', '--') if docname.endswith('_role') else match.group(4)  # <entry point>--<option>
    reference = nodes.reference('', '', internal=True, refuri=uri + '#' + anchor)
    reference += contnode
    return reference


def _home_link(app, pagename, templatename, context, doctree):
    """The theme's logo links to documentation_home_url, '/' by default: the root of a web server, not of this site.
    Link it to the site's own start page instead, relative to each page, so the site also works from files."""
    context['theme_documentation_home_url'] = context['pathto'](app.config.root_doc)


def setup(app):
    """Register the resolver of ansible-core's labels and the relative home link."""
    app.connect('missing-reference', _ansible_reference)
    app.connect('missing-reference', _option_reference)
    app.connect('html-page-context', _home_link)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
