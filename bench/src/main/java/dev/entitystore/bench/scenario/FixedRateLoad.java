package dev.entitystore.bench.scenario;

import dev.entitystore.bench.http.EntityStoreClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Open-loop load: operation {@code n} is sent at {@code start + n / rate} whether or not earlier ones
 * were answered, and its latency counts from that intended time. A server that stalls for a second is
 * charged for every request that should have gone out in that second (no coordinated omission), which
 * a client that waits for each answer before sending the next would hide.
 *
 * <p>Requests are sent by a pool of {@link #SENDERS} threads, each over a connection it keeps
 * ({@link EntityStoreClient#sendBlocking}); one that finds every sender busy waits in the queue, its time
 * counting. The pool bounds the connections the server holds, and the client costs a few times less CPU
 * than the {@code HttpClient} did, which matters when both share two cores.
 */
public final class FixedRateLoad {
    /** Requests in flight at most: far above what a healthy server needs at the kit's rates. */
    static final int SENDERS = 64;

    static {
        // The JDK keeps 5 idle connections per server by default: every sender keeps its own.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(SENDERS));
        }
    }

    private record Due(Operation operation, long intendedNanos) {
    }

    private static final Due STOP = new Due(null, 0);

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
     * scheduling thread) and waits for their answers, at most {@code graceSeconds} after the last send.
     *
     * @return how many requests were still unanswered then (0 when every answer came)
     */
    public long run(LongFunction<Operation> next, int seconds, Results results, int graceSeconds) throws InterruptedException {
        long total = (long) ratePerSecond * seconds;
        long period = 1_000_000_000L / ratePerSecond;
        CountDownLatch answered = new CountDownLatch((int) total);
        BlockingQueue<Due> due = new LinkedBlockingQueue<>();
        List<Thread> senders = new ArrayList<>(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            Thread sender = new Thread(() -> send(due, results, answered), "open-loop-sender-" + i);
            sender.setDaemon(true);
            sender.start();
            senders.add(sender);
        }
        try {
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long intended = start + n * period;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                due.add(new Due(next.apply(n), intended));
            }
            answered.await(graceSeconds, TimeUnit.SECONDS);
            return answered.getCount();
        } finally {
            due.clear();
            senders.forEach(sender -> due.add(STOP));
        }
    }

    private void send(BlockingQueue<Due> due, Results results, CountDownLatch answered) {
        while (true) {
            Due item;
            try {
                item = due.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            int status;
            try {
                status = item.operation().statusOf(client.sendBlocking(item.operation().request()));
            } catch (IOException | RuntimeException e) {
                status = -1;
            }
            results.record(item.operation(), System.nanoTime() - item.intendedNanos(), status);
            answered.countDown();
        }
    }
}
