package dev.entitystore.domain.store;

import java.util.List;

/**
 * A batch of {@link ChangeFeed#committedSince}: as {@link ChangeBatch}, each change in the form a store
 * hands its follower.
 */
public record CommittedBatch(List<CommittedChange> changes, long throughSeqNo, boolean more) {
    public CommittedBatch {
        changes = List.copyOf(changes);
    }
}
