#!/usr/bin/env bash
# Starts and stops a single-node OpenSearch 2.19.6 on 127.0.0.1 for tests and local use.
#
#   scripts/opensearch.sh start   fetch (once), unpack (once), start on a free port, wait until it answers;
#                                 prints the URL, also kept in $OS_DIR/url
#   scripts/opensearch.sh stop    stops it by its PID and waits for it to exit
#   scripts/opensearch.sh url     prints the URL of the running node
#   scripts/opensearch.sh status  exit 0 if the node answers
#
# The distribution is Maven Central's org.opensearch.distribution.integ-test-zip:opensearch (zip), fetched
# with Maven. OpenSearch refuses to run as root, so as root the node runs as the unprivileged user
# $OPENSEARCH_USER (default nobody) on a copy it owns. Settings: OPENSEARCH_DIR (default
# <repo>/.opensearch), OPENSEARCH_PORT (default: a free one), OPENSEARCH_HEAP (default 512m),
# OPENSEARCH_START_SECONDS (default 120), OPENSEARCH_PATH_REPO (default none: a directory the node may keep
# snapshots in, its `path.repo`, made if missing; register it as an `fs` repository to snapshot and restore,
# README "Backup and restore"). A start wipes the node's data unless OPENSEARCH_KEEP_DATA=1 (a restart of a
# stopped or killed node on the same OPENSEARCH_DIR and OPENSEARCH_PORT, keeping its indices).
#
# A node of a cluster on loopback instead of a single node: OPENSEARCH_CLUSTER_NODES, the comma-separated
# names of the cluster's first cluster-manager-eligible nodes (e.g. node-1,node-2,node-3), with
# OPENSEARCH_NODE_NAME (this node's, one of them), OPENSEARCH_TRANSPORT_PORT (its own) and
# OPENSEARCH_SEED_HOSTS (every node's 127.0.0.1:<transport port>). Each node has its own OPENSEARCH_DIR and
# ports. Such a start does not wait for the node to answer (no node answers before a majority has joined):
# start them all, then wait for `_cluster/health?wait_for_nodes=N`.
set -euo pipefail

VERSION=2.19.6
ARTIFACT="org.opensearch.distribution.integ-test-zip:opensearch:${VERSION}:zip"
DEPENDENCY_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OS_DIR="${OPENSEARCH_DIR:-$REPO_ROOT/.opensearch}"
HOME_DIR="$OS_DIR/opensearch-$VERSION"
RUN_USER="${OPENSEARCH_USER:-nobody}"
HEAP="${OPENSEARCH_HEAP:-512m}"
START_SECONDS="${OPENSEARCH_START_SECONDS:-120}"
PATH_REPO="${OPENSEARCH_PATH_REPO:-}"
CLUSTER_NODES="${OPENSEARCH_CLUSTER_NODES:-}"

die() { echo "opensearch.sh: $*" >&2; exit 1; }

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

java_home() {
    if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; return; fi
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

fetch_and_unpack() {
    [[ -x "$HOME_DIR/bin/opensearch" ]] && return
    mkdir -p "$OS_DIR"
    echo "opensearch.sh: fetching $ARTIFACT" >&2
    # Maven's output goes to stderr: stdout carries only the URL, which callers read with `tail -n 1`
    # (Maven prints terminal reset codes without a newline even with -B -q, which glued onto the URL).
    mvn -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="$ARTIFACT" -DoutputDirectory="$OS_DIR" -Dmdep.overWriteIfNewer=true >&2 \
        || die "could not fetch $ARTIFACT with Maven"
    rm -rf "$HOME_DIR.partial"
    mkdir -p "$HOME_DIR.partial"
    unzip -q "$OS_DIR/opensearch-$VERSION.zip" -d "$HOME_DIR.partial" || die "could not unpack the distribution"
    mv "$HOME_DIR.partial/opensearch-$VERSION" "$HOME_DIR"
    rm -rf "$HOME_DIR.partial" "$OS_DIR/opensearch-$VERSION.zip"
}

answers() {
    local url="$1"
    curl -fsS --max-time 2 "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

start() {
    if [[ -f "$OS_DIR/url" ]] && answers "$(cat "$OS_DIR/url")"; then
        cat "$OS_DIR/url"
        return
    fi
    fetch_and_unpack
    local port="${OPENSEARCH_PORT:-$(free_port)}"
    local data="$OS_DIR/data" logs="$OS_DIR/logs" pidfile="$OS_DIR/opensearch.pid"
    if [[ "${OPENSEARCH_KEEP_DATA:-}" == 1 ]]; then
        rm -f "$pidfile" "$OS_DIR/url"
    else
        rm -rf "$data" "$logs" "$pidfile" "$OS_DIR/url"
    fi
    mkdir -p "$data" "$logs"
    local repo=()
    if [[ -n "$PATH_REPO" ]]; then
        [[ "$PATH_REPO" == /* ]] || die "OPENSEARCH_PATH_REPO must be an absolute path: $PATH_REPO"
        mkdir -p "$PATH_REPO"
        repo=(-Epath.repo="$PATH_REPO")
    fi
    local run=()
    if [[ "$(id -u)" == 0 ]]; then
        id "$RUN_USER" >/dev/null 2>&1 || die "user $RUN_USER does not exist (set OPENSEARCH_USER)"
        chown -R "$RUN_USER" "$OS_DIR" ${PATH_REPO:+"$PATH_REPO"}
        runuser -u "$RUN_USER" -- test -w "$OS_DIR" \
            || die "user $RUN_USER cannot reach $OS_DIR (a parent directory it may not enter?)"
        run=(runuser -u "$RUN_USER" --)
    fi
    local discovery=(-Ediscovery.type=single-node -Etransport.port=0)
    if [[ -n "$CLUSTER_NODES" ]]; then
        [[ -n "${OPENSEARCH_NODE_NAME:-}" && -n "${OPENSEARCH_TRANSPORT_PORT:-}" && -n "${OPENSEARCH_SEED_HOSTS:-}" ]] \
            || die "a cluster node needs OPENSEARCH_NODE_NAME, OPENSEARCH_TRANSPORT_PORT and OPENSEARCH_SEED_HOSTS"
        discovery=(-Ecluster.name=entity-store-test -Enode.name="$OPENSEARCH_NODE_NAME"
            -Etransport.port="$OPENSEARCH_TRANSPORT_PORT" -Ediscovery.seed_hosts="$OPENSEARCH_SEED_HOSTS"
            -Ecluster.initial_cluster_manager_nodes="$CLUSTER_NODES")
    fi
    # No security plugin in this distribution: plain HTTP, bound to loopback only.
    "${run[@]}" env OPENSEARCH_JAVA_HOME="$(java_home)" OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        "$HOME_DIR/bin/opensearch" -d -p "$pidfile" \
        -Enetwork.host=127.0.0.1 -Ehttp.port="$port" "${discovery[@]}" \
        -Epath.data="$data" -Epath.logs="$logs" \
        -Ecluster.routing.allocation.disk.threshold_enabled=false \
        -Eaction.auto_create_index=false "${repo[@]}" \
        >"$OS_DIR/start.out" 2>&1 || { cat "$OS_DIR/start.out" >&2; die "OpenSearch did not start"; }
    local url="http://127.0.0.1:$port"
    if [[ -n "$CLUSTER_NODES" ]]; then
        echo "$url" >"$OS_DIR/url"
        echo "$url"
        return
    fi
    local waited=0
    until answers "$url"; do
        if (( waited >= START_SECONDS )); then
            tail -n 40 "$logs"/*.log >&2 2>/dev/null || true
            stop_node
            die "OpenSearch did not answer on $url within ${START_SECONDS}s"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    echo "$url" >"$OS_DIR/url"
    echo "$url"
}

stop_node() {
    local pidfile="$OS_DIR/opensearch.pid"
    [[ -f "$pidfile" ]] || return 0
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$pidfile" "$OS_DIR/url"
}

case "${1:-}" in
    start) start ;;
    stop) stop_node ;;
    url) [[ -f "$OS_DIR/url" ]] || die "not running (no $OS_DIR/url)"; cat "$OS_DIR/url" ;;
    status) [[ -f "$OS_DIR/url" ]] && answers "$(cat "$OS_DIR/url")" ;;
    *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
