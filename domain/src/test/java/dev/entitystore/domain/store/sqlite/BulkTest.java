package dev.entitystore.domain.store.sqlite;

import static dev.entitystore.domain.store.BulkOperation.create;
import static dev.entitystore.domain.store.BulkOperation.delete;
import static dev.entitystore.domain.store.BulkOperation.merge;
import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.error.StoreUnavailableException;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.ItemOutcome.Status;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkTest extends StoreTestSupport {

    @BeforeEach
    void open() {
        openStore();
    }

    @Test
    void items_on_the_same_id_are_applied_in_order_each_seeing_the_one_before() {
        List<ItemOutcome> outcomes = store.bulk("default", List.of(
                create("a", obj("step", 1)),
                merge("a", current -> MergeDecision.write(
                        current.orElseThrow().source().put("step", current.get().source().get("step").asInt() + 1))),
                merge("a", updateField("last", "third")),
                create("a", obj("ignored", true)),
                delete("a"),
                merge("a", updateField("x", 1)),
                create("a", obj("again", true))));

        assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(
                Status.CREATED, Status.UPDATED, Status.UPDATED, Status.ALREADY_EXISTS, Status.DELETED,
                Status.NOT_FOUND, Status.CREATED);
        assertThat(outcomes.get(2).entity().orElseThrow().source()).isEqualTo(obj("step", 2, "last", "third"));
        assertThat(outcomes.get(3).entity().orElseThrow().source()).isEqualTo(obj("step", 2, "last", "third"));
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("again", true));
    }

    @Test
    void outcomes_come_back_one_per_item_in_item_order() {
        store.create("default", "existing", obj("v", 0));
        List<ItemOutcome> outcomes = store.bulk("default", List.of(
                merge("missing", updateField("v", 1)),
                merge("existing", updateField("v", 1)),
                merge("existing", current -> MergeDecision.noop()),
                delete("nobody")));

        assertThat(outcomes).extracting(ItemOutcome::id).containsExactly("missing", "existing", "existing", "nobody");
        assertThat(outcomes).extracting(ItemOutcome::status)
                .containsExactly(Status.NOT_FOUND, Status.UPDATED, Status.NOOP, Status.NOT_FOUND);
        StoredEntity updated = outcomes.get(1).entity().orElseThrow();
        assertThat(outcomes.get(2).entity()).contains(updated);
    }

    @Test
    void a_bulk_with_a_failing_item_applies_nothing_and_the_store_keeps_working() {
        store.create("default", "kept", obj("v", "before"));
        long seq = store.lastSeqNo();
        UnsupportedOperationException boom = new UnsupportedOperationException("item 3 cannot merge");

        assertThatThrownBy(() -> store.bulk("default", List.of(
                create("new", obj("v", 1)),
                merge("kept", updateField("v", "after")),
                delete("kept"),
                merge("other", current -> {
                    throw boom;
                }),
                create("never", obj())))).isSameAs(boom);

        assertThat(store.get("default", "new")).isEmpty();
        assertThat(store.get("default", "never")).isEmpty();
        assertThat(store.get("default", "kept").orElseThrow().source()).isEqualTo(obj("v", "before"));
        assertThat(store.lastSeqNo()).isEqualTo(seq);
        assertThat(store.changesSince(seq, 10).changes()).isEmpty();

        assertThat(store.bulk("default", List.of(create("new", obj("v", 2)), merge("kept", updateField("v", "after")))))
                .extracting(ItemOutcome::status).containsExactly(Status.CREATED, Status.UPDATED);
        assertThat(store.get("default", "new").orElseThrow().source()).isEqualTo(obj("v", 2));
    }

    @Test
    void a_store_failure_inside_a_bulk_applies_none_of_it_and_says_so() throws Exception {
        store.create("default", "kept", obj("v", "before"));
        // Make SQLite itself fail on one row, as a full disk or an I/O error would.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.dbFile());
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
    void a_bulk_of_a_thousand_items_is_applied_and_readable_on_return() {
        List<dev.entitystore.domain.store.BulkOperation> items = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            items.add(merge(String.format("id-%04d", i), setField("i", i)));
        }

        List<ItemOutcome> outcomes = store.bulk("default", items);

        assertThat(outcomes).hasSize(1_000).allMatch(o -> o.status() == Status.CREATED);
        assertThat(store.get("default", "id-0999").orElseThrow().source()).isEqualTo(obj("i", 999));
        assertThat(store.scan("default", null, 2_000).entities()).hasSize(1_000);
    }

    @Test
    void an_empty_bulk_does_nothing() {
        assertThat(store.bulk("default", List.of())).isEmpty();
        assertThat(store.lastSeqNo()).isZero();
    }
}
