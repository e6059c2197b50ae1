package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * History retention on OpenSearch ({@code EntityHistory.prune}) over the changes index: the space's records
 * walked by a composite aggregation on {@code recordId} (with each record's oldest time, its change count and
 * its newest change's {@code _seq_no}), then, per batch of records, the changes below each record's newest one
 * that are older than the cut-off or past the versions kept, found and deleted by id. A change
 * written meanwhile is newer than every bound used, so it is never removed. Before each bulk of deletes the
 * space's {@link PrunedMark} is raised to the newest change in it, so a feed reader that finds one gone finds
 * the mark too (a crash between the two leaves a mark over changes still there: a feed refused too early, never a
 * change skipped).
 */
final class ChangePruning {
    static final int RECORDS_PER_PAGE = 200;
    private static final int BOUNDS_PER_DELETE = 100;
    private static final int DELETE_PAGE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchGenericClient client;
    private final OpenSearchClient bulk;
    private final String index;
    private final PrunedMark mark;

    ChangePruning(OpenSearchClient client, IndexNames names, PrunedMark mark) {
        this.client = client.generic();
        this.bulk = client;
        this.index = names.changes();
        this.mark = mark;
    }

    long prune(String space, long beforeMillis, int keepVersions) {
        if (keepVersions < 1) {
            throw new IllegalArgumentException("keepVersions must be at least 1");
        }
        if (call("POST", "/" + index + "/_refresh", Map.of(), null) == null) {
            return 0; // no change recorded yet anywhere
        }
        long removed = 0;
        JsonNode after = null;
        do {
            JsonNode answer = call("POST", "/" + index + "/_search", Map.of(), page(space, after));
            if (answer == null) {
                return removed;
            }
            JsonNode records = answer.path("aggregations").path("records");
            List<ObjectNode> bounds = new ArrayList<>();
            for (JsonNode record : records.path("buckets")) {
                String id = record.path("key").path("id").asText();
                long count = record.path("doc_count").asLong();
                long newest = record.path("newest").path("hits").path("hits").path(0).path("_seq_no").asLong();
                if (count > 1 && record.path("oldest").path("value").asDouble() < beforeMillis) {
                    bounds.add(below(space, id, newest, beforeMillis));
                }
                if (count > keepVersions) {
                    long oldestKept = oldestKept(space, id, keepVersions);
                    if (oldestKept >= 0) {
                        bounds.add(below(space, id, oldestKept, Long.MAX_VALUE));
                    }
                }
            }
            // Lucene counts every clause of nested queries against its limit (1,024): at most 4 per bound here.
            for (int from = 0; from < bounds.size(); from += BOUNDS_PER_DELETE) {
                removed += delete(space, bounds.subList(from, Math.min(bounds.size(), from + BOUNDS_PER_DELETE)));
            }
            after = records.get("after_key");
        } while (after != null && !Thread.currentThread().isInterrupted());
        return removed;
    }

    private static ObjectNode page(String space, JsonNode after) {
        ObjectNode body = JSON.createObjectNode().put("size", 0);
        body.putObject("query").putObject("term").put("space", space);
        ObjectNode records = body.putObject("aggs").putObject("records");
        ObjectNode composite = records.putObject("composite").put("size", RECORDS_PER_PAGE);
        composite.putArray("sources").addObject().putObject("id").putObject("terms").put("field", "recordId");
        if (after != null) {
            composite.set("after", after);
        }
        ObjectNode aggs = records.putObject("aggs");
        aggs.putObject("oldest").putObject("min").put("field", "time");
        ObjectNode newest = aggs.putObject("newest").putObject("top_hits").put("size", 1).put("_source", false)
                .put("seq_no_primary_term", true);
        newest.putArray("sort").addObject().putObject("_seq_no").put("order", "desc");
        return body;
    }

    /** The {@code _seq_no} of the record's {@code keepVersions}-th newest change, or -1 when it has fewer. */
    private long oldestKept(String space, String id, int keepVersions) {
        ObjectNode body = JSON.createObjectNode().put("from", keepVersions - 1).put("size", 1).put("_source", false)
                .put("seq_no_primary_term", true);
        record(body.putObject("query"), space, id);
        body.putArray("sort").addObject().putObject("_seq_no").put("order", "desc");
        JsonNode hit = call("POST", "/" + index + "/_search", Map.of(), body).path("hits").path("hits").path(0);
        return hit.isMissingNode() ? -1 : hit.path("_seq_no").asLong();
    }

    /** The record's changes below {@code seq} and before {@code beforeMillis}. */
    private static ObjectNode below(String space, String id, long seq, long beforeMillis) {
        ObjectNode query = JSON.createObjectNode();
        ArrayNode filters = record(query, space, id);
        filters.addObject().putObject("range").putObject("_seq_no").put("lt", seq);
        if (beforeMillis != Long.MAX_VALUE) {
            filters.addObject().putObject("range").putObject("time").put("lt", beforeMillis);
        }
        return query;
    }

    private static ArrayNode record(ObjectNode query, String space, String id) {
        ArrayNode filters = query.putObject("bool").putArray("filter");
        filters.addObject().putObject("term").put("space", space);
        filters.addObject().putObject("term").put("recordId", id);
        return filters;
    }

    /**
     * Deletes the changes within {@code bounds}: found a page at a time and deleted by id (the test node, like a
     * minimal cluster, lacks the reindex module and so {@code _delete_by_query}); a change never changes once
     * written, so no version condition is needed.
     */
    private long delete(String space, List<ObjectNode> bounds) {
        ObjectNode body = JSON.createObjectNode().put("size", DELETE_PAGE).put("_source", false);
        ObjectNode bool = body.putObject("query").putObject("bool").put("minimum_should_match", 1);
        bounds.forEach(bool.putArray("should")::add);
        body.putArray("sort").addObject().putObject("_seq_no").put("order", "asc");
        long deleted = 0;
        while (true) {
            JsonNode answer = call("POST", "/" + index + "/_search", Map.of("filter_path", "hits.hits._id,hits.hits.sort"), body);
            JsonNode hits = answer == null ? JSON.createArrayNode() : answer.path("hits").path("hits");
            if (hits.isEmpty()) {
                return deleted;
            }
            mark.raise(space, hits.get(hits.size() - 1).path("sort").path(0).asLong());
            List<BulkOperation> deletes = new ArrayList<>(hits.size());
            for (JsonNode hit : hits) {
                deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(index).id(hit.path("_id").asText()))));
            }
            try {
                BulkResponse response = bulk.bulk(b -> b.operations(deletes).refresh(Refresh.True));
                deleted += response.items().stream().filter(item -> item.status() == 200).count();
            } catch (OpenSearchException | IOException e) {
                throw BackendFailures.failure("the pruning of the history", e);
            }
            if (hits.size() < DELETE_PAGE) {
                return deleted;
            }
            body.set("search_after", hits.get(hits.size() - 1).path("sort"));
        }
    }

    /** The JSON answer of a call, or {@code null} when the changes index does not exist. */
    private JsonNode call(String method, String endpoint, Map<String, String> parameters, ObjectNode body) {
        try {
            Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint(endpoint).query(parameters);
            if (body != null) {
                builder.body(Body.from(JSON.writeValueAsBytes(body), "application/json"));
            }
            try (Response response = client.execute(builder.build())) {
                String text = response.getBody().map(b -> b.bodyAsString()).orElse("{}");
                if (response.getStatus() == 404) {
                    return null;
                }
                if (response.getStatus() / 100 != 2) {
                    throw BackendFailures.partly("OpenSearch refused the pruning of the history (" + response.getStatus() + "): "
                            + text.substring(0, Math.min(300, text.length())), null);
                }
                return JSON.readTree(text);
            }
        } catch (IOException e) {
            throw BackendFailures.failure("the pruning of the history", e);
        }
    }
}
