package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.CommittedBatch;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.ChangeFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index from its last commit up to a given store seqNo through {@link ChangeFeed#committedSince}:
 * after a crash (store committed, index not). A new or dropped index is built by {@link IndexRebuild} instead,
 * and so is one committed before the store's change log begins ({@link ChangeFeed#followsFrom}).
 *
 * <p>Changes above {@code untilSeq} are skipped: the follower receives those from the store's commits, in
 * order, after the catch-up; applying a newer state here and an older one from the queue would go back.
 */
final class IndexCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);
    private static final int BATCH = 1_000;
    private static final long LOG_EVERY = 100_000;

    private IndexCatchUp() {
    }

    static void run(LuceneEntityIndex index, ChangeFeed store, long untilSeq) {
        long from = index.appliedSeq();
        if (from >= untilSeq) {
            return;
        }
        if (!index.isEmpty() && !store.followsFrom(from)) {
            // The store cannot name everything written since this index's commit (its change log begins
            // later): only a build from every record is sure to miss nothing.
            LOG.warn("search index committed through seq {}, before the store's change log; rebuilding it", from);
            index.clear();
        }
        if (index.isEmpty()) {
            IndexRebuild.run(index, store, untilSeq);
            return;
        }
        long startedAt = System.nanoTime();
        long applied = 0;
        long nextLog = LOG_EVERY;
        try {
            while (from < untilSeq) {
                CommittedBatch batch = store.committedSince(from, BATCH);
                List<CommittedChange> changes = new ArrayList<>(batch.changes().size());
                for (CommittedChange change : batch.changes()) {
                    if (change.seqNo() <= untilSeq) {
                        changes.add(change);
                    }
                }
                long through = Math.min(batch.throughSeqNo(), untilSeq);
                index.apply(changes, through);
                applied += changes.size();
                if (applied >= nextLog) {
                    LOG.info("search index catch-up: {} changes applied, at seq {} of {}", applied, through, untilSeq);
                    nextLog += LOG_EVERY;
                }
                if (!batch.more() || through <= from) {
                    break;
                }
                from = through;
            }
            index.refresh();
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("search index catch-up failed: " + e.getMessage(), e);
        }
        LOG.info("search index caught up: {} changes through seq {} in {} ms", applied, untilSeq,
                (System.nanoTime() - startedAt) / 1_000_000);
    }
}
