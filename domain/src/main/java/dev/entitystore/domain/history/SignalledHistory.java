package dev.entitystore.domain.history;

import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A store's history with its {@link EntityHistory#committedSeq()} taken from where the store keeps it in
 * memory (the embedded store's writer): the store's reads as they are, and a waiting follower of the feed
 * woken by a commit instead of a timer.
 */
public final class SignalledHistory implements EntityHistory {
    private final EntityHistory history;
    private final LongSupplier committed;

    public SignalledHistory(EntityHistory history, LongSupplier committed) {
        this.history = history;
        this.committed = committed;
    }

    @Override
    public HistoryPage changes(String space, String id, HistoryQuery query) {
        return history.changes(space, id, query);
    }

    @Override
    public FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes) {
        return history.since(space, afterSeq, size, entityTypes);
    }

    @Override
    public Optional<KeptState> keptState(String space, String id, long atSeq, int maxBack) {
        return history.keptState(space, id, atSeq, maxBack);
    }

    @Override
    public long prune(String space, long beforeMillis, int keepVersions) {
        return history.prune(space, beforeMillis, keepVersions);
    }

    @Override
    public long prunedThrough(String space) {
        return history.prunedThrough(space);
    }

    @Override
    public long committedSeq() {
        return committed.getAsLong();
    }
}
