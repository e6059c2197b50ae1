package dev.entitystore.store.opensearch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the changes of single writes to the changes index after the write is answered, many writes' changes
 * to one {@code _bulk}: a single write is then two requests (the read and the write carrying its change).
 * Nothing is lost if this does not happen: each change is durable inside its entity document, which carries
 * it on to the record's next write until it is known written ({@link ChangesIndex#unrecorded}); a batch that
 * fails, a full queue or a killed server leave the changes to the record's next writer, its next history read
 * and the recovery ({@link ChangeRecovery}). The order of one record's changes holds because a write carries
 * every change of its record not yet known written, and each batch writes them in the order given.
 *
 * <p>{@link #flush} waits for the changes of every write answered before it: the change feed calls it, so a
 * feed read through this server sees the writes it answered.
 */
final class ChangeRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeRecorder.class);
    private static final int QUEUED = 10_000;
    private static final int PER_BULK = 1_000;
    private static final long FLUSH_WAIT_MILLIS = 30_000;

    private final ChangesIndex changes;
    private final BlockingQueue<List<CarriedChange>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread thread;
    private long enqueued;
    private long done;
    private volatile boolean closed;

    ChangeRecorder(ChangesIndex changes) {
        this.changes = changes;
        this.thread = new Thread(this::drain, "opensearch-change-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the changes of a write made (in its record's order); written at once by the caller if the queue is full. */
    void record(List<CarriedChange> written, String what) {
        changes.pending(written);
        synchronized (this) {
            if (!closed && queue.offer(written)) {
                enqueued++;
                return;
            }
        }
        changes.create(written, what);
    }

    /** Waits until every change queued before the call was tried (written, or left to the recovery). */
    void flush() {
        long target;
        synchronized (this) {
            target = enqueued;
        }
        long deadline = System.currentTimeMillis() + FLUSH_WAIT_MILLIS;
        synchronized (this) {
            while (done < target && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() {
        List<List<CarriedChange>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                List<CarriedChange> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int size = first.size();
                while (size < PER_BULK) {
                    List<CarriedChange> next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    size += next.size();
                }
                write(batch);
            } catch (InterruptedException e) {
                closed = true;
            } finally {
                synchronized (this) {
                    done += batch.size();
                    notifyAll();
                }
                batch.clear();
            }
        }
    }

    private void write(List<List<CarriedChange>> batch) {
        List<CarriedChange> all = new ArrayList<>();
        batch.forEach(all::addAll);
        try {
            changes.create(all, all.size() + " single writes");
        } catch (RuntimeException e) {
            changes.notPending(all);
            LOG.warn("{} changes were not written to the changes index ({}); their records carry them to the next "
                    + "write, history read or recovery", all.size(), e.getMessage());
        }
    }

    /** Writes what is queued (up to the flush wait), then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(FLUSH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
