package dev.entitystore.store.opensearch;

import static dev.entitystore.domain.store.BulkOperation.merge;
import static dev.entitystore.domain.store.TestJson.obj;
import static dev.entitystore.domain.store.TestJson.updateField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.BulkOperation;
import dev.entitystore.domain.store.EntityStore;
import dev.entitystore.domain.store.ItemOutcome;
import dev.entitystore.domain.store.ItemOutcome.Status;
import dev.entitystore.domain.store.MergeDecision;
import dev.entitystore.domain.store.StoredEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;

/**
 * A bulk of merges carrying the records as their caller read them writes on those reads: the records are
 * not read from the index a second time (counted in the index's own get statistics, which count each
 * {@code _mget} item), and a record changed since is caught by its conditional write and read again.
 */
class OpenSearchCarriedReadTest {
    private static final String SPACE = "default";
    private static final int RECORDS = 50;

    private final StoreOnTestNode node = new StoreOnTestNode();
    private EntityStore store;

    @BeforeEach
    void open() {
        store = node.open();
        for (int i = 0; i < RECORDS; i++) {
            store.create(SPACE, "r" + i, obj("n", i));
        }
    }

    @AfterEach
    void discard() {
        store.close();
        node.discard();
    }

    @Test
    void mergesCarryingTheirReadsAreWrittenWithoutReadingTheRecordsAgain() throws IOException {
        Map<String, StoredEntity> read = store.getAll(SPACE, ids());
        long before = gets();

        List<ItemOutcome> outcomes = store.bulk(SPACE, linkEach(read));

        assertThat(gets() - before).isZero();
        assertThat(outcomes).extracting(ItemOutcome::status).containsOnly(Status.UPDATED);
        for (String id : ids()) {
            StoredEntity stored = store.get(SPACE, id).orElseThrow();
            assertThat(stored.source().get("linked").asBoolean()).isTrue();
            assertThat(stored.version()).isEqualTo(read.get(id).version() + 1);
        }
    }

    @Test
    void aRecordChangedSinceItsReadIsReadAgainAndMergedOnWhatIsStored() throws IOException {
        Map<String, StoredEntity> read = store.getAll(SPACE, ids());
        store.merge(SPACE, "r7", updateField("n", 700)); // another writer, after the caller's read
        long before = gets();

        List<ItemOutcome> outcomes = store.bulk(SPACE, linkEach(read));

        assertThat(gets() - before).isEqualTo(1); // the conflict's re-read of r7 alone
        assertThat(outcomes).extracting(ItemOutcome::status).containsOnly(Status.UPDATED);
        assertThat(store.get(SPACE, "r7").orElseThrow().source()).isEqualTo(obj("n", 700, "linked", true));
    }

    @Test
    void aMergeThatWritesNothingOnItsReadIsCheckedAgainstTheRecordAsStored() throws IOException {
        Map<String, StoredEntity> read = store.getAll(SPACE, List.of("r1", "r2"));
        store.merge(SPACE, "r2", updateField("n", 200)); // the no-op's reason no longer holds
        long before = gets();

        List<ItemOutcome> outcomes = store.bulk(SPACE, List.of(
                merge(read.get("r1"), updateField("linked", true)),
                merge(read.get("r2"), current -> current.orElseThrow().source().get("n").asInt() == 2
                        ? MergeDecision.noop()
                        : MergeDecision.write(current.get().source().put("checked", true)))));

        assertThat(gets() - before).isEqualTo(1); // r2 only
        assertThat(outcomes).extracting(ItemOutcome::status).containsExactly(Status.UPDATED, Status.UPDATED);
        assertThat(store.get(SPACE, "r2").orElseThrow().source()).isEqualTo(obj("n", 200, "checked", true));
    }

    private static List<BulkOperation> linkEach(Map<String, StoredEntity> read) {
        List<BulkOperation> operations = new ArrayList<>();
        read.values().forEach(entity -> operations.add(merge(entity, updateField("linked", true))));
        return operations;
    }

    private static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ids.add("r" + i);
        }
        return ids;
    }

    /** Get operations the space's entity index has served, {@code _mget} items included. */
    private long gets() throws IOException {
        String index = node.names().entities(SPACE);
        return node.connection().client().indices().stats(s -> s.index(index).metric(IndicesStatsMetric.Get))
                .indices().get(index).primaries().get().total();
    }
}
