package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.MergeDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every write of a record leaves one change in the same transaction: none without the write, none lost with it. */
class ChangeRecordsTest extends StoreTestSupport {

    private List<EntityChange> history(String id) {
        return store.changes("default", id, HistoryQuery.newest(100)).changes();
    }

    @Test
    void create_merge_and_delete_each_record_one_change_at_the_write_seq_with_the_bound_context() {
        openStore();
        try (WriteContext.Scope ignored = WriteContext.bind(new WriteContext("api_key", "ci", "PUT /x"))) {
            store.create("default", "a", obj("entity", obj("id", "host:a", "EngineMetadata", obj("Type", "host")), "n", 1));
            store.merge("default", "a", current -> MergeDecision.write(current.orElseThrow().source().put("n", 2)));
            store.delete("default", "a");
        }
        List<EntityChange> changes = history("a");
        assertThat(changes).extracting(EntityChange::op).containsExactly(ChangeOp.DELETE, ChangeOp.UPDATE, ChangeOp.CREATE);
        assertThat(changes).extracting(EntityChange::version).containsExactly(3L, 2L, 1L);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.context().actorId()).isEqualTo("ci");
            assertThat(c.euid()).isEqualTo("host:a");
            assertThat(c.entityType()).isEqualTo("host");
        });
        assertThat(changes.get(1).fields().toString()).isEqualTo("{\"n\":{\"before\":1,\"after\":2}}");
        assertThat(changes.get(2).fields().path("n").path("after").asInt()).isEqualTo(1);
        assertThat(changes.get(0).fields().path("n").path("before").asInt()).isEqualTo(2);
        assertThat(changes.get(0).seq()).isEqualTo(store.lastSeqNo());
    }

    @Test
    void a_bulk_whose_item_throws_records_no_change_at_all() {
        openStore();
        store.create("default", "kept", obj("n", 1));
        assertThatThrownBy(() -> store.bulk("default", List.of(
                BulkOperation.create("b", obj("n", 1)),
                BulkOperation.merge("kept", current -> {
                    throw new IllegalStateException("refused");
                })))).hasMessage("refused");
        assertThat(history("b")).isEmpty();
        assertThat(history("kept")).hasSize(1);
        assertThat(WriteContext.current()).isEqualTo(WriteContext.INTERNAL);
    }

    @Test
    void deleting_a_space_records_each_record_s_delete_and_history_survives_a_reopen() {
        openStore();
        store.bulk("s", List.of(BulkOperation.create("x", obj("n", 1)), BulkOperation.create("y", obj("n", 2))));
        assertThat(store.deleteAll("s")).isEqualTo(2);
        reopen();
        assertThat(store.changes("s", "x", HistoryQuery.newest(10)).changes()).extracting(EntityChange::op)
                .containsExactly(ChangeOp.DELETE, ChangeOp.CREATE);
        assertThat(store.changes("s", "y", HistoryQuery.newest(10)).changes().get(0).fields().path("n").path("before").asInt())
                .isEqualTo(2);
        store.create("s", "x", obj("n", 3));
        assertThat(store.changes("s", "x", HistoryQuery.newest(1)).changes().get(0).seq()).isEqualTo(store.lastSeqNo());
    }
}
