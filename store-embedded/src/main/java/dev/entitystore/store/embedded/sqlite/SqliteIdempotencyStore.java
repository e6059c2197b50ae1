package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded {@link IdempotencyStore}: table {@code idempotency_keys} in its own SQLite file,
 * {@code <dataDir>/idempotency-keys.db}, a row per key (its storage id), committed with
 * {@code synchronous=FULL} before a call returns. One connection serves the calls in turn; a claim reads
 * and writes in one transaction, so two claims of a key cannot both take it. Pending rows are dropped at
 * open: only this process writes the file, so a pending row then belongs to a request that died with the
 * previous process (nothing of it was answered).
 */
public final class SqliteIdempotencyStore extends CompanionDatabase implements IdempotencyStore {
    public static final String DB_FILE_NAME = "idempotency-keys.db";

    private SqliteIdempotencyStore(Connection connection, Path dbFile) {
        super(connection, dbFile, "idempotency-key store");
    }

    /** Opens (creating the file and its table if needed) the key database in {@code dataDir}. */
    public static SqliteIdempotencyStore open(Path dataDir) {
        Path dbFile = dataDir.toAbsolutePath().normalize().resolve(DB_FILE_NAME);
        return SqliteConnections.openCompanion(dbFile, connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS idempotency_keys (id TEXT PRIMARY KEY, started INTEGER NOT NULL,"
                        + " fingerprint TEXT NOT NULL, answer TEXT) WITHOUT ROWID");
                s.execute("CREATE INDEX IF NOT EXISTS idempotency_keys_by_start ON idempotency_keys (started)");
                s.execute("DELETE FROM idempotency_keys WHERE answer IS NULL");
            }
            return new SqliteIdempotencyStore(connection, dbFile);
        });
    }

    @Override
    public synchronized Optional<KeyedRequest> claim(IdempotencyKey key, KeyedRequest pending,
                                                     Predicate<KeyedRequest> replaceable) {
        return inTransaction("the claim of an idempotency key", () -> {
            Optional<KeyedRequest> held = read(key.storageId());
            if (held.isPresent() && !replaceable.test(held.get())) {
                return held;
            }
            write(key.storageId(), pending);
            return Optional.<KeyedRequest>empty();
        });
    }

    @Override
    public synchronized void answer(IdempotencyKey key, KeyedRequest answered) {
        inTransaction("the record of an idempotent request's answer", () -> {
            write(key.storageId(), answered);
            return null;
        });
    }

    @Override
    public synchronized void release(IdempotencyKey key) {
        update("the release of an idempotency key", "DELETE FROM idempotency_keys WHERE id = ? AND answer IS NULL",
                key.storageId());
    }

    @Override
    public synchronized long prune(long startedBeforeMillis) {
        return update("the pruning of idempotency keys", "DELETE FROM idempotency_keys WHERE started < ?", startedBeforeMillis);
    }

    private Optional<KeyedRequest> read(String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, started, answer FROM idempotency_keys WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] answer = rs.getBytes(3);
                return Optional.of(new KeyedRequest(rs.getString(1), rs.getLong(2), answer == null ? Optional.empty()
                        : Optional.of(RecordedAnswer.fromJson(JsonCodec.read(answer, "idempotent answer " + id)))));
            }
        }
    }

    private void write(String id, KeyedRequest entry) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO idempotency_keys (id, started, fingerprint, answer) VALUES (?, ?, ?, ?)")) {
            upsert.setString(1, id);
            upsert.setLong(2, entry.startedMillis());
            upsert.setString(3, entry.fingerprint());
            upsert.setString(4, entry.answer().map(answer -> JsonCodec.write(answer.toJson())).orElse(null));
            upsert.executeUpdate();
        }
    }

    private long update(String what, String sql, Object parameter) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }
}
