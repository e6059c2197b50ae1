package dev.entitystore.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.http.EntityStoreClient;
import dev.entitystore.bench.http.EntityStoreClient.Answer;
import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The history of one entity with many versions (issue 18's target: 10,000 versions, first page p99 <= 10 ms,
 * {@code as_of} p99 <= 20 ms): one entity of the population is updated {@code versions} times (each update
 * sets its watchlist to a value that changes every 100 updates, for the {@code fields} filter), then each read
 * is sent {@code probes} times, one after another: the first page (100 and 10), a page filtered by
 * {@code fields} and one by {@code from}/{@code to}, a {@code searchAfter} page halfway back, and {@code as_of}
 * at the oldest, middle and newest versions and at a version drawn at random for each probe.
 */
public final class HistoryProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;

    private final EntityStoreClient client;
    private final Population population;

    public HistoryProbe(Operations operations) {
        this.client = operations.client();
        this.population = operations.population();
    }

    /** Returns the failures (answers that were not 200). */
    public long run(Random random, int versions, int probes) throws Exception {
        return run(random, versions, probes, false);
    }

    /**
     * As {@link #run(Random, int, int)}; with {@code reuse}, the entity (the same one for the same seed) keeps
     * the history an earlier run wrote, and the times probed are its newest {@code versions} changes' own.
     */
    public long run(Random random, int versions, int probes, boolean reuse) throws Exception {
        int k = random.nextInt(population.size());
        EntityRecords records = population.recordsOf(k);
        String type = records.type().wireName();
        String history = EntityStoreClient.API + "/entities/" + type + "/" + EntityStoreClient.encode(records.euid(k)) + "/history";
        String one = EntityStoreClient.API + "/entities/" + type + "/" + EntityStoreClient.encode(records.euid(k));
        Instant[] answeredAt = reuse ? recorded(history, versions) : write(records, k, type, versions, random);

        Instant oldest = answeredAt[0];
        Instant middle = answeredAt[versions / 2];
        Instant newest = answeredAt[versions - 1];
        String middleCursor = cursorAt(history, versions / 2);
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("history first page (100)", history);
        reads.put("history first page (10)", history + "?size=10");
        reads.put("history fields filter (1 in 100)", history + "?fields=entity.attributes.watchlists");
        reads.put("history from/to (200 versions, middle)", history + "?from=" + enc(answeredAt[versions / 2 - 100])
                + "&to=" + enc(answeredAt[versions / 2 + 100]));
        reads.put("history searchAfter halfway back", history + "?searchAfter=" + middleCursor);
        reads.put("as_of oldest", one + "?as_of=" + enc(oldest));
        reads.put("as_of middle", one + "?as_of=" + enc(middle));
        reads.put("as_of newest", one + "?as_of=" + enc(newest));
        // a version drawn at random per probe: wherever a store keeps full states, some probes land just before one
        String anywhere = "as_of anywhere (random version)";
        reads.put(anywhere, null);

        Results results = new Results();
        long started = System.nanoTime();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            Operation operation = new Operation(read.getKey(), null, 0, Answer::ok);
            for (int n = 0; n < probes; n++) {
                String path = read.getValue() != null ? read.getValue()
                        : one + "?as_of=" + enc(answeredAt[random.nextInt(versions)]);
                long sent = System.nanoTime();
                Answer answer = client.getPath(path);
                results.record(operation, System.nanoTime() - sent, answer.status());
            }
        }
        results.print("history of one entity with " + versions + " versions, " + probes + " of each read, one client",
                (System.nanoTime() - started) / 1e9);
        return results.failures();
    }

    /** The updates, {@link #WRITERS} at a time; the time each version's answer came back, by version - 1. */
    private Instant[] write(EntityRecords records, int k, String type, int versions, Random random) throws Exception {
        Instant[] answeredAt = new Instant[versions];
        AtomicInteger next = new AtomicInteger();
        long seed = random.nextLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long started = System.nanoTime();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random own = new Random(seed + w);
                writers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < versions; n = next.getAndIncrement()) {
                        ObjectNode body = records.update(k, own);
                        body.withObject("/entity/attributes").putArray("watchlists").add("history-" + (n / 100));
                        Answer answer = client.send(client.updateRequest(type, body.toString(), false));
                        if (!answer.ok()) {
                            throw new IllegalStateException("update " + n + " answered " + answer.status() + ": " + answer.body());
                        }
                        answeredAt[n] = Instant.now();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("%d updates of one entity in %.1f s%n", versions, (System.nanoTime() - started) / 1e9);
        return answeredAt;
    }

    /** The times of the newest {@code versions} changes, oldest first, as the history answers them. */
    private Instant[] recorded(String history, int versions) {
        Instant[] times = new Instant[versions];
        String cursor = null;
        int read = 0;
        while (read < versions) {
            Answer page = client.getPath(history + "?size=" + Math.min(1_000, versions - read)
                    + (cursor == null ? "" : "&searchAfter=" + cursor));
            if (!page.ok()) {
                throw new IllegalStateException("history page answered " + page.status() + ": " + page.body());
            }
            JsonNode body = json(page.body());
            for (JsonNode change : body.path("changes")) {
                times[versions - 1 - read++] = Instant.parse(change.path("@timestamp").asText());
            }
            if (body.path("nextSearchAfter").isNull() || body.path("changes").isEmpty()) {
                break;
            }
            cursor = body.path("nextSearchAfter").asText();
        }
        if (read < versions) {
            throw new IllegalStateException("the entity has " + read + " changes, not " + versions + ": run without --reuse-history first");
        }
        System.out.printf("reusing the entity's newest %d changes%n", versions);
        return times;
    }

    /** The {@code nextSearchAfter} after the newest {@code back} changes (pages of 1,000). */
    private String cursorAt(String history, int back) {
        String cursor = null;
        for (int read = 0; read < back; read += 1_000) {
            Answer page = client.getPath(history + "?size=" + Math.min(1_000, back - read)
                    + (cursor == null ? "" : "&searchAfter=" + cursor));
            if (!page.ok()) {
                throw new IllegalStateException("history page answered " + page.status() + ": " + page.body());
            }
            cursor = json(page.body()).path("nextSearchAfter").asText();
        }
        return cursor;
    }

    private static String enc(Instant instant) {
        return EntityStoreClient.encode(instant.toString());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
