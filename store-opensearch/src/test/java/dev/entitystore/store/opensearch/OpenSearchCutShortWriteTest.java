package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.entitystore.domain.history.EntityChange;
import dev.entitystore.domain.history.HistoryQuery;
import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.CreateOutcome;
import dev.entitystore.domain.store.EntityMerge;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An entity write and its change record are two requests on OpenSearch; the change travels inside the entity
 * document, so a server that dies between them (stood in for by a store whose write is cut short at a step,
 * then dropped, and a second store on the same indices) leaves the change where the recovery, the record's
 * next writer or a history read writes it. Each case ends by reading the change feed from its start: every
 * write once, in the record's order, and nothing for a write never made.
 */
class OpenSearchCutShortWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "default";

    private final OpenSearchSettings settings = OpenSearchForTests.freshSettings();
    private final List<OpenSearchConnection> connections = new ArrayList<>();
    private final List<OpenSearchEntityStore> stores = new ArrayList<>();

    /** Stands in for a crash at one step of the next write that reaches it. */
    private static final class CutAt implements WriteFaults {
        private volatile Step at;

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
    void a_merge_cut_short_after_its_write_gets_its_change_from_the_recovery_once() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.merge(SPACE, "a", set("n", 2)));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.get(SPACE, "a").orElseThrow().source().path("n").asInt()).isEqualTo(2);
        assertThat(feed(restarted)).containsExactly("create a v1 n=1");
        assertThat(restarted.recoverCarriedChanges()).isEqualTo(1);
        assertThat(restarted.recoverCarriedChanges()).isZero();
        assertThat(feed(restarted)).containsExactly("create a v1 n=1", "update a v2 n=2");
        assertThat(restarted.changes(SPACE, "a", HistoryQuery.newest(10)).changes()).extracting(EntityChange::version)
                .containsExactly(2L, 1L);
    }

    @Test
    void the_next_write_of_the_record_records_the_change_a_crash_left_first() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.merge(SPACE, "a", set("n", 2)));

        OpenSearchEntityStore restarted = open();
        restarted.merge(SPACE, "a", set("n", 3));

        assertThat(feed(restarted)).containsExactly("create a v1 n=1", "update a v2 n=2", "update a v3 n=3");
        assertThat(restarted.recoverCarriedChanges()).isZero();
    }

    @Test
    void a_history_read_sees_the_change_a_crash_left_in_the_record() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.merge(SPACE, "a", set("n", 2)));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.changes(SPACE, "a", HistoryQuery.newest(10)).changes()).extracting(EntityChange::version)
                .containsExactly(2L, 1L);
        assertThat(feed(restarted)).containsExactly("create a v1 n=1", "update a v2 n=2");
    }

    @Test
    void two_writes_cut_short_in_a_row_keep_both_changes_in_order() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.merge(SPACE, "a", set("n", 2)));
        crash(WriteFaults.Step.WRITTEN, s -> { }, s -> s.merge(SPACE, "a", set("n", 3)));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.recoverCarriedChanges()).isEqualTo(2);
        assertThat(feed(restarted)).containsExactly("create a v1 n=1", "update a v2 n=2", "update a v3 n=3");
    }

    @Test
    void a_create_cut_short_after_its_write_is_recorded_with_its_fields() {
        crash(WriteFaults.Step.WRITTEN, s -> { }, s -> s.create(SPACE, "a", record(5)));

        OpenSearchEntityStore restarted = open();
        assertThat(feed(restarted)).isEmpty();
        restarted.recoverCarriedChanges();
        assertThat(feed(restarted)).containsExactly("create a v1 n=5");
    }

    @Test
    void a_delete_cut_short_after_its_tombstone_is_finished_by_the_recovery() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.delete(SPACE, "a", read -> { }));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.get(SPACE, "a")).as("a delete not finished reads as the record").isPresent();
        assertThat(restarted.recoverCarriedChanges()).isEqualTo(1);
        assertThat(restarted.get(SPACE, "a")).isEmpty();
        assertThat(feed(restarted)).containsExactly("create a v1 n=1", "delete a v2 n=-");
    }

    @Test
    void a_delete_cut_short_after_its_change_is_finished_by_the_next_create_without_repeating_it() {
        crash(WriteFaults.Step.RECORDED, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.delete(SPACE, "a", read -> { }));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.create(SPACE, "a", record(7))).isEqualTo(CreateOutcome.CREATED);

        List<String> feed = feed(restarted);
        assertThat(feed).hasSize(3).startsWith("create a v1 n=1", "delete a v2 n=-");
        assertThat(feed.get(2)).startsWith("create a v").endsWith("n=7");
    }

    @Test
    void a_bulk_cut_short_after_its_writes_gets_every_record_s_change_once() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)), s -> s.bulk(SPACE, List.of(
                BulkOperation.merge("a", set("n", 2)), BulkOperation.create("b", record(7)),
                BulkOperation.merge("c", set("n", 8)))));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.recoverCarriedChanges()).isEqualTo(3);
        assertThat(feed(restarted)).hasSize(4).startsWith("create a v1 n=1")
                .contains("update a v2 n=2", "create b v1 n=7", "create c v1 n=8");
    }

    @Test
    void a_bulk_delete_cut_short_before_its_change_is_recorded_once_and_done() {
        crash(WriteFaults.Step.WRITTEN, s -> s.merge(SPACE, "a", set("n", 1)),
                s -> s.bulk(SPACE, List.of(BulkOperation.delete("a"), BulkOperation.create("b", record(2)))));

        OpenSearchEntityStore restarted = open();
        assertThat(restarted.merge(SPACE, "a", set("n", 9)).status().name()).isEqualTo("CREATED");
        restarted.recoverCarriedChanges();
        List<String> feed = feed(restarted);
        assertThat(feed).hasSize(4).contains("create b v1 n=2");
        List<String> ofA = feed.stream().filter(line -> line.contains(" a ")).toList();
        assertThat(ofA).hasSize(3).startsWith("create a v1 n=1", "delete a v2 n=-");
        assertThat(ofA.get(2)).startsWith("create a v").endsWith("n=9");
    }

    @Test
    void a_change_pruned_after_being_carried_is_not_written_again() {
        OpenSearchEntityStore first = open();
        first.merge(SPACE, "a", set("n", 1));
        first.awaitRecordedChanges();
        OpenSearchEntityStore second = open();
        second.merge(SPACE, "a", set("n", 2)); // knows nothing: carries the create, found already written
        second.awaitRecordedChanges();
        assertThat(first.prune(SPACE, Long.MAX_VALUE, 1)).isEqualTo(1);

        OpenSearchEntityStore third = open();
        third.merge(SPACE, "a", set("n", 3));
        third.recoverCarriedChanges();

        assertThat(feed(third)).containsExactly("update a v2 n=2", "update a v3 n=3");
    }

    @Test
    void answers_never_show_the_changes_a_record_carries() {
        OpenSearchEntityStore store = open();
        store.merge(SPACE, "a", set("n", 1));
        store.bulk(SPACE, List.of(BulkOperation.merge("a", set("m", 2)), BulkOperation.create("b", record(3))));

        assertThat(store.get(SPACE, "a").orElseThrow().source().has(CarriedChange.FIELD)).isFalse();
        assertThat(store.getAll(SPACE, List.of("a", "b")).values())
                .allSatisfy(e -> assertThat(e.source().has(CarriedChange.FIELD)).isFalse());
        assertThat(store.scan(SPACE, null, 10).entities())
                .allSatisfy(e -> assertThat(e.source().has(CarriedChange.FIELD)).isFalse());
    }

    /**
     * Stands in for a server killed mid-write: a store on the indices runs {@code before} whole, then
     * {@code write}, which is cut short at {@code step}; the store is then dropped.
     */
    private void crash(WriteFaults.Step step, Consumer<OpenSearchEntityStore> before, Consumer<OpenSearchEntityStore> write) {
        CutAt cut = new CutAt();
        OpenSearchEntityStore crashed = open(cut);
        before.accept(crashed);
        crashed.awaitRecordedChanges(); // what was answered before the crash was recorded too
        cut.at = step;
        assertThatThrownBy(() -> write.accept(crashed)).isInstanceOf(CutShort.class);
    }

    private OpenSearchEntityStore open() {
        return open(WriteFaults.NONE);
    }

    /** A store whose recovery runs only when asked. */
    private OpenSearchEntityStore open(WriteFaults faults) {
        OpenSearchConnection connection = OpenSearchConnection.open(settings, JSON);
        connections.add(connection);
        OpenSearchEntityStore store = OpenSearchEntityStore.open(connection, new IndexNames(settings.indexPrefix()),
                Duration.ZERO, faults);
        stores.add(store);
        return store;
    }

    /** The whole feed of the space, one line per change: op, record, version and the value of n after it. */
    private static List<String> feed(OpenSearchEntityStore store) {
        List<String> lines = new ArrayList<>();
        for (EntityChange change : store.since(SPACE, -1, 1_000, Set.of()).changes()) {
            String n = change.fields().path("n").has("after") ? change.fields().path("n").path("after").asText() : "-";
            lines.add(change.op().wireName() + " " + change.id() + " v" + change.version() + " n=" + n);
        }
        return lines;
    }

    private static ObjectNode record(int n) {
        return JSON.createObjectNode().put("n", n);
    }

    /** Sets {@code field}, creating the record when absent. */
    private static EntityMerge set(String field, int value) {
        return current -> {
            ObjectNode source = current.map(StoredEntity::source).map(ObjectNode::deepCopy).orElseGet(JSON::createObjectNode);
            source.put(field, value);
            return MergeDecision.write(source);
        };
    }
}
