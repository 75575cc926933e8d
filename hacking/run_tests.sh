#!/usr/bin/env bash
# Run the collection's whole test suite (what `make test` and CI run), no Docker needed.
#
# Usage: hacking/run_tests.sh [STEP...]
#   STEP is one or more of: sanity units integration lint docs build compat   (default: all)
#   e.g. hacking/run_tests.sh units integration      or   make test STEPS="units integration"
#
# Before the selected steps it always
#   * creates/refreshes the dev venv .venv           (hacking/ensure_venv.sh)
#   * lays out .build/ansible_collections/konnect/konnect, a fresh copy of what git would
#     commit, since ansible-test only runs inside ansible_collections/<ns>/<name>
#                                                    (hacking/layout.sh)
#   * seeds ansible-test's offline get-pip shim     (hacking/seed_get_pip.py)
#
# The steps run side by side, to keep both cores busy: units then integration (in shards, one emulator
# each) in the foreground; sanity (pylint and the rest in two lanes), lint, docs and build in the
# background, their logs printed when they are done.
#
# A failing step does not stop the others.  The script ends with a summary table and, as
# its very last line, "suite: N passed, M failed" (unit tests from the pytest junit XML
# plus integration targets), and exits non-zero if any step failed.
# Logs of each step: .build/logs/<step>.log; junit/data copied to tests/output/.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

ALL_STEPS=(sanity units integration lint docs build compat)
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

FAILED_STEPS=0
STEP_ORDER=()   # the steps in the order they started; their results are in $LOGS/NAME.result ("ok|FAILED SECONDS")

# run_step NAME COMMAND...: run with a header, tee output to $LOGS/NAME.log, record result
run_step() {
    local name="$1"; shift
    local start rc
    start="$(now_ms)"
    STEP_ORDER+=("$name")
    echo
    echo "=== [+$(secs $((start - SUITE_START)))s] step $name: $*"
    mkdir -p "$LOGS"
    "$@" 2>&1 | tee "$LOGS/$name.log"
    rc="${PIPESTATUS[0]}"
    record_step "$name" "$start" "$rc"
    return 0
}

# record_step NAME START_MS EXIT_CODE: print the step's outcome and keep it in $LOGS/NAME.result
record_step() {
    local name="$1" start="$2" rc="$3" took
    took="$(secs $(($(now_ms) - start)))"
    if [[ "$rc" -eq 0 ]]; then
        echo "ok $took" >"$LOGS/$name.result"
        echo "=== step $name: ok (${took}s)"
    else
        echo "FAILED $took" >"$LOGS/$name.result"
        FAILED_STEPS=$((FAILED_STEPS + 1))
        echo "=== step $name: FAILED with exit code $rc (${took}s); log: ${LOGS#"$ROOT"/}/$name.log"
    fi
}

# Steps that mostly use one core (sanity's two halves, lint, docs, build) run in the background, in lanes, while
# units and the integration shards run in the foreground: the two cores stay busy, also while a target sleeps
# through a rate-limit storm. Their output goes to their logs, printed when they are done.
LANE_PIDS=()

# start_lane NAME:COMMAND...: run the steps one after the other in the background; "NAME:fn" runs function fn
start_lane() {
    local spec
    for spec in "$@"; do
        STEP_ORDER+=("${spec%%:*}")
        echo "=== [+$(secs $(($(now_ms) - SUITE_START)))s] step ${spec%%:*}: started in the background (${spec#*:})"
    done
    (
        for spec in "$@"; do
            local name="${spec%%:*}" start rc
            start="$(now_ms)"
            # shellcheck disable=SC2086  # the command is one function name and its words
            ${spec#*:} >"$LOGS/$name.log" 2>&1
            rc=$?
            record_step "$name" "$start" "$rc" >"$LOGS/$name.outcome"
        done
    ) &
    LANE_PIDS+=("$!")
}

# wait_lanes: wait for the background steps; print their logs and outcomes
wait_lanes() {
    local pid name
    for pid in "${LANE_PIDS[@]}"; do
        wait "$pid"
    done
    LANE_PIDS=()
    for name in "${STEP_ORDER[@]}"; do
        [[ -f "$LOGS/$name.outcome" ]] || continue
        echo
        echo "=== step $name (ran in the background), its log:"
        cat "$LOGS/$name.log"
        cat "$LOGS/$name.outcome"
        rm -f "$LOGS/$name.outcome"
    done
}

selected() { [[ " ${STEPS[*]} " == *" $1 "* ]]; }

# ---------------------------------------------------------------------------- venv
print_summary() {
    echo
    echo "=== summary (total $(secs $(($(now_ms) - SUITE_START)))s)"
    printf '%-14s %-7s %8s\n' step result seconds
    local name status took
    FAILED_STEPS=0
    for name in "${STEP_ORDER[@]}"; do
        read -r status took <"$LOGS/$name.result" 2>/dev/null || { status=FAILED took="?"; }
        [[ "$status" == ok ]] || FAILED_STEPS=$((FAILED_STEPS + 1))
        printf '%-14s %-7s %8s\n' "$name" "$status" "$took"
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
    if [[ ! -d "$COLL/tests/unit" ]]; then
        echo "no tests/unit/ directory: nothing to run"
        return 0
    fi
    # The unit tests, once, with plain pytest (what `make test-fast` runs too). `ansible-test units` ran the same files
    # twice as slowly: each test in a fork of its own (so a module-scoped emulator started again for every test) and
    # in two pytest runs (controller and modules contexts). The junit file keeps ansible-test's name for the counts.
    mkdir -p "$COLL/tests/output/junit"
    in_coll env PYTHONPATH="$BUILD" python -m pytest -q -r a -n "${KONNECT_PYTEST_WORKERS:-auto}" -p no:cacheprovider --color no \
        --junit-xml "tests/output/junit/python$PY_VERSION-units.xml" tests/unit
}

# Integration targets run in SHARDS streams at once, each in its own copy of the collection (ansible-test runs the
# targets of one invocation one after the other, and one ansible-playbook uses about one core). The targets are
# dealt to the shards by their running time in the last run (hacking/shard_targets.py), and each shard shares one
# emulator between its targets (setup_emulator resets it per target), named in the copy's integration_config.yml.
SHARDS="${KONNECT_INTEGRATION_SHARDS:-2}"

# start_shard_emulator COLL: start the emulator of one shard, print its URL (it stops with this script)
start_shard_emulator() {
    local coll="$1" defaults="$1/tests/integration/targets/setup_emulator/defaults/main.yml" port_file
    port_file="$(mktemp -u "${TMPDIR:-/tmp}/konnect-shard-emulator.XXXXXX")"
    default() { sed -n "s/^$1: *//p" "$defaults"; }
    python "$coll/tests/emulator" --port 0 --port-file "$port_file" --parent-pid "$$" --lifetime 7200 \
        --token "$(default setup_emulator_token)" --token "$(default setup_emulator_readonly_token):readonly" \
        --user "$(default setup_emulator_email):$(default setup_emulator_password)" >/dev/null 2>&1 &
    local waited
    for ((waited = 0; waited < 300; waited++)); do
        if [[ -s "$port_file" ]]; then
            echo "http://127.0.0.1:$(cat "$port_file")"
            rm -f "$port_file"
            return 0
        fi
        sleep 0.1
    done
    echo "ERROR: the shard emulator did not start" >&2
    return 1
}

run_integration() {
    # ansible-test exits 1 ("Cannot run integration tests without ...") when there is no
    # target directory at all; having no targets yet is not a test failure.
    if ! compgen -G "$COLL/tests/integration/targets/*/" >/dev/null; then
        echo "no integration targets in tests/integration/targets/: nothing to run"
        return 0
    fi
    local shard_lines=() line
    while IFS= read -r line; do
        [[ -n "$line" ]] && shard_lines+=("$line")
    done < <(python "$ROOT/hacking/shard_targets.py" --shards "$SHARDS" --targets-dir "$COLL/tests/integration/targets" \
        --timings "$ROOT/tests/output/data")
    local pids=() urls=() rc=0 shard
    for shard in "${!shard_lines[@]}"; do
        local coll="$COLL" url
        if ((shard > 0)); then
            coll="$("$ROOT/hacking/layout.sh" "$BUILD/shard-$shard")" || return 1
        fi
        url="$(start_shard_emulator "$coll")" || return 1
        urls+=("$url")
        printf 'konnect_shared_emulator_url: %s\n' "$url" >"$coll/tests/integration/integration_config.yml"
        # --continue-on-error: run every target and report all failures at the end.
        # shellcheck disable=SC2086  # one word per target
        (cd "$coll" && ansible-test integration --python "$PY_VERSION" --local --color no --continue-on-error ${shard_lines[$shard]}) \
            >"$LOGS/integration-shard-$shard.log" 2>&1 &
        pids+=("$!")
    done
    for i in "${!pids[@]}"; do
        wait "${pids[$i]}" || rc=1
    done
    for url in "${urls[@]}"; do
        python -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="POST"), timeout=10)' \
            "$url/_emulator/shutdown" 2>/dev/null
    done
    for shard in "${!shard_lines[@]}"; do
        [[ -f "$LOGS/integration-shard-$shard.log" ]] || continue
        echo "--- integration shard $shard: ${shard_lines[$shard]}"
        cat "$LOGS/integration-shard-$shard.log"
        if ((shard > 0)); then  # under a name of its own: two shards that end in the same second write the same name
            mkdir -p "$COLL/tests/output/data"
            for data in "$BUILD/shard-$shard/ansible_collections/$NS/$NAME/tests/output/data"/integration-*.json; do
                [[ -e "$data" ]] && cp "$data" "$COLL/tests/output/data/$(basename "$data" .json)-shard-$shard.json"
            done
        fi
    done
    return "$rc"
}

# Sanity tests with requirements always run in ansible-test's own venvs under ~/.ansible/test/venv (that is what the
# get-pip shim is for). pylint, about half of sanity's time, runs in a copy of its own beside the other tests, each
# copy for one ansible-test at a time (its tests/output/.tmp).
sanity_without_pylint() {
    local coll
    coll="$("$ROOT/hacking/layout.sh" "$BUILD/sanity")" || return 1
    (cd "$coll" && ansible-test sanity --python "$PY_VERSION" --venv --color no --skip-test pylint)
}
sanity_pylint() {
    local coll
    coll="$("$ROOT/hacking/layout.sh" "$BUILD/sanity-pylint")" || return 1
    (cd "$coll" && ansible-test sanity --python "$PY_VERSION" --venv --color no --test pylint)
}
# Lint the checkout itself (.ansible-lint excludes .build/.venv/tests/output); the collection's own modules/roles
# resolve from the laid-out copy.  --offline: no installs.
run_lint() { ANSIBLE_COLLECTIONS_PATH="$BUILD" ansible-lint --offline; }
# docs: ansible-doc renders every module (with EXAMPLES); the guides' pages are up to date; antsibull-docs lints the
# collection's docs (with --plugin-docs under `make docs`: 50 s of CPU that the site build's -W mostly repeats); the site
# is built into .build/docs/html and checked (links, pages, one page in headless Chromium when installed).
run_docs() {
    local rc=0 lint=(antsibull-docs lint-collection-docs)
    [[ -n "${KONNECT_DOCS_LINT_PLUGINS:-}" ]] && lint+=(--plugin-docs)
    python "$ROOT/hacking/check_docs.py" --collections-path "$BUILD" || rc=1
    python "$ROOT/hacking/docs_guides.py" --check || rc=1
    if out="$(cd "$COLL" && ANSIBLE_COLLECTIONS_PATH="$BUILD" "${lint[@]}" . 2>&1)"; then
        echo "${lint[*]}: ok"
    else
        printf '%s\n%s: FAILED\n' "$out" "${lint[*]}"
        rc=1
    fi
    "$ROOT/hacking/build_docs.sh" "$BUILD/docs" || rc=1
    python "$ROOT/hacking/check_docs_site.py" --site "$BUILD/docs/html" || rc=1
    return "$rc"
}
run_build() {  # in a copy of its own: integration writes into $COLL meanwhile
    local coll
    coll="$("$ROOT/hacking/layout.sh" "$BUILD/build")" || return 1
    galaxy_import "$coll"
}
# The changelog from the fragments (antsibull-changelog lint, then release for galaxy.yml's version, in the build
# copy only: the checkout keeps its fragments until a release is cut, see README "Cutting a release"), a tarball
# that carries it, and galaxy-importer, Galaxy's own checks, on that tarball (hacking/galaxy_import.py).
galaxy_import() {
    local coll="$1" version
    version="$(sed -n 's/^version: *//p' "$coll/galaxy.yml" | tr -d "\"' ")"
    (cd "$coll" && antsibull-changelog lint && antsibull-changelog release --version "$version" \
        && antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml \
        && ansible-galaxy collection build --force --output-path "$BUILD/dist") || return 1
    python "$ROOT/hacking/galaxy_import.py" --venv "$BUILD/galaxy-importer-venv" --work-dir "$BUILD/galaxy-importer" \
        "$BUILD/dist/$NS-$NAME-$version.tar.gz"
}

if selected sanity; then
    start_lane sanity-pylint:sanity_pylint
fi
# The collection on every ansible-core line the README names (hacking/compat.sh): its own lane, one line at a time.
run_compat() { KONNECT_COMPAT_JOBS="${KONNECT_COMPAT_JOBS:-1}" "$ROOT/hacking/compat.sh"; }
if selected compat; then
    start_lane compat:run_compat
fi
LANE=()
selected sanity && LANE+=(sanity:sanity_without_pylint)
selected lint && LANE+=(lint:run_lint)
selected docs && LANE+=(docs:run_docs)
selected build && LANE+=(build:run_build)
[[ ${#LANE[@]} -eq 0 ]] || start_lane "${LANE[@]}"
if selected units; then
    run_step units run_units
fi
if selected integration; then
    run_step integration run_integration
fi
wait_lanes

# ---------------------------------------------------------------------------- results
# Keep ansible-test's junit/data next to the checkout, where people look for them.
if [[ -d "$COLL/tests/output" ]]; then
    # (data also gives the next run the targets' running times, to deal them to the shards: kept when integration did not run)
    for d in junit data; do
        if [[ -d "$COLL/tests/output/$d" ]]; then
            rm -rf "${ROOT:?}/tests/output/$d"
            mkdir -p "$ROOT/tests/output" && cp -r "$COLL/tests/output/$d" "$ROOT/tests/output/"
        fi
    done
fi

COUNT_FAILED=0
if ! counts="$(python "$ROOT/hacking/count_results.py" --output "$COLL/tests/output" --integration-log "$LOGS/integration.log")"; then
    counts="0 1 could not count the results (hacking/count_results.py failed)"
    COUNT_FAILED=1
fi
read -r N_PASSED N_FAILED DETAIL <<<"$counts"

print_summary
FAILED_STEPS=$((FAILED_STEPS + COUNT_FAILED))
echo "tests: $DETAIL"
if [[ "$FAILED_STEPS" -gt 0 ]]; then
    echo "$FAILED_STEPS step(s) FAILED; logs in ${LOGS#"$ROOT"/}/"
fi
echo "suite: $N_PASSED passed, $N_FAILED failed"
[[ "$FAILED_STEPS" -eq 0 ]]
