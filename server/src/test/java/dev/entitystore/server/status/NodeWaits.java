package dev.entitystore.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.server.HttpClientForTests;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits of the tests that kill and restart real nodes: minutes on a loaded machine, not retries. */
final class NodeWaits {
    private NodeWaits() {
    }

    /** The status of a GET, or -1 for none in time (a node recovering on a loaded machine). */
    static int answers(HttpClientForTests client, String path) {
        try {
            return client.get(path).status();
        } catch (UncheckedIOException noAnswerInTime) {
            return -1;
        }
    }

    /** Polls {@code condition} until it holds or {@code within} has passed, then asserts it. */
    static void await(BooleanSupplier condition, String what, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
