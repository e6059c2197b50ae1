package dev.entitystore.store.embedded.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.store.Change;
import dev.entitystore.domain.store.ChangeBatch;
import dev.entitystore.domain.store.CommittedChange;
import dev.entitystore.domain.store.ChangeFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index from its last commit up to a given store seqNo through {@link ChangeFeed#changesSince}:
 * after a crash (store committed, index not), and as a full rebuild when the index is new or was dropped.
 *
 * <p>Changes above {@code untilSeq} are skipped: the follower receives those from the store's commits, in
 * order, after the catch-up; applying a newer state here and an older one from the queue would go back.
 */
final class IndexCatchUp {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;
    private static final long LOG_EVERY = 100_000;

    private IndexCatchUp() {
    }

    static void run(LuceneEntityIndex index, ChangeFeed store, long untilSeq) {
        long from = index.appliedSeq();
        if (from >= untilSeq) {
            return;
        }
        long startedAt = System.nanoTime();
        long applied = 0;
        long nextLog = LOG_EVERY;
        try {
            while (from < untilSeq) {
                ChangeBatch batch = store.changesSince(from, BATCH);
                List<CommittedChange> changes = new ArrayList<>(batch.changes().size());
                for (Change change : batch.changes()) {
                    if (change.seqNo() <= untilSeq) {
                        changes.add(committed(change));
                    }
                }
                long through = Math.min(batch.throughSeqNo(), untilSeq);
                index.applyToMain(changes, through);
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
            index.refreshMain();
            index.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("search index catch-up failed: " + e.getMessage(), e);
        }
        LOG.info("search index caught up: {} changes through seq {} in {} ms", applied, untilSeq,
                (System.nanoTime() - startedAt) / 1_000_000);
    }

    private static CommittedChange committed(Change change) {
        return switch (change.kind()) {
            case UPSERT -> CommittedChange.upsert(change.seqNo(), change.space(), change.id().orElseThrow(),
                    json(change));
            case DELETE -> CommittedChange.delete(change.seqNo(), change.space(), change.id().orElseThrow());
            case SPACE_DELETED -> CommittedChange.spaceDeleted(change.seqNo(), change.space());
        };
    }

    private static String json(Change change) {
        try {
            return JSON.writeValueAsString(change.entity().orElseThrow().source());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record could not be written as JSON", e);
        }
    }
}
