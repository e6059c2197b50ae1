package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.store.opensearch.BackendFailures;
import java.io.IOException;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The calls the search makes (read a mapping, refresh an index, search it), as JSON in and out through the
 * client's generic transport: the query is built as JSON by {@link OpenSearchQueryCompiler}, so it goes
 * out as it was built. Failures become the domain's exceptions; a missing index is an answer.
 */
final class SearchCalls {
    /** Only what the search reads of an answer: less to send and to parse. */
    private static final String SEARCH_FILTER = "hits.total.value,hits.hits._id,hits.hits._source,hits.hits.sort";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenSearchGenericClient client;

    SearchCalls(OpenSearchClient client) {
        this.client = client.generic();
    }

    /** The index's {@code mappings}, or {@code null} if the index does not exist. */
    JsonNode mapping(String index) {
        JsonNode answer = call("GET", "/" + index + "/_mapping", Map.of(), null);
        return answer == null ? null : answer.path(index).path("mappings");
    }

    /**
     * Makes every write acknowledged before this call searchable ({@code POST <index>/_refresh}); entity
     * writes do not wait for a refresh, so a search asks for one first. A refresh with nothing new to
     * publish is a round trip and no work on the node.
     *
     * @return false if the index does not exist
     * @throws StoreUnavailableException if a copy of the index could not refresh: a search of it could miss
     *         an answered write
     */
    boolean refresh(String index) {
        JsonNode answer = call("POST", "/" + index + "/_refresh", Map.of("filter_path", "_shards.failed"), null);
        if (answer == null) {
            return false;
        }
        if (answer.path("_shards").path("failed").asInt(0) > 0) {
            throw new StoreUnavailableException("OpenSearch could not refresh " + index
                    + " (a copy failed): the search was not made", null);
        }
        return true;
    }

    /** The search's answer, or {@code null} if the index does not exist. */
    JsonNode search(String index, ObjectNode body) {
        return call("POST", "/" + index + "/_search", Map.of("filter_path", SEARCH_FILTER), body);
    }

    private JsonNode call(String method, String endpoint, Map<String, String> parameters, ObjectNode body) {
        Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint(endpoint).query(parameters);
        if (body != null) {
            try {
                builder.body(Body.from(JSON.writeValueAsBytes(body), "application/json"));
            } catch (IOException e) {
                throw new IllegalStateException("a search body did not serialize", e);
            }
        }
        Request request = builder.build();
        try (Response response = client.execute(request)) {
            JsonNode answer = response.getBody().map(b -> read(b.bodyAsBytes())).orElse(null);
            int status = response.getStatus();
            if (status / 100 == 2) {
                return answer;
            }
            String type = answer == null ? "" : answer.path("error").path("type").asText("");
            if (status == 404 && type.equals("index_not_found_exception")) {
                return null;
            }
            String reason = answer == null ? response.getReason() : answer.path("error").path("reason").asText(type);
            if (status == 400) {
                throw new SearchRejectedException(type + ": " + reason);
            }
            throw new StoreUnavailableException("OpenSearch answered " + status + " (" + type + ")", null);
        } catch (IOException e) {
            throw new StoreUnavailableException("OpenSearch is unavailable (" + BackendFailures.wireReason(e)
                    + "): the search was not made", e);
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new StoreUnavailableException("OpenSearch answered with unreadable JSON", e);
        }
    }

    /** OpenSearch refused a search as malformed: a mapping newer than ours, or a bug here. */
    static final class SearchRejectedException extends RuntimeException {
        SearchRejectedException(String message) {
            super(message);
        }
    }
}
