package dev.entitystore.server.v1;

import static dev.entitystore.server.v1.EnginesV1HttpTest.v1;
import static dev.entitystore.server.v1.EnginesV1HttpTest.v2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.entitystore.server.HttpClientForTests.Answer;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients upserting one entity through v1 at once: each upsert is an atomic read-merge-write, so
 * every collected value arrives (up to the engine's {@code fieldHistoryLength}) and none answers 409 or 5xx.
 */
abstract class ConcurrentUpsertsV1HttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer();

    private static final String SPACE = "v1-concurrent";
    private static final int THREADS = 8;
    private static final int PER_THREAD = 5;
    private static final int LIMIT = THREADS * PER_THREAD;

    @Test
    void concurrentUpsertsLoseNoCollectedValueUpToTheLimit() throws Exception {
        server.client().post(v1(SPACE) + "/engines/generic/init", "{\"fieldHistoryLength\":" + LIMIT + "}");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<Integer>> client = () -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        statuses.add(upsertWatchlist("t" + thread + "-" + i).status());
                    }
                    return statuses;
                };
                results.add(pool.submit(client));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> expected = new HashSet<>();
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < PER_THREAD; i++) {
                expected.add("t" + t + "-" + i);
            }
        }
        assertThat(watchlists()).containsExactlyInAnyOrderElementsOf(expected);

        // Past the limit the union is cut: stored values first, so the newcomer is the one left out.
        assertThat(upsertWatchlist("one-too-many").status()).isEqualTo(200);
        assertThat(watchlists()).hasSize(LIMIT).doesNotContain("one-too-many");
    }

    private static Answer upsertWatchlist(String value) {
        return server.client().put(v1(SPACE) + "/entities/generic",
                "{\"entity\":{\"id\":\"shared\",\"attributes\":{\"watchlists\":[\"" + value + "\"]}}}");
    }

    private static List<String> watchlists() {
        Answer answer = server.client().get(v2(SPACE) + "/entities/generic/shared");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        for (JsonNode value : answer.json().path("entity").path("attributes").path("watchlists")) {
            values.add(value.asText());
        }
        return values;
    }
}
