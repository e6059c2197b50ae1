#!/usr/bin/env python3
"""Times, call by call, the OpenSearch requests of one single v2 update as the OpenSearch store makes them
(install-state get, realtime get of the record, conditional write, the change record's _bulk), one writer at
about 10 writes/s, on indices of its own (probe21-*, deleted at the end).

usage: bench/opensearch-write-calls.py URL [WRITES] [CHANGE_REFRESH] [REFRESH_INTERVAL] [ENTITY_REFRESH] [READS]
       e.g. bench/opensearch-write-calls.py http://127.0.0.1:9200 80 false 1s false mget
CHANGE_REFRESH is the change _bulk's refresh parameter: wait_for (before issue 21) or false (after).
ENTITY_REFRESH is the entity write's: false (the store's since issue 21 item 2: searches refresh instead),
wait_for (waits for the next scheduled refresh; the store's before), true (refreshes the shard itself), or
explicit (refresh=false, then a POST /index/_refresh before the answer).
READS is how the install state and the record are read: gets (two realtime gets, the store's before the
os21 change; the default) or mget (one realtime _mget over both indices, the store's since). The store
writes the change _bulk after the answer since issue 18's crash-window change; it is timed here all the same.
"""
import http.client, json, random, statistics, sys, time
from urllib.parse import urlparse

url = urlparse(sys.argv[1])
writes = int(sys.argv[2]) if len(sys.argv) > 2 else 60
change_refresh = sys.argv[3] if len(sys.argv) > 3 else "false"
interval = sys.argv[4] if len(sys.argv) > 4 else "100ms"
entity_refresh = sys.argv[5] if len(sys.argv) > 5 else "wait_for"
reads = sys.argv[6] if len(sys.argv) > 6 else "gets"
connection = http.client.HTTPConnection(url.hostname, url.port)


def call(method, path, body=None):
    started = time.perf_counter()
    ndjson = isinstance(body, str)
    connection.request(method, path, body=body if ndjson else (json.dumps(body) if body is not None else None),
                       headers={"content-type": "application/x-ndjson" if ndjson else "application/json"})
    answer = connection.getresponse()
    data = answer.read()
    return (time.perf_counter() - started) * 1000, json.loads(data) if data else None


ENTITIES, CHANGES, SETTINGS = "probe21-entities", "probe21-changes", "probe21-settings"
for index in (ENTITIES, CHANGES, SETTINGS):
    call("DELETE", "/" + index)
    call("PUT", "/" + index, {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": interval}})
call("PUT", f"/{SETTINGS}/_doc/store?refresh=true", {"space": "default", "key": "store"})
for i in range(100):
    call("PUT", f"/{ENTITIES}/_doc/h{i}?refresh=true", {"host": {"name": f"h{i}"}, "n": 0})

write_step = f"entity write {entity_refresh}"
read_steps = ["install-state and record _mget"] if reads == "mget" else ["install-state get", "record get"]
steps = {**{step: [] for step in read_steps}, write_step: [], f"change _bulk {change_refresh}": [], "total": []}
for n in range(writes):
    started = time.perf_counter()
    doc = f"h{random.randrange(100)}"
    if reads == "mget":
        took, both = call("POST", "/_mget", {"docs": [{"_index": SETTINGS, "_id": "store"}, {"_index": ENTITIES, "_id": doc}]})
        current = both["docs"][1]
        steps["install-state and record _mget"].append(took)
    else:
        took, _ = call("GET", f"/{SETTINGS}/_doc/store")
        steps["install-state get"].append(took)
        took, current = call("GET", f"/{ENTITIES}/_doc/{doc}")
        steps["record get"].append(took)
    took, written = call("PUT", f"/{ENTITIES}/_doc/{doc}?if_seq_no={current['_seq_no']}&if_primary_term={current['_primary_term']}"
                                f"&refresh={'false' if entity_refresh == 'explicit' else entity_refresh}",
                          {"host": {"name": doc}, "n": n})
    if entity_refresh == "explicit":
        took += call("POST", f"/{ENTITIES}/_refresh")[0]
    steps[write_step].append(took)
    bulk = json.dumps({"index": {"_id": f"{doc}:{written['_seq_no']}"}}) + "\n" + json.dumps({"id": doc, "version": written["_version"]}) + "\n"
    took, _ = call("POST", f"/{CHANGES}/_bulk?refresh={change_refresh}", bulk)
    steps[f"change _bulk {change_refresh}"].append(took)
    steps["total"].append((time.perf_counter() - started) * 1000)
    time.sleep(0.1)

for name, values in steps.items():
    values.sort()
    print(f"{name:28s} p50 {statistics.median(values):7.1f} ms  p90 {values[int(len(values) * 0.9)]:7.1f} ms  "
          f"mean {statistics.mean(values):7.1f} ms")
for index in (ENTITIES, CHANGES, SETTINGS):
    call("DELETE", "/" + index)
