#!/usr/bin/env bash
# The compatibility step: the collection on every ansible-core line the README names (`make compat`; a step of `make test`).
#
# Usage: hacking/compat.sh [LINE...]          (default: every line in COMPAT_LINES below)
#   KONNECT_COMPAT_JOBS=N     lines run at once (default 1: on 2 cores beside the rest of `make test`, running lines
#                             side by side only makes each slower; `make compat` alone passes 2)
#   KONNECT_COMPAT_PLAYBOOK_TESTS=1   also the unit tests that run real ansible-playbook (marker playbook: the action
#                             plugin's both-ways comparison of every task keyword, ~30 s a line), left out by default
#
# For each line it
#   * keeps a virtualenv of its own, .build/compat/<line>/venv: `ansible-core==<line>.*` plus tests/compat/requirements.txt,
#     made again only when those requirements (or the Python) change;
#   * runs the unit tests that exercise ansible-core itself (UNIT_TESTS below; why these: see there);
#   * runs tests/compat/smoke.yml with that line's ansible-playbook: one thin pass per family of modules, in-process
#     and as a module process on the target, against one emulator shared by all lines;
# then prints a table (line, ansible-core version, unit tests passed, smoke, seconds) and fails if any line failed.
# Logs: .build/compat/<line>/{units,smoke}.log
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# ansible-core lines from requires_ansible (meta/runtime.yml: >=2.16.0) to the newest the Python of the suite accepts.
# PyPI's Requires-Python: 2.16-2.19 accept Python 3.11; 2.20 and 2.21 need >=3.12, 2.22 >=3.13. When a new venv is made,
# check_newest_line warns if the line after the last one has become installable.
COMPAT_LINES=(2.16 2.17 2.18 2.19)
PYTHON="${PYTHON:-python3.11}"
BUILD="${KONNECT_BUILD_DIR:-$ROOT/.build}"
COMPAT="$BUILD/compat"
JOBS="${KONNECT_COMPAT_JOBS:-1}"
DEV_PYTHON="$ROOT/.venv/bin/python"  # serves the emulator

# The unit tests that exercise ansible-core, not the collection's own logic (the engine, planner, entity catalogue and
# emulator tests run against the dev venv's ansible-core in `make test` and import nothing of ansible-core that could
# differ between lines; the module life-cycle tests validate arguments with the same ArgumentSpecValidator calls that
# test_argument_specs.py makes for every module):
#   plugins/action          the in-process action plugin on ActionBase, the plugin loader, Templar and
#                           ArgumentSpecValidator, compared with AnsibleModule's own answers; test_ansible_internals.py
#                           names each internal it relies on
#   plugins/filter          the filter plugin (AnsibleFilterError, to_native)
#   plugins/inventory, plugins/lookup   the inventory and lookup plugins, when present (Constructable, Cacheable, LookupBase)
#   modules/test_argument_specs.py      every module's argument spec built and validated by this line's validator,
#                                       PASSWORD_MATCH of AnsibleModule
#   module_utils/test_runner.py         the connection options and their fallbacks (AnsibleFallbackNotFound)
#   module_utils/test_task_module.py    a module on a target: AnsibleModule logs its invocation with nested secrets masked
#   test_runtime.py                     meta/runtime.yml: action groups and the redirects to the action plugin
# The tests that run real ansible-playbook (marker playbook) are left out unless KONNECT_COMPAT_PLAYBOOK_TESTS=1: the smoke
# is this step's playbook run.
UNIT_TESTS=(tests/unit/plugins/action tests/unit/plugins/filter tests/unit/plugins/inventory tests/unit/plugins/lookup
    tests/unit/plugins/modules/test_argument_specs.py tests/unit/plugins/module_utils/test_runner.py
    tests/unit/plugins/module_utils/test_task_module.py tests/unit/test_runtime.py)

LINES=("$@")
[[ ${#LINES[@]} -gt 0 ]] || LINES=("${COMPAT_LINES[@]}")

now_ms() { date +%s%3N; }
secs() { local ms=$1; printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

# ensure_line_venv LINE: the line's venv, made or refreshed when its requirements changed
ensure_line_venv() {
    local line="$1" venv="$COMPAT/$1/venv" want
    want="$(cat "$ROOT/tests/compat/requirements.txt" "$ROOT/requirements.txt"; echo "ansible-core==$line.*"; "$PYTHON" --version 2>&1)"
    want="$(cksum <<<"$want")"
    if [[ -x "$venv/bin/ansible-playbook" && "$(cat "$venv/.requirements-stamp" 2>/dev/null)" == "$want" ]]; then
        return 0
    fi
    echo "making the venv of ansible-core $line: $venv"
    rm -rf "$venv"
    "$PYTHON" -m venv --without-pip "$venv" || return 1
    install_into "$venv" "ansible-core==$line.*" -r "$ROOT/tests/compat/requirements.txt" || return 1
    echo "$want" >"$venv/.requirements-stamp"
    check_newest_line "$venv"
}

# install_into VENV PIP-ARGS...: pip install into VENV with the dev venv's pip. A venv without a pip of its own, and no
# byte-compiling of what is installed (Python compiles, and keeps, what a test imports): 3 s a venv instead of 10.
install_into() {
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$DEV_PYTHON" -m pip --python "$1/bin/python" install -q --no-compile "${@:2}"
}

# check_newest_line VENV: say so when the ansible-core line after the last one installs on this Python
check_newest_line() {
    local last="${COMPAT_LINES[-1]}" next
    next="${last%.*}.$((${last#*.} + 1))"
    if install_into "$1" --dry-run --no-deps "ansible-core==$next.*" >/dev/null 2>&1; then
        echo "WARNING: ansible-core $next installs on $("$PYTHON" --version 2>&1): add it to COMPAT_LINES in hacking/compat.sh"
    fi
}

# start_emulator: one emulator for every line (each line names its entities with its own prefix); prints its URL
start_emulator() {
    local defaults="$COLL/tests/integration/targets/setup_emulator/defaults/main.yml" port_file="$COMPAT/emulator.port"
    default() { sed -n "s/^$1: *//p" "$defaults"; }
    rm -f "$port_file"
    "$DEV_PYTHON" "$COLL/tests/emulator" --port 0 --port-file "$port_file" --parent-pid "$$" --lifetime 3600 \
        --token "$(default setup_emulator_token)" >"$COMPAT/emulator.log" 2>&1 &
    local waited
    for ((waited = 0; waited < 300; waited++)); do
        if [[ -s "$port_file" ]]; then
            echo "http://127.0.0.1:$(cat "$port_file")"
            return 0
        fi
        sleep 0.1
    done
    echo "ERROR: the emulator did not start (log: $COMPAT/emulator.log)" >&2
    return 1
}

# shellcheck disable=SC2329  # called by the EXIT trap
stop_emulator() {
    [[ -n "${EMULATOR_URL:-}" ]] || return 0
    "$DEV_PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="POST"), timeout=10)' \
        "$EMULATOR_URL/_emulator/shutdown" 2>/dev/null
}

# run_line LINE: venv, unit tests, smoke; writes "VERSION UNITS SMOKE SECONDS" to .build/compat/LINE/result
run_line() {
    local line="$1" dir="$COMPAT/$1" start units=FAILED smoke=FAILED version="?" tests=()
    start="$(now_ms)"
    mkdir -p "$dir"
    rm -f "$dir/result"
    if ! ensure_line_venv "$line" >"$dir/venv.log" 2>&1; then
        echo "? venv-FAILED skipped $(secs $(($(now_ms) - start)))" >"$dir/result"
        return 1
    fi
    local venv="$dir/venv"
    version="$("$venv/bin/python" -c 'from ansible.release import __version__; print(__version__)')"
    for path in "${UNIT_TESTS[@]}"; do
        [[ -e "$COLL/$path" ]] && tests+=("$path")
    done
    local markers=(-m 'not playbook')
    [[ "${KONNECT_COMPAT_PLAYBOOK_TESTS:-0}" == 1 ]] && markers=()
    # each line its own notes of recent creates (module_utils/coordination.py): the unit tests' are per test anyway
    rm -rf "${dir:?}/coordination" "${dir:?}/home" && mkdir -m 700 "$dir/coordination"
    (cd "$COLL" && env PYTHONPATH="$COMPAT/layout" KONNECT_COORDINATION_DIR="$dir/coordination" \
        "$venv/bin/python" -m pytest -q -p no:cacheprovider --color no "${markers[@]}" --junit-xml "$dir/units.xml" "${tests[@]}") \
        >"$dir/units.log" 2>&1
    local passed
    passed="$("$venv/bin/python" - "$dir/units.xml" <<'EOF'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print('0/0 0')
    sys.exit()
suites = [root] if root.tag == 'testsuite' else list(root)
count = lambda key: sum(int(suite.get(key, 0)) for suite in suites)
total, bad, skipped = count('tests'), count('failures') + count('errors'), count('skipped')
print('%d/%d %d' % (total - bad - skipped, total - skipped, bad))
EOF
)"
    [[ "${passed#* }" == 0 && "${passed%%/*}" != 0 ]] && units="${passed% *}" || units="FAILED:${passed% *}"
    if (cd "$dir" && env -u ANSIBLE_CONFIG ANSIBLE_COLLECTIONS_PATH="$COMPAT/layout" ANSIBLE_HOME="$dir/home" ANSIBLE_NOCOLOR=1 \
        ANSIBLE_RETRY_FILES_ENABLED=0 KONNECT_COORDINATION_DIR="$dir/coordination" \
        "$venv/bin/ansible-playbook" -i localhost, "$COLL/tests/compat/smoke.yml" -e compat_line="$line" -e compat_prefix="compat-${line/./-}" \
        -e konnect_emulator_url="$EMULATOR_URL" -e konnect_emulator_token="$TOKEN") >"$dir/smoke.log" 2>&1; then
        smoke=ok
    fi
    echo "$version $units $smoke $(secs $(($(now_ms) - start)))" >"$dir/result"
    [[ "$units" != FAILED* && "$smoke" == ok* ]]
}

# ---------------------------------------------------------------------------- main
STEP_START="$(now_ms)"
mkdir -p "$COMPAT"
if [[ ! -x "$DEV_PYTHON" ]]; then
    "$ROOT/hacking/ensure_venv.sh" || exit 1
fi
COLL="$("$ROOT/hacking/layout.sh" "$COMPAT/layout")" || exit 1
TOKEN="$(sed -n 's/^setup_emulator_token: *//p' "$COLL/tests/integration/targets/setup_emulator/defaults/main.yml")"
EMULATOR_URL="$(start_emulator)" || exit 1
trap stop_emulator EXIT
unset PYTHONPATH KONNECT_TOKEN KONNECT_API_URL KONNECT_GLOBAL_API_URL KONNECT_REGION KONNECT_EXECUTION
# The lines' venvs are installed without byte-compiling (install_into): let Python keep the bytecode of what the first
# process imports, for the others, also where the environment says not to (PYTHONDONTWRITEBYTECODE: 10 s of CPU a run).
unset PYTHONDONTWRITEBYTECODE
echo "ansible-core lines: ${LINES[*]} (${JOBS} at a time); emulator $EMULATOR_URL"

running=0
for line in "${LINES[@]}"; do
    if ((running >= JOBS)); then
        wait -n
        running=$((running - 1))
    fi
    run_line "$line" &
    running=$((running + 1))
done
wait

rc=0
echo
printf '%-6s %-14s %-12s %-16s %8s\n' line ansible-core 'units' smoke seconds
for line in "${LINES[@]}"; do
    read -r version units smoke took <"$COMPAT/$line/result" 2>/dev/null || { version="?" units=FAILED smoke=FAILED took="?"; }
    printf '%-6s %-14s %-12s %-16s %8s\n' "$line" "$version" "$units" "$smoke" "$took"
    if [[ "$units" == FAILED* || "$units" == venv* || "$smoke" != ok* ]]; then
        rc=1
        for log in venv units smoke; do
            [[ -s "$COMPAT/$line/$log.log" ]] || continue
            echo "--- ansible-core $line: $log.log (last 40 lines; all: ${COMPAT#"$ROOT"/}/$line/$log.log)"
            tail -n 40 "$COMPAT/$line/$log.log"
        done
    fi
done
grep -h '^WARNING: ansible-core' "$COMPAT"/*/venv.log 2>/dev/null | sort -u
echo "compat: ${#LINES[@]} ansible-core line(s) in $(secs $(($(now_ms) - STEP_START))) s: $([[ $rc -eq 0 ]] && echo ok || echo FAILED)"
exit "$rc"
