package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.store.TestJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick throughput figure for the embedded store, not a timed test: it asserts nothing about speed.
 * Off by default; run with
 * {@code mvn -B -q -pl domain test -Dtest=StoreThroughputBench -Dentitystore.bench=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dentitystore.bench.records=100000 -Dentitystore.bench.singles=20000} to change sizes).
 */
@EnabledIfSystemProperty(named = "entitystore.bench", matches = "true")
class StoreThroughputBench {
    private static final int RECORDS = Integer.getInteger("entitystore.bench.records", 100_000);
    private static final int SINGLES = Integer.getInteger("entitystore.bench.singles", 20_000);
    private static final int BATCH = 1_000;
    private static final int THREADS = 8;

    @TempDir
    Path dataDir;

    @Test
    void measure() throws Exception {
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            System.out.printf("record size ~%d bytes of JSON%n", TestJson.MAPPER.writeValueAsBytes(record(1, new SplittableRandom(1))).length);

            bulk(store, "bulk merge, 1,000 per bulk, new records", 1);
            bulk(store, "bulk merge, 1,000 per bulk, into existing records", 2);
            sameIdBulk(store);
            singles(store);
            fixedRate(store, 500, 10_000);

            System.out.printf("database file: %,d bytes%n", Files.size(store.dbFile()));
        }
    }

    private void bulk(SqliteEntityStore store, String label, int round) {
        SplittableRandom random = new SplittableRandom(round);
        long start = System.nanoTime();
        for (int from = 0; from < RECORDS; from += BATCH) {
            List<BulkOperation> items = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(RECORDS, from + BATCH); i++) {
                items.add(BulkOperation.merge(id(i), deepMerge(record(i, random))));
            }
            store.bulk("default", items);
        }
        report(label, RECORDS, System.nanoTime() - start);
    }

    /** product rules §8: 1,000 updates of one entity should cost no more than 2x 1,000 updates of different ones. */
    private void sameIdBulk(SqliteEntityStore store) {
        SplittableRandom random = new SplittableRandom(3);
        int rounds = 20;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            List<BulkOperation> items = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                items.add(BulkOperation.merge(id(r), deepMerge(record(r, random))));
            }
            List<ItemOutcome> outcomes = store.bulk("default", items);
            assertThat(outcomes).hasSize(BATCH);
        }
        report("bulk merge, 1,000 per bulk, all on one id", rounds * BATCH, System.nanoTime() - start);
    }

    private void singles(SqliteEntityStore store) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[SINGLES];
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            done.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(100 + seed);
                for (int n = next.getAndIncrement(); n < SINGLES; n = next.getAndIncrement()) {
                    int i = random.nextInt(RECORDS);
                    long t0 = System.nanoTime();
                    store.merge("default", id(i), deepMerge(record(i, random)));
                    latencies[n] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        report("single merges, " + THREADS + " threads", SINGLES, elapsed);
        Arrays.sort(latencies);
        System.out.printf("    latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies[SINGLES / 2] / 1e6, latencies[SINGLES * 99 / 100] / 1e6, latencies[SINGLES - 1] / 1e6);
    }

    /**
     * Single merges issued at a fixed rate; latency counts from the intended start, so a stall also
     * charges the requests that queued behind it.
     */
    private void fixedRate(SqliteEntityStore store, int perSecond, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long[] latencies = new long[count];
        List<Future<?>> done = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(7);
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long intended = start + n * intervalNanos;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int i = random.nextInt(RECORDS);
            ObjectNode patch = record(i, random);
            int slot = n;
            done.add(pool.submit(() -> {
                store.merge("default", id(i), deepMerge(patch));
                latencies[slot] = System.nanoTime() - intended;
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        report("single merges at " + perSecond + "/s", count, elapsed);
        Arrays.sort(latencies);
        System.out.printf("    latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6, latencies[count * 999 / 1000] / 1e6,
                latencies[count - 1] / 1e6);
    }

    private static void report(String label, int items, long nanos) {
        System.out.printf("%-50s %,9d items in %6.2f s = %,8.0f /s%n", label, items, nanos / 1e9, items / (nanos / 1e9));
    }

    private static String id(int i) {
        return "host:host-" + i + ".example.internal";
    }

    /** A merge that folds {@code patch} into the stored record, field by field, as an update does. */
    private static EntityMerge deepMerge(ObjectNode patch) {
        return current -> {
            if (current.isEmpty()) {
                return MergeDecision.write(patch);
            }
            ObjectNode source = current.map(StoredEntity::source).get();
            merge(source, patch);
            return MergeDecision.write(source);
        };
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode e && field.getValue() instanceof ObjectNode p) {
                merge(e, p);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    /** A ~1 KB host entity: identity, attributes, arrays and some free text. */
    private static ObjectNode record(int i, SplittableRandom random) {
        ObjectNode root = TestJson.MAPPER.createObjectNode();
        root.put("@timestamp", Instant.ofEpochMilli(1_700_000_000_000L + random.nextLong(1_000_000_000L)).toString());
        ObjectNode entity = root.putObject("entity");
        entity.put("id", id(i));
        entity.put("name", "host-" + i + ".example.internal");
        entity.put("type", "Host");
        entity.put("sub_type", "server");
        entity.putObject("EngineMetadata").put("Type", "host");
        ObjectNode attributes = entity.putObject("attributes");
        attributes.put("Privileged", random.nextBoolean());
        attributes.put("Managed", random.nextBoolean());
        ArrayNode watchlists = attributes.putArray("watchlists");
        watchlists.add("watchlist-" + random.nextInt(5)).add("watchlist-" + (5 + random.nextInt(5)));
        ObjectNode lifecycle = entity.putObject("lifecycle");
        lifecycle.put("First_seen", "2024-01-01T00:00:00.000Z");
        lifecycle.put("Last_activity", root.get("@timestamp").asText());
        ObjectNode relationships = entity.putObject("relationships");
        relationships.putArray("Communicates_with").add("host:peer-" + random.nextInt(1000)).add("host:peer-" + random.nextInt(1000));
        relationships.putArray("Accessed_frequently_by").add("user:u" + random.nextInt(1000) + "@corp");
        ObjectNode host = root.putObject("host");
        host.put("name", "host-" + i + ".example.internal");
        host.putArray("ip").add("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256))
                .add("192.168." + random.nextInt(256) + "." + random.nextInt(256));
        host.putArray("mac").add(String.format("00:1a:2b:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256)));
        ObjectNode os = host.putObject("os");
        os.put("name", "Ubuntu").put("version", "22.04").put("family", "debian").put("kernel", "5.15.0-" + random.nextInt(100));
        host.putArray("architecture").add("x86_64");
        root.putObject("asset").put("criticality", "medium_impact").put("business_unit", "bu-" + random.nextInt(20));
        StringBuilder notes = new StringBuilder();
        while (notes.length() < 300) {
            notes.append(Long.toString(random.nextLong(Long.MAX_VALUE), 36)).append(' ');
        }
        root.putObject("labels").put("notes", notes.toString()).put("owner", "team-" + random.nextInt(50));
        return root;
    }
}
