#!/usr/bin/env bash
# Create (or refresh) the development virtualenv .venv from requirements-dev.txt.
#
# Idempotent and cheap when nothing changed: a stamp file holds a hash of the requirement
# files, so pip only runs when the venv is new or a requirements file changed.
# Override the interpreter with PYTHON=/path/to/python3.11 and the location with VENV=dir.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3.11}"
STAMP="$VENV/.requirements-stamp"
REQS=("$ROOT/requirements-dev.txt" "$ROOT/requirements.txt")

want="$(cat "${REQS[@]}" | cksum)"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]]; then
    exit 0
fi

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "ERROR: '$PYTHON' not found on PATH; install Python 3.11 or set PYTHON=/path/to/python3.11" >&2
    exit 1
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "Creating virtualenv $VENV with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$VENV"
fi

echo "Installing requirements-dev.txt into $VENV (takes ~20-60 s the first time)"
rm -f "$STAMP"
export PIP_DISABLE_PIP_VERSION_CHECK=1
"$VENV/bin/python" -m pip install -q -U pip
"$VENV/bin/python" -m pip install -q -r "$ROOT/requirements-dev.txt"
echo "$want" >"$STAMP"
"$VENV/bin/ansible" --version | sed -n 1p  # sed reads everything: head would break the pipe under pipefail
