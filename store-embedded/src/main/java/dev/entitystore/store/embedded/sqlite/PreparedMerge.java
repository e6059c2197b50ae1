package dev.entitystore.store.embedded.sqlite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
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
 * <p>A write keeps no tree, only bytes: a bulk's preparations wait for the writer, a thousand at a time,
 * and their trees (several times the size of their JSON) outlived young collections and filled the old
 * generation. The record written is parsed again only if a caller asks for it.
 *
 * @param seenSeq     the seq of the record the merge was shown, {@link #ABSENT} when there was none
 * @param seenVersion its version (0 when absent)
 * @param kind        what the merge decided
 * @param unchanged   the record shown, for a {@code NOOP} only (it is the answer)
 * @param json        the decided record, serialised (UTF-8); only for a write
 * @param fieldsJson  the field changes from the record shown to the decided one, serialised (UTF-8); only
 *                    for a write over a present record
 * @param entityType  the decided record's {@link EntityChange#typeOf}, for its change; only for a write
 * @param euid        the decided record's {@link EntityChange#euidOf}; only for a write
 */
record PreparedMerge(long seenSeq, long seenVersion, MergeDecision.Kind kind, Optional<StoredEntity> unchanged,
                     byte[] json, byte[] fieldsJson, String entityType, String euid) {
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
        long seenSeq = seen.map(StoredEntity::seqNo).orElse(ABSENT);
        long seenVersion = seen.map(StoredEntity::version).orElse(0L);
        // the merge may change the record it is shown in place; the change is against what it was shown
        ObjectNode before = seen.map(c -> c.source().deepCopy()).orElse(null);
        MergeDecision decision;
        MERGING.set(Boolean.TRUE);
        try {
            decision = Objects.requireNonNull(merge.apply(seen), "merge function returned null");
        } finally {
            MERGING.set(Boolean.FALSE);
        }
        return switch (decision.kind()) {
            case NOT_FOUND -> new PreparedMerge(seenSeq, seenVersion, decision.kind(), Optional.empty(), null, null, null, null);
            case NOOP -> new PreparedMerge(seenSeq, seenVersion, decision.kind(), seen, null, null, null, null);
            case WRITE -> {
                ObjectNode source = decision.source();
                byte[] fields = before == null ? null : JsonCodec.writeUtf8(RecordDiff.between(before, source));
                yield new PreparedMerge(seenSeq, seenVersion, decision.kind(), Optional.empty(), JsonCodec.writeUtf8(source),
                        fields, EntityChange.typeOf(source), EntityChange.euidOf(source));
            }
        };
    }

    /** Whether the merge was shown a record (an update) rather than none (a create). */
    boolean sawRecord() {
        return seenSeq != ABSENT;
    }

    /** Whether the record stored now is still the one this was prepared from. */
    boolean holdsFor(long storedSeq) {
        return storedSeq == seenSeq;
    }
}
