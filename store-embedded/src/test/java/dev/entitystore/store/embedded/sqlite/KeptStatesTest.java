package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.entity.EntityType;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.HistoryReader;
import dev.entitystore.domain.history.KeptState;
import dev.entitystore.domain.identity.EntityIds;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record kept in full beside every {@link SqliteRecordWrites#KEEP_STATE_EVERY}-th version's change
 * ({@code change_states}): found by a short walk back, the same as the record then, gone with its change when
 * retention prunes it, and {@code as_of} rebuilt from it equal to the record as it was at every version.
 */
class KeptStatesTest {
    /** The store under test; the compressed variant overrides it. */
    SqliteEntityStore open(Path dir) {
        return SqliteEntityStore.open(dir);
    }

    private static final int EVERY = SqliteRecordWrites.KEEP_STATE_EVERY;
    private static final String EUID = "host:kept";
    private static final String ID = EntityIds.documentId(EUID);

    @TempDir
    Path dataDir;
    private SqliteEntityStore store;
    /** The record as stored right after each version, by version. */
    private final Map<Long, ObjectNode> records = new HashMap<>();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void a_state_is_kept_at_every_multiple_of_the_interval_and_found_only_within_the_walk_asked_for() {
        write(2 * EVERY + EVERY / 2);
        EntityChange atTwoAndAHalf = change(2 * EVERY + EVERY / 2);

        assertThat(statesKept()).containsExactly((long) EVERY, 2L * EVERY);
        Optional<KeptState> kept = store.keptState("default", ID, atTwoAndAHalf.seq(), EVERY / 2);
        assertThat(kept).isPresent();
        assertThat(kept.get().version()).isEqualTo(2L * EVERY);
        assertThat(kept.get().seq()).isEqualTo(change(2 * EVERY).seq());
        assertThat(kept.get().source()).isEqualTo(records.get(2L * EVERY));
        assertThat(store.keptState("default", ID, atTwoAndAHalf.seq(), EVERY / 2 - 1)).as("one change short").isEmpty();
        assertThat(store.keptState("default", ID, change(2 * EVERY).seq(), 0)).map(KeptState::version).contains(2L * EVERY);
        assertThat(store.keptState("default", ID, change(EVERY - 1).seq(), Integer.MAX_VALUE)).as("nothing before the first").isEmpty();
        assertThat(store.keptState("default", "another", atTwoAndAHalf.seq(), EVERY)).as("another record's change").isEmpty();
    }

    @Test
    void as_of_every_version_equals_the_record_as_it_was_then() {
        int versions = 2 * EVERY + 7;
        write(versions);
        HistoryReader reader = new HistoryReader(store, store);
        List<EntityChange> all = store.changes("default", ID, HistoryQuery.newest(versions)).changes();
        int checked = 0;
        for (int i = 1; i < all.size(); i++) { // newest first: all.get(i - 1) is the version after all.get(i)
            EntityChange change = all.get(i);
            if (change.timeMillis() < all.get(i - 1).timeMillis()) { // the last version at its millisecond
                ObjectNode asOf = reader.asOf("default", EntityType.HOST, EUID, Instant.ofEpochMilli(change.timeMillis()).toString());
                assertThat(asOf).as("version %d", change.version()).isEqualTo(records.get(change.version()));
                checked++;
            }
        }
        assertThat(checked).as("versions checked").isGreaterThan(EVERY);
    }

    @Test
    void retention_removes_the_states_of_the_changes_it_removes() {
        write(2 * EVERY + 10);

        store.prune("default", Long.MIN_VALUE, EVERY / 2);

        assertThat(statesKept()).containsExactly(2L * EVERY);
        store.prune("default", Long.MIN_VALUE, 5);
        assertThat(statesKept()).isEmpty();
        assertThat(store.keptState("default", ID, change(2 * EVERY + 10).seq(), 3 * EVERY)).isEmpty();
    }

    @Test
    void a_version_4_store_migrated_answers_as_of_from_its_changes_and_keeps_states_from_then_on() throws SQLException {
        write(EVERY + 10);
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE change_states"); // the store as a build before migration 5 left it
            s.execute("DROP TABLE text_dictionaries"); // and so is what later migrations made
            s.execute("DROP TABLE idempotency_answers");
            s.execute("DELETE FROM schema_version WHERE version > 4");
        }
        store = open(dataDir);
        assertThat(statesKept()).as("nothing is built for the history already written").isEmpty();
        HistoryReader reader = new HistoryReader(store, store);
        EntityChange middle = change(EVERY / 2);
        assertThat(reader.asOf("default", EntityType.HOST, EUID, Instant.ofEpochMilli(middle.timeMillis()).toString()))
                .isEqualTo(recordAt(middle.timeMillis()));

        for (long v = EVERY + 11; v <= 2 * EVERY; v++) {
            update(v);
        }
        assertThat(statesKept()).containsExactly(2L * EVERY);
    }

    private void write(int versions) {
        store = open(dataDir);
        ObjectNode created = obj("entity", Map.of("id", EUID), "n", 0, "note", "v1");
        store.create("default", ID, created);
        records.put(1L, store.get("default", ID).orElseThrow().source());
        for (long v = 2; v <= versions; v++) {
            nextMillisecond();
            update(v);
        }
    }

    /**
     * Waits for the clock's next millisecond: a change's time is the store's clock, and {@code as_of} names a
     * version by its time, so each version gets a millisecond of its own (on a fast machine several fell in one).
     */
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() == now) {
            Thread.onSpinWait();
        }
    }

    /** Writes version {@code v}: a value changed, or a field that comes and goes, or a nested object that changes shape. */
    private void update(long v) {
        EntityMerge merge = switch ((int) (v % 3)) {
            case 0 -> current -> {
                ObjectNode source = current.orElseThrow().source();
                if (source.has("note")) {
                    source.remove("note");
                } else {
                    source.put("note", "v" + v);
                }
                return MergeDecision.write(source);
            };
            case 1 -> updateField("n", v);
            default -> updateField("shape", v % 2 == 0 ? Map.of("a", v) : Map.of("b", Map.of("c", v)));
        };
        store.merge("default", ID, merge);
        ObjectNode now = store.get("default", ID).orElseThrow().source();
        assertThat(store.get("default", ID).orElseThrow().version()).isEqualTo(v);
        records.put(v, now);
    }

    /** The record at the last version written at or before {@code millis}. */
    private ObjectNode recordAt(long millis) {
        List<EntityChange> atOrBefore = store.changes("default", ID, new HistoryQuery(null, 1, null, millis, List.of())).changes();
        return records.get(atOrBefore.get(0).version());
    }

    private EntityChange change(long version) {
        for (EntityChange change : store.changes("default", ID, HistoryQuery.newest(1_000)).changes()) {
            if (change.version() == version) {
                return change;
            }
        }
        throw new AssertionError("no change of version " + version);
    }

    private List<Long> statesKept() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteEntityStore.DB_FILE_NAME));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM change_states ORDER BY seq")) {
            List<Long> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getLong(1));
            }
            return versions;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
