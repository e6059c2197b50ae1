package dev.entitystore.bench.scenario;

import dev.entitystore.bench.http.EntityStoreClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open-loop load: operation {@code n} is sent at {@code start + n / rate} whether or not earlier ones
 * were answered, and its latency counts from that intended time. A server that stalls for a second is
 * charged for every request that should have gone out in that second (no coordinated omission), which
 * a client that waits for each answer before sending the next would hide.
 */
public final class FixedRateLoad {
    private final EntityStoreClient client;
    private final int ratePerSecond;

    public FixedRateLoad(EntityStoreClient client, int ratePerSecond) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1/s");
        }
        this.client = client;
        this.ratePerSecond = ratePerSecond;
    }

    /**
     * Sends {@code ratePerSecond * seconds} operations made by {@code next} (called with n, on the
     * sending thread) and waits for their answers, at most {@code graceSeconds} after the last send.
     *
     * @return how many requests were still unanswered then (0 when every answer came)
     */
    public long run(LongFunction<Operation> next, int seconds, Results results, int graceSeconds) throws InterruptedException {
        long total = (long) ratePerSecond * seconds;
        long period = 1_000_000_000L / ratePerSecond;
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long intended = start + n * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Operation operation = next.apply(n);
            client.sendAsync(operation.request()).whenComplete((answer, error) -> {
                results.record(operation, System.nanoTime() - intended, error != null ? -1 : operation.statusOf(answer));
                answered.countDown();
            });
        }
        answered.await(graceSeconds, TimeUnit.SECONDS);
        return answered.getCount();
    }
}
