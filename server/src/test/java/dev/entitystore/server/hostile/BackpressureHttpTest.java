package dev.entitystore.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backpressure on the embedded store (ENTITY_STORE_MAX_PENDING_WRITES=1): bulks sent at once overlap, so all
 * but the first taken are refused with 429, {@code Retry-After} and Kibana's body, and nothing of a refused
 * bulk is written; every accepted bulk is written whole.
 */
class BackpressureHttpTest {
    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_MAX_PENDING_WRITES", "1"));

    /** The legacy bulk upsert: it creates what is absent, so "written" is simply "found". */
    private static final String BULK = "/api/entity_store/entities/bulk";
    private static final int BULKS = 8;
    private static final int ITEMS = 300;
    private static ExecutorService senders;

    @BeforeAll
    static void install() {
        assertThat(server.client().post("/api/entity_store/engines/host/init", "{}").status()).isEqualTo(200);
        senders = Executors.newFixedThreadPool(BULKS);
    }

    @AfterAll
    static void stopSenders() {
        senders.shutdownNow();
    }

    private static String bulk(int bulk) {
        StringBuilder body = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"host\",\"record\":{\"entity\":{\"id\":\"host:bp-")
                    .append(bulk).append('-').append(i).append("\"}}}");
        }
        return body.append("]}").toString();
    }

    private static boolean written(int bulk, int item) {
        int status = server.client().get("/api/security/entity_store/entities/host/host:bp-" + bulk + "-" + item).status();
        assertThat(status).isIn(200, 404);
        return status == 200;
    }

    @Test
    void bulksPastTheBoundAreRefusedWith429AndRetryAfterAndWriteNothing() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpClientForTests.Answer>> answers = new ArrayList<>();
        for (int b = 0; b < BULKS; b++) {
            String body = bulk(b);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return server.client().post(BULK, body);
            }, senders));
        }
        go.countDown();
        int accepted = 0;
        int refused = 0;
        for (int b = 0; b < BULKS; b++) {
            HttpClientForTests.Answer answer = answers.get(b).get(60, TimeUnit.SECONDS);
            if (answer.status() == 200) {
                accepted++;
                assertThat(written(b, 0)).isTrue();
                assertThat(written(b, ITEMS - 1)).isTrue();
            } else {
                refused++;
                assertThat(answer.status()).as(answer.body()).isEqualTo(429);
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.json().path("statusCode").asInt()).isEqualTo(429);
                assertThat(answer.json().path("error").asText()).isEqualTo("Too Many Requests");
                assertThat(answer.json().path("message").asText())
                        .startsWith("The entity store is busy: ")
                        .endsWith("; none of the " + ITEMS + " bulk items was applied. Retry after 1 second.");
                assertThat(written(b, 0)).isFalse();
                assertThat(written(b, ITEMS - 1)).isFalse();
            }
        }
        assertThat(accepted).as("the first bulk taken is always accepted").isPositive();
        assertThat(refused).as("bulks sent at once overlap in the store").isPositive();
    }

    @Test
    void aRefusedWriteSucceedsWhenRetriedOnAQuietStore() {
        HttpClientForTests.Answer answer = server.client().post(BULK, bulk(99));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(written(99, 5)).isTrue();
    }
}
