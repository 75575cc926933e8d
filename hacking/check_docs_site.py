#!/usr/bin/env python
"""Check the documentation site that hacking/build_docs.sh built.

* **Links**: every HTML page is parsed; every relative ``href``/``src`` (links, stylesheets, scripts, images) must
  name a file of the site, and a ``#fragment`` must name an ``id`` (or ``<a name>``) of the page it points to.
* **Pages**: one page per plugin of the collection (``plugins/modules/*.py`` and the plugins of every other documented
  type: inventory, lookup, filter, ...), per role with an argument spec, per guide of ``docs/docsite/extra-docs.yml``,
  and the changelog; each plugin page names its plugin (``konnect.konnect.<name>``).
* **Browser**: one module page is rendered in headless Chromium (Debian's package, ``/usr/bin/chromium``): its DOM
  must hold the module's title and a screenshot ``<site>/../screenshot-<page>.png`` is kept beside the build, a PNG of
  the window's size that is not blank. Without Chromium this check says that it skipped itself and does not fail.

Usage: hacking/check_docs_site.py [--site .build/docs/html] [--page control_plane_module]
"""

from __future__ import annotations

import argparse
import glob
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_TYPES = {  # directory under plugins/ -> the suffix of its pages
    'modules': 'module', 'inventory': 'inventory', 'lookup': 'lookup', 'filter': 'filter', 'test': 'test',
    'callback': 'callback', 'connection': 'connection', 'become': 'become', 'cache': 'cache', 'vars': 'vars',
    'strategy': 'strategy', 'cliconf': 'cliconf', 'httpapi': 'httpapi', 'netconf': 'netconf', 'shell': 'shell',
}
SIDECAR_ONLY = {'filter', 'test'}  # a .py file of these holds several plugins: each is documented by a .yml file
WINDOW = (1280, 1600)


class PageParser(html.parser.HTMLParser):
    """Collect the anchors (ids, names) and the links (href, src) of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors = set()
        self.links = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get('id'):
            self.anchors.add(values['id'])
        if tag == 'a' and values.get('name'):
            self.anchors.add(values['name'])
        for attribute in ('href', 'src'):
            if values.get(attribute) is not None and not (tag == 'a' and attribute == 'src'):
                self.links.append(values[attribute])

    def handle_data(self, data):
        self.text.append(data)


def parse_site(site: str) -> dict[str, PageParser]:
    """Every HTML page of the site, parsed, by its path relative to the site."""
    pages = {}
    for path in glob.glob(os.path.join(site, '**', '*.html'), recursive=True):
        parser = PageParser()
        with open(path, encoding='utf-8') as handle:
            parser.feed(handle.read())
        pages[os.path.relpath(path, site)] = parser
    return pages


def is_external(url: str) -> bool:
    """True for links that leave the site (another scheme or host) or need no file (mailto:, data:, ...)."""
    parts = urllib.parse.urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def check_links(site: str, pages: dict[str, PageParser]) -> tuple[int, list[str]]:
    """Resolve every internal link of every page; return (links checked, problems)."""
    checked, problems = 0, []
    for page, parser in sorted(pages.items()):
        for url in parser.links:
            if not url or is_external(url):
                continue
            checked += 1
            parts = urllib.parse.urlsplit(url)
            target = page if not parts.path else os.path.normpath(
                os.path.join(os.path.dirname(page), urllib.parse.unquote(parts.path)))
            if target.startswith('..'):
                problems.append('%s: %s leaves the site' % (page, url))
                continue
            full = os.path.join(site, target)
            if os.path.isdir(full):
                target, full = os.path.join(target, 'index.html'), os.path.join(full, 'index.html')
            if not os.path.isfile(full):
                problems.append('%s: %s: no such file' % (page, url))
            elif parts.fragment and target in pages and urllib.parse.unquote(parts.fragment) not in pages[target].anchors:
                problems.append('%s: %s: no anchor #%s in %s' % (page, url, parts.fragment, target))
    return checked, problems


def expected_pages(collection: str) -> dict[str, str]:
    """Page path (relative to the site) -> what it documents, from the checkout's plugins, roles and guides."""
    namespace, name = collection.split('.')
    base = os.path.join('collections', namespace, name)
    expected = {}
    for directory, suffix in PLUGIN_TYPES.items():
        patterns = ('*.yml', '*.yaml') if suffix in SIDECAR_ONLY else ('*.py', '*.yml', '*.yaml')
        for pattern in patterns:
            for path in glob.glob(os.path.join(ROOT, 'plugins', directory, pattern)):
                plugin = os.path.splitext(os.path.basename(path))[0]
                if plugin != '__init__':
                    expected[os.path.join(base, '%s_%s.html' % (plugin, suffix))] = '%s.%s (%s)' % (collection, plugin, suffix)
    for spec in glob.glob(os.path.join(ROOT, 'roles', '*', 'meta', 'argument_specs.y*ml')):
        role = os.path.basename(os.path.dirname(os.path.dirname(spec)))
        expected[os.path.join(base, '%s_role.html' % role)] = '%s.%s (role)' % (collection, role)
    extra_docs = os.path.join(ROOT, 'docs', 'docsite', 'extra-docs.yml')
    if os.path.exists(extra_docs):
        with open(extra_docs, encoding='utf-8') as handle:
            for line in handle:
                entry = line.strip()
                if entry.startswith('- ') and ':' not in entry:  # a toctree entry (the title lines hold a colon)
                    expected[os.path.join(base, 'docsite', entry[2:].strip() + '.html')] = 'guide ' + entry[2:].strip()
    expected[os.path.join(base, 'changelog.html')] = 'changelog'
    expected[os.path.join(base, 'index.html')] = 'index'
    return expected


def check_pages(pages: dict[str, PageParser], expected: dict[str, str], collection: str) -> list[str]:
    """Every expected page exists; a plugin or role page names its plugin or role."""
    problems = []
    for page, what in sorted(expected.items()):
        if page not in pages:
            problems.append('missing page %s for %s' % (page, what))
        elif what.startswith(collection + '.') and what.split(' ')[0] not in ''.join(pages[page].text):
            problems.append('%s does not name %s' % (page, what.split(' ')[0]))
    return problems


def find_chromium() -> str | None:
    """Chromium from KONNECT_CHROMIUM, Debian's /usr/bin/chromium, or chromium on PATH."""
    for candidate in (os.environ.get('KONNECT_CHROMIUM'), '/usr/bin/chromium', shutil.which('chromium')):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def run_chromium(chromium: str, args: list[str], url: str) -> subprocess.CompletedProcess:
    """One headless Chromium run, no network beyond the file, a fresh profile."""
    with tempfile.TemporaryDirectory(prefix='konnect-docs-chromium-') as profile:
        command = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                   '--disable-background-networking', '--disable-component-update', '--disable-sync',
                   '--disable-dev-shm-usage', '--hide-scrollbars', '--user-data-dir=' + profile] + args + [url]
        return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120, check=False)


def png_summary(path: str) -> tuple[int, int, int]:
    """(width, height, distinct byte values in its pixel data) of a PNG: a blank page has very few."""
    with open(path, 'rb') as handle:
        data = handle.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG file')
    width, height = struct.unpack('>II', data[16:24])
    position, idat = 8, b''
    while position < len(data):
        length, kind = struct.unpack('>I4s', data[position:position + 8])
        if kind == b'IDAT':
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def check_browser(site: str, page: str, title: str) -> list[str]:
    """Render one page in headless Chromium: its DOM holds the title; keep a screenshot that shows it."""
    chromium = find_chromium()
    if not chromium:
        print('browser: SKIPPED the headless-browser check: no Chromium on this machine '
              '(apt-get install chromium, or set KONNECT_CHROMIUM=/path/to/chromium)')
        return []
    url = 'file://' + os.path.abspath(os.path.join(site, page))
    dom = run_chromium(chromium, ['--dump-dom', '--virtual-time-budget=5000'], url)
    problems = []
    if dom.returncode != 0 or title not in dom.stdout:
        problems.append('browser: %s rendered by %s: rc %d, title %r %s in its DOM; stderr: %s' % (
            page, chromium, dom.returncode, title, 'found' if title in dom.stdout else 'not found', dom.stderr.strip()[-500:]))
    screenshot = os.path.join(os.path.dirname(os.path.abspath(site)),
                              'screenshot-%s.png' % os.path.splitext(os.path.basename(page))[0])
    if os.path.exists(screenshot):
        os.remove(screenshot)
    shot = run_chromium(chromium, ['--screenshot=' + screenshot, '--window-size=%d,%d' % WINDOW], url)
    if not os.path.exists(screenshot):
        return problems + ['browser: no screenshot written (rc %d): %s' % (shot.returncode, shot.stderr.strip()[-500:])]
    width, height, distinct = png_summary(screenshot)
    if (width, height) != WINDOW or distinct < 32:
        problems.append('browser: screenshot %s is %dx%d with %d distinct byte values: not the page' % (
            screenshot, width, height, distinct))
    version = subprocess.run([chromium, '--version'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             check=False).stdout.strip()
    print('browser: %s rendered %s (title in the DOM); screenshot %s, %dx%d, %d KB' % (
        version or chromium, page, os.path.relpath(screenshot, ROOT), width, height, os.path.getsize(screenshot) // 1024))
    return problems


def read_collection_name() -> str:
    """namespace.name from galaxy.yml."""
    values = {}
    with open(os.path.join(ROOT, 'galaxy.yml'), encoding='utf-8') as galaxy:
        for line in galaxy:
            key, sep, value = line.partition(':')
            if sep and key in ('namespace', 'name'):
                values[key] = value.strip().strip('\'"')
    return '%(namespace)s.%(name)s' % values


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--site', default=os.path.join(ROOT, '.build', 'docs', 'html'), help='the built site')
    parser.add_argument('--page', default='control_plane_module', help='the module page to render in the browser')
    args = parser.parse_args()
    collection = read_collection_name()
    if not os.path.isfile(os.path.join(args.site, 'index.html')):
        print('ERROR: no site in %s: run hacking/build_docs.sh first' % args.site)
        return 1
    pages = parse_site(args.site)
    checked, problems = check_links(args.site, pages)
    expected = expected_pages(collection)
    problems += check_pages(pages, expected, collection)
    kinds = {}
    for what in expected.values():
        kind = what.rsplit('(', 1)[-1].rstrip(')') if '(' in what else what.split(' ')[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    print('site: %d HTML pages, %d internal links and anchors checked; expected pages present: %s' % (
        len(pages), checked, ', '.join('%d %s' % (count, kind) for kind, count in sorted(kinds.items()))))
    namespace, name = collection.split('.')
    problems += check_browser(args.site, os.path.join('collections', namespace, name, args.page + '.html'),
                              '%s.%s' % (collection, args.page.rsplit('_', 1)[0]))
    for problem in problems:
        print('PROBLEM: ' + problem)
    print('docs site: %d problem(s)' % len(problems))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
