package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.exceptionlist.ExceptionListStore;
import dev.entitystore.domain.exceptionlist.StoredListObject;
import dev.entitystore.domain.store.contract.ExceptionListStoreContract;
import dev.entitystore.domain.testing.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exception-list port's contract on SQLite, and what survives reopening the file. */
class SqliteExceptionListStoreTest extends ExceptionListStoreContract {
    @TempDir
    Path dir;
    private final List<SqliteExceptionListStore> opened = new ArrayList<>();

    @Override
    protected ExceptionListStore store() {
        return open(dir.resolve("store-" + opened.size()));
    }

    private SqliteExceptionListStore open(Path data) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SqliteExceptionListStore store = SqliteExceptionListStore.open(data);
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteExceptionListStore::close);
    }

    @Test
    void objectsAndVersionsSurviveReopeningAndVersionsNeverGoBack() {
        Path data = dir.resolve("reopened");
        SqliteExceptionListStore first = open(data);
        StoredListObject a = first.create("a", Json.obj("{\"list_type\":\"list\",\"list_id\":\"l\"}")).orElseThrow();
        StoredListObject b = first.create("b", Json.obj("{\"list_type\":\"item\",\"list_id\":\"l\",\"item_id\":\"i\"}"))
                .orElseThrow();
        assertThat(first.delete("b")).isTrue();
        first.close();
        SqliteExceptionListStore second = open(data);
        assertThat(second.get("a")).contains(a);
        StoredListObject c = second.create("c", Json.obj("{\"list_type\":\"item\",\"list_id\":\"l\",\"item_id\":\"i\"}"))
                .orElseThrow();
        assertThat(c.version().seqNo()).isGreaterThan(b.version().seqNo());
    }
}
