package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import dev.entitystore.domain.store.StoreOpenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded {@link IdempotencyStore}. Answered keys are rows of the entity database's table
 * {@code idempotency_answers}, written by its writer: a keyed write's answer in the write's own transaction
 * ({@link dev.entitystore.domain.idempotency.KeyedWrite}), any other through {@link #answer}. Pending keys (a
 * request being served) are held in memory only: one process writes the store, and a pending key does not
 * outlive its process (the key file used to drop them on open). Claims are made one at a time, so of two
 * claims of a key at most one takes it.
 *
 * <p>The retired key file {@code idempotency-keys.db} (a store written before this, or restored from an older
 * backup) has its answered rows moved into the table when this opens, and is then deleted.
 */
public final class SqliteIdempotencyStore implements IdempotencyStore, AutoCloseable {
    /** The retired key file, moved into the entity database when found. */
    public static final String DB_FILE_NAME = "idempotency-keys.db";

    private final SqliteEntityStore store;
    /** By storage id; guarded by this. */
    private final Map<String, KeyedRequest> pending = new HashMap<>();

    private SqliteIdempotencyStore(SqliteEntityStore store) {
        this.store = store;
    }

    /** The keys of {@code store}, after moving in those of the retired key file beside it, if there is one. */
    public static SqliteIdempotencyStore over(SqliteEntityStore store) {
        moveRetiredFile(store);
        return new SqliteIdempotencyStore(store);
    }

    @Override
    public synchronized Optional<KeyedRequest> claim(IdempotencyKey key, KeyedRequest claim,
                                                     Predicate<KeyedRequest> replaceable) {
        String id = key.storageId();
        // Pending first: an answer is stored before its pending entry goes, so no claim sees neither.
        Optional<KeyedRequest> held = Optional.ofNullable(pending.get(id));
        if (held.isEmpty()) {
            held = store.readOwn("the read of an idempotency key", c -> SqliteIdempotencyAnswers.read(c, id));
        }
        if (held.isPresent() && !replaceable.test(held.get())) {
            return held;
        }
        pending.put(id, claim);
        return Optional.empty();
    }

    @Override
    public void answer(IdempotencyKey key, KeyedRequest answered) {
        String id = key.storageId();
        store.writeOwn("the answer of Idempotency-Key request was not recorded",
                tx -> SqliteIdempotencyAnswers.write(tx.connection(), id, answered, false));
        release(key);
    }

    @Override
    public synchronized void release(IdempotencyKey key) {
        pending.remove(key.storageId());
    }

    @Override
    public long prune(long startedBeforeMillis) {
        long pruned = store.writeOwn("the pruning of idempotency keys was not applied",
                tx -> SqliteIdempotencyAnswers.deleteStartedBefore(tx.connection(), startedBeforeMillis));
        synchronized (this) {
            for (Iterator<KeyedRequest> it = pending.values().iterator(); it.hasNext(); ) {
                if (it.next().startedMillis() < startedBeforeMillis) {
                    it.remove();
                    pruned++;
                }
            }
        }
        return pruned;
    }

    /** Nothing of its own to close: its rows are the entity store's. */
    @Override
    public void close() {
    }

    private static void moveRetiredFile(SqliteEntityStore store) {
        Path file = store.dbFile().resolveSibling(DB_FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        Map<String, KeyedRequest> answered = new HashMap<>();
        try (Connection connection = SqliteConnections.openReader(file); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, started, fingerprint, answer FROM idempotency_keys WHERE answer IS NOT NULL")) {
            while (rs.next()) {
                RecordedAnswer answer = RecordedAnswer.fromJson(JsonCodec.read(rs.getBytes(4), "idempotent answer"));
                answered.put(rs.getString(1), new KeyedRequest(rs.getString(3), rs.getLong(2), Optional.of(answer)));
            }
        } catch (SQLException e) {
            throw new StoreOpenException("Cannot read the idempotency keys of " + file + " to move them into the entity"
                    + " store: " + e.getMessage(), e);
        }
        // A row already in the table is as new as the file's or newer (a move that stopped before deleting it).
        store.writeOwn("the idempotency keys of " + file + " were not moved", tx -> {
            for (Map.Entry<String, KeyedRequest> entry : answered.entrySet()) {
                SqliteIdempotencyAnswers.write(tx.connection(), entry.getKey(), entry.getValue(), true);
            }
            return null;
        });
        for (Path path : List.of(file, file.resolveSibling(DB_FILE_NAME + "-wal"), file.resolveSibling(DB_FILE_NAME + "-shm"))) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new StoreOpenException("Cannot delete " + path + " after moving its idempotency keys into the"
                        + " entity store: " + e.getMessage(), e);
            }
        }
    }
}
