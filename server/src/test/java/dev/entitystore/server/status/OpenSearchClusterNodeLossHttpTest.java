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
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A three-node cluster (one replica per index) losing the node that holds the primaries, under steady
 * writes through a server given all three nodes' addresses (so the node killed is one it was talking to):
 * the cluster promotes the replicas, the server's client skips the dead node and sends its calls to the
 * others, and the server keeps acknowledging writes (any refused meanwhile answer 503 naming OpenSearch); the node killed with
 * SIGKILL is started again, rejoins, and the cluster turns green; every acknowledged write is read back and
 * listed. Three nodes on a loaded machine take minutes, so it runs only when asked:
 * {@code -Dentity-store.cluster-node-loss=true}. It prints what it saw (writes before, during and after,
 * refusals, the status while a node was missing, the time to the first write after the kill and to green).
 */
@EnabledIfSystemProperty(named = "entity-store.cluster-node-loss", matches = "true")
class OpenSearchClusterNodeLossHttpTest {
    private static final String BASE = "/api/security/entity_store";
    private static final String PREFIX = "node-loss-";
    private static final Duration MINUTES_5 = Duration.ofMinutes(5);

    @Test
    void losingTheNodeOfThePrimariesLosesNoAcknowledgedWriteAndTheServerKeepsServing() throws Exception {
        Path dataDir = Files.createTempDirectory("entity-store-node-loss");
        try (OwnOpenSearchCluster cluster = OwnOpenSearchCluster.start();
             EntityStoreServer server = EntityStoreServer.start(ServerConfig.from(Map.of("ENTITY_STORE_BACKEND", "opensearch",
                     "ENTITY_STORE_OPENSEARCH_URL", OwnOpenSearchCluster.NAMES.stream().map(name -> cluster.node(name).url())
                             .collect(Collectors.joining(",")),
                     "ENTITY_STORE_OPENSEARCH_INDEX_PREFIX", PREFIX)).withPortAndDataDir(0, dataDir))) {
            HttpClientForTests client = new HttpClientForTests("http://127.0.0.1:" + server.port());
            assertThat(client.request("POST", BASE + "/install").timeout(MINUTES_5)
                    .json("{\"entityTypes\":[\"generic\"]}").send().status()).isIn(200, 201);
            assertThat(client.request("POST", BASE + "/entities/generic").timeout(MINUTES_5)
                    .json("{\"entity\":{\"id\":\"first\"}}").send().status()).isEqualTo(200);
            cluster.awaitHealth(OwnOpenSearchCluster.NAMES.get(0), "green", MINUTES_5);
            String victim = cluster.primaryNode(OwnOpenSearchCluster.NAMES.get(0), PREFIX + "entities-default");
            // The test's own calls go to a node that stays; the server's go to all three, the victim among them.
            String coordinator = OwnOpenSearchCluster.NAMES.stream().filter(name -> !name.equals(victim)).findFirst().orElseThrow();

            Map<String, Object> seen = new TreeMap<>();
            try (SteadyWriter writer = new SteadyWriter(client)) {
                await(() -> writer.acknowledged() >= 20, "20 writes acknowledged before the kill");
                int beforeKill = writer.acknowledged();
                long killed = System.nanoTime();
                cluster.node(victim).kill();
                await(() -> writer.acknowledged() >= beforeKill + 20, "20 writes acknowledged with the node gone");
                seen.put("20 writes acknowledged after the kill within, s", (System.nanoTime() - killed) / 1e9);
                Answer status = client.get("/api/status");
                seen.put("status with a node gone", status.status() + " " + status.json().at("/status/core/opensearch/summary"));
                seen.put("primary after the kill", cluster.primaryNode(coordinator, PREFIX + "entities-default"));
                int beforeRestart = writer.acknowledged();
                int refusedBeforeRestart = writer.refused();

                cluster.node(victim).restart();
                cluster.awaitHealth(coordinator, "green", MINUTES_5);
                seen.put("green again after the kill, s", (System.nanoTime() - killed) / 1e9);
                await(() -> writer.acknowledged() >= beforeRestart + 20, "writes acknowledged after the node is back");
                await(() -> NodeWaits.answers(client, "/api/status") == 200, "the status once the node is back");
                writer.close();
                writer.assertNoAcknowledgedWriteLost();
                seen.put("acknowledged before the kill / with the node gone / in all", beforeKill + " / "
                        + (beforeRestart - beforeKill) + " / " + writer.acknowledged());
                seen.put("refused with the node gone / in all", refusedBeforeRestart + " / " + writer.refused());
                Answer listed = client.get(BASE + "/entities?entity_types=generic&per_page=1");
                assertThat(listed.json().path("total").asLong()).as("listed after the node is back")
                        .isGreaterThanOrEqualTo(writer.acknowledged() + 1L);
            }
            System.out.println("OpenSearchClusterNodeLossHttpTest, killed " + victim + ": " + seen);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        NodeWaits.await(condition, what, MINUTES_5);
    }
}
