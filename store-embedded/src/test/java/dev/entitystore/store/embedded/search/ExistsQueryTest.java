package dev.entitystore.store.embedded.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.query.Query;
import dev.entitystore.domain.query.QueryDslParser;
import dev.entitystore.domain.search.SearchHit;
import dev.entitystore.domain.search.SearchRequest;
import dev.entitystore.domain.search.SearchSort;
import dev.entitystore.domain.store.CommittedChange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exists} follows updates that drop a path, and an object or pattern standing for more paths than a
 * query may have clauses is still answered (not refused as too complex).
 */
class ExistsQueryTest {
    @TempDir
    Path dir;

    @Test
    void anUpdateThatDropsAPathIsNoLongerFound() throws Exception {
        try (LuceneEntityIndex index = LuceneEntityIndex.open(dir.resolve("index"))) {
            RecordsInMemory records = new RecordsInMemory();
            LuceneEntitySearch search = new LuceneEntitySearch(index, records, Clock.systemUTC());
            apply(index, records, List.of(
                    CommittedChange.upsert(1, "default", "a", "{\"host\":{\"name\":\"a\",\"os\":{\"name\":\"linux\"}}}"),
                    CommittedChange.upsert(2, "default", "b", "{\"host\":{\"name\":\"b\",\"os\":{\"name\":\"mac\"}}}")), 2);
            apply(index, records, List.of(CommittedChange.upsert(3, "default", "a", "{\"host\":{\"name\":\"a\"}}")), 3);

            assertThat(ids(search, "{\"exists\":{\"field\":\"host.os.name\"}}")).containsExactly("b");
            assertThat(ids(search, "{\"exists\":{\"field\":\"host.os\"}}")).containsExactly("b");
            assertThat(ids(search, "{\"exists\":{\"field\":\"host\"}}")).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void anObjectOfMorePathsThanAQueryMayHaveClauses() throws Exception {
        try (LuceneEntityIndex index = LuceneEntityIndex.open(dir.resolve("index"))) {
            RecordsInMemory records = new RecordsInMemory();
            LuceneEntitySearch search = new LuceneEntitySearch(index, records, Clock.systemUTC());
            StringBuilder wide = new StringBuilder("{\"wide\":{");
            for (int i = 0; i < 1500; i++) {
                wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"v\"");
            }
            wide.append("}}");
            apply(index, records, List.of(
                    CommittedChange.upsert(1, "default", "wide", wide.toString()),
                    CommittedChange.upsert(2, "default", "narrow", "{\"wide\":{\"f1499\":\"v\"}}"),
                    CommittedChange.upsert(3, "default", "other", "{\"narrow\":{\"f1\":\"v\"}}")), 3);

            assertThat(ids(search, "{\"exists\":{\"field\":\"wide\"}}")).containsExactlyInAnyOrder("wide", "narrow");
            assertThat(ids(search, "{\"exists\":{\"field\":\"wide.*\"}}")).containsExactlyInAnyOrder("wide", "narrow");
            assertThat(ids(search, "{\"exists\":{\"field\":\"*\"}}")).containsExactlyInAnyOrder("wide", "narrow", "other");
        }
    }

    private static void apply(LuceneEntityIndex index, RecordsInMemory records, List<CommittedChange> changes, long seq) throws Exception {
        index.apply(changes, seq);
        records.apply(changes);
        index.refresh();
    }

    private static List<String> ids(LuceneEntitySearch search, String dsl) {
        Query query = QueryDslParser.parse(dsl);
        return search.search(new SearchRequest("default", query, SearchSort.newestFirst(), null, 0, 100, false))
                .hits().stream().map(SearchHit::id).toList();
    }
}
