package dev.entitystore.store.opensearch;

import java.io.IOException;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Bodies;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** Creates an index with its definition (settings and mapping), taking "already exists" as success. */
final class IndexCreation {
    private IndexCreation() {
    }

    /**
     * @param definition the index's JSON body: settings and mappings
     * @param what       the call's subject for the failure's message
     */
    static void createIfAbsent(OpenSearchClient client, String index, String definition, String what) {
        try (Response response = client.generic().execute(Requests.builder().method("PUT").endpoint("/" + index)
                .body(Bodies.json(definition)).build())) {
            int status = response.getStatus();
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("");
            boolean alreadyExists = status == 400 && body.contains("resource_already_exists_exception");
            if (status != 200 && !alreadyExists) {
                throw BackendFailures.partly("OpenSearch refused the request (" + status + "): " + what + " failed: "
                        + body.substring(0, Math.min(200, body.length())), null);
            }
            if (alreadyExists || !body.contains("\"shards_acknowledged\":true")) {
                awaitPrimaries(client, index);
            }
        } catch (IOException e) {
            throw BackendFailures.failure(what, e);
        }
    }

    /**
     * Waits until the index's primary shards are active. Whoever lost a race to create the index is told
     * "already exists" at once, possibly while the winner's shard is still starting; an operation on the
     * index then would fail with {@code no_shard_available_action_exception} (seen under load on a shared
     * node). If the wait times out, the next operation reports what is wrong.
     */
    static void awaitPrimaries(OpenSearchClient client, String index) {
        try (Response ignored = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/_cluster/health/" + index).query(Map.of("wait_for_status", "yellow", "timeout", "30s"))
                .build())) {
            // only the wait matters: a timeout or a red index shows in the operation that follows
        } catch (IOException e) {
            throw BackendFailures.failure("the wait for the primary shards of " + index, e);
        }
    }
}
