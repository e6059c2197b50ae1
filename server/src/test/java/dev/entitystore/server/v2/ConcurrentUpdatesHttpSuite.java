package dev.entitystore.server.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients updating one entity at once: every update answers 200 (never 409 or 5xx, unlike
 * Elasticsearch's version conflicts), and no client's field is lost to another's write.
 */
abstract class ConcurrentUpdatesHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String BASE = "/api/security/entity_store";
    private static final int THREADS = 16;
    private static final int UPDATES_PER_THREAD = 50;

    @Test
    void sixteenClientsUpdatingTheirOwnFieldOfOneEntityLoseNothing() throws Exception {
        HttpClientForTests client = server.client();
        assertThat(client.post(BASE + "/install", "{\"entityTypes\":[\"host\"]}").status()).isEqualTo(201);
        assertThat(client.post(BASE + "/entities/host", "{\"host\":{\"name\":\"contended\"}}").status()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 1; i <= UPDATES_PER_THREAD; i++) {
                    // Each thread owns one label; force because labels are not definition fields.
                    String body = "{\"host\":{\"name\":\"contended\"},\"labels\":{\"t" + thread + "\":" + i + "}}";
                    Answer answer = client.put(BASE + "/entities/host?force=true", body);
                    statuses.add(answer.status());
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        for (Future<List<Integer>> result : results) {
            assertThat(result.get()).containsOnly(200);
        }

        JsonNode labels = client.get(BASE + "/entities/host/host:contended").json().path("labels");
        for (int t = 0; t < THREADS; t++) {
            assertThat(labels.path("t" + t).asInt()).as("label t" + t).isEqualTo(UPDATES_PER_THREAD);
        }
    }
}
