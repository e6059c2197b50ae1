package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.error.StoreBusyException;
import dev.entitystore.domain.idempotency.KeyedWrite;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bounds the entity writes taken in but not yet answered (queued for the writer, committing, or waiting
 * to become searchable). Past the bound a write is refused at once, before anything of it is applied:
 * its caller may retry, and the writes already accepted keep short waits instead of a queue that grows
 * into seconds when writes arrive faster than they can be made searchable.
 *
 * <p>Counted in records, so a 1,000-item bulk weighs as much as 1,000 single writes. A write is always
 * taken when nothing is pending, so one bulk larger than the bound still gets through on a quiet store.
 */
final class WriteAdmission {
    /** What a refused caller is told to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int maxPending;
    private int pending;

    WriteAdmission(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        }
        this.maxPending = maxPending;
    }

    /** Takes {@code records} in, or refuses them with {@link StoreBusyException}; pair with {@link #release}. */
    synchronized void admit(int records, String notApplied) {
        if (pending > 0 && (long) pending + records > maxPending) {
            throw new StoreBusyException("The entity store is busy: " + pending + " entity writes are waiting to be stored "
                    + "and made searchable (at most " + maxPending + "); " + notApplied + ". Retry after "
                    + RETRY_AFTER_SECONDS + " second.", RETRY_AFTER_SECONDS);
        }
        pending += records;
    }

    /**
     * {@code work}, made once admitted (what it prepares off the writer would be wasted on a refusal),
     * run by {@code writer}; the records are released when it is answered.
     */
    <T> T submit(GroupCommitWriter writer, String notApplied, int records, Supplier<GroupCommitWriter.Work<T>> work) {
        admit(records, notApplied);
        // A keyed request's answer is written with its write, in the same transaction (KeyedWrite).
        Optional<KeyedWrite.Recording> keyed = KeyedWrite.take();
        try {
            T outcome = writer.submit(notApplied, records, SqliteIdempotencyAnswers.withAnswer(keyed, work.get()));
            keyed.ifPresent(KeyedWrite.Recording::committed);
            return outcome;
        } finally {
            release(records);
        }
    }

    synchronized void release(int records) {
        pending -= records;
    }

    synchronized int pending() {
        return pending;
    }
}
