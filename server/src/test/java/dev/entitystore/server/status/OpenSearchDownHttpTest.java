package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenSearch going away under a running server (the case that answered writes 503 but status 200): the
 * status says unavailable with 503 and names the cluster, and writes answer 503.
 */
class OpenSearchDownHttpTest {
    private static final RelayedOpenSearch OPENSEARCH = new RelayedOpenSearch();
    private static final TcpRelay RELAY = OPENSEARCH.relay();

    @RegisterExtension
    static RunningServer server = new RunningServer(OPENSEARCH.serverEnvironment());

    @AfterAll
    static void deleteIndices() throws Exception {
        OPENSEARCH.close();
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
