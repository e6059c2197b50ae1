package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import dev.entitystore.server.HttpClientForTests.Answer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates generic entities one after another through a server until closed, keeping which were
 * acknowledged (200) and which refused, for tests that take the cluster away under it. A request that
 * got no answer in time counts as neither: it may or may not have been applied.
 */
final class SteadyWriter implements AutoCloseable {
    private static final String BASE = "/api/security/entity_store";

    private final HttpClientForTests client;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<Answer> refused = new CopyOnWriteArrayList<>();
    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Thread thread;

    SteadyWriter(HttpClientForTests client) {
        this.client = client;
        this.thread = new Thread(this::write, "steady-writer");
        thread.start();
    }

    int acknowledged() {
        return acknowledged.size();
    }

    int refused() {
        return refused.size();
    }

    /** Stops writing and waits for the write in flight. */
    @Override
    public void close() throws InterruptedException {
        writing.set(false);
        thread.join(120_000);
    }

    /** Every refusal was a 503 naming OpenSearch, and every acknowledged create reads back. */
    void assertNoAcknowledgedWriteLost() {
        for (Answer answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().path("message").asText()).as(answer.body()).contains("OpenSearch");
        }
        for (String id : acknowledged) {
            assertThat(client.get(BASE + "/entities/generic/" + id).status()).as(id + ", acknowledged").isEqualTo(200);
        }
    }

    private void write() {
        for (int n = 0; writing.get(); n++) {
            String id = "steady-" + n;
            Answer answer;
            try {
                answer = client.post(BASE + "/entities/generic", "{\"entity\":{\"id\":\"" + id + "\"}}");
            } catch (UncheckedIOException noAnswerInTime) {
                continue;
            }
            if (answer.status() == 200) {
                acknowledged.add(id);
            } else {
                refused.add(answer);
            }
        }
    }
}
