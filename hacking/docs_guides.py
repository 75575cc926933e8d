#!/usr/bin/env python
"""Write the guides of the documentation site (docs/docsite/rst/*.rst) from the guides users know.

The guides stay where users know them: the example playbooks ``docs/*.yml``, the AWX guide ``docs/awx/README.md``
and the role's ``roles/org_bootstrap/README.md``. antsibull-docs only takes reStructuredText extra docs
(``docs/docsite/extra-docs.yml`` names them), so this script writes one page per guide from its source:

* a playbook: its header comment (what it does, how to run it) as text, then the playbook itself;
* a Markdown guide: converted to reStructuredText (the Markdown these guides use: headings, paragraphs, lists, tables,
  fenced code, inline code, bold and italics).

The pages are committed (Galaxy and docs.ansible.com read them from the collection); ``--check`` fails when one of
them is not what this script would write now (`make docs` runs it), so a guide and its page cannot drift apart.

Usage: hacking/docs_guides.py [--check]
"""

from __future__ import annotations

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RST_DIR = os.path.join('docs', 'docsite', 'rst')
EXTRA_DOCS = os.path.join('docs', 'docsite', 'extra-docs.yml')
LABEL_PREFIX = 'ansible_collections.konnect.konnect.docsite.'

# (page name, source file, kind), in the order of the site's table of contents.
GUIDES = [
    ('org_bootstrap', 'roles/org_bootstrap/README.md', 'markdown'),
    ('org_example', 'docs/org.example.yml', 'playbook'),
    ('publish_api', 'docs/publish_api.yml', 'playbook'),
    ('onboard_team', 'docs/onboard_team.yml', 'playbook'),
    ('dataplane_kong_conf', 'docs/dataplane_kong_conf.yml', 'playbook'),
    ('developer_self_service', 'docs/developer_self_service.yml', 'playbook'),
    ('awx', 'docs/awx/README.md', 'markdown'),
]
GENERATED = '..\n  Written by hacking/docs_guides.py from {source}: edit that file, then run the script.\n\n'


# ---------------------------------------------------------------------------- inline text
def escape(text: str) -> str:
    """Escape what reStructuredText would read as markup in plain text."""
    return re.sub(r'([\\*`_|])', r'\\\1', text)


def literal(code: str, before: str, after: str) -> str:
    """An inline literal, separated from adjacent word characters as reStructuredText requires."""
    lead = '\\ ' if before and (before.isalnum() or before in ')]') else ''
    tail = '\\ ' if after and (after.isalnum() or after in '([') else ''
    return '%s``%s``%s' % (lead, code, tail)


def inline(text: str) -> str:
    """Convert Markdown inline markup (code spans, bold, italics, links) to reStructuredText."""
    out = []
    pos = 0
    for match in re.finditer(r'`([^`]+)`', text):
        out.append(emphasis(text[pos:match.start()]))
        before = text[match.start() - 1] if match.start() else ''
        after = text[match.end()] if match.end() < len(text) else ''
        out.append(literal(match.group(1), before, after))
        pos = match.end()
    out.append(emphasis(text[pos:]))
    return ''.join(out)


def emphasis(text: str) -> str:
    """Plain text with **bold**, *italics* and [links](url): escape the rest."""
    parts = re.split(r'(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\[[^\]]+\]\([^)]+\))', text)
    out = []
    for part in parts:
        link = re.fullmatch(r'\[([^\]]+)\]\(([^)]+)\)', part)
        if link:
            out.append('`%s <%s>`__' % (link.group(1).replace('`', ''), link.group(2)))
        elif part.startswith('**') and part.endswith('**') and len(part) > 4:
            out.append('**%s**' % escape(part[2:-2]))
        elif part.startswith('*') and part.endswith('*') and len(part) > 2:
            out.append('*%s*' % escape(part[1:-1]))
        else:
            out.append(escape(part))
    return ''.join(out)


def title_block(text: str, char: str) -> list[str]:
    """A section title underlined with char."""
    return [text, char * max(len(text), 3), '']


# ---------------------------------------------------------------------------- Markdown guides
def table_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a pipe table (the separator row left out)."""
    rows = []
    for line in lines:
        cells = [cell.strip() for cell in re.split(r'(?<!\\)\|', line.strip().strip('|'))]
        if all(re.fullmatch(r':?-+:?', cell) for cell in cells if cell):
            continue
        rows.append(cells)
    return rows


def list_table(lines: list[str]) -> list[str]:
    """A Markdown pipe table as a list-table (its first row is the header)."""
    rows = table_rows(lines)
    out = ['.. list-table::', '   :header-rows: 1', '']
    for row in rows:
        for index, cell in enumerate(row):
            out.append('   %s %s' % ('* -' if index == 0 else '  -', inline(cell)) if cell else
                       '   %s' % ('* -' if index == 0 else '  -'))
    return out + ['']


def markdown_to_rst(source: str, label: str) -> str:
    """Convert one of our Markdown guides to reStructuredText; its first heading becomes the page title."""
    lines = source.splitlines()
    out = ['.. _%s:' % label, '']
    underline = {1: '=', 2: '-', 3: '^', 4: '~'}
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = re.match(r'^(\s*)```(\w*)\s*$', line)
        heading = re.match(r'^(#{1,4})\s+(.*)$', line)
        if fence:
            indent, language = fence.group(1), fence.group(2) or 'text'
            out += ['%s.. code-block:: %s' % (indent, {'bash': 'console'}.get(language, language)), '']
            index += 1
            while index < len(lines) and not re.match(r'^\s*```\s*$', lines[index]):
                code = lines[index][len(indent):] if lines[index].startswith(indent) else lines[index].lstrip()
                out.append(('%s   %s' % (indent, code)).rstrip())
                index += 1
            out.append('')
        elif heading:
            out += title_block(inline(heading.group(2).strip()), underline[len(heading.group(1))])
        elif line.lstrip().startswith('|'):
            table = []
            while index < len(lines) and lines[index].lstrip().startswith('|'):
                table.append(lines[index])
                index += 1
            out += list_table(table)
            continue
        else:
            out.append(inline(line).rstrip())
        index += 1
    return '\n'.join(out).rstrip() + '\n'


# ---------------------------------------------------------------------------- playbooks
def split_header(source: str) -> tuple[list[str], str]:
    """The leading comment of a playbook (without '# ') and the rest of the file."""
    lines = source.splitlines()
    index = 1 if lines and lines[0].strip() == '---' else 0
    header = []
    while index < len(lines) and lines[index].startswith('#'):
        header.append(lines[index][2:] if lines[index].startswith('# ') else lines[index][1:])
        index += 1
    return header, source


def header_paragraphs(header: list[str]) -> list[list[str]]:
    """The comment's paragraphs (split at empty comment lines)."""
    paragraphs, current = [], []
    for line in header:
        if line.strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def paragraph_rst(paragraph: list[str]) -> list[str]:
    """A paragraph of the header: commands (every line indented) as a console block, prose as a line block."""
    commands = any(re.match(r'^\s*(export |ansible|[A-Z_]+=)', line) for line in paragraph)
    if commands and all(line.startswith('  ') for line in paragraph):
        return ['.. code-block:: console', ''] + ['   ' + line.strip() for line in paragraph] + ['']
    if all(line.startswith('  ') for line in paragraph):  # a list under the title line, say: no indentation needed
        paragraph = [line.strip() for line in paragraph]
    out = []
    for line in logical_lines(paragraph):
        stripped = line.lstrip(' ')
        out.append('| %s%s' % (' ' * (len(line) - len(stripped)), inline(stripped)))
    return out + ['']


def logical_lines(paragraph: list[str]) -> list[str]:
    """Join the lines a comment wrapped; a list item, a command (indented by 5 or more) and what follows one start anew."""
    joined: list[str] = []
    previous_command = True
    for line in paragraph:
        command = len(line) - len(line.lstrip(' ')) >= 5
        if not joined or command or previous_command or re.match(r'^\s*(\d+\.|-|\*)\s', line):
            joined.append(line.rstrip())
        else:
            joined[-1] += ' ' + line.strip()
        previous_command = command
    return joined


def playbook_title(header: list[str], path: str) -> tuple[str, list[str]]:
    """The page title (the header's first sentence, up to its colon or full stop) and the header without it."""
    first = header[0].strip() if header else os.path.basename(path)
    match = re.match(r'^(.*?)[:.](?:\s+|$)(.*)$', first)
    if match and match.group(1):
        rest = [match.group(2)[:1].upper() + match.group(2)[1:]] if match.group(2) else []
        return match.group(1), rest + header[1:]
    return first, header[1:]


def playbook_to_rst(source: str, path: str, label: str) -> str:
    """A page for an example playbook: what it does and how to run it, then the playbook."""
    header, text = split_header(source)
    title, rest = playbook_title(header, path)
    out = ['.. _%s:' % label, ''] + title_block(escape(title), '=')
    out += ['The example playbook ``%s`` of the collection (in its source repository and in the collection tarball).' % path, '']
    for paragraph in header_paragraphs(rest):
        out += paragraph_rst(paragraph)
    out += title_block('The playbook', '-')
    out += ['.. code-block:: yaml+jinja', '']
    out += [('   ' + line).rstrip() for line in text.splitlines()]
    return '\n'.join(out).rstrip() + '\n'


# ---------------------------------------------------------------------------- pages and index
def expected_files() -> dict[str, str]:
    """Relative path -> content of every file this script writes."""
    files = {}
    for name, source, kind in GUIDES:
        with open(os.path.join(ROOT, source), encoding='utf-8') as handle:
            text = handle.read()
        label = LABEL_PREFIX + name
        body = markdown_to_rst(text, label) if kind == 'markdown' else playbook_to_rst(text, source, label)
        files[os.path.join(RST_DIR, name + '.rst')] = GENERATED.format(source=source) + body
    toc = ''.join('      - %s\n' % name for name, _source, _kind in GUIDES)
    files[EXTRA_DOCS] = ('---\n# Written by hacking/docs_guides.py: the guides of the documentation site (make docs).\n'
                         'sections:\n  - title: Guides\n    toctree:\n' + toc)
    return files


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--check', action='store_true', help='fail when a page is missing or out of date; write nothing')
    args = parser.parse_args()
    files = expected_files()
    stale = []
    for relative, content in files.items():
        path = os.path.join(ROOT, relative)
        current = open(path, encoding='utf-8').read() if os.path.exists(path) else None
        if current == content:
            continue
        stale.append(relative)
        if not args.check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(content)
    rst_dir = os.path.join(ROOT, RST_DIR)
    extra = sorted(os.path.join(RST_DIR, name) for name in os.listdir(rst_dir)
                   if name.endswith('.rst') and os.path.join(RST_DIR, name) not in files) if os.path.isdir(rst_dir) else []
    if args.check:
        for relative in stale:
            print('%s is out of date: run hacking/docs_guides.py' % relative)
        for relative in extra:
            print('%s is not a guide this script writes: add it to GUIDES in hacking/docs_guides.py' % relative)
        print('guides: %d pages, %d out of date' % (len(files) - 1, len(stale) + len(extra)))
        return 1 if stale or extra else 0
    for relative in stale:
        print('wrote %s' % relative)
    return 0


if __name__ == '__main__':
    sys.exit(main())
