package dev.entitystore.domain.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Follows a store's commits, in commit order: how the embedded search index stays in step with the
 * record of truth. The store calls it on its writer thread right after each commit and answers the
 * writers of that commit only when the returned stage completes, so a write is searchable when its
 * call returns, while the next group already commits (the two steps run on two cores).
 */
@FunctionalInterface
public interface CommitListener {
    /**
     * @param changes the commit's changes in seqNo order (never empty)
     * @return completes when the changes are visible to searches; it must not block the caller
     */
    CompletionStage<Void> committed(List<CommittedChange> changes);
}
