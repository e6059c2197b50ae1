package dev.entitystore.store.embedded.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge prepared off the writer thread is applied only while the record is still the one it was
 * prepared from; otherwise the writer merges again on what it finds, and nothing is lost. Driven on the
 * write transaction directly, so that a write can be put between preparing and applying.
 */
class PreparedMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WriteContext CONTEXT = new WriteContext("api_key", "k1", "test");

    @TempDir
    Path dataDir;
    private Connection connection;
    private WriteTransaction tx;

    @BeforeEach
    void open() throws SQLException {
        Path dbFile = dataDir.resolve("prepared.db");
        connection = SqliteConnections.openWriter(dbFile);
        SqliteSchema.current().migrate(connection, dbFile);
        tx = new WriteTransaction(connection, PackedText.plain());
    }

    @AfterEach
    void close() throws SQLException {
        tx.close();
    }

    @Test
    void a_merge_prepared_before_another_write_merges_again_on_what_that_write_left() throws Exception {
        write("a", setting("x", 1));
        AtomicInteger calls = new AtomicInteger();
        EntityMerge addY = counting(calls, setting("y", 2));
        Optional<PreparedMerge> prepared = PreparedMerge.prepare(stored("a"), addY);
        write("a", setting("z", 3)); // lands between the preparation and the writer

        MergeOutcome outcome = apply("a", addY, prepared);

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
        assertThat(calls).hasValue(2);
        assertThat(stored("a").orElseThrow().source()).isEqualTo(object("{\"x\":1,\"z\":3,\"y\":2}"));
        assertThat(stored("a").orElseThrow().version()).isEqualTo(3);
        assertThat(lastChange("a").get("fields")).isEqualTo(object("{\"y\":{\"after\":2}}"));
    }

    @Test
    void a_merge_prepared_on_the_current_record_is_applied_as_prepared_and_recorded_as_the_writer_would() throws Exception {
        write("a", setting("x", 1));
        write("b", setting("x", 1));
        AtomicInteger calls = new AtomicInteger();
        EntityMerge update = counting(calls, setting("x", 5));
        Optional<PreparedMerge> prepared = PreparedMerge.prepare(stored("a"), update);

        apply("a", update, prepared);
        apply("b", update, Optional.empty());

        assertThat(calls).hasValue(2); // once prepared for a, once on the writer for b: a's was not run again
        assertThat(stored("a").orElseThrow().source()).isEqualTo(stored("b").orElseThrow().source());
        ObjectNode changeOfA = lastChange("a");
        ObjectNode changeOfB = lastChange("b");
        for (ObjectNode change : List.of(changeOfA, changeOfB)) {
            change.remove(List.of("seq", "@timestamp", "_id"));
        }
        assertThat(changeOfA).isEqualTo(changeOfB);
    }

    @Test
    void a_create_prepared_while_absent_is_merged_again_once_the_record_exists() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        EntityMerge upsert = counting(calls, setting("y", 2));
        Optional<PreparedMerge> prepared = PreparedMerge.prepare(Optional.empty(), upsert);
        write("a", setting("x", 1));

        MergeOutcome outcome = apply("a", upsert, prepared);

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
        assertThat(calls).hasValue(2);
        assertThat(stored("a").orElseThrow().source()).isEqualTo(object("{\"x\":1,\"y\":2}"));
    }

    @Test
    void a_merge_that_throws_when_prepared_is_left_to_the_writer() {
        EntityMerge failsOnAbsent = current -> {
            if (current.isEmpty()) {
                throw new IllegalStateException("absent");
            }
            return MergeDecision.noop();
        };

        assertThat(PreparedMerge.prepare(Optional.empty(), failsOnAbsent)).isEmpty();
        assertThat(PreparedMerge.merging()).isFalse();
    }

    private static EntityMerge counting(AtomicInteger calls, EntityMerge merge) {
        return current -> {
            calls.incrementAndGet();
            return merge.apply(current);
        };
    }

    /** Sets {@code field} to {@code value}, creating the record if absent. */
    private static EntityMerge setting(String field, int value) {
        return current -> {
            ObjectNode source = current.map(StoredEntity::source).orElseGet(JSON::createObjectNode);
            source.put(field, value);
            return MergeDecision.write(source);
        };
    }

    private void write(String id, EntityMerge merge) throws SQLException {
        apply(id, merge, Optional.empty());
    }

    private MergeOutcome apply(String id, EntityMerge merge, Optional<PreparedMerge> prepared) throws SQLException {
        tx.begin();
        MergeOutcome outcome = SqliteRecordWrites.merge(tx, CONTEXT, "default", id, merge, prepared);
        tx.commit();
        tx.takeCommittedChanges();
        return outcome;
    }

    private Optional<StoredEntity> stored(String id) throws SQLException {
        return tx.read("default", id);
    }

    private ObjectNode lastChange(String id) throws Exception {
        List<ObjectNode> changes = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT change FROM changes WHERE id = '" + id + "' ORDER BY seq")) {
            while (rs.next()) {
                changes.add((ObjectNode) JSON.readTree(rs.getString(1)));
            }
        }
        return changes.get(changes.size() - 1);
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
