package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.BulkOperation.create;
import static dev.entitystore.domain.store.BulkOperation.merge;
import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.BulkContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port's bulk contract on SQLite, plus the embedded store's all-or-nothing bulk on a backend failure. */
class BulkTest extends BulkContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }

    private SqliteEntityStore sqlite() {
        return (SqliteEntityStore) store;
    }

    @Test
    void a_bulk_with_a_failing_item_leaves_the_change_sequence_alone() {
        store.create("default", "kept", obj("v", "before"));
        long seq = sqlite().lastSeqNo();

        assertThatThrownBy(() -> store.bulk("default", List.of(
                create("new", obj("v", 1)),
                merge("kept", current -> {
                    throw new IllegalStateException("no");
                })))).isInstanceOf(IllegalStateException.class);

        assertThat(sqlite().lastSeqNo()).isEqualTo(seq);
        assertThat(sqlite().changesSince(seq, 10).changes()).isEmpty();
    }

    @Test
    void a_store_failure_inside_a_bulk_applies_none_of_it_and_says_so() throws Exception {
        store.create("default", "kept", obj("v", "before"));
        // Make SQLite itself fail on one row, as a full disk or an I/O error would.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite().dbFile());
             Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER poison BEFORE INSERT ON entities WHEN NEW.id = 'poison'"
                    + " BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
        }

        assertThatThrownBy(() -> store.bulk("default", List.of(
                merge("kept", updateField("v", "after")),
                create("poison", obj()),
                create("other", obj()))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("none of the 3 bulk items was applied")
                .hasMessageContaining("poisoned row");

        assertThat(store.get("default", "kept").orElseThrow().source()).isEqualTo(obj("v", "before"));
        assertThat(store.get("default", "other")).isEmpty();
        assertThat(store.create("default", "other", obj())).isEqualTo(dev.entitystore.domain.store.CreateOutcome.CREATED);
    }

    @Test
    void an_empty_bulk_writes_no_change() {
        store.bulk("default", List.of());
        assertThat(sqlite().lastSeqNo()).isZero();
    }
}
