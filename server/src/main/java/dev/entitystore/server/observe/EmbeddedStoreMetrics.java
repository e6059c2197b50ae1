package dev.entitystore.server.observe;

import dev.entitystore.store.embedded.sqlite.SqliteEntityStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The embedded store's figures: the write queue, the search index's lag behind the store, the last
 * change, and each group commit's size and duration (mostly the WAL's fsync).
 */
public final class EmbeddedStoreMetrics implements Consumer<MeterRegistry> {
    private final SqliteEntityStore store;
    private final LongSupplier searchableSeq;

    public EmbeddedStoreMetrics(SqliteEntityStore store, LongSupplier searchableSeq) {
        this.store = store;
        this.searchableSeq = searchableSeq;
    }

    @Override
    public void accept(MeterRegistry registry) {
        Gauge.builder("entity.store.pending.writes", store, SqliteEntityStore::pendingWrites)
                .description("Entity writes taken in and not yet answered (the write queue)").register(registry);
        Gauge.builder("entity.store.search.index.lag", () -> Math.max(0, store.lastSeqNo() - searchableSeq.getAsLong()))
                .description("Changes committed to the store and not yet searchable").register(registry);
        Gauge.builder("entity.store.last.seq.no", store, SqliteEntityStore::lastSeqNo)
                .description("The store's last committed change").register(registry);
        DistributionSummary groups = DistributionSummary.builder("entity.store.commit.group.records")
                .description("Records written by one group commit").publishPercentileHistogram().register(registry);
        Timer commits = Timer.builder("entity.store.commit")
                .description("Time of one group commit, mostly the WAL's fsync").publishPercentileHistogram()
                .register(registry);
        store.observeCommits((requests, records, nanos) -> {
            groups.record(records);
            commits.record(nanos, TimeUnit.NANOSECONDS);
        });
    }
}
