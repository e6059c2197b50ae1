package dev.entitystore.domain.store;

import java.util.List;

/**
 * A batch of {@link ChangeFeed#changesSince}.
 *
 * @param changes      the changes, in increasing seqNo, at most the asked limit
 * @param throughSeqNo the seqNo up to which a consumer that applied {@code changes} is caught up: pass it
 *                     to the next call. When {@code more} is false it is the store's last seqNo at read
 *                     time (which may lie beyond the last change: overwritten records leave gaps).
 * @param more         whether further changes may follow right away (the batch was cut at the limit)
 */
public record ChangeBatch(List<Change> changes, long throughSeqNo, boolean more) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }
}
