package dev.entitystore.store.embedded.sqlite;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.Change;
import dev.entitystore.domain.store.Change.Kind;
import dev.entitystore.domain.store.ChangeBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangesSinceTest extends StoreTestSupport {

    @Test
    void a_delete_shows_up_as_a_tombstone_after_the_writes_before_it() {
        openStore();
        store.create("default", "a", obj("v", 1));
        store.create("default", "b", obj("v", 1));
        store.delete("default", "a");

        ChangeBatch batch = store.changesSince(0, 100);

        assertThat(batch.changes()).extracting(Change::kind, Change::id)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("b")),
                        org.assertj.core.groups.Tuple.tuple(Kind.DELETE, Optional.of("a")));
        assertThat(batch.more()).isFalse();
        assertThat(batch.throughSeqNo()).isEqualTo(store.lastSeqNo());
    }

    @Test
    void seq_numbers_strictly_increase_across_writes_deletes_and_spaces() {
        openStore();
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String space = i % 2 == 0 ? "default" : "other";
            store.create(space, "r" + i, obj("i", i));
            seqs.add(store.get(space, "r" + i).orElseThrow().seqNo());
            store.merge(space, "r" + i, updateField("again", true));
            seqs.add(store.get(space, "r" + i).orElseThrow().seqNo());
            if (i % 5 == 0) {
                store.delete(space, "r" + i);
                seqs.add(store.lastSeqNo());
            }
        }

        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(seqs.get(0)).isPositive();
        List<Long> changeSeqs = store.changesSince(0, 1_000).changes().stream().map(Change::seqNo).toList();
        assertThat(changeSeqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_record_written_many_times_appears_once_with_its_latest_state() {
        openStore();
        store.create("default", "a", obj("v", 0));
        for (int i = 1; i <= 5; i++) {
            store.merge("default", "a", updateField("v", i));
        }

        List<Change> changes = store.changesSince(0, 100).changes();

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).entity().orElseThrow().source()).isEqualTo(obj("v", 5));
        assertThat(changes.get(0).entity().orElseThrow().version()).isEqualTo(6);
        assertThat(changes.get(0).space()).isEqualTo("default");
    }

    @Test
    void paging_passes_over_writes_that_a_later_write_of_the_same_record_replaced() {
        openStore();
        store.create("default", "a", obj("v", 0));
        for (int i = 1; i <= 5; i++) {
            store.merge("default", "a", updateField("v", i));
            store.create("default", "n" + i, obj("v", i));
        }
        store.delete("default", "n2");

        List<Change> seen = new ArrayList<>();
        long through = 0;
        int batches = 0;
        ChangeBatch batch;
        do {
            batch = store.changesSince(through, 2);
            if (batch.more()) {
                assertThat(batch.throughSeqNo()).isGreaterThan(through); // every batch that promises more moves on
            }
            seen.addAll(batch.changes());
            through = batch.throughSeqNo();
            batches++;
        } while (batch.more());

        assertThat(seen).extracting(Change::kind, Change::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("n1")),
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("n3")),
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("n4")),
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("a")),
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, Optional.of("n5")),
                org.assertj.core.groups.Tuple.tuple(Kind.DELETE, Optional.of("n2")));
        assertThat(seen.get(3).entity().orElseThrow().source()).isEqualTo(obj("v", 5));
        assertThat(through).isEqualTo(store.lastSeqNo());
        assertThat(batches).isGreaterThan(3);
    }

    @Test
    void records_after_a_key_are_every_record_once_in_key_order_at_its_seq() {
        openStore();
        store.create("b", "x", obj("v", 1));
        store.create("a", "y", obj("v", 2));
        store.create("a", "x", obj("v", 3));
        store.merge("a", "y", updateField("v", 4));
        store.delete("b", "x");
        store.create("c", "z", obj("v", 5));

        List<dev.entitystore.domain.store.CommittedChange> all = new ArrayList<>();
        String space = "";
        String id = "";
        List<dev.entitystore.domain.store.CommittedChange> page;
        do {
            page = store.recordsAfter(space, id, 1);
            all.addAll(page);
            if (!page.isEmpty()) {
                space = page.get(0).space();
                id = page.get(0).id();
            }
        } while (!page.isEmpty());

        assertThat(all).extracting(c -> c.space() + "/" + c.id()).containsExactly("a/x", "a/y", "c/z");
        assertThat(all.get(1).seqNo()).isEqualTo(store.get("a", "y").orElseThrow().seqNo());
        assertThat(dev.entitystore.domain.store.TestJson.parse(all.get(1).json())).isEqualTo(obj("v", 4));
    }

    @Test
    void paging_with_through_seq_visits_every_change_once_in_order() {
        openStore();
        List<BulkOperation> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(BulkOperation.create("r" + i, obj("i", i)));
        }
        store.bulk("default", items);
        for (int i = 0; i < 50; i += 7) {
            store.delete("default", "r" + i);
        }

        List<Change> seen = new ArrayList<>();
        long through = 0;
        ChangeBatch batch;
        do {
            batch = store.changesSince(through, 6);
            assertThat(batch.changes()).hasSizeLessThanOrEqualTo(6);
            seen.addAll(batch.changes());
            through = batch.throughSeqNo();
        } while (batch.more());

        assertThat(seen).extracting(Change::seqNo).isSorted().doesNotHaveDuplicates();
        assertThat(seen.stream().filter(c -> c.kind() == Kind.UPSERT)).hasSize(50 - 8);
        assertThat(seen.stream().filter(c -> c.kind() == Kind.DELETE)).hasSize(8);
        assertThat(through).isEqualTo(store.lastSeqNo());
        assertThat(store.changesSince(through, 6).changes()).isEmpty();
    }

    @Test
    void changes_since_a_seq_survive_a_reopen() {
        openStore();
        store.create("default", "a", obj());
        long seen = store.lastSeqNo();
        store.create("default", "b", obj());
        store.delete("default", "a");

        reopen();

        ChangeBatch batch = store.changesSince(seen, 100);
        assertThat(batch.changes()).extracting(Change::kind).containsExactly(Kind.UPSERT, Kind.DELETE);
        assertThat(batch.changes().get(0).id()).contains("b");
        assertThat(batch.changes().get(1).id()).contains("a");
    }

    @Test
    void delete_all_leaves_one_space_tombstone_after_which_new_writes_follow() {
        openStore();
        store.create("gone", "a", obj());
        store.create("gone", "b", obj());
        store.delete("gone", "b");
        store.create("kept", "c", obj());

        store.deleteAll("gone");
        store.create("gone", "d", obj());

        List<Change> changes = store.changesSince(0, 100).changes();
        assertThat(changes).extracting(Change::kind, Change::space, Change::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, "kept", Optional.of("c")),
                org.assertj.core.groups.Tuple.tuple(Kind.SPACE_DELETED, "gone", Optional.empty()),
                org.assertj.core.groups.Tuple.tuple(Kind.UPSERT, "gone", Optional.of("d")));
    }

    @Test
    void committed_since_is_the_same_sequence_with_each_record_as_stored_json() {
        openStore();
        for (int i = 0; i < 30; i++) {
            store.create(i % 3 == 0 ? "other" : "default", "r" + i, obj("i", i, "name", "caf\u00e9-" + i));
        }
        store.delete("default", "r1");
        store.deleteAll("other");
        store.merge("default", "r2", updateField("again", true));

        for (int limit : new int[] {1, 7, 1_000}) {
            List<Change> changes = new ArrayList<>();
            List<dev.entitystore.domain.store.CommittedChange> committed = new ArrayList<>();
            long from = 0;
            long committedFrom = 0;
            while (true) {
                ChangeBatch batch = store.changesSince(from, limit);
                dev.entitystore.domain.store.CommittedBatch same = store.committedSince(committedFrom, limit);
                assertThat(same.throughSeqNo()).isEqualTo(batch.throughSeqNo());
                assertThat(same.more()).isEqualTo(batch.more());
                changes.addAll(batch.changes());
                committed.addAll(same.changes());
                if (!batch.more()) {
                    break;
                }
                from = batch.throughSeqNo();
                committedFrom = same.throughSeqNo();
            }
            assertThat(committed).hasSameSizeAs(changes).hasSize(30 - 10 - 1 + 2);
            for (int c = 0; c < changes.size(); c++) {
                Change change = changes.get(c);
                dev.entitystore.domain.store.CommittedChange as = committed.get(c);
                assertThat(as.seqNo()).isEqualTo(change.seqNo());
                assertThat(as.kind()).isEqualTo(change.kind());
                assertThat(as.space()).isEqualTo(change.space());
                assertThat(Optional.ofNullable(as.id())).isEqualTo(change.id());
                if (change.kind() == Kind.UPSERT) {
                    assertThat(dev.entitystore.domain.store.TestJson.parse(as.json())).isEqualTo(change.entity().orElseThrow().source());
                } else {
                    assertThat(as.json()).isNull();
                }
            }
        }
    }
}
