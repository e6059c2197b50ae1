package dev.entitystore.domain.store;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Follows a store's commits, in commit order: how the embedded search index stays in step with the
 * record of truth. The store calls it on its writer thread right after each commit and answers the
 * writers of that commit only when the returned stage completes. The follower decides when that is: the
 * embedded index completes it at once while it is not far behind, and makes every search wait until it
 * has applied what was committed before the search started, so a write is searchable when its call
 * returns while the index runs beside the writer.
 */
@FunctionalInterface
public interface CommitListener {
    /**
     * @param changes the commit's changes in seqNo order (never empty)
     * @return completes when every search started afterwards will see the changes; it must not block the caller
     */
    CompletionStage<Void> committed(List<CommittedChange> changes);
}
