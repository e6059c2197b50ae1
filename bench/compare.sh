#!/usr/bin/env bash
# The side-by-side figures of the two backends in one run on this machine: the same figures (bulk,
# single updates at a fixed rate, write-to-visible, lists) on the embedded store, then on a local
# OpenSearch node started for the run, then a table of both with the ratio embedded / OpenSearch.
#
#   bench/compare.sh [--entities 100000] [--rate 100] [--seconds 30] [--batches 50] [--probes 300] [--queries 1000]
#                    [--jar server/target/entity-store-server.jar]
#
# --jar runs another build of the server (e.g. a copy kept from before a change), so that a before and an
# after run can go back to back while the tree is rebuilt.
# The OpenSearch node lives under bench-data/opensearch-node (its own copy, not the tests' node), with
# OPENSEARCH_HEAP (default 1g here) and is stopped at the end. Every figure's output goes to
# bench-data/compare-<date>.log; the table is printed at the end. Loopback only; stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

entities=100000 rate=100 seconds=30 batches=50 probes=300 queries=1000 jar=server/target/entity-store-server.jar
while [[ $# -gt 0 ]]; do
  case "$1" in
    --entities) entities="$2" ;; --rate) rate="$2" ;; --seconds) seconds="$2" ;;
    --batches) batches="$2" ;; --probes) probes="$2" ;; --queries) queries="$2" ;; --jar) jar="$2" ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

mkdir -p bench-data
log="bench-data/compare-$(date -u +%Y%m%dT%H%M%SZ).log"
node_dir="$PWD/bench-data/opensearch-node"
export OPENSEARCH_DIR="$node_dir" OPENSEARCH_HEAP="${OPENSEARCH_HEAP:-1g}"
trap 'scripts/opensearch.sh stop || true' EXIT
# A new node starts empty: a pre-fill marker left from an earlier node would point at nothing.
rm -rf "bench-data/opensearch-host-$entities"
url="$(scripts/opensearch.sh start | tail -n 1)"

common=(--entities "$entities" --jar "$jar")
for backend in sqlite opensearch; do
  extra=()
  [[ "$backend" == opensearch ]] && extra=(--backend opensearch --opensearch-url "$url")
  for figure in bulk single visible list; do
    case "$figure" in
      bulk) args=(--batches "$batches") ;;
      single) args=(--rate "$rate" --seconds "$seconds") ;;
      visible) args=(--probes "$probes") ;;
      list) args=(--queries "$queries") ;;
    esac
    echo "### $backend $figure" | tee -a "$log"
    bench/figure.sh "$figure" "${common[@]}" "${extra[@]}" "${args[@]}" 2>&1 | tee -a "$log" \
      || echo "### $backend $figure FAILED" | tee -a "$log"
  done
done

# One row per figure: the value on each backend and embedded / OpenSearch (for latencies, a ratio
# below 1 means the embedded store is faster).
awk -v entities="$entities" -v rate="$rate" -v jar="$jar" '
  /^### / { backend = $2; figure = $3; next }
  figure == "bulk" && /^entities written:/ { v[backend, "bulk entities/s"] = $(NF - 1) }
  function pick(label,   i) {
    for (i = 1; i <= NF; i++) {
      if ($i == "p50") v[backend, label " p50 ms"] = $(i + 1)
      if ($i == "p99") v[backend, label " p99 ms"] = $(i + 1)
    }
  }
  figure == "single" && /^update / { pick("single update at " rate "/s") }
  figure == "visible" && /^write to visible in list/ { pick("write-to-visible") }
  figure == "list" && /^list kql entity.id/ { pick("list KQL entity.id") }
  figure == "list" && /^list kql host.name/ { pick("list KQL host.name") }
  figure == "list" && /^list page 100 by @timestamp/ { pick("list page of 100") }
  figure == "list" && /^list searchAfter deep page/ { pick("list searchAfter page 50") }
  figure == "visible" && /^visible on return/ { y = $(NF - 3); sub(/;$/, "", y); v[backend, "visible on return"] = $(NF - 5) "/" y }
  END {
    n = split("bulk entities/s|single update at " rate "/s p50 ms|single update at " rate "/s p99 ms|write-to-visible p50 ms|write-to-visible p99 ms|visible on return|list KQL entity.id p99 ms|list KQL host.name p99 ms|list page of 100 p99 ms|list searchAfter page 50 p99 ms", rows, "|")
    printf "\n%d hosts, same machine, same run, %s\n", entities, jar
    printf "| figure | embedded | OpenSearch | embedded / OpenSearch |\n|---|---|---|---|\n"
    for (r = 1; r <= n; r++) {
      a = v["sqlite", rows[r]]; b = v["opensearch", rows[r]]
      ratio = (a != "" && b != "" && b + 0 > 0 && rows[r] !~ /visible on return/) ? sprintf("%.2f", a / b) : "-"
      printf "| %s | %s | %s | %s |\n", rows[r], a == "" ? "-" : a, b == "" ? "-" : b, ratio
    }
  }' "$log" | tee -a "$log"
echo "log: $log"
