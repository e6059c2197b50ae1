#!/usr/bin/env bash
# Runs the container image in a real OCI runtime (runc), as a container engine would, and checks what the
# README promises of it: the Jib tarball is converted to an OCI layout (skopeo), unpacked into a runtime
# bundle (umoci: the image's user, entrypoint, environment), given host directories at its two volumes
# (/data, /etc/entity-store) and the host's network (its port a free one, by ENTITY_STORE_PORT), then
#   1. without a credentials file the server refuses to start (exit 2); the image's own entrypoint
#      makes an admin API key (`credentials add-key`) in /etc/entity-store;
#   2. the server starts, runs as uid 65532 with the image's heap flags, /api/status answers 200;
#   3. the image's HEALTHCHECK command (read from the image's configuration) passes inside (runc exec),
#      and fails when no server answers on the port it is given;
#   4. an engine is installed and an entity written; its files in /data belong to uid 65532;
#   5. SIGTERM stops it with exit 0; a new container on the same /data reads the entity back, and stops
#      with exit 0 too.
# Needs root (runc); installs runc, skopeo and umoci with apt when missing. About a minute.
#
#   scripts/image-test.sh [IMAGE_TAR]     default server/target/entity-store-image.tar
#                                         (mvn -B -Pimage -pl server -am package -DskipTests)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
IMAGE="$(readlink -f "${1:-$REPO_ROOT/server/target/entity-store-image.tar}")"
fail() { echo "image-test: FAILED: $*" >&2; exit 1; }
[[ -f "$IMAGE" ]] || fail "no $IMAGE: build it with mvn -B -Pimage -pl server -am package -DskipTests"
[[ "$(id -u)" -eq 0 ]] || fail "runc runs containers as root here: run this as root"
start_time=$SECONDS

missing=()
for tool in runc skopeo umoci; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "image-test: installing ${missing[*]} with apt"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

WORK="$(mktemp -d)"
NAME="entity-store-image-test-$$"
RUNC_PID=""
cleanup() {
    [[ -n "$RUNC_PID" ]] && kill "$RUNC_PID" 2>/dev/null || true
    runc delete --force "$NAME" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "image-test: $IMAGE -> OCI layout -> runtime bundle"
skopeo copy --quiet "docker-archive:$IMAGE" "oci:$WORK/oci:entity-store"
umoci unpack --image "$WORK/oci:entity-store" "$WORK/bundle" >/dev/null
# The health check as the image declares it (Docker's format keeps it; the OCI conversion need not).
read -r -a HEALTHCHECK < <(python3 - "$IMAGE" <<'PY'
import json, sys, tarfile
with tarfile.open(sys.argv[1]) as t:
    manifest = json.load(t.extractfile("manifest.json"))
    test = json.load(t.extractfile(manifest[0]["Config"]))["config"]["Healthcheck"]["Test"]
assert test[0] == "CMD", test
print(" ".join(test[1:]))
PY
)
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$WORK/data" "$WORK/secrets"
chown 65532:65532 "$WORK/data" "$WORK/secrets"
chmod 700 "$WORK/data" "$WORK/secrets"

# The bundle's configuration: no terminal, the host's network, the volumes bound to host directories,
# and the given arguments after the image's entrypoint (none: the server).
configure() {
    python3 - "$WORK/bundle/config.json" "$PORT" "$WORK/data" "$WORK/secrets" "$@" <<'PY'
import json, sys
path, port, data, secrets, *extra = sys.argv[1:]
config = json.load(open(path))
process = config["process"]
try:
    entrypoint = json.load(open(path + ".entrypoint"))
except FileNotFoundError:
    entrypoint = process["args"]
    json.dump(entrypoint, open(path + ".entrypoint", "w"))
process["args"] = entrypoint + extra
process["terminal"] = False
process["env"] = [e for e in process["env"] if not e.startswith("ENTITY_STORE_PORT=")] + ["ENTITY_STORE_PORT=" + port]
config["linux"]["namespaces"] = [n for n in config["linux"]["namespaces"] if n["type"] != "network"]
config["mounts"] = [m for m in config["mounts"] if m["destination"] not in ("/data", "/etc/entity-store")] + [
    {"destination": "/data", "type": "bind", "source": data, "options": ["rbind", "rw"]},
    {"destination": "/etc/entity-store", "type": "bind", "source": secrets, "options": ["rbind", "rw"]},
]
json.dump(config, open(path, "w"), indent=2)
PY
}

start_server() {
    configure
    runc run --bundle "$WORK/bundle" "$NAME" >>"$WORK/server.log" 2>&1 &
    RUNC_PID=$!
    local deadline=$((SECONDS + 180))
    until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/status" 2>/dev/null; do
        kill -0 "$RUNC_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the container exited while starting"; }
        [[ $SECONDS -lt $deadline ]] || { cat "$WORK/server.log" >&2; fail "/api/status did not answer 200 within 180 s"; }
        sleep 1
    done
}

# SIGTERM to the container's process (PID 1 in it), as `docker stop` sends; runc exits with its status.
stop_server() {
    runc kill "$NAME" TERM
    local status=0
    wait "$RUNC_PID" || status=$?
    RUNC_PID=""
    [[ $status -eq 0 ]] || { cat "$WORK/server.log" >&2; fail "after SIGTERM the container exited $status, not 0"; }
    echo "image-test: SIGTERM stopped it, exit 0"
}

api() {
    curl -fsS -H "Authorization: ApiKey $KEY" -H kbn-xsrf:true -H Content-Type:application/json "$@"
}

echo "image-test: 1. no credentials file yet: it refuses to listen beyond loopback (exit 2); then an API key,"
echo "            made by the image's entrypoint in /etc/entity-store"
configure
status=0
runc run --bundle "$WORK/bundle" "$NAME" >>"$WORK/server.log" 2>&1 || status=$?
[[ $status -eq 2 ]] || { cat "$WORK/server.log" >&2; fail "without a credentials file it exited $status, not 2"; }

configure credentials add-key --name image-test --spaces '*' --write --admin
KEY="$(runc run --bundle "$WORK/bundle" "$NAME" 2>>"$WORK/server.log")"
[[ -n "$KEY" ]] || fail "credentials add-key printed no key"
[[ "$(stat -c %u "$WORK/secrets/credentials.json")" == 65532 ]] || fail "the credentials file is not owned by uid 65532"

echo "image-test: 2. the server, on port $PORT"
start_server
pid="$(runc state "$NAME" | python3 -c 'import json, sys; print(json.load(sys.stdin)["pid"])')"
uids="$(awk '/^Uid:/ {print $2, $3, $4, $5}' "/proc/$pid/status")"
[[ "$uids" == "65532 65532 65532 65532" ]] || fail "the server runs as uids $uids, not 65532"
tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Xmx256m" || fail "the server was not started with the image's heap flags"
echo "image-test: runs as uid 65532 with -Xmx256m; /api/status answers 200"

echo "image-test: 3. the image's health check inside the container: ${HEALTHCHECK[*]}"
runc exec "$NAME" "${HEALTHCHECK[@]}" || fail "the health check failed on a healthy server"
# and it can fail: pointed at a port nothing listens on, it must
if runc exec --env ENTITY_STORE_PORT=1 "$NAME" "${HEALTHCHECK[@]}" 2>/dev/null; then
    fail "the health check passed with no server behind it"
fi
[[ "$(runc exec "$NAME" id -u)" == 65532 ]] || fail "a command run in the container is not uid 65532"

echo "image-test: 4. a write, stored in the /data volume"
api -XPOST "http://127.0.0.1:$PORT/api/security/entity_store/install" -d '{"entityTypes":["host"]}' >/dev/null
api -XPOST "http://127.0.0.1:$PORT/api/security/entity_store/entities/host" -d '{"host":{"name":"image-test-01"}}' >/dev/null
api "http://127.0.0.1:$PORT/api/security/entity_store/entities/host/host:image-test-01" | grep -q '"image-test-01"' \
    || fail "the entity written is not read back"
stray="$(find "$WORK/data" ! -uid 65532 | head -n 1)"
[[ -z "$stray" && -n "$(ls -A "$WORK/data")" ]] || fail "the store's files in /data are missing or not owned by uid 65532 ($stray)"

echo "image-test: 5. SIGTERM, then a new container on the same /data"
stop_server
runc delete --force "$NAME" >/dev/null 2>&1 || true
start_server
api "http://127.0.0.1:$PORT/api/security/entity_store/entities/host/host:image-test-01" | grep -q '"image-test-01"' \
    || fail "the entity written before the restart is gone"
echo "image-test: the entity written before the restart is read back"
stop_server
echo "image-test: passed ($((SECONDS - start_time)) s)"
