package dev.entitystore.bench.scenario;

import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Closed-loop load: {@code clients} connections, each sending its next operation when the previous one
 * was answered, until {@code count} operations were sent. For throughput (how fast can C clients push
 * bulks) and for one-client query latency; latency counts from each send. Each client sends over a
 * connection it keeps ({@link EntityStoreClient#sendBlocking}), the lighter way on the server's cores.
 */
public final class ClosedLoopLoad {
    private final EntityStoreClient client;
    private final int clients;

    public ClosedLoopLoad(EntityStoreClient client, int clients) {
        this.client = client;
        this.clients = clients;
    }

    public void run(LongFunction<Operation> next, long count, Results results) throws Exception {
        AtomicLong issued = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (long n; (n = issued.getAndIncrement()) < count; ) {
                        Operation operation = next.apply(n);
                        long sent = System.nanoTime();
                        int status;
                        try {
                            Answer answer = client.sendBlocking(operation.request());
                            status = operation.statusOf(answer);
                        } catch (IOException | UncheckedIOException e) {
                            status = -1;
                        }
                        results.record(operation, System.nanoTime() - sent, status);
                    }
                    return null;
                }));
            }
            for (Future<?> r : running) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
