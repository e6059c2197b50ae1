package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.contract.HistoryPruningContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HistoryPruningContract} on the embedded store: the prune runs through the group-commit writer. */
class HistoryPruningTest extends HistoryPruningContract {
    @TempDir
    Path dataDir;

    @Override
    protected EntityStore openStore() {
        return SqliteEntityStore.open(dataDir);
    }

    /** The history is a chain through delete and re-create: pruning walks it across both, and pages after. */
    @Test
    void a_record_deleted_and_created_again_keeps_one_history_and_prunes_across_its_delete() {
        SqliteEntityStore sqlite = (SqliteEntityStore) store;
        sqlite.create("default", "r", obj("n", 0));
        sqlite.merge("default", "r", updateField("n", 1));
        sqlite.delete("default", "r");
        sqlite.create("default", "r", obj("n", 2));
        sqlite.merge("default", "r", updateField("n", 3));

        assertThat(ops(sqlite)).containsExactly(ChangeOp.UPDATE, ChangeOp.CREATE, ChangeOp.DELETE, ChangeOp.UPDATE, ChangeOp.CREATE);
        List<EntityChange> firstPage = sqlite.changes("default", "r", HistoryQuery.newest(2)).changes();
        long cursor = firstPage.get(1).seq();
        assertThat(sqlite.changes("default", "r", HistoryQuery.newest(2).before(cursor, 10)).changes())
                .extracting(EntityChange::op).containsExactly(ChangeOp.DELETE, ChangeOp.UPDATE, ChangeOp.CREATE);

        assertThat(sqlite.prune("default", Long.MIN_VALUE, 3)).isEqualTo(2);

        assertThat(ops(sqlite)).containsExactly(ChangeOp.UPDATE, ChangeOp.CREATE, ChangeOp.DELETE);
        assertThat(sqlite.changes("default", "r", HistoryQuery.newest(10).before(cursor, 10)).changes())
                .extracting(EntityChange::op).containsExactly(ChangeOp.DELETE);
        // a cursor whose own change was pruned meanwhile gets nothing newer than itself, and nothing went before it
        long prunedCursor = cursor - 2;
        assertThat(sqlite.changes("default", "r", HistoryQuery.newest(10).before(prunedCursor, 10)).changes()).isEmpty();
        assertThat(sqlite.changes("default", "r", HistoryQuery.newest(10).before(cursor + 1, 10)).changes())
                .extracting(EntityChange::op).containsExactly(ChangeOp.CREATE, ChangeOp.DELETE);
    }

    private static List<ChangeOp> ops(SqliteEntityStore sqlite) {
        return sqlite.changes("default", "r", HistoryQuery.newest(10)).changes().stream().map(EntityChange::op).toList();
    }
}
