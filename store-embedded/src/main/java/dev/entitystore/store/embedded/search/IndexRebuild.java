package dev.entitystore.store.embedded.search;

import dev.entitystore.domain.store.ChangeFeed;
import dev.entitystore.domain.store.CommittedChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an empty index from the store (first start on a pre-filled store, or an index dropped for another
 * layout): the start-up the server waits for, so it uses every core.
 *
 * <p>Why it can differ from {@link IndexCatchUp}: into an empty index the store's records, each once at
 * its latest state, can be added in any order, and what was deleted is simply not there: no delete terms
 * to resolve, no ordering between threads. This thread reads batches of stored JSON (unparsed) from the
 * store in its key order ({@link ChangeFeed#recordsAfter}); indexing threads add them.
 */
final class IndexRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int BATCH = 1_000;
    private static final long LOG_EVERY = 200_000;
    private static final List<CommittedChange> END = List.of();

    private IndexRebuild() {
    }

    static void run(LuceneEntityIndex index, ChangeFeed store, long untilSeq) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long startedAt = System.nanoTime();
        BlockingQueue<List<CommittedChange>> queue = new ArrayBlockingQueue<>(threads * 2);
        ExecutorService indexers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "search-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Long>> added = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            added.add(indexers.submit(() -> addUntilEnd(index, queue)));
        }
        try {
            read(store, untilSeq, queue, added);
            long total = 0;
            for (Future<Long> count : added) {
                total += count.get();
            }
            index.advanceTo(untilSeq);
            index.refresh();
            index.commit();
            LOG.info("search index built: {} records through seq {} in {} ms ({} threads, {} segments)", total, untilSeq,
                    (System.nanoTime() - startedAt) / 1_000_000, threads, index.segmentCount());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new UncheckedIOException("search index build failed: "
                    + cause.getMessage(), cause instanceof IOException io ? io : new IOException(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search index build interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException("search index build failed: " + e.getMessage(), e);
        } finally {
            indexers.shutdownNow();
        }
    }

    /**
     * Hands the store's records to the indexers in batches, in the store's key order (a sequential read),
     * then one END per indexer. A record written after {@code untilSeq} is left to the follower, which
     * receives that write after this build.
     */
    private static void read(ChangeFeed store, long untilSeq, BlockingQueue<List<CommittedChange>> queue,
                             List<Future<Long>> indexers) throws InterruptedException, ExecutionException {
        String space = "";
        String id = "";
        long read = 0;
        long nextLog = LOG_EVERY;
        try {
            while (true) {
                List<CommittedChange> batch = store.recordsAfter(space, id, BATCH);
                List<CommittedChange> records = new ArrayList<>(batch.size());
                for (CommittedChange record : batch) {
                    if (record.seqNo() <= untilSeq) {
                        records.add(record);
                    }
                }
                if (!records.isEmpty()) {
                    put(queue, records, indexers);
                }
                read += records.size();
                if (read >= nextLog) {
                    LOG.info("search index build: {} records read", read);
                    nextLog += LOG_EVERY;
                }
                if (batch.size() < BATCH) {
                    break;
                }
                CommittedChange last = batch.get(batch.size() - 1);
                space = last.space();
                id = last.id();
            }
        } finally {
            for (int i = 0; i < indexers.size(); i++) {
                put(queue, END, indexers);
            }
        }
    }

    /** Waits for room, giving up if an indexer failed (its failure is reported by its future). */
    private static void put(BlockingQueue<List<CommittedChange>> queue, List<CommittedChange> records,
                            List<Future<Long>> indexers) throws InterruptedException, ExecutionException {
        while (!queue.offer(records, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            for (Future<Long> indexer : indexers) {
                if (indexer.isDone()) {
                    indexer.get(); // throws the failure
                    if (records != END) {
                        throw new IllegalStateException("a search index builder stopped early");
                    }
                    return;
                }
            }
        }
    }

    private static long addUntilEnd(LuceneEntityIndex index, BlockingQueue<List<CommittedChange>> queue)
            throws InterruptedException, IOException {
        long added = 0;
        while (true) {
            List<CommittedChange> records = queue.take();
            if (records == END) {
                return added;
            }
            index.addNew(records);
            added += records.size();
        }
    }
}
