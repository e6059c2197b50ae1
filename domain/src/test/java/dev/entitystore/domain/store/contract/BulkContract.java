package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.BulkOperation.create;
import static dev.entitystore.domain.store.BulkOperation.delete;
import static dev.entitystore.domain.store.BulkOperation.merge;
import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.ItemOutcome.Status;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulks: items in order, each seeing the ones before it, one outcome per item. */
public abstract class BulkContract extends StoreContract {

    @Test
    public void items_on_the_same_id_are_applied_in_order_each_seeing_the_one_before() {
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
    public void repeated_ids_among_others_each_end_with_all_their_items_applied() {
        store.create("default", "b", obj("n", 0));
        List<BulkOperation> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(merge("a", setField("a" + i, i)));
            items.add(merge("b", setField("b" + i, i)));
            items.add(merge("c" + i, setField("c", i)));
        }

        List<ItemOutcome> outcomes = store.bulk("default", items);

        assertThat(outcomes).extracting(ItemOutcome::status).startsWith(Status.CREATED, Status.UPDATED, Status.CREATED,
                Status.UPDATED, Status.UPDATED, Status.CREATED);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("a0", 0, "a1", 1, "a2", 2, "a3", 3, "a4", 4));
        assertThat(store.get("default", "b").orElseThrow().source())
                .isEqualTo(obj("n", 0, "b0", 0, "b1", 1, "b2", 2, "b3", 3, "b4", 4));
        assertThat(store.get("default", "c4").orElseThrow().source()).isEqualTo(obj("c", 4));
        assertThat(outcomes.get(13).entity()).contains(store.get("default", "b").orElseThrow());
    }

    @Test
    public void outcomes_come_back_one_per_item_in_item_order() {
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
        assertThat(store.get("default", "existing")).contains(updated);
    }

    @Test
    public void a_bulk_with_a_failing_item_applies_nothing_and_the_store_keeps_working() {
        store.create("default", "kept", obj("v", "before"));
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

        assertThat(store.bulk("default", List.of(create("new", obj("v", 2)), merge("kept", updateField("v", "after")))))
                .extracting(ItemOutcome::status).containsExactly(Status.CREATED, Status.UPDATED);
        assertThat(store.get("default", "new").orElseThrow().source()).isEqualTo(obj("v", 2));
    }

    @Test
    public void a_bulk_deleting_records_removes_them_and_reports_the_missing_ones() {
        store.create("default", "x", obj());
        store.create("default", "y", obj());

        List<ItemOutcome> outcomes = store.bulk("default", List.of(delete("x"), delete("y"), delete("z"), delete("x")));

        assertThat(outcomes).extracting(ItemOutcome::status)
                .containsExactly(Status.DELETED, Status.DELETED, Status.NOT_FOUND, Status.NOT_FOUND);
        assertThat(store.scan("default", null, 10).entities()).isEmpty();
        assertThat(store.create("default", "x", obj())).isEqualTo(CreateOutcome.CREATED);
    }

    @Test
    public void a_bulk_of_a_thousand_items_is_applied_and_readable_on_return() {
        List<BulkOperation> items = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            items.add(merge(String.format("id-%04d", i), setField("i", i)));
        }

        List<ItemOutcome> outcomes = store.bulk("default", items);

        assertThat(outcomes).hasSize(1_000).allMatch(o -> o.status() == Status.CREATED);
        assertThat(store.get("default", "id-0999").orElseThrow().source()).isEqualTo(obj("i", 999));
        assertThat(store.scan("default", null, 2_000).entities()).hasSize(1_000);
    }

    @Test
    public void merges_carrying_the_records_as_read_write_as_plain_merges() {
        store.create("default", "a", obj("n", 0));
        store.create("default", "b", obj("n", 0));
        StoredEntity readA = store.get("default", "a").orElseThrow();
        StoredEntity readB = store.get("default", "b").orElseThrow();

        List<ItemOutcome> outcomes = store.bulk("default", List.of(
                merge(readA, updateField("linked", true)), merge(readB, current -> MergeDecision.noop())));

        assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(Status.UPDATED, Status.NOOP);
        StoredEntity a = store.get("default", "a").orElseThrow();
        assertThat(a.source()).isEqualTo(obj("n", 0, "linked", true));
        assertThat(a.version()).isEqualTo(readA.version() + 1);
        assertThat(outcomes.get(0).entity()).contains(a);
        assertThat(store.get("default", "b").orElseThrow()).isEqualTo(readB);
    }

    @Test
    public void a_merge_carrying_a_stale_read_is_shown_the_record_as_stored() {
        store.create("default", "a", obj("n", 0));
        StoredEntity stale = store.get("default", "a").orElseThrow();
        store.merge("default", "a", updateField("n", 1)); // another writer, after the caller's read
        store.create("default", "gone", obj("n", 0));
        StoredEntity deletedSince = store.get("default", "gone").orElseThrow();
        store.delete("default", "gone");

        List<ItemOutcome> outcomes = store.bulk("default", List.of(
                merge(stale, current -> MergeDecision.write(
                        current.orElseThrow().source().put("seen", current.get().source().get("n").asInt()))),
                merge(deletedSince, updateField("n", 2))));

        assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(Status.UPDATED, Status.NOT_FOUND);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("n", 1, "seen", 1));
        assertThat(store.get("default", "gone")).isEmpty();
    }

    @Test
    public void a_merge_that_refuses_a_stale_read_is_decided_on_the_record_as_stored() {
        store.create("default", "a", obj("n", 0));
        StoredEntity stale = store.get("default", "a").orElseThrow();
        store.merge("default", "a", updateField("n", 1)); // another writer, after the caller's read

        List<ItemOutcome> outcomes = store.bulk("default", List.of(merge(stale, current -> {
            if (current.orElseThrow().source().get("n").asInt() == 0) {
                throw new IllegalStateException("shown the record as it was before the other write");
            }
            return MergeDecision.write(current.get().source().put("checked", true));
        })));

        assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(Status.UPDATED);
        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("n", 1, "checked", true));
    }

    @Test
    public void an_empty_bulk_does_nothing() {
        assertThat(store.bulk("default", List.of())).isEmpty();
        assertThat(store.scan("default", null, 10).entities()).isEmpty();
    }
}
