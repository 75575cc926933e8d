#!/usr/bin/env bash
# Run the collection's whole test suite (what `make test` and CI run), no Docker needed.
#
# Usage: hacking/run_tests.sh [STEP...]
#   STEP is one or more of: sanity units integration lint docs build   (default: all)
#   e.g. hacking/run_tests.sh units integration      or   make test STEPS="units integration"
#
# Before the selected steps it always
#   * creates/refreshes the dev venv .venv           (hacking/ensure_venv.sh)
#   * lays out .build/ansible_collections/konnect/konnect, a fresh copy of what git would
#     commit, since ansible-test only runs inside ansible_collections/<ns>/<name>
#                                                    (hacking/layout.sh)
#   * seeds ansible-test's offline get-pip shim     (hacking/seed_get_pip.py)
#
# A failing step does not stop the others.  The script ends with a summary table and, as
# its very last line, "suite: N passed, M failed" (unit tests from ansible-test's junit XML
# plus integration targets), and exits non-zero if any step failed.
# Logs of each step: .build/logs/<step>.log; junit/data copied to tests/output/.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

ALL_STEPS=(sanity units integration lint docs build)
PY_VERSION=3.11
BUILD="${KONNECT_BUILD_DIR:-$ROOT/.build}"
LOGS="$BUILD/logs"

# ---------------------------------------------------------------------------- arguments
STEPS=()
for arg in "$@"; do
    for s in $arg; do   # also accept one quoted word "units integration"
        case " ${ALL_STEPS[*]} " in
            *" $s "*) STEPS+=("$s") ;;
            *) echo "ERROR: unknown step '$s' (choose from: ${ALL_STEPS[*]})" >&2; exit 2 ;;
        esac
    done
done
[[ ${#STEPS[@]} -gt 0 ]] || STEPS=("${ALL_STEPS[@]}")

# ---------------------------------------------------------------------------- helpers
now_ms() { date +%s%3N; }
SUITE_START="$(now_ms)"
secs() { local ms=$1; printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

RESULT_NAMES=() RESULT_STATUS=() RESULT_SECS=()
FAILED_STEPS=0

# run_step NAME COMMAND...: run with a header, tee output to $LOGS/NAME.log, record result
run_step() {
    local name="$1"; shift
    local start rc
    start="$(now_ms)"
    echo
    echo "=== [+$(secs $((start - SUITE_START)))s] step $name: $*"
    mkdir -p "$LOGS"
    "$@" 2>&1 | tee "$LOGS/$name.log"
    rc="${PIPESTATUS[0]}"
    local took
    took="$(secs $(($(now_ms) - start)))"
    RESULT_NAMES+=("$name") RESULT_SECS+=("$took")
    if [[ "$rc" -eq 0 ]]; then
        RESULT_STATUS+=("ok")
        echo "=== step $name: ok (${took}s)"
    else
        RESULT_STATUS+=("FAILED")
        FAILED_STEPS=$((FAILED_STEPS + 1))
        echo "=== step $name: FAILED with exit code $rc (${took}s); log: ${LOGS#"$ROOT"/}/$name.log"
    fi
    return 0
}

selected() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------- venv
print_summary() {
    echo
    echo "=== summary (total $(secs $(($(now_ms) - SUITE_START)))s)"
    printf '%-12s %-7s %8s\n' step result seconds
    for i in "${!RESULT_NAMES[@]}"; do
        printf '%-12s %-7s %8s\n' "${RESULT_NAMES[$i]}" "${RESULT_STATUS[$i]}" "${RESULT_SECS[$i]}"
    done
}

echo "=== konnect.konnect test suite: steps: ${STEPS[*]}"
rm -rf "$LOGS"
run_step venv "$ROOT/hacking/ensure_venv.sh"
if [[ "$FAILED_STEPS" -gt 0 ]]; then
    print_summary
    echo "ERROR: could not create the dev venv .venv (see above); nothing else can run" >&2
    echo "suite: 0 passed, 1 failed"
    exit 1
fi
export VIRTUAL_ENV="$ROOT/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
unset PYTHONPATH ANSIBLE_CONFIG
export ANSIBLE_NOCOLOR=1 PY_COLORS=0 NO_COLOR=1

NS="$(sed -n 's/^namespace: *//p' galaxy.yml | tr -d "\"' ")"
NAME="$(sed -n 's/^name: *//p' galaxy.yml | tr -d "\"' ")"
COLL="$BUILD/ansible_collections/$NS/$NAME"

do_layout() {
    "$ROOT/hacking/layout.sh" "$BUILD" >/dev/null || return 1
    echo "laid out $(git -C "$COLL" ls-files --others --exclude-standard | wc -l) files in ${COLL#"$ROOT"/}"
}
run_step layout do_layout
run_step get-pip python "$ROOT/hacking/seed_get_pip.py"

# ---------------------------------------------------------------------------- steps
in_coll() { (cd "$COLL" && "$@"); }

run_units() {
    # ansible-test exits 1 without a tests/unit/ directory; no unit tests is not a failure.
    if [[ ! -d "$COLL/tests/unit" ]]; then
        echo "no tests/unit/ directory: nothing to run"
        return 0
    fi
    # --local: the dev venv already has pytest(-xdist/-mock) and tests/unit/requirements.txt.
    in_coll ansible-test units --python "$PY_VERSION" --local --color no
}

# Integration targets run in SHARDS streams at once, each in its own copy of the collection (ansible-test runs the
# targets of one invocation one after the other, and one ansible-playbook uses about one core).
SHARDS="${KONNECT_INTEGRATION_SHARDS:-2}"

run_integration() {
    # ansible-test exits 1 ("Cannot run integration tests without ...") when there is no
    # target directory at all; having no targets yet is not a test failure.
    if ! compgen -G "$COLL/tests/integration/targets/*/" >/dev/null; then
        echo "no integration targets in tests/integration/targets/: nothing to run"
        return 0
    fi
    local targets=() dir shard
    for dir in "$COLL"/tests/integration/targets/*/; do
        grep -qx hidden "$dir/aliases" 2>/dev/null || targets+=("$(basename "$dir")")
    done
    local pids=() rc=0
    for ((shard = 0; shard < SHARDS; shard++)); do
        local mine=() i
        for i in "${!targets[@]}"; do
            ((i % SHARDS == shard)) && mine+=("${targets[$i]}")
        done
        [[ ${#mine[@]} -gt 0 ]] || continue
        local coll="$COLL"
        if ((shard > 0)); then
            coll="$("$ROOT/hacking/layout.sh" "$BUILD/shard-$shard")" || return 1
        fi
        # --continue-on-error: run every target and report all failures at the end.
        (cd "$coll" && ansible-test integration --python "$PY_VERSION" --local --color no --continue-on-error "${mine[@]}") \
            >"$LOGS/integration-shard-$shard.log" 2>&1 &
        pids+=("$!")
    done
    for i in "${!pids[@]}"; do
        wait "${pids[$i]}" || rc=1
    done
    for ((shard = 0; shard < SHARDS; shard++)); do
        [[ -f "$LOGS/integration-shard-$shard.log" ]] || continue
        echo "--- integration shard $shard"
        cat "$LOGS/integration-shard-$shard.log"
        if ((shard > 0)) && [[ -d "$BUILD/shard-$shard/ansible_collections/$NS/$NAME/tests/output/data" ]]; then
            mkdir -p "$COLL/tests/output/data"
            cp "$BUILD/shard-$shard/ansible_collections/$NS/$NAME/tests/output/data"/integration-*.json "$COLL/tests/output/data/" 2>/dev/null
        fi
    done
    return "$rc"
}

if selected sanity; then
    # Sanity tests with requirements always run in ansible-test's own venvs under
    # ~/.ansible/test/venv (that is what the get-pip shim is for).
    run_step sanity in_coll ansible-test sanity --python "$PY_VERSION" --venv --color no
fi
if selected units; then
    run_step units run_units
fi
if selected integration; then
    run_step integration run_integration
fi
if selected lint; then
    # Lint the checkout itself (.ansible-lint excludes .build/.venv/tests/output); the
    # collection's own modules/roles resolve from the laid-out copy.  --offline: no installs.
    run_step lint env ANSIBLE_COLLECTIONS_PATH="$BUILD" ansible-lint --offline
fi
if selected docs; then
    run_step docs python "$ROOT/hacking/check_docs.py" --collections-path "$BUILD"
fi
if selected build; then
    run_step build in_coll ansible-galaxy collection build --force --output-path "$BUILD/dist"
fi

# ---------------------------------------------------------------------------- results
# Keep ansible-test's junit/data next to the checkout, where people look for them.
if [[ -d "$COLL/tests/output" ]]; then
    for d in junit data; do
        rm -rf "${ROOT:?}/tests/output/$d"
        if [[ -d "$COLL/tests/output/$d" ]]; then
            mkdir -p "$ROOT/tests/output" && cp -r "$COLL/tests/output/$d" "$ROOT/tests/output/"
        fi
    done
fi

if ! counts="$(python "$ROOT/hacking/count_results.py" --output "$COLL/tests/output" --integration-log "$LOGS/integration.log")"; then
    counts="0 1 could not count the results (hacking/count_results.py failed)"
    FAILED_STEPS=$((FAILED_STEPS + 1))
fi
read -r N_PASSED N_FAILED DETAIL <<<"$counts"

print_summary
echo "tests: $DETAIL"
if [[ "$FAILED_STEPS" -gt 0 ]]; then
    echo "$FAILED_STEPS step(s) FAILED; logs in ${LOGS#"$ROOT"/}/"
fi
echo "suite: $N_PASSED passed, $N_FAILED failed"
[[ "$FAILED_STEPS" -eq 0 ]]
