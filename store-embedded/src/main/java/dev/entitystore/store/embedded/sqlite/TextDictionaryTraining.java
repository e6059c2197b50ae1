package dev.entitystore.store.embedded.sqlite;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictTrainer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the dictionary {@link PackedText} compresses with, from a sample of the store's own newest records and
 * changes, on a background thread: first once the store has written {@value #FIRST_AT} changes, then again each
 * time it has written {@value #GROWTH} times as many as at the last training (so a store whose records change
 * shape gets a dictionary of the new shape, a handful of times in its life). The dictionary's row is written
 * through the writer, and only once it is committed do new rows use it. Rows already stored keep their form.
 */
final class TextDictionaryTraining implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TextDictionaryTraining.class);
    static final long FIRST_AT = 2_000;
    static final long GROWTH = 50;
    /** Rows of each kind sampled; zstd wants ~100 samples or more, and ~10x the dictionary's size in total. */
    private static final int SAMPLES = 2_000;
    private static final int DICTIONARY_BYTES = 64 * 1024;
    private static final int SAMPLE_BUFFER_BYTES = 16 * 1024 * 1024;
    private static final String NEWEST_CHANGES = "SELECT change FROM changes ORDER BY seq DESC LIMIT " + SAMPLES;
    private static final String NEWEST_RECORDS = "SELECT e.source FROM changes c JOIN entities e"
            + " ON e.space = c.space AND e.id = c.id AND e.seq = c.seq ORDER BY c.seq DESC LIMIT " + SAMPLES;
    private static final String STORE = "INSERT INTO text_dictionaries (id, trained_on_seq, trained_at, dictionary)"
            + " VALUES (?, ?, ?, ?)";

    private final PackedText texts;
    private final ReadConnectionPool reads;
    /** Set once the writer exists (it is made after this, since its commits call {@link #committed}). */
    private volatile GroupCommitWriter writer;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "entity-store-text-dictionary");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean training = new AtomicBoolean();
    /** After a training that kept nothing, the next waits until the store has written twice as much. */
    private volatile long notBefore;
    private volatile boolean closed;

    TextDictionaryTraining(PackedText texts, ReadConnectionPool reads) {
        this.texts = texts;
        this.reads = reads;
    }

    /** Stores dictionaries through {@code writer} from now on, and trains at once if the store at open is due one. */
    void storeThrough(GroupCommitWriter writer, long lastSeq) {
        this.writer = writer;
        committed(lastSeq);
    }

    /** The seq from which the next dictionary is trained. */
    long nextAt() {
        long last = texts.trainedOnSeq();
        return Math.max(notBefore, last == 0 ? FIRST_AT : last * GROWTH);
    }

    /** After a commit (and at open): starts a training when the store has grown enough and none runs. */
    void committed(long lastSeq) {
        if (lastSeq >= nextAt() && writer != null && !closed && training.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    try {
                        train(lastSeq);
                    } finally {
                        training.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                training.set(false); // closing
            }
        }
    }

    /** Trains from the newest rows, stores the dictionary, then adopts it; a failure only leaves rows as they were. */
    void train(long lastSeq) {
        notBefore = 2 * lastSeq;
        try {
            ZstdDictTrainer trainer = new ZstdDictTrainer(SAMPLE_BUFFER_BYTES, DICTIONARY_BYTES);
            int samples = reads.read("the text dictionary's samples", c -> {
                int n = 0;
                for (String sql : new String[] {NEWEST_CHANGES, NEWEST_RECORDS}) {
                    PreparedStatement s = c.prepare(sql);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next() && trainer.addSample(texts.read(rs, 1))) {
                            n++;
                        }
                    }
                }
                return n;
            });
            keep(trainer.trainSamples(), lastSeq, samples);
        } catch (RuntimeException | LinkageError e) {
            if (!closed) {
                LOG.warn("no text dictionary was trained at seq {} (rows stay as they are): {}", lastSeq, e.toString());
            }
        }
    }

    /** Stores {@code dictionary} through the writer and, once committed, compresses new rows with it. */
    void keep(byte[] dictionary, long lastSeq, int samples) {
        long id = Zstd.getDictIdFromDict(dictionary);
        if (id == 0 || texts.knows(id)) {
            LOG.info("text dictionary not kept: its id {} is {}", id, id == 0 ? "missing" : "taken");
            return;
        }
        long trainedAt = System.currentTimeMillis();
        writer.submit("the text dictionary was not stored", 0, tx -> {
            try (PreparedStatement s = tx.connection().prepareStatement(STORE)) {
                s.setLong(1, id);
                s.setLong(2, lastSeq);
                s.setLong(3, trainedAt);
                s.setBytes(4, dictionary);
                s.executeUpdate();
            }
            return null;
        });
        texts.adopt(id, lastSeq, dictionary);
        LOG.info("stored text is compressed from now on with dictionary {} ({} bytes, trained on {} rows at seq {})",
                id, dictionary.length, samples, lastSeq);
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
