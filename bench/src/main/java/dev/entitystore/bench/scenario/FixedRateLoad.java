package dev.entitystore.bench.scenario;

import dev.entitystore.bench.http.EntityStoreClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open-loop load: operation {@code n} is due at {@code start + n / rate} whether or not earlier ones were
 * answered, and its latency counts from that due time. A server that stalls for a second is charged for
 * every request that should have gone out in that second (no coordinated omission), which a client that
 * waits for each answer before sending the next would hide.
 *
 * <p>Requests go out over a fixed pool of {@link #CONNECTIONS} kept-alive connections (one sending thread
 * each, as wrk2 does), twice the server's request threads: a request due while every connection is busy
 * waits in the client, and that wait is in its latency. Sending each request on its own asynchronous
 * exchange instead opened a new connection whenever the server fell behind (thousands in a run), and the
 * load generator then spent as much CPU as the server on the two cores they share.
 */
public final class FixedRateLoad {
    static final int CONNECTIONS = 128;

    private record Due(Operation operation, long intended) {}

    private static final Due END = new Due(null, 0);

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
     * scheduling thread) and waits for their answers, at most {@code graceSeconds} after the last is due.
     *
     * @return how many requests were still unanswered then (0 when every answer came)
     */
    public long run(LongFunction<Operation> next, int seconds, Results results, int graceSeconds) throws InterruptedException {
        long total = (long) ratePerSecond * seconds;
        long period = 1_000_000_000L / ratePerSecond;
        CountDownLatch answered = new CountDownLatch((int) total);
        BlockingQueue<Due> due = new LinkedBlockingQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS, runnable -> {
            Thread thread = new Thread(runnable, "bench-sender");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < CONNECTIONS; i++) {
            senders.execute(() -> send(due, results, answered));
        }
        long start = System.nanoTime();
        for (long n = 0; n < total; n++) {
            long intended = start + n * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new Due(next.apply(n), intended));
        }
        for (int i = 0; i < CONNECTIONS; i++) {
            due.add(END);
        }
        answered.await(graceSeconds, TimeUnit.SECONDS);
        senders.shutdownNow(); // a request still waiting for its answer is given up (counted as unanswered)
        return answered.getCount();
    }

    private void send(BlockingQueue<Due> due, Results results, CountDownLatch answered) {
        while (true) {
            Due next;
            try {
                next = due.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == END) {
                return;
            }
            int status;
            try {
                status = next.operation().statusOf(client.send(next.operation().request()));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                status = -1;
            }
            results.record(next.operation(), System.nanoTime() - next.intended(), status);
            answered.countDown();
        }
    }
}
