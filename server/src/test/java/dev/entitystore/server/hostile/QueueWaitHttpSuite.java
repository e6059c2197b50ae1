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
 * {@code --max-queue-wait-ms} (here 1 ms): more single writes at once than the server has request threads
 * (64), so some wait in the HTTP server's queue; those are answered 429 with {@code Retry-After} and Kibana's
 * body and are not written, every other one is written, and reads are never refused.
 */
abstract class QueueWaitHttpSuite {
    @RegisterExtension
    static RunningServer server = new RunningServer(Map.of("ENTITY_STORE_MAX_QUEUE_WAIT_MS", "1"));

    private static final String BASE = "/s/queued/api/security/entity_store";
    private static final int WRITES = 200;
    private static ExecutorService senders;

    @BeforeAll
    static void install() {
        assertThat(server.client().post(BASE + "/install", "{}").status()).isEqualTo(201);
        senders = Executors.newFixedThreadPool(WRITES);
    }

    @AfterAll
    static void stopSenders() {
        senders.shutdownNow();
    }

    private static List<HttpClientForTests.Answer> atOnce(int count, java.util.function.IntFunction<HttpClientForTests.Answer> send)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpClientForTests.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return send.apply(n);
            }, senders));
        }
        go.countDown();
        List<HttpClientForTests.Answer> done = new ArrayList<>();
        for (CompletableFuture<HttpClientForTests.Answer> answer : answers) {
            done.add(answer.get(120, TimeUnit.SECONDS));
        }
        return done;
    }

    @Test
    void writesThatWaitedForARequestThreadPastTheBoundAreRefusedWith429AndWriteNothing() throws Exception {
        List<HttpClientForTests.Answer> answers = atOnce(WRITES, n -> server.client().post(BASE + "/entities/host",
                "{\"host\":{\"name\":\"queued-" + n + "\"}}"));
        int refused = 0;
        for (int n = 0; n < WRITES; n++) {
            HttpClientForTests.Answer answer = answers.get(n);
            int stored = server.client().get(BASE + "/entities/host/host:queued-" + n).status();
            if (answer.status() == 429) {
                refused++;
                assertThat(answer.header("Retry-After")).isEqualTo("1");
                assertThat(answer.json().path("statusCode").asInt()).isEqualTo(429);
                assertThat(answer.json().path("error").asText()).isEqualTo("Too Many Requests");
                assertThat(answer.json().path("message").asText()).startsWith("The entity store is busy: this write waited ")
                        .endsWith(" ms for a request thread (at most 1 ms); it was not applied. Retry after 1 second.");
                assertThat(stored).as("a refused write is not applied").isEqualTo(404);
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(stored).isEqualTo(200);
            }
        }
        assertThat(refused).as("more writes at once than request threads: some waited").isPositive();
    }

    @Test
    void readsThatWaitedAreServed() throws Exception {
        assertThat(atOnce(WRITES, n -> server.client().get(BASE + "/entities/host/host:none-" + n)))
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(404));
    }
}
