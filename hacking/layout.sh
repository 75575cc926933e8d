#!/usr/bin/env bash
# Lay out a copy of this collection as BASE/ansible_collections/<namespace>/<name>.
#
# ansible-test needs the collection under an ansible_collections/<ns>/<name> path, and a
# symlink does not work (it resolves the cwd), so we copy what git would commit: tracked
# files plus untracked files that are not ignored.  The copy gets its own empty git repo
# so that ansible-test lists files from the copy (with the copy's .gitignore) instead of
# walking up to this checkout, where .build/ is ignored and it would find no files at all.
#
# Usage: hacking/layout.sh BASE     (prints the collection directory)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${1:?usage: $0 BASE_DIR}"
NS="$(sed -n 's/^namespace: *//p' "$ROOT/galaxy.yml" | tr -d "\"' ")"
NAME="$(sed -n 's/^name: *//p' "$ROOT/galaxy.yml" | tr -d "\"' ")"
DEST="$BASE/ansible_collections/$NS/$NAME"

rm -rf "$DEST"
mkdir -p "$DEST"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$DEST"
git -C "$DEST" init -q
echo "$DEST"
