package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.idempotency.IdempotencyStore;
import dev.entitystore.domain.idempotency.KeyedRequest;
import dev.entitystore.domain.store.contract.IdempotencyStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idempotency port's contract on SQLite, and what reopening the file keeps and drops. */
class SqliteIdempotencyStoreTest extends IdempotencyStoreContract {
    @TempDir
    Path dir;
    private final List<SqliteIdempotencyStore> opened = new ArrayList<>();

    @Override
    protected IdempotencyStore store() {
        Path data = dir.resolve("store-" + opened.size());
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SqliteIdempotencyStore store = SqliteIdempotencyStore.open(data);
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteIdempotencyStore::close);
    }

    @Test
    void answersSurviveReopeningAndPendingClaimsDoNot() {
        var pendingKey = new dev.entitystore.domain.idempotency.IdempotencyKey("default", "anonymous", "pending");
        try (SqliteIdempotencyStore store = SqliteIdempotencyStore.open(dir)) {
            store.claim(KEY, KeyedRequest.pending("fp1", 1_000), held -> false);
            store.answer(KEY, answered("fp1", 1_000));
            store.claim(pendingKey, KeyedRequest.pending("fp2", 1_000), held -> false);
        }
        try (SqliteIdempotencyStore store = SqliteIdempotencyStore.open(dir)) {
            assertThat(store.claim(KEY, KeyedRequest.pending("fp1", 2_000), held -> false)).contains(answered("fp1", 1_000));
            assertThat(store.claim(pendingKey, KeyedRequest.pending("fp3", 2_000), held -> false)).isEmpty();
        }
    }
}
