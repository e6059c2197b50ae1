package dev.entitystore.store.opensearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.store.opensearch.EntityIndexDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** Entity indices filled directly through the client, as the store would leave them (tests need no store). */
final class TestIndices {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestIndices() {
    }

    /** A document and the id it is indexed under. */
    record Doc(String id, ObjectNode source) {
    }

    static void create(OpenSearchClient client, String index) {
        call(client, "PUT", "/" + index, EntityIndexDefinition.json(), "application/json");
    }

    /** Indexes the documents in order (one shard: their {@code _seq_no} follow that order), then refreshes. */
    static void fill(OpenSearchClient client, String index, List<Doc> docs) {
        for (int start = 0; start < docs.size(); start += 500) {
            StringBuilder bulk = new StringBuilder();
            for (Doc doc : docs.subList(start, Math.min(docs.size(), start + 500))) {
                ObjectNode action = JSON.createObjectNode();
                action.putObject("index").put("_id", doc.id());
                bulk.append(action).append('\n');
                bulk.append(doc.source()).append('\n');
            }
            String answer = call(client, "POST", "/" + index + "/_bulk", bulk.toString(), "application/x-ndjson");
            if (answer.contains("\"errors\":true")) {
                throw new IllegalStateException("bulk into " + index + " failed: " + answer);
            }
        }
        call(client, "POST", "/" + index + "/_refresh", null, null);
    }

    static void delete(OpenSearchClient client, String index) {
        call(client, "DELETE", "/" + index, null, null);
    }

    static String call(OpenSearchClient client, String method, String endpoint, String body, String contentType) {
        Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.body(Body.from(body.getBytes(StandardCharsets.UTF_8), contentType));
        }
        try (Response response = client.generic().execute(request.build())) {
            String text = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() / 100 != 2) {
                throw new IllegalStateException(method + " " + endpoint + " answered " + response.getStatus() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
