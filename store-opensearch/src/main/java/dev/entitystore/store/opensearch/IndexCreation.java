package dev.entitystore.store.opensearch;

import java.io.IOException;
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
            if (status != 200 && !(status == 400 && body.contains("resource_already_exists_exception"))) {
                throw BackendFailures.partly("OpenSearch refused the request (" + status + "): " + what + " failed: "
                        + body.substring(0, Math.min(200, body.length())), null);
            }
        } catch (IOException e) {
            throw BackendFailures.failure(what, e);
        }
    }
}
