#!/usr/bin/env bash
# `make demo`: bootstrap the example organization (docs/org.example.yml) twice against the local
# Konnect emulator, with the collection playbook konnect.konnect.bootstrap.
#
#  1. creates the dev venv .venv if needed                     (hacking/ensure_venv.sh)
#  2. lays out the collection as .build/demo/ansible_collections/konnect/konnect
#  3. starts the emulator: python tests/emulator --port 0 --port-file FILE (random free port)
#  4. runs ansible-playbook konnect.konnect.bootstrap -e @docs/org.example.yml twice with
#     KONNECT_API_URL pointing at it; generated key pairs and minted tokens go to .build/demo/files.
#     The second run must report changed=0 for every host (idempotency), else it fails
#  5. always stops the emulator.
#
# Usage: hacking/demo.sh [extra ansible-playbook arguments, e.g. -v or --diff]
# Logs: .build/demo/logs/{emulator,run1,run2}.log
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DEMO_BASE="$ROOT/.build/demo"
LOGS="$DEMO_BASE/logs"
PORT_FILE="$LOGS/emulator.port"
DEMO_TOKEN="kpat_konnectEmulatorDemoToken0000000000000000000000"
STARTUP_TIMEOUT=30

fail() { echo "demo: FAILED: $*" >&2; exit 1; }

"$ROOT/hacking/ensure_venv.sh"
export VIRTUAL_ENV="$ROOT/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"

[[ -f tests/emulator/__main__.py ]] \
    || fail "tests/emulator/__main__.py does not exist, so the Konnect emulator cannot be started (not written yet?)"
DEMO_DOCUMENT="docs/org.example.yml"
[[ -f "$DEMO_DOCUMENT" ]] || fail "$DEMO_DOCUMENT does not exist"

COLL="$("$ROOT/hacking/layout.sh" "$DEMO_BASE" | tail -n 1)"
echo "demo: collection laid out in ${COLL#"$ROOT"/}"
mkdir -p "$LOGS"
rm -f "$PORT_FILE"
# The emulator starts empty: so do the key pairs and tokens the document writes.
FILES="$DEMO_BASE/files"
rm -rf "$FILES"

EMU_PID=""
stop_emulator() {
    if [[ -n "$EMU_PID" ]] && kill -0 "$EMU_PID" 2>/dev/null; then
        kill -TERM "$EMU_PID" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$EMU_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$EMU_PID" 2>/dev/null; then
            echo "demo: emulator (pid $EMU_PID) ignored SIGTERM; killing it" >&2
            kill -KILL "$EMU_PID" 2>/dev/null || true
        fi
        wait "$EMU_PID" 2>/dev/null || true
        echo "demo: emulator stopped"
    fi
    EMU_PID=""
}
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

python tests/emulator --port 0 --port-file "$PORT_FILE" >"$LOGS/emulator.log" 2>&1 </dev/null &
EMU_PID=$!

deadline=$((SECONDS + STARTUP_TIMEOUT))
until [[ -s "$PORT_FILE" ]]; do
    if ! kill -0 "$EMU_PID" 2>/dev/null; then
        wait "$EMU_PID" && rc=0 || rc=$?
        EMU_PID=""
        echo "---- ${LOGS#"$ROOT"/}/emulator.log (last lines)" >&2
        tail -n 20 "$LOGS/emulator.log" >&2
        fail "the emulator exited (code $rc) before writing its port file"
    fi
    ((SECONDS < deadline)) || fail "the emulator did not write $PORT_FILE within ${STARTUP_TIMEOUT}s"
    sleep 0.1
done
PORT="$(tr -d '[:space:]' <"$PORT_FILE")"
[[ "$PORT" =~ ^[0-9]+$ ]] || fail "port file $PORT_FILE holds '$PORT', not a port number"
echo "demo: emulator (pid $EMU_PID) listening on 127.0.0.1:$PORT; log: ${LOGS#"$ROOT"/}/emulator.log"

export KONNECT_API_URL="http://127.0.0.1:$PORT/{region}"   # {region} is filled in by the collection's client
export KONNECT_TOKEN="$DEMO_TOKEN"
export ANSIBLE_COLLECTIONS_PATH="$DEMO_BASE"
export ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_INVENTORY_UNPARSED_WARNING=False

# play_recap LOG: print "host changed" for every host line of the last PLAY RECAP
play_recap() {
    sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
        /^PLAY RECAP/ { in_recap = 1; n = 0; delete hosts; next }
        in_recap && /^[^ ].* : ok=[0-9]+/ {
            host = $1; changed = ""
            for (i = 1; i <= NF; i++) if ($i ~ /^changed=/) { changed = substr($i, 9) }
            hosts[++n] = host " " changed
        }
        END { for (i = 1; i <= n; i++) print hosts[i] }'
}

run_playbook() {
    local run="$1"; shift
    echo
    echo "=== demo run $run: ansible-playbook konnect.konnect.bootstrap -e @$DEMO_DOCUMENT $*"
    local rc=0
    ansible-playbook konnect.konnect.bootstrap -e "@$COLL/$DEMO_DOCUMENT" -e "org_files_dir=$FILES" "$@" 2>&1 \
        | tee "$LOGS/run$run.log" || rc=$?
    [[ "$rc" -eq 0 ]] || fail "ansible-playbook run $run exited with code $rc (log: ${LOGS#"$ROOT"/}/run$run.log)"
}

run_playbook 1 "$@"
run_playbook 2 "$@"

recap="$(play_recap "$LOGS/run2.log")"
[[ -n "$recap" ]] || fail "no PLAY RECAP found in the output of run 2"
not_idempotent="$(awk '$2 != "0"' <<<"$recap")"
if [[ -n "$not_idempotent" ]]; then
    echo >&2
    echo "demo: the second run changed something, so the demo is not idempotent:" >&2
    awk '{ printf "  %s: changed=%s\n", $1, $2 }' <<<"$not_idempotent" >&2
    fail "second run of konnect.konnect.bootstrap must report changed=0 for every host"
fi
echo
echo "demo: OK - second run reported changed=0 for every host ($(wc -l <<<"$recap") host(s))"
