package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.history.WriteContext;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.MergeDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every write of a record leaves one change in the same transaction: none without the write, none lost with
 * it; the feed reads them back in seq order.
 */
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

    @Test
    void the_feed_walks_the_log_in_seq_order_skipping_other_spaces_and_types_and_moves_its_cursor_past_them() {
        openStore();
        store.create("mine", "h", obj("entity", obj("id", "host:h", "EngineMetadata", obj("Type", "host"))));
        List<BulkOperation> others = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            others.add(BulkOperation.create("o" + i, obj("n", i)));
        }
        store.bulk("other", others);
        store.create("mine", "u", obj("entity", obj("id", "user:u", "EngineMetadata", obj("Type", "user"))));
        FeedPage all = store.since("mine", -1, 10, Set.of());
        assertThat(all.changes()).extracting(EntityChange::id).containsExactly("h", "u");
        assertThat(all.through()).isEqualTo(store.lastSeqNo());
        assertThat(store.since("mine", -1, 10, Set.of("user")).changes()).extracting(EntityChange::id).containsExactly("u");
        FeedPage first = store.since("mine", -1, 1, Set.of());
        assertThat(first.changes()).extracting(EntityChange::id).containsExactly("h");
        assertThat(first.through()).isEqualTo(first.changes().get(0).seq());
        FeedPage quiet = store.since("mine", store.lastSeqNo(), 10, Set.of());
        assertThat(quiet.changes()).isEmpty();
        assertThat(quiet.through()).isEqualTo(store.lastSeqNo());
    }

    @Test
    void one_feed_read_looks_at_a_bounded_stretch_of_the_log_and_answers_its_cursor() {
        openStore();
        List<BulkOperation> others = new ArrayList<>();
        for (int i = 0; i < 10_500; i++) {
            others.add(BulkOperation.create("o" + i, obj("n", i)));
        }
        store.bulk("other", others);
        store.create("mine", "late", obj("n", 1));
        FeedPage first = store.since("mine", -1, 10, Set.of());
        assertThat(first.changes()).isEmpty();
        assertThat(first.through()).isBetween(1L, store.lastSeqNo() - 1);
        FeedPage next = store.since("mine", first.through(), 10, Set.of());
        assertThat(next.changes()).extracting(EntityChange::id).containsExactly("late");
    }
}
