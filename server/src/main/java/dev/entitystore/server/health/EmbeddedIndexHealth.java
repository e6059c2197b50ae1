package dev.entitystore.server.health;

import dev.entitystore.domain.health.ComponentHealth;
import dev.entitystore.domain.health.HealthCheck;
import dev.entitystore.domain.health.HealthLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The embedded search index's health, seen from the store it follows: its lag (the store's last seqNo
 * minus the index's) and whether it failed on a commit. A failed index no longer makes writes searchable,
 * so writes are refused until a restart, where the index catches up from the store.
 */
public final class EmbeddedIndexHealth implements HealthCheck {
    static final String NAME = "searchIndex";
    /** A write is answered once searchable, so a lag this large means the index is falling behind. */
    static final long DEGRADED_LAG = 50_000;

    private final LongSupplier storeSeq;
    private final LongSupplier indexSeq;
    private final Supplier<Optional<String>> failure;

    public EmbeddedIndexHealth(LongSupplier storeSeq, LongSupplier indexSeq, Supplier<Optional<String>> failure) {
        this.storeSeq = storeSeq;
        this.indexSeq = indexSeq;
        this.failure = failure;
    }

    @Override
    public Optional<String> refusesWrites() {
        return failure.get();
    }

    @Override
    public ComponentHealth check() {
        long indexed = indexSeq.getAsLong();
        long lag = Math.max(0, storeSeq.getAsLong() - indexed);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("searchableSeqNo", indexed);
        meta.put("lag", lag);
        Optional<String> failed = failure.get();
        if (failed.isPresent()) {
            return new ComponentHealth(NAME, HealthLevel.UNAVAILABLE, failed.get() + ". Writes are refused (503), nothing "
                    + "of them applied; restart the server: the index catches up from the store when it starts", meta);
        }
        if (lag >= DEGRADED_LAG) {
            return new ComponentHealth(NAME, HealthLevel.DEGRADED, "The search index is " + lag
                    + " changes behind the store; writes wait for it", meta);
        }
        return new ComponentHealth(NAME, HealthLevel.AVAILABLE, "The search index follows the store", meta);
    }
}
