package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityPage;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import dev.entitystore.domain.store.TestJson;
import org.junit.jupiter.api.Test;

/** Single-record writes, reads, deletes and scans: what every adapter of the port does alike. */
public abstract class CreateMergeDeleteContract extends StoreContract {

    @Test
    public void creating_twice_answers_already_exists_and_keeps_the_first_content() {
        assertThat(store.create("default", "a", obj("v", "first"))).isEqualTo(CreateOutcome.CREATED);
        StoredEntity first = store.get("default", "a").orElseThrow();

        assertThat(store.create("default", "a", obj("v", "second"))).isEqualTo(CreateOutcome.ALREADY_EXISTS);

        StoredEntity stored = store.get("default", "a").orElseThrow();
        assertThat(stored.source()).isEqualTo(obj("v", "first"));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.seqNo()).isEqualTo(first.seqNo());
    }

    @Test
    public void merging_a_missing_record_answers_not_found_and_writes_nothing() {
        MergeOutcome outcome = store.merge("default", "missing", updateField("x", 1));

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.NOT_FOUND);
        assertThat(outcome.entity()).isEmpty();
        assertThat(store.get("default", "missing")).isEmpty();
        assertThat(store.scan("default", null, 10).entities()).isEmpty();
    }

    @Test
    public void a_merge_sees_the_stored_record_and_its_write_bumps_version_and_seq() {
        store.create("default", "a", obj("x", 1));
        StoredEntity created = store.get("default", "a").orElseThrow();

        MergeOutcome outcome = store.merge("default", "a", current -> {
            assertThat(current).contains(created);
            return MergeDecision.write(current.get().source().put("y", 2));
        });

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.UPDATED);
        StoredEntity updated = outcome.entity().orElseThrow();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.seqNo()).isGreaterThan(created.seqNo());
        assertThat(store.get("default", "a")).contains(updated);
        assertThat(updated.source()).isEqualTo(obj("x", 1, "y", 2));
    }

    @Test
    public void a_merge_that_writes_on_an_absent_record_creates_it_at_version_one() {
        MergeOutcome outcome = store.merge("default", "new", setField("x", 1));

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.CREATED);
        assertThat(outcome.entity().orElseThrow().version()).isEqualTo(1);
        assertThat(store.get("default", "new").orElseThrow().source()).isEqualTo(obj("x", 1));
    }

    @Test
    public void a_noop_merge_writes_nothing_and_returns_the_record_unchanged() {
        store.create("default", "a", obj("x", 1));
        StoredEntity before = store.get("default", "a").orElseThrow();

        MergeOutcome outcome = store.merge("default", "a", current -> MergeDecision.noop());

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.NOOP);
        assertThat(outcome.entity()).contains(before);
        assertThat(store.get("default", "a")).contains(before);
    }

    @Test
    public void a_merge_function_that_throws_fails_the_call_with_its_exception_and_writes_nothing() {
        store.create("default", "a", obj("x", 1));
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> store.merge("default", "a", current -> {
            current.get().source().put("half", "merged");
            throw boom;
        })).isSameAs(boom);

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1));
        assertThat(store.merge("default", "a", updateField("x", 2)).status()).isEqualTo(MergeOutcome.Status.UPDATED);
    }

    @Test
    public void writing_to_the_store_from_inside_a_merge_function_is_refused() {
        assertThatThrownBy(() -> store.merge("default", "a", current -> {
            store.get("default", "b"); // reads are fine
            store.create("default", "b", obj());
            return MergeDecision.noop();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("merge function");
        assertThat(store.get("default", "b")).isEmpty();
    }

    @Test
    public void a_merged_source_changed_by_the_caller_afterwards_does_not_change_the_record() {
        MergeOutcome outcome = store.merge("default", "a", setField("x", 1));

        outcome.entity().orElseThrow().source().put("x", "changed by the receiver");

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("x", 1));
    }

    @Test
    public void delete_answers_whether_there_was_a_record() {
        store.create("default", "a", obj());

        assertThat(store.delete("default", "a")).isTrue();
        assertThat(store.delete("default", "a")).isFalse();
        assertThat(store.get("default", "a")).isEmpty();
        assertThat(store.delete("never-written", "a")).isFalse();
    }

    @Test
    public void a_record_created_again_after_delete_holds_only_the_new_content() {
        store.create("default", "a", obj("v", 1));
        store.merge("default", "a", updateField("w", 2));
        store.delete("default", "a");

        assertThat(store.create("default", "a", obj("v", 3))).isEqualTo(CreateOutcome.CREATED);

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(obj("v", 3));
    }

    @Test
    public void the_same_id_in_two_spaces_is_two_records() {
        store.create("default", "a", obj("space", "default"));
        store.create("team-b", "a", obj("space", "team-b"));

        store.merge("team-b", "a", updateField("touched", true));
        store.delete("default", "a");

        assertThat(store.get("default", "a")).isEmpty();
        assertThat(store.get("team-b", "a").orElseThrow().source()).isEqualTo(obj("space", "team-b", "touched", true));
        assertThat(store.merge("default", "a", updateField("x", 1)).status()).isEqualTo(MergeOutcome.Status.NOT_FOUND);
    }

    @Test
    public void delete_all_empties_one_space_only_and_the_space_can_be_written_again() {
        for (int i = 0; i < 5; i++) {
            store.create("a", "r" + i, obj());
            store.create("b", "r" + i, obj());
        }

        assertThat(store.deleteAll("a")).isEqualTo(5);

        assertThat(store.scan("a", null, 10).entities()).isEmpty();
        assertThat(store.get("a", "r0")).isEmpty();
        assertThat(store.scan("b", null, 10).entities()).hasSize(5);
        assertThat(store.deleteAll("a")).isZero();
        assertThat(store.deleteAll("never-written")).isZero();

        assertThat(store.create("a", "r0", obj("again", true))).isEqualTo(CreateOutcome.CREATED);
        assertThat(store.get("a", "r0").orElseThrow().source()).isEqualTo(obj("again", true));
    }

    @Test
    public void scan_pages_through_a_space_in_id_order() {
        for (int i = 9; i >= 0; i--) {
            store.create("default", "id-" + i, obj("i", i));
        }
        store.create("other", "id-x", obj());

        EntityPage first = store.scan("default", null, 4);
        EntityPage second = store.scan("default", first.nextAfterId().orElseThrow(), 4);
        EntityPage third = store.scan("default", second.nextAfterId().orElseThrow(), 4);

        assertThat(first.entities()).extracting(StoredEntity::id).containsExactly("id-0", "id-1", "id-2", "id-3");
        assertThat(second.entities()).extracting(StoredEntity::id).containsExactly("id-4", "id-5", "id-6", "id-7");
        assertThat(third.entities()).extracting(StoredEntity::id).containsExactly("id-8", "id-9");
        assertThat(third.nextAfterId()).isEmpty();
        assertThat(third.entities().get(1).source()).isEqualTo(obj("i", 9));
        assertThat(store.scan("never-written", null, 4).entities()).isEmpty();
    }

    @Test
    public void empty_or_missing_names_are_rejected_before_reaching_the_store() {
        assertThatThrownBy(() -> store.get("", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("default", "", obj())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.merge("default", null, setField("x", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.scan("default", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Values of one type per field: a mapping (OpenSearch's) refuses a field that is a number here and an object there. */
    @Test
    public void json_values_survive_the_round_trip() {
        var source = TestJson.parse("""
                {"s":"ünïcødé ✓ \\"q\\"","n":12345678901234,"f":1.5,"b":false,"z":null,
                 "a":["one","two"],"objs":[{"three":3},{"four":4}],"o":{"deep":{"er":[]}},"@timestamp":"2024-01-02T03:04:05.678Z"}""");

        store.create("default", "a", source.deepCopy());

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(source);
    }
}
