package dev.entitystore.store.embedded.sqlite;

import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The rows of table {@code idempotency_answers} (schema migration 7): an {@code Idempotency-Key}'s answered
 * entry, written on the writer's connection, in a keyed write's own transaction ({@link #withAnswer}) or on
 * its own, and read on a read connection.
 */
final class SqliteIdempotencyAnswers {
    private static final String READ = "SELECT fingerprint, started, answer FROM idempotency_answers WHERE id = ?";
    private static final String WRITE =
            "INSERT OR REPLACE INTO idempotency_answers (id, started, fingerprint, answer) VALUES (?, ?, ?, ?)";
    private static final String WRITE_IF_ABSENT =
            "INSERT OR IGNORE INTO idempotency_answers (id, started, fingerprint, answer) VALUES (?, ?, ?, ?)";

    private SqliteIdempotencyAnswers() {
    }

    /**
     * {@code work}, followed in the same savepoint by the row of the answer {@code keyed} renders from its
     * outcome: if either fails, neither is applied.
     */
    static <T> GroupCommitWriter.Work<T> withAnswer(Optional<KeyedWrite.Recording> keyed, GroupCommitWriter.Work<T> work) {
        if (keyed.isEmpty()) {
            return work;
        }
        KeyedWrite.Recording recording = keyed.get();
        return tx -> {
            T outcome = work.apply(tx);
            Optional<KeyedRequest> answered = recording.answered(outcome);
            if (answered.isPresent()) {
                write(tx.connection(), recording.key().storageId(), answered.get(), false);
            }
            return outcome;
        };
    }

    /** Writes {@code answered} under {@code id}, replacing what is there unless {@code ifAbsent}; answers whether it wrote. */
    static boolean write(Connection connection, String id, KeyedRequest answered, boolean ifAbsent) throws SQLException {
        RecordedAnswer answer = answered.answer().orElseThrow(() -> new IllegalArgumentException("not answered: " + id));
        try (PreparedStatement write = connection.prepareStatement(ifAbsent ? WRITE_IF_ABSENT : WRITE)) {
            write.setString(1, id);
            write.setLong(2, answered.startedMillis());
            write.setString(3, answered.fingerprint());
            write.setString(4, JsonCodec.write(answer.toJson()));
            return write.executeUpdate() > 0;
        }
    }

    static Optional<KeyedRequest> read(ReadConnectionPool.ReadConnection connection, String id) throws SQLException {
        PreparedStatement select = connection.prepare(READ);
        select.setString(1, id);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            RecordedAnswer answer = RecordedAnswer.fromJson(JsonCodec.read(rs.getBytes(3), "idempotent answer " + id));
            return Optional.of(new KeyedRequest(rs.getString(1), rs.getLong(2), Optional.of(answer)));
        }
    }

    static long deleteStartedBefore(Connection connection, long startedBeforeMillis) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotency_answers WHERE started < ?")) {
            delete.setLong(1, startedBeforeMillis);
            return delete.executeUpdate();
        }
    }
}
