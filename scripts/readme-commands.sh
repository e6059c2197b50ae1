#!/usr/bin/env bash
# Runs the README's commands as written against the packaged jar, so that a README that drifted from the
# server fails CI. The README's shell blocks are taken from README.md itself (not copied here; see
# scripts/readme-commands.py for the order and the rules) and run in one bash session, as a reader would
# paste them into one terminal, in a scratch directory (its ./data, ./backups, ./credentials.json,
# ~/.entity-store/ and downloaded files stay there):
#
#   1. the run command of "The two commands" (the jar is the one `mvn -B verify` built; `mvn` there does
#      nothing), then the sections that need an anonymous server on it; that server is stopped (exit 0);
#   2. "Running on OpenSearch": `scripts/opensearch.sh start` finds the node CI started for the tests
#      (OPENSEARCH_DIR, default <repo>/.opensearch; with none running it starts one and stops it after),
#      and the server on it answers; then "Backup and restore"'s OpenSearch snapshots, on two nodes of
#      their own under the scratch directory (a snapshot on one, restored into the other, a record read);
#   3. the service command (class-data archive, fixed heap);
#   4. the sections that start servers of their own, with credentials: Credentials and TLS (the PEM
#      files of "your CA" are stand-ins made here with openssl), User profiles, Endpoint exception list,
#      Backup and restore (restored into a new directory, started, a record read back);
#   5. the container image (CI built it with the README's `mvn -B -Pimage ...` before this script; `mvn`
#      there does nothing): scripts/image-test.sh runs it in runc (root);
#   6. the contract regeneration, with the real Maven in the repository (its generated sources removed
#      first, so they must be made again).
# Then scripts/service-unit-check.py checks deploy/entity-store.service (the "Running it in production"
# unit) against the README and starts it.
#
# Every curl must get an answer (a server starting is waited for up to 180 s) and succeed: a 4xx only where the
# README's comment beside the command names that status (`# 401 ...`, `# 412 if ...`), never a 5xx, never
# "no route". Shown and not run: blocks marked `# Example only: ...` (a host of the reader's own), lines
# naming a placeholder (`<id from list>`), and `mvn -B verify` (CI has just run it). It prints each
# command it runs, and at the end what it did not run and why.
#
#   scripts/readme-commands.sh            needs server/target/entity-store-server.jar and port 5601 free,
#                                         server/target/entity-store-image.tar and root (the image's run)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$REPO_ROOT/server/target/entity-store-server.jar"
[[ -f "$JAR" ]] || { echo "readme-commands: no $JAR: build it first (mvn -B verify)" >&2; exit 1; }
if (exec 3<>/dev/tcp/127.0.0.1/5601) 2>/dev/null; then
    echo "readme-commands: port 5601 is in use; the README's commands need it" >&2
    exit 1
fi
start_time=$SECONDS

SCRATCH="$(mktemp -d)"
# As root, a node runs as an unprivileged user, which must pass through the scratch directory to its own.
chmod 711 "$SCRATCH"
mkdir -p "$SCRATCH/home" "$SCRATCH/server/target"
ln -s "$JAR" "$SCRATCH/server/target/entity-store-server.jar"
ln -s "$REPO_ROOT/scripts" "$SCRATCH/scripts"
# Maven (the contract step, and the OpenSearch script's fetch) keeps using your repository of artifacts.
[[ -d "$HOME/.m2" ]] && ln -s "$HOME/.m2" "$SCRATCH/home/.m2"

# The README's `scripts/opensearch.sh start` finds a running node by its directory: the one CI started.
export OPENSEARCH_DIR="${OPENSEARCH_DIR:-$REPO_ROOT/.opensearch}"
# A node this script did not start is never stopped by it (a URL file left: someone else's node).
node_was_running=false
if "$REPO_ROOT/scripts/opensearch.sh" status || [[ -f "$OPENSEARCH_DIR/url" ]]; then node_was_running=true; fi
# The README's own nodes (the snapshot example) live under the scratch directory; they are stopped here
# too if a command failed before the README stopped them.
stop_started_node() {
    if [[ $node_was_running == false ]]; then "$REPO_ROOT/scripts/opensearch.sh" stop || true; fi
    for pidfile in "$SCRATCH"/*/opensearch.pid; do
        [[ -f "$pidfile" ]] && OPENSEARCH_DIR="$(dirname "$pidfile")" "$REPO_ROOT/scripts/opensearch.sh" stop || true
    done
}
trap stop_started_node EXIT

python3 "$REPO_ROOT/scripts/readme-commands.py" "$REPO_ROOT/README.md" > "$SCRATCH/readme.sh"
echo "summary" >> "$SCRATCH/readme.sh"

cat > "$SCRATCH/prelude.sh" <<'SH'
set -eo pipefail
RAN=0
NOT_RUN=()
ran() { RAN=$((RAN + 1)); printf '$ %s\n' "$1"; }
not_run() { NOT_RUN+=("$1"); printf '(not run: %s)\n' "$1"; }
summary() {
    echo
    echo "readme-commands: ran $RAN README commands; not run (${#NOT_RUN[@]}):"
    printf '  - %s\n' "${NOT_RUN[@]}"
}
# CI built the jar with `mvn -B verify`, and the image; the README's build steps have nothing left to do.
mvn() { echo "(mvn $* : CI has built it already)"; }
# A server the README starts in the foreground (a terminal of its own) runs in the background here; it
# is stopped at the end of its group of sections and must exit 0, as SIGTERM promises.
stop_run_server() {
    [[ -n "${RUN_SERVER:-}" ]] || return 0
    kill "$RUN_SERVER"
    wait "$RUN_SERVER"
    unset RUN_SERVER
}
# "A certificate and key from your own CA as PEM files": stand-ins, for the README's store.example.com.
stand_in_ca_files() {
    echo "(stand-ins for your CA's PEM files, made with openssl: ca.crt, and server.crt + server.key for store.example.com)"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=stand-in-ca \
        -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=store.example.com \
        -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=DNS:store.example.com\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext \
        -out server.crt 2>/dev/null
}
# The contract steps build the repository's own sources: the real Maven, there.
real_maven_in_repository() {
    GENERATED="$REPO_ROOT/generated-api/target/generated-sources/openapi/src/gen/java"
    echo "(mvn: the real one, in $REPO_ROOT; $GENERATED removed first, so it must be generated again)"
    rm -rf "$GENERATED"
    mvn() {
        (cd "$REPO_ROOT" && command mvn "$@")
        [[ -n "$(find "$GENERATED" -name '*Api.java' 2>/dev/null | head -n 1)" ]] \
            || { echo >&2 "readme-commands: FAILED: mvn $* generated no interfaces under $GENERATED"; return 1; }
    }
}
# Every answer is checked (EXPECT: the 4xx the README's comments announce for this command); the body
# goes where the README sends it. The README's server name store.example.com is this machine.
curl() {
    local body status deadline=$((SECONDS + 180))
    body="$(mktemp)"
    while true; do
        # A bound on every command (a README line may set its own): a stream or a hung answer never holds CI.
        status="$(command curl --max-time 120 --resolve store.example.com:5601:127.0.0.1 "$@" -o "$body" \
            -w '%{http_code}' || true)"
        [[ "$status" != "000" || $SECONDS -ge $deadline ]] && break
        sleep 1
    done
    cat "$body"
    echo >&2 "  -> HTTP $status"
    if [[ "$status" == "000" || "$status" -ge 500 ]] || grep -q -e '"message":"Not Found"' -e '"error":"no handler found' "$body" \
        || [[ "$status" -ge 400 && " ${EXPECT:-} " != *" $status "* ]]; then
        echo >&2 "readme-commands: FAILED: curl $*  (HTTP $status)"
        rm -f "$body"
        return 1
    fi
    rm -f "$body"
}
SH

echo "readme-commands: running the README's commands in $SCRATCH"
cd "$SCRATCH"
status=0
# Its own process group, so that whatever it leaves running is stopped with it.
HOME="$SCRATCH/home" REPO_ROOT="$REPO_ROOT" setsid bash -c 'source ./prelude.sh; source ./readme.sh' \
    > "$SCRATCH/output.log" 2>&1 &
group=$!
wait "$group" || status=$?
kill -- "-$group" 2>/dev/null || true
cat "$SCRATCH/output.log"
if [[ $status -ne 0 ]]; then
    echo "readme-commands: a README command failed (exit $status); the output is above, the files in $SCRATCH" >&2
    exit 1
fi
echo
echo "readme-commands: the service unit (deploy/entity-store.service)"
python3 "$REPO_ROOT/scripts/service-unit-check.py"
rm -rf "$SCRATCH"
echo "readme-commands: every README command ran as written ($((SECONDS - start_time)) s)"
