package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.EntityStoreServer;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A real OpenSearch node killed (SIGKILL) and started again under steady writes, with a node of the test's
 * own ({@link OwnOpenSearchNode}): meanwhile writes and {@code /api/status} answer 503 with the reason; once
 * the node is back the same server serves again without a restart, and every write it acknowledged before,
 * during and after is there. Starting, killing and restarting a node takes one to three minutes on a busy
 * machine, so it runs only when asked: {@code -Dentity-store.node-restart=true} (the relay test in
 * {@link OpenSearchDownHttpTest} covers the same path in every build, with the connection cut instead).
 */
@EnabledIfSystemProperty(named = "entity-store.node-restart", matches = "true")
class OpenSearchNodeRestartHttpTest {
    private static final String BASE = "/api/security/entity_store";
    private static final Duration MINUTES_3 = Duration.ofMinutes(3);

    @Test
    void aKilledNodeLosesNoAcknowledgedWriteAndTheServerRecoversWithoutARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("entity-store-restart");
        try (OwnOpenSearchNode node = OwnOpenSearchNode.start();
             EntityStoreServer server = EntityStoreServer.start(ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                     "ENTITY_STORE_OPENSEARCH_URL", node.url(), "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", "restart-"))
                     .withPortAndDataDir(0, dataDir))) {
            HttpClientForTests client = new HttpClientForTests("http://127.0.0.1:" + server.port());
            // A new node's first indices can take minutes on a loaded machine: a long timeout, not a retry.
            assertThat(client.request("POST", BASE + "/install").timeout(Duration.ofMinutes(5))
                    .json("{\"entityTypes\":[\"generic\"]}").send().status()).isIn(200, 201);

            int acknowledged;
            try (SteadyWriter writer = new SteadyWriter(client)) {
                await(() -> writer.acknowledged() >= 20, "20 writes acknowledged before the kill");
                node.kill();
                int beforeRestart = writer.acknowledged();
                await(() -> writer.refused() >= 3, "writes refused while the node is down");
                Answer down = client.get("/api/status");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json().at("/status/core/opensearch/level").asText()).isEqualTo("unavailable");
                assertThat(down.json().at("/status/core/opensearch/summary").asText())
                        .startsWith("OpenSearch at " + node.url() + " does not answer");

                node.restart();
                await(() -> NodeWaits.answers(client, "/api/status") == 200, "the status once the node is back");
                await(() -> writer.acknowledged() >= beforeRestart + 20, "writes acknowledged after the restart");
                writer.close();
                writer.assertNoAcknowledgedWriteLost();
                acknowledged = writer.acknowledged();
            }
            Answer listed = client.get(BASE + "/entities?entity_types=generic&per_page=1");
            assertThat(listed.json().path("total").asLong()).as("listed after the restart")
                    .isGreaterThanOrEqualTo(acknowledged);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        NodeWaits.await(condition, what, MINUTES_3);
    }
}
