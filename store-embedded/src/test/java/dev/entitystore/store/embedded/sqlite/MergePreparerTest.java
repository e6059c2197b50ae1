package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk's merges are prepared from the records their caller read with them, without reading those again;
 * the others from a read of the store. Shown with a store that can no longer be read: a read there
 * fails, and then nothing is prepared (the writer merges everything itself).
 */
class MergePreparerTest {
    private static final EntityMerge MARK = current -> MergeDecision.write(current.orElseThrow().source().put("marked", true));

    @TempDir
    Path dataDir;

    @Test
    void merges_carrying_their_reads_are_prepared_without_reading_the_store() throws Exception {
        MergePreparer preparer = preparerOverAClosedStore();

        List<Optional<PreparedMerge>> prepared = preparer.bulk("default", List.of(
                BulkOperation.merge(read("a", 3), MARK), BulkOperation.merge(read("b", 4), MARK),
                BulkOperation.merge(read("a", 3), MARK)));

        assertThat(prepared).hasSize(3);
        assertThat(prepared.get(0).orElseThrow().holdsFor(3)).isTrue();
        assertThat(new String(prepared.get(0).orElseThrow().json(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":3,\"marked\":true}");
        assertThat(prepared.get(1).orElseThrow().holdsFor(4)).isTrue();
        assertThat(prepared.get(2)).as("a record named again is merged by the writer").isEmpty();
    }

    @Test
    void a_merge_without_its_read_makes_the_preparation_read() throws Exception {
        MergePreparer preparer = preparerOverAClosedStore();

        List<Optional<PreparedMerge>> prepared = preparer.bulk("default", List.of(BulkOperation.merge(read("a", 3), MARK),
                BulkOperation.merge("b", MARK)));

        assertThat(prepared.get(0)).as("prepared from the read it carried").isPresent();
        assertThat(prepared.get(1)).as("the read failed: left to the writer").isEmpty();
        assertThat(preparer.bulk("default", List.of(BulkOperation.merge("b", MARK))))
                .as("nothing could be prepared").isEmpty();
    }

    @Test
    void merges_without_their_reads_are_prepared_from_one_read_of_the_store_present_or_absent() throws Exception {
        Path dbFile = dataDir.resolve("open.db");
        try (Connection connection = SqliteConnections.openWriter(dbFile)) {
            SqliteSchema.current().migrate(connection, dbFile);
            connection.createStatement().execute(
                    "INSERT INTO entities (space, id, source, seq, version) VALUES ('default', 'a', '{\"n\":1}', 7, 2)");
        }
        try (ReadConnectionPool pool = new ReadConnectionPool(dbFile, 1)) {
            MergePreparer preparer = new MergePreparer(new SqliteReads(pool, PackedText.plain()));

            List<Optional<PreparedMerge>> prepared = preparer.bulk("default", List.of(
                    BulkOperation.merge("b", current -> MergeDecision.write(JsonNodeFactory.instance.objectNode().put("new", true))),
                    BulkOperation.merge("a", MARK)));

            PreparedMerge absent = prepared.get(0).orElseThrow();
            assertThat(absent.sawRecord()).isFalse();
            assertThat(absent.holdsFor(PreparedMerge.ABSENT)).isTrue();
            PreparedMerge present = prepared.get(1).orElseThrow();
            assertThat(present.holdsFor(7)).isTrue();
            assertThat(present.seenVersion()).isEqualTo(2);
            assertThat(new String(present.json(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1,\"marked\":true}");
            assertThat(new String(present.fieldsJson(), StandardCharsets.UTF_8)).contains("marked");
        }
    }

    private MergePreparer preparerOverAClosedStore() throws Exception {
        Path dbFile = dataDir.resolve("prepare.db");
        try (Connection connection = SqliteConnections.openWriter(dbFile)) {
            SqliteSchema.current().migrate(connection, dbFile);
        }
        ReadConnectionPool pool = new ReadConnectionPool(dbFile, 1);
        pool.close();
        return new MergePreparer(new SqliteReads(pool, PackedText.plain()));
    }

    private static StoredEntity read(String id, long seq) {
        ObjectNode source = JsonNodeFactory.instance.objectNode().put("n", seq);
        return new StoredEntity(id, source, seq, 1);
    }
}
