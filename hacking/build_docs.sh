#!/usr/bin/env bash
# Build the collection's documentation site (what `make docs` does) with antsibull-docs and Sphinx, offline.
#
# Usage: hacking/build_docs.sh [OUT_DIR]     (default .build/docs; the site is OUT_DIR/html/index.html)
#
#   1. lays out a copy of the collection (hacking/layout.sh OUT_DIR/collection) and, when changelog fragments are
#      not released yet, releases them there as galaxy.yml's version (antsibull-changelog), so that the changelog
#      page shows them as the next release will; the checkout is not touched;
#   2. `antsibull-docs sphinx-init --use-current` writes conf.py (hacking/docs_conf.py is appended to it: no
#      intersphinx downloads, ansible-core's labels resolved to docs.ansible.com);
#   3. `antsibull-docs collection --use-current` writes the RST of every plugin, role (argument specs), guide
#      (docs/docsite/extra-docs.yml) and the changelog (docs/docsite/config.yml); only files whose content changed
#      are copied into the Sphinx source, so a second build re-reads only what changed;
#   4. `sphinx-build -W -j auto` renders OUT_DIR/html (warnings are errors).
# Needs the dev venv (.venv) on PATH or present: antsibull-docs runs `ansible-doc` of that venv.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/.build/docs}" && cd "${1:-$ROOT/.build/docs}" && pwd)"
[[ -x "$ROOT/.venv/bin/antsibull-docs" ]] && export PATH="$ROOT/.venv/bin:$PATH"
command -v antsibull-docs >/dev/null || { echo "ERROR: antsibull-docs not found: run make venv" >&2; exit 1; }
NS="$(sed -n 's/^namespace: *//p' "$ROOT/galaxy.yml" | tr -d "\"' ")"
NAME="$(sed -n 's/^name: *//p' "$ROOT/galaxy.yml" | tr -d "\"' ")"
VERSION="$(sed -n 's/^version: *//p' "$ROOT/galaxy.yml" | tr -d "\"' ")"
now_ms() { date +%s%3N; }
phase_start="$(now_ms)"
phase() { local t; t="$(now_ms)"; printf '  %-58s %5.1f s\n' "$1" "$(((t - phase_start) / 100))e-1"; phase_start="$t"; }

# 1. the collection copy antsibull-docs documents
COLL="$("$ROOT/hacking/layout.sh" "$OUT/collection")"
if compgen -G "$COLL/changelogs/fragments/*.yml" >/dev/null && ! grep -q "^  $VERSION:" "$COLL/changelogs/changelog.yaml"; then
    (cd "$COLL" && antsibull-changelog release --version "$VERSION" >/dev/null 2>&1) \
        || echo "  (could not release the changelog fragments as $VERSION in the copy: the changelog page shows the releases only)"
fi
phase "collection copy, changelog fragments released in it"

# 2. conf.py (sphinx-init wants an empty directory that only its owner may write to)
rm -rf "$OUT/init" "$OUT/staging"
mkdir -m 700 "$OUT/init" "$OUT/staging"
export ANSIBLE_COLLECTIONS_PATH="$OUT/collection" ANSIBLE_NOCOLOR=1
antsibull-docs sphinx-init --use-current --dest-dir "$OUT/init" "$NS.$NAME" >/dev/null
cat "$ROOT/hacking/docs_conf.py" >>"$OUT/init/conf.py"
# Option tables as HTML rather than nested RST list-tables: docutils takes minutes of CPU to parse the nested tables
# of 228 modules, and seconds for the HTML (the pages look the same).
sed -i 's/^use_html_blobs = false/use_html_blobs = true/' "$OUT/init/antsibull-docs.cfg"
if ! cmp -s "$OUT/init/conf.py" "$OUT/src/conf.py" || ! cmp -s "$OUT/init/antsibull-docs.cfg" "$OUT/src/antsibull-docs.cfg"; then
    # new settings (or versions): no incremental build
    rm -rf "$OUT/src" "$OUT/doctrees" "$OUT/html"
fi
mkdir -p "$OUT/src/rst"
cp "$OUT/init/conf.py" "$OUT/init/antsibull-docs.cfg" "$OUT/src/"
phase "antsibull-docs sphinx-init"

# 3. the RST of the collection
antsibull-docs --config-file "$OUT/src/antsibull-docs.cfg" collection --use-current --dest-dir "$OUT/staging" "$NS.$NAME" \
    2> >(grep -v -e CryptographyDeprecationWarning -e 'from cryptography.hazmat' >&2)
cp "$OUT/init/rst/index.rst" "$OUT/staging/index.rst"
python - "$OUT/staging" "$OUT/src/rst" <<'PY'
"""Mirror the staging tree into the Sphinx source: copy changed files only, delete files that are gone."""
import filecmp, os, shutil, sys
staging, source = sys.argv[1:]
wanted = set()
for directory, _dirs, files in os.walk(staging):
    for name in files:
        relative = os.path.relpath(os.path.join(directory, name), staging)
        wanted.add(relative)
        target = os.path.join(source, relative)
        if not os.path.exists(target) or not filecmp.cmp(os.path.join(staging, relative), target, shallow=False):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(staging, relative), target)
for directory, _dirs, files in os.walk(source):
    for name in files:
        if os.path.relpath(os.path.join(directory, name), source) not in wanted:
            os.remove(os.path.join(directory, name))
PY
phase "antsibull-docs collection ($(find "$OUT/src/rst" -name '*.rst' | wc -l) RST files)"

# 4. HTML
sphinx-build -b html -q -W --keep-going -j auto -c "$OUT/src" -d "$OUT/doctrees" "$OUT/src/rst" "$OUT/html"
phase "sphinx-build ($(find "$OUT/html" -name '*.html' | wc -l) HTML pages)"
echo "site: ${OUT#"$ROOT"/}/html/index.html"
