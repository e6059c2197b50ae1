#!/usr/bin/env bash
# Makes the class-data archive that shortens the server's start (AppCDS, JDK 17's dynamic archive):
# starts the packaged jar once on a throw-away data directory, sends it one write and one list so the
# classes of a request are loaded too, stops it, and leaves the archive beside the jar.
#
#   scripts/class-archive.sh            writes server/target/entity-store-server.jsa
#   java -XX:SharedArchiveFile=server/target/entity-store-server.jsa -jar server/target/entity-store-server.jar
#   scripts/class-archive.sh JAR        writes the archive beside that jar (e.g. an installed copy)
#
# The archive belongs to this jar, at this path, and this JDK: after a rebuild or a copy elsewhere, make
# it again (JDK 17 ignores an archive made for another jar path with a warning, and the server starts as
# without it).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${1:-${REPO_ROOT}/server/target/entity-store-server.jar}"
ARCHIVE="${JAR%.jar}.jsa"
[[ -f "$JAR" ]] || { echo "no $JAR: build it first (mvn -B -q -DskipTests package)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
rm -f "$ARCHIVE"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" --port 0 --data-dir "$work/data" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  url="$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/log")"
  [[ -n "$url" ]] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
  sleep 0.5
done
[[ -n "$url" ]] || { echo "the server did not start" >&2; exit 1; }
post() { curl -sf -o /dev/null -X "$1" -H 'kbn-xsrf: true' -H 'Content-Type: application/json' "$url$2" -d "$3"; }
post POST /api/security/entity_store/install '{}'
post POST /api/security/entity_store/entities/host '{"host":{"name":"class-archive"}}'
curl -sf -o /dev/null "$url/api/security/entity_store/entities?filter=host.name:class-archive"
kill -TERM "$pid"
wait "$pid" || true
[[ -s "$ARCHIVE" ]] || { echo "no archive was written" >&2; exit 1; }
echo "$ARCHIVE"
