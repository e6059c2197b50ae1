package dev.entitystore.domain.store.contract;

import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.entitystore.domain.history.ChangeOp;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.EntityHistory;
import dev.entitystore.domain.history.HistoryQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * History retention ({@link EntityHistory#prune}): old changes go by age and past a count per record, oldest
 * first, never a record's newest change, never another space's; later writes go on recording as before; each
 * space keeps the mark of the newest change pruned ({@link EntityHistory#prunedThrough}).
 */
public abstract class HistoryPruningContract extends StoreContract {

    private EntityHistory history() {
        return (EntityHistory) store;
    }

    private List<Long> versions(String space, String id) {
        return history().changes(space, id, HistoryQuery.newest(100)).changes().stream().map(EntityChange::version).toList();
    }

    private void writeVersions(String space, String id, int count) {
        store.create(space, id, obj("n", 0));
        for (int i = 1; i < count; i++) {
            store.merge(space, id, updateField("n", i));
        }
    }

    @Test
    public void keeping_versions_removes_each_records_oldest_changes_beyond_the_count() {
        writeVersions("default", "a", 5);
        writeVersions("default", "b", 1);
        writeVersions("other", "a", 5);

        assertThat(history().prune("default", Long.MIN_VALUE, 2)).isEqualTo(3);

        assertThat(versions("default", "a")).containsExactly(5L, 4L);
        assertThat(versions("default", "b")).containsExactly(1L);
        assertThat(versions("other", "a")).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(history().prune("default", Long.MIN_VALUE, 2)).isZero();
    }

    @Test
    public void pruning_by_age_keeps_each_records_newest_change_even_a_delete() throws Exception {
        writeVersions("default", "a", 3);
        writeVersions("default", "gone", 2);
        store.delete("default", "gone");
        Thread.sleep(5);
        long cutOff = System.currentTimeMillis();
        Thread.sleep(5);
        store.merge("default", "a", updateField("n", 99));

        assertThat(history().prune("default", cutOff, Integer.MAX_VALUE)).isEqualTo(5);

        assertThat(versions("default", "a")).containsExactly(4L);
        List<EntityChange> gone = history().changes("default", "gone", HistoryQuery.newest(10)).changes();
        assertThat(gone).singleElement().satisfies(change -> assertThat(change.op()).isEqualTo(ChangeOp.DELETE));
    }

    @Test
    public void writes_after_a_prune_are_recorded_with_their_versions_and_the_feed_skips_what_went() {
        writeVersions("default", "a", 4);
        history().prune("default", Long.MIN_VALUE, 1);
        store.merge("default", "a", updateField("n", 10));

        assertThat(versions("default", "a")).containsExactly(5L, 4L);
        assertThat(history().since("default", -1, 100, java.util.Set.of()).changes())
                .extracting(EntityChange::version).containsExactly(4L, 5L);
    }

    @Test
    public void at_least_one_version_is_kept() {
        assertThatThrownBy(() -> history().prune("default", Long.MIN_VALUE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private long seqOf(String space, String id, long version) {
        return history().changes(space, id, HistoryQuery.newest(100)).changes().stream()
                .filter(change -> change.version() == version).findFirst().orElseThrow().seq();
    }

    @Test
    public void a_prune_marks_the_newest_change_it_removed_in_its_space_and_the_mark_never_goes_down() throws Exception {
        assertThat(history().prunedThrough("default")).isEqualTo(-1);
        writeVersions("default", "a", 5);
        writeVersions("other", "a", 3);
        long aThird = seqOf("default", "a", 3);

        history().prune("default", Long.MIN_VALUE, 2);
        assertThat(history().prunedThrough("default")).isEqualTo(aThird);
        assertThat(history().prunedThrough("other")).isEqualTo(-1);

        assertThat(history().prune("default", Long.MIN_VALUE, 2)).isZero();
        assertThat(history().prunedThrough("default")).as("a prune removing nothing leaves the mark").isEqualTo(aThird);

        writeVersions("default", "b", 2);
        long bFirst = seqOf("default", "b", 1);
        long aFourth = seqOf("default", "a", 4);
        Thread.sleep(5);
        long cutOff = System.currentTimeMillis();
        assertThat(history().prune("default", cutOff, Integer.MAX_VALUE)).isEqualTo(2);
        assertThat(history().prunedThrough("default")).isEqualTo(Math.max(bFirst, aFourth));
        assertThat(history().since("default", history().prunedThrough("default"), 100, java.util.Set.of()).changes())
                .as("from the mark on, every change kept").extracting(EntityChange::version).containsExactly(2L);
    }

    @Test
    public void a_space_without_changes_prunes_nothing() {
        assertThat(history().prune("empty", System.currentTimeMillis(), 1)).isZero();
    }
}
