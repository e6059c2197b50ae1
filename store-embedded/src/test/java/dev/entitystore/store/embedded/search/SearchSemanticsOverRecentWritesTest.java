package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.store.CommittedChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same searches, with most records written after the last refresh ({@link RecentRecord}s): older
 * copies of them sit in the segments, newer and easier to match than the records themselves, and must
 * stay hidden; a record deleted since the refresh must not match; a record written twice since the
 * refresh counts once, in its last state.
 */
class SearchSemanticsOverRecentWritesTest extends SearchSemanticsTest {
    private static final String STALE = """
            {"@timestamp":"2025-01-01T00:00:00.000Z","entity":{"id":"stale","name":"web-01","EngineMetadata":{"Type":"host"}},
             "host":{"name":["web-01","Web-02"],"ip":"10.0.0.1"},"user":{"name":"jane"},"risk":{"score":99},"asset":{"criticality":"high_impact"}}""";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneEntityIndex.open(dir.resolve("recent"));
        RecordsInMemory records = new RecordsInMemory();
        search = new LuceneEntitySearch(index, records, CLOCK);
        List<CommittedChange> last = records(100);
        long seq = 0;
        List<CommittedChange> refreshed = new ArrayList<>();
        for (CommittedChange record : last) {
            refreshed.add(CommittedChange.upsert(++seq, record.space(), record.id(), STALE));
        }
        refreshed.add(CommittedChange.upsert(++seq, "default", "gone", STALE));
        index.apply(refreshed, seq);
        records.apply(refreshed);
        index.refresh();
        // h1 written twice since the refresh; h2 and g1 refreshed in their last state; the rest recent
        List<CommittedChange> recent = new ArrayList<>();
        recent.add(CommittedChange.upsert(50, "default", "h1", STALE.replace("web-01", "between")));
        recent.add(CommittedChange.delete(51, "default", "gone"));
        for (CommittedChange record : last) {
            if (record.id().equals("h2") || record.id().equals("g1")) {
                index.apply(List.of(record), record.seqNo());
                index.refresh();
            } else {
                recent.add(record);
            }
        }
        for (CommittedChange change : recent) {
            index.applyRecent(List.of(change), change.seqNo());
        }
        records.apply(recent);
        records.apply(last);
    }

    @Test
    void the_view_holds_the_recent_writes_until_a_refresh() throws Exception {
        assertThat(index.recentCount()).isEqualTo(4); // h1 once, gone, u1, o1
        assertThat(kql("host.name:web-01")).containsExactly("h1");
        index.refresh();
        assertThat(index.recentCount()).isZero();
        assertThat(kql("host.name:web-01")).containsExactly("h1");
        assertThat(kql("entity.name:web-01 or host.name:between")).containsExactly("h1");
    }
}
