package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.RecordDiff;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.util.Objects;
import java.util.Optional;

/**
 * A merge worked out on the caller's thread, ahead of the writer, against the record as last committed:
 * the decision, the record serialised and its field changes serialised.
 *
 * <p>Why: reading the stored record, merging, diffing and serialising were three quarters of the single
 * writer thread's time per record, while callers are many and mostly idle. The writer applies what was
 * prepared only if the record is still the one it was prepared from (the same seq, or still absent);
 * otherwise it runs the merge again itself, as it always did. {@link EntityMerge} allows this: it depends
 * on nothing but the record it is shown, since the OpenSearch store may call it again after a conflict.
 *
 * @param seen       the record the merge was shown, empty when there was none
 * @param decision   what the merge decided for it
 * @param json       the decided record, serialised; only for a write
 * @param fieldsJson the field changes from {@code seen} to the decided record, serialised; only for a
 *                   write over a present record
 */
record PreparedMerge(Optional<StoredEntity> seen, MergeDecision decision, String json, String fieldsJson) {
    /** The seq a missing record reads as; stored records start at 1. */
    static final long ABSENT = 0;
    /** Set while a merge function runs on a caller's thread: a write from inside it is refused there too. */
    private static final ThreadLocal<Boolean> MERGING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Whether this thread is running a merge function being prepared. */
    static boolean merging() {
        return MERGING.get();
    }

    /**
     * Runs {@code merge} on {@code seen} (its own copy: the merge may change it in place). Empty when the
     * merge throws: the writer then runs it on the record it finds, and the exception counts from there.
     */
    static Optional<PreparedMerge> prepare(Optional<StoredEntity> seen, EntityMerge merge) {
        try {
            return Optional.of(decide(seen, merge));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #prepare}, on the writer: what the merge throws goes to its caller. */
    static PreparedMerge decide(Optional<StoredEntity> seen, EntityMerge merge) {
        // the merge may change the record it is shown in place; the change is against what it was shown
        ObjectNode before = seen.map(c -> c.source().deepCopy()).orElse(null);
        MergeDecision decision;
        MERGING.set(Boolean.TRUE);
        try {
            decision = Objects.requireNonNull(merge.apply(seen), "merge function returned null");
        } finally {
            MERGING.set(Boolean.FALSE);
        }
        if (decision.kind() != MergeDecision.Kind.WRITE) {
            return new PreparedMerge(seen, decision, null, null);
        }
        String json = JsonCodec.write(decision.source());
        String fieldsJson = seen.isPresent()
                ? JsonCodec.write(RecordDiff.between(before, decision.source()))
                : null;
        return new PreparedMerge(seen, decision, json, fieldsJson);
    }

    /** Whether the record stored now is still the one this was prepared from. */
    boolean holdsFor(long storedSeq) {
        return storedSeq == seqOf(seen);
    }

    private static long seqOf(Optional<StoredEntity> record) {
        return record.map(StoredEntity::seqNo).orElse(ABSENT);
    }
}
