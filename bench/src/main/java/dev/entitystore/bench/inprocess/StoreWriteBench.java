package dev.entitystore.bench.inprocess;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.bench.records.HostRecords;
import dev.entitystore.bench.scenario.LatencyRecorder;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.merge.PartialUpdateMerger;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.write.PlannedWrite;
import dev.entitystore.domain.write.UpdatePlanner;
import dev.entitystore.store.embedded.search.EmbeddedSearchIndex;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Single updates of ~1 KB hosts straight into the embedded store and its index (no HTTP, no load generator
 * on the same cores), at a fixed rate, each answered when searchable as over HTTP. Prints the latency and
 * the CPU per write by thread group, so an index layout can be compared on a busy machine (CPU time moves
 * far less with other load than wall-clock latency does).
 *
 * <pre>java -Xmx512m -cp bench/target/benchmarks.jar dev.entitystore.bench.inprocess.StoreWriteBench DATA_DIR ENTITIES RATE SECONDS</pre>
 */
public final class StoreWriteBench {
    private StoreWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int entities = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Clock clock = Clock.systemUTC();
        UpdatePlanner planner = new UpdatePlanner(clock);
        PartialUpdateMerger merger = new PartialUpdateMerger();
        HostRecords hosts = new HostRecords();
        long opened = System.nanoTime();
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir);
             EmbeddedSearchIndex index = EmbeddedSearchIndex.open(dataDir, store, store::attach)) {
            System.out.printf("opened in %.1f s%n", (System.nanoTime() - opened) / 1e9);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> before = cpuByGroup(threads);
            long cpuBefore = processCpu();
            ExecutorService pool = Executors.newFixedThreadPool(64);
            LatencyRecorder latency = new LatencyRecorder();
            Random random = new Random(7);
            long start = System.nanoTime();
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = random.nextInt(entities);
                ObjectNode body = hosts.update(n, random);
                pool.execute(() -> {
                    PlannedWrite write = planner.plan(EntityType.HOST, body, false);
                    store.merge("default", write.docId(), current -> MergeDecision.write(
                            merger.mergeInPlace(current.orElseThrow().source(), write.patchOrDocument())));
                    latency.record(System.nanoTime() - due, 200);
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.MINUTES);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long cpu = processCpu() - cpuBefore;
            latency.print("update", elapsed);
            System.out.printf("process CPU %.1f s = %.0f us per write%n", cpu / 1e9, cpu / 1e3 / total);
            long live = 0;
            for (Map.Entry<String, Long> group : cpuByGroup(threads).entrySet()) {
                long used = group.getValue() - before.getOrDefault(group.getKey(), 0L);
                live += used;
                if (used > 10_000_000L) {
                    System.out.printf("  %-28s %6.0f us per write%n", group.getKey(), used / 1e3 / total);
                }
            }
            // Merge threads end when their merge does: their CPU is in the process total only.
            System.out.printf("  %-28s %6.0f us per write%n", "(threads that ended, GC, JIT)", (cpu - live) / 1e3 / total);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
        Map<String, Long> groups = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
            }
        }
        return groups;
    }
}
