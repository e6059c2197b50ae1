package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.idempotency.IdempotencyKey;
import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.idempotency.KeyedWrite;
import dev.entitystore.domain.idempotency.RecordedAnswer;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.contract.IdempotencyStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idempotency port's contract on the embedded store; a keyed write's answer stored in the write's own
 * transaction (there after a crash right after the commit, absent when the write fails); what reopening keeps
 * and drops; the retired key file moved in.
 */
class SqliteIdempotencyStoreTest extends IdempotencyStoreContract {
    private static final KeyedRequest PENDING = KeyedRequest.pending("fp-write", 7_000);

    @TempDir
    Path dir;
    private final List<SqliteEntityStore> opened = new ArrayList<>();

    @Override
    protected IdempotencyStore store() {
        return SqliteIdempotencyStore.over(open(dir.resolve("store-" + opened.size())));
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteEntityStore::close);
    }

    @Test
    void answersSurviveReopeningAndPendingClaimsDoNot() {
        var pendingKey = new IdempotencyKey("default", "anonymous", "pending");
        try (SqliteEntityStore entities = SqliteEntityStore.open(dir)) {
            SqliteIdempotencyStore store = SqliteIdempotencyStore.over(entities);
            store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
            store.answer(KEY, answered("fp1", 1_000));
            store.claim(pendingKey, KeyedRequest.pending("fp2", 1_000), held -> false);
        }
        try (SqliteEntityStore entities = SqliteEntityStore.open(dir)) {
            SqliteIdempotencyStore store = SqliteIdempotencyStore.over(entities);
            assertThat(store.claim(KEY, KeyedRequest.pending("fp1", 2_000), held -> false)).contains(answered("fp1", 1_000));
            assertThat(store.claim(pendingKey, KeyedRequest.pending("fp3", 2_000), held -> false)).isEmpty();
        }
    }

    @Test
    void aKeyedWritesAnswerIsStoredByItsCommitAlone() throws IOException {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        SqliteEntityStore entities = open(live);
        SqliteIdempotencyStore keys = SqliteIdempotencyStore.over(entities);
        assertThat(keys.claim(KEY, PENDING, held -> false)).isEmpty();
        KeyedWrite write = keyedWrite();
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write)) {
            KeyedWrite.<Long>answerWith(SqliteIdempotencyStoreTest::answerOf);
            KeyedWrite.expect(MergeOutcome.class, outcome -> Optional.of(outcome.version()));
            entities.merge("default", "e1", current -> MergeDecision.write(record("v", 1)));
        }
        // The server dies here: the filter never records the answer, nor gives the pending key back.
        copyFiles(live, crashed);
        assertThat(write.recorded()).contains(answerOf(1L));

        SqliteEntityStore restarted = open(crashed);
        assertThat(restarted.get("default", "e1")).isPresent();
        assertThat(SqliteIdempotencyStore.over(restarted).claim(KEY, KeyedRequest.pending("fp-write", 9_000), held -> false))
                .contains(new KeyedRequest("fp-write", 7_000, Optional.of(answerOf(1L))));
    }

    @Test
    void aWriteThatFailsInItsTransactionStoresNoAnswer() {
        SqliteEntityStore entities = open(dir.resolve("failing"));
        SqliteIdempotencyStore keys = SqliteIdempotencyStore.over(entities);
        keys.claim(KEY, PENDING, held -> false);
        KeyedWrite write = keyedWrite();
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write)) {
            KeyedWrite.<Long>answerWith(SqliteIdempotencyStoreTest::answerOf);
            KeyedWrite.expect(MergeOutcome.class, outcome -> Optional.of(outcome.version()));
            assertThatThrownBy(() -> entities.merge("default", "e1", current -> {
                throw new IllegalStateException("refused in the transaction");
            })).hasMessageContaining("refused in the transaction");
        }
        assertThat(write.recorded()).isEmpty();
        keys.release(KEY);
        assertThat(entities.get("default", "e1")).isEmpty();
        assertThat(keys.claim(KEY, KeyedRequest.pending("fp-write", 9_000), held -> false)).isEmpty();
    }

    @Test
    void aWriteWhoseOutcomeAnswersNoSuccessStoresNoAnswer() {
        SqliteEntityStore entities = open(dir.resolve("noop"));
        SqliteIdempotencyStore keys = SqliteIdempotencyStore.over(entities);
        keys.claim(KEY, PENDING, held -> false);
        KeyedWrite write = keyedWrite();
        try (KeyedWrite.Scope bound = KeyedWrite.bind(write)) {
            KeyedWrite.<Long>answerWith(SqliteIdempotencyStoreTest::answerOf);
            KeyedWrite.expect(MergeOutcome.class, outcome -> outcome.status() == MergeOutcome.Status.NOT_FOUND
                    ? Optional.empty() : Optional.of(outcome.version()));
            entities.merge("default", "e1", current -> MergeDecision.notFound());
        }
        assertThat(write.recorded()).isEmpty();
        keys.release(KEY);
        assertThat(keys.claim(KEY, KeyedRequest.pending("fp-write", 9_000), held -> false)).isEmpty();
    }

    @Test
    void theRetiredKeyFilesAnswersMoveIntoTheStoreAndTheFileGoes() throws Exception {
        Path data = dir.resolve("retired");
        Files.createDirectories(data);
        Path file = data.resolve(SqliteIdempotencyStore.DB_FILE_NAME);
        IdempotencyKey pendingKey = new IdempotencyKey("default", "anonymous", "pending");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE idempotency_keys (id TEXT PRIMARY KEY, started INTEGER NOT NULL,"
                    + " fingerprint TEXT NOT NULL, answer TEXT) WITHOUT ROWID");
            s.execute("INSERT INTO idempotency_keys VALUES ('" + KEY.storageId() + "', 1000, 'fp1', '"
                    + JsonCodec.write(ANSWER.toJson()) + "')");
            s.execute("INSERT INTO idempotency_keys VALUES ('" + pendingKey.storageId() + "', 1000, 'fp2', NULL)");
        }
        SqliteIdempotencyStore keys = SqliteIdempotencyStore.over(open(data));
        assertThat(file).doesNotExist();
        assertThat(keys.claim(KEY, KeyedRequest.pending("fp1", 2_000), held -> false)).contains(answered("fp1", 1_000));
        assertThat(keys.claim(pendingKey, KeyedRequest.pending("fp3", 2_000), held -> false)).isEmpty();
    }

    private SqliteEntityStore open(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SqliteEntityStore store = SqliteEntityStore.open(data);
        opened.add(store);
        return store;
    }

    private static KeyedWrite keyedWrite() {
        return new KeyedWrite(KEY, PENDING, answer -> (RecordedAnswer) answer);
    }

    private static RecordedAnswer answerOf(Long version) {
        return new RecordedAnswer(200, Map.of("Content-Type", "application/json", "ETag", "\"" + version + "\""),
                "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode record(String field, int value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    /** What a crash right now leaves on disk: the database and its WAL as they are (no checkpoint, no close). */
    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : List.of(SqliteEntityStore.DB_FILE_NAME, SqliteEntityStore.DB_FILE_NAME + "-wal")) {
            if (Files.exists(from.resolve(name))) {
                Files.copy(from.resolve(name), to.resolve(name));
            }
        }
    }
}
