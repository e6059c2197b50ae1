package dev.entitystore.domain.error;

/** {@code if_seq_no}/{@code if_primary_term} do not name the stored profile's version. */
public final class ProfileVersionConflictException extends ProfileException {
    public ProfileVersionConflictException(String documentId, long requiredSeqNo, long requiredPrimaryTerm,
                                           long currentSeqNo, long currentPrimaryTerm) {
        super("version_conflict_engine_exception", "[" + documentId + "]: version conflict, required seqNo ["
                + requiredSeqNo + "], primary term [" + requiredPrimaryTerm + "]. current document has seqNo ["
                + currentSeqNo + "] and primary term [" + currentPrimaryTerm + "]", documentId);
    }
}
