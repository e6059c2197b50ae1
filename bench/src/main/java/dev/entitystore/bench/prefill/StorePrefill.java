package dev.entitystore.bench.prefill;

import dev.entitystore.bench.records.EntityRecords;
import dev.entitystore.bench.records.Population;
import dev.entitystore.domain.engine.EngineManager;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import dev.entitystore.domain.write.CreatePlanner;
import dev.entitystore.domain.write.PlannedWrite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills an embedded data directory (server stopped) with a population, as v2 create would store it,
 * straight through the domain into SQLite: far faster than N HTTP creates. The server builds its search
 * index from the store when it starts on the directory (about 100 s for 1M on this machine).
 */
public final class StorePrefill {
    private static final int BATCH = 1_000;

    private StorePrefill() {
    }

    public static void run(Path dataDir, Population population) {
        Clock clock = Clock.systemUTC();
        CreatePlanner planner = new CreatePlanner(clock);
        Random random = new Random(42);
        long started = System.nanoTime();
        try (SqliteEntityStore store = SqliteEntityStore.open(dataDir)) {
            List<EntityType> types = population.types().stream().map(EntityRecords::type).toList();
            new EngineManager(store, clock).install("default", types, null, null);
            for (int from = 0; from < population.size(); from += BATCH) {
                List<BulkOperation> operations = new ArrayList<>(BATCH);
                for (int k = from; k < Math.min(population.size(), from + BATCH); k++) {
                    EntityRecords records = population.recordsOf(k);
                    PlannedWrite write = planner.plan(records.type(), records.create(k, random));
                    operations.add(BulkOperation.create(write.docId(), write.patchOrDocument()));
                }
                store.bulk("default", operations);
                if ((from / BATCH) % 100 == 99) {
                    System.out.printf("  %d entities, %.0f/s%n", from + BATCH, (from + BATCH) / seconds(started));
                }
            }
        }
        System.out.printf("prefilled %d entities (%s) into %s in %.1f s%n", population.size(),
                String.join(",", population.typeNames()), dataDir, seconds(started));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
