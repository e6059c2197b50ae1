package dev.entitystore.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.bench.Latencies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load against a running server on loopback, bounded in count and time:
 * <ul>
 *   <li>{@code single URL RATE SECONDS ENTITIES}: v2 single updates at a fixed rate (open loop:
 *       latency counts from the intended send time, so a stall is not hidden), p50/p95/p99.</li>
 *   <li>{@code bulk URL BATCHES CLIENTS ENTITIES}: v2 bulk updates of 1,000-item batches of ~1 KB,
 *       CLIENTS at a time, entities/s and batch latency.</li>
 * </ul>
 * Targets the default space, whose host engine must be installed and whose hosts 0..ENTITIES-1 exist
 * (see {@link Prefill}).
 */
public final class HttpLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPDATE = "/api/security/entity_store/entities/host";
    private static final String BULK = "/api/security/entity_store/entities/bulk";

    private HttpLoad() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI base = URI.create(args[1]);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalArgumentException("load runs target loopback only");
        }
        switch (mode) {
            case "single" -> single(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "bulk" -> bulk(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("mode: single | bulk");
        }
    }

    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpRequest put(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("kbn-xsrf", "load")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void single(URI base, int rate, int seconds, int entities) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(8);
        HttpClient client = client(io);
        int total = rate * seconds;
        long[] latencies = new long[total];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        Random random = new Random(7);
        List<String> bodies = new ArrayList<>(total);
        for (int n = 0; n < total; n++) {
            bodies.add(JSON.writeValueAsString(HostRecords.update(random.nextInt(entities), random)));
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        AtomicLong sent = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Send every request whose intended time has come (catches up after a scheduler hiccup).
            while (sent.get() < total && start + sent.get() * periodNanos <= now) {
                int n = (int) sent.getAndIncrement();
                long intended = start + n * periodNanos;
                client.sendAsync(put(base, UPDATE, bodies.get(n)), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            latencies[n] = System.nanoTime() - intended;
                            int status = error != null ? -1 : response.statusCode();
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            done.countDown();
                        });
            }
        }, 0, Math.max(100_000, periodNanos / 2), TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("single updates: %d sent at %d/s over %.1f s (finished: %s), statuses %s%n",
                total, rate, elapsed, finished, statuses);
        Latencies.print("update latency", latencies);
        io.shutdownNow();
    }

    static void bulk(URI base, int batches, int clients, int entities) throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(clients + 2);
        HttpClient client = client(io);
        List<String> bodies = new ArrayList<>(batches);
        Random random = new Random(11);
        for (int b = 0; b < batches; b++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray("entities");
            for (int k = 0; k < 1000; k++) {
                ObjectNode item = items.addObject();
                item.put("type", "host");
                item.set("doc", HostRecords.update(random.nextInt(entities), random));
            }
            bodies.add(JSON.writeValueAsString(body));
        }
        System.out.printf("bulk body size: %d bytes for 1,000 items%n", bodies.get(0).length());
        long[] latencies = new long[batches];
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.submit(() -> {
                for (int b; (b = (int) next.getAndIncrement()) < batches; ) {
                    long sentAt = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(put(base, BULK, bodies.get(b)), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().endsWith("\"errors\":[]}")) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[b] = System.nanoTime() - sentAt;
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("bulk updates: %d batches x 1,000 by %d clients in %.1f s = %.0f entities/s, %d failed batches%n",
                batches, clients, elapsed, batches * 1000 / elapsed, failures.get());
        Latencies.print("batch latency", latencies);
        io.shutdownNow();
    }
}
