#!/usr/bin/env python3
"""Counts the requests a running server on OpenSearch sends to the cluster per single v2 update (or v1
upsert), from the node's REST action counters (GET _nodes/usage: how many calls of each REST action every
node answered).

usage: bench/opensearch-requests-per-write.py SERVER_URL NODE_URL [WRITES] [v2|v1]
       e.g. bench/opensearch-requests-per-write.py http://127.0.0.1:5601 http://127.0.0.1:9200 200 v1

The server must be the only client of the cluster while it runs (every request counts). It installs the
host engine in the default space (if not installed), creates 50 hosts rq-0..rq-49, waits for the server's
background change writer to go quiet, then sends WRITES updates one after another and prints the REST
actions counted per update: the update's own requests (document_get/document_mget, document_index), and
the change records written after the answer (bulk, shared by many updates). The recovery pass every 10 s
(two small requests per space) is counted too and shown as such.

v1 mode: the host engine is initialised through v1 (POST /api/entity_store/engines/host/init), the 50
hosts created by v1 upserts, and the WRITES are v1 upserts (PUT /api/entity_store/entities/host, each
adding a watchlist: v1's collect merge).
"""
import http.client, json, sys, time
from urllib.parse import urlparse

server, node = urlparse(sys.argv[1]), urlparse(sys.argv[2])
writes = int(sys.argv[3]) if len(sys.argv) > 3 else 200
mode = sys.argv[4] if len(sys.argv) > 4 else "v2"
assert mode in ("v2", "v1"), mode
API = "/api/security/entity_store"
V1 = "/api/entity_store"


def call(where, method, path, body=None):
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=120)
    headers = {"content-type": "application/json", "kbn-xsrf": "true"}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    return answer.status, (json.loads(data) if data else None)


def usage():
    _, body = call(node, "GET", "/_nodes/usage")
    total = {}
    for stats in body["nodes"].values():
        for action, count in stats.get("rest_actions", {}).items():
            total[action] = total.get(action, 0) + count
    return total


def v1_upsert(n):
    return call(server, "PUT", V1 + "/entities/host",
                {"entity": {"id": f"host:rq-{n % 50}", "attributes": {"watchlists": [f"w-{n}"]}}})


if mode == "v1":
    status, _ = call(server, "POST", V1 + "/engines/host/init", {})
    assert status == 200, status
    for i in range(50):
        v1_upsert(i)
else:
    status, _ = call(server, "POST", API + "/install", {"entityTypes": ["host"]})
    assert status in (200, 201), status
    for i in range(50):
        call(server, "POST", API + "/entities/host", {"host": {"name": f"rq-{i}"}})
time.sleep(3)
before = usage()
started = time.time()
for n in range(writes):
    if mode == "v1":
        status, body = v1_upsert(n)
    else:
        status, body = call(server, "PUT", API + "/entities/host",
                            {"host": {"name": f"rq-{n % 50}"}, "entity": {"attributes": {"watchlists": [f"w-{n}"]}}})
    assert status == 200, (status, body)
elapsed = time.time() - started
time.sleep(3)  # the change writer's last batch
after = usage()
print(f"{writes} {mode} writes in {elapsed:.1f} s; REST actions per write (nodes_usage_action is this script's):")
for action in sorted(set(after) | set(before)):
    count = after.get(action, 0) - before.get(action, 0)
    if count:
        print(f"  {action:40s} {count:6d}  {count / writes:6.2f}")
