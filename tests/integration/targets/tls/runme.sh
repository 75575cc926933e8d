#!/usr/bin/env bash
# Real ansible-playbook over real HTTPS: the emulator serves TLS (--tls) with a CA it makes in a scratch directory.
# tls.yml: ca_path works, no CA fails naming ca_path / validate_certs, a bad URL and a refused connection are one
# sentence, each failure with nothing written. insecure.yml: validate_certs: false on several hosts x 3 tasks warns once per
# run, in-process and as a module on the target (counted in the playbook's own output).
set -eu

COLLECTION="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/konnect/konnect"
SCRATCH="$(mktemp -d)"
EMULATOR_PID=
cleanup() {
    if [ -n "$EMULATOR_PID" ]; then kill "$EMULATOR_PID" 2>/dev/null || true; wait "$EMULATOR_PID" 2>/dev/null || true; fi
    rm -rf "$SCRATCH"
}
trap cleanup EXIT

python "$COLLECTION/tests/emulator" --port 0 --port-file "$SCRATCH/port" --tls "$SCRATCH/pki" --lifetime 600 --parent-pid $$ \
    2>"$SCRATCH/emulator.log" &
EMULATOR_PID=$!
for _ in $(seq 1 300); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
PORT="$(cat "$SCRATCH/port")"
VARS=(-e "emulator_url=https://127.0.0.1:$PORT" -e "emulator_ca=$SCRATCH/pki/ca.pem")

ansible-playbook -i hosts.ini tls.yml "${VARS[@]}" "$@"

# in-process on 3 hosts; as a module on the target (slower: a module process per task) on 2
for run in controller:fleet:9 target:fleet-1,fleet-2:6; do
    IFS=: read -r execution hosts expected <<<"$run"
    KONNECT_EXECUTION=$execution ansible-playbook -i hosts.ini -f 3 --limit "$hosts" insecure.yml "${VARS[@]}" "$@" 2>&1 \
        | tee "$SCRATCH/insecure.out"
    shown="$(grep -c 'validate_certs is false: TLS certificates are not verified' "$SCRATCH/insecure.out" || true)"
    tasks="$(grep -c '^\(ok\|changed\): \[fleet-' "$SCRATCH/insecure.out" || true)"
    echo "validate_certs: false ($execution): $tasks task results, the warning shown $shown time(s)"
    [ "$tasks" -eq "$expected" ] || { echo "expected $expected task results"; exit 1; }
    [ "$shown" -eq 1 ] || { echo "the warning must show once per run, not $shown times"; exit 1; }
    if grep -q 'InsecureRequestWarning\|Unverified HTTPS request' "$SCRATCH/insecure.out"; then
        echo "urllib3's own warning leaked into the output"; exit 1
    fi
done
