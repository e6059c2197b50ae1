package dev.entitystore.store.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Where a one-shard index stands: the lowest local checkpoint of its copies (every operation up to it is
 * processed on each copy, so a refresh after reading it makes them all searchable) and the index's uuid
 * (which tells an index dropped and made again from the one a checkpoint was read of: its {@code _seq_no}s
 * start again).
 *
 * @param checkpoint -1 while the index is missing or empty
 * @param uuid       empty while the index is missing
 */
record ShardCheckpoint(long checkpoint, String uuid) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ShardCheckpoint of(OpenSearchClient client, String index, String what) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/" + index + "/_stats/docs").query(Map.of("level", "shards")).build())) {
            if (response.getStatus() == 404) {
                return new ShardCheckpoint(-1, "");
            }
            String body = response.getBody().map(b -> b.bodyAsString()).orElse("{}");
            if (response.getStatus() != 200) {
                throw BackendFailures.partly("OpenSearch refused the request (" + response.getStatus() + "): the read of "
                        + what + " failed: " + body.substring(0, Math.min(200, body.length())), null);
            }
            JsonNode stats = JSON.readTree(body).path("indices").path(index);
            long lowest = Long.MAX_VALUE;
            for (JsonNode copy : stats.path("shards").path("0")) {
                lowest = Math.min(lowest, copy.path("seq_no").path("local_checkpoint").asLong(-1));
            }
            return new ShardCheckpoint(lowest == Long.MAX_VALUE ? -1 : lowest, stats.path("uuid").asText(""));
        }
    }
}
