package dev.entitystore.domain.write;

import dev.entitystore.domain.error.EntityVersionConflictException;
import dev.entitystore.domain.error.InvalidRequestException;
import dev.entitystore.domain.store.StoredEntity;

/**
 * Elasticsearch's optimistic concurrency parameters, {@code if_seq_no} and {@code if_primary_term}, over
 * this store's versions: the sequence number is the entity's version (its {@code ETag}) and the primary
 * term is always 1 (the store has one history, never a failed-over copy). Both or neither.
 */
public final class SeqNoCondition {
    /** The one primary term of every entity. */
    public static final long PRIMARY_TERM = 1;
    private static final SeqNoCondition NONE = new SeqNoCondition(null, null);

    private final Long seqNo;
    private final Long primaryTerm;

    private SeqNoCondition(Long seqNo, Long primaryTerm) {
        this.seqNo = seqNo;
        this.primaryTerm = primaryTerm;
    }

    public static SeqNoCondition none() {
        return NONE;
    }

    /** The parameters as sent (either may be null); one without the other → 400. */
    public static SeqNoCondition of(Long ifSeqNo, Long ifPrimaryTerm) {
        if (ifSeqNo == null && ifPrimaryTerm == null) {
            return NONE;
        }
        if (ifSeqNo == null || ifPrimaryTerm == null) {
            throw new InvalidRequestException("[request query]: if_seq_no and if_primary_term must be given together");
        }
        return new SeqNoCondition(ifSeqNo, ifPrimaryTerm);
    }

    /** Throws Elasticsearch's version conflict when the stored entity is not the one the request names. */
    public void check(StoredEntity current) {
        if (seqNo == null || (seqNo == current.version() && primaryTerm == PRIMARY_TERM)) {
            return;
        }
        throw new EntityVersionConflictException("version_conflict_engine_exception: [" + current.id()
                + "]: version conflict, required seqNo [" + seqNo + "], primary term [" + primaryTerm
                + "]. current document has seqNo [" + current.version() + "] and primary term [" + PRIMARY_TERM + "]");
    }
}
