package dev.entitystore.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.sqlite.SqliteEntityStore;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a data directory with N host entities, as v2 create would store them, straight through the
 * domain (much faster than N HTTP creates), and installs the host engine in the default space.
 * Run with the server stopped: {@code java -cp bench/target/benchmarks.jar dev.entitystore.bench.load.Prefill DIR N}.
 */
public final class Prefill {
    private Prefill() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int batch = 1000;
        Clock clock = Clock.systemUTC();
        CreatePlanner planner = new CreatePlanner(clock);
        Random random = new Random(42);
        long started = System.nanoTime();
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            new EngineManager(store, clock).install("default", List.of(EntityType.HOST), null, null);
            for (int from = 0; from < count; from += batch) {
                List<BulkOperation> operations = new ArrayList<>(batch);
                for (int i = from; i < Math.min(count, from + batch); i++) {
                    ObjectNode body = HostRecords.create(i, random);
                    PlannedWrite write = planner.plan(EntityType.HOST, body);
                    operations.add(BulkOperation.create(write.docId(), write.patchOrDocument()));
                }
                store.bulk("default", operations);
                if ((from / batch) % 100 == 99) {
                    System.out.printf("%d entities, %.0f/s%n", from + batch, (from + batch) / seconds(started));
                }
            }
        }
        System.out.printf("prefilled %d host entities in %.1f s (%.0f/s)%n", count, seconds(started), count / seconds(started));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
