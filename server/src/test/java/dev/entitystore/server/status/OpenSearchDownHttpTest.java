package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import dev.entitystore.store.opensearch.OpenSearchForTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenSearch going away under a running server (the case that answered writes 503 but status 200): the
 * status says unavailable with 503 and names the cluster, and writes answer 503.
 */
class OpenSearchDownHttpTest {
    private static final URI NODE = URI.create(OpenSearchForTests.url());
    private static final TcpRelay RELAY = relay();
    private static final String PREFIX = OpenSearchForTests.freshSettings().indexPrefix();

    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_BACKEND", "opensearch",
            "ENTITY_STORE_OPENSEARCH_URL", "http://127.0.0.1:" + RELAY.port(), "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", PREFIX));

    private static TcpRelay relay() {
        try {
            return new TcpRelay(NODE.getHost(), NODE.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteIndices() throws Exception {
        RELAY.close();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(NODE.resolve("/" + PREFIX + "*")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void a_cluster_gone_away_turns_the_status_unavailable_and_writes_answer_503() {
        HttpClientForTests client = server.client();
        assertThat(client.post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        assertThat(client.get("/api/status").status()).isEqualTo(200);

        RELAY.close();

        HttpClientForTests.Answer status = client.get("/api/status");
        assertThat(status.status()).isEqualTo(503);
        JsonNode body = status.json().path("status");
        assertThat(body.at("/overall/level").asText()).isEqualTo("unavailable");
        assertThat(body.at("/core/opensearch/summary").asText()).startsWith("OpenSearch at http://127.0.0.1:" + RELAY.port()
                + " does not answer");
        assertThat(client.post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"while-down\"}}").status())
                .isEqualTo(503);
    }
}
