package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenSearch going away under a running server (the case that answered writes 503 but status 200): the
 * status says unavailable with 503 and names the cluster, and writes answer 503. And the cluster coming
 * back on the same address (a node restarted; here the relay reopened, since the test node is shared):
 * the same server serves again without a restart, and every write it acknowledged is there. Each test
 * leaves the relay open.
 */
class OpenSearchDownHttpTest {
    private static final RelayedOpenSearch OPENSEARCH = new RelayedOpenSearch();
    private static final TcpRelay RELAY = OPENSEARCH.relay();
    private static final String BASE = "/api/security/entity_store";

    @RegisterExtension
    static RunningServer server = new RunningServer(OPENSEARCH.serverEnvironment());

    @AfterAll
    static void deleteIndices() throws Exception {
        OPENSEARCH.close();
    }

    @Test
    void a_cluster_gone_away_turns_the_status_unavailable_and_writes_answer_503() throws Exception {
        HttpClientForTests client = server.client();
        assertThat(client.post("/api/security/entity_store/install", "{}").status()).isIn(200, 201);
        assertThat(client.get("/api/status").status()).isEqualTo(200);

        RELAY.close();
        try {
            assertUnavailable(client);
        } finally {
            RELAY.reopen();
        }
    }

    private static void assertUnavailable(HttpClientForTests client) {
        HttpClientForTests.Answer status = client.get("/api/status");
        assertThat(status.status()).isEqualTo(503);
        JsonNode body = status.json().path("status");
        assertThat(body.at("/overall/level").asText()).isEqualTo("unavailable");
        assertThat(body.at("/core/opensearch/summary").asText()).startsWith("OpenSearch at http://127.0.0.1:" + RELAY.port()
                + " does not answer");
        assertThat(client.post("/api/security/entity_store/entities/host", "{\"host\":{\"name\":\"while-down\"}}").status())
                .isEqualTo(503);
    }

    @Test
    void writesAnswer503WithTheReasonWhileTheClusterIsAwayAndTheServerRecoversByItselfLosingNoAcknowledgedWrite()
            throws Exception {
        HttpClientForTests client = server.client();
        assertThat(client.post(BASE + "/install", "{\"entityTypes\":[\"generic\"]}").status()).isIn(200, 201);

        try (SteadyWriter writer = new SteadyWriter(client)) {
            awaitAcknowledged(writer, 5);
            RELAY.close();
            int beforeOutage = writer.acknowledged();
            awaitRefused(writer, 3);
            Answer status = client.get("/api/status");
            assertThat(status.status()).isEqualTo(503);
            assertThat(status.json().at("/status/core/opensearch/level").asText()).isEqualTo("unavailable");

            RELAY.reopen();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (client.get("/api/status").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(client.get("/api/status").status()).as("the status once the cluster is back").isEqualTo(200);
            awaitAcknowledged(writer, beforeOutage + 5);
            writer.close();
            writer.assertNoAcknowledgedWriteLost();
        }
    }

    private static void awaitAcknowledged(SteadyWriter writer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (writer.acknowledged() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(writer.acknowledged()).as("writes acknowledged").isGreaterThanOrEqualTo(count);
    }

    private static void awaitRefused(SteadyWriter writer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (writer.refused() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(writer.refused()).as("writes refused while the cluster is away").isGreaterThanOrEqualTo(count);
    }
}
