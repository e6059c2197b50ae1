package dev.entitystore.domain.store.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.setField;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.MergeOutcome;
import dev.entitystore.domain.store.StoredEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateMergeDeleteTest extends StoreTestSupport {

    @BeforeEach
    void open() {
        openStore();
    }

    @Test
    void creating_twice_answers_already_exists_and_keeps_the_first_content() {
        assertThat(store.create("default", "a", obj("v", "first"))).isEqualTo(CreateOutcome.CREATED);
        long seq = store.lastSeqNo();

        assertThat(store.create("default", "a", obj("v", "second"))).isEqualTo(CreateOutcome.ALREADY_EXISTS);

        StoredEntity stored = store.get("default", "a").orElseThrow();
        assertThat(stored.source()).isEqualTo(obj("v", "first"));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.lastSeqNo()).isEqualTo(seq);
    }

    @Test
    void merging_a_missing_record_answers_not_found_and_writes_nothing() {
        long seq = store.lastSeqNo();

        MergeOutcome outcome = store.merge("default", "missing", updateField("x", 1));

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.NOT_FOUND);
        assertThat(outcome.entity()).isEmpty();
        assertThat(store.get("default", "missing")).isEmpty();
        assertThat(store.lastSeqNo()).isEqualTo(seq);
        assertThat(store.changesSince(0, 10).changes()).isEmpty();
    }

    @Test
    void a_merge_sees_the_stored_record_and_its_write_bumps_version_and_seq() {
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
    void a_merge_that_writes_on_an_absent_record_creates_it_at_version_one() {
        MergeOutcome outcome = store.merge("default", "new", setField("x", 1));

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.CREATED);
        assertThat(outcome.entity().orElseThrow().version()).isEqualTo(1);
        assertThat(store.get("default", "new").orElseThrow().source()).isEqualTo(obj("x", 1));
    }

    @Test
    void a_noop_merge_writes_nothing_and_returns_the_record_unchanged() {
        store.create("default", "a", obj("x", 1));
        StoredEntity before = store.get("default", "a").orElseThrow();

        MergeOutcome outcome = store.merge("default", "a", current -> MergeDecision.noop());

        assertThat(outcome.status()).isEqualTo(MergeOutcome.Status.NOOP);
        assertThat(outcome.entity()).contains(before);
        assertThat(store.get("default", "a")).contains(before);
        assertThat(store.lastSeqNo()).isEqualTo(before.seqNo());
    }

    @Test
    void a_merge_function_that_throws_fails_the_call_with_its_exception_and_writes_nothing() {
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
    void calling_the_store_from_inside_a_merge_function_is_refused_rather_than_deadlocking() {
        assertThatThrownBy(() -> store.merge("default", "a", current -> {
            store.get("default", "b"); // reads are fine
            store.create("default", "b", obj());
            return MergeDecision.noop();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("merge function");
        assertThat(store.get("default", "b")).isEmpty();
    }

    @Test
    void delete_answers_whether_there_was_a_record() {
        store.create("default", "a", obj());

        assertThat(store.delete("default", "a")).isTrue();
        assertThat(store.delete("default", "a")).isFalse();
        assertThat(store.get("default", "a")).isEmpty();
    }

    @Test
    void a_record_created_again_after_delete_starts_at_version_one() {
        store.create("default", "a", obj("v", 1));
        store.merge("default", "a", updateField("v", 2));
        store.delete("default", "a");

        store.create("default", "a", obj("v", 3));

        assertThat(store.get("default", "a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void the_same_id_in_two_spaces_is_two_records() {
        store.create("default", "a", obj("space", "default"));
        store.create("team-b", "a", obj("space", "team-b"));

        store.merge("team-b", "a", updateField("touched", true));
        store.delete("default", "a");

        assertThat(store.get("default", "a")).isEmpty();
        assertThat(store.get("team-b", "a").orElseThrow().source()).isEqualTo(obj("space", "team-b", "touched", true));
        assertThat(store.merge("default", "a", updateField("x", 1)).status()).isEqualTo(MergeOutcome.Status.NOT_FOUND);
    }

    @Test
    void delete_all_empties_one_space_only() {
        for (int i = 0; i < 5; i++) {
            store.create("a", "r" + i, obj());
            store.create("b", "r" + i, obj());
        }

        assertThat(store.deleteAll("a")).isEqualTo(5);

        assertThat(store.scan("a", null, 10).entities()).isEmpty();
        assertThat(store.scan("b", null, 10).entities()).hasSize(5);
        assertThat(store.deleteAll("a")).isZero();
    }

    @Test
    void scan_pages_through_a_space_in_id_order() {
        for (int i = 9; i >= 0; i--) {
            store.create("default", "id-" + i, obj("i", i));
        }
        store.create("other", "id-x", obj());

        var first = store.scan("default", null, 4);
        var second = store.scan("default", first.nextAfterId().orElseThrow(), 4);
        var third = store.scan("default", second.nextAfterId().orElseThrow(), 4);

        assertThat(first.entities()).extracting(StoredEntity::id).containsExactly("id-0", "id-1", "id-2", "id-3");
        assertThat(second.entities()).extracting(StoredEntity::id).containsExactly("id-4", "id-5", "id-6", "id-7");
        assertThat(third.entities()).extracting(StoredEntity::id).containsExactly("id-8", "id-9");
        assertThat(third.nextAfterId()).isEmpty();
    }

    @Test
    void empty_or_missing_names_are_rejected_before_reaching_the_store() {
        assertThatThrownBy(() -> store.get("", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.create("default", "", obj())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.merge("default", null, setField("x", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.scan("default", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void json_values_survive_the_round_trip() {
        var source = dev.entitystore.domain.store.TestJson.parse("""
                {"s":"ünïcødé ✓ \\"q\\"","n":12345678901234,"f":1.5,"b":false,"z":null,
                 "a":[1,"two",{"three":3}],"o":{"deep":{"er":[]}}}""");

        store.create("default", "a", source.deepCopy());

        assertThat(store.get("default", "a").orElseThrow().source()).isEqualTo(source);
    }
}
