package dev.entitystore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.list.EntityListing;
import dev.entitystore.domain.list.ListAnswer;
import dev.entitystore.domain.list.ListParameters;
import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.store.embedded.search.EmbeddedSearchIndex;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import dev.entitystore.domain.write.BulkItem;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.EntityWrites;
import dev.entitystore.domain.write.PlannedWrite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The listing figures of product rules §8 in-process (store, index and listing use cases; no HTTP): pre-fills N
 * ~1 KB host entities through the store with the index maintained, then measures 1,000-item bulk updates
 * through the v2 use case, a KQL term filter on {@code entity.id} and {@code host.name}, a page of 100
 * sorted by {@code @timestamp}, and the 50th {@code searchAfter} page of 100; prints p50/p99 and memory.
 *
 * <p>Run: {@code java -Xmx512m -cp bench/target/benchmarks.jar dev.entitystore.bench.ListingBench <dataDir> [entities]}.
 * A data directory already filled is reused (only the missing entities are added).
 */
public final class ListingBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "default";
    private static final int BATCH = 1_000;

    private ListingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "bench-data");
        int target = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Files.createDirectories(dataDir);
        Clock clock = Clock.systemUTC();
        long openStart = System.nanoTime();
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir);
             EmbeddedSearchIndex index = EmbeddedSearchIndex.open(dataDir, store, store::attach)) {
            System.out.printf("opened store and index in %d ms (index at seq %d)%n", (System.nanoTime() - openStart) / 1_000_000, index.appliedSeq());
            EngineManager engines = new EngineManager(store, clock);
            if (!engines.isInstalled(SPACE)) {
                engines.install(SPACE, List.of(EntityType.values()), null, null);
            }
            int present = (int) index.search(new SearchRequest(SPACE, new Query.MatchAll(), SearchSort.newestFirst(), null, 0, 0, true)).total();
            prefill(store, index, present, target, clock);
            memory("after pre-fill");
            EntityWrites writes = new EntityWrites(store, engines, clock);
            bulkUpdates(writes, target, 30, 1);
            bulkUpdates(writes, target, 30, 2);
            bulkUpdates(writes, target, 30, 4);
            EntityListing listing = new EntityListing(index, engines);
            Random random = new Random(7);
            Latencies.measure("KQL term entity.id", queries, i -> listing.list(SPACE, cursor("entity.id: \"host:web-" + random.nextInt(target) + "\"", 10, null)));
            Latencies.measure("KQL term host.name", queries, i -> listing.list(SPACE, cursor("host.name: web-" + random.nextInt(target), 10, null)));
            Latencies.measure("page mode, 100 by @timestamp", queries / 4, i -> listing.list(SPACE,
                    new ListParameters(null, null, null, null, null, 1L, 100, "@timestamp", "desc", null, null)));
            String cursor50 = walk(listing, 49);
            Latencies.measure("searchAfter page 50 (of 100)", queries / 4, i -> listing.list(SPACE, cursor(null, 100, cursor50)));
            Latencies.measure("cursor walk, 50 pages of 100", 5, i -> walk(listing, 50));
            memory("after queries");
        }
    }

    private static void prefill(SqliteEntityStore store, EmbeddedSearchIndex index, int present, int target, Clock clock) throws IOException {
        if (present >= target) {
            System.out.printf("store holds %d entities already%n", present);
            return;
        }
        ObjectNode template = (ObjectNode) JSON.readTree(resource("host-create.json"));
        CreatePlanner planner = new CreatePlanner(clock);
        long start = System.nanoTime();
        long lastReport = start;
        for (int from = present; from < target; from += BATCH) {
            List<BulkOperation> creates = new ArrayList<>(BATCH);
            for (int n = from; n < Math.min(target, from + BATCH); n++) {
                PlannedWrite write = planner.plan(EntityType.HOST, host(template, n));
                creates.add(BulkOperation.create(write.docId(), write.patchOrDocument()));
            }
            store.bulk(SPACE, creates);
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                double seconds = (lastReport - start) / 1e9;
                System.out.printf("  pre-fill: %d entities, %.0f/s%n", from + BATCH, (from + BATCH - present) / seconds);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("pre-fill: %d creates in %.1f s = %.0f entities/s (index maintained, visible on return)%n",
                target - present, seconds, (target - present) / seconds);
        index.commit();
    }

    /** A ~1 KB host record, varied by {@code n}. */
    private static ObjectNode host(ObjectNode template, int n) {
        ObjectNode body = template.deepCopy();
        String name = "web-" + n;
        ((ObjectNode) body.get("entity")).remove("id");
        ((ObjectNode) body.get("entity")).put("name", name);
        ObjectNode host = (ObjectNode) body.get("host");
        host.put("name", name);
        host.set("hostname", JSON.createArrayNode().add(name + ".example.com"));
        ArrayNode ips = JSON.createArrayNode().add("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255)).add("fe80::" + Integer.toHexString(n));
        host.set("ip", ips);
        ((ObjectNode) body.get("labels")).put("cost_center", "cc-" + (n % 500));
        return body;
    }

    /** {@code batches} bulk requests per client, {@code clients} at once (as concurrent HTTP connections would). */
    private static void bulkUpdates(EntityWrites writes, int entities, int batches, int clients) throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(resource("host-update.json"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        long[] latencies = new long[batches * clients];
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                runBulks(writes, template, entities, batches, new Random(11 + client), latencies, client * batches);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> r : running) {
            r.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("bulk update, %d client(s) x %d x %d items (v2 use case: validate, plan, merge, store, index, refresh): %.0f entities/s, batch p50 %.1f ms%n",
                clients, batches, BATCH, clients * batches * BATCH / seconds, latencies[latencies.length / 2] / 1e6);
    }

    private static void runBulks(EntityWrites writes, ObjectNode template, int entities, int batches, Random random,
                                 long[] latencies, int offset) {
        for (int b = 0; b < batches; b++) {
            List<BulkItem> items = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                int n = random.nextInt(entities);
                ObjectNode doc = template.deepCopy();
                ((ObjectNode) doc.get("entity")).put("id", "host:web-" + n);
                ((ObjectNode) doc.get("host")).put("name", "web-" + n);
                items.add(new BulkItem(EntityType.HOST, doc));
            }
            long t0 = System.nanoTime();
            writes.bulkUpdate(SPACE, items, false);
            latencies[offset + b] = System.nanoTime() - t0;
        }
    }

    private static ListParameters cursor(String filter, int size, String searchAfter) {
        return new ListParameters(filter, (long) size, searchAfter, null, null, null, null, null, null, null, null);
    }

    private static String walk(EntityListing listing, int pages) {
        String after = null;
        for (int p = 0; p < pages; p++) {
            ListAnswer.Cursor answer = (ListAnswer.Cursor) listing.list(SPACE, cursor(null, 100, after));
            after = JSON.valueToTree(answer.nextSearchAfter()).toString();
        }
        return after;
    }


    private static void memory(String when) throws IOException {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS") || line.startsWith("RssAnon") || line.startsWith("RssFile"))
                .map(line -> line.replaceAll("\\s+", " "))
                .reduce((a, b) -> a + ", " + b).orElse("?");
        System.out.printf("memory %s: heap used %d MB of %d MB max; %s%n", when,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20, rss);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ListingBench.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing benchmark resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
