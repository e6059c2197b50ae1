package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.FeedPage;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.MergeDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A delete of a space's records ({@code deleteAll}) cut short (a server killed midway, stood in for by a
 * store whose drop is cut short at a step, and a second store on the same indices for the restart) is rolled
 * forward from its mark: every record ends deleted, with exactly one delete change each in the feed, and a
 * mark left after its drop never drops the index made since.
 */
class OpenSearchCutShortDropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "default";

    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private final List<OpenSearchConnection> connections = new ArrayList<>();
    private final List<OpenSearchEntityStore> stores = new ArrayList<>();

    /** Stands in for a crash at the first time a drop reaches a step. */
    private static final class CutAt implements WriteFaults {
        private volatile Step at;

        CutAt(Step at) {
            this.at = at;
        }

        @Override
        public void reached(Step step) {
            if (step == at) {
                at = null;
                throw new CutShort();
            }
        }
    }

    private static final class CutShort extends RuntimeException {
    }

    @AfterEach
    void discard() {
        stores.forEach(OpenSearchEntityStore::close);
        connections.forEach(OpenSearchConnection::close);
        OpenSearchForTests.discard(OpenSearchConnection.open(settings, JSON), settings);
    }

    @Test
    void a_drop_cut_short_after_its_deletes_are_recorded_is_finished_without_recording_them_again() {
        OpenSearchEntityStore crashed = open(new CutAt(WriteFaults.Step.DROP_PAGE_RECORDED));
        List.of("a", "b", "c").forEach(id -> write(crashed, id));
        crashed.awaitRecordedChanges();
        assertThatThrownBy(() -> crashed.deleteAll(SPACE)).isInstanceOf(CutShort.class);

        OpenSearchEntityStore restarted = open(WriteFaults.NONE);
        assertThat(restarted.get(SPACE, "a")).as("the records are still there before the roll-forward").isPresent();
        assertThat(opsById(restarted)).as("their deletes are in the feed").containsEntry("a", List.of("create", "delete"));

        assertThat(restarted.rollForwardDrops()).isEqualTo(1);

        assertThat(restarted.scan(SPACE, null, 10).entities()).isEmpty();
        assertThat(opsById(restarted)).hasSize(3).allSatisfy((id, ops) -> assertThat(ops).containsExactly("create", "delete"));
        assertThat(restarted.rollForwardDrops()).as("the mark is gone").isZero();
    }

    /** Midway: the first page's deletes recorded (1,000 records), the last page's not. */
    @Test
    void a_drop_cut_short_midway_records_the_deletes_it_had_not_and_drops_every_record() {
        int records = 1_005;
        OpenSearchEntityStore crashed = open(new CutAt(WriteFaults.Step.DROP_PAGE_RECORDED));
        crashed.bulk(SPACE, IntStream.range(0, records)
                .mapToObj(i -> BulkOperation.create(String.format("r%05d", i), JSON.createObjectNode().put("n", i))).toList());
        assertThatThrownBy(() -> crashed.deleteAll(SPACE)).isInstanceOf(CutShort.class);

        OpenSearchEntityStore restarted = open(WriteFaults.NONE);
        Map<String, List<String>> before = opsById(restarted);
        assertThat(before.values().stream().filter(ops -> ops.contains("delete")).count()).isEqualTo(1_000);

        assertThat(restarted.rollForwardDrops()).isEqualTo(1);

        assertThat(restarted.scan(SPACE, null, 10).entities()).isEmpty();
        Map<String, List<String>> after = opsById(restarted);
        assertThat(after).hasSize(records).allSatisfy((id, ops) -> assertThat(ops).containsExactly("create", "delete"));
    }

    @Test
    void a_record_written_after_the_crash_is_deleted_by_the_roll_forward_with_its_change() {
        OpenSearchEntityStore crashed = open(new CutAt(WriteFaults.Step.DROP_PAGE_RECORDED));
        write(crashed, "a");
        crashed.awaitRecordedChanges();
        assertThatThrownBy(() -> crashed.deleteAll(SPACE)).isInstanceOf(CutShort.class);
        OpenSearchEntityStore restarted = open(WriteFaults.NONE);
        write(restarted, "b");

        assertThat(restarted.rollForwardDrops()).isEqualTo(1);

        assertThat(restarted.scan(SPACE, null, 10).entities()).isEmpty();
        Map<String, List<String>> ops = opsById(restarted);
        assertThat(ops.get("a")).containsExactly("create", "delete");
        assertThat(ops.get("b")).containsExactly("create", "delete");
    }

    /**
     * A drop runs holding its space's lease, renewed while it runs: a mark whose lease is held is a drop still
     * running on a live server, never taken over (the roll-forward gives up after a lease and a renewal).
     */
    @Test
    void a_marked_drop_whose_lease_is_held_and_renewed_is_left_alone() {
        OpenSearchEntityStore crashed = open(new CutAt(WriteFaults.Step.DROP_PAGE_RECORDED));
        write(crashed, "a");
        assertThatThrownBy(() -> crashed.deleteAll(SPACE)).isInstanceOf(CutShort.class);
        OpenSearchEntityStore live = open(WriteFaults.NONE);
        OpenSearchEntityStore restarted = open(WriteFaults.NONE);

        long settledWhileHeld = live.exclusively(SPACE, restarted::rollForwardDrops);

        assertThat(settledWhileHeld).isZero();
        assertThat(restarted.get(SPACE, "a")).isPresent();
        assertThat(restarted.rollForwardDrops()).isEqualTo(1);
        assertThat(restarted.get(SPACE, "a")).isEmpty();
    }

    @Test
    void a_mark_left_after_its_drop_is_removed_without_dropping_the_index_made_since() {
        OpenSearchEntityStore crashed = open(new CutAt(WriteFaults.Step.DROPPED));
        write(crashed, "a");
        assertThatThrownBy(() -> crashed.deleteAll(SPACE)).isInstanceOf(CutShort.class);

        OpenSearchEntityStore restarted = open(WriteFaults.NONE);
        assertThat(restarted.get(SPACE, "a")).isEmpty();
        write(restarted, "z"); // makes the space's index again

        assertThat(restarted.rollForwardDrops()).isEqualTo(1);

        assertThat(restarted.get(SPACE, "z")).as("the new index is kept").isPresent();
        assertThat(restarted.rollForwardDrops()).isZero();
        Map<String, List<String>> ops = opsById(restarted);
        assertThat(ops.get("a")).containsExactly("create", "delete");
        assertThat(ops.get("z")).containsExactly("create");
    }

    @Test
    void a_drop_that_ends_leaves_no_mark() {
        OpenSearchEntityStore store = open(WriteFaults.NONE);
        write(store, "a");

        assertThat(store.deleteAll(SPACE)).isEqualTo(1);

        assertThat(store.rollForwardDrops()).isZero();
        assertThat(store.deleteAll(SPACE)).as("a space with no index").isZero();
        assertThat(store.rollForwardDrops()).isZero();
    }

    private static void write(OpenSearchEntityStore store, String id) {
        store.merge(SPACE, id, current -> MergeDecision.write(JSON.createObjectNode().put("n", 1)));
    }

    /** A store whose recovery and roll-forward run only when asked. */
    private OpenSearchEntityStore open(WriteFaults faults) {
        OpenSearchConnection connection = OpenSearchConnection.open(settings, JSON);
        connections.add(connection);
        OpenSearchEntityStore store = OpenSearchEntityStore.open(connection, new IndexNames(settings.indexPrefix()),
                Duration.ZERO, faults);
        stores.add(store);
        return store;
    }

    /** The whole feed of the space: each record's ops in feed order. */
    private static Map<String, List<String>> opsById(OpenSearchEntityStore store) {
        store.awaitRecordedChanges();
        Map<String, List<String>> ops = new HashMap<>();
        long after = -1;
        while (true) {
            FeedPage page = store.since(SPACE, after, 1_000, Set.of());
            for (EntityChange change : page.changes()) {
                ops.computeIfAbsent(change.id(), id -> new ArrayList<>()).add(change.op().wireName());
            }
            if (page.changes().isEmpty()) {
                return ops;
            }
            after = page.through();
        }
    }
}
