package dev.entitystore.domain.history;

import java.util.Optional;
import java.util.Set;

/**
 * The storage port for reading the change log: every write of a record leaves one {@link EntityChange},
 * recorded with the write by the store that made it (see each adapter for how atomically).
 */
public interface EntityHistory {
    /** {@link #committedSeq()} of a store that does not know it without a read. */
    long UNKNOWN_SEQ = Long.MIN_VALUE;

    /**
     * One record's changes, newest first, filtered by {@code query}: at most {@code query.size()}, and a
     * cursor when the page is full. A record deleted keeps its changes.
     */
    HistoryPage changes(String space, String id, HistoryQuery query);

    /**
     * The space's changes after {@code afterSeq}, oldest first: at most {@code size}, only of the given
     * entity types (all when empty). Only changes that no earlier change can still appear before are
     * answered, so a follower that goes on from {@link FeedPage#through} never misses one.
     */
    FeedPage since(String space, long afterSeq, int size, Set<String> entityTypes);

    /**
     * Removes old changes of the space's records (retention), never a record's newest change: every change
     * recorded before {@code beforeMillis} and every change but the newest {@code keepVersions} of its record.
     * Each record loses the oldest part of its history only, so what is left is a run of its newest changes and
     * the record as it was at any time since the oldest of them is still rebuilt by undoing those after it.
     * A backend that writes through one writer prunes through it, between writes.
     *
     * @param beforeMillis changes recorded before this time go ({@link Long#MIN_VALUE}: none by age)
     * @param keepVersions at most this many changes are kept per record, at least 1 ({@link Integer#MAX_VALUE}: no limit)
     * @return how many changes were removed
     */
    long prune(String space, long beforeMillis, int keepVersions);

    /**
     * The seq of the newest change {@link #prune} ever removed in the space, or {@link ChangeFollower#START} when
     * none was: a feed cursor at or past it misses nothing, one below it may (the change feed answers 410 then).
     * Kept durably by the prune before (or with) the removal it covers, so a reader that sees a change gone also
     * sees this mark; it never goes down.
     */
    long prunedThrough(String space);

    /**
     * The newest full state the store kept of the record at or before its change {@code atSeq}, looking at most
     * {@code maxBack} changes back along the record's history from it (0: that change only); empty when none
     * is that near, or the store keeps none (the record is then rebuilt from its changes alone).
     */
    default Optional<KeptState> keptState(String space, String id, long atSeq, int maxBack) {
        return Optional.empty();
    }

    /**
     * The seq of the newest write this store has committed, when it knows it without a read (a store that
     * is its data's only writer), else {@link #UNKNOWN_SEQ}: a waiting follower then reads the log only once
     * this moves, instead of on a timer.
     */
    default long committedSeq() {
        return UNKNOWN_SEQ;
    }
}
